import * as core from '@actions/core'
import { CommonOutputs } from '../report/common-outputs.js'
import { writeNoRunSummary } from '../report/job-summary.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { failed, type StepEnd } from './end.js'
import { log, warn } from './log.js'
import { writeNoRunOutputs } from './no-run.js'
import type { Dependencies, Prepared } from './types.js'

/**
 * Asks each site under test whether it answers before a run is spent on it. The preflight's code
 * is loaded only when it is on and there is a site to check. Returns the line for the summary
 * (none when nothing was checked), or the step's end: a site that is not ready or is protected,
 * or a cancel during the wait, ends it with no run started.
 */
export async function checkSites(
  prepared: Prepared,
  deps: Dependencies,
  signal: AbortSignal
): Promise<{ readonly preflightLine?: string } | StepEnd> {
  const { settings, service, git, preview, event } = prepared
  const setOutputs = (status: string, seconds?: number): { preflightLine?: string } => {
    try {
      core.setOutput(CommonOutputs.PreflightStatus, status)
      core.setOutput(CommonOutputs.PreflightSeconds, seconds === undefined ? '' : String(seconds))
    } catch (error) {
      warn(`Could not write the preflight outputs to GITHUB_OUTPUT: ${inline(messageOf(error))}`)
    }
    return {}
  }
  if (settings.preflight === 'off') return setOutputs('off')
  const targets = service.preflightTargets?.({ git, preview, event }) ?? []
  if (targets.length === 0) return setOutputs('skipped')

  const { runPreflight } = await import('../preflight/preflight.js')
  const result = await runPreflight({
    targets,
    mode: settings.preflight,
    timeoutMs: settings.preflightTimeoutSeconds * 1000,
    clock: deps.clock,
    signal,
    log,
    warn,
    serviceName: service.words.name
  })
  setOutputs(result.status === 'cancelled' ? 'not-ready' : result.status, result.seconds)
  if (result.stop === undefined) return { preflightLine: result.line }

  writeNoRunOutputs(service)
  const heading =
    result.status === 'cancelled'
      ? `🛑 ${service.words.name}: the workflow was cancelled before a run was started`
      : result.status === 'protected'
        ? `🔒 ${service.words.name}: the site is protected — no run was started`
        : `⏳ ${service.words.name}: the site did not answer — no run was started`
  if (settings.jobSummary) writeNoRunSummary(deps.env, heading, [result.stop])
  // After a cancel, a pending timer must not keep the process alive.
  return failed(result.stop, { exitNow: result.status === 'cancelled' })
}
