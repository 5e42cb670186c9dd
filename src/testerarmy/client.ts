import { ApiError } from '../http/api-error.js'
import { httpTransport, type Transport } from '../http/transport.js'
import { withApiMessage } from '../service/kit/api-message.js'
import { asRecord, isRecord, nonEmptyString } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'
import { KEY_HINT, testerArmyApi } from './api.js'
import type { StartRequest } from './run-request.js'
import type { RunTarget } from './settings.js'
import type { RunIssue, RunOutput, RunState, RunStep, StartAnswer } from './types.js'

/**
 * The narrow boundary between the action and tester.army's API: every call the action makes, with
 * tester.army's own shapes. The adapter in service.ts maps them onto the neutral run model.
 */
export interface TesterArmyClient {
  start(request: StartRequest): Promise<StartAnswer>
  getRun(id: string, options: { readonly timeoutMs: number }): Promise<RunState>
  /** Resolves `already-finished` on a 409: the run ended before the cancel reached it. */
  cancelRun(id: string, options: { readonly timeoutMs: number }): Promise<'cancelled' | 'already-finished'>
  cancelBatch(batchId: string, options: { readonly timeoutMs: number }): Promise<BatchCancel>
}

/** What `POST /v1/batches/{id}/cancel` did: counts, or a 409's word that some runs could not be cancelled. */
export type BatchCancel =
  | { readonly kind: 'done'; readonly cancelled: number; readonly alreadyFinished: number }
  | { readonly kind: 'conflict'; readonly message: string }

/** A start may take a while: tester.army plans a pull-request run before it answers. */
const START_TIMEOUT_MS = 60_000

export function createTesterArmyClient(
  apiUrl: string,
  apiKey: string,
  transport: Transport = httpTransport(apiKey)
): TesterArmyClient {
  const call = testerArmyApi(apiUrl, transport)

  return {
    async start(request) {
      const data = await call('POST', request.path, request.body, START_TIMEOUT_MS, (status, apiMessage) =>
        describeStartFailure(status, apiMessage, request)
      )
      return readStartAnswer(data, request)
    },

    async getRun(id, { timeoutMs }) {
      const data = await call('GET', `/runs/${encodeURIComponent(id)}`, undefined, timeoutMs, (status, apiMessage) =>
        describeReadFailure(status, apiMessage, `run ${inline(id)}`)
      )
      return readRunState(data, id)
    },

    async cancelRun(id, { timeoutMs }) {
      try {
        await call('POST', `/runs/${encodeURIComponent(id)}/cancel`, undefined, timeoutMs, (status, apiMessage) =>
          describeCancelFailure(status, apiMessage, `run ${inline(id)}`)
        )
        return 'cancelled'
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return 'already-finished'
        throw error
      }
    },

    async cancelBatch(batchId, { timeoutMs }) {
      const path = `/batches/${encodeURIComponent(batchId)}/cancel`
      const describe = (status: number, apiMessage: string) =>
        describeCancelFailure(status, apiMessage, `batch ${inline(batchId)}`)
      try {
        return readBatchCancel(await call('POST', path, undefined, timeoutMs, describe))
      } catch (error) {
        // Some runs had finished or could not be stopped: the others are cancelled all the same.
        if (error instanceof ApiError && error.status === 409) return { kind: 'conflict', message: error.message }
        throw error
      }
    }
  }
}

/**
 * What a failed start means and what to do about it, by status. No start is retried here; that a
 * run may exist after a server error is said by start-retry.ts, for every kind of failure.
 */
function describeStartFailure(status: number, apiMessage: string, request: StartRequest): string {
  const said = withApiMessage(status, apiMessage)
  switch (status) {
    case 400:
      return `tester.army rejected the run request (${said}). Fix the input it names.`
    case 401:
      return `tester.army did not accept the API key (${said}). ${KEY_HINT}.`
    case 403:
      return `tester.army refused to start the run (${said}): check that the API key's team may run ${describeTarget(request)}.`
    case 404:
      return request.target.mode === 'prompt'
        ? `tester.army has no prompt runs at POST /v1/runs (${said}): they may have been retired. Use test_id, group_id or project_id.`
        : `tester.army could not find ${describeTarget(request)} (${said}). Check that it exists in the team the API key belongs to.`
    case 409:
      return `tester.army refused to start the run now (${said}).`
    case 413:
      return `tester.army found the run request too large (${said}): shorten the ${request.target.mode === 'prompt' ? 'prompt' : "pull request's description"}.`
    case 429:
      return `tester.army's usage limit is reached (${said}): wait for it to reset, or raise the team's limit in tester.army.`
    case 504:
      return `tester.army did not answer the run request in time (${said}).`
    default:
      return status >= 500
        ? `tester.army had a server error (${said}).`
        : `tester.army answered the run request with ${said}.`
  }
}

function describeTarget(request: StartRequest): string {
  switch (request.target.mode) {
    case 'prompt':
      return 'prompt runs'
    case 'test':
      return `test ${request.target.testId} (test_id)`
    case 'group':
      return `group ${request.target.groupId} (group_id)`
    case 'pull-request':
      return `project ${request.target.projectId} (project_id)`
  }
}

