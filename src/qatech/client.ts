import { ApiError } from '../http/api-error.js'
import { httpTransport, type Transport } from '../http/transport.js'
import { describeReadFailure, KEY_HINT, qatechApi, withApiMessage } from './api.js'
import { isRecord } from '../util/records.js'
import type { Application, RunIssue, RunState, RunTestCase, StartedRun, StartRunRequest } from './types.js'

/**
 * The narrow boundary between the action and QA.tech's API: every call the action makes, with
 * QA.tech's own shapes. The adapter in service.ts maps them onto the neutral run model.
 */
export interface QaTechClient {
  startRun(request: StartRunRequest): Promise<StartedRun>
  /** `testCases` adds every test case (for progress); `full` adds the issues too. */
  getRun(shortId: string, options: { readonly detail: RunDetail; readonly timeoutMs?: number }): Promise<RunState>
  rerun(shortId: string, options: { readonly failedOnly: boolean }): Promise<StartedRun>
  listApplications(): Promise<Application[]>
}

export type RunDetail = 'status' | 'testCases' | 'full'

const DETAIL_QUERY: Record<RunDetail, string> = {
  status: '',
  testCases: '?testCases=all',
  full: '?testCases=all&issues=all'
}

const REQUEST_TIMEOUT_MS = { start: 60_000, read: 30_000 } as const

export function createQaTechClient(
  apiUrl: string,
  apiToken: string,
  transport: Transport = httpTransport(apiToken)
): QaTechClient {
  const call = qatechApi(apiUrl, transport)

  return {
    async startRun(request) {
      const data = await call('POST', '/run', request, REQUEST_TIMEOUT_MS.start, (status, apiMessage) =>
        describeStartFailure(status, apiMessage, request)
      )
      return readStartedRun(data, 'POST /v1/run')
    },

    async getRun(shortId, { detail, timeoutMs }) {
      const data = await call(
        'GET',
        `/run/${encodeURIComponent(shortId)}${DETAIL_QUERY[detail]}`,
        undefined,
        timeoutMs ?? REQUEST_TIMEOUT_MS.read,
        (status, apiMessage) => describeReadFailure(status, apiMessage, `run ${shortId}`)
      )
      return readRunState(data, shortId)
    },

    async rerun(shortId, { failedOnly }) {
      const data = await call(
        'POST',
        `/run/${encodeURIComponent(shortId)}`,
        failedOnly ? { failedOnly: true } : {},
        REQUEST_TIMEOUT_MS.start,
        (status, apiMessage) => describeStartFailure(status, apiMessage, { trigger: 'GITHUB' })
      )
      return readStartedRun(data, `POST /v1/run/${shortId}`)
    },

    async listApplications() {
      const data = await call('GET', '/applications', undefined, REQUEST_TIMEOUT_MS.read, (status, apiMessage) =>
        describeReadFailure(status, apiMessage, "the project's applications")
      )
      const list = Array.isArray(data.applications) ? data.applications : []
      return list.filter(isRecord).map(app => ({
        shortId: String(app.shortId ?? ''),
        name: String(app.name ?? ''),
        kind: typeof app.kind === 'string' ? app.kind : undefined
      }))
    }
  }
}

/** What a failed start means and what to do about it, by status. */
function describeStartFailure(status: number, apiMessage: string, request: StartRunRequest): string {
  const said = withApiMessage(status, apiMessage)
  switch (status) {
    case 400:
      return `QA.tech rejected the run request (${said}). Fix the inputs it names.`
    case 401:
      return `QA.tech did not accept the API key (${said}). ${KEY_HINT}.`
    case 402:
      return `QA.tech's usage limit is reached for this organization (${said}). Upgrade the plan in QA.tech or wait for the limit to reset.`
    case 403:
      return `QA.tech refused to start a run (${said}): the organization may be suspended, or the API key is read-only — starting runs needs a key with write scope.`
    case 404:
      return `QA.tech could not find something this run refers to (${said}). ${describeSentIds(request)}`
    case 429:
      return `QA.tech is rate limiting requests (${said}). Try again in a few minutes.`
    default:
      return status >= 500
        ? `QA.tech had a server error (${said}). Re-run the job in a few minutes.`
        : `QA.tech answered the run request with ${said}.`
  }
}

