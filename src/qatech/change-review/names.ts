import { CommonInputs } from '../../inputs/common-settings.js'

/** Input names, exactly as in change-review/action.yml. */
export const Inputs = {
  ProjectShortId: 'project_short_id',
  ApiToken: 'api_token',
  ApiUrl: 'api_url',
  ApplicationsConfig: 'applications_config',
  Context: 'context',
  PrUrl: 'pr_url',
  ApplicationShortId: 'application_short_id',
  EnvironmentUrl: 'environment_url',
  EnvironmentName: 'environment_name',
  EnvironmentShortId: 'environment_short_id',
  DevicePresetShortId: 'device_preset_short_id',
  VercelBypassSecret: 'vercel_bypass_secret',
  GithubToken: CommonInputs.GithubToken,
  Blocking: CommonInputs.Blocking,
  TimeoutMinutes: CommonInputs.TimeoutMinutes,
  PollIntervalSeconds: CommonInputs.PollIntervalSeconds,
  JobSummary: CommonInputs.JobSummary,
  Preflight: CommonInputs.Preflight,
  PreflightTimeoutSeconds: CommonInputs.PreflightTimeoutSeconds,
  PrComment: CommonInputs.PrComment,
  CommentKey: CommonInputs.CommentKey,
  JobMatrix: CommonInputs.JobMatrix,
  CommitStatus: CommonInputs.CommitStatus,
  StatusContext: CommonInputs.StatusContext
} as const

/** Output names, exactly as in change-review/action.yml (and QAdottech/run-action/change-review). */
export const Outputs = {
  ChatCreated: 'chat_created',
  ChatShortId: 'chat_short_id',
  ChatUrl: 'chat_url',
  ChatStatus: 'chat_status',
  ChatResponse: 'chat_response'
} as const
