import type { EventPayload } from '../../context/event.js'
import type { GitContext } from '../../context/git-context.js'
import { pullRequestOfEvent } from '../../context/pull-request.js'
import type { Octokit } from '../../github/octokit.js'
import { statusOf } from '../../github/octokit.js'
import {
  containedIn,
  resolvePullRequest as findPullRequestOf,
  type PullRequestAnswer
} from '../../github/pull-request.js'
import { ActionError, messageOf } from '../../util/errors.js'
import { asRecord, nonEmptyString } from '../../util/records.js'
import { inline } from '../../util/untrusted-text.js'
import { Inputs } from './names.js'

/** The pull request a review is about. */
export interface ReviewedPullRequest {
  readonly url: string
  /** How the summary names it: `owner/repo#12`. */
  readonly label: string
}

export interface PullRequestSources {
  /** The `pr_url` input. */
  readonly prUrl: string | undefined
  readonly event: { readonly name: string; readonly payload: EventPayload } | undefined
  readonly git: GitContext
  readonly octokit: (() => Promise<Octokit>) | undefined
  readonly log: (message: string) => void
}

const PERMISSIONS = '`permissions: { contents: read, pull-requests: read }`'

/**
 * The pull request to review: `pr_url`; else the one a comment was made on (`issue_comment` on a
 * pull request names its address, which is all a review needs); else the rule every action shares
 * (src/github/pull-request.ts): the event's own pull request, or the open pull request whose head
 * is the event's commit — how a `deployment_status` event from Vercel finds its pull request.
 * Never one that merely contains the commit: that would review one pull request against another's
 * preview.
 */
export async function resolvePullRequest(sources: PullRequestSources): Promise<ReviewedPullRequest> {
  if (sources.prUrl !== undefined) return describe(sources.prUrl)
  const payload = sources.event?.payload ?? {}
  const commentedOn = nonEmptyString(asRecord(asRecord(payload.issue).pull_request).html_url)
  if (sources.event?.name === 'issue_comment' && commentedOn !== undefined) return describe(commentedOn)
  const fromEvent = sources.event ? pullRequestOfEvent(sources.event.name, sources.event.payload) : undefined
  if (fromEvent?.url) return describe(fromEvent.url)
  return findForCommit(sources)
}

async function findForCommit({ event, git, octokit, log }: PullRequestSources): Promise<ReviewedPullRequest> {
  const eventName = event?.name || 'this'
  const { commitHash, repository } = git
  if (commitHash === undefined || repository === undefined) {
    throw new ActionError(
      `${Inputs.PrUrl} is empty and the ${eventName} event names no pull request or commit: set ${Inputs.PrUrl}, e.g. ${Inputs.PrUrl}: https://github.com/owner/repo/pull/123.`
    )
  }
  const commit = inline(commitHash.slice(0, 7))
  if (octokit === undefined) {
    throw new ActionError(
      `${Inputs.PrUrl} is empty and the ${eventName} event names no pull request; finding the one of commit ${commit} needs ${Inputs.GithubToken}. Set ${Inputs.PrUrl}, or leave ${Inputs.GithubToken} at its default.`
    )
  }
  let answer: PullRequestAnswer
  try {
    // The event named no pull request (above): this is the look-up by the commit's head.
    answer = await findPullRequestOf({ event: undefined, git, client: await octokit() })
  } catch (error) {
    const status = statusOf(error)
    const denied = status === 401 || status === 403 || status === 404
    throw new ActionError(
      `Could not look up the pull request of commit ${commit} in the GitHub API (${status === undefined ? '' : `HTTP ${status}: `}${inline(messageOf(error))}). ` +
        (denied ? `Give the job ${PERMISSIONS}, or set ${Inputs.PrUrl}.` : `Re-run the job, or set ${Inputs.PrUrl}.`)
    )
  }
  const found = answer.pullRequest
  if (found === undefined) {
    throw new ActionError(
      `No open pull request has commit ${commit} (${eventName} event), so there is nothing to review: set ${Inputs.PrUrl}, or run the review on pull_request events.${containedIn(answer.notAtCommit)}`
    )
  }
  log(`Reviewing pull request #${found.number} (${inline(found.title, 120)}), the one of commit ${commit}.`)
  return describe(found.url)
}

/** `owner/repo#12` for a GitHub pull request URL; the URL itself for anything else. */
function describe(url: string): ReviewedPullRequest {
  let label = url
  try {
    const match = /^\/([^/]+)\/([^/]+)\/pull\/(\d+)/.exec(new URL(url).pathname)
    if (match) label = `${decodeURIComponent(match[1] ?? '')}/${decodeURIComponent(match[2] ?? '')}#${match[3]}`
  } catch {
    // Not a URL: it is shown as it is, escaped by the report.
  }
  return { url, label }
}
