export const id = 63;
export const ids = [63];
export const modules = {

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L0: () => (/* binding */ repositoryNames),
/* harmony export */   W3: () => (/* binding */ readComment),
/* harmony export */   eT: () => (/* binding */ createComment),
/* harmony export */   h1: () => (/* binding */ findComment),
/* harmony export */   vv: () => (/* binding */ updateComment)
/* harmony export */ });
/* unused harmony export hasNextPage */
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);

const authorOf = (user) => ({
    login: user?.login,
    type: user?.type
});
/** 100 comments a page, GitHub's largest: a pull request with 10,000 comments is read in full. */
const PER_PAGE = 100;
const MAX_PAGES = 100;
/** `owner/name` as Octokit takes it; throws for anything else. */
function repositoryNames(repository) {
    const names = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .splitRepository */ .T8)(repository);
    if (!names)
        throw new Error(`the repository name ${JSON.stringify(repository ?? '')} is not owner/name`);
    return names;
}
/**
 * The first comment (oldest first, across every page) that `matches` accepts, following GitHub's
 * Link header page by page; each page has a timeout of its own.
 */
async function findComment(octokit, repository, issueNumber, matches) {
    for (let page = 1; page <= MAX_PAGES; page += 1) {
        const response = await octokit.rest.issues.listComments({
            ...repository,
            issue_number: issueNumber,
            per_page: PER_PAGE,
            page,
            ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)()
        });
        for (const data of response.data) {
            const comment = { id: data.id, body: data.body ?? '', author: authorOf(data.user) };
            if (matches(comment))
                return comment;
        }
        if (!hasNextPage(response.headers.link))
            return undefined;
    }
    return undefined;
}
/** True when a Link header names a next page. */
function hasNextPage(link) {
    return (link ?? '').split(',').some(part => /;\s*rel="?next"?/.test(part));
}
/** Creates a comment; never retried, so a slow answer cannot leave two. */
async function createComment(octokit, repository, issueNumber, body) {
    const { data } = await octokit.rest.issues.createComment({
        ...repository,
        issue_number: issueNumber,
        body,
        ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)()
    });
    return { id: data.id, body: data.body ?? body, author: authorOf(data.user) };
}
/** Replaces a comment's body: the same request twice leaves the same comment. */
async function updateComment(octokit, repository, commentId, body) {
    await octokit.rest.issues.updateComment({ ...repository, comment_id: commentId, body, ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)() });
}
/** One comment as it is now (someone, or another run, may have edited it since it was listed). */
async function readComment(octokit, repository, commentId) {
    const { data } = await octokit.rest.issues.getComment({ ...repository, comment_id: commentId, ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)() });
    return { id: data.id, body: data.body ?? '', author: authorOf(data.user) };
}


/***/ }),

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

/***/ 7202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderMarker),
/* harmony export */   t: () => (/* binding */ readMarker)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);
/**
 * The hidden marker at the start of the pull-request comment: which job and action wrote it (the
 * key), which workflow run and attempt, which run it reports and whether the step passed, so that
 * the next run edits it and a rerun of the job finds its run again. A marker is only read from a
 * comment our own account wrote: anyone can copy one.
 */

