/**
 * The provider-neutral run and result model. Each service maps its API onto it; the poller, the
 * verdict and every report read only this. Strings that come from a service (names, summaries,
 * status words) are untrusted and kept as the service sent them: each report escapes them for
 * its own medium.
 */

/** Where a run is, as far as waiting is concerned. */
export type Phase = 'pending' | 'running' | 'finished'

/**
 * What a finished run means. `unknown` is a finished run whose result this action does not know:
 * it never passes.
 */
export type Verdict = 'passed' | 'failed' | 'skipped' | 'errored' | 'cancelled' | 'unknown'

/** One test case's result; `pending` has not finished (yet). */
export type TestVerdict = 'passed' | 'failed' | 'skipped' | 'errored' | 'pending'

/** Whose fault a failure likely is, as far as the service can tell. */
export type CauseKind = 'product' | 'agent' | 'platform' | 'other'

export interface Cause {
  readonly kind: CauseKind
  /** The service's own code, e.g. `AGENT_STUCK`. */
  readonly code: string
}

export interface TestCaseResult {
  readonly name: string
  /**
   * The service's id of the test itself, the same in every run of it, by which a pull request's
   * run is compared with its base branch's (verdict/baseline.ts); undefined where the service
   * gives none (then the name is compared). Never a result's own id: a run's results are new each
   * time. QA.tech: the test case's `projectTestCaseId`, where its answer has one (see
   * qatech/run-report.ts); tester.army: the run's `testId`, the saved test it ran.
   */
  readonly testId?: string
  readonly verdict: TestVerdict
  /** The service's own result word when it is none of ours, shown as it is. */
  readonly resultWord?: string
  /** One line: what happened. */
  readonly summary?: string
  /** Longer texts for a failure, in the order they are shown ("Goal", "Evaluation"). */
  readonly details: readonly { readonly label: string; readonly text: string }[]
  /** The test result's page. */
  readonly url?: string
  readonly cause?: Cause
  readonly durationMs?: number
  /** Further pages: screenshots, recordings. */
  readonly links?: readonly Link[]
  /** It failed on an earlier attempt of this step and passed on a later one. */
  readonly flaky?: boolean
  /** What earlier attempts of this step said when it failed there, oldest first. */
  readonly earlierFailures?: readonly { readonly summary?: string; readonly code?: string }[]
  /**
   * Set on a failed test case once the run was compared with its base branch's (the baseline):
   * `known` when the same test failed in the baseline run too, so the pull request did not cause
   * it; `new` when it passed, was skipped, errored or did not run there. Unset when nothing was
   * compared.
   */
  readonly baseline?: BaselineMark
}

/** A failure of the pull request's own (`new`), or one its base branch already has (`known`). */
export type BaselineMark = 'new' | 'known'

export interface Link {
  readonly label: string
  readonly url: string
}

export interface Issue {
  readonly title: string
  readonly severity: string
  /** The kind of issue, e.g. `ACCESSIBILITY`; reports group by it. */
  readonly type: string
  readonly description?: string
  readonly helpUrl?: string
  readonly testCaseNames: readonly string[]
  /** Longer texts ("Steps to reproduce", "Expected", "Actual"), in the order they are shown. */
  readonly details?: readonly { readonly label: string; readonly text: string }[]
  /** Screenshots and other pages. */
  readonly links?: readonly Link[]
}

/** What is known of a run at one moment: after a poll, or at the end. */
export interface RunReport {
  readonly phase: Phase
  /** The service's own status word ("RUNNING", "COMPLETED"), for the log and outputs. */
  readonly status: string
  /** False for a status word this action does not know: the wait goes on, with one warning. */
  readonly statusKnown: boolean
  /** The service's own result word ("PASSED"), or '' when it has none. */
  readonly result: string
  /** Set once the phase is `finished`. */
  readonly verdict?: Verdict
  /**
   * The service's sentence for a verdict that shared code cannot word on its own (errored,
   * cancelled, skipped, unknown), e.g. "QA.tech could not complete QA.tech run r1 (status ERROR)."
   */
  readonly verdictNote?: string
  readonly testCases: readonly TestCaseResult[]
  readonly issues: readonly Issue[]
  /** The answer as the service sent it, for the results file. */
  readonly raw: unknown
  /** Why the per-test details are missing, when the final fetch of them failed. */
  readonly detailsMissing?: string
  /** True when this answer carries no per-test results at all (a status-only poll). */
  readonly testCasesUnread?: boolean
  /** How long the run took, when the service says. */
  readonly durationMs?: number
  /** What the service's agent wrote (a change review), shown under the summary's heading. */
  readonly narrative?: Narrative
}

/** Text an agent wrote for people to read: untrusted markdown, rendered through report/agent-markdown.ts. */
export interface Narrative {
  /** What the text is, as a heading: "Review by QA.tech", or "… (unfinished)". */
  readonly title: string
  readonly markdown: string
}

