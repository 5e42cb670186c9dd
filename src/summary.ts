import { formatDuration } from './duration.js'
import type { GitContext } from './git-context.js'
import { byteLength, cell, htmlText, link, paragraph } from './markdown.js'
import type { Outcome } from './outcome.js'
import type { RunIssue, RunState, RunTestCase, StartedRun } from './qatech/types.js'
import { firstLine } from './untrusted-text.js'

/** GitHub drops a step summary over 1 MiB without a word; stay under it with room to spare. */
export const SUMMARY_BUDGET_BYTES = 1_000_000

export interface SummaryInput {
  readonly started: StartedRun
  /** Absent for a run the step did not wait for. */
  readonly outcome: Outcome | undefined
  /** The final run, or the last state seen. */
  readonly run: RunState | undefined
  readonly git: GitContext
  /** Environment URLs tested, with any bypass secret already removed. */
  readonly environmentUrls: readonly string[]
  readonly waitedMs: number | undefined
  /** Why the wait stopped before an outcome, when it did. */
  readonly problem?: string
}

/** How much of the detail fits: each level drops more to stay within the byte budget. */
enum Detail {
  Full,
  NoPassingDetails,
  NoPassingRows,
  Trimmed
}

/**
 * Renders the job summary. Pure: the same input gives the same markdown, within `budgetBytes`.
 * When the full report is too large it drops, in turn, the passing tests' details, the passing
 * rows, and finally trims the rest with a visible line that links to the run.
 */
export function renderSummary(input: SummaryInput, budgetBytes = SUMMARY_BUDGET_BYTES): string {
  for (const level of [Detail.Full, Detail.NoPassingDetails, Detail.NoPassingRows]) {
    const text = assemble(blocks(input, level), budgetBytes, input)
    if (text !== undefined) return text
  }
  return assemble(blocks(input, Detail.Trimmed), budgetBytes, input, true) ?? ''
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
  const trailer = `\n> ✂️ This summary is trimmed to stay under GitHub's 1 MiB limit. ${link('See every test case in QA.tech', input.started.url)}.\n`
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

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between characters. */
function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = byteLength(char)
    if (bytes + size > maxBytes) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}

const RESULT_ORDER: Record<string, number> = { FAILED: 0, PASSED: 2 }
const order = (testCase: RunTestCase): number => RESULT_ORDER[testCase.result ?? ''] ?? 1

function blocks(input: SummaryInput, level: Detail): Block[] {
  const out: Block[] = [{ text: header(input), essential: true }]
  const testCases = [...(input.run?.runTestCases ?? [])].sort((a, b) => order(a) - order(b))
  if (input.outcome) out.push({ text: countsTable(input.outcome), essential: true })

  if (testCases.length > 0) {
    out.push({
      text: '\n### Test cases\n\n| Result | Test case | Summary | Cause |\n| --- | --- | --- | --- |\n',
      essential: true
    })
    const passing = testCases.filter(testCase => testCase.result === 'PASSED')
    for (const testCase of testCases) {
      const isPassing = testCase.result === 'PASSED'
      if (isPassing && level >= Detail.NoPassingRows) continue
      out.push({ text: testCaseRow(testCase, isPassing && level >= Detail.NoPassingDetails) })
    }
    if (level >= Detail.NoPassingRows && passing.length > 0) {
      out.push({
        text: `\n${passing.length} passing test case${passing.length === 1 ? ' is' : 's are'} not listed, to keep this summary under GitHub's 1 MiB limit.\n`,
        essential: true
      })
    }
    const failed = testCases.filter(testCase => testCase.result === 'FAILED')
    if (failed.length > 0) {
      out.push({ text: '\n### Why they failed\n' })
      for (const testCase of failed) out.push({ text: failureDetails(testCase) })
    }
  }

  const issues = input.run?.issues ?? []
  if (issues.length > 0) out.push(...issueBlocks(issues))
  return out
}

const TITLES: Record<string, (outcome: Outcome) => string> = {
  passed: o => `✅ QA.tech: all ${o.counts.total} test cases passed`,
  failed: o =>
    o.counts.failed > 0
      ? `❌ QA.tech: ${o.counts.failed} of ${o.counts.total} test cases failed`
      : '❌ QA.tech: the run failed',
  skipped: () => '⚠️ QA.tech: the run was skipped',
  error: () => '❌ QA.tech could not complete the run',
  cancelled: () => '🚫 QA.tech: the run was cancelled in QA.tech',
  'timed-out': () => '⏱️ QA.tech: timed out waiting for the run',
  interrupted: () => '🛑 QA.tech: the workflow was cancelled while waiting',
  unknown: o => `❌ QA.tech: the run completed as ${cell(o.result)}`
}

