import { ApiError } from '../http/api-error.js'
import { httpTransport, TransportError, type RawResponse, type Transport } from '../http/transport.js'
import { isRecord } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'
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
  const v1 = `${apiUrl}/v1`

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    timeoutMs: number,
    describe: (status: number, apiMessage: string) => string
  ): Promise<Record<string, unknown>> {
    let response: RawResponse
    try {
      response = await transport.send(method, `${v1}${path}`, body, timeoutMs)
    } catch (error) {
      if (error instanceof TransportError) throw transportFailure(error, method, path, apiUrl)
      throw error
    }
    const parsed = parseJson(response.body)
    if (response.status >= 200 && response.status < 300) {
      if (!isRecord(parsed)) {
        throw new ApiError(
          `QA.tech answered ${method} /v1${path} with ${describeBody(response)}, not JSON. Check that api_url (${apiUrl}) is the QA.tech API.`,
          response.status,
          'invalid-response'
        )
      }
      return parsed
    }
    const apiMessage = isRecord(parsed) && typeof parsed.message === 'string' ? inline(parsed.message) : ''
    const message =
      isRecord(parsed) || response.body.trim() === ''
        ? describe(response.status, apiMessage)
        : `QA.tech answered ${method} /v1${path} with HTTP ${response.status} and ${describeBody(response)}. Check that api_url (${apiUrl}) is the QA.tech API; if it is, QA.tech may be having trouble.`
    throw new ApiError(message, response.status, 'http', response.retryAfterMs)
  }

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

const KEY_HINT = 'Check the api_token secret: it must be a project API key from QA.tech Settings → Integrations → API'

function withApiMessage(status: number, apiMessage: string): string {
  return apiMessage === '' ? `HTTP ${status}` : `HTTP ${status}: ${apiMessage}`
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

function describeReadFailure(status: number, apiMessage: string, what: string): string {
  const said = withApiMessage(status, apiMessage)
  switch (status) {
    case 401:
      return `QA.tech did not accept the API key while reading ${what} (${said}). ${KEY_HINT}.`
    case 403:
      return `QA.tech refused to show ${what} (${said}): the organization may be suspended.`
    case 404:
      return `QA.tech could not find ${what} (${said}). Check that the API key belongs to the right project.`
    default:
      return status >= 500 || status === 429
        ? `QA.tech could not answer for ${what} (${said}).`
        : `QA.tech answered with ${said} for ${what}.`
  }
}

function transportFailure(error: TransportError, method: string, path: string, apiUrl: string): ApiError {
  const request = `${method} /v1${path.replace(/\?.*$/, '')}`
  switch (error.kind) {
    case 'unreachable':
      return new ApiError(
        `Could not reach QA.tech at ${apiUrl} (${error.message}). Check api_url and the runner's network and proxy settings.`,
        undefined,
        'unreachable'
      )
    case 'timeout':
      return new ApiError(`QA.tech did not answer ${request} in time (${error.message}).`, undefined, 'timeout')
    default:
      return new ApiError(
        `The connection to QA.tech broke during ${request} (${inline(error.message)}).`,
        undefined,
        'network'
      )
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

function describeBody(response: RawResponse): string {
  const body = response.body.trim()
  if (body === '') return 'an empty body'
  if (/^<(!doctype|html)/i.test(body) || response.contentType.includes('html')) return 'an HTML page'
  return `a body that is not valid JSON (starts ${JSON.stringify(inline(body, 40))})`
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
