/**
 * The sticky pull-request comment's body, and the hidden marker that finds it again. Pure: the
 * same input gives the same markdown, within GitHub's 65,536 characters, the marker first so no
 * trimming can cut it.
 */
import type { GitContext } from '../context/git-context.js'
import { type Issue, type Link, type StartedRun, type TestCaseResult } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { formatDuration } from '../util/duration.js'
import { firstLine } from '../util/untrusted-text.js'
import {
  baselineSentence,
  capitalized,
  countParts,
  knownFailuresHeading,
  newFailuresHeading,
  openBaselineRunLabel,
  openRunLabel,
  outcomeTitle,
  runHeading,
  runNounOf,
  runningTitle,
  startedTitle,
  stoppedTitle,
  testCaseNounOf,
  uncountedSentence,
  verdictLabel
} from '../verdict/words.js'
import { cell, link, safeUrl } from './markdown.js'
import { renderMarker, type CommentMarker } from './comment-marker.js'
import type { JobIdentity } from './identity.js'
import type { Ending } from './reporter.js'

/** GitHub refuses a comment body longer than this. */
export const COMMENT_MAX_CHARACTERS = 65_536

/** Where the run is, as the comment tells it. */
export type CommentState =
  { readonly kind: 'running' } | { readonly kind: 'stopped'; readonly problem: string } | Ending

type Waited = Extract<Ending, { readonly kind: 'waited' }>

export interface CommentInput {
  readonly words: ServiceWords
  readonly started: StartedRun
  readonly state: CommentState
  readonly git: GitContext
  readonly job: JobIdentity
  readonly marker: CommentMarker
  /** The pull request's head now: when it is not the tested commit, the comment says so. */
  readonly pullRequestHead: string | undefined
  /** Milliseconds since the epoch. */
  readonly updatedAt: number
}

/** How many rows of each list are shown; trimmed further when the comment would be too long. */
interface Limits {
  readonly failures: number
  readonly issues: number
  readonly flaky: number
}

const DEFAULT_LIMITS: Limits = { failures: 100, issues: 20, flaky: 30 }

/**
 * The comment's body, at most `maxCharacters` long. When the lists do not fit they are shortened,
 * each with a line that says how many more there are and links to the run.
 */
export function renderComment(input: CommentInput, maxCharacters = COMMENT_MAX_CHARACTERS): string {
  const full = assemble(input, DEFAULT_LIMITS)
  if (full.length <= maxCharacters) return full
  // The largest number of failure rows that fits, with the other lists at their smallest.
  const fits = (failures: number) => assemble(input, { failures, issues: 0, flaky: 0 }).length <= maxCharacters
  let low = 0
  let high = Math.min(DEFAULT_LIMITS.failures, failedOf(input).length)
  if (fits(high)) {
    const roomy = assemble(input, { failures: high, issues: DEFAULT_LIMITS.issues, flaky: 0 })
    if (roomy.length <= maxCharacters) return roomy
    return assemble(input, { failures: high, issues: 0, flaky: 0 })
  }
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle - 1
  }
  const text = assemble(input, { failures: low, issues: 0, flaky: 0 })
  if (text.length <= maxCharacters) return text
  // Only a pathological heading gets here: keep the marker whole and cut the rest.
  const marker = renderMarker(input.marker)
  const trailer = `\n\n✂️ Trimmed to fit GitHub's comment limit.${inService(input, `See the ${runNounOf(input.words)} in ${input.words.name}`)}\n`
  return `${marker}${cutAt(text.slice(marker.length), maxCharacters - marker.length - trailer.length)}${trailer}`
}

/** The first `length` UTF-16 units of `text`, never half a character. */
function cutAt(text: string, length: number): string {
  if (length <= 0) return ''
  const cut = text.slice(0, length)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}

function assemble(input: CommentInput, limits: Limits): string {
  const parts = [renderMarker(input.marker), '\n', heading(input), meta(input)]
  const note = olderCommitNote(input)
  if (note) parts.push(note)
  const { state } = input
  if (state.kind === 'running') {
    parts.push(
      safeUrl(input.started.url)
        ? `\n${link(`Follow it in ${input.words.name}`, input.started.url)}: this comment is updated when it ends.\n`
        : '\nThis comment is updated when it ends.\n'
    )
  } else if (state.kind === 'stopped') {
    parts.push(`\n> ⚠️ The step stopped waiting: ${text(state.problem, 1000)}\n`)
  } else if (state.kind === 'not-waiting') {
    parts.push(`\nThe step did not wait for the result.${inService(input, `See it in ${input.words.name}`)}\n`)
  } else {
    parts.push(baselineLine(input, state))
    parts.push(counts(input.words, state))
    parts.push(failures(input, limits.failures))
    parts.push(flaky(input, limits.flaky))
    parts.push(issues(input, state.report?.issues ?? [], limits.issues))
    parts.push(attempts(input, state.earlierAttempts ?? []))
  }
  parts.push(footer(input))
  return parts.join('')
}

