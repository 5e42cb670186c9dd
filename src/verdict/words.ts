/**
 * The outcome in words, for every place that tells it — the log line, the job summary, the
 * pull-request comment, the commit status, and through the log line the JUnit and CTRF messages —
 * so that they say the same thing in the service's own nouns: a change review is a review with no
 * test cases to count, tester.army counts runs, QA.tech test cases. Pure. Text from a service
 * goes through the caller's `escape`, made for its medium (markdown, a status line, the log).
 */
import type {
  Counts,
  Outcome,
  OutcomeBaseline,
  RunReport,
  StartedRun,
  TestCaseResult,
  TestVerdict
} from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { formatDuration } from '../util/duration.js'
import { inline } from '../util/untrusted-text.js'

/** Makes untrusted text safe for one medium, at most `maxLength` characters of it. */
export type Escape = (untrusted: string, maxLength: number) => string

export interface Noun {
  readonly one: string
  readonly many: string
}

const TEST_CASE: Noun = { one: 'test case', many: 'test cases' }

/** What the step starts: "run", "change review". */
export function runNounOf(words: ServiceWords): string {
  return words.runNoun ?? 'run'
}

/** What a run's test cases are called: "test case(s)", or "run(s)" for tester.army. */
export function testCaseNounOf(words: ServiceWords): Noun {
  return words.testCaseNoun ?? TEST_CASE
}

