export const id = 491;
export const ids = [491,998];
export const modules = {

/***/ 4491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ctrfReporter: () => (/* binding */ ctrfReporter)
/* harmony export */ });
/* unused harmony export renderCtrf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7110);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4537);
/* harmony import */ var _common_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1446);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8274);
/* harmony import */ var _junit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2998);
/**
 * A CTRF JSON report (Common Test Report Format, https://ctrf.io) of a finished wait: one test per
 * test case with its last result; a test that failed and then passed on a retry is `passed` with
 * `flaky: true` and its earlier attempts; one the base branch already has stays `failed` with
 * `extra.baseline: "known"` (the report's `extra.baseline` says what it was compared with). A
 * step that did not pass with no failed test to show for it (an error, a timeout, a cancel) gets
 * one failed test for the run itself, as the JUnit file does, so a CTRF viewer shows it red. Only
 * CTRF's types are used here; the bundle does not carry the package.
 */






/** The CTRF version the report follows (its schema is `ctrf-schema-0.0.json`). */
const SPEC_VERSION = '0.0.0';
/** Writes the CTRF file when a blocking run's wait ends, and names it in `ctrf_file`. */
function ctrfReporter(context, options = {}) {
    const { service, git, settings, env } = context;
    const clock = options.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
    return {
        what: 'the CTRF report',
        finished: (run, ending) => {
            if (ending.kind !== 'waited')
                return;
            const input = (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redactSecrets */ .f)({ words: service.words, started: run, ending, git }, settings.secrets);
            const report = renderCtrf({ ...input, endedAt: clock.now(), reportId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(), env });
            const name = `${service.words.filePrefix}-${run.fileId}.ctrf.json`;
            (0,_junit_js__WEBPACK_IMPORTED_MODULE_5__.writeReportFile)(env, name, `${JSON.stringify(report, null, 2)}\n`, _common_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .CommonOutputs */ .M.CtrfFile);
        }
    };
}
/** The report as a CTRF document. Pure. */
function renderCtrf(input) {
    const { words, started, ending, git, env } = input;
    const testCases = ending.report?.testCases ?? [];
    const suite = started.plan?.name ?? started.label;
    const compared = ending.outcome.baseline;
    const tests = testCases.map(testCase => toTest(testCase, suite, compared !== undefined));
    const waitedMs = Math.max(0, Math.round(ending.waitedMs));
    if (!ending.outcome.succeeded && !tests.some(test => test.status === 'failed')) {
        tests.push(runTest(started, ending.outcome, suite, waitedMs));
    }
    const status = (wanted) => tests.filter(test => test.status === wanted).length;
    const stop = Math.round(input.endedAt);
    const job = (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .jobIdentity */ .Kv)(env, {});
    const runNumber = Number.parseInt(env.GITHUB_RUN_NUMBER ?? '', 10);
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    return {
        reportFormat: 'CTRF',
        specVersion: SPEC_VERSION,
        reportId: input.reportId,
        timestamp: new Date(stop).toISOString(),
        generatedBy: `${words.name} GitHub Action`,
        results: {
            tool: { name: words.name },
            summary: {
                tests: tests.length,
                passed: status('passed'),
                failed: status('failed'),
                skipped: status('skipped'),
                pending: status('pending'),
                other: status('other'),
                flaky: tests.filter(test => test.flaky).length,
                suites: 1,
                start: stop - waitedMs,
                stop,
                duration: waitedMs
            },
            tests,
            environment: {
                reportName: started.plan ? `${words.name}: ${started.plan.name}` : started.label,
                ...(git.repository ? { repositoryName: git.repository, repositoryUrl: `${server}/${git.repository}` } : {}),
                ...(git.commitHash ? { commit: git.commitHash } : {}),
                ...(git.branch ? { branchName: git.branch } : {}),
                ...(started.testedUrls[0] ? { testEnvironment: started.testedUrls[0] } : {}),
                ...(job.workflowRunId ? { buildId: job.workflowRunId } : {}),
                ...(job.workflowName ? { buildName: [job.workflowName, job.job].filter(Boolean).join(' / ') } : {}),
                ...(Number.isInteger(runNumber) ? { buildNumber: runNumber } : {}),
                ...(job.workflowRunUrl ? { buildUrl: job.workflowRunUrl } : {}),
                healthy: ending.outcome.succeeded
            },
            extra: {
                runId: started.id,
                runUrl: started.url,
                outcome: ending.outcome.kind,
                status: ending.outcome.status,
                message: ending.outcome.message,
                ...(compared
                    ? {
                        baseline: {
                            branch: compared.branch,
                            commit: compared.commitSha,
                            ...(compared.runUrl ? { runUrl: compared.runUrl } : {}),
                            newFailed: compared.newFailed,
                            knownFailed: compared.knownFailed
                        }
                    }
                    : {}),
                ...(ending.earlierAttempts?.length
                    ? { earlierRuns: ending.earlierAttempts.map(({ label, url }) => ({ label, url })) }
                    : {})
            }
        }
    };
}
/** The run itself as a failed test: named as the log names the run, with the step's failure message. */
function runTest(started, outcome, suite, waitedMs) {
    return {
        name: started.label,
        status: 'failed',
        duration: waitedMs,
        suite: [suite],
        type: 'e2e',
        message: outcome.message,
        rawStatus: outcome.status || outcome.kind,
        ...(started.url ? { extra: { links: [{ label: 'Run', url: started.url }] } } : {})
    };
}
const STATUSES = {
    passed: 'passed',
    failed: 'failed',
    skipped: 'skipped',
    pending: 'pending',
    errored: 'other'
};
/**
 * A test case with its last result. A failure the base branch already has stays `failed` and says
 * so in `extra.baseline` = `known`, when the outcome was `compared` with the base branch.
 */
