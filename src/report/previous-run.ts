/**
 * The run that the previous attempt of this job started, found from what that attempt wrote to
 * GitHub: its pull-request comment's hidden marker (the run's id and page, the workflow run and
 * attempt, the commit), else its commit status (the run's page in `target_url`). For "Re-run
 * failed jobs": nothing else needs setting up.
 */
import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import { repositoryNames, tokenIdentity, writtenBy, type TokenIdentity } from '../github/comments.js'
import { statusOf, type Octokit } from '../github/octokit.js'
import { findLatestStatus, type ListedStatus } from '../github/statuses.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { ServiceWords } from '../service/service.js'
import { systemClock, type Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { readMarker } from './comment-marker.js'
import { commentKeyOf, jobIdentity, matrixLeg, statusContextOf, type JobEnvironment } from './identity.js'
import { safeUrl } from './markdown.js'
import { retryOnce } from './permissions.js'
import { findJobComment, findPullRequest } from './pr-comment.js'

export interface PreviousRun {
  /** The service's id of the run, when it is known (always from the comment). */
  readonly id: string | undefined
  /** The run's page. */
  readonly url: string
  readonly source: 'pull-request comment' | 'commit status'
  /** The commit status's state (`failure`, `success`…), when found through it. */
  readonly statusState?: string
  /** The attempt that wrote it, when the comment says. */
  readonly attempt?: number
}

/** Found, or why not: a sentence that says how to make it findable. */
export type PreviousRunAnswer = { readonly found: PreviousRun } | { readonly notFound: string }

export interface PreviousRunQuery {
  readonly settings: Pick<CommonSettings, 'prComment' | 'commentKey' | 'commitStatus' | 'statusContext'>
  readonly words: Pick<ServiceWords, 'name'>
  readonly git: GitContext
  readonly env: JobEnvironment
  readonly event: { readonly name: string; readonly payload: EventPayload }
  /** The GitHub API with `github_token`; undefined without a token. */
  readonly octokit: (() => Promise<Octokit>) | undefined
  /** The job's `${{ toJSON(matrix) }}`, as the reporters were given it. */
  readonly matrix?: string
  /** The plan's name when known before the start: the status context's default names it. */
  readonly planName?: string
  /** The service's run id from its page, for a run found through a commit status. */
  readonly runIdFromUrl?: (url: string) => string | undefined
  /** The step's clock, for the pause before one retry of a transient failure. */
  readonly clock?: Pick<Clock, 'sleep'>
}

const HOW_TO_ENABLE =
  'Set commit_status: true (needs `permissions: statuses: write`) or pr_comment (needs `pull-requests: write`) ' +
  'so that a rerun can find the run the previous attempt started.'

/** Never throws: a failure to look is a reason, and the caller runs everything. */
export async function findPreviousRun(query: PreviousRunQuery): Promise<PreviousRunAnswer> {
  const { settings, octokit, git } = query
  const job = jobIdentity(query.env, {
    service: query.words.name,
    commentKey: settings.commentKey,
    matrix: query.matrix
  })
  if (job.attempt <= 1) return { notFound: 'This is the first attempt of the workflow run.' }
  if (settings.prComment === 'off' && !settings.commitStatus) {
    return { notFound: `Neither commit_status nor pr_comment is on. ${HOW_TO_ENABLE}` }
  }
  if (!octokit) return { notFound: 'github_token is empty: the previous attempt cannot be looked up.' }
  if (!git.commitHash) return { notFound: 'There is no commit to look up the previous attempt by.' }

  const clock = query.clock ?? systemClock
  // Each source on its own: a failure to read one still lets the other answer.
  const sources: (() => Promise<PreviousRunAnswer>)[] = []
  let client: Octokit | undefined
  let identity: TokenIdentity | undefined
  const ready = async () => {
    const github = (client ??= await octokit())
    identity ??= await tokenIdentity(github)
    return { client: github, identity }
  }
  if (settings.prComment !== 'off') {
    sources.push(async () => {
      const { client, identity } = await ready()
      return fromComment(query, client, identity, commentKeyOf(job), job.workflowRunId)
    })
  }
  if (settings.commitStatus) {
    const sha = git.commitHash
    sources.push(async () => {
      const { client, identity } = await ready()
      return fromStatus(query, client, identity, sha)
    })
  }
  const reasons: string[] = []
  for (const source of sources) {
    try {
      const answer = await retryOnce(source, clock)
      if ('found' in answer) return answer
      reasons.push(answer.notFound)
    } catch (error) {
      reasons.push(unreadable(error))
    }
  }
  return { notFound: reasons.join(' ') }
}

function unreadable(error: unknown): string {
  const status = statusOf(error)
  const permission =
    status === 401 || status === 403
      ? ' Give the job `permissions: pull-requests: read` and `statuses: read` (or write).'
      : ''
  return `Could not read the previous attempt's report from GitHub (${status !== undefined ? `${status}: ` : ''}${inline(messageOf(error), 200)}).${permission}`
}

async function fromComment(
  query: PreviousRunQuery,
  client: Octokit,
  identity: TokenIdentity,
  key: string,
  workflowRunId: string | undefined
): Promise<PreviousRunAnswer> {
  const pullRequest = await findPullRequest(query, client)
  if (!pullRequest) return { notFound: 'No open pull request for this commit, so no comment to read.' }
  const comment = await findJobComment(client, repositoryNames(query.git.repository), pullRequest.number, identity, key)
  const marker = comment ? readMarker(comment.body) : undefined
  if (!marker) return { notFound: `Pull request #${pullRequest.number} has no comment of this job.` }
  const url = safeUrl(marker.run.url)
  if (!url) return { notFound: `This job's comment on pull request #${pullRequest.number} names no run.` }
  // The comment is kept across workflow runs: only this run's earlier attempt counts.
  if (workflowRunId && marker.workflowRunId !== workflowRunId) {
    return { notFound: `This job's comment on pull request #${pullRequest.number} is from another workflow run.` }
  }
  if (marker.sha && query.git.commitHash && marker.sha.toLowerCase() !== query.git.commitHash.toLowerCase()) {
    return { notFound: `This job's comment on pull request #${pullRequest.number} is about another commit.` }
  }
  return {
    found: {
      id: marker.run.id,
      url,
      source: 'pull-request comment',
      ...(marker.attempt !== undefined ? { attempt: marker.attempt } : {})
    }
  }
}

async function fromStatus(
  query: PreviousRunQuery,
  client: Octokit,
  identity: TokenIdentity,
  sha: string
): Promise<PreviousRunAnswer> {
  const { settings, words } = query
  // Without status_context the default names the plan, which is known only once a run started.
  const expected =
    settings.statusContext || query.planName !== undefined
      ? statusContextOf(settings, words, query.planName ? { label: '', name: query.planName } : undefined, query.matrix)
      : undefined
  const { leg } = matrixLeg(query.matrix)
  const ours = (status: ListedStatus) =>
    writtenBy(identity, status.creator) &&
    (expected !== undefined ? status.context === expected : isDefaultContext(status.context, words.name, leg))

  // The newest status of each of our contexts; more than one context cannot be told apart.
  const newest = new Map<string, ListedStatus>()
  await findLatestStatus(client, repositoryNames(query.git.repository), sha, status => {
    if (ours(status) && !newest.has(status.context)) newest.set(status.context, status)
    return false
  })
  if (newest.size === 0) {
    return {
      notFound: `Commit ${sha.slice(0, 7)} has no ${expected ? `"${inline(expected)}" ` : ''}status of this job.`
    }
  }
  if (newest.size > 1) {
    return {
      notFound: `Commit ${sha.slice(0, 7)} has statuses of ${newest.size} ${words.name} runs (${[...newest.keys()].map(context => `"${inline(context, 80)}"`).join(', ')}); set status_context to tell them apart.`
    }
  }
  const [status] = [...newest.values()]
  const url = safeUrl(status?.targetUrl)
  if (!status || !url) return { notFound: `The commit status "${inline(status?.context ?? '')}" links to no run.` }
  return { found: { id: query.runIdFromUrl?.(url), url, source: 'commit status', statusState: status.state } }
}

/** "QA.tech" or "QA.tech / <any plan>", with this job's matrix leg when it has one. */
function isDefaultContext(context: string, service: string, leg: string | undefined): boolean {
  const suffix = leg ? ` (${leg})` : ''
  if (leg && !context.endsWith(suffix)) return false
  const name = leg ? context.slice(0, -suffix.length) : context
  return name === service || name.startsWith(`${service} / `)
}