/** "1 test case", "3 test cases". */
export function countOf(count: number, noun: Noun): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`
}

export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/**
 * The words of the link to the run's page: "Open run abc123 in QA.tech", "Open change review
 * chat_1 in QA.tech". Only a run with a page gets them; one without is named by `runHeading`.
 * `id` is escaped by the caller.
 */
export function openRunLabel(words: ServiceWords, id: string): string {
  return `Open ${runNounOf(words)} ${id} in ${words.name}`
}

/** How a run without a page is named instead of a link: "Run", for "**Run:** 7a00…". */
export function runHeading(words: ServiceWords): string {
  return capitalized(runNounOf(words))
}

// ---- Titles: the heading of the summary and the comment ----

const OUTCOME_ICONS: Record<Outcome['kind'], string> = {
  passed: '✅',
  failed: '❌',
  skipped: '⚠️',
  errored: '❌',
  cancelled: '🚫',
  'timed-out': '⏱️',
  interrupted: '🛑',
  unknown: '❌'
}

/** "✅ QA.tech: all 3 test cases passed", "❌ tester.army could not complete the run". */
export function outcomeTitle(words: ServiceWords, outcome: Outcome, escape: Escape): string {
  const icon = titleIcon(outcome)
  const { text, startsWithName } = outcomePhrase(words, outcome, escape)
  return startsWithName ? `${icon} ${text}` : `${icon} ${words.name}: ${text}`
}

/**
 * A skipped run that fails the step is red; a failed run that passes it (every failure already
 * on the base branch, with `fail_on: new`) is green: the icon tells the step's verdict.
 */
function titleIcon(outcome: Outcome): string {
  if (outcome.kind === 'skipped' && !outcome.succeeded) return '❌'
  if (outcome.kind === 'failed' && outcome.succeeded) return '✅'
  return OUTCOME_ICONS[outcome.kind]
}

/** When the step does not wait for the run: "▶️ QA.tech run started", "▶️ QA.tech change review started". */
export function startedTitle(words: ServiceWords): string {
  return `▶️ ${words.name} ${runNounOf(words)} started`
}

/** While the step waits: "⏳ QA.tech: QA.tech run abc123 is running". */
export function runningTitle(words: ServiceWords, started: StartedRun, escape: Escape): string {
  return `⏳ ${words.name}: ${escape(started.label, 200)} is running`
}

/** The wait ended without an outcome (an API error, say). */
export function stoppedTitle(words: ServiceWords): string {
  return `⚠️ ${words.name}: the step stopped waiting for the ${runNounOf(words)}`
}

// ---- The commit status's description: one short line ----

/**
 * "All 3 test cases passed", "1 of 2 runs failed: Checkout", "The change review is complete".
 * The failed names come last, so the cut at 140 characters falls on them.
 */
export function outcomeDescription(
  words: ServiceWords,
  outcome: Outcome,
  testCases: readonly TestCaseResult[]
): string {
  const baseline = comparedBaseline(outcome)
  const phrase = capitalized(
    baseline ? baselineCounts(baseline, outcome) : outcomePhrase(words, outcome, text => text).text
  )
  const counted = outcome.counts.failed !== undefined && outcome.counts.failed > 0
  if (outcome.kind !== 'failed' || !counted) return phrase
  // Compared with the base branch, the names that matter are those of the new failures.
  const named = testCases.filter(
    testCase => testCase.verdict === 'failed' && (baseline === undefined || testCase.baseline !== 'known')
  )
  const names = named.map(testCase => testCase.name)
  return names.length > 0 ? `${phrase}: ${names.join(', ')}` : phrase
}

/** The pending status while the run goes: "Running 3 test cases", or "tester.army run 7a00… is running". */
export function runningDescription(words: ServiceWords, started: StartedRun): string {
  return started.testCount === undefined
    ? `${started.label} is running`
    : `Running ${countOf(started.testCount, testCaseNounOf(words))}`
}

/** The heading's words without its icon and, unless they start with it, the service's name. */
function outcomePhrase(
  words: ServiceWords,
  outcome: Outcome,
  escape: Escape
): { readonly text: string; readonly startsWithName?: boolean } {
  const run = runNounOf(words)
  const noun = testCaseNounOf(words)
  const { passed, failed, total, flaky } = outcome.counts
  const flakyNote = flaky ? ` (${flaky} flaky)` : ''
  switch (outcome.kind) {
    case 'passed':
      // "all N passed" only when every one did: a pass with skipped ones says how many passed.
      return {
        text:
          passed === undefined || total === undefined
            ? `the ${run} ${words.passedPhrase ?? 'passed'}${flakyNote}`
            : passed === total
              ? `all ${total} ${noun.many} passed${flakyNote}`
              : `${passed} of ${total} ${noun.many} passed${flakyNote} (${total - passed} skipped or without a result)`
      }
    case 'failed': {
      if (failed === undefined || failed === 0) return { text: `the ${run} failed` }
      const baseline = comparedBaseline(outcome)
      const compared = baseline ? ` — ${baselineCounts(baseline, outcome)}` : ''
      return { text: `${failed} of ${total ?? failed} ${noun.many} failed${flakyNote}${compared}` }
    }
    case 'skipped':
      return { text: `the ${run} was skipped${outcome.succeeded ? '' : ' (fail_on_skipped)'}` }
    case 'errored':
      return { text: `${words.name} could not complete the ${run}`, startsWithName: true }
    case 'cancelled':
      return { text: `the ${run} was cancelled in ${words.name}` }
    case 'timed-out':
      return { text: `timed out waiting for the ${run}` }
    case 'interrupted':
      return { text: `the workflow was cancelled while waiting for the ${run}` }
    case 'unknown':
      return { text: `the ${run} completed as ${escape(outcome.result, 100)}` }
  }
}

// ---- The counts ----

export interface CountPart {
  readonly icon: string
  readonly count: number
  readonly word: string
}

/**
 * The counts, each with its icon, for a line under the heading; undefined when they are unknown.
 * "0 failed" is said only of a run that passed: of any other it would read as "nothing broke".
 */
export function countParts(outcome: Outcome): CountPart[] | undefined {
  const { passed, failed, skipped, errored = 0, unfinished = 0 } = outcome.counts
  if (passed === undefined || failed === undefined || skipped === undefined) return undefined
  const parts: CountPart[] = [{ icon: '✅', count: passed, word: 'passed' }]
  const baseline = comparedBaseline(outcome)
  const compared = baseline ? ` (${baseline.newFailed} new, ${baseline.knownFailed} known)` : ''
  if (failed > 0 || outcome.succeeded) parts.push({ icon: '❌', count: failed, word: `failed${compared}` })
  if (errored > 0) parts.push({ icon: VERDICT_MARKS.errored, count: errored, word: 'errored' })
  if (unfinished > 0) parts.push({ icon: VERDICT_MARKS.pending, count: unfinished, word: 'unfinished' })
  const skippedOnly = skipped - errored - unfinished
  if (skippedOnly > 0) parts.push({ icon: VERDICT_MARKS.skipped, count: skippedOnly, word: 'skipped' })
  return parts
}

/**
 * What stands for the counts when they are unknown: "250 test cases: the per-test results were
 * not read." Undefined where the service has no test cases to count (a change review).
 */
export function uncountedSentence(
  words: ServiceWords,
  counts: Counts,
  report: RunReport | undefined
): string | undefined {
  if (words.countsTestCases === false) return undefined
  const noun = testCaseNounOf(words)
  const subject = counts.total === undefined ? `The ${noun.many}` : countOf(counts.total, noun)
  return `${subject}: ${uncountedReason(words, report)}.`
}

/** Why the counts are unknown (verdict/outcome.ts and service/model.ts decide when they are). */
function uncountedReason(words: ServiceWords, report: RunReport | undefined): string {
  if (report === undefined || report.testCasesUnread === true) return 'the per-test results were not read'
  if (report.testCases.length === 0) {
    return report.detailsMissing === undefined
      ? `${words.name} sent no per-test results`
      : 'the per-test results were not read'
  }
  return `the per-test results do not agree with ${words.name}'s verdict, so they are not counted`
}

