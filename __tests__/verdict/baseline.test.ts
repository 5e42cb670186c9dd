/**
 * What the pull request broke: its run's failures against the base branch's run, through each
 * service's adapter (QA.tech answers, tester.army runs) to the outcome the step and every report
 * tell. Assertions are on which failures are known, and on whether the step passes and what it says.
 */
import { toRunReport as qatechReport, toStartedRun } from '../../src/qatech/run-report.js'
import type { RunState as QaTechRunState } from '../../src/qatech/types.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import type { Outcome, RunReport } from '../../src/service/model.js'
import { toRunReport as testerArmyReport } from '../../src/testerarmy/run-report.js'
import type { RunState as TesterArmyRunState } from '../../src/testerarmy/types.js'
import { testerArmyWords } from '../../src/testerarmy/words.js'
import {
  classifyFailures,
  decideWithBaseline,
  whyNotComparable,
  type BaselineRun,
  type FailOn
} from '../../src/verdict/baseline.js'
import { decideOutcome } from '../../src/verdict/outcome.js'

const started = toStartedRun(
  {
    id: 'id',
    shortId: 'r_pr',
    url: 'https://app.qa.tech/p/shop/results/r_pr',
    testCount: 3,
    testPlan: { name: 'Smoke', shortId: 'pln_smoke' }
  },
  []
)
const BASELINE: BaselineRun = {
  branch: 'main',
  commitSha: 'abc1234def5678abc1234def5678abc1234def56',
  runUrl: 'https://app.qa.tech/p/shop/results/r_main'
}

/** A QA.tech test case as GET /v1/run?testCases=all sends it; `test` is its projectTestCaseId, when QA.tech sends one. */
interface Case {
  readonly name: string
  readonly result: string | null
  readonly test?: string
}

let runCounter = 0
/** A finished QA.tech run, through the QA.tech adapter. Each run's test cases get ids of their own, as QA.tech's do. */
function qatechRun(cases: readonly Case[], status = 'COMPLETED'): RunReport {
  const run = `r${++runCounter}`
  const runTestCases = cases.map((item, index) => ({
    id: `00000000-0000-4000-8000-${String(runCounter * 100 + index).padStart(12, '0')}`,
    shortId: `rtc_${run}_${index}`,
    name: item.name,
    status: 'COMPLETED',
    result: item.result,
    resultTitle: null,
    evaluationThought: null,
    errorCode: null,
    classification: null,
    promptGoal: null,
    promptExamples: null,
    url: null,
    ...(item.test === undefined ? {} : { projectTestCaseId: item.test })
  }))
  const failed = cases.some(item => item.result === 'FAILED')
  const state: QaTechRunState = {
    id: run,
    shortId: run,
    status,
    result: status === 'COMPLETED' ? (failed ? 'FAILED' : 'PASSED') : null,
    runTestCases,
    issues: [],
    raw: { id: run, shortId: run, status, runTestCases }
  }
  return qatechReport(state, `QA.tech run ${run}`)
}

function outcomeOf(report: RunReport): Outcome {
  return decideOutcome({ kind: 'finished', report, waitedMs: 1000, last: report }, started, QATECH_WORDS, {
    failOnSkipped: false,
    timeoutMinutes: 60
  })
}

/** The pull request's run against the base branch's: the marks of its failures, by name. */
function marks(pullRequest: RunReport, baseline: RunReport): Record<string, string | undefined> {
  const { report } = classifyFailures(pullRequest, baseline)
  return Object.fromEntries(report.testCases.map(testCase => [testCase.name, testCase.baseline]))
}

function decide(pullRequest: RunReport, baseline: RunReport, failOn: FailOn): Outcome {
  return decideWithBaseline(outcomeOf(pullRequest), classifyFailures(pullRequest, baseline), BASELINE, {
    failOn,
    words: QATECH_WORDS,
    started
  })
}

