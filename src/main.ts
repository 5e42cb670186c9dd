import * as core from '@actions/core'
import { describePreviewUrl, readDeployment, type Preview } from './context/deployment.js'
import { readEventPayload, type EventPayload } from './context/event.js'
import { isDeletionPush, isForkPullRequest, resolveGitContext, type GitContext } from './context/git-context.js'
import { githubCommitMessageReader, withCommitMessage } from './github/commit-message.js'
import { lazyOctokit, type Octokit } from './github/octokit.js'
import type { CommonSettings } from './inputs/common-settings.js'
import { annotationsReporter } from './report/annotations.js'
import { jobSummaryReporter, writeNoRunSummary } from './report/job-summary.js'
import { logGitContext } from './report/log.js'
import { outputsReporter } from './report/outputs.js'
import { notifyReporters, type Reporter, type ReportContext } from './report/reporter.js'
import { resultsFileReporter } from './report/results-file.js'
import type { Link, StartedRun } from './service/model.js'
import type { ActionDefinition, Service } from './service/service.js'
import { systemClock, type Clock } from './util/clock.js'
import { ActionError, messageOf } from './util/errors.js'
import { maskSecretInputs, redactSecrets } from './util/secrets.js'
import { inline, quote } from './util/untrusted-text.js'
import { mergeAttempts } from './verdict/attempts.js'
import { decideOutcome } from './verdict/outcome.js'
import {
  CancelledError,
  processSignals,
  untilCancelled,
  watchCancellation,
  type CancelSource
} from './wait/cancellation.js'
import { waitForRun, type WaitOutcome } from './wait/poller.js'

/** What `run` needs from the outside world; tests give a virtual clock and their own cancel. */
export interface Dependencies {
  /** The runner's variables (GITHUB_*, RUNNER_TEMP). Inputs are read through `@actions/core`. */
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  /** Tells when the workflow is cancelled: SIGINT and SIGTERM in production. */
  readonly onCancel: CancelSource
  /** Ends the process at once: after a cancel, an open request must not keep it alive. */
  readonly exit: (code: number) => void
}

const defaultDependencies: Dependencies = {
  env: process.env,
  clock: systemClock,
  onCancel: processSignals,
  exit: code => process.exit(code)
}

const log = (message: string) => core.info(message)
const warn = (message: string) => core.warning(message)

/**
 * The runner sends SIGTERM 7.5 s after SIGINT: a start request already on its way gets 5 s of
 * it, in real time, to answer, so that a run that exists is reported with its link.
 */
const START_GRACE_MS = 5_000
/** The cancel request to the service, likewise within the runner's grace. */
const CANCEL_TIMEOUT_MS = 5_000

/** One action, start to end: the one place that decides whether the step passes. */
export async function run<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies = defaultDependencies
): Promise<void> {
  const cancellation = watchCancellation(deps.onCancel, log)
  const { signal } = cancellation
  let serviceName = 'the service'
  try {
    const prepared = await untilCancelled(prepare(action, deps), signal)
    if (prepared === undefined) return
    serviceName = prepared.service.words.name
    const preflight = await checkSites(prepared, deps, signal)
    if (preflight === 'stopped') return
    const started = await start({ ...prepared, preflightLine: preflight }, deps, signal)
    if (started !== undefined) await waitAndReport(started, deps, signal)
  } catch (error) {
    if (error instanceof CancelledError) {
      core.setFailed(`The workflow was cancelled before a run was started: no ${serviceName} run was started.`)
      return deps.exit(1)
    }
    if (error instanceof ActionError) {
      core.setFailed(error.message)
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      core.setFailed(`Unexpected error: ${inline(messageOf(error))}. Please report it with this log.`)
    }
  } finally {
    cancellation.stop()
  }
}

/** What the step knows before it starts anything. */
interface Prepared {
  readonly settings: CommonSettings
  readonly service: Service
  readonly git: GitContext
  readonly event: { readonly name: string; readonly payload: EventPayload }
  readonly preview: Preview | undefined
  readonly octokit: (() => Promise<Octokit>) | undefined
  /** The step's deadline on the clock. */
  readonly deadline: number
  /** What the preflight found, for the summary. */
  readonly preflightLine?: string
}

