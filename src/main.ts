import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { withCancellation } from './cancellation.js'
import { systemClock, type Clock } from './clock.js'
import { githubCommitMessageReader, type CommitMessageReader } from './commit-message.js'
import { Outputs } from './constants.js'
import { readDeployment } from './deployment.js'
import { ActionError, messageOf } from './errors.js'
import {
  isDeletionPush,
  isForkPullRequest,
  resolveGitContext,
  type EventPayload,
  type GitContext
} from './git-context.js'
import { logGitContext, logRequest, logStarted } from './log.js'
import { decideOutcome } from './outcome.js'
import { waitForRun } from './poller.js'
import { createQaTechClient, type QaTechClient } from './qatech/client.js'
import type { StartedRun } from './qatech/types.js'
import { annotateFailures, setOutcomeOutputs, setStartedOutputs, writeJobSummary, writeResultsFile } from './report.js'
import { applyBypassSecret, buildStartRunRequest, planApplications, resolveApplications } from './run-request.js'
import { environmentUrls, maskBypassUrls, maskSecretInputs, redactSecrets } from './secrets.js'
import { parseSettings, type Settings } from './settings.js'
import { readWithRetry } from './retry-policy.js'
import { startWithRetry } from './start-retry.js'
import { renderSummary, type SummaryInput } from './summary.js'
import { inline, quote } from './untrusted-text.js'
import { redactBypassSecret } from './vercel-bypass.js'

/** What `run` needs from the outside world. */
export interface Dependencies {
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  readonly createClient: (settings: Settings) => QaTechClient
  readonly createCommitReader: (settings: Settings) => CommitMessageReader
  /** Ends the process at once: after a cancel, an open request must not keep it alive. */
  readonly exit: (code: number) => void
}

const defaultDependencies: Dependencies = {
  env: process.env,
  clock: systemClock,
  createClient: settings => createQaTechClient(settings.apiUrl, settings.apiToken),
  createCommitReader: settings => githubCommitMessageReader(settings.githubToken, process.env.GITHUB_API_URL),
  exit: code => process.exit(code)
}

/** The action: the one place that decides whether the step passes. */
export async function run(deps: Dependencies = defaultDependencies): Promise<void> {
  try {
    const started = await startRun(deps)
    if (started === undefined) return
    if (!started.settings.blocking) {
      if (started.settings.jobSummary) await writeJobSummary(renderSummary(notWaiting(started.report)))
      return
    }
    await waitAndReport(started, deps)
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
  readonly settings: Settings
  readonly client: QaTechClient
  readonly git: GitContext
  /** The part of the summary known once the run has started. */
  readonly report: Pick<SummaryInput, 'started' | 'git' | 'environmentUrls'>
}

/** Inputs to a started run; undefined when the event gives nothing to test. */
async function startRun(deps: Dependencies): Promise<Started | undefined> {
  maskSecretInputs()
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
  if (isDeletionPush(eventName, payload)) return skip('This push deleted a branch or tag: there is no commit to test.')

  const git = await withCommitMessage(
    resolveGitContext(eventName, payload, deps.env),
    deps.createCommitReader(settings)
  )
  logGitContext(eventName, git)

  const client = deps.createClient(settings)
  const planned = planApplications(settings, deployment.kind === 'preview' ? deployment : undefined)
  const resolved = await resolveApplications(
    planned,
    () =>
      readWithRetry(
        () => client.listApplications(),
        deps.clock,
        message => core.warning(message)
      ),
    message => core.info(message)
  )
  const applications = applyBypassSecret(resolved, settings.vercelBypassSecret)
  maskBypassUrls(applications, settings.vercelBypassSecret)

  const request = buildStartRunRequest(settings, git, applications)
  logRequest(request)
  const started = await startWithRetry(
    () => client.startRun(request),
    deps.clock,
    message => core.warning(message)
  )
  setStartedOutputs(started)
  logStarted(started)
  const testedUrls = environmentUrls(applications).map(redactBypassSecret)
  return { settings, client, git, report: { started, git, environmentUrls: testedUrls } }
}

async function waitAndReport({ settings, client, git, report }: Started, deps: Dependencies): Promise<void> {
  const started: StartedRun = report.started
  const wait = await withCancellation(signal =>
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
      const problem = redactSecrets(messageOf(error), [settings.apiToken, settings.vercelBypassSecret])
      await writeJobSummary(renderSummary({ ...notWaiting(report), problem }))
    }
    throw error
  })

  // QA.tech's text may quote a visited URL with the bypass secret: scrub it before any report.
  const reported = redactSecrets(wait, [settings.apiToken, settings.vercelBypassSecret])
  const outcome = decideOutcome(reported, started, settings)
  const finalRun = reported.kind === 'finished' ? reported.run : reported.last
  setOutcomeOutputs(outcome, writeResultsFile(started, finalRun, git, outcome, deps.env.RUNNER_TEMP))
  if (!outcome.succeeded) annotateFailures(finalRun)
  if (settings.jobSummary) {
    await writeJobSummary(renderSummary({ ...report, outcome, run: finalRun, waitedMs: wait.waitedMs }))
  }

  if (wait.kind === 'interrupted') {
    core.setFailed(outcome.message)
    return deps.exit(1)
  }
  if (!outcome.succeeded) throw new ActionError(outcome.message)
  if (outcome.warning) core.warning(outcome.warning)
  else core.info(outcome.message)
}

function notWaiting(report: Started['report']): SummaryInput {
  return { ...report, outcome: undefined, run: undefined, waitedMs: undefined }
}

function skip(reason: string): undefined {
  core.notice(`${reason} No QA.tech run was started.`)
  core.setOutput(Outputs.RunCreated, 'false')
  return undefined
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