/** What a failed read means, by status; 429 and 5xx are asked again by the poller. */
function describeReadFailure(status: number, apiMessage: string, what: string): string {
  const said = withApiMessage(status, apiMessage)
  switch (status) {
    case 401:
      return `tester.army did not accept the API key while reading ${what} (${said}). ${KEY_HINT}.`
    case 404:
      return `tester.army could not find ${what} (${said}). Check that the API key belongs to the team that started it.`
    case 429:
      return `tester.army's usage limit is reached while reading ${what} (${said}).`
    default:
      return status >= 500
        ? `tester.army could not answer for ${what} (${said}).`
        : `tester.army answered with ${said} for ${what}.`
  }
}

function describeCancelFailure(status: number, apiMessage: string, what: string): string {
  const said = withApiMessage(status, apiMessage)
  return status === 401
    ? `tester.army did not accept the API key to cancel ${what} (${said}). ${KEY_HINT}.`
    : `tester.army did not cancel ${what} (${said}).`
}

function readStartAnswer(data: Record<string, unknown>, request: StartRequest): StartAnswer {
  const runs = startedRunsOf(data, request.target.mode)
  if (runs === undefined) {
    throw missing(`POST /v1${request.path}`, request.target.mode === 'group' ? 'batchId and runIds' : 'run id')
  }
  return {
    ...runs,
    cancelledRunIds: runs.batchId === undefined ? [] : strings(data.cancelledRunIds),
    githubStatus: nonEmptyString(asRecord(asRecord(data.metadata).github).status),
    raw: data
  }
}

/**
 * The runs a start answered, from the answer as tester.army sent it (also a started run's
 * `record`): a group's batch and its runs, or the one run; undefined when the answer names none.
 */
export function startedRunsOf(
  data: Record<string, unknown>,
  mode: RunTarget['mode']
): Pick<StartAnswer, 'runIds' | 'batchId'> | undefined {
  if (mode === 'group') {
    const batchId = nonEmptyString(data.batchId)
    return batchId === undefined || !Array.isArray(data.runIds) ? undefined : { batchId, runIds: strings(data.runIds) }
  }
  // Prompt runs answer `id`; test and pull-request runs answer `runId`.
  const runId = nonEmptyString(data.runId) ?? nonEmptyString(data.id)
  return runId === undefined ? undefined : { batchId: undefined, runIds: [runId] }
}

function missing(endpoint: string, what: string): ApiError {
  return new ApiError(`tester.army's answer to ${endpoint} has no ${what}.`, 202, 'invalid-response')
}

export function readRunState(data: Record<string, unknown>, id: string): RunState {
  const error = isRecord(data.error) ? data.error : undefined
  return {
    id: nonEmptyString(data.id) ?? id,
    status: nonEmptyString(data.status) ?? 'unknown',
    output: readOutput(data.output),
    error: error && {
      code: nonEmptyString(error.code) ?? '',
      message: nonEmptyString(error.message) ?? ''
    },
    durationMs: typeof data.durationMs === 'number' && Number.isFinite(data.durationMs) ? data.durationMs : undefined,
    raw: data
  }
}

function readOutput(value: unknown): RunOutput {
  if (value === null || value === undefined) return { kind: 'none' }
  if (!isRecord(value)) return { kind: 'unknown' }
  if (value.kind === 'planner_skipped') return { kind: 'planner-skipped', reason: nonEmptyString(value.reason) ?? '' }
  if (typeof value.result !== 'string') return { kind: 'unknown' }
  return {
    kind: 'test',
    featureName: nonEmptyString(value.featureName) ?? '',
    result: value.result,
    description: nonEmptyString(value.description) ?? '',
    issues: records(value.issues).map(readIssue),
    screenshots: strings(value.screenshots),
    steps: records(value.steps).map(readStep)
  }
}

function readIssue(data: Record<string, unknown>): RunIssue {
  return {
    type: nonEmptyString(data.type) ?? 'issue',
    name: nonEmptyString(data.name) ?? '(unnamed issue)',
    description: nonEmptyString(data.description) ?? '',
    url: nonEmptyString(data.url),
    severity: typeof data.severity === 'number' && Number.isInteger(data.severity) ? data.severity : undefined,
    reproductionSteps: strings(data.reproductionSteps),
    expectedBehavior: nonEmptyString(data.expectedBehavior),
    actualBehavior: nonEmptyString(data.actualBehavior),
    screenshotUrl: nonEmptyString(data.screenshotUrl)
  }
}

function readStep(data: Record<string, unknown>): RunStep {
  return {
    title: nonEmptyString(data.title) ?? '(untitled step)',
    status: nonEmptyString(data.status) ?? '',
    summary: nonEmptyString(data.summary),
    error: nonEmptyString(data.error),
    errorCode: nonEmptyString(data.errorCode)
  }
}

function readBatchCancel(data: Record<string, unknown>): BatchCancel {
  return {
    kind: 'done',
    cancelled: typeof data.cancelled === 'number' ? data.cancelled : 0,
    alreadyFinished: typeof data.alreadyFinished === 'number' ? data.alreadyFinished : 0
  }
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : []
}
