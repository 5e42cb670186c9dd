import type { getOctokit } from '@actions/github'

/** The REST client of `@actions/github`. */
export type Octokit = ReturnType<typeof getOctokit>

/** How long one GitHub API request may take: reports are best effort and must not hold the step. */
export const GITHUB_REQUEST_TIMEOUT_MS = 10_000

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/**
 * One Octokit for the step, created on first use: `@actions/github` is loaded only when a feature
 * calls the GitHub API, to keep it off the start-up path. `apiUrl` is GITHUB_API_URL (GitHub
 * Enterprise Server, or the sandbox in tests).
 */
export function lazyOctokit(token: string, apiUrl: string | undefined): () => Promise<Octokit> {
  let client: Promise<Octokit> | undefined
  return () => {
    client ??= import('@actions/github').then(({ getOctokit }) =>
      getOctokit(token, { ...(apiUrl ? { baseUrl: apiUrl } : {}), log: quiet })
    )
    return client
  }
}

/** Per-request options: a timeout of its own, so a slow GitHub API never holds the step. */
export function withTimeout(ms = GITHUB_REQUEST_TIMEOUT_MS): { request: { signal: AbortSignal } } {
  return { request: { signal: AbortSignal.timeout(ms) } }
}

/** `owner/name` split, or undefined when it is not of that form. */
export function splitRepository(repository: string | undefined): { owner: string; repo: string } | undefined {
  const [owner, repo, ...rest] = (repository ?? '').split('/')
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined
}

/** The HTTP status of an Octokit error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status
  return typeof status === 'number' ? status : undefined
}
