import { countTestCases, type Counts, type Outcome, type OutcomeKind, type StartedRun } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import type { WaitOutcome } from '../wait/poller.js'
import { inline } from '../util/untrusted-text.js'
import { failedMessage, interruptedMessage, notedMessage, passedMessage, timedOutMessage } from './words.js'

export interface OutcomeOptions {
  readonly failOnSkipped: boolean
  readonly timeoutMinutes: number
}

/**
 * `runCancelled`: the step stopped the remote run after a workflow cancel or at the deadline, so
 * the words say so instead of "the run goes on". The words themselves are verdict/words.ts's.
 */
export function decideOutcome(
  wait: WaitOutcome,
  started: StartedRun,
  words: ServiceWords,
  options: OutcomeOptions,
  runCancelled = false
): Outcome {
  if (wait.kind === 'timed-out' || wait.kind === 'interrupted') {
    const counts = countTestCases(wait.last, started.testCount)
    const message =
      wait.kind === 'timed-out'
        ? timedOutMessage(words, started, wait.waitedMs, options.timeoutMinutes, runCancelled)
        : interruptedMessage(words, started, wait.waitedMs, wait.during === 'start', runCancelled)
    // After a cancel the run's own status is the honest answer: it is still going, or cancelled.
    const status = wait.kind === 'timed-out' ? 'TIMED_OUT' : (wait.last?.status ?? words.initialStatus)
    return { kind: wait.kind, succeeded: false, status, result: '', counts, message, runCancelled }
  }

  const report = wait.report
  const verdict = report.verdict ?? 'unknown'
  const counts = agreeing(countTestCases(report, started.testCount), verdict)
  const base = { status: report.status, result: report.result, counts }
  const note = report.verdictNote ?? `${inline(started.label)} ended as ${inline(report.status)}.`
  switch (verdict) {
    case 'passed':
      return { ...base, kind: 'passed', succeeded: true, message: passedMessage(words, started, counts, report) }
    case 'failed':
      return {
        ...base,
        kind: 'failed',
        succeeded: false,
        message: failedMessage(words, started, counts, report.testCases)
      }
    case 'skipped':
      return options.failOnSkipped
        ? { ...base, kind: 'skipped', succeeded: false, message: notedMessage(started, note, true) }
        : { ...base, kind: 'skipped', succeeded: true, message: note, warning: notedMessage(started, note) }
    default:
      return { ...base, kind: verdict, succeeded: false, message: notedMessage(started, note) }
  }
}

/**
 * The counts, unless they contradict the service's verdict — a pass with failed or unfinished
 * test cases, or with none passed; a failure where every test case passed (a stale read, or an
 * earlier attempt's results the rerun did not repeat) — in which case only the total is kept.
 * Every report shows the verdict; none may show numbers that say otherwise.
 */
function agreeing(counts: Counts, verdict: OutcomeKind): Counts {
  const { passed, failed, total, unfinished = 0 } = counts
  if (passed === undefined || failed === undefined || total === undefined || total === 0) return counts
  const contradicts =
    verdict === 'passed' ? failed > 0 || unfinished > 0 || passed === 0 : verdict === 'failed' && passed === total
  return contradicts ? { total } : counts
}