function heading({ words, started, state }: CommentInput): string {
  const title = (() => {
    switch (state.kind) {
      case 'running':
        return runningTitle(words, started, text)
      case 'stopped':
        return stoppedTitle(words)
      case 'not-waiting':
        return startedTitle(words)
      case 'waited':
        return outcomeTitle(words, state.outcome, text)
    }
  })()
  return `### ${title}\n\n`
}

/**
 * " [See it in QA.tech](url)." — a sentence that links to the run's page, or nothing for a run
 * without one (tester.army's): words that look like a link must be one.
 */
function inService({ started }: CommentInput, words: string): string {
  return safeUrl(started.url) ? ` ${link(words, started.url)}.` : ''
}

function meta({ words, started, git, state }: CommentInput): string {
  const items: string[] = []
  if (started.plan) items.push(`**${text(started.plan.label, 50)}:** ${text(started.plan.name, 200)}`)
  items.push(
    safeUrl(started.url)
      ? link(openRunLabel(words, text(started.id, 100)), started.url)
      : `**${runHeading(words)}:** ${text(started.id, 100)}`
  )
  if (git.commitHash) {
    const message = git.commitMessage ? ` ${text(firstLine(git.commitMessage), 120)}` : ''
    items.push(`**Commit:** ${shortSha(git.commitHash)}${message}`)
  }
  if (started.testedUrls.length > 0) {
    items.push(`**Tested on:** ${started.testedUrls.map(url => link(text(url, 200), url)).join(', ')}`)
  }
  if (state.kind === 'waited') items.push(`**Waited:** ${formatDuration(state.waitedMs)}`)
  return `${items.join(' · ')}\n`
}

/** When the pull request has moved on, the comment must not look like the new commit's result. */
function olderCommitNote({ git, pullRequestHead }: CommentInput): string | undefined {
  if (!pullRequestHead || !git.commitHash || pullRequestHead.toLowerCase() === git.commitHash.toLowerCase()) {
    return undefined
  }
  return (
    `\n> [!NOTE]\n> This result is for ${shortSha(git.commitHash)}, an older commit: the pull request is now at ` +
    `${shortSha(pullRequestHead)}, which this run did not test.\n`
  )
}

function shortSha(sha: string): string {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : text(sha, 40)
}

/** What the failures were compared with: why a run whose failures the base branch already has passed. */
function baselineLine({ words }: CommentInput, { outcome }: Waited): string {
  const baseline = outcome.baseline
  if (!baseline) return ''
  const sentence = baselineSentence(words, outcome, {
    branch: text(baseline.branch, 100),
    commit: shortSha(baseline.commitSha)
  })
  if (!sentence) return ''
  const run = safeUrl(baseline.runUrl) ? ` ${link(openBaselineRunLabel(words), baseline.runUrl)}.` : ''
  return `\n${sentence}${run}\n`
}

function counts(words: ServiceWords, { outcome, report }: Waited): string {
  const parts = countParts(outcome)
  if (!parts) {
    const sentence = uncountedSentence(words, outcome.counts, report)
    return sentence ? `\n${sentence}\n` : ''
  }
  const items = parts.map(({ icon, count, word }) => `${icon} ${count} ${word}`)
  items.push(`${outcome.counts.total ?? 0} in all`)
  if (outcome.counts.flaky) items.push(`🔁 ${outcome.counts.flaky} flaky`)
  return `\n${items.join(' · ')}\n`
}

/**
 * What did not pass, failures first: failed, then errored, then unfinished test cases; compared
 * with the base branch, the failures it already has come last, listed apart.
 */
const NOT_PASSED_ORDER: Partial<Record<TestCaseResult['verdict'], number>> = { failed: 0, errored: 1, pending: 2 }
const KNOWN_ORDER = 3

function failedOf(input: CommentInput): TestCaseResult[] {
  const { state } = input
  if (state.kind !== 'waited') return []
  const order = (testCase: TestCaseResult) =>
    isKnownFailure(input, testCase) ? KNOWN_ORDER : (NOT_PASSED_ORDER[testCase.verdict] ?? 0)
  return (state.report?.testCases ?? [])
    .filter(testCase => NOT_PASSED_ORDER[testCase.verdict] !== undefined)
    .sort((a, b) => order(a) - order(b))
}

/** A failure the base branch's run has too; only said when the outcome was compared with it. */
function isKnownFailure({ state }: CommentInput, testCase: TestCaseResult): boolean {
  return (
    state.kind === 'waited' &&
    state.outcome.baseline !== undefined &&
    testCase.verdict === 'failed' &&
    testCase.baseline === 'known'
  )
}

function failures(input: CommentInput, limit: number): string {
  const failed = failedOf(input)
  if (failed.length === 0) return ''
  const noun = testCaseNounOf(input.words)
  const shown = failed.slice(0, limit)
  const brought = shown.filter(testCase => !isKnownFailure(input, testCase))
  const known = shown.filter(testCase => isKnownFailure(input, testCase))
  const more =
    failed.length > limit
      ? `\n…and ${failed.length - limit} more.${inService(input, `See every ${noun.one} in ${input.words.name}`)}\n`
      : ''
  const onlyFailures = brought.every(testCase => testCase.verdict === 'failed')
  const compared = input.state.kind === 'waited' ? input.state.outcome.baseline : undefined
  const heading = compared
    ? newFailuresHeading(input.words, onlyFailures)
    : onlyFailures
      ? `Failed ${noun.one}`
      : `${capitalized(noun.one)} that did not pass`
  const tables = [brought.length > 0 || known.length === 0 ? failureTable(input, heading, brought) : '']
  if (compared && known.length > 0) {
    tables.push(failureTable(input, knownFailuresHeading(text(compared.branch, 100)), known))
  }
  return `${tables.join('')}${more}`
}

