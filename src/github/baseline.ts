/**
 * The baseline of a pull request: the newest commit of its base branch that this action tested
 * there, found by the commit status the action sets (`commit_status: true` in a workflow that runs
 * on push to the base branch). Only a final status (`success` or `failure`: a run that finished
 * with a result) counts, of the step's own status context, written by the token's own account —
 * anyone can name a status like ours, no one else can write as our account (token-account.ts). Its
 * `target_url` names the run whose per-test results the pull request's are compared with.
 *
 * Only the base branch's own line is walked, first parents from its newest commit: a merged
 * branch's commits are listed among the base branch's, but their statuses are that pull
 * request's runs, which may have failed for what the pull request fixed before it was merged.
 *
 * Bounded and best effort: at most 20 commits and a few seconds of requests, and it never throws.
 * Whatever stops it is an answer with a sentence for the log, which says how to get a baseline
 * where one is missing; `error` marks a lookup that could not be completed (GitHub refused or
 * failed, or time ran out), which the caller warns about, unlike a baseline that is not there.
 */
import type { Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { inline, quote } from '../util/untrusted-text.js'
import { GITHUB_REQUEST_TIMEOUT_MS, statusOf, withTimeout, type Octokit } from './octokit.js'
import { isOurs, type TokenAccount } from './token-account.js'

/** How many of the base branch's newest commits are looked at, at most. */
export const BASELINE_MAX_COMMITS = 20

/** How long the look-up may take in all, in milliseconds. */
export const BASELINE_BUDGET_MS = 5_000

/** The base branch's commit whose status names the baseline run. */
export interface Baseline {
  /** The base branch, as the pull request names it (untrusted). */
  readonly branch: string
  readonly commitSha: string
  /** The status's state: the baseline run passed (`success`) or did not (`failure`). */
  readonly state: 'success' | 'failure'
  /** The run's page, as the status links to it (untrusted: the caller reads the run's id from it). */
  readonly targetUrl: string | undefined
}

/**
 * Why there is no baseline: no pull request, no `github_token`, no repository, an account GitHub
 * would not name; none of the commits has a status of this context at all (`none-written`), only
 * unfinished ones of ours (`none-final`), only another account's (`none-ours`); the time ran out
 * (`out-of-time`), GitHub refused or failed (`github-error`).
 */
export type BaselineMiss =
  | 'no-pull-request'
  | 'no-token'
  | 'no-repository'
  | 'unknown-account'
  | 'none-written'
  | 'none-final'
  | 'none-ours'
  | 'out-of-time'
  | 'github-error'

export type BaselineAnswer =
  | { readonly baseline: Baseline }
  | {
      readonly baseline: undefined
      readonly miss: BaselineMiss
      /** One or two sentences for the log: why, and how to get a baseline. */
      readonly why: string
      /** The look-up could not be completed (`out-of-time`, `github-error`): worth a warning, not a notice. */
      readonly error: boolean
    }

export interface BaselineQuery {
  /** The GitHub API with `github_token`; undefined without a token. */
  readonly octokit: Octokit | undefined
  readonly repository: { readonly owner: string; readonly repo: string } | undefined
  /** The pull request's base branch (`PullRequest.baseRef`); undefined when the step has no pull request. */
  readonly baseRef: string | undefined
  /** The step's own status context (report/identity.ts `statusContextOf`): only statuses of this context count. */
  readonly context: string
  /** Whose statuses count: the token's own account (token-account.ts). */
  readonly account: TokenAccount
  /** Measures the budget. */
  readonly clock: Pick<Clock, 'now'>
  /** The time the look-up may take in all; BASELINE_BUDGET_MS by default. */
  readonly budgetMs?: number
  /** How many commits to look at, at most; BASELINE_MAX_COMMITS by default. */
  readonly maxCommits?: number
}

/** A commit status as the look-up reads it. */
interface ListedStatus {
  readonly state: string
  readonly context: string
  readonly targetUrl: string | undefined
  readonly creator: string | undefined
}

/** The newest commit of `baseRef` with a final status of `context` by `account`, or why there is none. Never throws. */
export async function findBaseline(query: BaselineQuery): Promise<BaselineAnswer> {
  const { octokit, repository, baseRef, context, account, clock } = query
  if (baseRef === undefined || baseRef === '') {
    return miss('no-pull-request', 'There is no pull request, so there is no base branch to compare with.')
  }
  const branch = inline(baseRef, 100)
  if (!octokit) {
    return miss('no-token', `github_token is empty: the commit statuses of ${branch} cannot be read.`)
  }
  if (!repository) {
    return miss('no-repository', `The repository is not known, so the commit statuses of ${branch} cannot be read.`)
  }
  if (account.login === undefined) {
    return miss(
      'unknown-account',
      "GitHub would not say which account github_token writes as (GET /user and GraphQL's viewer were refused), " +
        `so no commit status on ${branch} can be told to be this action's own.`
    )
  }

  const budgetMs = query.budgetMs ?? BASELINE_BUDGET_MS
  const deadline = clock.now() + budgetMs
  const timeLeft = () => deadline - clock.now()
  const outOfTime = (checked: number, of: number | undefined) =>
    miss(
      'out-of-time',
      `Reading the commit statuses of ${branch} took longer than ${formatSeconds(budgetMs)}: ` +
        `stopped after ${checked}${of === undefined ? '' : ` of ${of}`} commit${(of ?? checked) === 1 ? '' : 's'}.`,
      true
    )
  const failed = (error: unknown, what: string) =>
    miss('github-error', `Could not read ${what} from GitHub (${describeError(error)}).${permissionHint(error)}`, true)

  let line: string[]
  try {
    const listed = await listCommits(octokit, repository, baseRef, query.maxCommits ?? BASELINE_MAX_COMMITS, timeLeft())
    line = firstParentLine(listed)
  } catch (error) {
    return timeLeft() <= 0 ? outOfTime(0, undefined) : failed(error, `the commits of ${branch}`)
  }

  const seen = { notFinal: new Set<string>(), otherAccounts: new Set<string>(), ourOtherContexts: new Set<string>() }
  for (const [index, sha] of line.entries()) {
    if (timeLeft() <= 0) return outOfTime(index, line.length)
    let statuses: ListedStatus[]
    try {
      statuses = await listStatuses(octokit, repository, sha, timeLeft())
    } catch (error) {
      if (timeLeft() <= 0) return outOfTime(index, line.length)
      return failed(error, `the commit statuses of ${inline(sha.slice(0, 7))} on ${branch}`)
    }
    // Newest first: the newest final status is what this commit's latest finished run said.
    for (const status of statuses) {
      const ours = isOurs(account, { login: status.creator, type: undefined })
      if (status.context !== context) {
        if (ours) seen.ourOtherContexts.add(status.context)
      } else if (!ours) {
        seen.otherAccounts.add(status.creator ?? 'an unknown account')
      } else if (status.state === 'success' || status.state === 'failure') {
        return { baseline: { branch: baseRef, commitSha: sha, state: status.state, targetUrl: status.targetUrl } }
      } else {
        seen.notFinal.add(status.state)
      }
    }
  }
  return nothingFound(line.length, branch, quote(context), account.login, seen)
}

function nothingFound(
  checked: number,
  branch: string,
  context: string,
  login: string,
  seen: {
    readonly notFinal: ReadonlySet<string>
    readonly otherAccounts: ReadonlySet<string>
    readonly ourOtherContexts: ReadonlySet<string>
  }
): BaselineAnswer {
  const howTo =
    ` To compare with ${branch}, run this action on push to ${branch} with commit_status: true, with the same` +
    ' github_token account and status context as here: each commit it tests there then names its run.'
  if (checked === 0) return miss('none-written', `GitHub listed no commits of ${branch}.${howTo}`)
  const commits = checked === 1 ? `the newest commit of ${branch}` : `the ${checked} newest commits of ${branch}`
  if (seen.notFinal.size > 0) {
    const states = [...seen.notFinal].map(state => inline(state, 20)).join(' or ')
    return miss(
      'none-final',
      `This action's ${context} statuses on ${commits} are all ${states}: none is a finished run's result (success or failure).${howTo}`
    )
  }
  if (seen.otherAccounts.size > 0) {
    return miss(
      'none-ours',
      `The ${context} statuses on ${commits} were written by ${names(seen.otherAccounts)}, not by ${inline(login, 100)} ` +
        `(the account github_token writes as): another account's status is never taken as the baseline.${howTo}`
    )
  }
  const otherContexts =
    seen.ourOtherContexts.size > 0
      ? ` This action's statuses there have other contexts (${names(seen.ourOtherContexts, quote)}).`
      : ''
  return miss('none-written', `None of ${commits} has a ${context} status.${otherContexts}${howTo}`)
}

function miss(kind: BaselineMiss, why: string, error = false): BaselineAnswer {
  return { baseline: undefined, miss: kind, why, error }
}

/** "vercel[bot], octocat and 2 more": at most three, each made inert. */
function names(values: ReadonlySet<string>, show: (value: string) => string = value => inline(value, 100)): string {
  const all = [...values]
  const shown = all.slice(0, 3).map(value => show(inline(value, 100)))
  return all.length > 3 ? `${shown.join(', ')} and ${all.length - 3} more` : shown.join(', ')
}

/** `GET /repos/{owner}/{repo}/commits?sha=<branch>`: the branch's newest commits, newest first, with their parents. */
async function listCommits(
  octokit: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  branch: string,
  count: number,
  timeLeftMs: number
): Promise<{ readonly sha: string; readonly firstParent: string | undefined }[]> {
  const { data } = await octokit.rest.repos.listCommits({
    ...repository,
    sha: branch,
    per_page: Math.max(1, Math.min(count, 100)),
    ...requestTimeout(timeLeftMs)
  })
  return data.slice(0, count).map(commit => ({ sha: commit.sha, firstParent: commit.parents[0]?.sha }))
}

/**
 * The branch's own line among the listed commits: from the newest, each commit's first parent,
 * while it is listed. A merged branch's commits, listed by date among the branch's own, are left out.
 */
function firstParentLine(
  commits: readonly { readonly sha: string; readonly firstParent: string | undefined }[]
): string[] {
  const bySha = new Map(commits.map(commit => [commit.sha, commit]))
  const line: string[] = []
  for (let commit = commits[0]; commit && !line.includes(commit.sha);) {
    line.push(commit.sha)
    commit = commit.firstParent === undefined ? undefined : bySha.get(commit.firstParent)
  }
  return line
}

/**
 * `GET /repos/{owner}/{repo}/commits/{sha}/statuses`: the commit's newest 100 statuses, newest
 * first. One page is enough: each finished run of a context writes two (pending, then its end).
 */
async function listStatuses(
  octokit: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  sha: string,
  timeLeftMs: number
): Promise<ListedStatus[]> {
  const { data } = await octokit.rest.repos.listCommitStatusesForRef({
    ...repository,
    ref: sha,
    per_page: 100,
    ...requestTimeout(timeLeftMs)
  })
  return data.map(status => ({
    state: status.state,
    context: status.context,
    targetUrl: status.target_url ?? undefined,
    creator: status.creator?.login
  }))
}

/** Each request may take the time left, and never longer than any GitHub request of the step. */
function requestTimeout(timeLeftMs: number): ReturnType<typeof withTimeout> {
  return withTimeout(Math.max(1, Math.min(timeLeftMs, GITHUB_REQUEST_TIMEOUT_MS)))
}

function describeError(error: unknown): string {
  const status = statusOf(error)
  return `${status === undefined ? '' : `${status}: `}${inline(messageOf(error), 200)}`
}

/** A refusal is most often a job's `permissions:` block without what the look-up reads. */
function permissionHint(error: unknown): string {
  const status = statusOf(error)
  return status === 401 || status === 403
    ? ' Give the job `permissions: contents: read` and `statuses: read` to compare with the base branch.'
    : ''
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}
