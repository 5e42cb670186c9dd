export const id = 604;
export const ids = [604];
export const modules = {

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ readPullRequest),
/* harmony export */   L0: () => (/* binding */ repositoryNames),
/* harmony export */   W3: () => (/* binding */ readComment),
/* harmony export */   eT: () => (/* binding */ createComment),
/* harmony export */   h1: () => (/* binding */ findComment),
/* harmony export */   rB: () => (/* binding */ hasNextPage),
/* harmony export */   sX: () => (/* binding */ tokenIdentity),
/* harmony export */   vv: () => (/* binding */ updateComment),
/* harmony export */   xO: () => (/* binding */ writtenBy)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);
/* harmony import */ var _pull_for_commit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3438);


/** True when `author` is the token's own user: the same login, or for an app's token, a bot. */
function writtenBy(identity, author) {
    return 'login' in identity ? author.login === identity.login : author.type === 'Bot';
}
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
/** `GET /user` for a person's token; an app's token (the workflow token among them) is refused it (403). */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated({ ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)() });
        return { login: data.login };
    }
    catch (error) {
        const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
        if (status === 401 || status === 403)
            return { app: true };
        throw error;
    }
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
/** A pull request as it is now (its head may have moved on since the event). */
async function readPullRequest(octokit, repository, number) {
    const { data } = await octokit.rest.pulls.get({ ...repository, pull_number: number, ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)() });
    return (0,_pull_for_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .toPullRequest */ .c)(data);
}


/***/ }),

/***/ 3438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ toPullRequest),
/* harmony export */   g: () => (/* binding */ findPullRequestForCommit)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);

/** The fields of a REST pull request (a `pull_request` event's payload has the same shape). */
function toPullRequest(data) {
    return {
        number: data.number,
        url: data.html_url,
        title: data.title,
        body: data.body ?? '',
        state: data.state,
        headRef: data.head.ref,
        headSha: data.head.sha,
        baseRef: data.base.ref
    };
}
/**
 * The open pull request whose head is `sha` (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`), for
 * events that name a commit but no pull request: push, deployment_status, workflow_run,
 * merge_group. Failing that, an open one that contains the commit. Throws what Octokit throws.
 */
async function findPullRequestForCommit(octokit, repository, sha) {
    const names = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .splitRepository */ .T8)(repository);
    if (!names)
        return undefined;
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...names,
        commit_sha: sha,
        per_page: 100,
        ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)()
    });
    const open = data.filter(pull => pull.state === 'open');
    const found = open.find(pull => pull.head.sha === sha) ?? open[0];
    return found ? toPullRequest(found) : undefined;
}


/***/ }),

/***/ 2681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ STATUS_DESCRIPTION_MAX_CHARACTERS),
/* harmony export */   MX: () => (/* binding */ setCommitStatus),
/* harmony export */   Pi: () => (/* binding */ findLatestStatus)
/* harmony export */ });
/* harmony import */ var _comments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6645);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6702);


/** GitHub refuses a status description longer than this. */
const STATUS_DESCRIPTION_MAX_CHARACTERS = 140;
/** GitHub keeps at most 1,000 statuses per commit and context. */
const PER_PAGE = 100;
const MAX_PAGES = 10;
/**
 * `POST /repos/{owner}/{repo}/statuses/{sha}`: the context's latest status is the one GitHub
 * shows, so sending the same one twice is harmless.
 */
async function setCommitStatus(octokit, repository, sha, status) {
    await octokit.rest.repos.createCommitStatus({
        ...repository,
        sha,
        state: status.state,
        context: status.context,
        description: status.description,
        ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
        ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .wj)()
    });
}
/**
 * The newest status of `sha` that `matches` accepts, reading GitHub's list (newest first) page by
 * page, each page with a timeout of its own.
 */
async function findLatestStatus(octokit, repository, sha, matches) {
    for (let page = 1; page <= MAX_PAGES; page += 1) {
        const response = await octokit.rest.repos.listCommitStatusesForRef({
            ...repository,
            ref: sha,
            per_page: PER_PAGE,
            page,
            ...(0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .wj)()
        });
        for (const data of response.data) {
            const status = {
                state: data.state,
                context: data.context,
                description: data.description ?? undefined,
                targetUrl: data.target_url ?? undefined,
                creator: { login: data.creator?.login, type: data.creator?.type }
            };
            if (matches(status))
                return status;
        }
        if (!(0,_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .hasNextPage */ .rB)(response.headers.link))
            return undefined;
    }
    return undefined;
}


/***/ }),

/***/ 6604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitStatusReporter: () => (/* binding */ commitStatusReporter)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3246);
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6645);
/* harmony import */ var _github_statuses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2681);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7110);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4537);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4244);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8274);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4810);
/**
 * The commit status (`commit_status`): `pending` on the tested commit when the run starts, then
 * its outcome, linked to the run's page, under a context branch protection can require whatever
 * the job is called.
 */









