export const id = 95;
export const ids = [95];
export const modules = {

/***/ 5080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ isOurs),
/* harmony export */   rj: () => (/* binding */ tokenAccount),
/* harmony export */   sV: () => (/* binding */ learnedFrom)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);
/**
 * Whose account `github_token` writes as, and so which comments and commit statuses are ours: a
 * comment or status is ours only when that very account wrote it. Anyone can copy a hidden
 * marker or name a status like ours; no one else can write as our account.
 *
 * - A person's token (a personal access token): `GET /user` names the person.
 * - An installation token — the workflow token, which writes as `github-actions[bot]`, or a
 *   GitHub App's, which writes as `<app>[bot]` — is refused `GET /user` (403). GraphQL's `viewer`
 *   answers for it with that same bot account, so the workflow token matches
 *   `github-actions[bot]` exactly and an app's token matches its own bot only, never another
 *   app's (e.g. `vercel[bot]`).
 * - When neither answers, the account is unknown: nothing already there is ours. The step then
 *   edits no existing comment and trusts no earlier report, and learns the account from the
 *   first comment it creates (GitHub names the author in its answer).
 */

/** True when `author` is the token's own account; nothing is while the account is unknown. */
function isOurs(account, author) {
    return account.login !== undefined && author.login === account.login;
}
/** The account, once learned from what the token just wrote (a comment's author). */
function learnedFrom(account, author) {
    return account.login === undefined && author.login ? { login: author.login } : account;
}
/** The account each client's token writes as, asked once: the comment, the rerun and the baseline all need it. */
const accounts = new WeakMap();
/**
 * `GET /user`, then for an installation token GraphQL's `viewer`, once per client (a failure is
 * not kept, so a later caller asks again). Throws only what is worth a retry (a 5xx, a rate limit,
 * the network); a refusal of both is an unknown account.
 */
function tokenAccount(octokit) {
    let asked = accounts.get(octokit);
    if (!asked) {
        asked = askAccount(octokit);
        accounts.set(octokit, asked);
        asked.catch(() => accounts.delete(octokit));
    }
    return asked;
}
async function askAccount(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated({ ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)() });
        return { login: data.login };
    }
    catch (error) {
        if (!isRefusal(error))
            throw error;
    }
    try {
        const answer = await octokit.graphql('query { viewer { login } }', {
            ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)()
        });
        const login = answer.viewer?.login;
        return { login: typeof login === 'string' && login !== '' ? asBotLogin(login) : undefined };
    }
    catch (error) {
        // GraphQL said no (an answer with `errors`), or there is no GraphQL API to ask: unknown.
        const answered = error.name === 'GraphqlResponseError';
        if (answered || isRefusal(error) || (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return { login: undefined };
        throw error;
    }
}
/**
 * An installation writes as `<app>[bot]` in the REST API, which is what comments and statuses
 * name; GraphQL may name the same account by its app's slug alone. A login never contains `[`,
 * so the suffix cannot turn one account into another.
 */
function asBotLogin(login) {
    return login.endsWith('[bot]') ? login : `${login}[bot]`;
}
/** 401, or a 403 that is not a rate limit: the token may not ask, which says what kind it is. */
function isRefusal(error) {
    const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
    if (status === 401)
        return true;
    if (status !== 403)
        return false;
    const headers = error.response?.headers ?? {};
    // A rate limit (no requests left, or a secondary limit that says when to come back) is no refusal.
    return headers['x-ratelimit-remaining'] !== '0' && headers['retry-after'] === undefined;
}


/***/ }),

/***/ 8274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ commentKeyOf),
/* harmony export */   Kv: () => (/* binding */ jobIdentity),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   rM: () => (/* binding */ statusContextOf)
/* harmony export */ });
/* unused harmony export matrixLeg */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4244);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/**
 * Who a report belongs to: the action, the workflow, the job, its matrix leg and `comment_key`,
 * and the workflow run and attempt. The comment key and the default commit status context are
 * derived here and nowhere else, so every report of one job names it the same way, and two
 * actions in one job (QA.tech runs and a change review, say) never take each other's.
 */



