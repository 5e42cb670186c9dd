export const id = 157;
export const ids = [157];
export const modules = {

/***/ 1157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SUMMARY_BUDGET_BYTES: () => (/* binding */ SUMMARY_BUDGET_BYTES),
  renderSummary: () => (/* binding */ renderSummary)
});

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: ./src/verdict/words.ts
var verdict_words = __webpack_require__(220);
// EXTERNAL MODULE: ./src/report/markdown.ts
var report_markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/agent-markdown.ts
/**
 * Markdown written by a service's agent (QA.tech's change review), made safe to show inside the
 * job summary. Pure, and free of anything QA.tech-specific, so the summary renderer can call it.
 *
 * The text is untrusted, so:
 * - control characters, ANSI escapes and bidi overrides are stripped;
 * - no raw HTML survives: every `<` outside a fenced code block becomes `&lt;`. An inline code span
 *   that holds a `<` is written as `<code>` with its content entity-encoded, so it still reads
 *   right; those two tags are the only HTML in the result, and they are ours;
 * - fenced code blocks are written again with fences of our own, at the left margin and longer
 *   than any backtick run inside, so the text cannot close them early, and an unclosed fence
 *   cannot swallow what the summary shows after the text;
 * - headings are moved down below the summary's own (`#` becomes `####`);
 * - the result stays within a byte budget: whole lines are kept while they fit, then a line says
 *   the text is cut and links to all of it.
 * Markdown itself (lists, tables, emphasis, links) is kept: it is what the agent meant to show.
 */


