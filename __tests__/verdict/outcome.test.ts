import { toRunReport, toStartedRun } from '../../src/qatech/run-report.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import type { RunState, RunTestCase } from '../../src/qatech/types.js'
import { mergeAttempts } from '../../src/verdict/attempts.js'
import { decideOutcome as decide, type OutcomeOptions } from '../../src/verdict/outcome.js'
import type { WaitOutcome } from '../../src/wait/poller.js'

/** QA.tech answers, through the QA.tech adapter, to the shared verdict. */
const started = toStartedRun(
  {
    id: 'id',
    shortId: 'r1',
    url: 'https://app.qa.tech/p/shop/results/r1',
    testCount: 3,
    testPlan: { name: 'Smoke', shortId: 'pln_smoke' }
  },
  []
)
const decideOutcome = (wait: WaitOutcome, run: typeof started, options: OutcomeOptions) =>
  decide(wait, run, QATECH_WORDS, options)

function testCase(name: string, result: string | null): RunTestCase {
  return {
    id: name,
    shortId: name,
    name,
    status: 'COMPLETED',
    result,
    resultTitle: null,
    evaluationThought: null,
    errorCode: null,
    classification: null,
    promptGoal: null,
    promptExamples: null,
    url: null
  }
}

function finished(
  status: string,
  result: string | null,
  results: (string | null)[] = ['PASSED', 'PASSED', 'PASSED']
): WaitOutcome {
  const run: RunState = {
    id: 'id',
    shortId: 'r1',
    status,
    result,
    runTestCases: results.map((item, index) => testCase(`Test ${index + 1}`, item)),
    issues: [],
    raw: {}
  }
  const report = toRunReport(run, started.label)
  return { kind: 'finished', report, last: report, waitedMs: 61_000 }
}

const options = { failOnSkipped: false, timeoutMinutes: 60 }

describe('decideOutcome', () => {
  it('COMPLETED + PASSED: success', () => {
    expect(decideOutcome(finished('COMPLETED', 'PASSED'), started, options)).toEqual({
      kind: 'passed',
      succeeded: true,
      status: 'COMPLETED',
      result: 'PASSED',
      counts: { passed: 3, failed: 0, skipped: 0, total: 3 },
      message: 'QA.tech run r1 passed: 3 of 3 test cases passed.'
    })
  })

  it('COMPLETED + FAILED: fails, naming the failed test cases', () => {
    const outcome = decideOutcome(finished('COMPLETED', 'FAILED', ['FAILED', 'PASSED', 'FAILED']), started, options)
    expect(outcome).toMatchObject({ succeeded: false, status: 'COMPLETED', result: 'FAILED' })
    expect(outcome.counts).toEqual({ passed: 1, failed: 2, skipped: 0, total: 3 })
    expect(outcome.message).toBe('2 of 3 test cases failed: Test 1, Test 3. See https://app.qa.tech/p/shop/results/r1')
  })

  it('names at most three failed test cases', () => {
    const outcome = decideOutcome(finished('COMPLETED', 'FAILED', Array(5).fill('FAILED')), started, options)
    expect(outcome.message).toBe(
      '5 of 5 test cases failed: Test 1, Test 2, Test 3 and 2 more. See https://app.qa.tech/p/shop/results/r1'
    )
  })

  it('COMPLETED + SKIPPED: success with a warning, or a failure with fail_on_skipped', () => {
    const skipped = finished('COMPLETED', 'SKIPPED', ['SKIPPED', 'SKIPPED', 'SKIPPED'])
    const lenient = decideOutcome(skipped, started, options)
    expect(lenient).toMatchObject({ succeeded: true, status: 'COMPLETED', result: 'SKIPPED' })
    expect(lenient.warning).toMatch(/completed as SKIPPED/)
    expect(lenient.counts.skipped).toBe(3)
    const strict = decideOutcome(skipped, started, { ...options, failOnSkipped: true })
    expect(strict).toMatchObject({ succeeded: false, result: 'SKIPPED' })
    expect(strict.message).toMatch(/fail_on_skipped is true/)
  })

  it('ERROR: fails, QA.tech could not complete the run; no result', () => {
    const outcome = decideOutcome(finished('ERROR', null), started, options)
    expect(outcome).toMatchObject({ succeeded: false, status: 'ERROR', result: '' })
    expect(outcome.message).toBe(
      'QA.tech could not complete QA.tech run r1 (status ERROR). See https://app.qa.tech/p/shop/results/r1'
    )
  })

  it('CANCELLED: fails, cancelled in QA.tech; no result', () => {
    const outcome = decideOutcome(finished('CANCELLED', null), started, options)
    expect(outcome).toMatchObject({ succeeded: false, status: 'CANCELLED', result: '' })
    expect(outcome.message).toMatch(/was cancelled in QA.tech/)
  })

  it('deadline: fails as TIMED_OUT, says it timed out and that the run goes on', () => {
    const outcome = decideOutcome({ kind: 'timed-out', waitedMs: 30_000, last: undefined }, started, {
      ...options,
      timeoutMinutes: 0.5
    })
    expect(outcome).toMatchObject({ kind: 'timed-out', succeeded: false, status: 'TIMED_OUT', result: '' })
    expect(outcome.message).toBe(
      'Timed out: QA.tech run r1 did not finish within timeout_minutes (0.5); waited 30 s. The QA.tech run goes on (QA.tech has no way to cancel it from here): https://app.qa.tech/p/shop/results/r1'
    )
    expect(outcome.message).not.toMatch(/failed/)
  })

  it('a completed run with an unknown result fails rather than passes', () => {
    const outcome = decideOutcome(finished('COMPLETED', 'FLAKY'), started, options)
    expect(outcome).toMatchObject({ kind: 'unknown', succeeded: false, result: 'FLAKY' })
  })
})

