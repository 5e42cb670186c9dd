import type { GitContext } from '../context/git-context.js'
import type { Issue, Link, RunReport, StartedRun, TestCaseResult } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { formatDuration } from '../util/duration.js'
import { firstLine } from '../util/untrusted-text.js'
import type { Outcome } from '../service/model.js'
import {
  baselineSentence,
  capitalized,
  countOf,
  countParts,
  knownFailuresHeading,
  newFailuresHeading,
  openBaselineRunLabel,
  openRunLabel,
  outcomeTitle,
  runHeading,
  startedTitle,
  stoppedTitle,
  testCaseNounOf,
  uncountedSentence,
  verdictLabel,
  verdictMark
} from '../verdict/words.js'
import { renderAgentMarkdown } from './agent-markdown.js'
import { byteLength, cell, htmlText, link, paragraph, safeUrl, truncateToBytes } from './markdown.js'

/** GitHub drops a step summary over 1 MiB without a word; stay under it with room to spare. */
export const SUMMARY_BUDGET_BYTES = 1_000_000

export interface SummaryInput {
  readonly words: ServiceWords
  readonly started: StartedRun
  /** Absent for a run the step did not wait for. */
  readonly outcome: Outcome | undefined
  /** The final report, or the last state seen. */
  readonly report: RunReport | undefined
  readonly git: GitContext
  readonly waitedMs: number | undefined
  /** Why the wait stopped before an outcome, when it did. */
  readonly problem?: string
  /** GITHUB_SERVER_URL, for links to the commit. */
  readonly serverUrl?: string
  /** The pull request the commit belongs to, when the event names one. */
  readonly pullRequest?: { readonly number: number; readonly url: string }
  /** What the preflight found (plain text), when it checked a site. */
  readonly preflightLine?: string
  /** Earlier runs of this step (retries), oldest first. */
  readonly earlierAttempts?: readonly Link[]
}

/** How much of the detail fits: each level drops more to stay within the byte budget. */
enum Detail {
  Full,
  NoPassingRows,
  Trimmed
}

/**
 * Renders the job summary. Pure: the same input gives the same markdown, within `budgetBytes`.
 * When the full report is too large it drops the passing rows, and then trims the rest with a
 * visible line that links to the run.
 */
export function renderSummary(input: SummaryInput, budgetBytes = SUMMARY_BUDGET_BYTES): string {
  for (const level of [Detail.Full, Detail.NoPassingRows]) {
    const text = assemble(blocks(input, level, budgetBytes), budgetBytes, input)
    if (text !== undefined) return text
  }
  return assemble(blocks(input, Detail.Trimmed, budgetBytes), budgetBytes, input, true) ?? ''
}

interface Block {
  readonly text: string
  /** Kept whatever the budget. */
  readonly essential?: boolean
}

function assemble(parts: readonly Block[], budgetBytes: number, input: SummaryInput, trim = false): string | undefined {
  const whole = parts.map(part => part.text).join('')
  if (byteLength(whole) <= budgetBytes) return whole
  if (!trim) return undefined
  const every = link(`See every ${testCaseNounOf(input.words).one} in ${input.words.name}`, input.started.url)
  const trailer = `\n> ✂️ This summary is trimmed to stay under GitHub's 1 MiB limit.${safeUrl(input.started.url) ? ` ${every}.` : ''}\n`
  let used = byteLength(trailer)
  const kept: string[] = []
  for (const [index, part] of parts.entries()) {
    const size = byteLength(part.text)
    if (used + size <= budgetBytes) {
      kept.push(part.text)
      used += size
    } else if (index === 0) {
      // Even the heading is too long for the budget: keep what fits of it.
      const text = truncateToBytes(part.text, budgetBytes - used)
      kept.push(text)
      used += byteLength(text)
    } else if (!part.essential) {
      break
    }
  }
  return `${kept.join('')}${trailer}`
}

/** Up to this many failures, their details are shown open. */
const FAILURES_SHOWN_OPEN = 3

/**
 * Failures first, passes last: the reader came for what broke. Compared with the base branch,
 * the failures it already has come after the new ones.
 */
const VERDICT_ORDER: Record<string, number> = { failed: 0, passed: 2 }
const orderOf =
  (compared: boolean) =>
  (testCase: TestCaseResult): number =>
    compared && isKnownFailure(testCase) ? 0.5 : (VERDICT_ORDER[testCase.verdict] ?? 1)

/** A failure the base branch's run has too. Only said when the outcome was compared (`Outcome.baseline`). */
const isKnownFailure = (testCase: TestCaseResult): boolean =>
  testCase.verdict === 'failed' && testCase.baseline === 'known'

