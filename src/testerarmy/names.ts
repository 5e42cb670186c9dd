import { BaselineInputs, CommonInputs } from '../inputs/common-settings.js'
import { CommonOutputs } from '../report/common-outputs.js'
import { BaselineOutputs } from '../report/outputs.js'

/**
 * Input names, exactly as in tester-army/action.yml: this action's own, those every action has,
 * and the baseline inputs (its runs have per-test results to compare with the base branch's).
 */
export const Inputs = {
  ApiKey: 'api_key',
  ApiUrl: 'api_url',
  Prompt: 'prompt',
  TestId: 'test_id',
  GroupId: 'group_id',
  ProjectId: 'project_id',
  TargetUrl: 'target_url',
  VercelBypassSecret: 'vercel_bypass_secret',
  WebhookUrl: 'webhook_url',
  CancelOnAbort: 'cancel_on_abort',
  ...CommonInputs,
  ...BaselineInputs
} as const

/**
 * The inputs of tester.army's own action (`tester-army/github-action`), declared with a
 * deprecation message so that a workflow that changes only `uses:` keeps working where it can.
 */
export const LegacyInputs = {
  ApiKey: 'api-key',
  VercelBypassToken: 'vercel-bypass-token',
  TimeoutMs: 'timeout',
  FailOnError: 'fail-on-error',
  CredentialsEmail: 'credentials-email',
  CredentialsPassword: 'credentials-password'
} as const

/**
 * Output names, exactly as in tester-army/action.yml: this action's own, those of the comparison
 * with the base branch, then those every action sets.
 */
export const Outputs = {
  RunId: 'run_id',
  RunIds: 'run_ids',
  BatchId: 'batch_id',
  RunStatus: 'run_status',
  Result: 'result',
  PassedCount: 'passed_count',
  FailedCount: 'failed_count',
  IssueCount: 'issue_count',
  ...BaselineOutputs,
  ...CommonOutputs
} as const

/** tester.army's API, as its OpenAPI file names the server (`/api`) plus the version. */
export const DEFAULT_API_URL = 'https://tester.army/api/v1'
