import type { GitContext } from '../context/git-context.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
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

/**
 * The git context with the commit message, for events that do not carry it; without it, and one
 * warning, when the GitHub API cannot give it.
 */
export async function withCommitMessage(
  git: GitContext,
  readCommitMessage: CommitMessageReader,
  warn: (message: string) => void
): Promise<GitContext> {
  if (!git.commitMessageFromApi || git.commitHash === undefined || git.repository === undefined) return git
  const answer = await readCommitMessage(git.repository, git.commitHash)
  if ('message' in answer) return { ...git, commitMessage: answer.message }
  // Only a refusal is about permissions; a 404 or a network error is not fixed by granting any.
  const hint =
    answer.status === 401 || answer.status === 403
      ? ' Give the job `permissions: contents: read` to include it.'
      : answer.status === 404
        ? ` The GitHub API has no commit ${inline(git.commitHash.slice(0, 12))} in ${inline(git.repository)}.`
        : ''
  warn(
    `Could not read the commit message from the GitHub API (${inline(answer.failure)}); starting the run without it.${hint}`
  )
  return git
}
