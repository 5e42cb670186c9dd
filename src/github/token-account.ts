/**
 * Whose account `github_token` writes as, and so which comments and commit statuses are ours: a
 * comment or status is ours only when that very account wrote it. Anyone can copy a hidden
 * marker or name a status like ours; no one else can write as our account.
 *
 * - A person's token (a personal access token): `GET /user` names the person.
 * - An installation token — the workflow token, which writes as `github-actions[bot]`, or a
 *   GitHub App's, which writes as `<app>[bot]` — is refused `GET /user` (403). GraphQL's `viewer`
 *   answers for it with that same bot account, so the workflow token matches
 *   `github-actions[bot]` exactly and an app's token matches its own bot only, never another
 *   app's (e.g. `vercel[bot]`).
 * - When neither answers, the account is unknown: nothing already there is ours. The step then
 *   edits no existing comment and trusts no earlier report, and learns the account from the
 *   first comment it creates (GitHub names the author in its answer).
 */
import { statusOf, withTimeout, type Octokit } from './octokit.js'

/** Who wrote a comment or set a status. */
export interface Author {
  readonly login: string | undefined
  /** `User` or `Bot`: shown, never used to decide what is ours. */
  readonly type: string | undefined
}

/** The token's account: its login, or undefined while it is not known. */
export interface TokenAccount {
  readonly login: string | undefined
}

/** True when `author` is the token's own account; nothing is while the account is unknown. */
export function isOurs(account: TokenAccount, author: Author): boolean {
  return account.login !== undefined && author.login === account.login
}

/** The account, once learned from what the token just wrote (a comment's author). */
export function learnedFrom(account: TokenAccount, author: Author): TokenAccount {
  return account.login === undefined && author.login ? { login: author.login } : account
}

/** The account each client's token writes as, asked once: the comment, the rerun and the baseline all need it. */
const accounts = new WeakMap<Octokit, Promise<TokenAccount>>()

/**
 * `GET /user`, then for an installation token GraphQL's `viewer`, once per client (a failure is
 * not kept, so a later caller asks again). Throws only what is worth a retry (a 5xx, a rate limit,
 * the network); a refusal of both is an unknown account.
 */
export function tokenAccount(octokit: Octokit): Promise<TokenAccount> {
  let asked = accounts.get(octokit)
  if (!asked) {
    asked = askAccount(octokit)
    accounts.set(octokit, asked)
    asked.catch(() => accounts.delete(octokit))
  }
  return asked
}

async function askAccount(octokit: Octokit): Promise<TokenAccount> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated({ ...withTimeout() })
    return { login: data.login }
  } catch (error) {
    if (!isRefusal(error)) throw error
  }
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }', {
      ...withTimeout()
    })
    const login = answer.viewer?.login
    return { login: typeof login === 'string' && login !== '' ? asBotLogin(login) : undefined }
  } catch (error) {
    // GraphQL said no (an answer with `errors`), or there is no GraphQL API to ask: unknown.
    const answered = (error as { name?: unknown }).name === 'GraphqlResponseError'
    if (answered || isRefusal(error) || statusOf(error) === 404) return { login: undefined }
    throw error
  }
}

/**
 * An installation writes as `<app>[bot]` in the REST API, which is what comments and statuses
 * name; GraphQL may name the same account by its app's slug alone. A login never contains `[`,
 * so the suffix cannot turn one account into another.
 */
function asBotLogin(login: string): string {
  return login.endsWith('[bot]') ? login : `${login}[bot]`
}

/** 401, or a 403 that is not a rate limit: the token may not ask, which says what kind it is. */
function isRefusal(error: unknown): boolean {
  const status = statusOf(error)
  if (status === 401) return true
  if (status !== 403) return false
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {}
  // A rate limit (no requests left, or a secondary limit that says when to come back) is no refusal.
  return headers['x-ratelimit-remaining'] !== '0' && headers['retry-after'] === undefined
}
