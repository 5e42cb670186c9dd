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

type Repository = { readonly owner: string; readonly repo: string }

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