/**
 * The job as the comment and the commit status name it. The runner does not tell an action which
 * matrix leg it runs in: `matrix` is the job's `${{ toJSON(matrix) }}`, passed in as an input.
 */
function jobIdentity(env, options) {
    const workflowName = env.GITHUB_WORKFLOW ?? '';
    // `owner/repo/.github/workflows/ci.yml@refs/pull/1/merge`: the file, whatever the ref.
    const workflowFile = env.GITHUB_WORKFLOW_REF?.split('@', 1)[0];
    const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    const server = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(env.GITHUB_SERVER_URL)?.replace(/\/$/, '');
    const runId = env.GITHUB_RUN_ID || undefined;
    const { leg, legKey } = matrixLeg(options.matrix);
    return {
        action: options.action,
        workflow: workflowFile || workflowName,
        workflowName,
        job: env.GITHUB_JOB ?? '',
        leg,
        legKey,
        commentKey: options.commentKey || undefined,
        workflowRunId: runId,
        attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
        workflowRunUrl: server && runId && env.GITHUB_REPOSITORY
            ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${encodeURIComponent(runId)}`
            : undefined
    };
}
/** `{"app":"web","os":"ubuntu-latest"}` → "web, ubuntu-latest"; nothing for a job outside a matrix. */
function matrixLeg(matrix) {
    const text = matrix?.trim() ?? '';
    // `${{ … }}` unevaluated: a runner that does not evaluate input defaults (a local run).
    if (text === '' || text === 'null' || text === '{}' || text.startsWith('${{'))
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { leg: text, legKey: text };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { leg: String(parsed), legKey: JSON.stringify(parsed) };
    }
    const entries = Object.entries(parsed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0)
        return {};
    return {
        // In the workflow's order, as GitHub names the job.
        leg: Object.values(parsed)
            .map(value => (typeof value === 'string' ? value : JSON.stringify(value)))
            .join(', '),
        legKey: JSON.stringify(entries)
    };
}
/**
 * The comment's key: the same action, workflow, job, leg and `comment_key` give the same key on
 * every run and attempt; another action in the same job gets a key (and a comment) of its own.
 */
function commentKeyOf(identity) {
    const parts = [
        identity.action ?? '',
        identity.workflow,
        identity.job,
        identity.legKey ?? '',
        identity.commentKey ?? ''
    ];
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}
/** Keeps a context readable in the checks list. */
const MAX_CONTEXT_NAME = 100;
/**
 * The default context of each action, before the matrix leg: stable across runs and free of the
 * workflow's and the job's names, so that branch protection can require it and every workflow
 * that tests a commit names it the same way. No two actions' can be equal: QA.tech runs are
 * "QA.tech" or "QA.tech / <plan>", whatever the plan is called; the change review is "QA.tech
 * change review", with no " / "; tester.army's start with "tester.army".
 */
const DEFAULT_CONTEXT = {
    'qatech-runs': plan => (plan ? `QA.tech / ${plan}` : 'QA.tech'),
    'qatech-change-review': () => 'QA.tech change review',
    'tester-army': plan => (plan ? `tester.army / ${plan}` : 'tester.army')
};
/**
 * The status's context: `status_context`, or the action's default with the matrix leg, so that
 * two legs (or two plans, or two actions) never overwrite each other's status.
 */
function statusContextOf(settings, service, plan, matrix) {
    if (settings.statusContext)
        return settings.statusContext;
    const { leg } = matrixLeg(matrix);
    // The plan's name (never the pull request's): "QA.tech / Checkout flow", "tester.army / grp_1".
    const name = DEFAULT_CONTEXT[service.action](plan?.name || undefined);
    return shorten((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inline */ .mG)(leg ? `${name} (${leg})` : name, 1_000), MAX_CONTEXT_NAME);
}
/** At most `max` UTF-16 units (GitHub counts characters; this is never more), cut with "…". */
function shorten(text, max) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - 1);
    const last = cut.charCodeAt(cut.length - 1);
    return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}


/***/ }),

/***/ 3095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareWithBaseline: () => (/* binding */ compareWithBaseline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(3246);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: ./src/github/octokit.ts
var octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/token-account.ts
var token_account = __webpack_require__(5080);
;// CONCATENATED MODULE: ./src/github/baseline.ts




/** How many of the base branch's newest commits are looked at, at most. */
const BASELINE_MAX_COMMITS = 20;
/** How long the look-up may take in all, in milliseconds. */
const BASELINE_BUDGET_MS = 5_000;
/** The newest commit of `baseRef` with a final status of `context` by `account`, or why there is none. Never throws. */
async function findBaseline(query) {
    const { octokit, repository, baseRef, context, account, clock } = query;
    if (baseRef === undefined || baseRef === '') {
        return miss('no-pull-request', 'There is no pull request, so there is no base branch to compare with.');
    }
    const branch = (0,untrusted_text/* inline */.mG)(baseRef, 100);
    if (!octokit) {
        return miss('no-token', `github_token is empty: the commit statuses of ${branch} cannot be read.`);
    }
    if (!repository) {
        return miss('no-repository', `The repository is not known, so the commit statuses of ${branch} cannot be read.`);
    }
    if (account.login === undefined) {
        return miss('unknown-account', "GitHub would not say which account github_token writes as (GET /user and GraphQL's viewer were refused), " +
            `so no commit status on ${branch} can be told to be this action's own.`);
    }
    const budgetMs = query.budgetMs ?? BASELINE_BUDGET_MS;
    const deadline = clock.now() + budgetMs;
    const timeLeft = () => deadline - clock.now();
    const outOfTime = (checked, of) => miss('out-of-time', `Reading the commit statuses of ${branch} took longer than ${formatSeconds(budgetMs)}: ` +
        `stopped after ${checked}${of === undefined ? '' : ` of ${of}`} commit${(of ?? checked) === 1 ? '' : 's'}.`, true);
    const failed = (error, what) => miss('github-error', `Could not read ${what} from GitHub (${describeError(error)}).${permissionHint(error)}`, true);
    let line;
    try {
        const listed = await listCommits(octokit, repository, baseRef, query.maxCommits ?? BASELINE_MAX_COMMITS, timeLeft());
        line = firstParentLine(listed);
    }
    catch (error) {
        return timeLeft() <= 0 ? outOfTime(0, undefined) : failed(error, `the commits of ${branch}`);
    }
    const seen = { notFinal: new Set(), otherAccounts: new Set(), ourOtherContexts: new Set() };
    for (const [index, sha] of line.entries()) {
        if (timeLeft() <= 0)
            return outOfTime(index, line.length);
        let statuses;
        try {
            statuses = await listStatuses(octokit, repository, sha, timeLeft());
        }
        catch (error) {
            if (timeLeft() <= 0)
                return outOfTime(index, line.length);
            return failed(error, `the commit statuses of ${(0,untrusted_text/* inline */.mG)(sha.slice(0, 7))} on ${branch}`);
        }
        // Newest first: the newest final status is what this commit's latest finished run said.
        for (const status of statuses) {
            const ours = (0,token_account/* isOurs */.MU)(account, { login: status.creator, type: undefined });
            if (status.context !== context) {
                if (ours)
                    seen.ourOtherContexts.add(status.context);
            }
            else if (!ours) {
                seen.otherAccounts.add(status.creator ?? 'an unknown account');
            }
            else if (status.state === 'success' || status.state === 'failure') {
                return { baseline: { branch: baseRef, commitSha: sha, state: status.state, targetUrl: status.targetUrl } };
            }
            else {
                seen.notFinal.add(status.state);
            }
        }
    }
    return nothingFound(line.length, branch, (0,untrusted_text/* quote */.hD)(context), account.login, seen);
}
function nothingFound(checked, branch, context, login, seen) {
    const howTo = ` To compare with ${branch}, run this action on push to ${branch} with commit_status: true, with the same` +
        ' github_token account and status context as here: each commit it tests there then names its run.';
    if (checked === 0)
        return miss('none-written', `GitHub listed no commits of ${branch}.${howTo}`);
    const commits = checked === 1 ? `the newest commit of ${branch}` : `the ${checked} newest commits of ${branch}`;
    if (seen.notFinal.size > 0) {
        const states = [...seen.notFinal].map(state => (0,untrusted_text/* inline */.mG)(state, 20)).join(' or ');
        return miss('none-final', `This action's ${context} statuses on ${commits} are all ${states}: none is a finished run's result (success or failure).${howTo}`);
    }
    if (seen.otherAccounts.size > 0) {
        return miss('none-ours', `The ${context} statuses on ${commits} were written by ${names(seen.otherAccounts)}, not by ${(0,untrusted_text/* inline */.mG)(login, 100)} ` +
            `(the account github_token writes as): another account's status is never taken as the baseline.${howTo}`);
    }
    const otherContexts = seen.ourOtherContexts.size > 0
        ? ` This action's statuses there have other contexts (${names(seen.ourOtherContexts, untrusted_text/* quote */.hD)}).`
        : '';
    return miss('none-written', `None of ${commits} has a ${context} status.${otherContexts}${howTo}`);
}
function miss(kind, why, error = false) {
    return { baseline: undefined, miss: kind, why, error };
}
/** "vercel[bot], octocat and 2 more": at most three, each made inert. */
function names(values, show = value => (0,untrusted_text/* inline */.mG)(value, 100)) {
    const all = [...values];
    const shown = all.slice(0, 3).map(value => show((0,untrusted_text/* inline */.mG)(value, 100)));
    return all.length > 3 ? `${shown.join(', ')} and ${all.length - 3} more` : shown.join(', ');
}
/** `GET /repos/{owner}/{repo}/commits?sha=<branch>`: the branch's newest commits, newest first, with their parents. */
async function listCommits(octokit, repository, branch, count, timeLeftMs) {
    const { data } = await octokit.rest.repos.listCommits({
        ...repository,
        sha: branch,
        per_page: Math.max(1, Math.min(count, 100)),
        ...requestTimeout(timeLeftMs)
    });
    return data.slice(0, count).map(commit => ({ sha: commit.sha, firstParent: commit.parents[0]?.sha }));
}
/**
 * The branch's own line among the listed commits: from the newest, each commit's first parent,
 * while it is listed. A merged branch's commits, listed by date among the branch's own, are left out.
 */
