export const id = 137;
export const ids = [137,63];
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

/***/ 7202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderMarker),
/* harmony export */   t: () => (/* binding */ readMarker)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);
/**
 * The hidden marker at the start of the pull-request comment: which job wrote it and which run it
 * reports, so that the next run edits it and a rerun of the job finds its run again.
 */

const MARKER_START = '<!-- run-action-report ';
const MARKER_END = ' -->';
/** Longer values than these are not a service's ids or pages: left out rather than cut. */
const MAX_MARKER_ID = 200;
const MAX_MARKER_URL = 2_000;
/** The marker, an HTML comment GitHub does not show. Its JSON cannot end the comment early. */
function renderMarker(marker) {
    const url = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(marker.run.url);
    const data = {
        v: 1,
        key: marker.key,
        run: {
            ...(marker.run.id && marker.run.id.length <= MAX_MARKER_ID ? { id: marker.run.id } : {}),
            ...(url && url.length <= MAX_MARKER_URL ? { url } : {})
        },
        ...(marker.sha && /^[0-9a-f]{7,64}$/i.test(marker.sha) ? { sha: marker.sha } : {}),
        ...(marker.workflowRunId && /^\d{1,20}$/.test(marker.workflowRunId) ? { workflowRunId: marker.workflowRunId } : {}),
        ...(marker.attempt !== undefined ? { attempt: marker.attempt } : {})
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
            ...(typeof run.url === 'string' ? { url: run.url } : {})
        },
        ...(typeof record.sha === 'string' ? { sha: record.sha } : {}),
        ...(typeof record.workflowRunId === 'string' ? { workflowRunId: record.workflowRunId } : {}),
        ...(typeof record.attempt === 'number' ? { attempt: record.attempt } : {})
    };
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


/***/ }),

/***/ 1063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findJobComment: () => (/* binding */ findJobComment),
  findPullRequest: () => (/* binding */ findPullRequest),
  pullRequestCommentReporter: () => (/* binding */ pullRequestCommentReporter)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(3246);
