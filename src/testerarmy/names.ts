import { CommonInputs } from '../inputs/common-settings.js'
import { CommonOutputs } from '../report/common-outputs.js'

/** Input names, exactly as in tester-army/action.yml: this action's own, then those every action has. */
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
  ...CommonInputs
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

/** Output names, exactly as in tester-army/action.yml: this action's own, then those every action sets. */
export const Outputs = {
  RunId: 'run_id',
  RunIds: 'run_ids',
  BatchId: 'batch_id',
  RunStatus: 'run_status',
  Result: 'result',
  PassedCount: 'passed_count',
  FailedCount: 'failed_count',
  IssueCount: 'issue_count',
  ...CommonOutputs
} as const

/** tester.army's API, as its OpenAPI file names the server (`/api`) plus the version. */
export const DEFAULT_API_URL = 'https://tester.army/api/v1'