const MARKER_START = '<!-- run-action-report ';
const MARKER_END = ' -->';
/** Longer values than these are not a service's ids or pages: left out rather than cut. */
const MAX_MARKER_ID = 200;
const MAX_MARKER_URL = 2_000;
const MAX_MARKER_PLAN = 300;
/** The marker, an HTML comment GitHub does not show. Its JSON cannot end the comment early. */
function renderMarker(marker) {
    const url = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(marker.run.url);
    const data = {
        v: 1,
        key: marker.key,
        run: {
            ...(marker.run.id && marker.run.id.length <= MAX_MARKER_ID ? { id: marker.run.id } : {}),
            ...(url && url.length <= MAX_MARKER_URL ? { url } : {}),
            ...(marker.run.plan && marker.run.plan.label.length + marker.run.plan.name.length <= MAX_MARKER_PLAN
                ? { plan: { label: marker.run.plan.label, name: marker.run.plan.name } }
                : {})
        },
        ...(marker.sha && /^[0-9a-f]{7,64}$/i.test(marker.sha) ? { sha: marker.sha } : {}),
        ...(marker.workflowRunId && /^\d{1,20}$/.test(marker.workflowRunId) ? { workflowRunId: marker.workflowRunId } : {}),
        ...(marker.attempt !== undefined ? { attempt: marker.attempt } : {}),
        ...(marker.verdict !== undefined ? { verdict: marker.verdict } : {})
    };
    const json = JSON.stringify(data).replace(/[<>&-]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${MARKER_START}${json}${MARKER_END}`;
}
/** The marker at the start of a comment's body, or undefined when it has none (or a broken one). */
function readMarker(body) {
    if (!body.startsWith(MARKER_START))
        return undefined;
    const end = body.indexOf(MARKER_END, MARKER_START.length);
    if (end === -1)
        return undefined;
    let data;
    try {
        data = JSON.parse(body.slice(MARKER_START.length, end));
    }
    catch {
        return undefined;
    }
    if (typeof data !== 'object' || data === null)
        return undefined;
    const record = data;
    if (record.v !== 1 || typeof record.key !== 'string')
        return undefined;
    const run = typeof record.run === 'object' && record.run !== null ? record.run : {};
    return {
        key: record.key,
        run: {
            ...(typeof run.id === 'string' ? { id: run.id } : {}),
            ...(typeof run.url === 'string' ? { url: run.url } : {}),
            ...planOf(run.plan)
        },
        ...(typeof record.sha === 'string' ? { sha: record.sha } : {}),
        ...(typeof record.workflowRunId === 'string' ? { workflowRunId: record.workflowRunId } : {}),
        ...(typeof record.attempt === 'number' ? { attempt: record.attempt } : {}),
        ...(record.verdict === 'passed' || record.verdict === 'failed' ? { verdict: record.verdict } : {})
    };
}
function planOf(value) {
    if (typeof value !== 'object' || value === null)
        return {};
    const { label, name } = value;
    return typeof label === 'string' && typeof name === 'string' ? { plan: { label, name } } : {};
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

/***/ 4810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   cS: () => (/* binding */ warnPermission),
/* harmony export */   cf: () => (/* binding */ retryOnce)
/* harmony export */ });
/* unused harmony exports isTransientGithubError, permissionsBlock */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3246);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6702);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4244);
/**
 * What a failed write to GitHub (the pull-request comment, the commit status) means for the user.
 * Writing there is best effort: a token that may not write gets one warning for the whole step,
 * with the exact `permissions:` block to add, and the step's result stays what the run says.
 */





/** True when GitHub refused the token (401, or 403 that is not a rate limit). */
function isPermissionDenied(error) {
    const status = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error);
    if (status === 401)
        return true;
    return status === 403 && !isRateLimited(error);
}
/** GitHub's primary rate limit (no requests left) or a secondary one (it says when to come back). */
function isRateLimited(error) {
    const headers = error.response?.headers ?? {};
    return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
}
/** Network trouble, a timeout, 5xx or 429: worth one more try after a pause. */
function isTransientGithubError(error) {
    const status = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error);
    return status === undefined || status >= 500 || status === 429 || (status === 403 && isRateLimited(error));
}
/**
 * Runs an idempotent GitHub write (an edit, a status), and once more after a pause when the first
 * try failed for a transient reason. Never for a create: a slow answer may still have created it.
 */
async function retryOnce(write, clock) {
    try {
        return await write();
    }
    catch (error) {
        if (!isTransientGithubError(error))
            throw error;
        await clock.sleep(_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_RETRY_DELAY_MS */ .vI);
        return write();
    }
}
/** The block a job needs for what the step is set to write, `contents: read` included (a job's block replaces the defaults). */
function permissionsBlock(settings) {
    const lines = ['permissions:', '  contents: read'];
    if (settings.prComment !== 'off')
        lines.push('  pull-requests: write');
    if (settings.commitStatus)
        lines.push('  statuses: write');
    return lines.join('\n');
}
// One warning a step: keyed by the step's settings, which every reporter of the step shares.
const warned = new WeakMap();
/**
 * Says, once a step, that the token may not write `what` ("the pull-request comment"), with the
 * permissions block; later refusals of the same step are one line of log.
 */
function warnPermission(settings, what, error) {
    const answer = `GitHub answered ${(0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) ?? 'with an error'}: ${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(error), 200)}`;
    if (warned.has(settings)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Could not write ${what} either (${answer}); see the warning above.`);
        return;
    }
    warned.set(settings, true);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write ${what}: the token may not write to this repository (${answer}). The step's result is unchanged. ` +
        'Give the job these permissions (a pull request from a fork gets a read-only token whatever the workflow asks):\n' +
        permissionsBlock(settings));
}