describe('which failures the base branch has too', () => {
  it("matches a renamed test by QA.tech's id of the test, not by the result's own ids", () => {
    const pullRequest = qatechRun([
      { name: 'Checkout with a saved card', result: 'FAILED', test: 'tc-checkout' },
      { name: 'Login', result: 'FAILED', test: 'tc-login' }
    ])
    const baseline = qatechRun([
      { name: 'Checkout', result: 'FAILED', test: 'tc-checkout' },
      // Another test that now has the name: not the same test.
      { name: 'Login', result: 'FAILED', test: 'tc-old-login' }
    ])
    expect(marks(pullRequest, baseline)).toEqual({ 'Checkout with a saved card': 'known', Login: 'new' })
    expect(classifyFailures(pullRequest, baseline)).toMatchObject({ newFailed: 1, knownFailed: 1 })
  })

  it('matches by the exact name where either side has no id', () => {
    const pullRequest = qatechRun([
      { name: 'Checkout', result: 'FAILED' },
      { name: 'Login', result: 'FAILED', test: 'tc-login' },
      { name: 'Search', result: 'FAILED' }
    ])
    const baseline = qatechRun([
      { name: 'Checkout', result: 'FAILED', test: 'tc-checkout' },
      { name: 'Login', result: 'FAILED' },
      { name: 'search', result: 'FAILED' }
    ])
    expect(marks(pullRequest, baseline)).toEqual({ Checkout: 'known', Login: 'known', Search: 'new' })
  })

  it.each([
    ['passed', { name: 'Checkout', result: 'PASSED' }],
    ['was skipped', { name: 'Checkout', result: 'SKIPPED' }],
    ['errored', { name: 'Checkout', result: 'BLOCKED' }],
    ['did not run', { name: 'Wishlist', result: 'FAILED' }]
  ])('is new where the base branch’s run %s', (_, baselineCase) => {
    const pullRequest = qatechRun([{ name: 'Checkout', result: 'FAILED' }])
    expect(marks(pullRequest, qatechRun([baselineCase]))).toEqual({ Checkout: 'new' })
  })

  it('is new when a name two tests share failed in one of them only', () => {
    const pullRequest = qatechRun([{ name: 'Checkout', result: 'FAILED' }])
    const baseline = qatechRun([
      { name: 'Checkout', result: 'FAILED' },
      { name: 'Checkout', result: 'PASSED' }
    ])
    expect(marks(pullRequest, baseline)).toEqual({ Checkout: 'new' })
  })

  it("is new when two of the pull request's own failures share a name: a new test that took an old one's name is not excused", () => {
    const pullRequest = qatechRun([
      { name: 'Login', result: 'FAILED' },
      { name: 'Login', result: 'FAILED' }
    ])
    const baseline = qatechRun([{ name: 'Login', result: 'FAILED' }])
    const { newFailed, knownFailed } = classifyFailures(pullRequest, baseline)
    expect({ newFailed, knownFailed }).toEqual({ newFailed: 2, knownFailed: 0 })
  })

  it('marks failures only, and counts every failure once', () => {
    const pullRequest = qatechRun([
      { name: 'A', result: 'PASSED' },
      { name: 'B', result: 'FAILED' },
      { name: 'C', result: 'SKIPPED' }
    ])
    const baseline = qatechRun([
      { name: 'A', result: 'FAILED' },
      { name: 'B', result: 'FAILED' },
      { name: 'C', result: 'FAILED' }
    ])
    expect(marks(pullRequest, baseline)).toEqual({ A: undefined, B: 'known', C: undefined })
    expect(classifyFailures(pullRequest, baseline)).toMatchObject({ newFailed: 0, knownFailed: 1 })
  })

  it('reads the id of the saved test a tester.army run ran, and compares in runs', () => {
    const run = (id: string, testId: string | null, featureName: string, result: string): TesterArmyRunState => ({
      id,
      status: 'completed',
      output: { kind: 'test', featureName, result, description: '', issues: [], screenshots: [], steps: [] },
      error: undefined,
      durationMs: undefined,
      raw: { id, status: 'completed', testId }
    })
    const report = (runs: TesterArmyRunState[]) =>
      testerArmyReport(
        runs.map(state => ({ id: state.id, state })),
        'tester.army batch b1',
        'b1'
      )
    const pullRequest = report([
      run('run-pr-1', 'test-pay', 'Pay with a card', 'FAILED'),
      run('run-pr-2', null, 'Open the cart', 'FAILED')
    ])
    const baseline = report([
      run('run-main-1', 'test-pay', 'Pay', 'FAILED'),
      run('run-main-2', null, 'Open the cart', 'PASS')
    ])
    expect(marks(pullRequest, baseline)).toEqual({ 'Pay with a card': 'known', 'Open the cart': 'new' })

    const words = testerArmyWords({ target: { mode: 'group', groupId: 'g1' }, cancelOnAbort: true })
    const onlyKnown = report([run('run-pr-3', 'test-pay', 'Pay with a card', 'FAILED')])
    const outcome = decideOutcome(
      { kind: 'finished', report: onlyKnown, waitedMs: 1, last: onlyKnown },
      { ...started, url: '' },
      words,
      { failOnSkipped: false, timeoutMinutes: 60 }
    )
    const decided = decideWithBaseline(outcome, classifyFailures(onlyKnown, baseline), BASELINE, {
      failOn: 'new',
      words,
      started: { url: '' }
    })
    expect(decided.succeeded).toBe(true)
    expect(decided.message).toMatch(
      /^1 run fails, already failing on main at abc1234 — not caused by this pull request/
    )
  })
})

