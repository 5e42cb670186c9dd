/**
 * The sticky pull-request comment (`pr_comment`): one comment per action, workflow, job, matrix
 * leg and `comment_key`, found again by its hidden marker across every page of comments — only
 * among the comments our token's own account wrote (src/github/token-account.ts) — created once
 * and edited in place afterwards. Another account's comment is never edited, marker or not.
 */
import * as core from '@actions/core'
import {
  createComment,
  findComment,
  readComment,
  repositoryNames,
  updateComment,
  type IssueComment
} from '../github/comments.js'
import type { Octokit } from '../github/octokit.js'
import { readPullRequest, resolvePullRequest, type PullRequest } from '../github/pull-request.js'
import { isOurs, learnedFrom, tokenAccount, type TokenAccount } from '../github/token-account.js'
import type { Outcome, StartedRun } from '../service/model.js'
import { systemClock, type Clock } from '../util/clock.js'
import { redactSecrets } from '../util/secrets.js'
import { readMarker, type MarkerVerdict } from './comment-marker.js'
import { renderComment, type CommentState } from './comment-markdown.js'
import { commentKeyOf, jobIdentity } from './identity.js'
import { isPermissionDenied, retryOnce, warnPermission } from './permissions.js'
import type { Reporter, ReportContext } from './reporter.js'

/** What the GitHub reporters need beyond the report context. */
export interface GithubReportOptions {
  /**
   * The job's `${{ toJSON(matrix) }}`: the runner does not tell an action which matrix leg it
   * runs in, and each leg needs a comment (and a commit status) of its own.
   */
  readonly matrix?: string
  /** The step's clock: the pause before a retry, and the comment's "updated" time. */
  readonly clock?: Clock
}

const WHAT = 'the pull-request comment'

/** Where the comment goes, found once a step. */
interface Target {
  readonly client: Octokit
  readonly repository: { readonly owner: string; readonly repo: string }
  readonly pullRequest: PullRequest
  /** This job's comment, once found or written. */
  comment: IssueComment | undefined
  /** The pull request was read just now: its head is current for the first write. */
  fresh: boolean
}

export function pullRequestCommentReporter(context: ReportContext, options: GithubReportOptions = {}): Reporter {
  const { settings, git, service } = context
  const clock = options.clock ?? systemClock
  const job = jobIdentity(context.env, {
    action: service.action,
    commentKey: settings.commentKey,
    matrix: options.matrix
  })
  const key = commentKeyOf(job)
  let target: Promise<Target | undefined> | undefined
  // The token's account, asked once a step; learned from our first comment when GitHub would not say.
  let account: TokenAccount | undefined
  let refused = false

  const locate = async (): Promise<Target | undefined> => {
    if (!context.octokit) {
      core.info('github_token is empty: no pull-request comment.')
      return undefined
    }
    const client = await context.octokit()
    const repository = repositoryNames(git.repository)
    const answer = await resolvePullRequest({ event: context.event, git, client, current: true })
    if (!answer.pullRequest) {
      core.info(`No pull-request comment: ${answer.why}`)
      return undefined
    }
    account ??= await tokenAccount(client)
    const comment = await findJobComment(client, repository, answer.pullRequest.number, account, key)
    return { client, repository, pullRequest: answer.pullRequest, comment, fresh: true }
  }

  const write = async (run: StartedRun, state: CommentState, verdict: MarkerVerdict | undefined) => {
    if (settings.prComment === 'off' || refused) return
    try {
      target ??= locate()
      const found = await target
      if (!found) return
      // `on-failure` starts a comment only for a failed step, but keeps an existing one current.
      if (settings.prComment === 'on-failure' && !found.comment && verdict !== 'failed') return
      const pullRequestHead = await currentHead(found)
      if (await newerResultThere(found, pullRequestHead, git.commitHash)) {
        core.info(
          `The pull request's comment already shows the result of its latest commit; not replacing it with this older commit's.`
        )
        return
      }
      // Secrets out of what is rendered (so the mark is escaped like any text), then out of the result.
      const shown = redactSecrets({ run, state, git }, settings.secrets)
      const body = redactSecrets(
        renderComment({
          words: service.words,
          started: shown.run,
          state: shown.state,
          git: shown.git,
          job,
          marker: {
            key,
            run: { id: run.id, url: run.url, ...(run.plan ? { plan: run.plan } : {}) },
            sha: git.commitHash,
            workflowRunId: job.workflowRunId,
            attempt: job.attempt,
            ...(verdict ? { verdict } : {})
          },
          pullRequestHead,
          updatedAt: clock.now()
        }),
        settings.secrets
      )
      const { client, repository, pullRequest, comment } = found
      if (comment) {
        await retryOnce(() => updateComment(client, repository, comment.id, body), clock)
        found.comment = { ...comment, body }
      } else {
        found.comment = await createComment(client, repository, pullRequest.number, body)
        if (account) account = learnedFrom(account, found.comment.author)
        core.info(`Commented on pull request #${pullRequest.number}.`)
      }
    } catch (error) {
      if (!isPermissionDenied(error)) {
        // The next hook looks again: a create that timed out may have left a comment to edit.
        target = undefined
        throw error
      }
      refused = true
      warnPermission(settings, WHAT, error)
    }
  }

  return {
    what: WHAT,
    started: run => write(run, { kind: 'running' }, undefined),
    stopped: (run, problem) => write(run, { kind: 'stopped', problem }, 'failed'),
    finished: (run, ending) => write(run, ending, ending.kind === 'waited' ? markerVerdict(ending.outcome) : undefined)
  }
}

/**
 * This job's comment: the marker with its key, in a comment our token's own account wrote (anyone
 * can copy a marker). None while the account is unknown: a new comment is safer than someone else's.
 */
export function findJobComment(
  client: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  pullRequestNumber: number,
  account: TokenAccount,
  key: string
): Promise<IssueComment | undefined> {
  if (account.login === undefined) return Promise.resolve(undefined)
  return findComment(
    client,
    repository,
    pullRequestNumber,
    comment => isOurs(account, comment.author) && readMarker(comment.body)?.key === key
  )
}

/** The pull request's head now: a run takes minutes, and a push may have come meanwhile. */
async function currentHead(target: Target): Promise<string | undefined> {
  if (target.fresh) {
    target.fresh = false
    return target.pullRequest.headSha || undefined
  }
  try {
    const now = await readPullRequest(target.client, target.repository, target.pullRequest.number)
    return now.headSha || undefined
  } catch {
    return target.pullRequest.headSha || undefined
  }
}

/**
 * True when this step tested an older commit than the pull request's head and the comment, read
 * again now, already shows the head's result (a newer run finished first).
 */
async function newerResultThere(target: Target, head: string | undefined, tested: string | undefined) {
  if (!target.comment || !head || !tested || head.toLowerCase() === tested.toLowerCase()) return false
  const now = await readComment(target.client, target.repository, target.comment.id)
  const shown = readMarker(now.body)?.sha
  return shown !== undefined && shown.toLowerCase() === head.toLowerCase()
}

/**
 * The verdict a rerun of the job may reuse: `passed` only for a run that passed on its own. A
 * pass that known failures allowed (fail_on: new) is `failed`, so a rerun runs those tests again
 * and compares with the base branch as it is then.
 */
function markerVerdict(outcome: Outcome): MarkerVerdict {
  return outcome.succeeded && outcome.kind !== 'failed' ? 'passed' : 'failed'
}
