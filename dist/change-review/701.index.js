export const id = 701;
export const ids = [701];
export const modules = {

/***/ 701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  finish: () => (/* binding */ finish),
  waitAndReport: () => (/* binding */ waitAndReport)
});

// EXTERNAL MODULE: ./src/report/reporter.ts
var reporter = __webpack_require__(4969);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(4537);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
;// CONCATENATED MODULE: ./src/verdict/attempts.ts
/**
 * One report of several attempts: a run and the reruns of its failed, skipped and errored test
 * cases. A rerun holds only what it ran, so each of its test cases takes the place of the one of
 * the same name; the others keep their earlier result. A test case that failed before and passed
 * now is flaky; one that failed again keeps what the earlier attempts said. The verdict, status
 * and everything else are the latest attempt's. Pure.
 */
function mergeAttempts(earlier, latest) {
    const rerun = new Map(latest.testCases.map(testCase => [testCase.name, testCase]));
    const seen = new Set();
    const merged = earlier.testCases.map(before => {
        seen.add(before.name);
        const after = rerun.get(before.name);
        return after ? carryOver(before, after) : before;
    });
    const added = latest.testCases.filter(testCase => !seen.has(testCase.name));
    return { ...latest, testCases: [...merged, ...added], issues: [...latest.issues] };
}
function carryOver(before, after) {
    const failedBefore = before.verdict !== 'passed';
    const earlierFailures = failedBefore
        ? [...(before.earlierFailures ?? []), { summary: before.summary, code: before.cause?.code }]
        : (before.earlierFailures ?? []);
    const flaky = after.verdict === 'passed' && (failedBefore || before.flaky === true);
    return {
        ...after,
        ...(earlierFailures.length > 0 ? { earlierFailures: earlierFailures.map(withoutUndefinedFields) } : {}),
        ...(flaky ? { flaky: true } : {})
    };
}
function withoutUndefinedFields(failure) {
    return Object.fromEntries(Object.entries(failure).filter(([, value]) => value !== undefined));
}

;// CONCATENATED MODULE: ./src/service/model.ts
/**
 * The provider-neutral run and result model. Each service maps its API onto it; the poller, the
 * verdict and every report read only this. Strings that come from a service (names, summaries,
 * status words) are untrusted and kept as the service sent them: each report escapes them for
 * its own medium.
 */
/**
 * Counts from a report's test cases. A report without per-test results gives only the number of
 * test cases: those it lists (earlier attempts of a rerun included), or the number the service
 * announced at the start. A finished run that lists none of the test cases it announced is not
 * counted either: "0 passed, 3 skipped" would be a guess that contradicts a pass.
 */
function countTestCases(report, testCount) {
    const testCases = report?.testCases ?? [];
    const onlyTotal = () => {
        const total = testCases.length > 0 ? testCases.length : testCount;
        return total === undefined ? {} : { total };
    };
    // A status-only answer: whatever test cases the report holds are an earlier attempt's.
    if (report === undefined || report.testCasesUnread === true)
        return onlyTotal();
    if (testCases.length === 0 && (report.detailsMissing !== undefined || (testCount ?? 0) > 0))
        return onlyTotal();
    const count = (verdict) => testCases.filter(testCase => testCase.verdict === verdict).length;
    const passed = count('passed');
    const failed = count('failed');
    const errored = count('errored');
    const unfinished = count('pending');
    const flaky = testCases.filter(testCase => testCase.flaky === true).length;
    return {
        passed,
        failed,
        skipped: testCases.length - passed - failed,
        total: testCases.length,
        ...(errored > 0 ? { errored } : {}),
        ...(unfinished > 0 ? { unfinished } : {}),
        ...(flaky > 0 ? { flaky } : {})
    };
}

// EXTERNAL MODULE: ./src/verdict/words.ts
var verdict_words = __webpack_require__(220);
;// CONCATENATED MODULE: ./src/verdict/outcome.ts



/**
 * `runCancelled`: the step stopped the remote run after a workflow cancel or at the deadline, so
 * the words say so instead of "the run goes on". The words themselves are verdict/words.ts's.
 */