const WHAT = 'the commit status';
function commitStatusReporter(context, options = {}) {
    const { settings, git, service } = context;
    const clock = options.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m;
    let refused = false;
    const write = async (run, state, description) => {
        if (!settings.commitStatus || refused)
            return;
        if (!context.octokit)
            return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('github_token is empty: no commit status.');
        if (!git.commitHash)
            return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('No commit to set a status on.');
        const sha = git.commitHash;
        const status = {
            state,
            context: (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .statusContextOf */ .rM)(settings, service.words, run.plan, options.matrix),
            description: (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .shorten */ .ml)((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inline */ .mG)((0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)(description, settings.secrets), 1_000), _github_statuses_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUS_DESCRIPTION_MAX_CHARACTERS */ .Eb),
            targetUrl: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .safeUrl */ .Pl)(run.url)
        };
        try {
            const client = await context.octokit();
            await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_7__/* .retryOnce */ .cf)(() => (0,_github_statuses_js__WEBPACK_IMPORTED_MODULE_2__/* .setCommitStatus */ .MX)(client, (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryNames */ .L0)(git.repository), sha, status), clock);
        }
        catch (error) {
            if (!(0,_permissions_js__WEBPACK_IMPORTED_MODULE_7__/* .isPermissionDenied */ .T1)(error))
                throw error;
            refused = true;
            (0,_permissions_js__WEBPACK_IMPORTED_MODULE_7__/* .warnPermission */ .cS)(settings, WHAT, error);
        }
    };
    return {
        what: WHAT,
        started: run => write(run, 'pending', run.testCount === undefined ? `${run.label} is running` : `Running ${plural(run.testCount, 'test case')}`),
        stopped: (run, problem) => write(run, 'error', `The step stopped waiting: ${problem}`),
        finished: (run, ending) => {
            // Without waiting there is no outcome to set (the inputs reject commit_status without blocking).
            if (ending.kind !== 'waited')
                return;
            const testCases = ending.report?.testCases ?? [];
            return write(run, stateOf(ending.outcome), describe(ending.outcome, service.words, testCases));
        }
    };
}
/** A failed test is `failure`; a run that could not give a verdict is `error`. */
function stateOf(outcome) {
    if (outcome.succeeded)
        return 'success';
    switch (outcome.kind) {
        case 'failed':
        case 'skipped':
        case 'unknown':
            return 'failure';
        default:
            return 'error';
    }
}
/** One short line, the failed test names last so that the cut at 140 characters falls on them. */
function describe(outcome, words, testCases) {
    const { passed, failed, total } = outcome.counts;
    const flaky = testCases.filter(testCase => testCase.flaky).length;
    const flakyNote = flaky > 0 ? ` (${flaky} flaky)` : '';
    switch (outcome.kind) {
        case 'passed':
            return passed !== undefined && total !== undefined
                ? `All ${plural(total, 'test case')} passed${flakyNote}`
                : `The run passed${flakyNote}`;
        case 'failed': {
            if (failed === undefined || failed === 0)
                return 'The run failed';
            const names = testCases.filter(testCase => testCase.verdict === 'failed').map(testCase => testCase.name);
            return `${failed} of ${total ?? failed} test cases failed${flakyNote}: ${names.join(', ')}`;
        }
        case 'skipped':
            return outcome.succeeded ? 'The run was skipped' : 'The run was skipped (fail_on_skipped)';
        case 'errored':
            return `${words.name} could not complete the run`;
        case 'cancelled':
            return `The run was cancelled in ${words.name}`;
        case 'timed-out':
            return 'Timed out waiting for the run';
        case 'interrupted':
            return 'The workflow was cancelled while waiting for the run';
        case 'unknown':
            return `The run completed as ${outcome.result}`;
    }
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 8274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ commentKeyOf),
/* harmony export */   Kv: () => (/* binding */ jobIdentity),
/* harmony export */   QD: () => (/* binding */ matrixLeg),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   rM: () => (/* binding */ statusContextOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4244);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/**
 * Who a report belongs to: the action, the workflow, the job, its matrix leg and `comment_key`,
 * and the workflow run and attempt. The comment key and the default commit status context are
 * derived here and nowhere else, so every report of one job names it the same way.
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
        service: options.service,
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
/** The comment's key: the same job, leg and `comment_key` give the same key on every run and attempt. */
function commentKeyOf(identity) {
    const parts = [identity.service, identity.workflow, identity.job, identity.legKey ?? '', identity.commentKey ?? ''];
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}
/** Keeps a context readable in the checks list. */
const MAX_CONTEXT_NAME = 100;
/**
 * The status's context: `status_context`, or "<service> / <plan>" with the matrix leg, so that two
 * legs (or two plans) never overwrite each other's status.
 */
function statusContextOf(settings, words, plan, matrix) {
    if (settings.statusContext)
        return settings.statusContext;
    const { leg } = matrixLeg(matrix);
    // Stable across runs, so branch protection can require it: "QA.tech / Checkout flow", or what
    // a service without plans starts, "QA.tech / change review" (never the pull request's name).
    const name = [words.name, words.runNoun ?? plan?.name].filter(Boolean).join(' / ');
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
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4244);
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
function isRateLimited(error) {
    const headers = error.response?.headers ?? {};
    return headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .b)(error));
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
    const answer = `GitHub answered ${(0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) ?? 'with an error'}: ${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .b)(error), 200)}`;
    if (warned.has(settings)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Could not write ${what} either (${answer}); see the warning above.`);
        return;
    }
    warned.set(settings, true);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write ${what}: the token may not write to this repository (${answer}). The step's result is unchanged. ` +
        'Give the job these permissions (a pull request from a fork gets a read-only token whatever the workflow asks):\n' +
        permissionsBlock(settings));
}


/***/ })

};