function firstParentLine(commits) {
    const bySha = new Map(commits.map(commit => [commit.sha, commit]));
    const line = [];
    for (let commit = commits[0]; commit && !line.includes(commit.sha);) {
        line.push(commit.sha);
        commit = commit.firstParent === undefined ? undefined : bySha.get(commit.firstParent);
    }
    return line;
}
/**
 * `GET /repos/{owner}/{repo}/commits/{sha}/statuses`: the commit's newest 100 statuses, newest
 * first. One page is enough: each finished run of a context writes two (pending, then its end).
 */
async function listStatuses(octokit, repository, sha, timeLeftMs) {
    const { data } = await octokit.rest.repos.listCommitStatusesForRef({
        ...repository,
        ref: sha,
        per_page: 100,
        ...requestTimeout(timeLeftMs)
    });
    return data.map(status => ({
        state: status.state,
        context: status.context,
        targetUrl: status.target_url ?? undefined,
        creator: status.creator?.login
    }));
}
/** Each request may take the time left, and never longer than any GitHub request of the step. */
function requestTimeout(timeLeftMs) {
    return (0,octokit/* withTimeout */.wj)(Math.max(1, Math.min(timeLeftMs, octokit/* GITHUB_REQUEST_TIMEOUT_MS */.bB)));
}
function describeError(error) {
    const status = (0,octokit/* statusOf */.c2)(error);
    return `${status === undefined ? '' : `${status}: `}${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error), 200)}`;
}
/** A refusal is most often a job's `permissions:` block without what the look-up reads. */
function permissionHint(error) {
    const status = (0,octokit/* statusOf */.c2)(error);
    return status === 401 || status === 403
        ? ' Give the job `permissions: contents: read` and `statuses: read` to compare with the base branch.'
        : '';
}
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}