function decideOutcome(wait, started, words, options, runCancelled = false) {
    if (wait.kind === 'timed-out' || wait.kind === 'interrupted') {
        const counts = countTestCases(wait.last, started.testCount);
        const message = wait.kind === 'timed-out'
            ? (0,verdict_words/* timedOutMessage */.H8)(words, started, wait.waitedMs, options.timeoutMinutes, runCancelled)
            : (0,verdict_words/* interruptedMessage */.y4)(words, started, wait.waitedMs, wait.during === 'start', runCancelled);
        // After a cancel the run's own status is the honest answer: it is still going, or cancelled.
        const status = wait.kind === 'timed-out' ? 'TIMED_OUT' : (wait.last?.status ?? words.initialStatus);
        return { kind: wait.kind, succeeded: false, status, result: '', counts, message, runCancelled };
    }
    const report = wait.report;
    const verdict = report.verdict ?? 'unknown';
    const counts = agreeing(countTestCases(report, started.testCount), verdict);
    const base = { status: report.status, result: report.result, counts };
    const note = report.verdictNote ?? `${(0,untrusted_text/* inline */.mG)(started.label)} ended as ${(0,untrusted_text/* inline */.mG)(report.status)}.`;
    switch (verdict) {
        case 'passed':
            return { ...base, kind: 'passed', succeeded: true, message: (0,verdict_words/* passedMessage */.aW)(words, started, counts, report) };
        case 'failed':
            return {
                ...base,
                kind: 'failed',
                succeeded: false,
                message: (0,verdict_words/* failedMessage */.Xm)(words, started, counts, report.testCases)
            };
        case 'skipped':
            return options.failOnSkipped
                ? { ...base, kind: 'skipped', succeeded: false, message: (0,verdict_words/* notedMessage */.aH)(started, note, true) }
                : { ...base, kind: 'skipped', succeeded: true, message: note, warning: (0,verdict_words/* notedMessage */.aH)(started, note) };
        default:
            return { ...base, kind: verdict, succeeded: false, message: (0,verdict_words/* notedMessage */.aH)(started, note) };
    }
}
/**
 * The counts, unless they contradict the service's verdict — a pass with failed or unfinished
 * test cases, or with none passed; a failure where every test case passed (a stale read, or an
 * earlier attempt's results the rerun did not repeat) — in which case only the total is kept.
 * Every report shows the verdict; none may show numbers that say otherwise.
 */
function agreeing(counts, verdict) {
    const { passed, failed, total, unfinished = 0 } = counts;
    if (passed === undefined || failed === undefined || total === undefined || total === 0)
        return counts;
    const contradicts = verdict === 'passed' ? failed > 0 || unfinished > 0 || passed === 0 : verdict === 'failed' && passed === total;
    return contradicts ? { total } : counts;
}

// EXTERNAL MODULE: ./src/wait/cancellation.ts
var cancellation = __webpack_require__(3954);
// EXTERNAL MODULE: ./src/http/api-error.ts
var api_error = __webpack_require__(2247);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/wait/poll-schedule.ts
/**
 * When to ask the service again. Pure: the poller feeds it what it has seen, it answers with a delay.
 *
 * Without progress it starts fast (a short run is noticed within seconds) and lengthens the
 * interval with the time waited, up to the configured maximum. When the service reports how many test cases have finished,
 * it estimates when the run will end and polls sparsely while that is far off and densely as it
 * nears, so a long run costs few requests and is still noticed within seconds of its end.
 */
const MIN_POLL_INTERVAL_MS = 2_000;
/** Without progress, wait this share of the time waited so far: the delay stays a small part of the run. */
const ELAPSED_SHARE = 0.08;
/** Far from the expected end, the interval may grow to this multiple of the configured one. */
const SPARSE_FACTOR = 3;
/** Poll again after this share of the expected remaining time. */
const REMAINING_SHARE = 1 / 3;
/** Past the expected end, back off slowly: the estimate is usually only a little early. */
const OVERDUE_SHARE = 0.1;
function nextPollDelay(input) {
    const { maxIntervalMs, progress, elapsedMs } = input;
    const min = Math.min(MIN_POLL_INTERVAL_MS, maxIntervalMs);
    const backoff = clamp(elapsedMs * ELAPSED_SHARE, min, maxIntervalMs);
    if (progress === undefined || progress.total <= 0 || progress.finished <= 0 || progress.finished >= progress.total) {
        return backoff;
    }
    // Test cases finish at a roughly steady pace: extrapolate the end from the pace so far.
    const runningFor = Math.max(1, progress.finishedSeenAtMs - progress.runningSinceMs);
    const expectedEndMs = progress.runningSinceMs + (runningFor * progress.total) / progress.finished;
    const remainingMs = expectedEndMs - elapsedMs;
    if (remainingMs > 0)
        return clamp(remainingMs * REMAINING_SHARE, min, maxIntervalMs * SPARSE_FACTOR);
    // Later than expected: stay close, backing off as the estimate proves wrong.
    return clamp(-remainingMs * OVERDUE_SHARE, min, maxIntervalMs);
}
function clamp(value, low, high) {
    return Math.round(Math.min(high, Math.max(low, value)));
}

