import * as core from '@actions/core'
import { writeNoRunSummary } from '../report/job-summary.js'
import { ActionError, messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { log, warn } from './log.js'
import type { Dependencies, Prepared } from './types.js'

/** The outputs every action sets about its preflight. */
const PreflightOutputs = { Status: 'preflight_status', Seconds: 'preflight_seconds' } as const

/**
 * Asks each site under test whether it answers before a run is spent on it. The preflight's code
 * is loaded only when it is on and there is a site to check. Returns the line for the summary,
 * or `stopped` when the step has ended (a cancel during the wait); a site that is not ready or
 * is protected ends the step with an ActionError, no run started.
 */
export async function checkSites(
  prepared: Prepared,
  deps: Dependencies,
  signal: AbortSignal
): Promise<string | 'stopped' | undefined> {
  const { settings, service, git, preview, event } = prepared
  const setOutputs = (status: string, seconds?: number): undefined => {
    try {
      core.setOutput(PreflightOutputs.Status, status)
      core.setOutput(PreflightOutputs.Seconds, seconds === undefined ? '' : String(seconds))
    } catch (error) {
      warn(`Could not write the preflight outputs to GITHUB_OUTPUT: ${inline(messageOf(error))}`)
    }
    return undefined
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
  if (result.stop === undefined) return result.line

  for (const [name, value] of Object.entries(service.outputs.none())) core.setOutput(name, value)
  const heading =
    result.status === 'cancelled'
      ? `🛑 ${service.words.name}: the workflow was cancelled before a run was started`
      : result.status === 'protected'
        ? `🔒 ${service.words.name}: the site is protected — no run was started`
        : `⏳ ${service.words.name}: the site did not answer — no run was started`
  if (settings.jobSummary) writeNoRunSummary(deps.env, heading, [result.stop])
  if (result.status !== 'cancelled') throw new ActionError(result.stop)
  // A pending timer must not keep the process alive after a cancel.
  core.setFailed(result.stop)
  deps.exit(1)
  return 'stopped'
}