// ---- A test case's result ----

const VERDICT_MARKS: Record<TestVerdict, string> = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭️',
  errored: '⚠️',
  pending: '⏳'
}

const VERDICT_WORDS: Record<TestVerdict, string> = {
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
  errored: 'Errored',
  pending: 'Unfinished'
}

// ---- What the pull request broke: its failures compared with the base branch's run ----

/** The outcome's comparison with the baseline, when it has one and there are failures to tell apart. */
function comparedBaseline(outcome: Outcome): OutcomeBaseline | undefined {
  const { baseline } = outcome
  return outcome.kind === 'failed' && baseline && baseline.newFailed + baseline.knownFailed > 0 ? baseline : undefined
}

/**
 * "1 new failure, 2 known", "2 known failures, none new", "2 new failures, none known": new
 * first. The commit status's description, and the end of the heading.
 */
export function baselineCounts(
  { newFailed, knownFailed }: OutcomeBaseline,
  outcome?: Pick<Outcome, 'succeeded' | 'counts'>
): string {
  const failures = (count: number) => (count === 1 ? 'failure' : 'failures')
  // A red check whose failures are all known is red for another reason: say it, never just "none new".
  const errored = (outcome?.counts.errored ?? 0) + (outcome?.counts.unfinished ?? 0)
  const why = outcome && !outcome.succeeded && newFailed === 0 && errored > 0 ? `; ${errored} without a result` : ''
  if (knownFailed === 0) return `${newFailed} new ${failures(newFailed)}, none known`
  if (newFailed === 0) return `${knownFailed} known ${failures(knownFailed)}, none new${why}`
  return `${newFailed} new ${failures(newFailed)}, ${knownFailed} known`
}

/** The baseline's branch and commit as the caller shows them: escaped for its medium, the commit perhaps linked. */
export interface BaselinePlace {
  readonly branch: string
  readonly commit: string
}

/**
 * What the failures were compared with, said at once under the heading: "2 test cases fail, both
 * already failing on main at abc1234 — not caused by this pull request." when that is why the
 * step passed; "Compared with main at abc1234: 1 new failure, 2 known." otherwise. Undefined
 * when nothing was compared. The caller adds the link to the baseline run (`openBaselineRunLabel`).
 */
export function baselineSentence(words: ServiceWords, outcome: Outcome, place: BaselinePlace): string | undefined {
  const baseline = comparedBaseline(outcome)
  if (!baseline) return undefined
  const where = `${place.branch} at ${place.commit}`
  if (!outcome.succeeded || baseline.newFailed > 0) return `Compared with ${where}: ${baselineCounts(baseline)}.`
  const failed = baseline.knownFailed
  const all = failed === 1 ? '' : failed === 2 ? 'both ' : 'all '
  const fail = `${capitalized(countOf(failed, testCaseNounOf(words)))} ${failed === 1 ? 'fails' : 'fail'}`
  return `${fail}, ${all}already failing on ${where} — not caused by this pull request.`
}

/** The words of the link to the baseline run: "Open the baseline run in QA.tech". */
export function openBaselineRunLabel(words: ServiceWords): string {
  return `Open the baseline run in ${words.name}`
}

/** Where the failures the base branch already has are listed apart: "Already failing on main". `branch` is escaped by the caller. */
export function knownFailuresHeading(branch: string): string {
  return `Already failing on ${branch}`
}

/**
 * Where the failures the pull request brought are listed, before the known ones: "New failures",
 * or, with test cases that errored or did not finish among them, "New failures and other test
 * cases that did not pass" (those have no result to compare, so they are not called new).
 */
export function newFailuresHeading(words: ServiceWords, onlyFailures: boolean): string {
  return onlyFailures ? 'New failures' : `New failures and other ${testCaseNounOf(words).many} that did not pass`
}

/**
 * What a known failure's annotation starts with: "Already failing on main at abc1234, not caused
 * by this pull request". `branch` and `commit` are escaped by the caller.
 */
export function knownFailureNote(place: BaselinePlace): string {
  return `Already failing on ${place.branch} at ${place.commit}, not caused by this pull request`
}

/** The icon of a test case's verdict, whatever word the service used. */
export function verdictMark(verdict: TestVerdict): string {
  return VERDICT_MARKS[verdict]
}

