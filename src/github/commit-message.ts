import { messageOf } from '../util/errors.js'

/** Reads a commit message from the GitHub API; undefined with a reason when it cannot. */
export type CommitMessageReader = (
  repository: string,
  sha: string
) => Promise<{ readonly message: string } | { readonly failure: string }>

const LOOKUP_TIMEOUT_MS = 10_000

/**
 * `GET /repos/{owner}/{repo}/commits/{sha}` with the workflow's token. Octokit is loaded only
 * here, for events that do not carry the message, to keep it off the start-up path.
 */
export function githubCommitMessageReader(token: string, apiUrl: string | undefined): CommitMessageReader {
  return async (repository, sha) => {
    if (token === '') return { failure: 'github_token is empty' }
    const [owner, repo] = repository.split('/')
    if (!owner || !repo) return { failure: `the repository name is not owner/name` }
    try {
      const { getOctokit } = await import('@actions/github')
      const octokit = getOctokit(token, {
        ...(apiUrl ? { baseUrl: apiUrl } : {}),
        request: { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) },
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }
      })
      const response = await octokit.rest.repos.getCommit({ owner, repo, ref: sha })
      return { message: response.data.commit.message }
    } catch (error) {
      const status = (error as { status?: unknown }).status
      return { failure: typeof status === 'number' ? `the GitHub API answered ${status}` : messageOf(error) }
    }
  }
}