// EXTERNAL MODULE: ./src/github/pull-request.ts
var pull_request = __webpack_require__(2524);
// EXTERNAL MODULE: ./src/report/identity.ts
var identity = __webpack_require__(8274);
// EXTERNAL MODULE: ./src/util/records.ts
var records = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(4537);
// EXTERNAL MODULE: ./src/verdict/words.ts
var words = __webpack_require__(220);
;// CONCATENATED MODULE: ./src/verdict/baseline.ts


/**
 * Why the baseline run's report cannot be compared with, or undefined when it can: it must have
 * finished with its per-test results read.
 */
function whyNotComparable(baseline, words) {
    if (baseline.phase !== 'finished')
        return 'The baseline run has not finished.';
    if (baseline.testCasesUnread === true || baseline.detailsMissing !== undefined) {
        return "The baseline run's per-test results could not be read.";
    }
    if (baseline.testCases.length === 0)
        return `${words.name} sent no per-test results for the baseline run.`;
    return undefined;
}
/**
 * Marks each failed test case of `report` `known` or `new` against `baseline`. Test cases are
 * the same test when both have the service's stable id and it is equal, or, where either has
 * none, when their names are exactly equal. A failure is known only when every test case of the
 * baseline that is the same test failed there: a name two tests share, one failed and one
 * passed, cannot say which one this is, and a failure is never excused on a guess.
 */