/** Reads the inputs and the event; undefined when the event gives nothing to test. */
async function prepare<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies
): Promise<Prepared | undefined> {
  const stepStartedAt = deps.clock.now()
  maskSecretInputs(action.secretInputs)
  const eventName = deps.env.GITHUB_EVENT_NAME ?? ''
  const payload = readEventPayload(deps.env.GITHUB_EVENT_PATH, warn)
  const settings = await action.parseSettings(name => core.getInput(name), {
    eventName,
    isForkPullRequest: isForkPullRequest(eventName, payload),
    isDependabot: (deps.env.GITHUB_ACTOR ?? '').startsWith('dependabot')
  })
  for (const notice of settings.notices ?? []) core.notice(notice)
  // timeout_minutes counts from the step's start and bounds every wait, the retries before the start included.
  const deadline = stepStartedAt + settings.timeoutMinutes * 60_000
  const service = action.createService(settings, { clock: deps.clock, deadline, log, warn })
  const name = service.words.name

  const deployment = readDeployment(eventName, payload, deps.env.GITHUB_SERVER_URL)
  if (deployment.kind === 'skip') {
    return skip(
      service,
      `The deployment's state is ${quote(deployment.state)}, not "success": ${name} tests a deployment once it has succeeded.`
    )
  }
  if (isDeletionPush(eventName, payload)) {
    return skip(service, 'This push deleted a branch or tag: there is no commit to test.')
  }

  const octokit = settings.githubToken ? lazyOctokit(settings.githubToken, deps.env.GITHUB_API_URL) : undefined
  const git = await withCommitMessage(
    resolveGitContext(eventName, payload, deps.env),
    githubCommitMessageReader(octokit),
    warn
  )
  logGitContext(eventName, git)

  const preview = deployment.kind === 'preview' ? deployment : undefined
  const line = preview && describePreviewUrl(preview, name)
  if (line) (line.level === 'warning' ? warn : log)(line.text)
  return { settings, service, git, event: { name: eventName, payload }, preview, octokit, deadline }
}

interface Started extends Prepared {
  readonly run: StartedRun
  readonly reporters: readonly Reporter[]
}

/**
 * Starts the run, once. A cancel while the start request is on its way waits a few seconds for
 * its answer: a run that exists is reported with its link before the step ends.
 */
async function start(prepared: Prepared, deps: Dependencies, signal: AbortSignal): Promise<Started | undefined> {
  const { service, git, preview, event, octokit } = prepared
  if (signal.aborted) throw new CancelledError()
  const rerun = await rerunOfPreviousAttempt(prepared, deps, signal)
  if (rerun === 'nothing-to-rerun') return undefined
  const starting = rerun ? Promise.resolve(rerun) : service.start({ git, preview, event, octokit, signal })
  let answer: StartedRun
  try {
    answer = await untilCancelled(starting, signal)
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error
    const late = await withinGrace(starting)
    if (late === 'not-started') throw new CancelledError()
    if (late === 'no-answer') {
      core.setFailed(
        `The workflow was cancelled while the run was being started, and ${service.words.name} did not answer within ${START_GRACE_MS / 1000} s: it may have started the run; look for it in ${service.words.name}.`
      )
      deps.exit(1)
      return undefined
    }
    const started = await begin(prepared, deps, late)
    await notifyReporters(started.reporters, reporter => reporter.started?.(started.run))
    await finish(started, deps, { kind: 'interrupted', during: 'start', waitedMs: 0, last: undefined })
    return undefined
  }
  const started = await begin(prepared, deps, answer)
  await notifyReporters(started.reporters, reporter => reporter.started?.(started.run))
  return started
}

/**
 * On "Re-run failed jobs" (GITHUB_RUN_ATTEMPT > 1) with `rerun: failed`: the run the previous
 * attempt started, found through its commit status or comment, gets only its failed, skipped and
 * errored test cases rerun instead of the whole plan. Undefined starts everything (and says why);
 * `nothing-to-rerun` ends the step green: the previous attempt had no failures.
 */