;// CONCATENATED MODULE: ./src/wait/poller.ts





const HEARTBEAT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * The per-test details are a bonus once the verdict is known: a few bounded retries, then the
 * verdict is reported without them rather than waiting for the deadline.
 */
const DETAILS_BUDGET_MS = 20_000;
/**
 * Waits until the run finishes, the deadline passes or the workflow is cancelled; then, for a
 * finished run, fetches its result once with every detail. Client errors (401, 403, 404, …) end
 * the wait at once (thrown); anything transient is retried until the deadline.
 */
async function waitForRun(options) {
    const { service, run, clock, signal, log, warn } = options;
    const name = service.words.name;
    const random = options.random ?? Math.random;
    const startedAt = clock.now();
    const deadline = startedAt + options.timeoutMs;
    const elapsed = () => clock.now() - startedAt;
    let last;
    let lastPollAtMs = 0;
    let lastLogAtMs = 0;
    let runningSinceMs;
    let progress;
    const unknownStatusesWarned = new Set();
    const outcome = (kind) => ({ kind, waitedMs: elapsed(), last });
    /** One request, retried through transient failures, unless the deadline or a cancel comes first. */
    async function ask(request) {
        let failures = 0;
        for (;;) {
            const remaining = deadline - clock.now();
            if (remaining <= 0)
                return 'deadline';
            try {
                const report = await abortable(request({ timeoutMs: Math.min(REQUEST_TIMEOUT_MS, remaining) }), signal);
                if (report === ABORTED)
                    return 'interrupted';
                if (failures > 0)
                    log(`${name} answers again, after ${failures} failed attempt${failures === 1 ? '' : 's'}.`);
                return report;
            }
            catch (error) {
                if (!(0,retry/* isTransient */.dg)(error))
                    throw error;
                failures += 1;
                const delay = (0,retry/* transientDelayMs */.Yt)(failures, error instanceof api_error/* ApiError */.h ? error.retryAfterMs : undefined, random);
                if (failures === 1) {
                    const left = (0,duration/* formatDuration */.a)(Math.max(0, deadline - clock.now()));
                    warn(`${error.message} Asking again until ${name} answers; the wait ends in ${left}.`);
                }
                if ((await sleep(clock, Math.min(delay, Math.max(0, deadline - clock.now())), signal)) === ABORTED) {
                    return 'interrupted';
                }
            }
        }
    }
    /**
     * The finished run with every detail. A terminal state once seen is kept: an answer that goes
     * back on it (a stale read: still running, or another result) is asked again, and after a few
     * tries, or on a client error, the verdict already seen is reported without the details.
     */
    async function details(state) {
        const until = Math.min(deadline, clock.now() + DETAILS_BUDGET_MS);
        let problem;
        for (let failures = 1;; failures += 1) {
            let retryAfterMs;
            try {
                const timeoutMs = Math.max(1, Math.min(REQUEST_TIMEOUT_MS, until - clock.now()));
                const full = await abortable(service.result(run, { timeoutMs }), signal);
                if (full === ABORTED)
                    return 'interrupted';
                if (full.phase === 'finished' && full.status === state.status && full.verdict === state.verdict)
                    return full;
                problem = `it answered ${(0,untrusted_text/* inline */.mG)(full.status)}${full.result ? ` ${(0,untrusted_text/* inline */.mG)(full.result)}` : ''} after ${(0,untrusted_text/* inline */.mG)(state.status)}${state.result ? ` ${(0,untrusted_text/* inline */.mG)(state.result)}` : ''}`;
            }
            catch (error) {
                if (!(error instanceof api_error/* ApiError */.h))
                    throw error;
                problem = error.message;
                if (!(0,retry/* isTransient */.dg)(error))
                    break;
                retryAfterMs = error.retryAfterMs;
            }
            const delay = (0,retry/* transientDelayMs */.Yt)(failures, retryAfterMs, random);
            if (clock.now() + delay > until)
                break;
            if ((await sleep(clock, delay, signal)) === ABORTED)
                return 'interrupted';
        }
        warn(`Could not read the per-test details of ${run.label} (${problem.replace(/\.$/, '')}); reporting the result ${name} gave: ${(0,untrusted_text/* inline */.mG)(state.status)}${state.result ? ` ${(0,untrusted_text/* inline */.mG)(state.result)}` : ''}.`);
        return { ...state, detailsMissing: problem };
    }
    for (;;) {
        const delay = nextPollDelay({ elapsedMs: elapsed(), maxIntervalMs: options.maxIntervalMs, progress });
        const pause = Math.min(delay, deadline - clock.now());
        if (pause > 0 && (await sleep(clock, pause, signal)) === ABORTED)
            return outcome('interrupted');
        if (signal.aborted)
            return outcome('interrupted');
        if (clock.now() >= deadline)
            return outcome('timed-out');
        const pollStartMs = elapsed();
        const state = await ask(request => service.poll(run, request));
        if (state === 'interrupted')
            return outcome('interrupted');
        if (state === 'deadline')
            return outcome('timed-out');
        const previous = last;
        last = state;
        if (!state.statusKnown && !unknownStatusesWarned.has(state.status)) {
            unknownStatusesWarned.add(state.status);
            warn(`${name} reports the status ${(0,untrusted_text/* quote */.hD)(state.status)}, which this action does not know; waiting on.`);
        }
        if (state.phase === 'finished') {
            log(`${run.label} is ${(0,untrusted_text/* inline */.mG)(state.status)} after ${(0,duration/* formatDuration */.a)(elapsed())}.`);
            const full = await details(state);
            if (full === 'interrupted')
                return outcome('interrupted');
            return { kind: 'finished', report: full, waitedMs: elapsed(), last: state };
        }
        if (state.phase === 'running' && runningSinceMs === undefined)
            runningSinceMs = pollStartMs;
        const finished = countFinished(state);
        const total = state.testCases.length;
        if (runningSinceMs !== undefined && total > 0 && finished !== progress?.finished) {
            progress = { finished, total, finishedSeenAtMs: (lastPollAtMs + pollStartMs) / 2, runningSinceMs };
        }
        lastPollAtMs = pollStartMs;
        const changed = previous === undefined || previous.status !== state.status || (total > 0 && countFinished(previous) !== finished);
        if (changed || elapsed() - lastLogAtMs >= HEARTBEAT_MS) {
            lastLogAtMs = elapsed();
            const noun = service.words.testCaseNoun?.many ?? 'test cases';
            const tests = total > 0 ? `, ${finished} of ${total} ${noun} finished` : '';
            log(`Waiting for ${run.label}: ${(0,untrusted_text/* inline */.mG)(state.status)} after ${(0,duration/* formatDuration */.a)(elapsed())}${tests}.`);
        }
    }
}
function countFinished(state) {
    return state.testCases.filter(testCase => testCase.verdict !== 'pending').length;
}
const ABORTED = Symbol('aborted');
function abortable(promise, signal) {
    if (signal.aborted)
        return Promise.resolve(ABORTED);
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(ABORTED);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, error => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
function sleep(clock, ms, signal) {
    return abortable(clock.sleep(ms), signal);
}

// EXTERNAL MODULE: ./src/step/end.ts
var end = __webpack_require__(3755);
// EXTERNAL MODULE: ./src/step/log.ts
var log = __webpack_require__(3424);
;// CONCATENATED MODULE: ./src/step/finish.ts










/**
 * Waiting and its verdict, loaded only when the step waits: a step with `blocking: false` starts
 * and ends without this code.
 */
/** The cancel request to the service, within the runner's grace after a cancel. */
const CANCEL_TIMEOUT_MS = 5_000;
async function waitAndReport(started, deps, signal) {
    const { settings, service, reporters, deadline } = started;
    if (!settings.blocking) {
        await (0,reporter/* notifyReporters */.o)(reporters, reporter => reporter.finished?.(started.run, { kind: 'not-waiting' }));
        return (0,end/* passed */.bF)();
    }
    const waitFor = (run) => waitForRun({
        service,
        run,
        timeoutMs: Math.max(0, deadline - deps.clock.now()),
        maxIntervalMs: settings.pollIntervalSeconds * 1000,
        clock: deps.clock,
        signal,
        log: log/* log */.Rm,
        warn: log/* warn */.R8
    }).catch(async (error) => {
        // A run was started: the reports say so, whatever ended the wait.
        await (0,reporter/* notifyReporters */.o)(reporters, reporter => reporter.stopped?.(run, (0,errors/* messageOf */.b)(error)));
        throw error;
    });
    let run = started.run;
    const waitStartedAt = deps.clock.now();
    let wait = await waitFor(run);
    const earlierAttempts = [];
    // retry_failed: AI agents miss sometimes; a failed run's failures get up to N more tries.
    for (let retry = 1; retry <= settings.retryFailed && service.rerunFailed; retry += 1) {
        if (wait.kind !== 'finished' || wait.report.verdict !== 'failed' || deps.clock.now() >= deadline)
            break;
        const { git, preview, event, octokit } = started;
        let next;
        try {
            next = await (0,cancellation/* untilCancelled */.c8)(service.rerunFailed(run, { git, preview, event, octokit, signal }), signal);
        }
        catch (error) {
            // The failed run is already known: a retry that cannot start leaves it the verdict.
            if (error instanceof cancellation/* CancelledError */.cc) {
                wait = { kind: 'interrupted', waitedMs: wait.waitedMs, last: wait.report };
            }
            else {
                (0,log/* warn */.R8)(`Could not retry what failed in ${run.label}: ${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error))}`);
            }
            break;
        }
        // The same run back: nothing was rerun, so there is no further attempt to wait for.
        if (next.id === run.id)
            break;
        (0,log/* log */.Rm)(`Retry ${retry} of ${settings.retryFailed}: ${next.label} reruns what failed in ${run.label}.`);
        earlierAttempts.push({ label: run.label, url: run.url });
        // A retry runs the same plan, whether or not the service's answer names it: the commit
        // status's context, which names the plan, stays the one branch protection and the base
        // branch's comparison know.
        run = (0,secrets/* redactSecrets */.f)(next.plan === undefined && run.plan ? { ...next, plan: run.plan } : next, settings.secrets);
        const current = run;
        await (0,reporter/* notifyReporters */.o)(reporters, reporter => reporter.started?.(current));
        const earlier = wait.report;
        const retried = await waitFor(run);
        wait =
            retried.kind === 'finished'
                ? { ...retried, report: mergeAttempts(earlier, retried.report) }
                : { ...retried, last: retried.last && mergeAttempts(earlier, retried.last) };
    }
    // Every attempt's wait counts: "waited" is the step's whole wait.
    return finish({ ...started, run }, deps, { ...wait, waitedMs: deps.clock.now() - waitStartedAt }, earlierAttempts);
}
/** Decides the outcome of a wait, reports it, and returns how the step ends. */
async function finish(started, deps, wait, earlierAttempts = []) {
    const { settings, service, run, reporters } = started;
    const runCancelled = wait.kind !== 'finished' && (await cancelRemoteRun(service, run, settings));
    // A service's text may quote a visited URL with the bypass secret: scrub it before any report.
    const reported = (0,secrets/* redactSecrets */.f)(wait, settings.secrets);
    const decided = {
        outcome: decideOutcome(reported, run, service.words, settings, runCancelled),
        report: reported.kind === 'finished' ? reported.report : reported.last
    };
    // fail_on: new compares the failures of the last attempt (retries merged in) with the base branch's run.
    const { outcome, report } = settings.failOn === 'new' && decided.outcome.kind === 'failed'
        ? await (await __webpack_require__.e(/* import() */ 95).then(__webpack_require__.bind(__webpack_require__, 3095))).compareWithBaseline(started, deps, decided)
        : decided;
    const ending = {
        kind: 'waited',
        outcome,
        report,
        waitedMs: wait.waitedMs,
        ...(earlierAttempts.length > 0 ? { earlierAttempts } : {})
    };
    await (0,reporter/* notifyReporters */.o)(reporters, reporter => reporter.finished?.(run, ending));
    // After a cancel, the runner's grace is short: nothing may keep the process alive.
    if (wait.kind === 'interrupted')
        return (0,end/* failed */.gz)(outcome.message, { exitNow: true });
    if (!outcome.succeeded)
        return (0,end/* failed */.gz)(outcome.message);
    return (0,end/* passed */.bF)(outcome.message, outcome.warning);
}
/** Stops the remote run where the service can and the user wants it; true when it did. */
async function cancelRemoteRun(service, run, settings) {
    if (!service.cancel || !settings.cancelOnAbort)
        return false;
    try {
        if ((await service.cancel(run, { timeoutMs: CANCEL_TIMEOUT_MS })) === 'already-finished')
            return false;
        (0,log/* log */.Rm)(`${service.words.cancelledRun ?? `Cancelled ${run.label}`}.`);
        return true;
    }
    catch (error) {
        (0,log/* warn */.R8)(`Could not cancel ${run.label}: ${(0,untrusted_text/* inline */.mG)((0,errors/* messageOf */.b)(error))}`);
        return false;
    }
}


/***/ })

};
