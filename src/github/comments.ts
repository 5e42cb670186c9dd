import { splitRepository, withTimeout, type Octokit } from './octokit.js'
import type { Author } from './token-account.js'

export type { Author } from './token-account.js'

/** A comment on an issue or pull request. `body` is untrusted. */
export interface IssueComment {
  readonly id: number
  readonly body: string
  readonly author: Author
}

const authorOf = (user: { login?: string; type?: string } | null | undefined): Author => ({
  login: user?.login,
  type: user?.type
})

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
      const comment = { id: data.id, body: data.body ?? '', author: authorOf(data.user) }
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
  return { id: data.id, body: data.body ?? body, author: authorOf(data.user) }
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
  return { id: data.id, body: data.body ?? '', author: authorOf(data.user) }
}
