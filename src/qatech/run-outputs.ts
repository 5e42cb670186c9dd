import { baselineOutputs } from '../report/outputs.js'
import type { StartedRun } from '../service/model.js'
import type { ServiceOutputs } from '../service/service.js'
import { asRecord } from '../util/records.js'
import { Outputs } from './names.js'

/**
 * The run action's outputs, from the started run and the outcome alone. QA.tech's own ids of the
 * run and its plan are read from the started run's record: QA.tech's answer to the start
 * (run-report.ts `toStartedRun`), as the step handed it back.
 */
export const runOutputs: ServiceOutputs = {
  none: () => ({ [Outputs.RunCreated]: 'false' }),
  started: run => {
    const answer = startAnswerOf(run)
    return {
      [Outputs.RunCreated]: 'true',
      [Outputs.RunId]: answer.id,
      [Outputs.RunShortId]: run.id,
      [Outputs.RunUrl]: run.url,
      [Outputs.TestCount]: run.testCount === undefined ? '' : String(run.testCount),
      [Outputs.TestPlanShortId]: answer.testPlanShortId,
      [Outputs.TestPlanName]: answer.testPlanName
    }
  },
  finished: outcome => ({
    [Outputs.RunStatus]: outcome.status,
    [Outputs.RunResult]: outcome.result,
    // Every attempt's test cases, so that the counts add up after retry_failed: the start
    // set the count the last run announced, which for a rerun is only what it reran.
    [Outputs.TestCount]: outcome.counts.total?.toString() ?? '',
    // Unknown counts are empty, never a made-up 0.
    [Outputs.PassedCount]: outcome.counts.passed?.toString() ?? '',
    [Outputs.FailedCount]: outcome.counts.failed?.toString() ?? '',
    [Outputs.SkippedCount]: outcome.counts.skipped?.toString() ?? '',
    [Outputs.FlakyCount]: outcome.counts.passed === undefined ? '' : String(outcome.counts.flaky ?? 0),
    ...baselineOutputs(outcome)
  })
}

/** QA.tech's run id and test plan from the record; empty where its answer had none. */
function startAnswerOf(run: StartedRun): { id: string; testPlanShortId: string; testPlanName: string } {
  const answer = asRecord(run.record)
  const plan = asRecord(answer.testPlan)
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return { id: text(answer.id), testPlanShortId: text(plan.shortId), testPlanName: text(plan.name) }
}