function toTest(testCase, suite, compared) {
    const earlier = testCase.earlierFailures ?? [];
    const known = compared && testCase.verdict === 'failed' && testCase.baseline === 'known';
    const trace = testCase.details.map(detail => `${detail.label}: ${detail.text}`).join('\n\n');
    const pages = [...(testCase.url ? [{ label: 'Result', url: testCase.url }] : []), ...(testCase.links ?? [])];
    return {
        name: testCase.name || '(unnamed test case)',
        status: STATUSES[testCase.verdict],
        duration: Math.max(0, Math.round(testCase.durationMs ?? 0)),
        suite: [suite],
        type: 'e2e',
        ...(testCase.summary && testCase.verdict !== 'passed' ? { message: testCase.summary } : {}),
        ...(trace && testCase.verdict !== 'passed' ? { trace } : {}),
        ...(testCase.resultWord !== undefined ? { rawStatus: testCase.resultWord } : {}),
        ...(testCase.flaky ? { flaky: true } : {}),
        ...(earlier.length > 0
            ? {
                retries: earlier.length,
                retryAttempts: earlier.map((failure, index) => ({
                    attempt: index + 1,
                    status: 'failed',
                    ...(failure.summary || failure.code
                        ? { message: [failure.summary, failure.code && `(${failure.code})`].filter(Boolean).join(' ') }
                        : {})
                }))
            }
            : {}),
        ...(pages.length > 0 || testCase.cause || known
            ? {
                extra: {
                    ...(testCase.cause ? { cause: testCase.cause.kind, code: testCase.cause.code } : {}),
                    ...(pages.length > 0 ? { links: pages.map(({ label, url }) => ({ label, url })) } : {}),
                    ...(known ? { baseline: 'known' } : {})
                }
            }
            : {})
    };
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

/***/ 2998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   junitReporter: () => (/* binding */ junitReporter),
/* harmony export */   renderJunit: () => (/* binding */ renderJunit),
/* harmony export */   writeReportFile: () => (/* binding */ writeReportFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3246);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4537);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4244);
/* harmony import */ var _common_outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1446);
/**
 * A JUnit XML report of a finished wait, for the test-report actions (dorny/test-reporter,
 * mikepenz/action-junit-report, EnricoMi/publish-unit-test-result-action): one testsuite for the
 * run, one testcase per test case with its last result. Retries fold into the test case: a test
 * that failed and then passed has a `flakyFailure` per earlier failure, one that kept failing a
 * `rerunFailure`. A failure the base branch already has stays a failure, marked with a
 * `baseline` = `known` property; the suite's properties name the baseline's branch, commit and
 * run. The shape is the Maven Surefire / Jenkins junit-10 schema.
 */








