import type { GitContext } from '../context/git-context.js'
import type { EventPayload } from '../context/event.js'
import { pullRequestOfEvent } from '../context/pull-request.js'
import type { Octokit } from '../github/octokit.js'
import { statusOf } from '../github/octokit.js'
import { containedIn, resolvePullRequest, type PullRequest, type PullRequestAnswer } from '../github/pull-request.js'
import type { Clock } from '../util/clock.js'
import { ActionError, messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'

const LOOKUP_ATTEMPTS = 3
const LOOKUP_RETRY_MS = [1_000, 2_000]

const OTHER_MODES = 'test_id, group_id or prompt, which need no pull request'

/** The pull request the event is about, from its payload (a group run sends its number when there is one). */
export function pullRequestFromEvent(
  event: { readonly name: string; readonly payload: EventPayload } | undefined
): PullRequest | undefined {
  return event ? pullRequestOfEvent(event.name, event.payload) : undefined
}

/**
 * The pull request a pull-request run is for, by the rule every action shares
 * (src/github/pull-request.ts): the event's, or on other events (deployment_status, push) the
 * open one whose head is the tested commit — never one that merely contains it. A GitHub hiccup
 * is asked again; no pull request is one line that names the other kinds of run.
 */
export async function findPullRequest(options: {
  readonly event: { readonly name: string; readonly payload: EventPayload } | undefined
  readonly git: GitContext
  readonly octokit: (() => Promise<Octokit>) | undefined
  readonly clock: Clock
  /** No retry waits past it. */
  readonly deadline: number
  readonly warn: (message: string) => void
}): Promise<PullRequest> {
  const { git, octokit } = options
  const commit = inline(git.commitHash?.slice(0, 7) ?? 'unknown')
  if (pullRequestFromEvent(options.event) === undefined) {
    if (git.commitHash === undefined || git.repository === undefined) {
      throw new ActionError(
        `project_id runs tester.army's pull-request agent, which needs a pull request, and this ${eventName(options)} names no commit to find one by. Run the step on pull_request or deployment_status events, or use ${OTHER_MODES}.`
      )
    }
    if (octokit === undefined) {
      throw new ActionError(
        `project_id needs the pull request of commit ${commit}, read from the GitHub API with github_token, which is empty. Pass github_token: \${{ github.token }}, or use ${OTHER_MODES}.`
      )
    }
  }
  const answer = await lookUp(
    async () => resolvePullRequest({ event: options.event, git, client: octokit ? await octokit() : undefined }),
    commit,
    options
  )
  if (answer.pullRequest === undefined) {
    throw new ActionError(
      `project_id runs tester.army's pull-request agent, which needs a pull request, but no open pull request has commit ${commit}.${containedIn(answer.notAtCommit)} Run the step for a pull request's commits (pull_request, or deployment_status of a pull request's preview), or use ${OTHER_MODES}.`
    )
  }
  return answer.pullRequest
}

async function lookUp(
  find: () => Promise<PullRequestAnswer>,
  commit: string,
  {
    clock,
    deadline,
    warn
  }: { readonly clock: Clock; readonly deadline: number; readonly warn: (message: string) => void }
): Promise<PullRequestAnswer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await find()
    } catch (error) {
      const status = statusOf(error)
      const said = status !== undefined ? `the GitHub API answered ${status}` : inline(messageOf(error))
      const transient = status === undefined || status >= 500 || status === 429
      const delay = LOOKUP_RETRY_MS[attempt - 1] ?? 2_000
      if (!transient || attempt >= LOOKUP_ATTEMPTS || clock.now() + delay > deadline) {
        throw new ActionError(
          `Could not find the pull request of commit ${commit} (${said}). ` +
            (transient
              ? 'Re-run the job in a few minutes.'
              : 'Give the job `permissions: contents: read` and `pull-requests: read`, or set github_token to a token that can read pull requests.')
        )
      }
      warn(`Could not find the pull request of commit ${commit} yet (${said}); asking GitHub again.`)
      await clock.sleep(delay)
    }
  }
}

function eventName(options: { readonly event: { readonly name: string } | undefined }): string {
  return options.event?.name ? `${options.event.name} event` : 'event'
}
