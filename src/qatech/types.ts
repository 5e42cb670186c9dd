/**
 * Request and response shapes of QA.tech's test-plan runs (https://api.qa.tech/v1/run), as
 * documented in its OpenAPI file and API reference; those the change review sends too are in
 * shared/types.ts. Responses are read defensively: the API may add fields, and enum-like strings
 * are kept open so a new value never breaks the action.
 */
import type { ApplicationOverride, GitHubTriggerFields } from './shared/types.js'

export type NotifyOn = 'always' | 'failure'

export interface NotificationOverride {
  readonly type: 'slack'
  readonly channel: string
  readonly notifyOn?: NotifyOn
}

/** Body of `POST /v1/run`. Only fields with values are sent. */
export interface StartRunRequest extends GitHubTriggerFields {
  readonly trigger: 'GITHUB'
  readonly projectShortId?: string
  readonly testPlanShortId?: string
  readonly testCaseIds?: readonly string[]
  readonly applications?: readonly ApplicationOverride[]
  readonly notifications?: readonly NotificationOverride[]
}

export interface StartedRun {
  readonly id: string
  readonly shortId: string
  readonly url: string
  readonly testCount: number | undefined
  readonly testPlan: { readonly name: string; readonly shortId: string } | undefined
}

export type RunStatus = 'INITIATED' | 'RUNNING' | 'COMPLETED' | 'ERROR' | 'CANCELLED' | (string & {})
export type RunResult = 'PASSED' | 'FAILED' | 'SKIPPED' | (string & {})

export interface RunTestCase {
  /** This result's own id, new in every run. */
  readonly id: string
  /** This result's short id (its page is /results/test/<shortId>), new in every run. */
  readonly shortId: string
  /**
   * The test itself, the same in every run of it (what a rerun's `projectTestCaseIds` takes):
   * documented for the run-test-case answer, read from GET /v1/run where it has it.
   */
  readonly projectTestCaseId?: string
  readonly name: string
  readonly status: string
  readonly result: RunResult | null
  readonly resultTitle: string | null
  readonly evaluationThought: string | null
  readonly errorCode: string | null
  readonly classification: string | null
  readonly promptGoal: string | null
  readonly promptExamples: string | null
  /** A link to the test's result page, where the API gives one. */
  readonly url: string | null
  /** How long the test case took, where the API says (documented for run-test-case only). */
  readonly durationMs?: number
}

export interface RunIssue {
  readonly shortId: string
  readonly title: string
  readonly description: string | null
  readonly severity: string
  readonly issueType: string
  readonly helpUrl: string | null
  readonly testCases: readonly { readonly shortId: string; readonly name: string }[]
}

/** `GET /v1/run/{shortId}`, normalised. */
export interface RunState {
  readonly id: string
  readonly shortId: string
  readonly status: RunStatus
  readonly result: RunResult | null
  readonly runTestCases: readonly RunTestCase[]
  readonly issues: readonly RunIssue[]
  /** The response as QA.tech sent it, for the results file. */
  readonly raw: unknown
}