function classifyFailures(report, baseline) {
    const same = sameTestFinder(baseline.testCases);
    // The same holds on the pull request's side: two of its test cases that one key names (a new
    // test that took an old one's name) cannot be told apart, so neither is excused.
    const ownKeys = new Map();
    const ownKey = (testCase) => testCase.testId !== undefined ? `id:${testCase.testId}` : `name:${testCase.name}`;
    for (const testCase of report.testCases)
        ownKeys.set(ownKey(testCase), (ownKeys.get(ownKey(testCase)) ?? 0) + 1);
    const sharedName = new Set(report.testCases
        .filter((testCase, index, all) => all.findIndex(other => other.name === testCase.name) !== index)
        .map(testCase => testCase.name));
    let newFailed = 0;
    let knownFailed = 0;
    const testCases = report.testCases.map(testCase => {
        if (testCase.verdict !== 'failed')
            return testCase;
        const matches = same(testCase);
        const unique = (ownKeys.get(ownKey(testCase)) ?? 0) === 1 && (testCase.testId !== undefined || !sharedName.has(testCase.name));
        const mark = unique && matches.length > 0 && matches.every(match => match.verdict === 'failed') ? 'known' : 'new';
        if (mark === 'known')
            knownFailed++;
        else
            newFailed++;
        return { ...testCase, baseline: mark };
    });
    return { report: { ...report, testCases }, newFailed, knownFailed };
}
/** The baseline's test cases that are the same test as a given one, found by index (a run may have thousands). */
function sameTestFinder(baseline) {
    const byId = new Map();
    const byName = new Map();
    const add = (index, key, testCase) => {
        const list = index.get(key);
        if (list)
            list.push(testCase);
        else
            index.set(key, [testCase]);
    };
    for (const testCase of baseline) {
        if (testCase.testId !== undefined)
            add(byId, testCase.testId, testCase);
        add(byName, testCase.name, testCase);
    }
    return testCase => {
        const named = byName.get(testCase.name) ?? [];
        if (testCase.testId === undefined)
            return named;
        // With an id, by the id; by the name only those that have none.
        return [...(byId.get(testCase.testId) ?? []), ...named.filter(other => other.testId === undefined)];
    };
}
/**
 * The outcome once the failures are compared with the baseline. A failed run gets `baseline`
 * (the counts of new and known failures) and a message that tells them apart, new first; with
 * `fail_on: new` it succeeds when every failure is known — its `kind` stays `failed`, as do its
 * counts — unless a test case errored or did not finish, which has no result to compare. Every
 * other outcome is returned as it is: there are no failures to compare. So is a failed one whose
 * counts do not agree with the classified test cases (unknown counts, results of a status-only
 * read): nothing is said of failures that were not all compared.
 */