/** The agent's markdown, safe to put between two blank lines of the summary. Empty for blank text. */
function renderAgentMarkdown(text, options) {
    const topLevel = options.topHeadingLevel ?? 4;
    const blocks = parseBlocks(clean(text));
    let whole = '';
    let bytes = 0;
    // Rendered until the budget is spent, not further: the work is bounded by the budget.
    for (const block of blocks) {
        // Rendering never makes a line shorter: one longer than the budget cannot fit.
        if (block.kind === 'line' && (0,report_markdown/* byteLength */.dp)(block.text) > options.maxBytes)
            return truncate(blocks, topLevel, options);
        const rendered = renderBlock(block, topLevel);
        bytes += (0,report_markdown/* byteLength */.dp)(rendered);
        if (bytes > options.maxBytes)
            return truncate(blocks, topLevel, options);
        whole += rendered;
    }
    return whole;
}
function clean(text) {
    return (0,untrusted_text/* stripControls */.$Y)(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
        .replace(/\ufeff/g, '')
        .replace(/^\s*\n/, '')
        .trimEnd();
}
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
function parseBlocks(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    const blocks = [];
    for (let index = 0; index < lines.length; index += 1) {
        const line = lines[index] ?? '';
        const open = FENCE_OPEN.exec(line);
        const fence = open?.[2] ?? '';
        const info = open?.[3] ?? '';
        // CommonMark: a backtick fence's info string cannot hold a backtick; then it is no fence.
        if (!open || (fence.startsWith('`') && info.includes('`'))) {
            blocks.push({ kind: 'line', text: line });
            continue;
        }
        const indent = open[1]?.length ?? 0;
        const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
        const content = [];
        for (index += 1; index < lines.length && !closing.test(lines[index] ?? ''); index += 1) {
            content.push(dedent(lines[index] ?? '', indent));
        }
        blocks.push({ kind: 'code', info: languageOf(info), lines: content });
    }
    return blocks;
}
/** Removes up to `indent` leading spaces, as CommonMark does for a fence's content. */
function dedent(line, indent) {
    let cut = 0;
    while (cut < indent && line[cut] === ' ')
        cut += 1;
    return line.slice(cut);
}
/** The info string's language word, restricted to characters that cannot mean anything else. */
function languageOf(info) {
    const word = info.trim().split(/\s+/, 1)[0] ?? '';
    return /^[A-Za-z0-9_+#.-]{1,30}$/.test(word) ? word : '';
}
function renderBlock(block, topLevel) {
    if (block.kind === 'line')
        return `${renderLine(block.text, topLevel)}\n`;
    const fence = fenceFor(block.lines);
    return `${fence}${block.info}\n${block.lines.map(line => `${line}\n`).join('')}${fence}\n`;
}
/** Backticks longer than any run in the content, so no line of it can close the block. */
function fenceFor(lines) {
    // A loop, not Math.max(...runs): a block of many runs would overflow the call stack.
    let longest = 0;
    for (const line of lines) {
        for (const run of line.matchAll(/`+/g))
            longest = Math.max(longest, run[0].length);
    }
    return '`'.repeat(Math.max(3, longest + 1));
}
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
function renderLine(line, topLevel) {
    const heading = ATX_HEADING.exec(line);
    const shifted = heading
        ? `${heading[1] ?? ''}${'#'.repeat(Math.min(6, (heading[2]?.length ?? 1) + topLevel - 1))}${line.slice(heading[0].length)}`
        : line;
    return neutraliseHtml(shifted);
}
/**
 * Every `<` that could open a tag, a comment or an autolink becomes `&lt;`. Code spans are found
 * as CommonMark pairs them (on this line): one with a `<` in it becomes `<code>…</code>` so that
 * its text still reads as written. Getting a pairing wrong only changes how a span looks: the
 * text's own `<` is escaped either way. Linear in the line's length, however many spans it holds.
 */
function neutraliseHtml(line) {
    const runs = backtickRuns(line);
    const closers = pairRuns(runs.lengths);
    let out = '';
    let position = 0;
    for (let index = 0; index < closers.length; index += 1) {
        const closer = closers[index] ?? -1;
        if (closer === -1)
            continue;
        const start = runs.starts[index] ?? 0;
        const end = runs.starts[closer] ?? 0;
        const after = end + (runs.lengths[closer] ?? 0);
        out += escapeText(line.slice(position, start));
        const content = line.slice(start + (runs.lengths[index] ?? 0), end);
        out += content.includes('<') ? `<code>${encodeCode(content)}</code>` : line.slice(start, after);
        position = after;
        index = closer;
    }
    return out + escapeText(line.slice(position));
}
function backtickRuns(line) {
    const runs = { starts: [], lengths: [] };
    for (let at = line.indexOf('`'); at !== -1;) {
        let end = at + 1;
        while (line.charCodeAt(end) === BACKTICK)
            end += 1;
        // An odd number of backslashes before the run escapes its first backtick.
        const start = precedingBackslashes(line, at) % 2 === 1 ? at + 1 : at;
        if (end > start) {
            runs.starts.push(start);
            runs.lengths.push(end - start);
        }
        at = line.indexOf('`', end);
    }
    return runs;
}
const BACKTICK = 0x60;
/**
 * For each run, the index of the run that closes it, or -1: each opener pairs with the next run
 * of the same length, and the runs between them are code. One pass from the right finds every
 * run's next of the same length, one from the left pairs them: linear in the number of runs, of
 * which one line of the agent's text may hold hundreds of thousands.
 */
function pairRuns(lengths) {
    const nextSame = new Int32Array(lengths.length).fill(-1);
    const seen = new Map();
    for (let index = lengths.length - 1; index >= 0; index -= 1) {
        const length = lengths[index] ?? 0;
        nextSame[index] = seen.get(length) ?? -1;
        seen.set(length, index);
    }
    const closers = new Int32Array(lengths.length).fill(-1);
    for (let index = 0; index < lengths.length; index += 1) {
        const closer = nextSame[index] ?? -1;
        if (closer === -1)
            continue;
        closers[index] = closer;
        index = closer;
    }
    return closers;
}
function precedingBackslashes(text, at) {
    let count = 0;
    while (at - count - 1 >= 0 && text[at - count - 1] === '\\')
        count += 1;
    return count;
}
/**
 * Text outside code spans: every `<` becomes `&lt;`. One the agent escaped (`\<`) loses its
 * backslash instead of keeping it: not every markdown reader honours that escape, and `\&lt;`
 * would show the entity. A scan rather than a regular expression: `(\\*)<` would go over a long
 * run of backslashes again from each of them.
 */
function escapeText(text) {
    let out = '';
    let from = 0;
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
        let slashes = 0;
        while (at - slashes - 1 >= from && text[at - slashes - 1] === '\\')
            slashes += 1;
        out += `${text.slice(from, at - (slashes % 2))}&lt;`;
        from = at + 1;
    }
    return out + text.slice(from);
}
/**
 * A code span's content inside `<code>`, where markdown would otherwise apply: every ASCII
 * punctuation mark becomes an entity. One space each side is dropped, as CommonMark does.
 */
function encodeCode(content) {
    // Tested piece by piece: /^ .*[^ ].* $/ backtracks over a long span once per character.
    const padded = content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content);
    const trimmed = padded ? content.slice(1, -1) : content;
    return trimmed.replace(/[!-/:-@[-`{-~]/g, char => `&#${char.charCodeAt(0)};`);
}
/** Whole lines while they fit, a long line cut where it still fits, then the line that says so. */
function truncate(blocks, topLevel, options) {
    const url = (0,report_markdown/* safeUrl */.Pl)(options.fullTextUrl);
    const more = url ? ` [${options.fullTextLabel}](${url}).` : '';
    const trailer = `\n> ✂️ The rest of this text is cut to fit the job summary.${more}\n`;
    let left = options.maxBytes - (0,report_markdown/* byteLength */.dp)(trailer);
    if (left < 0)
        return '';
    let out = '';
    const take = (text) => {
        const size = (0,report_markdown/* byteLength */.dp)(text);
        if (size > left)
            return false;
        out += text;
        left -= size;
        return true;
    };
    for (const block of blocks) {
        if (block.kind === 'line') {
            // A line longer than what is left cannot fit once rendered: it is not rendered whole.
            if ((0,report_markdown/* byteLength */.dp)(block.text) < left && take(renderBlock(block, topLevel)))
                continue;
            take(longestFittingLine(block.text, topLevel, left));
            break;
        }
        const fence = fenceFor(block.lines);
        const closing = `${fence}\n`;
        if ((0,report_markdown/* byteLength */.dp)(`${fence}${block.info}\n${closing}`) > left)
            break;
        take(`${fence}${block.info}\n`);
        left -= (0,report_markdown/* byteLength */.dp)(closing);
        let complete = true;
        for (const line of block.lines) {
            if (!take(`${line}\n`)) {
                // Inside our fence any text is inert: the line can be cut anywhere between characters.
                take(`${(0,report_markdown/* truncateToBytes */.Ln)(line, left - 1)}\n`);
                complete = false;
                break;
            }
        }
        left += (0,report_markdown/* byteLength */.dp)(closing);
        take(closing);
        if (!complete)
            break;
    }
    return `${out}${trailer}`;
}
/**
 * The longest start of a line whose rendering fits in `maxBytes`, cut between characters. The cut
 * is made in the agent's text and rendered again, so a cut code span is escaped like any text.
 * The rendered size grows about evenly with the start's length, so the search guesses where the
 * budget ends (and halves the range when a guess does not narrow it enough): a few renders of a
 * line, not one per halving.
 */
function longestFittingLine(line, topLevel, maxBytes) {
    // Rendering never makes a line shorter, and a character takes at least a byte: no start longer
    // than maxBytes characters can fit, so a long line costs the budget, not its length.
    const ends = characterEnds(line, maxBytes);
    const start = (count) => renderBlock({ kind: 'line', text: line.slice(0, ends[count] ?? 0) }, topLevel);
    // `low` characters fit and `high` do not; the answer lies between.
    let low = 0;
    let lowBytes = (0,report_markdown/* byteLength */.dp)(start(0));
    let high = ends.length - 1;
    let highBytes = (0,report_markdown/* byteLength */.dp)(start(high));
    if (highBytes <= maxBytes)
        return start(high);
    for (let guessed = false; high - low > 1;) {
        const span = high - low;
        const estimate = low + Math.floor(((maxBytes - lowBytes) * span) / Math.max(1, highBytes - lowBytes));
        const middle = guessed ? low + Math.floor(span / 2) : Math.min(high - 1, Math.max(low + 1, estimate));
        const bytes = (0,report_markdown/* byteLength */.dp)(start(middle));
        if (bytes <= maxBytes)
            [low, lowBytes] = [middle, bytes];
        else
            [high, highBytes] = [middle, bytes];
        // A guess that left more than half the range is followed by a halving.
        guessed = !guessed && high - low > span / 2;
    }
    return low === 0 ? '' : start(low);
}
/**
 * Where each of the first `count` characters (code points) of a text ends, in UTF-16 units, after
 * a 0 for none: a start of the text is a slice, so no character is ever cut in two.
 */
function characterEnds(text, count) {
    const ends = [0];
    let end = 0;
    for (const char of text) {
        if (ends.length > count)
            break;
        end += char.length;
        ends.push(end);
    }
    return ends;
}

;// CONCATENATED MODULE: ./src/report/summary.ts





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
        const text = assemble(blocks(input, level, budgetBytes), budgetBytes, input);
        if (text !== undefined)
            return text;
    }
    return assemble(blocks(input, Detail.Trimmed, budgetBytes), budgetBytes, input, true) ?? '';
}
function assemble(parts, budgetBytes, input, trim = false) {
    const whole = parts.map(part => part.text).join('');
    if ((0,report_markdown/* byteLength */.dp)(whole) <= budgetBytes)
        return whole;
    if (!trim)
        return undefined;
    const every = (0,report_markdown/* link */.nf)(`See every ${(0,verdict_words/* testCaseNounOf */.SA)(input.words).one} in ${input.words.name}`, input.started.url);
    const trailer = `\n> ✂️ This summary is trimmed to stay under GitHub's 1 MiB limit.${(0,report_markdown/* safeUrl */.Pl)(input.started.url) ? ` ${every}.` : ''}\n`;
    let used = (0,report_markdown/* byteLength */.dp)(trailer);
    const kept = [];
    for (const [index, part] of parts.entries()) {
        const size = (0,report_markdown/* byteLength */.dp)(part.text);
        if (used + size <= budgetBytes) {
            kept.push(part.text);
            used += size;
        }
        else if (index === 0) {
            // Even the heading is too long for the budget: keep what fits of it.
            const text = (0,report_markdown/* truncateToBytes */.Ln)(part.text, budgetBytes - used);
            kept.push(text);
            used += (0,report_markdown/* byteLength */.dp)(text);
        }
        else if (!part.essential) {
            break;
        }
    }
    return `${kept.join('')}${trailer}`;
}
/** Up to this many failures, their details are shown open. */
const FAILURES_SHOWN_OPEN = 3;
/**
 * Failures first, passes last: the reader came for what broke. Compared with the base branch,
 * the failures it already has come after the new ones.
 */
const VERDICT_ORDER = { failed: 0, passed: 2 };
const orderOf = (compared) => (testCase) => compared && isKnownFailure(testCase) ? 0.5 : (VERDICT_ORDER[testCase.verdict] ?? 1);
/** A failure the base branch's run has too. Only said when the outcome was compared (`Outcome.baseline`). */
const isKnownFailure = (testCase) => testCase.verdict === 'failed' && testCase.baseline === 'known';
/** The agent's text may take up to this share of the budget; the rest is for everything else. */
const NARRATIVE_SHARE = 0.5;
const NARRATIVE_MAX_BYTES = 200_000;
function blocks(input, level, budgetBytes) {
    const out = [{ text: header(input), essential: true }];
    const compared = input.outcome?.baseline;
    const order = orderOf(compared !== undefined);
    const testCases = [...(input.report?.testCases ?? [])].sort((a, b) => order(a) - order(b));
    const narrative = input.report?.narrative;
    const counts = input.outcome && countsLine(input.words, input.outcome, input.report);
    if (counts)
        out.push({ text: counts, essential: true });
    if (narrative) {
        const markdown = renderAgentMarkdown(narrative.markdown, {
            maxBytes: Math.min(NARRATIVE_MAX_BYTES, Math.floor(budgetBytes * NARRATIVE_SHARE)),
            fullTextUrl: input.started.url,
            fullTextLabel: `Read all of it in ${input.words.name}`
        });
        out.push({ text: `\n### ${(0,report_markdown/* cell */.Hn)(narrative.title)}\n\n${markdown}\n`, essential: true });
    }
    if (testCases.length > 0) {
        const noun = (0,verdict_words/* testCaseNounOf */.SA)(input.words);
        out.push({
            text: `\n### ${(0,verdict_words/* capitalized */.l2)(noun.many)}\n\n| Result | ${(0,verdict_words/* capitalized */.l2)(noun.one)} | Summary | Cause |\n| --- | --- | --- | --- |\n`,
            essential: true
        });
        const passing = testCases.filter(testCase => testCase.verdict === 'passed');
        for (const testCase of testCases) {
            const isPassing = testCase.verdict === 'passed';
            if (isPassing && level >= Detail.NoPassingRows)
                continue;
            // "Goal reached" on every passing row says nothing: passing rows carry no summary, unless
            // the service's summary says what was tested (tester.army).
            const brief = isPassing && !input.words.detailsForEveryTestCase;
            out.push({ text: testCaseRow(testCase, brief, input.words, compared !== undefined) });
        }
        if (level >= Detail.NoPassingRows && passing.length > 0) {
            out.push({
                text: `\n${passing.length} passing ${passing.length === 1 ? `${noun.one} is` : `${noun.many} are`} not listed, to keep this summary under GitHub's 1 MiB limit.\n`,
                essential: true
            });
        }
        // An error is no pass either: why it happened is shown with the failures.
        const failed = testCases.filter(testCase => testCase.verdict === 'failed' || testCase.verdict === 'errored');
        // Compared with the base branch: what the pull request brought first, what the branch has apart.
        const known = compared ? failed.filter(isKnownFailure) : [];
        const brought = failed.filter(testCase => !known.includes(testCase));
        // A few failures are what the reader came for: open. Many would bury each other: closed.
        const open = failed.length <= FAILURES_SHOWN_OPEN;
        if (brought.length > 0) {
            const errored = brought.some(testCase => testCase.verdict === 'errored');
            const heading = compared
                ? (0,verdict_words/* newFailuresHeading */.Er)(input.words, !errored)
                : `Why they ${errored ? 'did not pass' : 'failed'}`;
            out.push({ text: `\n### ${heading}\n` });
            for (const testCase of brought)
                out.push({ text: failureDetails(testCase, open) });
        }
        if (compared && known.length > 0) {
            out.push({ text: `\n### ${(0,verdict_words/* knownFailuresHeading */.fA)(code(compared.branch))}\n` });
            for (const testCase of known)
                out.push({ text: failureDetails(testCase, open) });
        }
        const others = input.words.detailsForEveryTestCase
            ? testCases.filter(testCase => !failed.includes(testCase) && hasDetails(testCase))
            : [];
        if (others.length > 0 && level < Detail.NoPassingRows) {
            out.push({ text: `\n### The other ${noun.many}\n` });
            for (const testCase of others)
                out.push({ text: failureDetails(testCase, false) });
        }
    }
    const issues = input.report?.issues ?? [];
    if (issues.length > 0)
        out.push(...issueBlocks(issues));
    return out;
}
function title({ words, outcome, problem }) {
    if (outcome)
        return (0,verdict_words/* outcomeTitle */.lD)(words, outcome, report_markdown/* cell */.Hn);
    return problem !== undefined ? (0,verdict_words/* stoppedTitle */.c5)(words) : (0,verdict_words/* startedTitle */.q8)(words);
}
function header(input) {
    const { started, outcome, git, words } = input;
    const meta = [];
    const plan = started.plan ? `**${started.plan.label}:** ${(0,report_markdown/* cell */.Hn)(started.plan.name)} · ` : '';
    // A run without a page (tester.army has none) is named, not shown as a link that goes nowhere.
    const openRun = (0,report_markdown/* safeUrl */.Pl)(started.url)
        ? (0,report_markdown/* link */.nf)((0,verdict_words/* openRunLabel */.UH)(words, (0,report_markdown/* cell */.Hn)(started.id)), started.url)
        : `**${(0,verdict_words/* runHeading */.kJ)(words)}:** ${(0,report_markdown/* cell */.Hn)(started.id)}`;
    meta.push(`${plan}${openRun}`);
    const commit = git.commitHash ? `**Commit:** ${commitLink(git, input.serverUrl)}` : '';
    const branch = git.branch ? ` on ${code(git.branch)}` : '';
    const pull = input.pullRequest ? ` in ${(0,report_markdown/* link */.nf)(`#${input.pullRequest.number}`, input.pullRequest.url)}` : '';
    const message = git.commitMessage ? ` — ${(0,report_markdown/* cell */.Hn)((0,untrusted_text/* firstLine */.TM)(git.commitMessage), 200)}` : '';
    if (commit || branch)
        meta.push(`${commit || '**Branch:**'}${branch}${pull}${message}`);
    if (started.testedUrls.length > 0) {
        meta.push(`**Tested on:** ${started.testedUrls.map(url => (0,report_markdown/* link */.nf)((0,report_markdown/* cell */.Hn)(url), url)).join(', ')}`);
    }
    if (input.preflightLine)
        meta.push(`**Preflight:** ${(0,report_markdown/* cell */.Hn)(input.preflightLine, 500)}`);
    if (input.earlierAttempts && input.earlierAttempts.length > 0) {
        const links = input.earlierAttempts.map(attempt => (0,report_markdown/* link */.nf)((0,report_markdown/* cell */.Hn)(attempt.label), attempt.url));
        meta.push(`**Earlier attempts:** ${links.join(' · ')} (this run retried what failed there)`);
    }
    const took = input.report?.durationMs;
    const times = [
        took === undefined ? '' : `**Run took:** ${(0,duration/* formatDuration */.a)(took)}`,
        input.waitedMs === undefined ? '' : `**Waited:** ${(0,duration/* formatDuration */.a)(input.waitedMs)}`
    ].filter(Boolean);
    if (times.length > 0)
        meta.push(times.join(' · '));
    let note = '';
    if (input.problem !== undefined) {
        note = `> ⚠️ The step stopped waiting: ${(0,report_markdown/* cell */.Hn)(input.problem, 1000)}`;
    }
    else if ((outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') && outcome.runCancelled) {
        note = `> ${words.cancelledRun ?? words.runGoesOn}.`;
    }
    else if (outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') {
        // The run is linked above: once is enough.
        note = `> ${words.runGoesOn}: ${words.cannotCancel}.`;
    }
    else if (input.report?.detailsMissing !== undefined) {
        note = `> ⚠️ The per-test details could not be read (${(0,report_markdown/* cell */.Hn)(input.report.detailsMissing, 500)}): the verdict is ${words.name}'s.`;
    }
    else if (!outcome) {
        note = 'The step did not wait for the result (`blocking` is false).';
    }
    const compared = baselineLine(input);
    return `## ${title(input)}\n\n${meta.join('  \n')}\n${compared ? `\n${compared}\n` : ''}${note ? `\n${note}\n` : ''}`;
}
/**
 * What the failures were compared with, right under the heading: why a run whose failures the
 * base branch already has passed, with the baseline's commit and run.
 */
function baselineLine({ words, outcome, git, serverUrl }) {
    const baseline = outcome?.baseline;
    if (!outcome || !baseline)
        return undefined;
    const sentence = (0,verdict_words/* baselineSentence */.FD)(words, outcome, {
        branch: code(baseline.branch),
        commit: shaLink(baseline.commitSha, git.repository, serverUrl)
    });
    if (!sentence)
        return undefined;
    const run = (0,report_markdown/* safeUrl */.Pl)(baseline.runUrl) ? ` ${(0,report_markdown/* link */.nf)((0,verdict_words/* openBaselineRunLabel */.tt)(words), baseline.runUrl)}.` : '';
    return `> ${sentence}${run}`;
}
/** The counts in one line (three numbers read better as a sentence than as a table), or why there are none. */
function countsLine(words, outcome, report) {
    const parts = (0,verdict_words/* countParts */.MA)(outcome);
    if (!parts) {
        const sentence = (0,verdict_words/* uncountedSentence */.X1)(words, outcome.counts, report);
        return sentence && `\n${sentence}\n`;
    }
    const line = parts.map(({ icon, count, word }) => `${icon} **${count}** ${word}`).join(' · ');
    return `\n${line} — ${(0,verdict_words/* countOf */.pq)(outcome.counts.total ?? 0, (0,verdict_words/* testCaseNounOf */.SA)(words))}\n`;
}
/** Untrusted text as code: an HTML element, so that no backtick can close it and no markup renders. */
function code(text) {
    const escaped = (0,report_markdown/* htmlText */.js)(text, 200);
    return escaped === '' ? '' : `<code>${escaped}</code>`;
}
/** The short SHA as code, linked to the commit on the GitHub server when the repository is known. */
function commitLink(git, serverUrl) {
    return shaLink(git.commitHash ?? '', git.repository, serverUrl);
}
function shaLink(sha, repository, serverUrl) {
    const short = code(sha.slice(0, 7));
    if (!serverUrl || !repository || !/^[0-9a-f]{7,64}$/i.test(sha))
        return short;
    return (0,report_markdown/* link */.nf)(short, `${serverUrl.replace(/\/+$/, '')}/${repository}/commit/${sha}`);
}
function testCaseRow(testCase, brief, words, compared) {
    const label = (0,verdict_words/* verdictLabel */.Id)(testCase, report_markdown/* cell */.Hn, compared);
    const result = testCase.flaky ? `${label} (flaky)` : label;
    const name = (0,report_markdown/* link */.nf)((0,report_markdown/* cell */.Hn)(testCase.name, 300), testCase.url);
    const summary = brief ? '' : (0,report_markdown/* cell */.Hn)(testCase.summary ?? '', 300);
    return `| ${result} | ${name} | ${summary} | ${describeCause(testCase, words)} |\n`;
}
/** What a failure's cause means for the person reading: their product, or the tester. */
function describeCause({ cause, flaky, earlierFailures }, words) {
    if (flaky) {
        const codes = (earlierFailures ?? []).map(failure => failure.code).filter(Boolean);
        return `Failed on an earlier attempt${codes.length > 0 ? ` (${codes.map(code => (0,report_markdown/* cell */.Hn)(code ?? '')).join(', ')})` : ''}, passed on a retry`;
    }
    if (!cause)
        return '';
    switch (cause.kind) {
        case 'product':
            return 'Product failure';
        case 'agent':
            return `Test agent missed (${(0,report_markdown/* cell */.Hn)(cause.code)}): likely not your code`;
        case 'platform':
            return `${words.name} platform issue (${(0,report_markdown/* cell */.Hn)(cause.code)}): likely not your code`;
        default:
            return (0,report_markdown/* cell */.Hn)(cause.code);
    }
}
function hasDetails(testCase) {
    return testCase.details.length > 0 || (testCase.links?.length ?? 0) > 0 || testCase.summary !== undefined;
}
function failureDetails(testCase, open) {
    const icon = (0,verdict_words/* verdictMark */.vG)(testCase.verdict);
    const parts = [`\n<details${open ? ' open' : ''}><summary>${icon} ${(0,report_markdown/* htmlText */.js)(testCase.name, 300)}</summary>\n`];
    if (testCase.summary)
        parts.push(`\n**Result:** ${(0,report_markdown/* paragraph */.FY)(testCase.summary, 500)}\n`);
    for (const detail of testCase.details)
        parts.push(`\n**${(0,report_markdown/* htmlText */.js)(detail.label, 80)}:** ${(0,report_markdown/* paragraph */.FY)(detail.text)}\n`);
    const links = [{ label: 'Open the test result', url: testCase.url }, ...(testCase.links ?? [])]
        .filter(item => (0,report_markdown/* safeUrl */.Pl)(item.url))
        .map(item => (0,report_markdown/* link */.nf)((0,report_markdown/* cell */.Hn)(item.label, 80), item.url));
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
            text: `\n#### ${(0,report_markdown/* cell */.Hn)(type)} (${group.length})\n\n| Severity | Issue | Affected tests | Help |\n| --- | --- | --- | --- |\n`
        });
        for (const issue of group) {
            const names = issue.testCaseNames.slice(0, AFFECTED_SHOWN).map(name => (0,report_markdown/* cell */.Hn)(name, 120));
            const more = issue.testCaseNames.length > AFFECTED_SHOWN ? ` and ${issue.testCaseNames.length - AFFECTED_SHOWN} more` : '';
            const help = (0,report_markdown/* link */.nf)('How to fix', issue.helpUrl);
            out.push({
                text: `| ${(0,report_markdown/* cell */.Hn)(issue.severity)} | ${(0,report_markdown/* cell */.Hn)(issue.title, 300)} | ${names.join(', ')}${more} | ${help === 'How to fix' ? '' : help} |\n`
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
    const parts = [`\n<details><summary>${(0,report_markdown/* htmlText */.js)(issue.title, 300)}</summary>\n`];
    if (issue.description)
        parts.push(`\n${(0,report_markdown/* paragraph */.FY)(issue.description)}\n`);
    for (const detail of issue.details ?? [])
        parts.push(`\n**${(0,report_markdown/* htmlText */.js)(detail.label, 80)}:** ${(0,report_markdown/* paragraph */.FY)(detail.text)}\n`);
    const links = (issue.links ?? []).filter(item => (0,report_markdown/* safeUrl */.Pl)(item.url)).map(item => (0,report_markdown/* link */.nf)((0,report_markdown/* cell */.Hn)(item.label, 80), item.url));
    if (links.length > 0)
        parts.push(`\n${links.join(' · ')}\n`);
    parts.push('\n</details>\n');
    return parts.join('');
}


/***/ })

};
