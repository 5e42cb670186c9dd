import { countTestCases, type Outcome, type RunReport, type StartedRun } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { formatDuration } from '../util/duration.js'
import type { WaitOutcome } from '../wait/poller.js'
import { inline } from '../util/untrusted-text.js'

export interface OutcomeOptions {
  readonly failOnSkipped: boolean
  readonly timeoutMinutes: number
}

const NAMES_IN_MESSAGE = 3

/**
 * `runCancelled`: the step stopped the remote run after a workflow cancel or at the deadline, so
 * the words say so instead of "the run goes on".
 */
export function decideOutcome(
  wait: WaitOutcome,
  started: StartedRun,
  words: ServiceWords,
  options: OutcomeOptions,
  runCancelled = false
): Outcome {
  const where = started.url ? ` ${inline(started.url)}` : ''
  // Where the run is, when the service gives it a page: " See <url>", or nothing.
  const see = where ? ` See${where}` : ''
  const at = (text: string) => (where ? `${text}:${where}` : `${text}.`)
  const noun = words.testCaseNoun ?? { one: 'test case', many: 'test cases' }
  const runName = inline(started.label)
  if (wait.kind === 'timed-out' || wait.kind === 'interrupted') {
    const counts = countTestCases(wait.last, started.testCount)
    const waited = formatDuration(wait.waitedMs)
    const after = runCancelled && words.cancelledRun ? words.cancelledRun : words.runGoesOn
    const message =
      wait.kind === 'timed-out'
        ? `Timed out: ${runName} did not finish within timeout_minutes (${options.timeoutMinutes}); waited ${waited}. ` +
          at(runCancelled ? after : `${after} (${words.cannotCancel})`)
        : wait.during === 'start'
          ? `The workflow was cancelled while ${runName} was being started. ${at(after)}`
          : `The workflow was cancelled while waiting ${waited} for ${runName}. ${at(after)}`
    // After a cancel the run's own status is the honest answer: it is still going, or cancelled.
    const status = wait.kind === 'timed-out' ? 'TIMED_OUT' : (wait.last?.status ?? words.initialStatus)
    return { kind: wait.kind, succeeded: false, status, result: '', counts, message, runCancelled }
  }

  const report: RunReport = wait.report
  const counts = countTestCases(report, started.testCount)
  const base = { status: report.status, result: report.result, counts }
  const verdict = report.verdict ?? 'unknown'
  const note = report.verdictNote ?? `${runName} ended as ${inline(report.status)}.`
  switch (verdict) {
    case 'passed':
      return {
        ...base,
        kind: 'passed',
        succeeded: true,
        message:
          counts.passed === undefined
            ? `${runName} passed${counts.total === undefined ? '' : ` (${plural(counts.total, noun)}; the per-test results were not read)`}.`
            : `${runName} passed: ${counts.passed} of ${counts.total} ${noun.many} passed${counts.flaky ? ` (${counts.flaky} flaky: failed, then passed on a retry)` : ''}.`
      }
    case 'failed': {
      const failedNames = report.testCases
        .filter(testCase => testCase.verdict === 'failed')
        .map(testCase => inline(testCase.name, 80))
      const shown = failedNames.slice(0, NAMES_IN_MESSAGE).join(', ')
      const more = failedNames.length > NAMES_IN_MESSAGE ? ` and ${failedNames.length - NAMES_IN_MESSAGE} more` : ''
      const failed =
        counts.failed !== undefined && counts.failed > 0
          ? `${counts.failed} of ${counts.total} ${noun.many} failed: ${shown}${more}.`
          : `${runName} failed.`
      return { ...base, kind: 'failed', succeeded: false, message: `${failed}${see}` }
    }
    case 'skipped':
      return options.failOnSkipped
        ? { ...base, kind: 'skipped', succeeded: false, message: `${note} fail_on_skipped is true.${see}` }
        : { ...base, kind: 'skipped', succeeded: true, message: note, warning: `${note}${see}` }
    default:
      return { ...base, kind: verdict, succeeded: false, message: `${note}${see}` }
  }
}

function plural(count: number, noun: { readonly one: string; readonly many: string }): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`
}