function failureTable(input: CommentInput, heading: string, testCases: readonly TestCaseResult[]): string {
  const rows = testCases.map(testCase => {
    // A failure is marked by its icon alone; anything else says what it was: "⚠️ ERROR", "⏳ Unfinished".
    const mark = testCase.verdict === 'failed' ? '❌' : verdictLabel(testCase, text)
    return `| ${mark} ${link(text(testCase.name, 200), testCase.url)} | ${why(testCase, input.words)} |\n`
  })
  return `\n| ${heading} | Why |\n| --- | --- |\n${rows.join('')}`
}

/** The summary, the evaluation (shortened), and whose fault it likely is. */
function why(testCase: TestCaseResult, words: ServiceWords): string {
  const parts: string[] = []
  if (testCase.summary) parts.push(`**${text(testCase.summary, 300)}**`)
  else if (testCase.resultWord !== undefined) parts.push(text(testCase.resultWord, 100))
  const evaluation = testCase.details.find(detail => detail.label === 'Evaluation') ?? testCase.details.at(-1)
  if (evaluation) parts.push(text(evaluation.text, 300))
  const cause = testCase.cause
  if (cause?.kind === 'agent') parts.push(`_Test agent missed (${text(cause.code, 80)}): likely not your code._`)
  if (cause?.kind === 'platform') {
    parts.push(`_${words.name} platform issue (${text(cause.code, 80)}): likely not your code._`)
  }
  return parts.join('<br>')
}

function flaky(input: CommentInput, limit: number): string {
  if (input.state.kind !== 'waited' || limit === 0) return ''
  const flakyCases = (input.state.report?.testCases ?? []).filter(testCase => testCase.flaky)
  if (flakyCases.length === 0) return ''
  const names = flakyCases.slice(0, limit).map(testCase => {
    const codes = (testCase.earlierFailures ?? []).flatMap(failure => (failure.code ? [text(failure.code, 60)] : []))
    return `${link(text(testCase.name, 150), testCase.url)}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`
  })
  const more = flakyCases.length > limit ? `, and ${flakyCases.length - limit} more` : ''
  return `\n🔁 **Flaky** (failed, then passed on a retry): ${names.join(', ')}${more}.\n`
}

function issues(input: CommentInput, found: readonly Issue[], limit: number): string {
  if (found.length === 0) return ''
  const heading = `Issues found (${found.length})`
  if (limit === 0) {
    return safeUrl(input.started.url)
      ? `\n${heading}: ${link(`see them in ${input.words.name}`, input.started.url)}.\n`
      : `\n${heading}: not listed, to fit GitHub's comment limit.\n`
  }
  const rows = found
    .slice(0, limit)
    .map(
      issue =>
        `| ${text(issue.severity, 40)} | ${text(issue.type, 40)} | ${link(text(issue.title, 200), issue.helpUrl)} |\n`
    )
  const more =
    found.length > limit
      ? `\n…and ${found.length - limit} more.${inService(input, `See them in ${input.words.name}`)}\n`
      : ''
  return `\n<details><summary>${heading}</summary>\n\n| Severity | Kind | Issue |\n| --- | --- | --- |\n${rows.join('')}${more}\n</details>\n`
}

/** Every run of this step, oldest first: automatic retries, or the run a rerun continued. */
function attempts(input: CommentInput, earlier: readonly Link[]): string {
  if (earlier.length === 0) return ''
  const runs = earlier.map((attempt, index) => link(`${index + 1}: ${text(attempt.label, 80)}`, attempt.url))
  runs.push(link(`${earlier.length + 1}: ${text(input.started.id, 80)} (this one)`, input.started.url))
  return `\n**Runs:** ${runs.join(' · ')}\n`
}

function footer({ job, updatedAt }: CommentInput): string {
  const name = [job.workflowName, job.job].filter(Boolean).join(' / ')
  const leg = job.leg ? ` (${job.leg})` : ''
  const key = job.commentKey ? ` · ${job.commentKey}` : ''
  const label = `${text(`${name}${leg}${key}`, 200)}${job.attempt > 1 ? `, attempt ${job.attempt}` : ''}`
  return `\n<sub>Updated ${formatTime(updatedAt)} · ${link(label, job.workflowRunUrl)}</sub>\n`
}

/** "2026-11-24 10:31 UTC". */
function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * Untrusted text for the comment: escaped as for a table cell, and with a zero-width space after
 * each `@`, because a comment notifies everyone it @-mentions and a test named "@org/team" must
 * not ping anyone.
 */
function text(value: string, maxLength: number): string {
  return cell(value, maxLength).replace(/@/g, '@&#8203;')
}