function header(input: SummaryInput): string {
  const { started, outcome, git } = input
  const title = outcome
    ? (TITLES[outcome.kind]?.(outcome) ?? '❌ QA.tech')
    : input.problem !== undefined
      ? '⚠️ QA.tech: the step stopped waiting for the run'
      : '▶️ QA.tech run started'
  const meta: string[] = []
  const plan = started.testPlan ? `**Test plan:** ${cell(started.testPlan.name)} · ` : ''
  meta.push(`${plan}${link(`Open run ${cell(started.shortId)} in QA.tech`, started.url)}`)
  const commit = git.commitHash ? `**Commit:** ${cell(git.commitHash.slice(0, 7))}` : ''
  const branch = git.branch ? ` on ${cell(git.branch)}` : ''
  const message = git.commitMessage ? ` — ${cell(firstLine(git.commitMessage), 200)}` : ''
  if (commit || branch) meta.push(`${commit || '**Branch:**'}${branch}${message}`)
  if (input.environmentUrls.length > 0) {
    meta.push(`**Tested on:** ${input.environmentUrls.map(url => link(cell(url), url)).join(', ')}`)
  }
  if (input.waitedMs !== undefined) meta.push(`**Waited:** ${formatDuration(input.waitedMs)}`)

  let note = ''
  if (input.problem !== undefined) {
    note = `> ⚠️ The step stopped waiting: ${cell(input.problem, 1000)}`
  } else if (outcome?.kind === 'timed-out' || outcome?.kind === 'interrupted') {
    note = `> The QA.tech run goes on: QA.tech has no way to cancel it from here. ${link('Follow it in QA.tech', started.url)}.`
  } else if (!outcome) {
    note = 'The step did not wait for the result (`blocking` is false).'
  }
  return `## ${title}\n\n${meta.join('  \n')}\n${note ? `\n${note}\n` : ''}`
}

function countsTable(outcome: Outcome): string {
  const { passed, failed, skipped, total } = outcome.counts
  return `\n| ✅ Passed | ❌ Failed | ⏭️ Skipped or unfinished | Total |\n| ---: | ---: | ---: | ---: |\n| ${passed} | ${failed} | ${skipped} | ${total} |\n`
}

const RESULT_LABELS: Record<string, string> = { PASSED: '✅ Passed', FAILED: '❌ Failed', SKIPPED: '⏭️ Skipped' }

function testCaseRow(testCase: RunTestCase, brief: boolean): string {
  const result = RESULT_LABELS[testCase.result ?? ''] ?? (testCase.result ? cell(testCase.result) : '⏳ Unfinished')
  const name = link(cell(testCase.name, 300), testCase.url)
  const summary = brief ? '' : cell(testCase.resultTitle ?? '', 300)
  return `| ${result} | ${name} | ${summary} | ${describeErrorCode(testCase.errorCode)} |\n`
}

/** What an error code means for the person reading: their product, or the tester. */
function describeErrorCode(code: string | null): string {
  if (!code) return ''
  if (code === 'TEST_FAILED') return 'Product failure'
  if (code.startsWith('AGENT_')) return `Test agent missed (${cell(code)}): likely not your code`
  if (code.startsWith('PLATFORM_')) return `QA.tech platform issue (${cell(code)}): likely not your code`
  return cell(code)
}

function failureDetails(testCase: RunTestCase): string {
  const parts = [`\n<details><summary>❌ ${htmlText(testCase.name, 300)}</summary>\n`]
  if (testCase.resultTitle) parts.push(`\n**Result:** ${paragraph(testCase.resultTitle, 500)}\n`)
  if (testCase.promptGoal) parts.push(`\n**Goal:** ${paragraph(testCase.promptGoal)}\n`)
  if (testCase.evaluationThought) parts.push(`\n**Evaluation:** ${paragraph(testCase.evaluationThought)}\n`)
  const page = link('Open the test result', testCase.url)
  if (page !== 'Open the test result') parts.push(`\n${page}\n`)
  parts.push('\n</details>\n')
  return parts.join('')
}

const ISSUE_TYPES: Record<string, string> = {
  ACCESSIBILITY: 'Accessibility',
  CONSOLE: 'Console',
  HOSTING: 'Hosting',
  FAILED_TEST: 'Failed test'
}
const AFFECTED_SHOWN = 5

function issueBlocks(issues: readonly RunIssue[]): Block[] {
  const groups = new Map<string, RunIssue[]>()
  for (const issue of issues) {
    const key = issue.issueType.toUpperCase()
    groups.set(key, [...(groups.get(key) ?? []), issue])
  }
  const out: Block[] = [{ text: `\n### Issues found (${issues.length})\n` }]
  for (const [type, group] of groups) {
    out.push({
      text: `\n#### ${ISSUE_TYPES[type] ?? cell(type || 'Other')} (${group.length})\n\n| Severity | Issue | Affected tests | Help |\n| --- | --- | --- | --- |\n`
    })
    for (const issue of group) {
      const names = issue.testCases.slice(0, AFFECTED_SHOWN).map(testCase => cell(testCase.name, 120))
      const more = issue.testCases.length > AFFECTED_SHOWN ? ` and ${issue.testCases.length - AFFECTED_SHOWN} more` : ''
      const help = link('How to fix', issue.helpUrl)
      out.push({
        text: `| ${cell(issue.severity)} | ${cell(issue.title, 300)} | ${names.join(', ')}${more} | ${help === 'How to fix' ? '' : help} |\n`
      })
    }
  }
  return out
}
