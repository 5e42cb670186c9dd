import * as core from '@actions/core'
import type { StartedRun } from '../service/model.js'
import { inline } from '../util/untrusted-text.js'
import { log } from './log.js'
import { writeNoRunOutputs } from './no-run.js'
import type { Dependencies, Prepared } from './types.js'

/**
 * On "Re-run failed jobs" (GITHUB_RUN_ATTEMPT > 1) with `rerun: failed`: the run this job's
 * previous attempt started in this workflow run (src/report/previous-run.ts says what counts as
 * that) gets only its failed, skipped and errored test cases rerun instead of the whole plan.
 * Undefined starts everything (and says why). `nothing-to-rerun` ends the step green without a
 * new run: the previous attempt's step passed (its comment says so, and the service is not asked).
 * A run the service finds nothing to rerun in comes back as it is, to wait for and report. Never
 * fails the step itself: the caller decides.
 */
export async function rerunOfPreviousAttempt(
  prepared: Prepared,
  deps: Dependencies,
  signal: AbortSignal
): Promise<StartedRun | 'nothing-to-rerun' | undefined> {
  const { settings, service, git, preview, event, octokit } = prepared
  const attempt = Number(deps.env.GITHUB_RUN_ATTEMPT ?? '1')
  if (!(attempt > 1) || settings.rerun !== 'failed' || !service.rerunFailed) return undefined
  const { findPreviousRun } = await import('../report/previous-run.js')
  const answer = await findPreviousRun({
    settings,
    action: service.action,
    git,
    env: deps.env,
    event,
    octokit,
    matrix: settings.jobMatrix,
    clock: deps.clock
  })
  const name = service.words.name
  if ('notFound' in answer) {
    core.notice(
      `Attempt ${attempt} of this workflow run: running everything, as the run of the previous attempt was not found. ${answer.notFound}`
    )
    return undefined
  }
  const found = answer.found
  const id = found.id ?? service.runIdFromUrl?.(found.url)
  if (found.verdict === 'passed') {
    core.notice(
      `Attempt ${attempt} of this workflow run: this step passed in attempt ${found.attempt} (${name} run ${inline(id ?? found.url)}), so there is nothing to rerun; no run was started.`
    )
    writeNoRunOutputs(service)
    return 'nothing-to-rerun'
  }
  if (id === undefined) {
    core.notice(
      `Attempt ${attempt}: the previous attempt's run (${inline(found.url)}) has no id this action can read; running everything.`
    )
    return undefined
  }
  log(
    `Attempt ${attempt} of this workflow run: rerunning only what failed in ${name} run ${inline(id)} (found through this job's pull-request comment of attempt ${found.attempt}).`
  )
  const next = await service.rerunFailed({ id, url: found.url }, { git, preview, event, octokit, signal })
  // A rerun runs the same plan, whether or not the service's answer names it: the commit status's
  // context names the plan and must stay the one branch protection requires.
  return next.plan === undefined && found.plan ? { ...next, plan: found.plan } : next
}
