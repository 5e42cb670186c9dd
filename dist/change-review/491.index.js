export const id = 491;
export const ids = [491,998];
export const modules = {

/***/ 9065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ commentKeyOf),
/* harmony export */   Kv: () => (/* binding */ jobIdentity),
/* harmony export */   QD: () => (/* binding */ matrixLeg),
/* harmony export */   t7: () => (/* binding */ readMarker),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports COMMENT_MAX_CHARACTERS, renderMarker */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4244);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/**
 * The sticky pull-request comment's body, and the hidden marker that finds it again. Pure: the
 * same input gives the same markdown, within GitHub's 65,536 characters, the marker first so no
 * trimming can cut it.
 */




/** GitHub refuses a comment body longer than this. */
const COMMENT_MAX_CHARACTERS = 65_536;
const MARKER_START = '<!-- run-action-report ';
const MARKER_END = ' -->';
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
/** Longer values than these are not a service's ids or pages: left out rather than cut. */
const MAX_MARKER_ID = 200;
const MAX_MARKER_URL = 2_000;
/** The marker, an HTML comment GitHub does not show. Its JSON cannot end the comment early. */
function renderMarker(marker) {
    const url = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(marker.run.url);
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
    const marker = renderMarker(input.marker);
    const trailer = `\n\n✂️ Trimmed to fit GitHub's comment limit. ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`See the run in ${input.words.name}`, input.started.url)}.\n`;
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
    const parts = [renderMarker(input.marker), '\n', heading(input), meta(input)];
    const note = olderCommitNote(input);
    if (note)
        parts.push(note);
    const { state } = input;
    if (state.kind === 'running') {
        parts.push(`\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`Follow it in ${input.words.name}`, input.started.url)}: this comment is updated when it ends.\n`);
    }
    else if (state.kind === 'stopped') {
        parts.push(`\n> ⚠️ The step stopped waiting: ${text(state.problem, 1000)}\n`);
    }
    else if (state.kind === 'not-waiting') {
        parts.push(`\nThe step did not wait for the result. ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`See it in ${input.words.name}`, input.started.url)}.\n`);
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
                return `⏳ ${name}: ${text(started.label, 200)} is running`;
            case 'stopped':
                return `⚠️ ${name}: the step stopped waiting for the run`;
            case 'not-waiting':
                return `▶️ ${name}: ${text(started.label, 200)} started`;
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
            return `❌ ${name}: the run completed as ${text(outcome.result, 100)}`;
    }
}
function meta({ words, started, git, state }) {
    const items = [];
    if (started.plan)
        items.push(`**${text(started.plan.label, 50)}:** ${text(started.plan.name, 200)}`);
    items.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`Open run ${text(started.id, 100)} in ${words.name}`, started.url));
    if (git.commitHash) {
        const message = git.commitMessage ? ` ${text((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(git.commitMessage), 120)}` : '';
        items.push(`**Commit:** ${shortSha(git.commitHash)}${message}`);
    }
    if (started.testedUrls.length > 0) {
        items.push(`**Tested on:** ${started.testedUrls.map(url => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(text(url, 200), url)).join(', ')}`);
    }
    if (state.kind === 'waited')
        items.push(`**Waited:** ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(state.waitedMs)}`);
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
    return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : text(sha, 40);
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
        return `| ${mark} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(text(testCase.name, 200), testCase.url)} | ${why(testCase, input.words)} |\n`;
    });
    const more = failed.length > limit
        ? `\n…and ${failed.length - limit} more. ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`See every test case in ${input.words.name}`, input.started.url)}.\n`
        : '';
    return `\n| Failed test case | Why |\n| --- | --- |\n${rows.join('')}${more}`;
}
/** The summary, the evaluation (shortened), and whose fault it likely is. */
function why(testCase, words) {
    const parts = [];
    if (testCase.summary)
        parts.push(`**${text(testCase.summary, 300)}**`);
    else if (testCase.resultWord !== undefined)
        parts.push(text(testCase.resultWord, 100));
    const evaluation = testCase.details.find(detail => detail.label === 'Evaluation') ?? testCase.details.at(-1);
    if (evaluation)
        parts.push(text(evaluation.text, 300));
    const cause = testCase.cause;
    if (cause?.kind === 'agent')
        parts.push(`_Test agent missed (${text(cause.code, 80)}): likely not your code._`);
    if (cause?.kind === 'platform') {
        parts.push(`_${words.name} platform issue (${text(cause.code, 80)}): likely not your code._`);
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
        const codes = (testCase.earlierFailures ?? []).flatMap(failure => (failure.code ? [text(failure.code, 60)] : []));
        return `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(text(testCase.name, 150), testCase.url)}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
    });
    const more = flakyCases.length > limit ? `, and ${flakyCases.length - limit} more` : '';
    return `\n🔁 **Flaky** (failed, then passed on a retry): ${names.join(', ')}${more}.\n`;
}
function issues(input, found, limit) {
    if (found.length === 0)
        return '';
    const heading = `Issues found (${found.length})`;
    if (limit === 0)
        return `\n${heading}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`see them in ${input.words.name}`, input.started.url)}.\n`;
    const rows = found
        .slice(0, limit)
        .map(issue => `| ${text(issue.severity, 40)} | ${text(issue.type, 40)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(text(issue.title, 200), issue.helpUrl)} |\n`);
    const more = found.length > limit
        ? `\n…and ${found.length - limit} more. ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`See them in ${input.words.name}`, input.started.url)}.\n`
        : '';
    return `\n<details><summary>${heading}</summary>\n\n| Severity | Kind | Issue |\n| --- | --- | --- |\n${rows.join('')}${more}\n</details>\n`;
}
/** Every run of this step, oldest first: automatic retries, or the run a rerun continued. */
function attempts(input, earlier) {
    if (earlier.length === 0)
        return '';
    const runs = earlier.map((attempt, index) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`${index + 1}: ${text(attempt.label, 80)}`, attempt.url));
    runs.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(`${earlier.length + 1}: ${text(input.started.id, 80)} (this one)`, input.started.url));
    return `\n**Runs:** ${runs.join(' · ')}\n`;
}
function footer({ job, updatedAt }) {
    const name = [job.workflowName, job.job].filter(Boolean).join(' / ');
    const leg = job.leg ? ` (${job.leg})` : '';
    const key = job.commentKey ? ` · ${job.commentKey}` : '';
    const label = `${text(`${name}${leg}${key}`, 200)}${job.attempt > 1 ? `, attempt ${job.attempt}` : ''}`;
    return `\n<sub>Updated ${formatTime(updatedAt)} · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(label, job.workflowRunUrl)}</sub>\n`;
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
function text(value, maxLength) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(value, maxLength).replace(/@/g, '@&#8203;');
}


/***/ }),

/***/ 4491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CTRF_FILE_OUTPUT: () => (/* binding */ CTRF_FILE_OUTPUT),
/* harmony export */   ctrfReporter: () => (/* binding */ ctrfReporter),
/* harmony export */   renderCtrf: () => (/* binding */ renderCtrf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7110);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4537);
/* harmony import */ var _comment_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9065);
/* harmony import */ var _junit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2998);
/**
 * A CTRF JSON report (Common Test Report Format, https://ctrf.io) of a finished wait: one test per
 * test case with its last result; a test that failed and then passed on a retry is `passed` with
 * `flaky: true` and its earlier attempts. Only CTRF's types are used here; the bundle does not
 * carry the package.
 */





/** The output that names the file, in every action of this repository. */
const CTRF_FILE_OUTPUT = 'ctrf_file';
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
            (0,_junit_js__WEBPACK_IMPORTED_MODULE_4__.writeReportFile)(env, name, `${JSON.stringify(report, null, 2)}\n`, CTRF_FILE_OUTPUT);
        }
    };
}
/** The report as a CTRF document. Pure. */
function renderCtrf(input) {
    const { words, started, ending, git, env } = input;
    const testCases = ending.report?.testCases ?? [];
    const suite = started.plan?.name ?? started.label;
    const tests = testCases.map(testCase => toTest(testCase, suite));
    const status = (wanted) => tests.filter(test => test.status === wanted).length;
    const waitedMs = Math.max(0, Math.round(ending.waitedMs));
    const stop = Math.round(input.endedAt);
    const job = (0,_comment_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .jobIdentity */ .Kv)(env, { service: words.name });
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
                ...(ending.earlierAttempts?.length
                    ? { earlierRuns: ending.earlierAttempts.map(({ label, url }) => ({ label, url })) }
                    : {})
            }
        }
    };
}
const STATUSES = {
    passed: 'passed',
    failed: 'failed',
    skipped: 'skipped',
    pending: 'pending',
    errored: 'other'
};
function toTest(testCase, suite) {
    const earlier = testCase.earlierFailures ?? [];
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
        ...(pages.length > 0 || testCase.cause
            ? {
                extra: {
                    ...(testCase.cause ? { cause: testCase.cause.kind, code: testCase.cause.code } : {}),
                    ...(pages.length > 0 ? { links: pages.map(({ label, url }) => ({ label, url })) } : {})
                }
            }
            : {})
    };
}


/***/ }),

/***/ 2998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JUNIT_FILE_OUTPUT: () => (/* binding */ JUNIT_FILE_OUTPUT),
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
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4537);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4244);
/**
 * A JUnit XML report of a finished wait, for the test-report actions (dorny/test-reporter,
 * mikepenz/action-junit-report, EnricoMi/publish-unit-test-result-action): one testsuite for the
 * run, one testcase per test case with its last result. Retries fold into the test case: a test
 * that failed and then passed has a `flakyFailure` per earlier failure, one that kept failing a
 * `rerunFailure`. The shape is the Maven Surefire / Jenkins junit-10 schema.
 */







/** The output that names the file, in every action of this repository. */
const JUNIT_FILE_OUTPUT = 'junit_file';
/** Writes the JUnit file when a blocking run's wait ends, and names it in `junit_file`. */
function junitReporter({ service, git, settings, env }) {
    return {
        what: 'the JUnit report',
        finished: (run, ending) => {
            if (ending.kind !== 'waited')
                return;
            const input = (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .f)({ words: service.words, started: run, ending, git }, settings.secrets);
            writeReportFile(env, `${service.words.filePrefix}-${run.fileId}.junit.xml`, renderJunit(input), JUNIT_FILE_OUTPUT);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not write ${path}: ${(0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .inline */ .mG)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .b)(error))}`);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH(output, written);
}
/** The report as XML. Pure. */
function renderJunit({ words, started, ending, git }) {
    const suite = started.plan ? `${words.name}: ${started.plan.name}` : started.label;
    const testCases = ending.report?.testCases ?? [];
    const cases = testCases.map(testCase => testCaseElement(testCase, suite));
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
    return properties;
}
function testCaseElement(testCase, suite) {
    const time = testCase.durationMs !== undefined ? ` time="${seconds(testCase.durationMs)}"` : '';
    const open = `    <testcase name="${attribute(testCase.name)}" classname="${attribute(suite)}"${time}`;
    const children = [];
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
