import * as core from '@actions/core'
import { describePreviewUrl, readDeployment } from '../context/deployment.js'
import { readEventPayload } from '../context/event.js'
import { isDeletionPush, isForkPullRequest, resolveGitContext } from '../context/git-context.js'
import { githubCommitMessageReader, withCommitMessage } from '../github/commit-message.js'
import { lazyOctokit } from '../github/octokit.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import { logGitContext } from '../report/log.js'
import type { ActionDefinition, Service } from '../service/service.js'
import { maskSecretInputs } from '../util/secrets.js'
import { quote } from '../util/untrusted-text.js'
import { passed, type StepEnd } from './end.js'
import { group, log, warn } from './log.js'
import { writeNoRunOutputs } from './no-run.js'
import type { Dependencies, Prepared } from './types.js'

/** Reads the inputs and the event; the step's end when the event gives nothing to test. */
export async function prepare<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies
): Promise<Prepared | StepEnd> {
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
  const service = action.createService(settings, { clock: deps.clock, deadline, log, warn, group })
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

/** The event gives nothing to test: the step passes with a notice, no run started. */
function skip(service: Service, reason: string): StepEnd {
  core.notice(`${reason} No ${service.words.name} ${service.words.runNoun ?? 'run'} was started.`)
  writeNoRunOutputs(service)
  return passed()
}