async function rerunOfPreviousAttempt(
  prepared: Prepared,
  deps: Dependencies,
  signal: AbortSignal
): Promise<StartedRun | 'nothing-to-rerun' | undefined> {
  const { settings, service, git, preview, event, octokit } = prepared
  const attempt = Number(deps.env.GITHUB_RUN_ATTEMPT ?? '1')
  if (!(attempt > 1) || settings.rerun !== 'failed' || !service.rerunFailed) return undefined
  const { findPreviousRun } = await import('./report/previous-run.js')
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
 * sending the start (or it failed), `no-answer` when the grace ran out.
 */
async function withinGrace(starting: Promise<StartedRun>): Promise<StartedRun | 'not-started' | 'no-answer'> {
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<'no-answer'>(resolve => {
    timer = setTimeout(() => resolve('no-answer'), START_GRACE_MS)
  })
  try {
    return await Promise.race([starting.catch(() => 'not-started' as const), grace])
  } finally {
    clearTimeout(timer)
  }
}

/** The outputs every action sets about its preflight. */
const PreflightOutputs = { Status: 'preflight_status', Seconds: 'preflight_seconds' } as const

/**
 * Asks each site under test whether it answers before a run is spent on it. The preflight's code
 * is loaded only when it is on and there is a site to check. Returns the line for the summary,
 * or `stopped` when the step has ended (a cancel during the wait); a site that is not ready or
 * is protected ends the step with an ActionError, no run started.
 */
async function checkSites(
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

  const { runPreflight } = await import('./preflight/preflight.js')
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

/**
 * Every report of a run, in the order they are written. The ones that call the GitHub API or
 * write report files are loaded only when their feature is on: a step that uses none of them
 * loads none of their code.
 */
async function createReporters(context: ReportContext, clock: Clock): Promise<Reporter[]> {
  const { settings } = context
  const reporters = [outputsReporter(context), resultsFileReporter(context), annotationsReporter(context)]
  if (settings.jobSummary) reporters.push(jobSummaryReporter(context))
  const github = { matrix: settings.jobMatrix, clock }
  if (settings.prComment !== 'off') {
    reporters.push((await import('./report/pr-comment.js')).pullRequestCommentReporter(context, github))
  }
  if (settings.commitStatus) {
    reporters.push((await import('./report/commit-status.js')).commitStatusReporter(context, github))
  }
  if (settings.blocking) {
    const [{ junitReporter }, { ctrfReporter }] = await Promise.all([
      import('./report/junit.js'),
      import('./report/ctrf.js')
    ])
    reporters.push(junitReporter(context), ctrfReporter(context, { clock }))
  }
  return reporters
}

async function waitAndReport(started: Started, deps: Dependencies, signal: AbortSignal): Promise<void> {
  const { settings, service, reporters, deadline } = started
  if (!settings.blocking) {
    return notifyReporters(reporters, reporter => reporter.finished?.(started.run, { kind: 'not-waiting' }))
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
    const next = await service.rerunFailed(run, { git, preview, event, octokit, signal })
    if (next === 'nothing-to-rerun') break
    log(`Retry ${retry} of ${settings.retryFailed}: ${next.label} reruns what failed in ${run.label}.`)
    earlierAttempts.push({ label: run.label, url: run.url })
    run = redactSecrets(next, settings.secrets)
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
  await finish({ ...started, run }, deps, { ...wait, waitedMs: deps.clock.now() - waitStartedAt }, earlierAttempts)
}

/** Decides the outcome of a wait, reports it, and ends the step accordingly. */
async function finish(
  started: Started,
  deps: Dependencies,
  wait: WaitOutcome,
  earlierAttempts: readonly Link[] = []
): Promise<void> {
  const { settings, service, run, reporters } = started
  const runCancelled = wait.kind !== 'finished' && (await cancelRemoteRun(service, run, settings))
  // A service's text may quote a visited URL with the bypass secret: scrub it before any report.
  const reported = redactSecrets(wait, settings.secrets)
  const outcome = decideOutcome(reported, run, service.words, settings, runCancelled)
  const report = reported.kind === 'finished' ? reported.report : reported.last
  const ending = {
    kind: 'waited' as const,
    outcome,
    report,
    waitedMs: wait.waitedMs,
    ...(earlierAttempts.length > 0 ? { earlierAttempts } : {})
  }
  await notifyReporters(reporters, reporter => reporter.finished?.(run, ending))

  if (wait.kind === 'interrupted') {
    core.setFailed(outcome.message)
    return deps.exit(1)
  }
  if (!outcome.succeeded) throw new ActionError(outcome.message)
  if (outcome.warning) core.warning(outcome.warning)
  else core.info(outcome.message)
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

function skip(service: Service, reason: string): undefined {
  core.notice(`${reason} No ${service.words.name} run was started.`)
  try {
    for (const [name, value] of Object.entries(service.outputs.none())) core.setOutput(name, value)
  } catch (error) {
    warn(`Could not write the step outputs to GITHUB_OUTPUT: ${inline(messageOf(error))}`)
  }
  return undefined
}
