import { CommonInputs } from '../inputs/common-settings.js'

/** Input names, exactly as in the root action.yml. */
export const Inputs = {
  ApiToken: 'api_token',
  ApiUrl: 'api_url',
  ProjectShortId: 'project_short_id',
  ProjectId: 'project_id',
  TestPlanShortId: 'test_plan_short_id',
  TestPlanShortIds: 'test_plan_short_ids',
  TestCaseIds: 'test_case_ids',
  ApplicationsConfig: 'applications_config',
  ApplicationShortId: 'application_short_id',
  EnvironmentUrl: 'environment_url',
  EnvironmentName: 'environment_name',
  EnvironmentShortId: 'environment_short_id',
  DevicePresetShortId: 'device_preset_short_id',
  VercelBypassSecret: 'vercel_bypass_secret',
  NotificationsConfig: 'notifications_config',
  FailOnSkipped: 'fail_on_skipped',
  ...CommonInputs
} as const

/** Output names, exactly as in action.yml. */
export const Outputs = {
  RunCreated: 'run_created',
  RunId: 'run_id',
  RunShortId: 'run_short_id',
  RunUrl: 'run_url',
  TestCount: 'test_count',
  TestPlanShortId: 'test_plan_short_id',
  TestPlanShortIds: 'test_plan_short_ids',
  TestPlanName: 'test_plan_name',
  RunStatus: 'run_status',
  RunResult: 'run_result',
  PassedCount: 'passed_count',
  FailedCount: 'failed_count',
  SkippedCount: 'skipped_count',
  FlakyCount: 'flaky_count',
  ResultsFile: 'results_file'
} as const

export const DEFAULT_API_URL = 'https://api.qa.tech'
