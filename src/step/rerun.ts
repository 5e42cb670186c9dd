import * as core from '@actions/core'
import type { StartedRun } from '../service/model.js'
import { inline } from '../util/untrusted-text.js'
import { log } from './log.js'
import type { Dependencies, Prepared } from './types.js'

/**
 * On "Re-run failed jobs" (GITHUB_RUN_ATTEMPT > 1) with `rerun: failed`: the run the previous
 * attempt started, found through its commit status or comment, gets only its failed, skipped and
 * errored test cases rerun instead of the whole plan. Undefined starts everything (and says why);
 * `nothing-to-rerun` ends the step green: the previous attempt had no failures.
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
    words: service.words,
    git,
    env: deps.env,
    event,
    octokit,
    matrix: settings.jobMatrix,
    clock: deps.clock,
    ...(service.runIdFromUrl ? { runIdFromUrl: (url: string) => service.runIdFromUrl?.(url) } : {})
  })
  const name = service.words.name
  if ('notFound' in answer) {
    core.notice(
      `Attempt ${attempt} of this workflow run: running everything, as the run of the previous attempt was not found. ${answer.notFound}`
    )
    return undefined
  }
  const id = answer.found.id ?? service.runIdFromUrl?.(answer.found.url)
  if (id === undefined) {
    core.notice(
      `Attempt ${attempt}: the previous attempt's run (${inline(answer.found.url)}) has no id this action can read; running everything.`
    )
    return undefined
  }
  log(
    `Attempt ${attempt} of this workflow run: rerunning only what failed in ${name} run ${inline(id)} (found through its ${answer.found.source}).`
  )
  const next = await service.rerunFailed({ id, url: answer.found.url }, { git, preview, event, octokit, signal })
  if (next === 'nothing-to-rerun') {
    core.notice(
      `The previous attempt's ${name} run ${inline(id)} had no failed, skipped or errored test cases: nothing to rerun.`
    )
    for (const [output, value] of Object.entries(service.outputs.none())) core.setOutput(output, value)
  }
  return next
}