/**
 * "⚠️ ERROR": the icon, then the service's own word where it has one, else ours ("⏳ Unfinished");
 * "❌ Failed (known)" for a failure the base branch already has, when the outcome was `compared`.
 */
export function verdictLabel(testCase: TestCaseResult, escape: Escape, compared = false): string {
  const word = testCase.resultWord !== undefined ? escape(testCase.resultWord, 100) : VERDICT_WORDS[testCase.verdict]
  const known = compared && testCase.verdict === 'failed' && testCase.baseline === 'known' ? ' (known)' : ''
  return `${VERDICT_MARKS[testCase.verdict]} ${word}${known}`
}

// ---- The log line (and the step's failure message, which the JUnit and CTRF files quote) ----

const NAMES_IN_MESSAGE = 3

/** Where the run is, when the service gives it a page: " <url>", or nothing. */
function where(started: StartedRun): string {
  return started.url ? ` ${inline(started.url)}` : ''
}

/** " See <url>", or nothing. */
function see(started: StartedRun): string {
  return started.url ? ` See${where(started)}` : ''
}

/** "The QA.tech run goes on: <url>", or "….": the sentence, then the page if there is one. */
function at(started: StartedRun, text: string): string {
  return started.url ? `${text}:${where(started)}` : `${text}.`
}

/** "QA.tech run r1 passed: 3 of 3 test cases passed."; "QA.tech change review chat_1 is complete." */
export function passedMessage(
  words: ServiceWords,
  started: StartedRun,
  counts: Counts,
  report: RunReport | undefined
): string {
  const runName = inline(started.label)
  const noun = testCaseNounOf(words)
  if (counts.passed === undefined) {
    const uncounted =
      counts.total === undefined || words.countsTestCases === false
        ? ''
        : ` (${countOf(counts.total, noun)}; ${uncountedReason(words, report)})`
    return `${runName} ${words.passedPhrase ?? 'passed'}${uncounted}.`
  }
  const flaky = counts.flaky ? ` (${counts.flaky} flaky: failed, then passed on a retry)` : ''
  return `${runName} passed: ${counts.passed} of ${counts.total} ${noun.many} passed${flaky}.`
}

/** "2 of 3 test cases failed: Test 1, Test 3. See <url>", naming at most three. */
export function failedMessage(
  words: ServiceWords,
  started: StartedRun,
  counts: Counts,
  testCases: readonly TestCaseResult[]
): string {
  const names = testCases.filter(testCase => testCase.verdict === 'failed').map(testCase => inline(testCase.name, 80))
  const shown = names.slice(0, NAMES_IN_MESSAGE).join(', ')
  const more = names.length > NAMES_IN_MESSAGE ? ` and ${names.length - NAMES_IN_MESSAGE} more` : ''
  const failed =
    counts.failed !== undefined && counts.failed > 0
      ? `${counts.failed} of ${counts.total} ${testCaseNounOf(words).many} failed: ${shown}${more}.`
      : `${inline(started.label)} failed.`
  return `${failed}${see(started)}`
}

/** The service's own sentence for an end shared code cannot word (errored, cancelled, skipped, unknown). */
export function notedMessage(started: StartedRun, note: string, failOnSkipped = false): string {
  return `${note}${failOnSkipped ? ' fail_on_skipped is true.' : ''}${see(started)}`
}

/** What becomes of the run once the step stops waiting for it. */
function afterWaiting(words: ServiceWords, runCancelled: boolean): string {
  return runCancelled && words.cancelledRun ? words.cancelledRun : words.runGoesOn
}

/** "Timed out: QA.tech run r1 did not finish within timeout_minutes (60); waited 1h 00m. The QA.tech run goes on (…): <url>" */
export function timedOutMessage(
  words: ServiceWords,
  started: StartedRun,
  waitedMs: number,
  timeoutMinutes: number,
  runCancelled: boolean
): string {
  const after = afterWaiting(words, runCancelled)
  return (
    `Timed out: ${inline(started.label)} did not finish within timeout_minutes (${timeoutMinutes}); waited ${formatDuration(waitedMs)}. ` +
    at(started, runCancelled ? after : `${after} (${words.cannotCancel})`)
  )
}

/** The workflow was cancelled while the run was being started, or while the step waited for it. */
export function interruptedMessage(
  words: ServiceWords,
  started: StartedRun,
  waitedMs: number,
  duringStart: boolean,
  runCancelled: boolean
): string {
  const after = at(started, afterWaiting(words, runCancelled))
  const runName = inline(started.label)
  return duringStart
    ? `The workflow was cancelled while ${runName} was being started. ${after}`
    : `The workflow was cancelled while waiting ${formatDuration(waitedMs)} for ${runName}. ${after}`
}