function describeSentIds(request: StartRunRequest): string {
  const ids: string[] = []
  if (request.testPlanShortId) ids.push(`test plan ${request.testPlanShortId}`)
  for (const app of request.applications ?? []) {
    ids.push(`application ${app.applicationShortId}`)
    const environment = app.environment
    if (environment && 'shortId' in environment) ids.push(`environment ${environment.shortId}`)
    if (environment && 'applicationBuildShortId' in environment)
      ids.push(`build ${environment.applicationBuildShortId}`)
    if (app.devicePresetShortId) ids.push(`device preset ${app.devicePresetShortId}`)
  }
  if (ids.length === 0)
    return 'No ids were sent: check that the project has a default test plan, and that the API key belongs to the project you mean.'
  return `Sent: ${ids.join(', ')}. Check that each exists in the project the API key belongs to.`
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function readStartedRun(data: Record<string, unknown>, request: string): StartedRun {
  const run = isRecord(data.run) ? data.run : {}
  if (typeof run.shortId !== 'string' || run.shortId === '') {
    throw new ApiError(
      `QA.tech's answer to ${request} has no run short ID; the run may still have started — check QA.tech.`,
      200,
      'invalid-response'
    )
  }
  const plan = isRecord(run.testPlan) ? run.testPlan : undefined
  // Older responses spell the plan's id `short_id`.
  const planShortId = plan ? (optionalString(plan.shortId) ?? optionalString(plan.short_id)) : null
  return {
    id: typeof run.id === 'string' ? run.id : '',
    shortId: run.shortId,
    url: typeof run.url === 'string' ? run.url : '',
    testCount: typeof run.testCount === 'number' ? run.testCount : undefined,
    testPlan: plan && planShortId !== null ? { name: optionalString(plan.name) ?? '', shortId: planShortId } : undefined
  }
}

function readRunState(data: Record<string, unknown>, shortId: string): RunState {
  const testCases = Array.isArray(data.runTestCases) ? data.runTestCases.filter(isRecord) : []
  const issues = Array.isArray(data.issues) ? data.issues.filter(isRecord) : []
  return {
    id: typeof data.id === 'string' ? data.id : '',
    shortId: typeof data.shortId === 'string' ? data.shortId : shortId,
    status: typeof data.status === 'string' ? data.status : 'UNKNOWN',
    result: optionalString(data.result),
    runTestCases: testCases.map(readTestCase),
    issues: issues.map(readIssue),
    raw: data
  }
}

function readTestCase(data: Record<string, unknown>): RunTestCase {
  return {
    id: String(data.id ?? ''),
    shortId: String(data.shortId ?? ''),
    name: typeof data.name === 'string' ? data.name : '(unnamed test case)',
    status: String(data.status ?? ''),
    result: optionalString(data.result),
    resultTitle: optionalString(data.resultTitle),
    evaluationThought: optionalString(data.evaluationThought),
    errorCode: optionalString(data.errorCode),
    classification: optionalString(data.classification),
    promptGoal: optionalString(data.promptGoal),
    promptExamples: optionalString(data.promptExamples),
    url: optionalString(data.url)
  }
}

function readIssue(data: Record<string, unknown>): RunIssue {
  const testCases = Array.isArray(data.testCases) ? data.testCases.filter(isRecord) : []
  return {
    shortId: String(data.shortId ?? ''),
    title: typeof data.title === 'string' ? data.title : '(untitled issue)',
    description: optionalString(data.description),
    severity: String(data.severity ?? ''),
    issueType: String(data.issueType ?? ''),
    helpUrl: optionalString(data.helpUrl),
    testCases: testCases.map(testCase => ({
      shortId: String(testCase.shortId ?? ''),
      name: String(testCase.name ?? '')
    }))
  }
}
