export const id = 914;
export const ids = [914];
export const modules = {

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


/***/ })

};
