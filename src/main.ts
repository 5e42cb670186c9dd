import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { systemClock, type Clock } from './clock.js'
import { githubCommitMessageReader, type CommitMessageReader } from './commit-message.js'
import { Inputs, Outputs } from './constants.js'
import { readDeployment } from './deployment.js'
import { ActionError, messageOf } from './errors.js'
import {
  isDeletionPush,
  isForkPullRequest,
  resolveGitContext,
  type EventPayload,
  type GitContext
} from './git-context.js'
import { createQaTechClient, type QaTechClient } from './qatech/client.js'
import type { StartedRun, StartRunRequest } from './qatech/types.js'
import { decideOutcome } from './outcome.js'
import { waitForRun } from './poller.js'
import { annotateFailures, setOutcomeOutputs, setStartedOutputs, writeJobSummary, writeResultsFile } from './report.js'
import { renderSummary } from './summary.js'
import { applyBypassSecret, buildStartRunRequest, planApplications, resolveApplications } from './run-request.js'
import { parseSettings, type Settings } from './settings.js'
import { startWithRetry } from './start-retry.js'
import { firstLine, inline, quote } from './untrusted-text.js'
import { redactBypassSecret } from './vercel-bypass.js'

/** What `run` needs from the outside world; tests replace parts of it. */
export interface Dependencies {
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  readonly createClient: (settings: Settings) => QaTechClient
  readonly createCommitReader: (settings: Settings) => CommitMessageReader
  /** Ends the process at once: after a cancel, an open request must not keep it alive. */
  readonly exit: (code: number) => void
}

export const defaultDependencies: Dependencies = {
  env: process.env,
  clock: systemClock,
  createClient: settings => createQaTechClient(settings.apiUrl, settings.apiToken),
  createCommitReader: settings => githubCommitMessageReader(settings.githubToken, process.env.GITHUB_API_URL),
  exit: code => process.exit(code)
}

/** The action: the one place that decides whether the step passes. */
export async function run(deps: Dependencies = defaultDependencies): Promise<void> {
  try {
    await startAndReport(deps)
  } catch (error) {
    if (error instanceof ActionError) {
      core.setFailed(error.message)
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      core.setFailed(`Unexpected error: ${inline(messageOf(error))}. Please report it with this log.`)
    }
  }
}

async function startAndReport(deps: Dependencies): Promise<void> {
  maskSecrets()
  const eventName = deps.env.GITHUB_EVENT_NAME ?? ''
  const payload = readEventPayload(deps.env.GITHUB_EVENT_PATH)
  const settings = await parseSettings(name => core.getInput(name), {
    eventName,
    isForkPullRequest: isForkPullRequest(eventName, payload),
    isDependabot: (deps.env.GITHUB_ACTOR ?? '').startsWith('dependabot')
  })

  const deployment = readDeployment(eventName, payload)
  if (deployment.kind === 'skip') {
    return skip(
      `The deployment's state is ${quote(deployment.state)}, not "success": QA.tech tests a deployment once it has succeeded.`
    )
  }
  if (isDeletionPush(eventName, payload)) {
    return skip('This push deleted a branch or tag: there is no commit to test.')
  }

  const git = await withCommitMessage(
    resolveGitContext(eventName, payload, deps.env),
    deps.createCommitReader(settings)
  )
  logGitContext(eventName, git)

  const client = deps.createClient(settings)
  const planned = planApplications(settings, deployment.kind === 'preview' ? deployment : undefined)
  const applications = applyBypassSecret(
    await resolveApplications(
      planned,
      () => client.listApplications(),
      message => core.info(message)
    ),
    settings.vercelBypassSecret
  )
  maskUrlsWithSecret(
    applications.map(app => app.environment).flatMap(env => (env && 'url' in env ? [env.url] : [])),
    settings
  )

  const request = buildStartRunRequest(settings, git, applications)
  logRequest(request)
  const started = await startWithRetry(
    () => client.startRun(request),
    deps.clock,
    message => core.warning(message)
  )
  setStartedOutputs(started)
  logStarted(started)

  const summary = {
    started,
    git,
    environmentUrls: applications.flatMap(app =>
      app.environment && 'url' in app.environment ? [redactBypassSecret(app.environment.url)] : []
    )
  }
  if (!settings.blocking) {
    if (settings.jobSummary)
      await writeJobSummary(renderSummary({ ...summary, outcome: undefined, run: undefined, waitedMs: undefined }))
    return
  }

  const wait = await waitWithCancellation(signal =>
    waitForRun({
      client,
      shortId: started.shortId,
      testCount: started.testCount,
      timeoutMs: settings.timeoutMinutes * 60_000,
      maxIntervalMs: settings.pollIntervalSeconds * 1000,
      clock: deps.clock,
      signal,
      log: message => core.info(message),
      warn: message => core.warning(message)
    })
  ).catch(async (error: unknown) => {
    // A run was started: the summary says so, whatever ended the wait.
    if (settings.jobSummary) {
      await writeJobSummary(
        renderSummary({
          ...summary,
          outcome: undefined,
          run: undefined,
          waitedMs: undefined,
          problem: messageOf(error)
        })
      )
    }
    throw error
  })

  const outcome = decideOutcome(wait, started, settings)
  const finalRun = wait.kind === 'finished' ? wait.run : wait.last
  setOutcomeOutputs(outcome, writeResultsFile(started, finalRun, git, outcome, deps.env.RUNNER_TEMP))
  if (!outcome.succeeded) annotateFailures(finalRun)
  if (settings.jobSummary)
    await writeJobSummary(renderSummary({ ...summary, outcome, run: finalRun, waitedMs: wait.waitedMs }))

  if (wait.kind === 'interrupted') {
    core.setFailed(outcome.message)
    return deps.exit(1)
  }
  if (!outcome.succeeded) throw new ActionError(outcome.message)
  if (outcome.warning) core.warning(outcome.warning)
  else core.info(outcome.message)
}

