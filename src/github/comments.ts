import { splitRepository, statusOf, withTimeout, type Octokit } from './octokit.js'
import { toPullRequest, type PullRequest } from './pull-for-commit.js'

/** The workflow token's user: it cannot ask `GET /user` who it is. */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

/** A comment on an issue or pull request. `body` is untrusted. */
export interface IssueComment {
  readonly id: number
  readonly body: string
  readonly authorLogin: string | undefined
}

type Repository = { readonly owner: string; readonly repo: string }

/** 100 comments a page, GitHub's largest: a pull request with 10,000 comments is read in full. */
const PER_PAGE = 100
const MAX_PAGES = 100

/** `owner/name` as Octokit takes it; throws for anything else. */
export function repositoryNames(repository: string | undefined): Repository {
  const names = splitRepository(repository)
  if (!names) throw new Error(`the repository name ${JSON.stringify(repository ?? '')} is not owner/name`)
  return names
}

/**
 * Who the token writes as: `GET /user` for a person's or an app's user token; the workflow
 * token is refused that (403) and writes as github-actions[bot].
 */
export async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated({ ...withTimeout() })
    return data.login
  } catch (error) {
    const status = statusOf(error)
    if (status === 401 || status === 403) return WORKFLOW_TOKEN_LOGIN
    throw error
  }
}

/**
 * The first comment (oldest first, across every page) that `matches` accepts, following GitHub's
 * Link header page by page; each page has a timeout of its own.
 */
export async function findComment(
  octokit: Octokit,
  repository: Repository,
  issueNumber: number,
  matches: (comment: IssueComment) => boolean
): Promise<IssueComment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const response = await octokit.rest.issues.listComments({
      ...repository,
      issue_number: issueNumber,
      per_page: PER_PAGE,
      page,
      ...withTimeout()
    })
    for (const data of response.data) {
      const comment = { id: data.id, body: data.body ?? '', authorLogin: data.user?.login }
      if (matches(comment)) return comment
    }
    if (!hasNextPage(response.headers.link)) return undefined
  }
  return undefined
}

/** True when a Link header names a next page. */
export function hasNextPage(link: string | undefined): boolean {
  return (link ?? '').split(',').some(part => /;\s*rel="?next"?/.test(part))
}

/** Creates a comment; never retried, so a slow answer cannot leave two. */
export async function createComment(
  octokit: Octokit,
  repository: Repository,
  issueNumber: number,
  body: string
): Promise<IssueComment> {
  const { data } = await octokit.rest.issues.createComment({
    ...repository,
    issue_number: issueNumber,
    body,
    ...withTimeout()
  })
  return { id: data.id, body: data.body ?? body, authorLogin: data.user?.login }
}

/** Replaces a comment's body: the same request twice leaves the same comment. */
export async function updateComment(
  octokit: Octokit,
  repository: Repository,
  commentId: number,
  body: string
): Promise<void> {
  await octokit.rest.issues.updateComment({ ...repository, comment_id: commentId, body, ...withTimeout() })
}

/** One comment as it is now (someone, or another run, may have edited it since it was listed). */
export async function readComment(octokit: Octokit, repository: Repository, commentId: number): Promise<IssueComment> {
  const { data } = await octokit.rest.issues.getComment({ ...repository, comment_id: commentId, ...withTimeout() })
  return { id: data.id, body: data.body ?? '', authorLogin: data.user?.login }
}

/** A pull request as it is now (its head may have moved on since the event). */
export async function readPullRequest(octokit: Octokit, repository: Repository, number: number): Promise<PullRequest> {
  const { data } = await octokit.rest.pulls.get({ ...repository, pull_number: number, ...withTimeout() })
  return toPullRequest(data)
}