/** A run the service has started. */
export interface StartedRun {
  /** The id the service polls by. */
  readonly id: string
  /** How the log names the run: "QA.tech run r001sbx". */
  readonly label: string
  /** The run's page. */
  readonly url: string
  /**
   * Where the commit status links when the run has no page (`url` is empty): an address that
   * names the run, which `Service.runIdFromUrl` reads back from a base branch's status.
   */
  readonly statusUrl?: string
  /** Known before the run ends, when the service says so. */
  readonly testCount?: number
  /** What was run, for the summary: e.g. the test plan's name. */
  readonly plan?: { readonly label: string; readonly name: string }
  /** The URLs under test, never with a secret in them. */
  readonly testedUrls: readonly string[]
  /** What the service answered, for the results file. */
  readonly record: unknown
  /** A file-name-safe id for files written about this run. */
  readonly fileId: string
}

/**
 * How many test cases passed, failed and neither. Undefined is unknown — the per-test results were
 * not read (a run of many test cases polled by status only, details that could not be fetched),
 * the service listed none of the test cases it announced, or they contradict the verdict — and is
 * never shown as a number.
 */
export interface Counts {
  /** The number of test cases: counted, or announced by the service at the start. */
  readonly total?: number
  readonly passed?: number
  readonly failed?: number
  /** Skipped, errored or unfinished: everything that neither passed nor failed (`total` in all). */
  readonly skipped?: number
  /** Of `skipped`: the test cases that ended in an error (or a result word this action does not know). */
  readonly errored?: number
  /** Of `skipped`: the test cases that had not finished. */
  readonly unfinished?: number
  /** Passed only on a retry after failing (counted in `passed` too). */
  readonly flaky?: number
}

/**
 * Counts from a report's test cases. A report without per-test results gives only the number of
 * test cases: those it lists (earlier attempts of a rerun included), or the number the service
 * announced at the start. A finished run that lists none of the test cases it announced is not
 * counted either: "0 passed, 3 skipped" would be a guess that contradicts a pass.
 */
export function countTestCases(report: RunReport | undefined, testCount: number | undefined): Counts {
  const testCases = report?.testCases ?? []
  const onlyTotal = (): Counts => {
    const total = testCases.length > 0 ? testCases.length : testCount
    return total === undefined ? {} : { total }
  }
  // A status-only answer: whatever test cases the report holds are an earlier attempt's.
  if (report === undefined || report.testCasesUnread === true) return onlyTotal()
  if (testCases.length === 0 && (report.detailsMissing !== undefined || (testCount ?? 0) > 0)) return onlyTotal()
  const count = (verdict: TestCaseResult['verdict']) =>
    testCases.filter(testCase => testCase.verdict === verdict).length
  const passed = count('passed')
  const failed = count('failed')
  const errored = count('errored')
  const unfinished = count('pending')
  const flaky = testCases.filter(testCase => testCase.flaky === true).length
  return {
    passed,
    failed,
    skipped: testCases.length - passed - failed,
    total: testCases.length,
    ...(errored > 0 ? { errored } : {}),
    ...(unfinished > 0 ? { unfinished } : {}),
    ...(flaky > 0 ? { flaky } : {})
  }
}

export type OutcomeKind = Verdict | 'timed-out' | 'interrupted'

/** What the wait means for the check (decided in verdict/outcome.ts): the outputs, pass or fail, and the one line that says why. */
export interface Outcome {
  readonly kind: OutcomeKind
  readonly succeeded: boolean
  /** `run_status`: the service's status, or TIMED_OUT when the wait ended first. */
  readonly status: string
  /** `run_result`: the service's result for a completed run, else empty. */
  readonly result: string
  readonly counts: Counts
  /** The line for the log and the failed step. */
  readonly message: string
  /** A warning for a step that passes with a caveat (skipped). */
  readonly warning?: string
  /** The step cancelled the remote run (after a workflow cancel or at the deadline). */
  readonly runCancelled?: boolean
  /**
   * The run's failures compared with the base branch's (verdict/baseline.ts): set on a failed
   * run whose baseline was read, undefined when nothing was compared. `counts.failed` still counts
   * every failure; `succeeded` is true when `fail_on: new` and every failure is known (`kind`
   * stays `failed`: the tests did fail).
   */
  readonly baseline?: OutcomeBaseline
}

/** What a failed run was compared with, and what came of it. */
export interface OutcomeBaseline {
  /** The base branch, as the pull request names it (untrusted). */
  readonly branch: string
  /** The base branch's commit whose status named the baseline run. */
  readonly commitSha: string
  /** The baseline run's page, when its status linked to one. */
  readonly runUrl: string | undefined
  /** Failed test cases that did not fail in the baseline run. */
  readonly newFailed: number
  /** Failed test cases that failed in the baseline run too. */
  readonly knownFailed: number
}
