import { createReporters } from '../report/registry.js'
import { notifyReporters } from '../report/reporter.js'
import type { StartedRun } from '../service/model.js'
import { redactSecrets } from '../util/secrets.js'
import { CancelledError, untilCancelled } from '../wait/cancellation.js'
import { mayHaveStarted } from '../http/start-retry.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { failed, passed, type StepEnd } from './end.js'
import { rerunOfPreviousAttempt } from './rerun.js'
import type { Dependencies, Prepared, Started } from './types.js'

/**
 * The runner sends SIGTERM 7.5 s after SIGINT: a start request already on its way gets 5 s of
 * it, in real time, to answer, so that a run that exists is reported with its link.
 */
const START_GRACE_MS = 5_000

/**
 * Starts the run, once. A cancel while the start request is on its way waits a few seconds for
 * its answer: a run that exists is reported with its link before the step ends.
 */
export async function start(prepared: Prepared, deps: Dependencies, signal: AbortSignal): Promise<Started | StepEnd> {
  const { service, git, preview, event, octokit } = prepared
  if (signal.aborted) throw new CancelledError()
  const rerun = await rerunOfPreviousAttempt(prepared, deps, signal)
  if (rerun === 'nothing-to-rerun') return passed()
  // Whether the start request went out: a cancel before it started nothing, whatever is still pending.
  let sent = false
  const sending = () => {
    sent = true
  }
  const starting = rerun ? Promise.resolve(rerun) : service.start({ git, preview, event, octokit, signal, sending })
  let answer: StartedRun
  try {
    answer = await untilCancelled(starting, signal)
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error
    const late = await withinGrace(starting)
    if (late === 'not-started') throw new CancelledError()
    // Still preparing (a GitHub look-up, say) when the grace ran out: the request never went out.
    if (late === 'no-answer' && !sent) throw new CancelledError()
    if (late === 'no-answer') {
      return failed(
        `The workflow was cancelled while the run was being started, and ${service.words.name} did not answer within ${START_GRACE_MS / 1000} s: it may have started the run; look for it in ${service.words.name}.`,
        { exitNow: true }
      )
    }
    if ('failedAfterSending' in late) {
      // The service's own sentence says that the run may exist and where to look for it.
      return failed(
        `The workflow was cancelled while the run was being started: ${inline(messageOf(late.failedAfterSending))}`,
        { exitNow: true }
      )
    }
    const started = await begin(prepared, deps, late)
    await notifyReporters(started.reporters, reporter => reporter.started?.(started.run))
    const { finish } = await import('./finish.js')
    return finish(started, deps, { kind: 'interrupted', during: 'start', waitedMs: 0, last: undefined })
  }
  const started = await begin(prepared, deps, answer)
  await notifyReporters(started.reporters, reporter => reporter.started?.(started.run))
  return started
}

/** The run's answer, scrubbed, and the reporters that will tell of it. */
async function begin(prepared: Prepared, deps: Dependencies, answer: StartedRun): Promise<Started> {
  const { service, settings, git, event, octokit, preflightLine } = prepared
  // The start's answer is the service's text too: a key quoted in a URL or a name is scrubbed.
  const run = redactSecrets(answer, settings.secrets)
  const context = { service, settings, git, env: deps.env, event, octokit, ...(preflightLine ? { preflightLine } : {}) }
  const reporters = await createReporters(context, deps.clock)
  return { ...prepared, run, reporters }
}

/**
 * The start's answer if it comes within the grace; `not-started` when the service stopped before
 * sending the start or failed in a way that started nothing, `failedAfterSending` when it failed
 * in a way that may have started the run (a 5xx, a reset), `no-answer` when the grace ran out.
 */
async function withinGrace(
  starting: Promise<StartedRun>
): Promise<StartedRun | 'not-started' | 'no-answer' | { readonly failedAfterSending: unknown }> {
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<'no-answer'>(resolve => {
    timer = setTimeout(() => resolve('no-answer'), START_GRACE_MS)
  })
  const failure = (error: unknown) =>
    error instanceof CancelledError || !mayHaveStarted(error) ? ('not-started' as const) : { failedAfterSending: error }
  try {
    return await Promise.race([starting.catch(failure), grace])
  } finally {
    clearTimeout(timer)
  }
}
