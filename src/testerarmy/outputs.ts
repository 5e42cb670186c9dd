import { baselineOutputs } from '../report/outputs.js'
import type { StartedRun } from '../service/model.js'
import type { ServiceOutputs } from '../service/service.js'
import { asRecord } from '../util/records.js'
import { startedRunsOf } from './client.js'
import { Outputs } from './names.js'
import type { RunTarget } from './settings.js'

/**
 * tester.army's outputs, from the started run and the last report: the runs the start answered
 * (read from the run's record, tester.army's answer), then the outcome and the issues reported.
 */
export function testerArmyOutputs(mode: RunTarget['mode']): ServiceOutputs {
  return {
    none: () => ({}),
    started: run => {
      const { runIds, batchId } = runsOf(run, mode)
      return {
        [Outputs.RunId]: runIds.length === 1 ? (runIds[0] ?? '') : '',
        [Outputs.RunIds]: JSON.stringify(runIds),
        [Outputs.BatchId]: batchId ?? ''
      }
    },
    finished: (outcome, report) => ({
      [Outputs.RunStatus]: outcome.status,
      [Outputs.Result]: outcome.result,
      // An unknown count is an empty output, never a zero.
      [Outputs.PassedCount]: outcome.counts.passed === undefined ? '' : String(outcome.counts.passed),
      [Outputs.FailedCount]: outcome.counts.failed === undefined ? '' : String(outcome.counts.failed),
      [Outputs.IssueCount]: String(report?.issues.length ?? 0),
      ...baselineOutputs(outcome)
    })
  }
}

/** The tester.army runs of a started run: the batch's, or the run itself. */
export function runsOf(run: StartedRun, mode: RunTarget['mode']): { runIds: readonly string[]; batchId?: string } {
  return startedRunsOf(asRecord(run.record), mode) ?? { runIds: [run.id] }
}