function decideWithBaseline(outcome, classification, baseline, options) {
    const { newFailed, knownFailed } = classification;
    const failed = outcome.counts.failed;
    if (outcome.kind !== 'failed' || failed === undefined || failed === 0 || failed !== newFailed + knownFailed) {
        return outcome;
    }
    const compared = {
        ...outcome,
        baseline: {
            branch: baseline.branch,
            commitSha: baseline.commitSha,
            runUrl: baseline.runUrl,
            newFailed,
            knownFailed
        }
    };
    const failures = classification.report.testCases.filter(testCase => testCase.verdict === 'failed');
    const named = (mark) => nameList(failures.filter(testCase => testCase.baseline === mark));
    const noun = (0,words/* testCaseNounOf */.SA)(options.words);
    const onBase = `on ${(0,untrusted_text/* inline */.mG)(baseline.branch, 100)} at ${(0,untrusted_text/* inline */.mG)(baseline.commitSha.slice(0, 7))}`;
    const see = options.started.url ? ` See ${(0,untrusted_text/* inline */.mG)(options.started.url)}` : '';
    const { errored = 0, unfinished = 0 } = outcome.counts;
    const unresolved = errored + unfinished;
    if (newFailed === 0 && unresolved === 0 && options.failOn === 'new') {
        const link = baseline.runUrl ? ` Baseline run: ${(0,untrusted_text/* inline */.mG)(baseline.runUrl)}` : '';
        return {
            ...compared,
            succeeded: true,
            message: `${(0,words/* countOf */.pq)(failed, noun)} ${failed === 1 ? 'fails' : 'fail'}, ${allOf(failed)}already failing ${onBase}` +
                ` — not caused by this pull request: ${named('known')}.${link}`
        };
    }
    const ofTotal = `${failed} of ${outcome.counts.total ?? failed} ${noun.many} failed`;
    const told = knownFailed === 0
        ? `${ofTotal}, ${failed === 1 ? 'not' : 'none of them'} already failing ${onBase}: ${named('new')}.`
        : newFailed === 0
            ? `${ofTotal}, ${allOf(failed)}already failing ${onBase}: ${named('known')}.`
            : `${ofTotal}: ${newFailed} new (${named('new')}); ${knownFailed} already failing ${onBase} (${named('known')}).`;
    // Known failures alone would have passed with fail_on: new: say what held the step back.
    const heldBack = newFailed === 0 && options.failOn === 'new'
        ? ` ${(0,words/* capitalized */.l2)((0,words/* countOf */.pq)(unresolved, noun))} errored or did not finish: there is no result to compare.`
        : '';
    return { ...compared, message: `${told}${heldBack}${see}` };
}
const NAMES_IN_MESSAGE = 3;
/** "Checkout, Login and 2 more": the first three names, made inert. */
function nameList(testCases) {
    const names = testCases.map(testCase => (0,untrusted_text/* inline */.mG)(testCase.name, 80));
    const more = names.length > NAMES_IN_MESSAGE ? ` and ${names.length - NAMES_IN_MESSAGE} more` : '';
    return `${names.slice(0, NAMES_IN_MESSAGE).join(', ')}${more}`;
}
/** "", "both ", "all ": before "already failing". */
function allOf(count) {
    return count === 1 ? '' : count === 2 ? 'both ' : 'all ';
}

