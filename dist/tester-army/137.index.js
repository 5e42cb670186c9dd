export const id = 137;
export const ids = [137,914,604];
export const modules = {

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
/* harmony export */   commitStatusReporter: () => (/* binding */ commitStatusReporter),
/* harmony export */   statusContextOf: () => (/* binding */ statusContextOf)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3246);
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6645);
/* harmony import */ var _github_statuses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2681);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7110);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4537);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4244);
/* harmony import */ var _comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9065);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4810);
/**
 * The commit status (`commit_status`): `pending` on the tested commit when the run starts, then
 * its outcome, linked to the run's page, under a context branch protection can require whatever
 * the job is called.
 */









const WHAT = 'the commit status';
/** Keeps a context readable in the checks list. */
const MAX_CONTEXT_NAME = 100;
/**
 * The status's context: `status_context`, or "<service> / <plan>" with the matrix leg, so that two
 * legs (or two plans) never overwrite each other's status.
 */
function statusContextOf(settings, words, plan, matrix) {
    if (settings.statusContext)
        return settings.statusContext;
    const { leg } = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .matrixLeg */ .QD)(matrix);
    // Stable across runs, so branch protection can require it: "QA.tech / Checkout flow", or what
    // a service without plans starts, "QA.tech / change review" (never the pull request's name).
    const name = [words.name, words.runNoun ?? plan?.name].filter(Boolean).join(' / ');
    return shorten((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inline */ .mG)(leg ? `${name} (${leg})` : name, 1_000), MAX_CONTEXT_NAME);
}
/** At most `max` UTF-16 units (GitHub counts characters; this is never more), cut with "…". */
function shorten(text, max) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - 1);
    const last = cut.charCodeAt(cut.length - 1);
    return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}
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
            context: statusContextOf(settings, service.words, run.plan, options.matrix),
            description: shorten((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inline */ .mG)((0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)(description, settings.secrets), 1_000), _github_statuses_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUS_DESCRIPTION_MAX_CHARACTERS */ .Eb),
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

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findJobComment: () => (/* binding */ findJobComment),
/* harmony export */   findPullRequest: () => (/* binding */ findPullRequest),
/* harmony export */   pullRequestCommentReporter: () => (/* binding */ pullRequestCommentReporter)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3246);
/* harmony import */ var _context_pull_request_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8608);
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6645);
/* harmony import */ var _github_pull_for_commit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3438);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7110);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4537);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4244);
/* harmony import */ var _comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9065);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4810);
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
    const clock = options.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m;
    const job = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .jobIdentity */ .Kv)(context.env, {
        service: service.words.name,
        commentKey: settings.commentKey,
        matrix: options.matrix
    });
    const key = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .commentKeyOf */ .EV)(job);
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
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The pull request's comment already shows the result of its latest commit; not replacing it with this older commit's.`);
                return;
            }
            // Secrets out of what is rendered (so the mark is escaped like any text), then out of the result.
            const shown = (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)({ run, state, git }, settings.secrets);
            const body = (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)((0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .renderComment */ .wQ)({
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
                await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .retryOnce */ .cf)(() => (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .updateComment */ .vv)(client, repository, comment.id, body), clock);
                found.comment = { ...comment, body };
            }
            else {
                found.comment = await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .createComment */ .eT)(client, repository, pullRequest.number, body);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Commented on pull request #${pullRequest.number}.`);
            }
        }
        catch (error) {
            if (!(0,_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .isPermissionDenied */ .T1)(error)) {
                // The next hook looks again: a create that timed out may have left a comment to edit.
                target = undefined;
                throw error;
            }
            refused = true;
            (0,_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .warnPermission */ .cS)(settings, WHAT, error);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('github_token is empty: no pull-request comment.');
        return undefined;
    }
    const client = await context.octokit();
    const repository = (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryNames */ .L0)(context.git.repository);
    const pullRequest = await findPullRequest(context, client);
    if (!pullRequest) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('No open pull request for this commit: no pull-request comment.');
        return undefined;
    }
    const identity = await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenIdentity */ .sX)(client);
    const comment = await findJobComment(client, repository, pullRequest.number, identity, key);
    return { client, repository, pullRequest, comment, fresh: true };
}
/** This job's comment: the marker with its key, written by the token's own user or app (anyone can copy a marker). */
function findJobComment(client, repository, pullRequestNumber, identity, key) {
    return (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .findComment */ .h1)(client, repository, pullRequestNumber, comment => (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .writtenBy */ .xO)(identity, comment.author) && (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .readMarker */ .t7)(comment.body)?.key === key);
}
/**
 * The pull request the step's commit belongs to: the event's, read again for its current head,
 * or for events that name only a commit, the open pull request whose head it is.
 */
async function findPullRequest({ event, git }, client) {
    const repository = (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryNames */ .L0)(git.repository);
    if (PULL_REQUEST_EVENTS.has(event.name)) {
        const fromEvent = (0,_context_pull_request_js__WEBPACK_IMPORTED_MODULE_7__/* .pullRequestOfPayload */ .w)(event.payload);
        if (!fromEvent)
            return undefined;
        try {
            return await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .readPullRequest */ .DQ)(client, repository, fromEvent.number);
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Could not read pull request #${fromEvent.number}: ${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .messageOf */ .b)(error))}`);
            return fromEvent;
        }
    }
    if (COMMIT_EVENTS.has(event.name) && git.commitHash && git.repository) {
        return (0,_github_pull_for_commit_js__WEBPACK_IMPORTED_MODULE_2__/* .findPullRequestForCommit */ .g)(client, git.repository, git.commitHash);
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
        const now = await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .readPullRequest */ .DQ)(target.client, target.repository, target.pullRequest.number);
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
    const now = await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_1__/* .readComment */ .W3)(target.client, target.repository, target.comment.id);
    const shown = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .readMarker */ .t7)(now.body)?.sha;
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
/* harmony import */ var _comment_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9065);
/* harmony import */ var _commit_status_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6604);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4810);
/* harmony import */ var _pr_comment_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1914);











const HOW_TO_ENABLE = 'Set commit_status: true (needs `permissions: statuses: write`) or pr_comment (needs `pull-requests: write`) ' +
    'so that a rerun can find the run the previous attempt started.';
/** Never throws: a failure to look is a reason, and the caller runs everything. */
async function findPreviousRun(query) {
    const { settings, octokit, git } = query;
    const job = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .jobIdentity */ .Kv)(query.env, {
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
            return fromComment(query, client, identity, (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .commentKeyOf */ .EV)(job), job.workflowRunId);
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
    const marker = comment ? (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .readMarker */ .t7)(comment.body) : undefined;
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
        ? (0,_commit_status_js__WEBPACK_IMPORTED_MODULE_5__.statusContextOf)(settings, words, query.planName ? { label: '', name: query.planName } : undefined, query.matrix)
        : undefined;
    const { leg } = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .matrixLeg */ .QD)(query.matrix);
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