// EXTERNAL MODULE: ./src/context/pull-request.ts
var pull_request = __webpack_require__(8608);
// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/github/pull-for-commit.ts
var pull_for_commit = __webpack_require__(3438);
// EXTERNAL MODULE: ./src/util/clock.ts
var util_clock = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(4537);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: ./src/report/comment-marker.ts
var comment_marker = __webpack_require__(7202);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
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
    const trailer = `\n\n✂️ Trimmed to fit GitHub's comment limit. ${(0,markdown/* link */.nf)(`See the run in ${input.words.name}`, input.started.url)}.\n`;
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
        parts.push(`\n${(0,markdown/* link */.nf)(`Follow it in ${input.words.name}`, input.started.url)}: this comment is updated when it ends.\n`);
    }
    else if (state.kind === 'stopped') {
        parts.push(`\n> ⚠️ The step stopped waiting: ${comment_markdown_text(state.problem, 1000)}\n`);
    }
    else if (state.kind === 'not-waiting') {
        parts.push(`\nThe step did not wait for the result. ${(0,markdown/* link */.nf)(`See it in ${input.words.name}`, input.started.url)}.\n`);
    }
    else {
        parts.push(counts(state));
        parts.push(failures(input, limits.failures));
        parts.push(flaky(input, limits.flaky));
        parts.push(issues(input, state.report?.issues ?? [], limits.issues));
        parts.push(attempts(input, state.earlierAttempts ?? []));
    }
    parts.push(footer(input));
    return parts.join('');
}
function heading({ words, started, state }) {
    const name = words.name;
    const title = (() => {
        switch (state.kind) {
            case 'running':
                return `⏳ ${name}: ${comment_markdown_text(started.label, 200)} is running`;
            case 'stopped':
                return `⚠️ ${name}: the step stopped waiting for the run`;
            case 'not-waiting':
                return `▶️ ${name}: ${comment_markdown_text(started.label, 200)} started`;
            case 'waited':
                return outcomeTitle(name, state.outcome);
        }
    })();
    return `### ${title}\n\n`;
}
function outcomeTitle(name, outcome) {
    const { passed, failed, total } = outcome.counts;
    switch (outcome.kind) {
        case 'passed':
            return passed !== undefined ? `✅ ${name}: all ${total} test cases passed` : `✅ ${name}: the run passed`;
        case 'failed':
            return failed !== undefined && failed > 0
                ? `❌ ${name}: ${failed} of ${total} test cases failed`
                : `❌ ${name}: the run failed`;
        case 'skipped':
            return `${outcome.succeeded ? '⚠️' : '❌'} ${name}: the run was skipped`;
        case 'errored':
            return `❌ ${name} could not complete the run`;
        case 'cancelled':
            return `🚫 ${name}: the run was cancelled in ${name}`;
        case 'timed-out':
            return `⏱️ ${name}: timed out waiting for the run`;
        case 'interrupted':
            return `🛑 ${name}: the workflow was cancelled while waiting`;
        case 'unknown':
            return `❌ ${name}: the run completed as ${comment_markdown_text(outcome.result, 100)}`;
    }
}
function meta({ words, started, git, state }) {
    const items = [];
    if (started.plan)
        items.push(`**${comment_markdown_text(started.plan.label, 50)}:** ${comment_markdown_text(started.plan.name, 200)}`);
    items.push((0,markdown/* link */.nf)(`Open run ${comment_markdown_text(started.id, 100)} in ${words.name}`, started.url));
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
function counts({ outcome, report }) {
    const { passed, failed, skipped, total } = outcome.counts;
    if (passed === undefined || failed === undefined || skipped === undefined) {
        return `\n${total === undefined ? 'The' : total} test cases: the per-test results were not read.\n`;
    }
    const flakyCount = (report?.testCases ?? []).filter(testCase => testCase.flaky).length;
    const items = [`✅ ${passed} passed`, `❌ ${failed} failed`, `⏭️ ${skipped} skipped or unfinished`, `${total} in all`];
    if (flakyCount > 0)
        items.push(`🔁 ${flakyCount} flaky`);
    return `\n${items.join(' · ')}\n`;
}
function failedOf({ state }) {
    if (state.kind !== 'waited')
        return [];
    return (state.report?.testCases ?? []).filter(testCase => testCase.verdict === 'failed' || testCase.verdict === 'errored');
}
function failures(input, limit) {
    const failed = failedOf(input);
    if (failed.length === 0)
        return '';
    const rows = failed.slice(0, limit).map(testCase => {
        const mark = testCase.verdict === 'failed' ? '❌' : '⚠️';
        return `| ${mark} ${(0,markdown/* link */.nf)(comment_markdown_text(testCase.name, 200), testCase.url)} | ${why(testCase, input.words)} |\n`;
    });
    const more = failed.length > limit
        ? `\n…and ${failed.length - limit} more. ${(0,markdown/* link */.nf)(`See every test case in ${input.words.name}`, input.started.url)}.\n`
        : '';
    return `\n| Failed test case | Why |\n| --- | --- |\n${rows.join('')}${more}`;
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
    if (limit === 0)
        return `\n${heading}: ${(0,markdown/* link */.nf)(`see them in ${input.words.name}`, input.started.url)}.\n`;
    const rows = found
        .slice(0, limit)
        .map(issue => `| ${comment_markdown_text(issue.severity, 40)} | ${comment_markdown_text(issue.type, 40)} | ${(0,markdown/* link */.nf)(comment_markdown_text(issue.title, 200), issue.helpUrl)} |\n`);
    const more = found.length > limit
        ? `\n…and ${found.length - limit} more. ${(0,markdown/* link */.nf)(`See them in ${input.words.name}`, input.started.url)}.\n`
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
 * The sticky pull-request comment (`pr_comment`): one comment per workflow, job, matrix leg and
 * `comment_key`, found again by its hidden marker and its author across every page of comments,
 * created once and edited in place afterwards.
 */












const WHAT = 'the pull-request comment';
/** Events whose payload names the pull request. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
/** Events that name a commit only: its open pull request is looked up. */
const COMMIT_EVENTS = new Set(['push', 'deployment', 'deployment_status', 'workflow_run', 'merge_group']);
function pullRequestCommentReporter(context, options = {}) {
    const { settings, git, service } = context;
    const clock = options.clock ?? util_clock/* systemClock */.m;
    const job = (0,identity/* jobIdentity */.Kv)(context.env, {
        service: service.words.name,
        commentKey: settings.commentKey,
        matrix: options.matrix
    });
    const key = (0,identity/* commentKeyOf */.EV)(job);
    let target;
    let refused = false;
    const write = async (run, state, failing) => {
        if (settings.prComment === 'off' || refused)
            return;
        try {
            target ??= locate(context, key);
            const found = await target;
            if (!found)
                return;
            // `on-failure` starts a comment only for a failed step, but keeps an existing one current.
            if (settings.prComment === 'on-failure' && !found.comment && !failing)
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
                    run: { id: run.id, url: run.url },
                    sha: git.commitHash,
                    workflowRunId: job.workflowRunId,
                    attempt: job.attempt
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
        started: run => write(run, { kind: 'running' }, false),
        stopped: (run, problem) => write(run, { kind: 'stopped', problem }, true),
        finished: (run, ending) => write(run, ending, ending.kind === 'waited' && !ending.outcome.succeeded)
    };
}
/** The pull request, the token's user and this job's comment, or undefined (with a line of log) when there is none. */
async function locate(context, key) {
    if (!context.octokit) {
        core/* info */.pq('github_token is empty: no pull-request comment.');
        return undefined;
    }
    const client = await context.octokit();
    const repository = (0,comments/* repositoryNames */.L0)(context.git.repository);
    const pullRequest = await findPullRequest(context, client);
    if (!pullRequest) {
        core/* info */.pq('No open pull request for this commit: no pull-request comment.');
        return undefined;
    }
    const identity = await (0,comments/* tokenIdentity */.sX)(client);
    const comment = await findJobComment(client, repository, pullRequest.number, identity, key);
    return { client, repository, pullRequest, comment, fresh: true };
}
/** This job's comment: the marker with its key, written by the token's own user or app (anyone can copy a marker). */
function findJobComment(client, repository, pullRequestNumber, identity, key) {
    return (0,comments/* findComment */.h1)(client, repository, pullRequestNumber, comment => (0,comments/* writtenBy */.xO)(identity, comment.author) && (0,comment_marker/* readMarker */.t)(comment.body)?.key === key);
}
/**
 * The pull request the step's commit belongs to: the event's, read again for its current head,
 * or for events that name only a commit, the open pull request whose head it is.
 */
async function findPullRequest({ event, git }, client) {
    const repository = (0,comments/* repositoryNames */.L0)(git.repository);
    if (PULL_REQUEST_EVENTS.has(event.name)) {
        const fromEvent = (0,pull_request/* pullRequestOfPayload */.w)(event.payload);
        if (!fromEvent)
            return undefined;
        try {
            return await (0,comments/* readPullRequest */.DQ)(client, repository, fromEvent.number);
        }
        catch (error) {
            core/* debug */.Yz(`Could not read pull request #${fromEvent.number}: ${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error))}`);
            return fromEvent;
        }
    }
    if (COMMIT_EVENTS.has(event.name) && git.commitHash && git.repository) {
        return (0,pull_for_commit/* findPullRequestForCommit */.g)(client, git.repository, git.commitHash);
    }
    return undefined;
}
/** The pull request's head now: a run takes minutes, and a push may have come meanwhile. */
async function currentHead(target) {
    if (target.fresh) {
        target.fresh = false;
        return target.pullRequest.headSha || undefined;
    }
    try {
        const now = await (0,comments/* readPullRequest */.DQ)(target.client, target.repository, target.pullRequest.number);
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


/***/ }),

/***/ 8137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findPreviousRun: () => (/* binding */ findPreviousRun)
/* harmony export */ });
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6645);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6702);
/* harmony import */ var _github_statuses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2681);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7110);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(17);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4244);
/* harmony import */ var _comment_marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7202);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8274);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4810);
/* harmony import */ var _pr_comment_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1063);











