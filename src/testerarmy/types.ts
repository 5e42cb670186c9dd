/**
 * tester.army's API shapes, as the action reads them. Every enum is open: a status, result or
 * type this action does not know is kept as a string, never a crash.
 */

/** `queued`, `running`, `completed`, `failed`, `cancelled`, or a word this action does not know. */
export type RunStatus = string

/** A run as `GET /v1/runs/{id}` returns it, read defensively. */
export interface RunState {
  readonly id: string
  readonly status: RunStatus
  readonly output: RunOutput
  /** Set when tester.army itself failed to run the test (`status: failed`). */
  readonly error: { readonly code: string; readonly message: string } | undefined
  readonly durationMs: number | undefined
  /** The answer as tester.army sent it, for the results file. */
  readonly raw: Record<string, unknown>
}

export type RunOutput =
  /** No output yet (queued, running), or none at all (failed, cancelled). */
  | { readonly kind: 'none' }
  /** What the test agent found. */
  | ({ readonly kind: 'test' } & TestOutput)
  /** The pull-request agent found nothing to test in the change. */
  | { readonly kind: 'planner-skipped'; readonly reason: string }
  /** An output of a shape this action does not know. */
  | { readonly kind: 'unknown' }

export interface TestOutput {
  readonly featureName: string
  /** `PASS` or `FAILED`, or a word this action does not know. */
  readonly result: string
  readonly description: string
  readonly issues: readonly RunIssue[]
  readonly screenshots: readonly string[]
  readonly steps: readonly RunStep[]
}

export interface RunIssue {
  /** `issue` (a confirmed bug) or `warning`. */
  readonly type: string
  readonly name: string
  readonly description: string
  /** The page where it happened. */
  readonly url: string | undefined
  /** 1 (minor) to 5 (critical). */
  readonly severity: number | undefined
  readonly reproductionSteps: readonly string[]
  readonly expectedBehavior: string | undefined
  readonly actualBehavior: string | undefined
  readonly screenshotUrl: string | undefined
}

export interface RunStep {
  readonly title: string
  /** `passed` or `failed`, or a word this action does not know. */
  readonly status: string
  readonly summary: string | undefined
  readonly error: string | undefined
  /** e.g. `VERCEL_BYPASS_REQUIRED`, `STEP_DEADLINE_EXHAUSTED`. */
  readonly errorCode: string | undefined
}

/** What a start answered, whichever endpoint it was: the runs to wait for. */
export interface StartAnswer {
  /** Every run started, in tester.army's order. */
  readonly runIds: readonly string[]
  /** Group runs only. */
  readonly batchId: string | undefined
  /** Group runs: runs tester.army cancelled at once (duplicates, the usage limit). */
  readonly cancelledRunIds: readonly string[]
  /** tester.army's report on its own GitHub integration, when it sent one (`not_configured`, …). */
  readonly githubStatus: string | undefined
  /** The answer as tester.army sent it, for the results file. */
  readonly raw: Record<string, unknown>
}
