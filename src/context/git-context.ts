import { asRecord } from '../util/records.js'
import type { EventPayload } from './event.js'

/** The runner's environment variables the resolver reads. */
export interface RunnerEnvironment {
  readonly GITHUB_ACTOR?: string
  readonly GITHUB_TRIGGERING_ACTOR?: string
  readonly GITHUB_REPOSITORY?: string
  readonly GITHUB_REF_NAME?: string
  readonly GITHUB_SHA?: string
}

/** The commit a run tests, and who asked for it. */
export interface GitContext {
  readonly actor?: string
  readonly branch?: string
  readonly commitHash?: string
  readonly commitMessage?: string
  /** `owner/name`. */
  readonly repository?: string
  /**
   * True when the event does not carry the commit message: it is read from the GitHub API for
   * `commitHash`.
   */
  readonly commitMessageFromApi: boolean
}

/**
 * Resolves the commit a run tests, for every event. Pure: the event name, its payload and the
 * runner's environment in, the git context out.
 *
 * Pull requests are the reason this exists: GITHUB_REF and GITHUB_SHA point at the merge commit
 * GitHub makes (`refs/pull/N/merge`), which is on no branch and not the commit the author pushed.
 */
export function resolveGitContext(eventName: string, payload: EventPayload, env: RunnerEnvironment): GitContext {
  const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || text(asRecord(payload.sender).login)
  const repository = env.GITHUB_REPOSITORY || text(asRecord(payload.repository).full_name)
  const fallback = { branch: nonEmpty(env.GITHUB_REF_NAME), commitHash: nonEmpty(env.GITHUB_SHA) }
  const commit = commitFor(eventName, payload)

  const branch = commit.branch ?? fallback.branch
  const commitHash = commit.commitHash ?? fallback.commitHash
  return {
    actor,
    branch,
    commitHash,
    commitMessage: commit.commitMessage,
    repository,
    commitMessageFromApi: commit.commitMessage === undefined && commitHash !== undefined
  }
}

interface Commit {
  readonly branch?: string
  readonly commitHash?: string
  readonly commitMessage?: string
}

function commitFor(eventName: string, payload: EventPayload): Commit {
  switch (eventName) {
    case 'push': {
      const headCommit = asRecord(payload.head_commit)
      return {
        branch: refName(text(payload.ref)),
        commitHash: text(payload.after),
        commitMessage: text(headCommit.message)
      }
    }
    case 'pull_request':
    case 'pull_request_target': {
      const head = asRecord(asRecord(payload.pull_request).head)
      return { branch: text(head.ref), commitHash: text(head.sha) }
    }
    case 'deployment':
    case 'deployment_status': {
      const deployment = asRecord(payload.deployment)
      return { branch: refName(text(deployment.ref)), commitHash: text(deployment.sha) }
    }
    case 'merge_group': {
      const group = asRecord(payload.merge_group)
      return {
        branch: refName(text(group.base_ref)),
        commitHash: text(group.head_sha),
        commitMessage: text(asRecord(group.head_commit).message)
      }
    }
    case 'workflow_run': {
      const workflowRun = asRecord(payload.workflow_run)
      return {
        branch: text(workflowRun.head_branch),
        commitHash: text(workflowRun.head_sha),
        commitMessage: text(asRecord(workflowRun.head_commit).message)
      }
    }
    case 'check_suite':
    case 'check_run': {
      const check = asRecord(payload[eventName])
      const suite = eventName === 'check_run' ? asRecord(check.check_suite) : check
      return { branch: text(suite.head_branch) ?? text(check.head_branch), commitHash: text(check.head_sha) }
    }
    default:
      return {}
  }
}

/** True for a push that deleted a branch or tag: there is no commit to test. */
export function isDeletionPush(eventName: string, payload: EventPayload): boolean {
  return eventName === 'push' && payload.deleted === true
}

/** True for a pull request whose head lives in another repository (a fork). */
export function isForkPullRequest(eventName: string, payload: EventPayload): boolean {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return false
  const pullRequest = asRecord(payload.pull_request)
  const headRepo = text(asRecord(asRecord(pullRequest.head).repo).full_name)
  const baseRepo = text(asRecord(asRecord(pullRequest.base).repo).full_name)
  return headRepo !== baseRepo
}

/** `refs/heads/main` → `main`, `refs/tags/v1` → `v1`; other refs as they are. */
function refName(ref: string | undefined): string | undefined {
  return ref?.replace(/^refs\/(heads|tags)\//, '')
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
