import { BaselineInputs, CommonInputs, RerunInputs } from '../inputs/common-settings.js'
import { CommonOutputs } from '../report/common-outputs.js'
import { BaselineOutputs } from '../report/outputs.js'
import { QaTechInputs } from './shared/names.js'

/**
 * Input names, exactly as in the root action.yml: those of both QA.tech actions, this action's
 * own, those every action has, the rerun inputs (QA.tech reruns what failed) and the baseline
 * inputs (its runs have per-test results to compare with the base branch's).
 */
export const Inputs = {
  ...QaTechInputs,
  ProjectId: 'project_id',
  TestPlanShortId: 'test_plan_short_id',
  TestPlanShortIds: 'test_plan_short_ids',
  TestCaseIds: 'test_case_ids',
  NotificationsConfig: 'notifications_config',
  FailOnSkipped: 'fail_on_skipped',
  ...CommonInputs,
  ...RerunInputs,
  ...BaselineInputs
} as const

/**
 * Output names, exactly as in action.yml: this action's own, those of the comparison with the
 * base branch, then those every action sets.
 */
export const Outputs = {
  RunCreated: 'run_created',
  RunId: 'run_id',
  RunShortId: 'run_short_id',
  RunUrl: 'run_url',
  TestCount: 'test_count',
  TestPlanShortId: 'test_plan_short_id',
  TestPlanName: 'test_plan_name',
  RunStatus: 'run_status',
  RunResult: 'run_result',
  PassedCount: 'passed_count',
  FailedCount: 'failed_count',
  SkippedCount: 'skipped_count',
  FlakyCount: 'flaky_count',
  ...BaselineOutputs,
  ...CommonOutputs
} as const
