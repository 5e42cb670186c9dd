import type { CommonSettings } from '../inputs/common-settings.js'
import { notifyReporters } from '../report/reporter.js'
import type { Link, StartedRun } from '../service/model.js'
import type { Service } from '../service/service.js'
import { messageOf } from '../util/errors.js'
import { redactSecrets } from '../util/secrets.js'
import { inline } from '../util/untrusted-text.js'
import { mergeAttempts } from '../verdict/attempts.js'
import { decideOutcome } from '../verdict/outcome.js'
import { CancelledError, untilCancelled } from '../wait/cancellation.js'
import { waitForRun, type WaitOutcome } from '../wait/poller.js'
import { failed, passed, type StepEnd } from './end.js'
import { log, warn } from './log.js'
import type { Dependencies, Started } from './types.js'

/**
 * Waiting and its verdict, loaded only when the step waits: a step with `blocking: false` starts
 * and ends without this code.
 */

/** The cancel request to the service, within the runner's grace after a cancel. */
const CANCEL_TIMEOUT_MS = 5_000

export async function waitAndReport(started: Started, deps: Dependencies, signal: AbortSignal): Promise<StepEnd> {
  const { settings, service, reporters, deadline } = started
  if (!settings.blocking) {
    await notifyReporters(reporters, reporter => reporter.finished?.(started.run, { kind: 'not-waiting' }))
    return passed()
  }
  const waitFor = (run: StartedRun) =>
    waitForRun({
      service,
      run,
      timeoutMs: Math.max(0, deadline - deps.clock.now()),
      maxIntervalMs: settings.pollIntervalSeconds * 1000,
      clock: deps.clock,
      signal,
      log,
      warn
    }).catch(async (error: unknown) => {
      // A run was started: the reports say so, whatever ended the wait.
      await notifyReporters(reporters, reporter => reporter.stopped?.(run, messageOf(error)))
      throw error
    })

  let run = started.run
  const waitStartedAt = deps.clock.now()
  let wait = await waitFor(run)
  const earlierAttempts: Link[] = []
  // retry_failed: AI agents miss sometimes; a failed run's failures get up to N more tries.
  for (let retry = 1; retry <= settings.retryFailed && service.rerunFailed; retry += 1) {
    if (wait.kind !== 'finished' || wait.report.verdict !== 'failed' || deps.clock.now() >= deadline) break
    const { git, preview, event, octokit } = started
    let next: StartedRun
    try {
      next = await untilCancelled(service.rerunFailed(run, { git, preview, event, octokit, signal }), signal)
    } catch (error) {
      // The failed run is already known: a retry that cannot start leaves it the verdict.
      if (error instanceof CancelledError) {
        wait = { kind: 'interrupted', waitedMs: wait.waitedMs, last: wait.report }
      } else {
        warn(`Could not retry what failed in ${run.label}: ${inline(messageOf(error))}`)
      }
      break
    }
    // The same run back: nothing was rerun, so there is no further attempt to wait for.
    if (next.id === run.id) break
    log(`Retry ${retry} of ${settings.retryFailed}: ${next.label} reruns what failed in ${run.label}.`)
    earlierAttempts.push({ label: run.label, url: run.url })
    // A retry runs the same plan, whether or not the service's answer names it: the commit
    // status's context, which names the plan, stays the one branch protection and the base
    // branch's comparison know.
    run = redactSecrets(next.plan === undefined && run.plan ? { ...next, plan: run.plan } : next, settings.secrets)
    const current = run
    await notifyReporters(reporters, reporter => reporter.started?.(current))
    const earlier = wait.report
    const retried = await waitFor(run)
    wait =
      retried.kind === 'finished'
        ? { ...retried, report: mergeAttempts(earlier, retried.report) }
        : { ...retried, last: retried.last && mergeAttempts(earlier, retried.last) }
  }
  // Every attempt's wait counts: "waited" is the step's whole wait.
  return finish({ ...started, run }, deps, { ...wait, waitedMs: deps.clock.now() - waitStartedAt }, earlierAttempts)
}

/** Decides the outcome of a wait, reports it, and returns how the step ends. */
export async function finish(
  started: Started,
  deps: Dependencies,
  wait: WaitOutcome,
  earlierAttempts: readonly Link[] = []
): Promise<StepEnd> {
  const { settings, service, run, reporters } = started
  const runCancelled = wait.kind !== 'finished' && (await cancelRemoteRun(service, run, settings))
  // A service's text may quote a visited URL with the bypass secret: scrub it before any report.
  const reported = redactSecrets(wait, settings.secrets)
  const decided = {
    outcome: decideOutcome(reported, run, service.words, settings, runCancelled),
    report: reported.kind === 'finished' ? reported.report : reported.last
  }
  // fail_on: new compares the failures of the last attempt (retries merged in) with the base branch's run.
  const { outcome, report } =
    settings.failOn === 'new' && decided.outcome.kind === 'failed'
      ? await (await import('./baseline.js')).compareWithBaseline(started, deps, decided)
      : decided
  const ending = {
    kind: 'waited' as const,
    outcome,
    report,
    waitedMs: wait.waitedMs,
    ...(earlierAttempts.length > 0 ? { earlierAttempts } : {})
  }
  await notifyReporters(reporters, reporter => reporter.finished?.(run, ending))

  // After a cancel, the runner's grace is short: nothing may keep the process alive.
  if (wait.kind === 'interrupted') return failed(outcome.message, { exitNow: true })
  if (!outcome.succeeded) return failed(outcome.message)
  return passed(outcome.message, outcome.warning)
}

/** Stops the remote run where the service can and the user wants it; true when it did. */
async function cancelRemoteRun(service: Service, run: StartedRun, settings: CommonSettings): Promise<boolean> {
  if (!service.cancel || !settings.cancelOnAbort) return false
  try {
    if ((await service.cancel(run, { timeoutMs: CANCEL_TIMEOUT_MS })) === 'already-finished') return false
    log(`${service.words.cancelledRun ?? `Cancelled ${run.label}`}.`)
    return true
  } catch (error) {
    warn(`Could not cancel ${run.label}: ${inline(messageOf(error))}`)
    return false
  }
}
