/**
 * The run that the previous attempt of this job started, for "Re-run failed jobs": read from the
 * hidden marker of this job's pull-request comment, and only when everything says it is this
 * workflow run's previous attempt of this job and action — written by our token's own account,
 * with this job's key (action, workflow, job, matrix leg, `comment_key`), this workflow run's id,
 * an earlier attempt and this commit. Anything else is someone else's: another bot's comment with
 * a copied marker, another workflow's or an older workflow run's.
 *
 * A commit status is not enough: it does not say which workflow run set it, and another workflow
 * using the same token sets the same context on the same commit (a push and a pull_request
 * workflow testing one commit). Taking its run would rerun, and take the verdict of, a run this
 * job never started.
 */
import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import { repositoryNames } from '../github/comments.js'
import { statusOf, type Octokit } from '../github/octokit.js'
import { resolvePullRequest } from '../github/pull-request.js'
import { tokenAccount } from '../github/token-account.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { ActionId } from '../service/service.js'
import { systemClock, type Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { readMarker, type MarkerVerdict } from './comment-marker.js'
import { commentKeyOf, jobIdentity, type JobEnvironment } from './identity.js'
import { safeUrl } from './markdown.js'
import { retryOnce } from './permissions.js'
import { findJobComment } from './pr-comment.js'

export interface PreviousRun {
  /** The service's id of the run, when the comment names it. */
  readonly id: string | undefined
  /** The run's page. */
  readonly url: string
  /** The attempt that wrote it. */
  readonly attempt: number
  /** The step's verdict in that attempt, when it had one: `passed` leaves nothing to rerun. */
  readonly verdict?: MarkerVerdict
  /** What the run ran (a test plan), when the comment names it. */
  readonly plan?: { readonly label: string; readonly name: string }
}

/** Found, or why not: a sentence that says how to make it findable. */
export type PreviousRunAnswer = { readonly found: PreviousRun } | { readonly notFound: string }

export interface PreviousRunQuery {
  readonly settings: Pick<CommonSettings, 'prComment' | 'commentKey'>
  /** The action whose run is looked for: part of the comment's key. */
  readonly action: ActionId
  readonly git: GitContext
  readonly env: JobEnvironment
  readonly event: { readonly name: string; readonly payload: EventPayload }
  /** The GitHub API with `github_token`; undefined without a token. */
  readonly octokit: (() => Promise<Octokit>) | undefined
  /** The job's `${{ toJSON(matrix) }}`, as the reporters were given it. */
  readonly matrix?: string
  /** The step's clock, for the pause before one retry of a transient failure. */
  readonly clock?: Pick<Clock, 'sleep'>
}

const HOW_TO_ENABLE =
  'Set pr_comment: always (needs `permissions: pull-requests: write`) so that a rerun can find the run ' +
  "the previous attempt started: its hidden marker names the workflow run and the job, which a commit status can't."

/** Never throws: a failure to look is a reason, and the caller runs everything. */
export async function findPreviousRun(query: PreviousRunQuery): Promise<PreviousRunAnswer> {
  const { settings, octokit, git } = query
  const job = jobIdentity(query.env, {
    action: query.action,
    commentKey: settings.commentKey,
    matrix: query.matrix
  })
  if (job.attempt <= 1) return { notFound: 'This is the first attempt of the workflow run.' }
  if (settings.prComment === 'off') return { notFound: `pr_comment is off. ${HOW_TO_ENABLE}` }
  if (!octokit) return { notFound: 'github_token is empty: the previous attempt cannot be looked up.' }
  if (!git.commitHash) return { notFound: 'There is no commit to look up the previous attempt by.' }
  if (!job.workflowRunId) return { notFound: 'GITHUB_RUN_ID is not set: the previous attempt cannot be told apart.' }

  const expected = {
    key: commentKeyOf(job),
    workflowRunId: job.workflowRunId,
    attempt: job.attempt,
    sha: git.commitHash
  }
  try {
    return await retryOnce(async () => fromComment(query, await octokit(), expected), query.clock ?? systemClock)
  } catch (error) {
    return { notFound: unreadable(error) }
  }
}

function unreadable(error: unknown): string {
  const status = statusOf(error)
  const permission =
    status === 401 || status === 403 ? ' Give the job `permissions: pull-requests: read` (or write).' : ''
  return `Could not read the previous attempt's report from GitHub (${status !== undefined ? `${status}: ` : ''}${inline(messageOf(error), 200)}).${permission}`
}

async function fromComment(
  query: PreviousRunQuery,
  client: Octokit,
  expected: { readonly key: string; readonly workflowRunId: string; readonly attempt: number; readonly sha: string }
): Promise<PreviousRunAnswer> {
  const answer = await resolvePullRequest({ event: query.event, git: query.git, client })
  if (!answer.pullRequest) return { notFound: `${answer.why} There is no pull-request comment to read.` }
  const number = answer.pullRequest.number
  const account = await tokenAccount(client)
  if (account.login === undefined) {
    return {
      notFound:
        "GitHub would not say which account github_token writes as (GET /user and GraphQL's viewer were refused), so no comment can be told to be this job's."
    }
  }
  const comment = await findJobComment(client, repositoryNames(query.git.repository), number, account, expected.key)
  const marker = comment ? readMarker(comment.body) : undefined
  const ofJob = `This job's comment on pull request #${number}`
  if (!marker) return { notFound: `Pull request #${number} has no comment of this job by ${inline(account.login)}.` }
  // The comment is kept across workflow runs: only this run's earlier attempt counts.
  if (marker.workflowRunId !== expected.workflowRunId) return { notFound: `${ofJob} is from another workflow run.` }
  if (marker.attempt === undefined || marker.attempt >= expected.attempt) {
    return { notFound: `${ofJob} is not from an earlier attempt.` }
  }
  if (marker.sha?.toLowerCase() !== expected.sha.toLowerCase()) {
    return { notFound: `${ofJob} is about another commit.` }
  }
  const url = safeUrl(marker.run.url)
  if (!url) return { notFound: `${ofJob} names no run.` }
  return {
    found: {
      id: marker.run.id,
      url,
      attempt: marker.attempt,
      ...(marker.verdict ? { verdict: marker.verdict } : {}),
      ...(marker.run.plan ? { plan: marker.run.plan } : {})
    }
  }
}
