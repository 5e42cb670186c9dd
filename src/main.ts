import * as core from '@actions/core'
import { readDeployment, type Preview } from './context/deployment.js'
import { readEventPayload } from './context/event.js'
import { isDeletionPush, isForkPullRequest, resolveGitContext, type GitContext } from './context/git-context.js'
import { githubCommitMessageReader, type CommitMessageReader } from './github/commit-message.js'
import { lazyOctokit } from './github/octokit.js'
import type { CommonSettings } from './inputs/common-settings.js'
import { annotationsReporter } from './report/annotations.js'
import { jobSummaryReporter } from './report/job-summary.js'
import { logGitContext } from './report/log.js'
import { outputsReporter } from './report/outputs.js'
import { notifyReporters, type Reporter, type ReportContext } from './report/reporter.js'
import { resultsFileReporter } from './report/results-file.js'
import type { StartedRun } from './service/model.js'
import type { ActionDefinition, Service } from './service/service.js'
import { systemClock, type Clock } from './util/clock.js'
import { ActionError, messageOf } from './util/errors.js'
import { maskSecretInputs, redactSecrets } from './util/secrets.js'
import { inline, quote } from './util/untrusted-text.js'
import { decideOutcome } from './verdict/outcome.js'
import { processSignals, withCancellation, type CancelSource } from './wait/cancellation.js'
import { waitForRun } from './wait/poller.js'

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

/** One action, start to end: the one place that decides whether the step passes. */
export async function run<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies = defaultDependencies
): Promise<void> {
  try {
    const started = await startRun(action, deps)
    if (started !== undefined) await waitAndReport(started, deps)
  } catch (error) {
    if (error instanceof ActionError) {
      core.setFailed(error.message)
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      core.setFailed(`Unexpected error: ${inline(messageOf(error))}. Please report it with this log.`)
    }
  }
}

interface Started {
  readonly settings: CommonSettings
  readonly service: Service
  readonly run: StartedRun
  readonly reporters: readonly Reporter[]
  /** The step's deadline on the clock. */
  readonly deadline: number
}

/** Reads the inputs and the event and starts the run; undefined when the event gives nothing to test. */
async function startRun<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies
): Promise<Started | undefined> {
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
    githubCommitMessageReader(octokit)
  )
  logGitContext(eventName, git)

  const event = { name: eventName, payload }
  const preview = deployment.kind === 'preview' ? deployment : undefined
  if (preview) explainPreviewUrl(preview, name)
  // The start's answer is the service's text too: a key quoted in a URL or a name is scrubbed.
  const run = redactSecrets(await service.start({ git, preview, event, octokit }), settings.secrets)
  const reporters = createReporters({ service, settings, git, env: deps.env, event, octokit })
  await notifyReporters(reporters, reporter => reporter.started?.(run))
  return { settings, service, run, reporters, deadline }
}

/** Says where the site under test came from when it is not the plain case. */
function explainPreviewUrl(preview: Preview, serviceName: string): void {
  if (preview.urlSource === 'target_url') {
    log(
      `The deployment_status event has no environment_url: testing its target_url, ${inline(preview.url ?? '')}, which is not a page on the GitHub server.`
    )
  } else if (preview.url === undefined) {
    const ignored = preview.ignoredTargetUrl
      ? ` (its target_url, ${inline(preview.ignoredTargetUrl)}, is a page on the GitHub server, not the site)`
      : ''
    warn(
      `The deployment_status event has no environment_url${ignored}: ${serviceName} tests the application's configured environment. Set environment_url to test the deployment.`
    )
  }
}

/** Every report of a run, in the order they are written. */
function createReporters(context: ReportContext): Reporter[] {
  const reporters = [outputsReporter(context), resultsFileReporter(context), annotationsReporter(context)]
  if (context.settings.jobSummary) reporters.push(jobSummaryReporter(context))
  return reporters
}

async function waitAndReport(
  { settings, service, run, reporters, deadline }: Started,
  deps: Dependencies
): Promise<void> {
  const notify = (hook: (reporter: Reporter) => void | Promise<void>) => notifyReporters(reporters, hook)
  if (!settings.blocking) return notify(reporter => reporter.finished?.(run, { kind: 'not-waiting' }))

  const wait = await withCancellation(deps.onCancel, log, signal =>
    waitForRun({
      service,
      run,
      timeoutMs: Math.max(0, deadline - deps.clock.now()),
      maxIntervalMs: settings.pollIntervalSeconds * 1000,
      clock: deps.clock,
      signal,
      log,
      warn
    })
  ).catch(async (error: unknown) => {
    // A run was started: the reports say so, whatever ended the wait.
    await notify(reporter => reporter.stopped?.(run, messageOf(error)))
    throw error
  })

  const runCancelled = wait.kind !== 'finished' && (await cancelRemoteRun(service, run, settings))
  // A service's text may quote a visited URL with the bypass secret: scrub it before any report.
  const reported = redactSecrets(wait, settings.secrets)
  const outcome = decideOutcome(reported, run, service.words, settings, runCancelled)
  const report = reported.kind === 'finished' ? reported.report : reported.last
  await notify(reporter => reporter.finished?.(run, { kind: 'waited', outcome, report, waitedMs: wait.waitedMs }))

  if (wait.kind === 'interrupted') {
    core.setFailed(outcome.message)
    return deps.exit(1)
  }
  if (!outcome.succeeded) throw new ActionError(outcome.message)
  if (outcome.warning) core.warning(outcome.warning)
  else core.info(outcome.message)
}

/** The runner allows 7.5 s from SIGINT to SIGTERM: the cancel request gets most of it. */
const CANCEL_TIMEOUT_MS = 5_000

/** Stops the remote run where the service can and the user wants it; true when it did. */
async function cancelRemoteRun(service: Service, run: StartedRun, settings: CommonSettings): Promise<boolean> {
  if (!service.cancel || !settings.cancelOnAbort) return false
  try {
    await service.cancel(run, { timeoutMs: CANCEL_TIMEOUT_MS })
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

async function withCommitMessage(git: GitContext, readCommitMessage: CommitMessageReader): Promise<GitContext> {
  if (!git.commitMessageFromApi || git.commitHash === undefined || git.repository === undefined) return git
  const answer = await readCommitMessage(git.repository, git.commitHash)
  if ('message' in answer) return { ...git, commitMessage: answer.message }
  // Only a refusal is about permissions; a 404 or a network error is not fixed by granting any.
  const hint =
    answer.status === 401 || answer.status === 403
      ? ' Give the job `permissions: contents: read` to include it.'
      : answer.status === 404
        ? ` The GitHub API has no commit ${inline(git.commitHash.slice(0, 12))} in ${inline(git.repository)}.`
        : ''
  warn(
    `Could not read the commit message from the GitHub API (${inline(answer.failure)}); starting the run without it.${hint}`
  )
  return git
}
