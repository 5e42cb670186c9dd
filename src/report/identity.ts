/**
 * Who a report belongs to: the action, the workflow, the job, its matrix leg and `comment_key`,
 * and the workflow run and attempt. The comment key and the default commit status context are
 * derived here and nowhere else, so every report of one job names it the same way, and two
 * actions in one job (QA.tech runs and a change review, say) never take each other's.
 */
import { createHash } from 'node:crypto'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { StartedRun } from '../service/model.js'
import type { ActionId, Service } from '../service/service.js'
import { inline } from '../util/untrusted-text.js'
import { safeUrl } from './markdown.js'

/** Which job and action a report belongs to: the action, workflow, job, matrix leg and `comment_key`. */
export interface JobIdentity {
  /**
   * The action that writes the report. Undefined only where a report needs the workflow run
   * alone (the CTRF file's build); a comment key is never made without it.
   */
  readonly action: ActionId | undefined
  /** The workflow file (from GITHUB_WORKFLOW_REF, without the ref), or its name. */
  readonly workflow: string
  /** The workflow's name, as GitHub shows it. */
  readonly workflowName: string
  readonly job: string
  /** The matrix leg's values, as GitHub names the leg's job: "web, ubuntu-latest". */
  readonly leg: string | undefined
  /** The matrix leg, canonical: the same leg gives the same text whatever the key order. */
  readonly legKey: string | undefined
  readonly commentKey: string | undefined
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT: which workflow run, and which try of it. */
  readonly workflowRunId: string | undefined
  readonly attempt: number
  /** The workflow run's page. */
  readonly workflowRunUrl: string | undefined
}

/** The runner's variables this module reads. */
export interface JobEnvironment {
  readonly GITHUB_WORKFLOW?: string
  readonly GITHUB_WORKFLOW_REF?: string
  readonly GITHUB_JOB?: string
  readonly GITHUB_RUN_ID?: string
  readonly GITHUB_RUN_ATTEMPT?: string
  readonly GITHUB_SERVER_URL?: string
  readonly GITHUB_REPOSITORY?: string
}

/**
 * The job as the comment and the commit status name it. The runner does not tell an action which
 * matrix leg it runs in: `matrix` is the job's `${{ toJSON(matrix) }}`, passed in as an input.
 */
export function jobIdentity(
  env: JobEnvironment,
  options: {
    readonly action?: ActionId
    readonly commentKey?: string
    readonly matrix?: string
  }
): JobIdentity {
  const workflowName = env.GITHUB_WORKFLOW ?? ''
  // `owner/repo/.github/workflows/ci.yml@refs/pull/1/merge`: the file, whatever the ref.
  const workflowFile = env.GITHUB_WORKFLOW_REF?.split('@', 1)[0]
  const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10)
  const server = safeUrl(env.GITHUB_SERVER_URL)?.replace(/\/$/, '')
  const runId = env.GITHUB_RUN_ID || undefined
  const { leg, legKey } = matrixLeg(options.matrix)
  return {
    action: options.action,
    workflow: workflowFile || workflowName,
    workflowName,
    job: env.GITHUB_JOB ?? '',
    leg,
    legKey,
    commentKey: options.commentKey || undefined,
    workflowRunId: runId,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    workflowRunUrl:
      server && runId && env.GITHUB_REPOSITORY
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${encodeURIComponent(runId)}`
        : undefined
  }
}

/** `{"app":"web","os":"ubuntu-latest"}` → "web, ubuntu-latest"; nothing for a job outside a matrix. */
export function matrixLeg(matrix: string | undefined): { leg?: string; legKey?: string } {
  const text = matrix?.trim() ?? ''
  // `${{ … }}` unevaluated: a runner that does not evaluate input defaults (a local run).
  if (text === '' || text === 'null' || text === '{}' || text.startsWith('${{')) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { leg: text, legKey: text }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { leg: String(parsed), legKey: JSON.stringify(parsed) }
  }
  const entries = Object.entries(parsed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (entries.length === 0) return {}
  return {
    // In the workflow's order, as GitHub names the job.
    leg: Object.values(parsed)
      .map(value => (typeof value === 'string' ? value : JSON.stringify(value)))
      .join(', '),
    legKey: JSON.stringify(entries)
  }
}

/**
 * The comment's key: the same action, workflow, job, leg and `comment_key` give the same key on
 * every run and attempt; another action in the same job gets a key (and a comment) of its own.
 */
export function commentKeyOf(identity: JobIdentity): string {
  const parts = [
    identity.action ?? '',
    identity.workflow,
    identity.job,
    identity.legKey ?? '',
    identity.commentKey ?? ''
  ]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24)
}

/** Keeps a context readable in the checks list. */
const MAX_CONTEXT_NAME = 100

/**
 * The default context of each action, before the matrix leg: stable across runs and free of the
 * workflow's and the job's names, so that branch protection can require it and every workflow
 * that tests a commit names it the same way. No two actions' can be equal: QA.tech runs are
 * "QA.tech" or "QA.tech / <plan>", whatever the plan is called; the change review is "QA.tech
 * change review", with no " / "; tester.army's start with "tester.army".
 */
const DEFAULT_CONTEXT: Record<ActionId, (plan: string | undefined) => string> = {
  'qatech-runs': plan => (plan ? `QA.tech / ${plan}` : 'QA.tech'),
  'qatech-change-review': () => 'QA.tech change review',
  'tester-army': plan => (plan ? `tester.army / ${plan}` : 'tester.army')
}

/**
 * The status's context: `status_context`, or the action's default with the matrix leg, so that
 * two legs (or two plans, or two actions) never overwrite each other's status.
 */
export function statusContextOf(
  settings: Pick<CommonSettings, 'statusContext'>,
  service: Pick<Service, 'action'>,
  plan: StartedRun['plan'],
  matrix: string | undefined
): string {
  if (settings.statusContext) return settings.statusContext
  const { leg } = matrixLeg(matrix)
  // The plan's name (never the pull request's): "QA.tech / Checkout flow", "tester.army / grp_1".
  const name = DEFAULT_CONTEXT[service.action](plan?.name || undefined)
  return shorten(inline(leg ? `${name} (${leg})` : name, 1_000), MAX_CONTEXT_NAME)
}

/** At most `max` UTF-16 units (GitHub counts characters; this is never more), cut with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const last = cut.charCodeAt(cut.length - 1)
  return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`
}
