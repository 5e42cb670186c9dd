import { messageOf } from '../util/errors.js'
import { splitRepository, statusOf, withTimeout, type Octokit } from './octokit.js'

/** Reads a commit message from the GitHub API; undefined with a reason when it cannot. */
export type CommitMessageReader = (
  repository: string,
  sha: string
) => Promise<{ readonly message: string } | { readonly failure: string; readonly status?: number }>

/**
 * `GET /repos/{owner}/{repo}/commits/{sha}` with the workflow's token, for events that do not
 * carry the message. `octokit` is undefined without a token.
 */
export function githubCommitMessageReader(octokit: (() => Promise<Octokit>) | undefined): CommitMessageReader {
  return async (repository, sha) => {
    if (octokit === undefined) return { failure: 'github_token is empty' }
    const names = splitRepository(repository)
    if (!names) return { failure: `the repository name is not owner/name` }
    try {
      const response = await (await octokit()).rest.repos.getCommit({ ...names, ref: sha, ...withTimeout() })
      return { message: response.data.commit.message }
    } catch (error) {
      const status = statusOf(error)
      return status !== undefined
        ? { failure: `the GitHub API answered ${status}`, status }
        : { failure: messageOf(error) }
    }
  }
}