describe('the outcome with fail_on', () => {
  const twoKnown = () =>
    [
      qatechRun([
        { name: 'Checkout', result: 'FAILED' },
        { name: 'Login', result: 'FAILED' },
        { name: 'Search', result: 'PASSED' }
      ]),
      qatechRun([
        { name: 'Checkout', result: 'FAILED' },
        { name: 'Login', result: 'FAILED' },
        { name: 'Search', result: 'PASSED' }
      ])
    ] as const

  it('new: passes when every failure is already on the base branch, and says so with the baseline run', () => {
    const outcome = decide(...twoKnown(), 'new')
    expect(outcome).toMatchObject({
      kind: 'failed',
      succeeded: true,
      counts: { failed: 2, passed: 1, total: 3 },
      baseline: { branch: 'main', commitSha: BASELINE.commitSha, runUrl: BASELINE.runUrl, newFailed: 0, knownFailed: 2 }
    })
    expect(outcome.message).toBe(
      '2 test cases fail, both already failing on main at abc1234 — not caused by this pull request: Checkout, Login.' +
        ' Baseline run: https://app.qa.tech/p/shop/results/r_main'
    )
  })

  it('any: every failure fails the step, known ones told apart', () => {
    const outcome = decide(...twoKnown(), 'any')
    expect(outcome).toMatchObject({ kind: 'failed', succeeded: false, baseline: { newFailed: 0, knownFailed: 2 } })
    expect(outcome.message).toBe(
      '2 of 3 test cases failed, both already failing on main at abc1234: Checkout, Login. See https://app.qa.tech/p/shop/results/r_pr'
    )
  })

  it('new: one new failure fails the step, named first', () => {
    const pullRequest = qatechRun([
      { name: 'Checkout', result: 'FAILED' },
      { name: 'Login', result: 'FAILED' },
      { name: 'Search', result: 'PASSED' }
    ])
    const baseline = qatechRun([
      { name: 'Checkout', result: 'PASSED' },
      { name: 'Login', result: 'FAILED' },
      { name: 'Search', result: 'PASSED' }
    ])
    const outcome = decide(pullRequest, baseline, 'new')
    expect(outcome).toMatchObject({
      succeeded: false,
      counts: { failed: 2 },
      baseline: { newFailed: 1, knownFailed: 1 }
    })
    expect(outcome.message).toBe(
      '2 of 3 test cases failed: 1 new (Checkout); 1 already failing on main at abc1234 (Login). See https://app.qa.tech/p/shop/results/r_pr'
    )
  })

  it('new: a test case that errored beside known failures has nothing to compare, and fails the step', () => {
    const pullRequest = qatechRun([
      { name: 'Checkout', result: 'FAILED' },
      { name: 'Login', result: 'BLOCKED' }
    ])
    const baseline = qatechRun([
      { name: 'Checkout', result: 'FAILED' },
      { name: 'Login', result: 'FAILED' }
    ])
    const outcome = decide(pullRequest, baseline, 'new')
    expect(outcome.succeeded).toBe(false)
    expect(outcome.message).toMatch(/1 test case errored or did not finish: there is no result to compare\./)
  })

  it.each([
    ['errored', 'ERROR'],
    ['cancelled', 'CANCELLED']
  ])('new: a run that %s stays as it is', (kind, status) => {
    const pullRequest = qatechRun([{ name: 'Checkout', result: 'FAILED' }], status)
    const baseline = qatechRun([{ name: 'Checkout', result: 'FAILED' }])
    const before = outcomeOf(pullRequest)
    expect(before.kind).toBe(kind)
    const after = decideWithBaseline(before, classifyFailures(pullRequest, baseline), BASELINE, {
      failOn: 'new',
      words: QATECH_WORDS,
      started
    })
    expect(after).toEqual(before)
  })

  it('new: a timed-out wait stays as it is', () => {
    const last = qatechRun([{ name: 'Checkout', result: 'FAILED' }])
    const before = decideOutcome({ kind: 'timed-out', waitedMs: 3_600_000, last }, started, QATECH_WORDS, {
      failOnSkipped: false,
      timeoutMinutes: 60
    })
    const after = decideWithBaseline(before, classifyFailures(last, last), BASELINE, {
      failOn: 'new',
      words: QATECH_WORDS,
      started
    })
    expect(after).toEqual(before)
  })

  it('new: failures that were not all read (a status-only answer) are not excused', () => {
    const pullRequest: RunReport = { ...qatechRun([{ name: 'Checkout', result: 'FAILED' }]), testCasesUnread: true }
    const outcome = decide(pullRequest, qatechRun([{ name: 'Checkout', result: 'FAILED' }]), 'new')
    expect(outcome.succeeded).toBe(false)
    expect(outcome.baseline).toBeUndefined()
  })

  it('keeps the names and the branch inert in the log line', () => {
    const pullRequest = qatechRun([{ name: '::error::Checkout\n##[warning]x', result: 'FAILED' }])
    const baseline = qatechRun([{ name: '::error::Checkout\n##[warning]x', result: 'FAILED' }])
    const outcome = decideWithBaseline(
      outcomeOf(pullRequest),
      classifyFailures(pullRequest, baseline),
      { ...BASELINE, branch: '::stop-commands::main' },
      { failOn: 'new', words: QATECH_WORDS, started }
    )
    expect(outcome.succeeded).toBe(true)
    expect(outcome.message).not.toMatch(/::(error|stop-commands)::|##\[|\n/)
  })
})

describe('a baseline run that cannot be compared with', () => {
  it('says why when it has no per-test results, and nothing when it has', () => {
    const read = qatechRun([{ name: 'Checkout', result: 'FAILED' }])
    expect(whyNotComparable(read, QATECH_WORDS)).toBeUndefined()
    expect(whyNotComparable({ ...read, testCasesUnread: true }, QATECH_WORDS)).toBe(
      "The baseline run's per-test results could not be read."
    )
    expect(whyNotComparable(qatechRun([]), QATECH_WORDS)).toBe('QA.tech sent no per-test results for the baseline run.')
    expect(whyNotComparable(qatechRun([{ name: 'A', result: null }], 'RUNNING'), QATECH_WORDS)).toBe(
      'The baseline run has not finished.'
    )
  })
})