const HOW_TO_ENABLE = 'Set commit_status: true (needs `permissions: statuses: write`) or pr_comment (needs `pull-requests: write`) ' +
    'so that a rerun can find the run the previous attempt started.';
/** Never throws: a failure to look is a reason, and the caller runs everything. */
async function findPreviousRun(query) {
    const { settings, octokit, git } = query;
    const job = (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .jobIdentity */ .Kv)(query.env, {
        service: query.words.name,
        commentKey: settings.commentKey,
        matrix: query.matrix
    });
    if (job.attempt <= 1)
        return { notFound: 'This is the first attempt of the workflow run.' };
    if (settings.prComment === 'off' && !settings.commitStatus) {
        return { notFound: `Neither commit_status nor pr_comment is on. ${HOW_TO_ENABLE}` };
    }
    if (!octokit)
        return { notFound: 'github_token is empty: the previous attempt cannot be looked up.' };
    if (!git.commitHash)
        return { notFound: 'There is no commit to look up the previous attempt by.' };
    const clock = query.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m;
    // Each source on its own: a failure to read one still lets the other answer.
    const sources = [];
    let client;
    let identity;
    const ready = async () => {
        const github = (client ??= await octokit());
        identity ??= await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenIdentity */ .sX)(github);
        return { client: github, identity };
    };
    if (settings.prComment !== 'off') {
        sources.push(async () => {
            const { client, identity } = await ready();
            return fromComment(query, client, identity, (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .commentKeyOf */ .EV)(job), job.workflowRunId);
        });
    }
    if (settings.commitStatus) {
        const sha = git.commitHash;
        sources.push(async () => {
            const { client, identity } = await ready();
            return fromStatus(query, client, identity, sha);
        });
    }
    const reasons = [];
    for (const source of sources) {
        try {
            const answer = await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_7__/* .retryOnce */ .cf)(source, clock);
            if ('found' in answer)
                return answer;
            reasons.push(answer.notFound);
        }
        catch (error) {
            reasons.push(unreadable(error));
        }
    }
    return { notFound: reasons.join(' ') };
}
function unreadable(error) {
    const status = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error);
    const permission = status === 401 || status === 403
        ? ' Give the job `permissions: pull-requests: read` and `statuses: read` (or write).'
        : '';
    return `Could not read the previous attempt's report from GitHub (${status !== undefined ? `${status}: ` : ''}${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .messageOf */ .b)(error), 200)}).${permission}`;
}
async function fromComment(query, client, identity, key, workflowRunId) {
    const pullRequest = await (0,_pr_comment_js__WEBPACK_IMPORTED_MODULE_8__.findPullRequest)(query, client);
    if (!pullRequest)
        return { notFound: 'No open pull request for this commit, so no comment to read.' };
    const comment = await (0,_pr_comment_js__WEBPACK_IMPORTED_MODULE_8__.findJobComment)(client, (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryNames */ .L0)(query.git.repository), pullRequest.number, identity, key);
    const marker = comment ? (0,_comment_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .readMarker */ .t)(comment.body) : undefined;
    if (!marker)
        return { notFound: `Pull request #${pullRequest.number} has no comment of this job.` };
    const url = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .safeUrl */ .Pl)(marker.run.url);
    if (!url)
        return { notFound: `This job's comment on pull request #${pullRequest.number} names no run.` };
    // The comment is kept across workflow runs: only this run's earlier attempt counts.
    if (workflowRunId && marker.workflowRunId !== workflowRunId) {
        return { notFound: `This job's comment on pull request #${pullRequest.number} is from another workflow run.` };
    }
    if (marker.sha && query.git.commitHash && marker.sha.toLowerCase() !== query.git.commitHash.toLowerCase()) {
        return { notFound: `This job's comment on pull request #${pullRequest.number} is about another commit.` };
    }
    return {
        found: {
            id: marker.run.id,
            url,
            source: 'pull-request comment',
            ...(marker.attempt !== undefined ? { attempt: marker.attempt } : {})
        }
    };
}
async function fromStatus(query, client, identity, sha) {
    const { settings, words } = query;
    // Without status_context the default names the plan, which is known only once a run started.
    const expected = settings.statusContext || query.planName !== undefined
        ? (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .statusContextOf */ .rM)(settings, words, query.planName ? { label: '', name: query.planName } : undefined, query.matrix)
        : undefined;
    const { leg } = (0,_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .matrixLeg */ .QD)(query.matrix);
    const ours = (status) => (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .writtenBy */ .xO)(identity, status.creator) &&
        (expected !== undefined ? status.context === expected : isDefaultContext(status.context, words.name, leg));
    // The newest status of each of our contexts; more than one context cannot be told apart.
    const newest = new Map();
    await (0,_github_statuses_js__WEBPACK_IMPORTED_MODULE_2__/* .findLatestStatus */ .Pi)(client, (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryNames */ .L0)(query.git.repository), sha, status => {
        if (ours(status) && !newest.has(status.context))
            newest.set(status.context, status);
        return false;
    });
    if (newest.size === 0) {
        return {
            notFound: `Commit ${sha.slice(0, 7)} has no ${expected ? `"${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .inline */ .mG)(expected)}" ` : ''}status of this job.`
        };
    }
    if (newest.size > 1) {
        return {
            notFound: `Commit ${sha.slice(0, 7)} has statuses of ${newest.size} ${words.name} runs (${[...newest.keys()].map(context => `"${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .inline */ .mG)(context, 80)}"`).join(', ')}); set status_context to tell them apart.`
        };
    }
    const [status] = [...newest.values()];
    const url = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .safeUrl */ .Pl)(status?.targetUrl);
    if (!status || !url)
        return { notFound: `The commit status "${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .inline */ .mG)(status?.context ?? '')}" links to no run.` };
    return { found: { id: query.runIdFromUrl?.(url), url, source: 'commit status', statusState: status.state } };
}
/** "QA.tech" or "QA.tech / <any plan>", with this job's matrix leg when it has one. */
function isDefaultContext(context, service, leg) {
    const suffix = leg ? ` (${leg})` : '';
    if (leg && !context.endsWith(suffix))
        return false;
    const name = leg ? context.slice(0, -suffix.length) : context;
    return name === service || name.startsWith(`${service} / `);
}


/***/ })

};