/**
 * The runner sends SIGINT when the workflow is cancelled or the step's timeout-minutes passes,
 * then SIGTERM 7.5 s later, then kills the process: stop waiting at once so the outputs and the
 * summary are still written.
 */
async function waitWithCancellation<T>(wait: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    core.info(`Received ${signal}: the workflow is being cancelled; stopping the wait.`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    return await wait(controller.signal)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** The API token and bypass secret are masked before anything could print them. */
function maskSecrets(): void {
  for (const name of [Inputs.ApiToken, Inputs.VercelBypassSecret]) {
    const secret = core.getInput(name).trim()
    if (secret === '') continue
    core.setSecret(secret)
    // URLs carry the bypass secret percent-encoded.
    if (encodeURIComponent(secret) !== secret) core.setSecret(encodeURIComponent(secret))
  }
}

function maskUrlsWithSecret(urls: readonly string[], settings: Settings): void {
  if (settings.vercelBypassSecret === undefined) return
  for (const url of urls) core.setSecret(url)
}

function readEventPayload(path: string | undefined): EventPayload {
  if (!path) return {}
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof payload === 'object' && payload !== null ? (payload as EventPayload) : {}
  } catch (error) {
    core.warning(
      `Could not read the event payload at GITHUB_EVENT_PATH (${inline(messageOf(error))}); using the runner's environment only.`
    )
    return {}
  }
}

async function withCommitMessage(git: GitContext, readCommitMessage: CommitMessageReader): Promise<GitContext> {
  if (!git.commitMessageFromApi || git.commitHash === undefined || git.repository === undefined) return git
  const answer = await readCommitMessage(git.repository, git.commitHash)
  if ('message' in answer) return { ...git, commitMessage: answer.message }
  core.warning(
    `Could not read the commit message from the GitHub API (${inline(answer.failure)}); starting the run without it. ` +
      'Give the job `permissions: contents: read` to include it.'
  )
  return git
}

function logGitContext(eventName: string, git: GitContext): void {
  core.startGroup('Git context')
  core.info(`event: ${quote(eventName)}`)
  core.info(`actor: ${quote(git.actor ?? '')}`)
  core.info(`repository: ${quote(git.repository ?? '')}`)
  core.info(`branch: ${quote(git.branch ?? '')}`)
  core.info(`commit: ${quote(git.commitHash ?? '')}`)
  core.info(`commit message: ${quote(firstLine(git.commitMessage ?? ''))}`)
  core.endGroup()
}

function logRequest(request: StartRunRequest): void {
  const shown = {
    ...request,
    commitMessage: request.commitMessage === undefined ? undefined : firstLine(request.commitMessage),
    applications: request.applications?.map(app =>
      app.environment && 'url' in app.environment
        ? { ...app, environment: { ...app.environment, url: redactBypassSecret(app.environment.url) } }
        : app
    )
  }
  core.startGroup('Run request')
  // JSON keeps every untrusted value inside quotes on an indented line; `##[` is the only marker left.
  core.info(JSON.stringify(shown, null, 2).replace(/##\[/g, '##\\u005b'))
  core.endGroup()
}

function skip(reason: string): void {
  core.notice(`${reason} No QA.tech run was started.`)
  core.setOutput(Outputs.RunCreated, 'false')
}

function logStarted(run: StartedRun): void {
  const plan = run.testPlan ? ` of test plan ${quote(run.testPlan.name)}` : ''
  const tests = run.testCount === undefined ? '' : ` with ${run.testCount} test case${run.testCount === 1 ? '' : 's'}`
  core.info(`Started QA.tech run ${inline(run.shortId)}${plan}${tests}: ${inline(run.url)}`)
}