/** The agent's text may take up to this share of the budget; the rest is for everything else. */
const NARRATIVE_SHARE = 0.5
const NARRATIVE_MAX_BYTES = 200_000

function blocks(input: SummaryInput, level: Detail, budgetBytes: number): Block[] {
  const out: Block[] = [{ text: header(input), essential: true }]
  const compared = input.outcome?.baseline
  const order = orderOf(compared !== undefined)
  const testCases = [...(input.report?.testCases ?? [])].sort((a, b) => order(a) - order(b))
  const narrative = input.report?.narrative
  const counts = input.outcome && countsLine(input.words, input.outcome, input.report)
  if (counts) out.push({ text: counts, essential: true })
  if (narrative) {
    const markdown = renderAgentMarkdown(narrative.markdown, {
      maxBytes: Math.min(NARRATIVE_MAX_BYTES, Math.floor(budgetBytes * NARRATIVE_SHARE)),
      fullTextUrl: input.started.url,
      fullTextLabel: `Read all of it in ${input.words.name}`
    })
    out.push({ text: `\n### ${cell(narrative.title)}\n\n${markdown}\n`, essential: true })
  }

  if (testCases.length > 0) {
    const noun = testCaseNounOf(input.words)
    out.push({
      text: `\n### ${capitalized(noun.many)}\n\n| Result | ${capitalized(noun.one)} | Summary | Cause |\n| --- | --- | --- | --- |\n`,
      essential: true
    })
    const passing = testCases.filter(testCase => testCase.verdict === 'passed')
    for (const testCase of testCases) {
      const isPassing = testCase.verdict === 'passed'
      if (isPassing && level >= Detail.NoPassingRows) continue
      // "Goal reached" on every passing row says nothing: passing rows carry no summary, unless
      // the service's summary says what was tested (tester.army).
      const brief = isPassing && !input.words.detailsForEveryTestCase
      out.push({ text: testCaseRow(testCase, brief, input.words, compared !== undefined) })
    }
    if (level >= Detail.NoPassingRows && passing.length > 0) {
      out.push({
        text: `\n${passing.length} passing ${passing.length === 1 ? `${noun.one} is` : `${noun.many} are`} not listed, to keep this summary under GitHub's 1 MiB limit.\n`,
        essential: true
      })
    }
    // An error is no pass either: why it happened is shown with the failures.
    const failed = testCases.filter(testCase => testCase.verdict === 'failed' || testCase.verdict === 'errored')
    // Compared with the base branch: what the pull request brought first, what the branch has apart.
    const known = compared ? failed.filter(isKnownFailure) : []
    const brought = failed.filter(testCase => !known.includes(testCase))
    // A few failures are what the reader came for: open. Many would bury each other: closed.
    const open = failed.length <= FAILURES_SHOWN_OPEN
    if (brought.length > 0) {
      const errored = brought.some(testCase => testCase.verdict === 'errored')
      const heading = compared
        ? newFailuresHeading(input.words, !errored)
        : `Why they ${errored ? 'did not pass' : 'failed'}`
      out.push({ text: `\n### ${heading}\n` })
      for (const testCase of brought) out.push({ text: failureDetails(testCase, open) })
    }
    if (compared && known.length > 0) {
      out.push({ text: `\n### ${knownFailuresHeading(code(compared.branch))}\n` })
      for (const testCase of known) out.push({ text: failureDetails(testCase, open) })
    }
    const others = input.words.detailsForEveryTestCase
      ? testCases.filter(testCase => !failed.includes(testCase) && hasDetails(testCase))
      : []
    if (others.length > 0 && level < Detail.NoPassingRows) {
      out.push({ text: `\n### The other ${noun.many}\n` })
      for (const testCase of others) out.push({ text: failureDetails(testCase, false) })
    }
  }

  const issues = input.report?.issues ?? []
  if (issues.length > 0) out.push(...issueBlocks(issues))
  return out
}

function title({ words, outcome, problem }: SummaryInput): string {
  if (outcome) return outcomeTitle(words, outcome, cell)
  return problem !== undefined ? stoppedTitle(words) : startedTitle(words)
}

