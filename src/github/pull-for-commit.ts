import type { PullRequest } from '../context/pull-request.js'
import { splitRepository, withTimeout, type Octokit } from './octokit.js'

export type { PullRequest } from '../context/pull-request.js'

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

/**
 * The open pull request whose head is `sha` (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`), for
 * events that name a commit but no pull request: push, deployment_status, workflow_run,
 * merge_group. Failing that, an open one that contains the commit. Throws what Octokit throws.
 */
export async function findPullRequestForCommit(
  octokit: Octokit,
  repository: string,
  sha: string
): Promise<PullRequest | undefined> {
  const names = splitRepository(repository)
  if (!names) return undefined
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...names,
    commit_sha: sha,
    per_page: 100,
    ...withTimeout()
  })
  const open = data.filter(pull => pull.state === 'open')
  const found = open.find(pull => pull.head.sha === sha) ?? open[0]
  return found ? toPullRequest(found) : undefined
}