describe('counts that would contradict the verdict', () => {
  const rerun = toStartedRun(
    { id: 'id2', shortId: 'r2', url: 'https://app.qa.tech/p/shop/results/r2', testCount: 1, testPlan: undefined },
    []
  )
  const first = finished('COMPLETED', 'FAILED', ['PASSED', 'PASSED', 'FAILED'])
  if (first.kind !== 'finished') throw new Error('not finished')

  it('a rerun whose per-test results were not read: the earlier attempt is not counted as its result', () => {
    // A rerun of many test cases is polled by status only; then its details could not be fetched.
    const latest = finished('COMPLETED', 'PASSED', [])
    if (latest.kind !== 'finished') throw new Error('not finished')
    const unread = { ...latest.report, testCasesUnread: true, detailsMissing: 'QA.tech answered 500' }
    const merged = mergeAttempts(first.report, unread)
    const outcome = decide(
      { kind: 'finished', report: merged, last: merged, waitedMs: 1_000 },
      rerun,
      QATECH_WORDS,
      options
    )
    expect(outcome).toMatchObject({ kind: 'passed', succeeded: true, counts: { total: 3 } })
    expect(outcome.counts.passed).toBeUndefined()
    expect(outcome.message).toBe('QA.tech run r2 passed (3 test cases; the per-test results were not read).')
  })

  it('a pass whose test cases show a failure (one the rerun did not repeat) counts nothing but the total', () => {
    const latest = finished('COMPLETED', 'PASSED', [])
    if (latest.kind !== 'finished') throw new Error('not finished')
    const merged = mergeAttempts(first.report, latest.report)
    const outcome = decide(
      { kind: 'finished', report: merged, last: merged, waitedMs: 1_000 },
      rerun,
      QATECH_WORDS,
      options
    )
    expect(outcome.counts).toEqual({ total: 3 })
    expect(outcome.message).toBe(
      "QA.tech run r2 passed (3 test cases; the per-test results do not agree with QA.tech's verdict, so they are not counted)."
    )
  })
})
