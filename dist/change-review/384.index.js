export const id = 384;
export const ids = [384];
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

/***/ 1384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commitStatusReporter: () => (/* binding */ commitStatusReporter)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(3246);
// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
;// CONCATENATED MODULE: ./src/github/statuses.ts

/** GitHub refuses a status description longer than this. */
const STATUS_DESCRIPTION_MAX_CHARACTERS = 140;
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
        ...(0,github_octokit/* withTimeout */.wj)()
    });
}

// EXTERNAL MODULE: ./src/util/clock.ts
var util_clock = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(4537);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: ./src/verdict/words.ts
var words = __webpack_require__(220);
// EXTERNAL MODULE: ./src/report/identity.ts
var identity = __webpack_require__(8274);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/permissions.ts
var permissions = __webpack_require__(4810);
;// CONCATENATED MODULE: ./src/report/commit-status.ts
/**
 * The commit status (`commit_status`): `pending` on the tested commit when the run starts, then
 * its outcome, linked to the run's page, under a context branch protection can require whatever
 * the job is called.
 */










const WHAT = 'the commit status';
function commitStatusReporter(context, options = {}) {
    const { settings, git, service } = context;
    const clock = options.clock ?? util_clock/* systemClock */.m;
    let refused = false;
    const write = async (run, state, description) => {
        if (!settings.commitStatus || refused)
            return;
        if (!context.octokit)
            return core/* info */.pq('github_token is empty: no commit status.');
        if (!git.commitHash)
            return core/* info */.pq('No commit to set a status on.');
        const sha = git.commitHash;
        const status = {
            state,
            context: (0,identity/* statusContextOf */.rM)(settings, service, run.plan, options.matrix),
            description: (0,identity/* shorten */.ml)((0,untrusted_text/* inline */.mG)((0,secrets/* redactSecrets */.f)(description, settings.secrets), 1_000), STATUS_DESCRIPTION_MAX_CHARACTERS),
            targetUrl: (0,markdown/* safeUrl */.Pl)(run.url) ?? (0,markdown/* safeUrl */.Pl)(run.statusUrl)
        };
        try {
            const client = await context.octokit();
            await (0,permissions/* retryOnce */.cf)(() => setCommitStatus(client, (0,comments/* repositoryNames */.L0)(git.repository), sha, status), clock);
        }
        catch (error) {
            if (!(0,permissions/* isPermissionDenied */.T1)(error))
                throw error;
            refused = true;
            (0,permissions/* warnPermission */.cS)(settings, WHAT, error);
        }
    };
    return {
        what: WHAT,
        started: run => write(run, 'pending', (0,words/* runningDescription */.MQ)(service.words, run)),
        stopped: (run, problem) => write(run, 'error', `The step stopped waiting: ${problem}`),
        finished: (run, ending) => {
            // Without waiting there is no outcome to set (the inputs reject commit_status without blocking).
            if (ending.kind !== 'waited')
                return;
            const testCases = ending.report?.testCases ?? [];
            return write(run, stateOf(ending.outcome), (0,words/* outcomeDescription */.fO)(service.words, ending.outcome, testCases));
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


/***/ })

};
