import * as core from '@actions/core'
import type { Outcome } from '../service/model.js'
import { redactSecrets } from '../util/secrets.js'
import type { Reporter, ReportContext } from './reporter.js'

/** Sets the step outputs the service names: what was started, then the outcome. */
export function outputsReporter({ service, settings }: ReportContext): Reporter {
  // The values come from the service's answers, which may quote a secret back.
  const set = (outputs: Record<string, string>) => {
    for (const [name, value] of Object.entries(redactSecrets(outputs, settings.secrets))) core.setOutput(name, value)
  }
  return {
    what: 'the step outputs to GITHUB_OUTPUT',
    started: run => set(service.outputs.started(run)),
    finished: (_run, ending) => {
      if (ending.kind === 'waited') set(service.outputs.finished(ending.outcome, ending.report))
    }
  }
}

/**
 * The outputs of the actions with `fail_on` (QA.tech test plans, tester.army): what came of
 * comparing a failed run with its base branch's. Each of those actions' names spread this
 * constant, and its outputs' `finished` spreads `baselineOutputs`.
 */
export const BaselineOutputs = {
  /** Failures the base branch's run does not have; empty when nothing was compared. */
  NewFailedCount: 'new_failed_count',
  /** Failures the base branch's run has too; empty when nothing was compared. */
  KnownFailedCount: 'known_failed_count',
  /** The base branch's run the failures were compared with; empty when nothing was compared. */
  BaselineRunUrl: 'baseline_run_url'
} as const

/** The baseline outputs of an outcome: empty, never a made-up 0, when no baseline was read. */
export function baselineOutputs(outcome: Outcome): Record<string, string> {
  const compared = outcome.baseline
  return {
    [BaselineOutputs.NewFailedCount]: compared === undefined ? '' : String(compared.newFailed),
    [BaselineOutputs.KnownFailedCount]: compared === undefined ? '' : String(compared.knownFailed),
    [BaselineOutputs.BaselineRunUrl]: compared?.runUrl ?? ''
  }
}
