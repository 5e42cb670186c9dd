import type { RunReport, TestCaseResult } from '../service/model.js'

/**
 * One report of several attempts: a run and the reruns of its failed, skipped and errored test
 * cases. A rerun holds only what it ran, so each of its test cases takes the place of the one of
 * the same name; the others keep their earlier result. A test case that failed before and passed
 * now is flaky; one that failed again keeps what the earlier attempts said. The verdict, status
 * and everything else are the latest attempt's. Pure.
 */
export function mergeAttempts(earlier: RunReport, latest: RunReport): RunReport {
  const rerun = new Map(latest.testCases.map(testCase => [testCase.name, testCase]))
  const seen = new Set<string>()
  const merged = earlier.testCases.map(before => {
    seen.add(before.name)
    const after = rerun.get(before.name)
    return after ? carryOver(before, after) : before
  })
  const added = latest.testCases.filter(testCase => !seen.has(testCase.name))
  return { ...latest, testCases: [...merged, ...added], issues: [...latest.issues] }
}

function carryOver(before: TestCaseResult, after: TestCaseResult): TestCaseResult {
  const failedBefore = before.verdict !== 'passed'
  const earlierFailures = failedBefore
    ? [...(before.earlierFailures ?? []), { summary: before.summary, code: before.cause?.code }]
    : (before.earlierFailures ?? [])
  const flaky = after.verdict === 'passed' && (failedBefore || before.flaky === true)
  return {
    ...after,
    ...(earlierFailures.length > 0 ? { earlierFailures: earlierFailures.map(withoutUndefinedFields) } : {}),
    ...(flaky ? { flaky: true } : {})
  }
}

function withoutUndefinedFields(failure: { summary?: string; code?: string }): { summary?: string; code?: string } {
  return Object.fromEntries(Object.entries(failure).filter(([, value]) => value !== undefined))
}
