export const id = 604;
export const ids = [604];
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


/***/ })

};
