import * as core from '@actions/core'
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
