import { hasNextPage, type Author } from './comments.js'
import { withTimeout, type Octokit } from './octokit.js'

export type CommitState = 'pending' | 'success' | 'failure' | 'error'

/** GitHub refuses a status description longer than this. */
export const STATUS_DESCRIPTION_MAX_CHARACTERS = 140

export interface CommitStatus {
  readonly state: CommitState
  readonly context: string
  readonly description: string
  /** The page the status links to. */
  readonly targetUrl: string | undefined
}

/** A status as GitHub lists it. Text fields are untrusted. */
export interface ListedStatus {
  readonly state: string
  readonly context: string
  readonly description: string | undefined
  readonly targetUrl: string | undefined
  readonly creator: Author
}

type Repository = { readonly owner: string; readonly repo: string }

/** GitHub keeps at most 1,000 statuses per commit and context. */
const PER_PAGE = 100
const MAX_PAGES = 10

/**
 * `POST /repos/{owner}/{repo}/statuses/{sha}`: the context's latest status is the one GitHub
 * shows, so sending the same one twice is harmless.
 */
export async function setCommitStatus(
  octokit: Octokit,
  repository: Repository,
  sha: string,
  status: CommitStatus
): Promise<void> {
  await octokit.rest.repos.createCommitStatus({
    ...repository,
    sha,
    state: status.state,
    context: status.context,
    description: status.description,
    ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    ...withTimeout()
  })
}

/**
 * The newest status of `sha` that `matches` accepts, reading GitHub's list (newest first) page by
 * page, each page with a timeout of its own.
 */
export async function findLatestStatus(
  octokit: Octokit,
  repository: Repository,
  sha: string,
  matches: (status: ListedStatus) => boolean
): Promise<ListedStatus | undefined> {
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const response = await octokit.rest.repos.listCommitStatusesForRef({
      ...repository,
      ref: sha,
      per_page: PER_PAGE,
      page,
      ...withTimeout()
    })
    for (const data of response.data) {
      const status = {
        state: data.state,
        context: data.context,
        description: data.description ?? undefined,
        targetUrl: data.target_url ?? undefined,
        creator: { login: data.creator?.login, type: data.creator?.type }
      }
      if (matches(status)) return status
    }
    if (!hasNextPage(response.headers.link)) return undefined
  }
  return undefined
}
