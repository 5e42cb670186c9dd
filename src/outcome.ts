import { formatDuration } from './duration.js'
import type { WaitOutcome } from './poller.js'
import type { RunState, RunTestCase, StartedRun } from './qatech/types.js'
import { inline, quote } from './untrusted-text.js'

export interface Counts {
  readonly passed: number
  readonly failed: number
  /** Skipped, errored or unfinished: everything that neither passed nor failed. */
  readonly skipped: number
  readonly total: number
}

export type OutcomeKind =
  'passed' | 'failed' | 'skipped' | 'error' | 'cancelled' | 'timed-out' | 'interrupted' | 'unknown'

/** What the wait means for the check: the outputs, pass or fail, and the one line that says why. */
export interface Outcome {
  readonly kind: OutcomeKind
  readonly succeeded: boolean
  /** `run_status`: QA.tech's status, or TIMED_OUT when the wait ended first. */
  readonly status: string
  /** `run_result`: QA.tech's result for a completed run, else empty. */
  readonly result: string
  readonly counts: Counts
  /** The line for the log and the failed step. */
  readonly message: string
  /** A warning for a step that passes with a caveat (SKIPPED). */
  readonly warning?: string
}

const NAMES_IN_MESSAGE = 3

export function countTestCases(testCases: readonly RunTestCase[], testCount: number | undefined): Counts {
  const passed = testCases.filter(testCase => testCase.result === 'PASSED').length
  const failed = testCases.filter(testCase => testCase.result === 'FAILED').length
  const total = testCases.length > 0 ? testCases.length : (testCount ?? 0)
  return { passed, failed, skipped: Math.max(0, total - passed - failed), total }
}

export function decideOutcome(
  wait: WaitOutcome,
  started: StartedRun,
  options: { readonly failOnSkipped: boolean; readonly timeoutMinutes: number }
): Outcome {
  const where = started.url ? ` ${inline(started.url)}` : ''
  const runName = `QA.tech run ${inline(started.shortId)}`
  if (wait.kind === 'timed-out' || wait.kind === 'interrupted') {
    const counts = countTestCases(wait.last?.runTestCases ?? [], started.testCount)
    const waited = formatDuration(wait.waitedMs)
    const message =
      wait.kind === 'timed-out'
        ? `Timed out: ${runName} did not finish within timeout_minutes (${options.timeoutMinutes}); waited ${waited}. ` +
          `The QA.tech run goes on (QA.tech has no way to cancel it from here):${where}`
        : `The workflow was cancelled while waiting ${waited} for ${runName}. The QA.tech run goes on:${where}`
    // After a cancel the run's own status is the honest answer: it is still going.
    const status = wait.kind === 'timed-out' ? 'TIMED_OUT' : (wait.last?.status ?? 'INITIATED')
    return { kind: wait.kind, succeeded: false, status, result: '', counts, message }
  }

  const run: RunState = wait.run
  const counts = countTestCases(run.runTestCases, started.testCount)
  const base = { status: run.status, counts }
  switch (run.status) {
    case 'ERROR':
      return {
        ...base,
        kind: 'error',
        succeeded: false,
        result: '',
        message: `QA.tech could not complete ${runName} (status ERROR). See${where}`
      }
    case 'CANCELLED':
      return {
        ...base,
        kind: 'cancelled',
        succeeded: false,
        result: '',
        message: `${runName} was cancelled in QA.tech. See${where}`
      }
  }
  const result = run.result ?? ''
  if (result === 'PASSED') {
    return {
      ...base,
      kind: 'passed',
      succeeded: true,
      result,
      message: `${runName} passed: ${counts.passed} of ${counts.total} test cases passed.`
    }
  }
  if (result === 'FAILED') {
    const failedNames = run.runTestCases
      .filter(testCase => testCase.result === 'FAILED')
      .map(testCase => inline(testCase.name, 80))
    const shown = failedNames.slice(0, NAMES_IN_MESSAGE).join(', ')
    const more = failedNames.length > NAMES_IN_MESSAGE ? ` and ${failedNames.length - NAMES_IN_MESSAGE} more` : ''
    const failed =
      counts.failed > 0 ? `${counts.failed} of ${counts.total} test cases failed: ${shown}${more}.` : 'the run failed.'
    return { ...base, kind: 'failed', succeeded: false, result, message: `${failed} See${where}` }
  }
  if (result === 'SKIPPED') {
    const message = `${runName} completed as SKIPPED: its test cases did not run.`
    return options.failOnSkipped
      ? {
          ...base,
          kind: 'skipped',
          succeeded: false,
          result,
          message: `${message} fail_on_skipped is true. See${where}`
        }
      : { ...base, kind: 'skipped', succeeded: true, result, message, warning: `${message} See${where}` }
  }
  return {
    ...base,
    kind: 'unknown',
    succeeded: false,
    result,
    message: `${runName} completed with the result ${quote(result)}, which is not PASSED. See${where}`
  }
}
