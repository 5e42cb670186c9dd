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

/** Who wrote a comment or a status; `type` is `User` unless given. */
export interface SandboxUser {
  login: string
  id?: number
  type?: 'User' | 'Bot'
  name?: string
}

/** A comment already on a pull request (the issue number is the pull request's). */
export interface SandboxComment {
  id?: number
  issue_number: number
  body: string
  user?: SandboxUser
  created_at?: string
  updated_at?: string
}

/** A commit status already set. */
export interface SandboxStatus {
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context?: string
  description?: string | null
  target_url?: string | null
  creator?: SandboxUser
  created_at?: string
}

/**
 * A commit of a branch's list: a SHA (its first parent is the next in the list), or a SHA with
 * its parents (a merge commit, or a merged branch's commit listed among the branch's own).
 */
export type SandboxBranchCommit = string | { sha: string; parents?: string[] }

/** This module's part of the sandbox scenario. */
export interface GithubScenario {
  pulls: SandboxPullRequest[]
  /**
   * Who the token writes as: null for the workflow token (github-actions[bot]), a `Bot` for an
   * app's installation token, a `User` for a person's token. GET /user answers only a person's
   * token (403 for the others, as on GitHub); GraphQL's `viewer` names all three.
   */
  user: SandboxUser | null
  /** Every POST and PATCH gets 403 "Resource not accessible by integration". */
  readOnly: boolean
  comments: SandboxComment[]
  /** Oldest first: GitHub lists a commit's statuses newest first. */
  statuses: SandboxStatus[]
  /**
   * Branches' commits, newest first, as `GET /repos/{owner}/{repo}/commits?sha=<branch>` lists
   * them. Without `sha` the request lists `main`; a SHA in a list lists from it on; anything else
   * is a 404.
   */
  branches: Record<string, SandboxBranchCommit[]>
  /** The largest page the API gives (GitHub: 100). */
  maxPerPage: number
}

export const WORKFLOW_TOKEN_USER: { login: string; id: number; type: 'Bot' }

/** Accounts for scenarios: the workflow token's bot, another app's bot, an app of the user's own, a person. */
export const ACCOUNTS: {
  workflow: { login: 'github-actions[bot]'; id: number; type: 'Bot' }
  vercel: { login: 'vercel[bot]'; id: number; type: 'Bot' }
  qaApp: { login: 'qa-app[bot]'; id: number; type: 'Bot' }
  person: { login: 'octocat'; id: number; type: 'User' }
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown }
/** GitHub's schema of an operation's success response (by operationId, e.g. `issues/create-comment`). */
export function githubResponseValidator(operationId: string): Validator
