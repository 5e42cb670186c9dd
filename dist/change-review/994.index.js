export const id = 994;
export const ids = [994];
export const modules = {

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUMMARY_BUDGET_BYTES: () => (/* binding */ SUMMARY_BUDGET_BYTES),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4244);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);



/** GitHub drops a step summary over 1 MiB without a word; stay under it with room to spare. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/** How much of the detail fits: each level drops more to stay within the byte budget. */
var Detail;
(function (Detail) {
    Detail[Detail["Full"] = 0] = "Full";
    Detail[Detail["NoPassingRows"] = 1] = "NoPassingRows";
    Detail[Detail["Trimmed"] = 2] = "Trimmed";
})(Detail || (Detail = {}));
/**
 * Renders the job summary. Pure: the same input gives the same markdown, within `budgetBytes`.
 * When the full report is too large it drops the passing rows, and then trims the rest with a
 * visible line that links to the run.
 */
function renderSummary(input, budgetBytes = SUMMARY_BUDGET_BYTES) {
    for (const level of [Detail.Full, Detail.NoPassingRows]) {
        const text = assemble(blocks(input, level), budgetBytes, input);
        if (text !== undefined)
            return text;
    }
    return assemble(blocks(input, Detail.Trimmed), budgetBytes, input, true) ?? '';
}
function assemble(parts, budgetBytes, input, trim = false) {
    const whole = parts.map(part => part.text).join('');
    if ((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(whole) <= budgetBytes)
        return whole;
    if (!trim)
        return undefined;
    const every = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(`See every ${nounOf(input.words).one} in ${input.words.name}`, input.started.url);
    const trailer = `\n> ✂️ This summary is trimmed to stay under GitHub's 1 MiB limit.${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(input.started.url) ? ` ${every}.` : ''}\n`;
    let used = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(trailer);
    const kept = [];
    for (const [index, part] of parts.entries()) {
        const size = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(part.text);
        if (used + size <= budgetBytes) {
            kept.push(part.text);
            used += size;
        }
        else if (index === 0) {
            // Even the heading is too long for the budget: keep what fits of it.
            const text = truncateToBytes(part.text, budgetBytes - used);
            kept.push(text);
            used += (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(text);
        }
        else if (!part.essential) {
            break;
        }
    }
    return `${kept.join('')}${trailer}`;
}
/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between characters. */
function truncateToBytes(text, maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        const size = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(char);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += char.length;
    }
    return text.slice(0, end);
}
/** Failures first, passes last: the reader came for what broke. */
const TEST_CASE = { one: 'test case', many: 'test cases' };
const nounOf = (words) => words.testCaseNoun ?? TEST_CASE;
/** Up to this many failures, their details are shown open. */
const FAILURES_SHOWN_OPEN = 3;
const VERDICT_ORDER = { failed: 0, passed: 2 };
const order = (testCase) => VERDICT_ORDER[testCase.verdict] ?? 1;
function blocks(input, level) {
    const out = [{ text: header(input), essential: true }];
    const testCases = [...(input.report?.testCases ?? [])].sort((a, b) => order(a) - order(b));
    if (input.outcome)
        out.push({ text: countsTable(input.outcome, nounOf(input.words)), essential: true });
    if (testCases.length > 0) {
        const noun = nounOf(input.words);
        const heading = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
        out.push({
            text: `\n### ${heading(noun.many)}\n\n| Result | ${heading(noun.one)} | Summary | Cause |\n| --- | --- | --- | --- |\n`,
            essential: true
        });
        const passing = testCases.filter(testCase => testCase.verdict === 'passed');
        for (const testCase of testCases) {
            const isPassing = testCase.verdict === 'passed';
            if (isPassing && level >= Detail.NoPassingRows)
                continue;
            // "Goal reached" on every passing row says nothing: passing rows carry no summary, unless
            // the service's summary says what was tested (tester.army).
            out.push({ text: testCaseRow(testCase, isPassing && !input.words.detailsForEveryTestCase, input.words) });
        }
        if (level >= Detail.NoPassingRows && passing.length > 0) {
            out.push({
                text: `\n${passing.length} passing ${passing.length === 1 ? `${nounOf(input.words).one} is` : `${nounOf(input.words).many} are`} not listed, to keep this summary under GitHub's 1 MiB limit.\n`,
                essential: true
            });
        }
        const failed = testCases.filter(testCase => testCase.verdict === 'failed');
        if (failed.length > 0) {
            out.push({ text: '\n### Why they failed\n' });
            // A few failures are what the reader came for: open. Many would bury each other: closed.
            const open = failed.length <= FAILURES_SHOWN_OPEN;
            for (const testCase of failed)
                out.push({ text: failureDetails(testCase, open) });
        }
        const others = input.words.detailsForEveryTestCase
            ? testCases.filter(testCase => testCase.verdict !== 'failed' && hasDetails(testCase))
            : [];
        if (others.length > 0 && level < Detail.NoPassingRows) {
            out.push({ text: `\n### The other ${nounOf(input.words).many}\n` });
            for (const testCase of others)
                out.push({ text: failureDetails(testCase, false) });
        }
    }
    const issues = input.report?.issues ?? [];
    if (issues.length > 0)
        out.push(...issueBlocks(issues));
    return out;
}
function title(input) {
    const { outcome } = input;
    const name = input.words.name;
    if (!outcome) {
        return input.problem !== undefined ? `⚠️ ${name}: the step stopped waiting for the run` : `▶️ ${name} run started`;
    }
    const { passed, failed, total } = outcome.counts;
    switch (outcome.kind) {
        case 'passed': {
            const flaky = outcome.counts.flaky ? ` (${outcome.counts.flaky} flaky)` : '';
            return passed !== undefined
                ? `✅ ${name}: all ${total} ${nounOf(input.words).many} passed${flaky}`
                : `✅ ${name}: the run passed`;
        }
        case 'failed':
            return failed !== undefined && failed > 0
                ? `❌ ${name}: ${failed} of ${total} ${nounOf(input.words).many} failed`
                : `❌ ${name}: the run failed`;
        case 'skipped':
            return `⚠️ ${name}: the run was skipped`;
        case 'errored':
            return `❌ ${name} could not complete the run`;
        case 'cancelled':
            return `🚫 ${name}: the run was cancelled in ${name}`;
        case 'timed-out':
            return `⏱️ ${name}: timed out waiting for the run`;
        case 'interrupted':
            return `🛑 ${name}: the workflow was cancelled while waiting`;
        case 'unknown':
            return `❌ ${name}: the run completed as ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(outcome.result)}`;
    }
}
function header(input) {
    const { started, outcome, git, words } = input;
    const meta = [];
    const plan = started.plan ? `**${started.plan.label}:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(started.plan.name)} · ` : '';
    // A run without a page (tester.army has none) is named, not shown as a link that goes nowhere.
    const openRun = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(started.url)
        ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(`Open run ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(started.id)} in ${words.name}`, started.url)
        : `**Run:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(started.id)}`;
    meta.push(`${plan}${openRun}`);
    const commit = git.commitHash ? `**Commit:** ${commitLink(git, input.serverUrl)}` : '';
    const branch = git.branch ? ` on ${code(git.branch)}` : '';
    const pull = input.pullRequest ? ` in ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(`#${input.pullRequest.number}`, input.pullRequest.url)}` : '';
    const message = git.commitMessage ? ` — ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)((0,_util_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(git.commitMessage), 200)}` : '';
    if (commit || branch)
        meta.push(`${commit || '**Branch:**'}${branch}${pull}${message}`);
    if (started.testedUrls.length > 0) {
        meta.push(`**Tested on:** ${started.testedUrls.map(url => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(url), url)).join(', ')}`);
    }
    if (input.preflightLine)
        meta.push(`**Preflight:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(input.preflightLine, 500)}`);
    if (input.earlierAttempts && input.earlierAttempts.length > 0) {
        const links = input.earlierAttempts.map(attempt => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(attempt.label), attempt.url));
        meta.push(`**Earlier attempts:** ${links.join(' · ')} (this run retried what failed there)`);
    }
    const took = input.report?.durationMs;
    const times = [
        took === undefined ? '' : `**Run took:** ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(took)}`,
        input.waitedMs === undefined ? '' : `**Waited:** ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(input.waitedMs)}`
    ].filter(Boolean);
    if (times.length > 0)
        meta.push(times.join(' · '));
    let note = '';
    if (input.problem !== undefined) {
        note = `> ⚠️ The step stopped waiting: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(input.problem, 1000)}`;
    }
    else if ((outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') && outcome.runCancelled) {
        note = `> ${words.cancelledRun ?? words.runGoesOn}.`;
    }
    else if (outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') {
        // The run is linked above: once is enough.
        note = `> ${words.runGoesOn}: ${words.cannotCancel}.`;
    }
    else if (input.report?.detailsMissing !== undefined) {
        note = `> ⚠️ The per-test details could not be read (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(input.report.detailsMissing, 500)}): the verdict is ${words.name}'s.`;
    }
    else if (!outcome) {
        note = 'The step did not wait for the result (`blocking` is false).';
    }
    return `## ${title(input)}\n\n${meta.join('  \n')}\n${note ? `\n${note}\n` : ''}`;
}
/** The counts in one line: three numbers read better as a sentence than as a table. */
function countsTable(outcome, noun) {
    const { passed, failed, skipped, total } = outcome.counts;
    if (passed === undefined || failed === undefined || skipped === undefined) {
        const tests = total === undefined ? 'The' : `${total}`;
        return `\n${tests} ${noun.many}: the per-test results were not read.\n`;
    }
    return `\n✅ **${passed}** passed · ❌ **${failed}** failed · ⏭️ **${skipped}** skipped or unfinished — ${total} ${total === 1 ? noun.one : noun.many}\n`;
}
/** Untrusted text as code: an HTML element, so that no backtick can close it and no markup renders. */
function code(text) {
    const escaped = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(text, 200);
    return escaped === '' ? '' : `<code>${escaped}</code>`;
}
/** The short SHA as code, linked to the commit on the GitHub server when the repository is known. */
function commitLink(git, serverUrl) {
    const sha = git.commitHash ?? '';
    const short = code(sha.slice(0, 7));
    if (!serverUrl || !git.repository || !/^[0-9a-f]{7,64}$/i.test(sha))
        return short;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(short, `${serverUrl.replace(/\/+$/, '')}/${git.repository}/commit/${sha}`);
}
const VERDICT_LABELS = {
    passed: '✅ Passed',
    failed: '❌ Failed',
    skipped: '⏭️ Skipped',
    errored: '⚠️ Errored',
    pending: '⏳ Unfinished'
};
function testCaseRow(testCase, brief, words) {
    const label = testCase.resultWord !== undefined ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(testCase.resultWord) : VERDICT_LABELS[testCase.verdict];
    const result = testCase.flaky ? `${label} (flaky)` : label;
    const name = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(testCase.name, 300), testCase.url);
    const summary = brief ? '' : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(testCase.summary ?? '', 300);
    return `| ${result} | ${name} | ${summary} | ${describeCause(testCase, words)} |\n`;
}
/** What a failure's cause means for the person reading: their product, or the tester. */
function describeCause({ cause, flaky, earlierFailures }, words) {
    if (flaky) {
        const codes = (earlierFailures ?? []).map(failure => failure.code).filter(Boolean);
        return `Failed on an earlier attempt${codes.length > 0 ? ` (${codes.map(code => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(code ?? '')).join(', ')})` : ''}, passed on a retry`;
    }
    if (!cause)
        return '';
    switch (cause.kind) {
        case 'product':
            return 'Product failure';
        case 'agent':
            return `Test agent missed (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(cause.code)}): likely not your code`;
        case 'platform':
            return `${words.name} platform issue (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(cause.code)}): likely not your code`;
        default:
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(cause.code);
    }
}
function hasDetails(testCase) {
    return testCase.details.length > 0 || (testCase.links?.length ?? 0) > 0 || testCase.summary !== undefined;
}
const DETAIL_ICONS = { failed: '❌', passed: '✅', skipped: '⏭️', errored: '⚠️', pending: '⏳' };
function failureDetails(testCase, open) {
    const icon = DETAIL_ICONS[testCase.verdict] ?? '❌';
    const parts = [`\n<details${open ? ' open' : ''}><summary>${icon} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(testCase.name, 300)}</summary>\n`];
    if (testCase.summary)
        parts.push(`\n**Result:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .paragraph */ .FY)(testCase.summary, 500)}\n`);
    for (const detail of testCase.details)
        parts.push(`\n**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(detail.label, 80)}:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .paragraph */ .FY)(detail.text)}\n`);
    const links = [{ label: 'Open the test result', url: testCase.url }, ...(testCase.links ?? [])]
        .filter(item => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(item.url))
        .map(item => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(item.label, 80), item.url));
    if (links.length > 0)
        parts.push(`\n${links.join(' · ')}\n`);
    parts.push('\n</details>\n');
    return parts.join('');
}
const AFFECTED_SHOWN = 5;
function issueBlocks(issues) {
    const groups = new Map();
    for (const issue of issues)
        groups.set(issue.type, [...(groups.get(issue.type) ?? []), issue]);
    const out = [{ text: `\n### Issues found (${issues.length})\n` }];
    for (const [type, group] of groups) {
        out.push({
            text: `\n#### ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(type)} (${group.length})\n\n| Severity | Issue | Affected tests | Help |\n| --- | --- | --- | --- |\n`
        });
        for (const issue of group) {
            const names = issue.testCaseNames.slice(0, AFFECTED_SHOWN).map(name => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(name, 120));
            const more = issue.testCaseNames.length > AFFECTED_SHOWN ? ` and ${issue.testCaseNames.length - AFFECTED_SHOWN} more` : '';
            const help = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('How to fix', issue.helpUrl);
            out.push({
                text: `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(issue.severity)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(issue.title, 300)} | ${names.join(', ')}${more} | ${help === 'How to fix' ? '' : help} |\n`
            });
        }
        // What a table cell cannot hold: the description, the steps to reproduce, the screenshots.
        for (const issue of group) {
            const described = issue.description !== undefined || (issue.details?.length ?? 0) > 0 || (issue.links?.length ?? 0) > 0;
            if (described)
                out.push({ text: issueDetails(issue) });
        }
    }
    return out;
}
function issueDetails(issue) {
    const parts = [`\n<details><summary>${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(issue.title, 300)}</summary>\n`];
    if (issue.description)
        parts.push(`\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .paragraph */ .FY)(issue.description)}\n`);
    for (const detail of issue.details ?? [])
        parts.push(`\n**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(detail.label, 80)}:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .paragraph */ .FY)(detail.text)}\n`);
    const links = (issue.links ?? []).filter(item => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(item.url)).map(item => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(item.label, 80), item.url));
    if (links.length > 0)
        parts.push(`\n${links.join(' · ')}\n`);
    parts.push('\n</details>\n');
    return parts.join('');
}


/***/ })

};
