/**
 * The hidden marker at the start of the pull-request comment: which job and action wrote it (the
 * key), which workflow run and attempt, which run it reports and whether the step passed, so that
 * the next run edits it and a rerun of the job finds its run again. A marker is only read from a
 * comment our own account wrote: anyone can copy one.
 */
import { safeUrl } from './markdown.js'

const MARKER_START = '<!-- run-action-report '
const MARKER_END = ' -->'

/** What the hidden marker carries, for the next run and for a rerun of this job. */
export interface CommentMarker {
  readonly key: string
  /** The run the comment reports: a rerun of the job starts from it. */
  readonly run: {
    readonly id?: string
    readonly url?: string
    /**
     * What the run ran (a test plan): a rerun's answer may not name it, and the commit status's
     * context, which does, must stay the one branch protection requires.
     */
    readonly plan?: { readonly label: string; readonly name: string }
  }
  /** The commit tested. */
  readonly sha?: string
  readonly workflowRunId?: string
  readonly attempt?: number
  /** The step's verdict, once it has one: a rerun of a job whose step passed has nothing to rerun. */
  readonly verdict?: MarkerVerdict
}

export type MarkerVerdict = 'passed' | 'failed'

/** Longer values than these are not a service's ids or pages: left out rather than cut. */
const MAX_MARKER_ID = 200
const MAX_MARKER_URL = 2_000
const MAX_MARKER_PLAN = 300

/** The marker, an HTML comment GitHub does not show. Its JSON cannot end the comment early. */
export function renderMarker(marker: CommentMarker): string {
  const url = safeUrl(marker.run.url)
  const data = {
    v: 1,
    key: marker.key,
    run: {
      ...(marker.run.id && marker.run.id.length <= MAX_MARKER_ID ? { id: marker.run.id } : {}),
      ...(url && url.length <= MAX_MARKER_URL ? { url } : {}),
      ...(marker.run.plan && marker.run.plan.label.length + marker.run.plan.name.length <= MAX_MARKER_PLAN
        ? { plan: { label: marker.run.plan.label, name: marker.run.plan.name } }
        : {})
    },
    ...(marker.sha && /^[0-9a-f]{7,64}$/i.test(marker.sha) ? { sha: marker.sha } : {}),
    ...(marker.workflowRunId && /^\d{1,20}$/.test(marker.workflowRunId) ? { workflowRunId: marker.workflowRunId } : {}),
    ...(marker.attempt !== undefined ? { attempt: marker.attempt } : {}),
    ...(marker.verdict !== undefined ? { verdict: marker.verdict } : {})
  }
  const json = JSON.stringify(data).replace(/[<>&-]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `${MARKER_START}${json}${MARKER_END}`
}

/** The marker at the start of a comment's body, or undefined when it has none (or a broken one). */
export function readMarker(body: string): CommentMarker | undefined {
  if (!body.startsWith(MARKER_START)) return undefined
  const end = body.indexOf(MARKER_END, MARKER_START.length)
  if (end === -1) return undefined
  let data: unknown
  try {
    data = JSON.parse(body.slice(MARKER_START.length, end))
  } catch {
    return undefined
  }
  if (typeof data !== 'object' || data === null) return undefined
  const record = data as Record<string, unknown>
  if (record.v !== 1 || typeof record.key !== 'string') return undefined
  const run = typeof record.run === 'object' && record.run !== null ? (record.run as Record<string, unknown>) : {}
  return {
    key: record.key,
    run: {
      ...(typeof run.id === 'string' ? { id: run.id } : {}),
      ...(typeof run.url === 'string' ? { url: run.url } : {}),
      ...planOf(run.plan)
    },
    ...(typeof record.sha === 'string' ? { sha: record.sha } : {}),
    ...(typeof record.workflowRunId === 'string' ? { workflowRunId: record.workflowRunId } : {}),
    ...(typeof record.attempt === 'number' ? { attempt: record.attempt } : {}),
    ...(record.verdict === 'passed' || record.verdict === 'failed' ? { verdict: record.verdict } : {})
  }
}

function planOf(value: unknown): { plan?: { label: string; name: string } } {
  if (typeof value !== 'object' || value === null) return {}
  const { label, name } = value as Record<string, unknown>
  return typeof label === 'string' && typeof name === 'string' ? { plan: { label, name } } : {}
}
