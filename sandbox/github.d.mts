/** Types for sandbox/github.mjs, for the TypeScript tests. */

/** A pull request in the REST API's shape, plus the other commits it contains. */
export interface SandboxPullRequest {
  number: number
  state: string
  title: string
  body?: string | null
  html_url: string
  head: { ref: string; sha: string }
  base: { ref: string }
  commits?: string[]
}

/** This module's part of the sandbox scenario. */
export interface GithubScenario {
  pulls: SandboxPullRequest[]
}