// EXTERNAL MODULE: ./src/step/log.ts
var log = __webpack_require__(3424);
;// CONCATENATED MODULE: ./src/step/baseline.ts
/**
 * `fail_on: new`: a failed run's failures compared with its base branch's run, the baseline that
 * this action's commit status names on the base branch (github/baseline.ts finds it, and
 * verdict/baseline.ts compares). Loaded only when `fail_on` is `new` and a run failed.
 *
 * Best effort from end to end: whatever stops the comparison — no pull request, no status of
 * ours, GitHub or the service failing, a baseline run that cannot be read — leaves the outcome
 * as it was (every failure counts, as with `fail_on: any`), with a notice that says why and how
 * to get a baseline, or a warning when one was found but could not be read. Nothing here turns a
 * verdict red or green by itself: only the comparison of two runs' results does.
 */












/** How long each request for the baseline run's results may take. */
const BASELINE_READ_TIMEOUT_MS = 10_000;
/**
 * The whole comparison (the account, the pull request, the base branch's statuses, the baseline
 * run's results) in real time: at most this long, and past timeout_minutes by no more than
 * COMPARE_PAST_DEADLINE_MS, so the reports are written long before the runner gives up on the step.
 */
const COMPARE_BUDGET_MS = 20_000;
const COMPARE_PAST_DEADLINE_MS = 5_000;
/** What the reporters should be told: the outcome compared with the baseline, or as it was. */
async function compareWithBaseline(started, deps, decided) {
    const { report } = decided;
    if (!hasPerTestResults(report, decided.outcome)) {
        notice(`The per-test results of ${(0,untrusted_text/* inline */.mG)(started.run.label)} were not read, so its failures cannot be compared with the base branch's.`);
        return decided;
    }
    const budgetMs = Math.min(COMPARE_BUDGET_MS, Math.max(0, started.deadline - deps.clock.now()) + COMPARE_PAST_DEADLINE_MS);
    try {
        return await withinBudget(compare(started, deps, { outcome: decided.outcome, report }), budgetMs);
    }
    catch (error) {
        // A GitHub or service failure never decides the verdict.
        (0,log/* warn */.R8)(`${NOT_COMPARED} Comparing the failures with the base branch's run failed: ${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error))}`);
        return decided;
    }
}
/** Said whenever nothing was compared: the verdict is the one fail_on: any gives. */
const NOT_COMPARED = 'fail_on: new compared nothing, so every failure fails the step, as with fail_on: any.';
/** A notice, not a warning: nothing went wrong, there is just nothing to compare with. */
function notice(why) {
    core/* notice */.lm(`${NOT_COMPARED} ${why}`);
}
async function compare(started, deps, decided) {
    const { settings, service, run } = started;
    const client = started.octokit ? await started.octokit() : undefined;
    const base = await baseBranchOf(started, client);
    if ('why' in base) {
        notice(`${base.why} There is no base branch to compare with.`);
        return decided;
    }
    const account = client ? await (0,token_account/* tokenAccount */.rj)(client) : { login: undefined };
    const found = await findBaseline({
        octokit: client,
        repository: (0,octokit/* splitRepository */.T8)(started.git.repository),
        baseRef: base.ref,
        context: (0,identity/* statusContextOf */.rM)(settings, service, run.plan, settings.jobMatrix),
        account,
        clock: deps.clock
    });
    if (!found.baseline) {
        if (found.error)
            (0,log/* warn */.R8)(`${NOT_COMPARED} ${found.why}`);
        else
            notice(found.why);
        return decided;
    }
    const baseline = found.baseline;
    const where = `${(0,untrusted_text/* inline */.mG)(baseline.branch, 100)} at ${(0,untrusted_text/* inline */.mG)(baseline.commitSha.slice(0, 7))}`;
    const baselineRun = runOf(service, baseline, where);
    if (!baselineRun) {
        const link = baseline.targetUrl ? `links to ${(0,untrusted_text/* quote */.hD)((0,untrusted_text/* inline */.mG)(baseline.targetUrl, 200))}` : 'links to nothing';
        (0,log/* warn */.R8)(`${NOT_COMPARED} This action's commit status on ${where} ${link}, not to a ${service.words.name} run it can read. ` +
            `A run of this action on push to ${(0,untrusted_text/* inline */.mG)(baseline.branch, 100)} sets a status that links to its run.`);
        return decided;
    }
    (0,log/* log */.Rm)(`Comparing the failures with ${baselineRun.label}: ${(0,untrusted_text/* inline */.mG)(baselineRun.url)}`);
    let baselineReport;
    try {
        baselineReport = (0,secrets/* redactSecrets */.f)(await service.result(baselineRun, { timeoutMs: BASELINE_READ_TIMEOUT_MS }), settings.secrets);
    }
    catch (error) {
        (0,log/* warn */.R8)(`${NOT_COMPARED} Could not read ${baselineRun.label}: ${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error))}`);
        return decided;
    }
    const unusable = whyNotComparable(baselineReport, service.words);
    if (unusable !== undefined) {
        (0,log/* warn */.R8)(`${NOT_COMPARED} ${unusable} (${baselineRun.label}: ${(0,untrusted_text/* inline */.mG)(baselineRun.url)})`);
        return decided;
    }
    const classification = classifyFailures(decided.report, baselineReport);
    const outcome = decideWithBaseline(decided.outcome, classification, { branch: baseline.branch, commitSha: baseline.commitSha, runUrl: baselineRun.url }, { failOn: 'new', words: service.words, started: run });
    // Failures are marked new or known only when the outcome tells them apart too.
    return outcome.baseline ? { outcome, report: classification.report } : decided;
}
/** A failed run's outcome counts its failures from per-test results that were read in full. */
function hasPerTestResults(report, outcome) {
    return (report !== undefined &&
        report.testCasesUnread !== true &&
        report.detailsMissing === undefined &&
        outcome.counts.failed !== undefined);
}
/**
 * The branch the tested change goes into: the pull request's base — the event's, or the open
 * pull request whose head is the tested commit — or a merge queue's target branch.
 */