function header(input: SummaryInput): string {
  const { started, outcome, git, words } = input
  const meta: string[] = []
  const plan = started.plan ? `**${started.plan.label}:** ${cell(started.plan.name)} · ` : ''
  // A run without a page (tester.army has none) is named, not shown as a link that goes nowhere.
  const openRun = safeUrl(started.url)
    ? link(openRunLabel(words, cell(started.id)), started.url)
    : `**${runHeading(words)}:** ${cell(started.id)}`
  meta.push(`${plan}${openRun}`)
  const commit = git.commitHash ? `**Commit:** ${commitLink(git, input.serverUrl)}` : ''
  const branch = git.branch ? ` on ${code(git.branch)}` : ''
  const pull = input.pullRequest ? ` in ${link(`#${input.pullRequest.number}`, input.pullRequest.url)}` : ''
  const message = git.commitMessage ? ` — ${cell(firstLine(git.commitMessage), 200)}` : ''
  if (commit || branch) meta.push(`${commit || '**Branch:**'}${branch}${pull}${message}`)
  if (started.testedUrls.length > 0) {
    meta.push(`**Tested on:** ${started.testedUrls.map(url => link(cell(url), url)).join(', ')}`)
  }
  if (input.preflightLine) meta.push(`**Preflight:** ${cell(input.preflightLine, 500)}`)
  if (input.earlierAttempts && input.earlierAttempts.length > 0) {
    const links = input.earlierAttempts.map(attempt => link(cell(attempt.label), attempt.url))
    meta.push(`**Earlier attempts:** ${links.join(' · ')} (this run retried what failed there)`)
  }
  const took = input.report?.durationMs
  const times = [
    took === undefined ? '' : `**Run took:** ${formatDuration(took)}`,
    input.waitedMs === undefined ? '' : `**Waited:** ${formatDuration(input.waitedMs)}`
  ].filter(Boolean)
  if (times.length > 0) meta.push(times.join(' · '))

  let note = ''
  if (input.problem !== undefined) {
    note = `> ⚠️ The step stopped waiting: ${cell(input.problem, 1000)}`
  } else if ((outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') && outcome.runCancelled) {
    note = `> ${words.cancelledRun ?? words.runGoesOn}.`
  } else if (outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') {
    // The run is linked above: once is enough.
    note = `> ${words.runGoesOn}: ${words.cannotCancel}.`
  } else if (input.report?.detailsMissing !== undefined) {
    note = `> ⚠️ The per-test details could not be read (${cell(input.report.detailsMissing, 500)}): the verdict is ${words.name}'s.`
  } else if (!outcome) {
    note = 'The step did not wait for the result (`blocking` is false).'
  }
  const compared = baselineLine(input)
  return `## ${title(input)}\n\n${meta.join('  \n')}\n${compared ? `\n${compared}\n` : ''}${note ? `\n${note}\n` : ''}`
}

/**
 * What the failures were compared with, right under the heading: why a run whose failures the
 * base branch already has passed, with the baseline's commit and run.
 */
function baselineLine({ words, outcome, git, serverUrl }: SummaryInput): string | undefined {
  const baseline = outcome?.baseline
  if (!outcome || !baseline) return undefined
  const sentence = baselineSentence(words, outcome, {
    branch: code(baseline.branch),
    commit: shaLink(baseline.commitSha, git.repository, serverUrl)
  })
  if (!sentence) return undefined
  const run = safeUrl(baseline.runUrl) ? ` ${link(openBaselineRunLabel(words), baseline.runUrl)}.` : ''
  return `> ${sentence}${run}`
}

/** The counts in one line (three numbers read better as a sentence than as a table), or why there are none. */
function countsLine(words: ServiceWords, outcome: Outcome, report: SummaryInput['report']): string | undefined {
  const parts = countParts(outcome)
  if (!parts) {
    const sentence = uncountedSentence(words, outcome.counts, report)
    return sentence && `\n${sentence}\n`
  }
  const line = parts.map(({ icon, count, word }) => `${icon} **${count}** ${word}`).join(' · ')
  return `\n${line} — ${countOf(outcome.counts.total ?? 0, testCaseNounOf(words))}\n`
}

/** Untrusted text as code: an HTML element, so that no backtick can close it and no markup renders. */
function code(text: string): string {
  const escaped = htmlText(text, 200)
  return escaped === '' ? '' : `<code>${escaped}</code>`
}

/** The short SHA as code, linked to the commit on the GitHub server when the repository is known. */
function commitLink(git: GitContext, serverUrl: string | undefined): string {
  return shaLink(git.commitHash ?? '', git.repository, serverUrl)
}

function shaLink(sha: string, repository: string | undefined, serverUrl: string | undefined): string {
  const short = code(sha.slice(0, 7))
  if (!serverUrl || !repository || !/^[0-9a-f]{7,64}$/i.test(sha)) return short
  return link(short, `${serverUrl.replace(/\/+$/, '')}/${repository}/commit/${sha}`)
}

function testCaseRow(testCase: TestCaseResult, brief: boolean, words: ServiceWords, compared: boolean): string {
  const label = verdictLabel(testCase, cell, compared)
  const result = testCase.flaky ? `${label} (flaky)` : label
  const name = link(cell(testCase.name, 300), testCase.url)
  const summary = brief ? '' : cell(testCase.summary ?? '', 300)
  return `| ${result} | ${name} | ${summary} | ${describeCause(testCase, words)} |\n`
}

/** What a failure's cause means for the person reading: their product, or the tester. */
function describeCause({ cause, flaky, earlierFailures }: TestCaseResult, words: ServiceWords): string {
  if (flaky) {
    const codes = (earlierFailures ?? []).map(failure => failure.code).filter(Boolean)
    return `Failed on an earlier attempt${codes.length > 0 ? ` (${codes.map(code => cell(code ?? '')).join(', ')})` : ''}, passed on a retry`
  }
  if (!cause) return ''
  switch (cause.kind) {
    case 'product':
      return 'Product failure'
    case 'agent':
      return `Test agent missed (${cell(cause.code)}): likely not your code`
    case 'platform':
      return `${words.name} platform issue (${cell(cause.code)}): likely not your code`
    default:
      return cell(cause.code)
  }
}

function hasDetails(testCase: TestCaseResult): boolean {
  return testCase.details.length > 0 || (testCase.links?.length ?? 0) > 0 || testCase.summary !== undefined
}

function failureDetails(testCase: TestCaseResult, open: boolean): string {
  const icon = verdictMark(testCase.verdict)
  const parts = [`\n<details${open ? ' open' : ''}><summary>${icon} ${htmlText(testCase.name, 300)}</summary>\n`]
  if (testCase.summary) parts.push(`\n**Result:** ${paragraph(testCase.summary, 500)}\n`)
  for (const detail of testCase.details) parts.push(`\n**${htmlText(detail.label, 80)}:** ${paragraph(detail.text)}\n`)
  const links = [{ label: 'Open the test result', url: testCase.url }, ...(testCase.links ?? [])]
    .filter(item => safeUrl(item.url))
    .map(item => link(cell(item.label, 80), item.url))
  if (links.length > 0) parts.push(`\n${links.join(' · ')}\n`)
  parts.push('\n</details>\n')
  return parts.join('')
}

const AFFECTED_SHOWN = 5

function issueBlocks(issues: readonly Issue[]): Block[] {
  const groups = new Map<string, Issue[]>()
  for (const issue of issues) groups.set(issue.type, [...(groups.get(issue.type) ?? []), issue])
  const out: Block[] = [{ text: `\n### Issues found (${issues.length})\n` }]
  for (const [type, group] of groups) {
    out.push({
      text: `\n#### ${cell(type)} (${group.length})\n\n| Severity | Issue | Affected tests | Help |\n| --- | --- | --- | --- |\n`
    })
    for (const issue of group) {
      const names = issue.testCaseNames.slice(0, AFFECTED_SHOWN).map(name => cell(name, 120))
      const more =
        issue.testCaseNames.length > AFFECTED_SHOWN ? ` and ${issue.testCaseNames.length - AFFECTED_SHOWN} more` : ''
      const help = link('How to fix', issue.helpUrl)
      out.push({
        text: `| ${cell(issue.severity)} | ${cell(issue.title, 300)} | ${names.join(', ')}${more} | ${help === 'How to fix' ? '' : help} |\n`
      })
    }
    // What a table cell cannot hold: the description, the steps to reproduce, the screenshots.
    for (const issue of group) {
      const described =
        issue.description !== undefined || (issue.details?.length ?? 0) > 0 || (issue.links?.length ?? 0) > 0
      if (described) out.push({ text: issueDetails(issue) })
    }
  }
  return out
}

function issueDetails(issue: Issue): string {
  const parts = [`\n<details><summary>${htmlText(issue.title, 300)}</summary>\n`]
  if (issue.description) parts.push(`\n${paragraph(issue.description)}\n`)
  for (const detail of issue.details ?? [])
    parts.push(`\n**${htmlText(detail.label, 80)}:** ${paragraph(detail.text)}\n`)
  const links = (issue.links ?? []).filter(item => safeUrl(item.url)).map(item => link(cell(item.label, 80), item.url))
  if (links.length > 0) parts.push(`\n${links.join(' · ')}\n`)
  parts.push('\n</details>\n')
  return parts.join('')
}