/** Writes the JUnit file when a blocking run's wait ends, and names it in `junit_file`. */
function junitReporter({ service, git, settings, env }) {
    return {
        what: 'the JUnit report',
        finished: (run, ending) => {
            if (ending.kind !== 'waited')
                return;
            const input = (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)({ words: service.words, started: run, ending, git }, settings.secrets);
            writeReportFile(env, `${service.words.filePrefix}-${run.fileId}.junit.xml`, renderJunit(input), _common_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .CommonOutputs */ .M.JunitFile);
        }
    };
}
/**
 * Writes a report file under RUNNER_TEMP and names it in `output`. Best effort, like the results
 * file: a full disk costs a warning and an empty output, never the outcome.
 */
function writeReportFile(env, name, content, output) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), name);
    let written = '';
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, content);
        written = path;
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write ${path}: ${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_6__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .messageOf */ .b)(error))}`);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH(output, written);
}
/** The report as XML. Pure. */
function renderJunit({ words, started, ending, git }) {
    const suite = started.plan ? `${words.name}: ${started.plan.name}` : started.label;
    const testCases = ending.report?.testCases ?? [];
    const compared = ending.outcome.baseline !== undefined;
    const cases = testCases.map(testCase => testCaseElement(testCase, suite, compared));
    const runLevel = runLevelProblem(ending.outcome, testCases);
    if (runLevel)
        cases.push(runTestCase(started, suite, runLevel));
    const count = (verdicts) => testCases.filter(testCase => verdicts.includes(testCase.verdict)).length;
    const totals = {
        tests: testCases.length + (runLevel ? 1 : 0),
        failures: count(['failed']) + (runLevel?.element === 'failure' ? 1 : 0),
        errors: count(['errored']) + (runLevel?.element === 'error' ? 1 : 0),
        skipped: count(['skipped', 'pending'])
    };
    const time = seconds(ending.waitedMs);
    const counts = `tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${time}"`;
    const properties = suiteProperties(started, ending, git);
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${attribute(words.name)}" ${counts}>`,
        `  <testsuite name="${attribute(suite)}" ${counts} id="${attribute(started.id)}"${started.url ? ` url="${attribute(started.url)}"` : ''}>`,
        '    <properties>',
        ...properties.map(([name, value]) => `      <property name="${attribute(name)}" value="${attribute(value)}"/>`),
        '    </properties>',
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        ''
    ].join('\n');
}
function suiteProperties(started, ending, git) {
    const properties = [
        ['run_id', started.id],
        ['run_url', started.url],
        ['outcome', ending.outcome.kind],
        ['status', ending.outcome.status]
    ];
    if (started.plan)
        properties.push([started.plan.label.toLowerCase().replace(/\W+/g, '_'), started.plan.name]);
    if (git.commitHash)
        properties.push(['commit', git.commitHash]);
    if (git.branch)
        properties.push(['branch', git.branch]);
    for (const url of started.testedUrls)
        properties.push(['tested_url', url]);
    const flaky = (ending.report?.testCases ?? []).filter(testCase => testCase.flaky).length;
    if (flaky > 0)
        properties.push(['flaky_count', String(flaky)]);
    for (const attempt of ending.earlierAttempts ?? [])
        properties.push(['earlier_run', attempt.url]);
    const baseline = ending.outcome.baseline;
    if (baseline) {
        properties.push(['baseline_branch', baseline.branch], ['baseline_commit', baseline.commitSha]);
        if (baseline.runUrl)
            properties.push(['baseline_run_url', baseline.runUrl]);
    }
    return properties;
}
/**
 * A test case with its last result. A failure the base branch already has stays a failure (a
 * report reader shows what failed) and says so in a property, `baseline` = `known`, when the
 * outcome was `compared` with the base branch.
 */