async function baseBranchOf(started, client) {
    const { event, git } = started;
    if (event.name === 'merge_group') {
        const ref = (0,records/* asRecord */.qY)(event.payload.merge_group).base_ref;
        if (typeof ref === 'string' && ref !== '')
            return { ref: ref.replace(/^refs\/heads\//, '') };
    }
    const answer = await (0,pull_request/* resolvePullRequest */.DJ)({ event, git, client });
    if (!answer.pullRequest)
        return { why: answer.why };
    if (answer.pullRequest.baseRef === '') {
        return { why: `Pull request #${answer.pullRequest.number} does not name its base branch.` };
    }
    return { ref: answer.pullRequest.baseRef };
}
/** The baseline run, as the service reads it, from the link of its commit status; undefined when the link names none. */
function runOf(service, baseline, where) {
    const url = baseline.targetUrl;
    const id = url === undefined ? undefined : service.runIdFromUrl?.(url);
    if (url === undefined || id === undefined || id === '')
        return undefined;
    return {
        id,
        // By what it tested: the id may be a run's or a batch's.
        label: `the ${service.words.name} run that tested ${where}`,
        url,
        testedUrls: [],
        record: undefined,
        fileId: id.replace(/[^A-Za-z0-9_-]/g, '_')
    };
}
/** The comparison, or a failure once `budgetMs` of real time has passed (its requests are left to end on their own). */
async function withinBudget(work, budgetMs) {
    let timer;
    const outOfTime = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`it took longer than ${Math.round(budgetMs / 1000)} s`)), budgetMs);
        timer.unref();
    });
    try {
        return await Promise.race([work, outOfTime]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