/***/ }),

/***/ 1063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ findJobComment),
  pullRequestCommentReporter: () => (/* binding */ pullRequestCommentReporter)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(3246);
// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/github/pull-request.ts
var pull_request = __webpack_require__(2524);
// EXTERNAL MODULE: ./src/github/token-account.ts
var token_account = __webpack_require__(5080);
// EXTERNAL MODULE: ./src/util/clock.ts
var util_clock = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(4537);
// EXTERNAL MODULE: ./src/report/comment-marker.ts
var comment_marker = __webpack_require__(7202);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: ./src/verdict/words.ts
var verdict_words = __webpack_require__(220);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/comment-markdown.ts





/** GitHub refuses a comment body longer than this. */
const COMMENT_MAX_CHARACTERS = 65_536;
const DEFAULT_LIMITS = { failures: 100, issues: 20, flaky: 30 };
/**
 * The comment's body, at most `maxCharacters` long. When the lists do not fit they are shortened,
 * each with a line that says how many more there are and links to the run.
 */
function renderComment(input, maxCharacters = COMMENT_MAX_CHARACTERS) {
    const full = assemble(input, DEFAULT_LIMITS);
    if (full.length <= maxCharacters)
        return full;
    // The largest number of failure rows that fits, with the other lists at their smallest.
    const fits = (failures) => assemble(input, { failures, issues: 0, flaky: 0 }).length <= maxCharacters;
    let low = 0;
    let high = Math.min(DEFAULT_LIMITS.failures, failedOf(input).length);
    if (fits(high)) {
        const roomy = assemble(input, { failures: high, issues: DEFAULT_LIMITS.issues, flaky: 0 });
        if (roomy.length <= maxCharacters)
            return roomy;
        return assemble(input, { failures: high, issues: 0, flaky: 0 });
    }
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    const text = assemble(input, { failures: low, issues: 0, flaky: 0 });
    if (text.length <= maxCharacters)
        return text;
    // Only a pathological heading gets here: keep the marker whole and cut the rest.
    const marker = (0,comment_marker/* renderMarker */.B)(input.marker);
    const trailer = `\n\n✂️ Trimmed to fit GitHub's comment limit.${inService(input, `See the ${(0,verdict_words/* runNounOf */.$C)(input.words)} in ${input.words.name}`)}\n`;
    return `${marker}${cutAt(text.slice(marker.length), maxCharacters - marker.length - trailer.length)}${trailer}`;
}
/** The first `length` UTF-16 units of `text`, never half a character. */
function cutAt(text, length) {
    if (length <= 0)
        return '';
    const cut = text.slice(0, length);
    const last = cut.charCodeAt(cut.length - 1);
    return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
function assemble(input, limits) {
    const parts = [(0,comment_marker/* renderMarker */.B)(input.marker), '\n', heading(input), meta(input)];
    const note = olderCommitNote(input);
    if (note)
        parts.push(note);
    const { state } = input;
    if (state.kind === 'running') {
        parts.push((0,markdown/* safeUrl */.Pl)(input.started.url)
            ? `\n${(0,markdown/* link */.nf)(`Follow it in ${input.words.name}`, input.started.url)}: this comment is updated when it ends.\n`
            : '\nThis comment is updated when it ends.\n');
    }
    else if (state.kind === 'stopped') {
        parts.push(`\n> ⚠️ The step stopped waiting: ${comment_markdown_text(state.problem, 1000)}\n`);
    }
    else if (state.kind === 'not-waiting') {
        parts.push(`\nThe step did not wait for the result.${inService(input, `See it in ${input.words.name}`)}\n`);
    }
    else {
        parts.push(baselineLine(input, state));
        parts.push(counts(input.words, state));
        parts.push(failures(input, limits.failures));
        parts.push(flaky(input, limits.flaky));
        parts.push(issues(input, state.report?.issues ?? [], limits.issues));
        parts.push(attempts(input, state.earlierAttempts ?? []));
    }
    parts.push(footer(input));
    return parts.join('');
}
function heading({ words, started, state }) {
    const title = (() => {
        switch (state.kind) {
            case 'running':
                return (0,verdict_words/* runningTitle */.KF)(words, started, comment_markdown_text);
            case 'stopped':
                return (0,verdict_words/* stoppedTitle */.c5)(words);
            case 'not-waiting':
                return (0,verdict_words/* startedTitle */.q8)(words);
            case 'waited':
                return (0,verdict_words/* outcomeTitle */.lD)(words, state.outcome, comment_markdown_text);
        }
    })();
    return `### ${title}\n\n`;
}
/**
 * " [See it in QA.tech](url)." — a sentence that links to the run's page, or nothing for a run
 * without one (tester.army's): words that look like a link must be one.
 */
function inService({ started }, words) {
    return (0,markdown/* safeUrl */.Pl)(started.url) ? ` ${(0,markdown/* link */.nf)(words, started.url)}.` : '';
}
function meta({ words, started, git, state }) {
    const items = [];
    if (started.plan)
        items.push(`**${comment_markdown_text(started.plan.label, 50)}:** ${comment_markdown_text(started.plan.name, 200)}`);
    items.push((0,markdown/* safeUrl */.Pl)(started.url)
        ? (0,markdown/* link */.nf)((0,verdict_words/* openRunLabel */.UH)(words, comment_markdown_text(started.id, 100)), started.url)
        : `**${(0,verdict_words/* runHeading */.kJ)(words)}:** ${comment_markdown_text(started.id, 100)}`);
    if (git.commitHash) {
        const message = git.commitMessage ? ` ${comment_markdown_text((0,untrusted_text/* firstLine */.TM)(git.commitMessage), 120)}` : '';
        items.push(`**Commit:** ${shortSha(git.commitHash)}${message}`);
    }
    if (started.testedUrls.length > 0) {
        items.push(`**Tested on:** ${started.testedUrls.map(url => (0,markdown/* link */.nf)(comment_markdown_text(url, 200), url)).join(', ')}`);
    }
    if (state.kind === 'waited')
        items.push(`**Waited:** ${(0,duration/* formatDuration */.a)(state.waitedMs)}`);
    return `${items.join(' · ')}\n`;
}
/** When the pull request has moved on, the comment must not look like the new commit's result. */
function olderCommitNote({ git, pullRequestHead }) {
    if (!pullRequestHead || !git.commitHash || pullRequestHead.toLowerCase() === git.commitHash.toLowerCase()) {
        return undefined;
    }
    return (`\n> [!NOTE]\n> This result is for ${shortSha(git.commitHash)}, an older commit: the pull request is now at ` +
        `${shortSha(pullRequestHead)}, which this run did not test.\n`);
}
function shortSha(sha) {
    return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : comment_markdown_text(sha, 40);
}
/** What the failures were compared with: why a run whose failures the base branch already has passed. */
function baselineLine({ words }, { outcome }) {
    const baseline = outcome.baseline;
    if (!baseline)
        return '';
    const sentence = (0,verdict_words/* baselineSentence */.FD)(words, outcome, {
        branch: comment_markdown_text(baseline.branch, 100),
        commit: shortSha(baseline.commitSha)
    });
    if (!sentence)
        return '';
    const run = (0,markdown/* safeUrl */.Pl)(baseline.runUrl) ? ` ${(0,markdown/* link */.nf)((0,verdict_words/* openBaselineRunLabel */.tt)(words), baseline.runUrl)}.` : '';
    return `\n${sentence}${run}\n`;
}
function counts(words, { outcome, report }) {
    const parts = (0,verdict_words/* countParts */.MA)(outcome);
    if (!parts) {
        const sentence = (0,verdict_words/* uncountedSentence */.X1)(words, outcome.counts, report);
        return sentence ? `\n${sentence}\n` : '';
    }
    const items = parts.map(({ icon, count, word }) => `${icon} ${count} ${word}`);
    items.push(`${outcome.counts.total ?? 0} in all`);
    if (outcome.counts.flaky)
        items.push(`🔁 ${outcome.counts.flaky} flaky`);
    return `\n${items.join(' · ')}\n`;
}
/**
 * What did not pass, failures first: failed, then errored, then unfinished test cases; compared
 * with the base branch, the failures it already has come last, listed apart.
 */
const NOT_PASSED_ORDER = { failed: 0, errored: 1, pending: 2 };
const KNOWN_ORDER = 3;
function failedOf(input) {
    const { state } = input;
    if (state.kind !== 'waited')
        return [];
    const order = (testCase) => isKnownFailure(input, testCase) ? KNOWN_ORDER : (NOT_PASSED_ORDER[testCase.verdict] ?? 0);
    return (state.report?.testCases ?? [])
        .filter(testCase => NOT_PASSED_ORDER[testCase.verdict] !== undefined)
        .sort((a, b) => order(a) - order(b));
}
/** A failure the base branch's run has too; only said when the outcome was compared with it. */
function isKnownFailure({ state }, testCase) {
    return (state.kind === 'waited' &&
        state.outcome.baseline !== undefined &&
        testCase.verdict === 'failed' &&
        testCase.baseline === 'known');
}
function failures(input, limit) {
    const failed = failedOf(input);
    if (failed.length === 0)
        return '';
    const noun = (0,verdict_words/* testCaseNounOf */.SA)(input.words);
    const shown = failed.slice(0, limit);
    const brought = shown.filter(testCase => !isKnownFailure(input, testCase));
    const known = shown.filter(testCase => isKnownFailure(input, testCase));
    const more = failed.length > limit
        ? `\n…and ${failed.length - limit} more.${inService(input, `See every ${noun.one} in ${input.words.name}`)}\n`
        : '';
    const onlyFailures = brought.every(testCase => testCase.verdict === 'failed');
    const compared = input.state.kind === 'waited' ? input.state.outcome.baseline : undefined;
    const heading = compared
        ? (0,verdict_words/* newFailuresHeading */.Er)(input.words, onlyFailures)
        : onlyFailures
            ? `Failed ${noun.one}`
            : `${(0,verdict_words/* capitalized */.l2)(noun.one)} that did not pass`;
    const tables = [brought.length > 0 || known.length === 0 ? failureTable(input, heading, brought) : ''];
    if (compared && known.length > 0) {
        tables.push(failureTable(input, (0,verdict_words/* knownFailuresHeading */.fA)(comment_markdown_text(compared.branch, 100)), known));
    }
    return `${tables.join('')}${more}`;
}
function failureTable(input, heading, testCases) {
    const rows = testCases.map(testCase => {
        // A failure is marked by its icon alone; anything else says what it was: "⚠️ ERROR", "⏳ Unfinished".
        const mark = testCase.verdict === 'failed' ? '❌' : (0,verdict_words/* verdictLabel */.Id)(testCase, comment_markdown_text);
        return `| ${mark} ${(0,markdown/* link */.nf)(comment_markdown_text(testCase.name, 200), testCase.url)} | ${why(testCase, input.words)} |\n`;
    });
    return `\n| ${heading} | Why |\n| --- | --- |\n${rows.join('')}`;
}
/** The summary, the evaluation (shortened), and whose fault it likely is. */
function why(testCase, words) {
    const parts = [];
    if (testCase.summary)
        parts.push(`**${comment_markdown_text(testCase.summary, 300)}**`);
    else if (testCase.resultWord !== undefined)
        parts.push(comment_markdown_text(testCase.resultWord, 100));
    const evaluation = testCase.details.find(detail => detail.label === 'Evaluation') ?? testCase.details.at(-1);
    if (evaluation)
        parts.push(comment_markdown_text(evaluation.text, 300));
    const cause = testCase.cause;
    if (cause?.kind === 'agent')
        parts.push(`_Test agent missed (${comment_markdown_text(cause.code, 80)}): likely not your code._`);
    if (cause?.kind === 'platform') {
        parts.push(`_${words.name} platform issue (${comment_markdown_text(cause.code, 80)}): likely not your code._`);
    }
    return parts.join('<br>');
}
function flaky(input, limit) {
    if (input.state.kind !== 'waited' || limit === 0)
        return '';
    const flakyCases = (input.state.report?.testCases ?? []).filter(testCase => testCase.flaky);
    if (flakyCases.length === 0)
        return '';
    const names = flakyCases.slice(0, limit).map(testCase => {
        const codes = (testCase.earlierFailures ?? []).flatMap(failure => (failure.code ? [comment_markdown_text(failure.code, 60)] : []));
        return `${(0,markdown/* link */.nf)(comment_markdown_text(testCase.name, 150), testCase.url)}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
    });
    const more = flakyCases.length > limit ? `, and ${flakyCases.length - limit} more` : '';
    return `\n🔁 **Flaky** (failed, then passed on a retry): ${names.join(', ')}${more}.\n`;
}
function issues(input, found, limit) {
    if (found.length === 0)
        return '';
    const heading = `Issues found (${found.length})`;
    if (limit === 0) {
        return (0,markdown/* safeUrl */.Pl)(input.started.url)
            ? `\n${heading}: ${(0,markdown/* link */.nf)(`see them in ${input.words.name}`, input.started.url)}.\n`
            : `\n${heading}: not listed, to fit GitHub's comment limit.\n`;
    }
    const rows = found
        .slice(0, limit)
        .map(issue => `| ${comment_markdown_text(issue.severity, 40)} | ${comment_markdown_text(issue.type, 40)} | ${(0,markdown/* link */.nf)(comment_markdown_text(issue.title, 200), issue.helpUrl)} |\n`);
    const more = found.length > limit
        ? `\n…and ${found.length - limit} more.${inService(input, `See them in ${input.words.name}`)}\n`
        : '';
    return `\n<details><summary>${heading}</summary>\n\n| Severity | Kind | Issue |\n| --- | --- | --- |\n${rows.join('')}${more}\n</details>\n`;
}
/** Every run of this step, oldest first: automatic retries, or the run a rerun continued. */
function attempts(input, earlier) {
    if (earlier.length === 0)
        return '';
    const runs = earlier.map((attempt, index) => (0,markdown/* link */.nf)(`${index + 1}: ${comment_markdown_text(attempt.label, 80)}`, attempt.url));
    runs.push((0,markdown/* link */.nf)(`${earlier.length + 1}: ${comment_markdown_text(input.started.id, 80)} (this one)`, input.started.url));
    return `\n**Runs:** ${runs.join(' · ')}\n`;
}
function footer({ job, updatedAt }) {
    const name = [job.workflowName, job.job].filter(Boolean).join(' / ');
    const leg = job.leg ? ` (${job.leg})` : '';
    const key = job.commentKey ? ` · ${job.commentKey}` : '';
    const label = `${comment_markdown_text(`${name}${leg}${key}`, 200)}${job.attempt > 1 ? `, attempt ${job.attempt}` : ''}`;
    return `\n<sub>Updated ${formatTime(updatedAt)} · ${(0,markdown/* link */.nf)(label, job.workflowRunUrl)}</sub>\n`;
}
/** "2026-11-24 10:31 UTC". */
function formatTime(ms) {
    return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/**
 * Untrusted text for the comment: escaped as for a table cell, and with a zero-width space after
 * each `@`, because a comment notifies everyone it @-mentions and a test named "@org/team" must
 * not ping anyone.
 */
function comment_markdown_text(value, maxLength) {
    return (0,markdown/* cell */.Hn)(value, maxLength).replace(/@/g, '@&#8203;');
}

// EXTERNAL MODULE: ./src/report/identity.ts
var identity = __webpack_require__(8274);
// EXTERNAL MODULE: ./src/report/permissions.ts
var permissions = __webpack_require__(4810);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * The sticky pull-request comment (`pr_comment`): one comment per action, workflow, job, matrix
 * leg and `comment_key`, found again by its hidden marker across every page of comments — only
 * among the comments our token's own account wrote (src/github/token-account.ts) — created once
 * and edited in place afterwards. Another account's comment is never edited, marker or not.
 */










const WHAT = 'the pull-request comment';
function pullRequestCommentReporter(context, options = {}) {
    const { settings, git, service } = context;
    const clock = options.clock ?? util_clock/* systemClock */.m;
    const job = (0,identity/* jobIdentity */.Kv)(context.env, {
        action: service.action,
        commentKey: settings.commentKey,
        matrix: options.matrix
    });
    const key = (0,identity/* commentKeyOf */.EV)(job);
    let target;
    // The token's account, asked once a step; learned from our first comment when GitHub would not say.
    let account;
    let refused = false;
    const locate = async () => {
        if (!context.octokit) {
            core/* info */.pq('github_token is empty: no pull-request comment.');
            return undefined;
        }
        const client = await context.octokit();
        const repository = (0,comments/* repositoryNames */.L0)(git.repository);
        const answer = await (0,pull_request/* resolvePullRequest */.DJ)({ event: context.event, git, client, current: true });
        if (!answer.pullRequest) {
            core/* info */.pq(`No pull-request comment: ${answer.why}`);
            return undefined;
        }
        account ??= await (0,token_account/* tokenAccount */.rj)(client);
        const comment = await findJobComment(client, repository, answer.pullRequest.number, account, key);
        return { client, repository, pullRequest: answer.pullRequest, comment, fresh: true };
    };
    const write = async (run, state, verdict) => {
        if (settings.prComment === 'off' || refused)
            return;
        try {
            target ??= locate();
            const found = await target;
            if (!found)
                return;
            // `on-failure` starts a comment only for a failed step, but keeps an existing one current.
            if (settings.prComment === 'on-failure' && !found.comment && verdict !== 'failed')
                return;
            const pullRequestHead = await currentHead(found);
            if (await newerResultThere(found, pullRequestHead, git.commitHash)) {
                core/* info */.pq(`The pull request's comment already shows the result of its latest commit; not replacing it with this older commit's.`);
                return;
            }
            // Secrets out of what is rendered (so the mark is escaped like any text), then out of the result.
            const shown = (0,secrets/* redactSecrets */.f)({ run, state, git }, settings.secrets);
            const body = (0,secrets/* redactSecrets */.f)(renderComment({
                words: service.words,
                started: shown.run,
                state: shown.state,
                git: shown.git,
                job,
                marker: {
                    key,
                    run: { id: run.id, url: run.url, ...(run.plan ? { plan: run.plan } : {}) },
                    sha: git.commitHash,
                    workflowRunId: job.workflowRunId,
                    attempt: job.attempt,
                    ...(verdict ? { verdict } : {})
                },
                pullRequestHead,
                updatedAt: clock.now()
            }), settings.secrets);
            const { client, repository, pullRequest, comment } = found;
            if (comment) {
                await (0,permissions/* retryOnce */.cf)(() => (0,comments/* updateComment */.vv)(client, repository, comment.id, body), clock);
                found.comment = { ...comment, body };
            }
            else {
                found.comment = await (0,comments/* createComment */.eT)(client, repository, pullRequest.number, body);
                if (account)
                    account = (0,token_account/* learnedFrom */.sV)(account, found.comment.author);
                core/* info */.pq(`Commented on pull request #${pullRequest.number}.`);
            }
        }
        catch (error) {
            if (!(0,permissions/* isPermissionDenied */.T1)(error)) {
                // The next hook looks again: a create that timed out may have left a comment to edit.
                target = undefined;
                throw error;
            }
            refused = true;
            (0,permissions/* warnPermission */.cS)(settings, WHAT, error);
        }
    };
    return {
        what: WHAT,
        started: run => write(run, { kind: 'running' }, undefined),
        stopped: (run, problem) => write(run, { kind: 'stopped', problem }, 'failed'),
        finished: (run, ending) => write(run, ending, ending.kind === 'waited' ? markerVerdict(ending.outcome) : undefined)
    };
}
/**
 * This job's comment: the marker with its key, in a comment our token's own account wrote (anyone
 * can copy a marker). None while the account is unknown: a new comment is safer than someone else's.
 */
function findJobComment(client, repository, pullRequestNumber, account, key) {
    if (account.login === undefined)
        return Promise.resolve(undefined);
    return (0,comments/* findComment */.h1)(client, repository, pullRequestNumber, comment => (0,token_account/* isOurs */.MU)(account, comment.author) && (0,comment_marker/* readMarker */.t)(comment.body)?.key === key);
}
/** The pull request's head now: a run takes minutes, and a push may have come meanwhile. */
async function currentHead(target) {
    if (target.fresh) {
        target.fresh = false;
        return target.pullRequest.headSha || undefined;
    }
    try {
        const now = await (0,pull_request/* readPullRequest */.DQ)(target.client, target.repository, target.pullRequest.number);
        return now.headSha || undefined;
    }
    catch {
        return target.pullRequest.headSha || undefined;
    }
}
/**
 * True when this step tested an older commit than the pull request's head and the comment, read
 * again now, already shows the head's result (a newer run finished first).
 */
async function newerResultThere(target, head, tested) {
    if (!target.comment || !head || !tested || head.toLowerCase() === tested.toLowerCase())
        return false;
    const now = await (0,comments/* readComment */.W3)(target.client, target.repository, target.comment.id);
    const shown = (0,comment_marker/* readMarker */.t)(now.body)?.sha;
    return shown !== undefined && shown.toLowerCase() === head.toLowerCase();
}
/**
 * The verdict a rerun of the job may reuse: `passed` only for a run that passed on its own. A
 * pass that known failures allowed (fail_on: new) is `failed`, so a rerun runs those tests again
 * and compares with the base branch as it is then.
 */
function markerVerdict(outcome) {
    return outcome.succeeded && outcome.kind !== 'failed' ? 'passed' : 'failed';
}


/***/ })

};