function testCaseElement(testCase, suite, compared) {
    const time = testCase.durationMs !== undefined ? ` time="${seconds(testCase.durationMs)}"` : '';
    const open = `    <testcase name="${attribute(testCase.name)}" classname="${attribute(suite)}"${time}`;
    const children = [];
    if (compared && testCase.verdict === 'failed' && testCase.baseline === 'known') {
        children.push('      <properties>', '        <property name="baseline" value="known"/>', '      </properties>');
    }
    const message = testCase.summary ?? testCase.resultWord ?? '';
    const type = testCase.cause?.code ?? testCase.resultWord ?? testCase.verdict.toUpperCase();
    switch (testCase.verdict) {
        case 'failed':
        case 'errored': {
            const element = testCase.verdict === 'failed' ? 'failure' : 'error';
            children.push(`      <${element} message="${attribute(message || 'Failed')}" type="${attribute(type)}">${text(failureBody(testCase))}</${element}>`);
            break;
        }
        case 'skipped':
            children.push(`      <skipped${message ? ` message="${attribute(message)}"` : ''}/>`);
            break;
        case 'pending':
            children.push('      <skipped message="Unfinished when the step stopped waiting"/>');
            break;
        case 'passed':
            break;
    }
    // Earlier attempts of this step: failures a retry cleared, or that it did not.
    const rerun = testCase.flaky ? 'flakyFailure' : testCase.verdict === 'passed' ? undefined : 'rerunFailure';
    if (rerun) {
        for (const failure of testCase.earlierFailures ?? []) {
            const failureMessage = failure.summary ? ` message="${attribute(failure.summary)}"` : '';
            children.push(`      <${rerun}${failureMessage} type="${attribute(failure.code ?? 'FAILED')}"/>`);
        }
    }
    if (testCase.url)
        children.push(`      <system-out>${text(`Result: ${testCase.url}`)}</system-out>`);
    return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`;
}
/** The summary, each detail, and the pages, as the failure's body. */
function failureBody(testCase) {
    const parts = [];
    if (testCase.summary)
        parts.push(testCase.summary);
    for (const detail of testCase.details)
        parts.push(`${detail.label}: ${detail.text}`);
    if (testCase.cause)
        parts.push(`Cause: ${testCase.cause.kind} (${testCase.cause.code})`);
    if (testCase.url)
        parts.push(`Result: ${testCase.url}`);
    for (const page of testCase.links ?? [])
        parts.push(`${page.label}: ${page.url}`);
    return parts.join('\n\n');
}
/**
 * A failed step whose test cases show no failure (an error, a timeout, a cancel) gets one
 * testcase for the run itself, so a report reader does not show it green.
 */
function runLevelProblem(outcome, testCases) {
    if (outcome.succeeded)
        return undefined;
    if (testCases.some(testCase => testCase.verdict === 'failed' || testCase.verdict === 'errored'))
        return undefined;
    const element = outcome.kind === 'failed' || outcome.kind === 'skipped' || outcome.kind === 'unknown' ? 'failure' : 'error';
    return { element, message: outcome.message, type: outcome.status || outcome.kind };
}
function runTestCase(started, suite, problem) {
    return [
        `    <testcase name="${attribute(started.label)}" classname="${attribute(suite)}">`,
        `      <${problem.element} message="${attribute(problem.message)}" type="${attribute(problem.type)}">${text(problem.message)}</${problem.element}>`,
        '    </testcase>'
    ].join('\n');
}
/** Milliseconds as the schema's seconds: "187.000". */
function seconds(ms) {
    return (Math.max(0, ms) / 1000).toFixed(3);
}
/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
function text(value) {
    return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** An attribute value: quotes and line breaks escaped too, so a reader keeps them as they were. */
function attribute(value) {
    return text(value)
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
        .replace(/\t/g, '&#9;');
}


/***/ })

};
