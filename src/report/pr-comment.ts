/**
 * The sticky pull-request comment (`pr_comment`): one comment per workflow, job, matrix leg and
 * `comment_key`, found again by its hidden marker and its author across every page of comments,
 * created once and edited in place afterwards.
 */
import * as core from '@actions/core'
import { pullRequestOfPayload } from '../context/pull-request.js'
import {
  createComment,
  findComment,
  readComment,
  readPullRequest,
  repositoryNames,
  tokenIdentity,
  writtenBy,
  updateComment,
  type IssueComment,
  type TokenIdentity
} from '../github/comments.js'
import type { Octokit } from '../github/octokit.js'
import { findPullRequestForCommit, type PullRequest } from '../github/pull-for-commit.js'
import type { StartedRun } from '../service/model.js'
import { systemClock, type Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { redactSecrets } from '../util/secrets.js'
import { inline } from '../util/untrusted-text.js'
import { readMarker } from './comment-marker.js'
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

/** Events whose payload names the pull request. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])
/** Events that name a commit only: its open pull request is looked up. */
const COMMIT_EVENTS = new Set(['push', 'deployment', 'deployment_status', 'workflow_run', 'merge_group'])

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
    service: service.words.name,
    commentKey: settings.commentKey,
    matrix: options.matrix
  })
  const key = commentKeyOf(job)
  let target: Promise<Target | undefined> | undefined
  let refused = false

  const write = async (run: StartedRun, state: CommentState, failing: boolean) => {
    if (settings.prComment === 'off' || refused) return
    try {
      target ??= locate(context, key)
      const found = await target
      if (!found) return
      // `on-failure` starts a comment only for a failed step, but keeps an existing one current.
      if (settings.prComment === 'on-failure' && !found.comment && !failing) return
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
            run: { id: run.id, url: run.url },
            sha: git.commitHash,
            workflowRunId: job.workflowRunId,
            attempt: job.attempt
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
    started: run => write(run, { kind: 'running' }, false),
    stopped: (run, problem) => write(run, { kind: 'stopped', problem }, true),
    finished: (run, ending) => write(run, ending, ending.kind === 'waited' && !ending.outcome.succeeded)
  }
}

/** The pull request, the token's user and this job's comment, or undefined (with a line of log) when there is none. */
async function locate(context: ReportContext, key: string): Promise<Target | undefined> {
  if (!context.octokit) {
    core.info('github_token is empty: no pull-request comment.')
    return undefined
  }
  const client = await context.octokit()
  const repository = repositoryNames(context.git.repository)
  const pullRequest = await findPullRequest(context, client)
  if (!pullRequest) {
    core.info('No open pull request for this commit: no pull-request comment.')
    return undefined
  }
  const identity = await tokenIdentity(client)
  const comment = await findJobComment(client, repository, pullRequest.number, identity, key)
  return { client, repository, pullRequest, comment, fresh: true }
}

/** This job's comment: the marker with its key, written by the token's own user or app (anyone can copy a marker). */
export function findJobComment(
  client: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  pullRequestNumber: number,
  identity: TokenIdentity,
  key: string
): Promise<IssueComment | undefined> {
  return findComment(
    client,
    repository,
    pullRequestNumber,
    comment => writtenBy(identity, comment.author) && readMarker(comment.body)?.key === key
  )
}

/**
 * The pull request the step's commit belongs to: the event's, read again for its current head,
 * or for events that name only a commit, the open pull request whose head it is.
 */
export async function findPullRequest(
  { event, git }: Pick<ReportContext, 'event' | 'git'>,
  client: Octokit
): Promise<PullRequest | undefined> {
  const repository = repositoryNames(git.repository)
  if (PULL_REQUEST_EVENTS.has(event.name)) {
    const fromEvent = pullRequestOfPayload(event.payload)
    if (!fromEvent) return undefined
    try {
      return await readPullRequest(client, repository, fromEvent.number)
    } catch (error) {
      core.debug(`Could not read pull request #${fromEvent.number}: ${inline(messageOf(error))}`)
      return fromEvent
    }
  }
  if (COMMIT_EVENTS.has(event.name) && git.commitHash && git.repository) {
    return findPullRequestForCommit(client, git.repository, git.commitHash)
  }
  return undefined
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
