/**
 * Which pull request a step is about, for every action and every report: the event's own pull
 * request; otherwise the open pull request whose head is the tested commit; otherwise none.
 * Never a pull request whose head is another commit: a commit that is only contained in a pull
 * request (a stacked branch's base, a branch merged into another) is not that pull request's to
 * test or to report on.
 */
import * as core from '@actions/core'
import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import { pullRequestOfEvent, type PullRequest } from '../context/pull-request.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { splitRepository, withTimeout, type Octokit } from './octokit.js'

export type { PullRequest } from '../context/pull-request.js'

/**
 * The pull request, and how it was found; or none, and why (a sentence for the log), with the
 * open pull requests that contain the commit without being at it (never taken).
 */
export type PullRequestAnswer =
  | { readonly pullRequest: PullRequest; readonly from: 'event' | 'commit' }
  | { readonly pullRequest: undefined; readonly why: string; readonly notAtCommit: readonly PullRequest[] }

export interface PullRequestQuery {
  readonly event: { readonly name: string; readonly payload: EventPayload } | undefined
  readonly git: Pick<GitContext, 'commitHash' | 'repository'>
  /** The GitHub API; without it only the event's own pull request can be found. */
  readonly client: Octokit | undefined
  /** Read the event's pull request again for its current head: a push may have come since the event fired. */
  readonly current?: boolean
}

/**
 * The step's pull request. Throws what Octokit throws when the commit's pull requests cannot be
 * listed (the caller knows whether that fails the step); a failed re-read of the event's pull
 * request falls back on the event's copy.
 */
export async function resolvePullRequest(query: PullRequestQuery): Promise<PullRequestAnswer> {
  const { event, git, client } = query
  const fromEvent = event ? pullRequestOfEvent(event.name, event.payload) : undefined
  if (fromEvent) {
    const now = client && query.current ? await readAgain(client, git.repository, fromEvent) : fromEvent
    return { pullRequest: now, from: 'event' }
  }
  const eventName = event?.name ? `the ${inline(event.name)} event` : 'the event'
  const none = (why: string, notAtCommit: readonly PullRequest[] = []) => ({ pullRequest: undefined, why, notAtCommit })
  if (!git.commitHash) return none(`${eventName} names no pull request and no commit.`)
  const commit = git.commitHash.slice(0, 7)
  if (!client) {
    return none(
      `${eventName} names no pull request, and finding the one of commit ${inline(commit)} needs github_token.`
    )
  }
  const pulls = await openPullRequestsWithCommit(client, git.repository, git.commitHash)
  const headIsCommit = pulls.find(pull => sameCommit(pull.headSha, git.commitHash))
  if (headIsCommit) return { pullRequest: headIsCommit, from: 'commit' }
  return none(`No open pull request has commit ${inline(commit)} as its head.${containedIn(pulls)}`, pulls)
}

/**
 * " Pull request #8 (at 1a2b3c4) contains it, but …": which pull requests contain the commit
 * without being at it, and why none was taken; empty when there are none.
 */
export function containedIn(pulls: readonly PullRequest[]): string {
  if (pulls.length === 0) return ''
  const names = pulls.map(pull => `#${pull.number} (at ${inline(pull.headSha.slice(0, 7))})`).join(', ')
  return pulls.length === 1
    ? ` Pull request ${names} contains it, but its head is another commit: it is not this commit's pull request.`
    : ` Pull requests ${names} contain it, but their heads are other commits: none is this commit's pull request.`
}

/** A pull request as it is now (its head may have moved on since the event). */
export async function readPullRequest(
  client: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  number: number
): Promise<PullRequest> {
  const { data } = await client.rest.pulls.get({ ...repository, pull_number: number, ...withTimeout() })
  return toPullRequest(data)
}

async function readAgain(
  client: Octokit,
  repository: string | undefined,
  fromEvent: PullRequest
): Promise<PullRequest> {
  const names = splitRepository(repository)
  if (!names) return fromEvent
  try {
    return await readPullRequest(client, names, fromEvent.number)
  } catch (error) {
    // The event's copy is still the event's pull request; only its head may be out of date.
    core.debug(`Could not read pull request #${fromEvent.number} again: ${inline(messageOf(error))}`)
    return fromEvent
  }
}

/** `GET /repos/{owner}/{repo}/commits/{sha}/pulls`, the open ones: those whose head is the commit, and those that contain it. */
async function openPullRequestsWithCommit(
  client: Octokit,
  repository: string | undefined,
  sha: string
): Promise<PullRequest[]> {
  const names = splitRepository(repository)
  if (!names) return []
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
    ...names,
    commit_sha: sha,
    per_page: 100,
    ...withTimeout()
  })
  return data.filter(pull => pull.state === 'open').map(toPullRequest)
}

function sameCommit(a: string, b: string | undefined): boolean {
  return b !== undefined && a !== '' && a.toLowerCase() === b.toLowerCase()
}

/** The fields of a REST pull request (a `pull_request` event's payload has the same shape). */
export function toPullRequest(data: {
  number: number
  html_url: string
  title: string
  body?: string | null
  state: string
  head: { ref: string; sha: string }
  base: { ref: string }
}): PullRequest {
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    state: data.state,
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref
  }
}
