import { ApiError } from '../http/api-error.js'
import { httpTransport, type Transport } from '../http/transport.js'
import { withApiMessage } from '../service/kit/api-message.js'
import { isRecord, nonEmptyString } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'
import { describeReadFailure, KEY_HINT, listApplications, qatechApi, REQUEST_TIMEOUT_MS } from './shared/api.js'
import type { Application } from './shared/types.js'
import type { RunIssue, RunState, RunTestCase, StartedRun, StartRunRequest } from './types.js'

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

export interface QaTechClientOptions {
  readonly transport?: Transport
  /** Sent with every call (body or query, as QA.tech documents each): organization keys need it. */
  readonly projectShortId?: string
}

export function createQaTechClient(
  apiUrl: string,
  apiToken: string,
  { transport = httpTransport(apiToken), projectShortId }: QaTechClientOptions = {}
): QaTechClient {
  const call = qatechApi(apiUrl, transport)
  const project = projectShortId === undefined ? {} : { projectShortId }
  const projectQuery = (query: string) =>
    projectShortId === undefined
      ? query
      : `${query}${query === '' ? '?' : '&'}projectShortId=${encodeURIComponent(projectShortId)}`
  const hint = (status: number) => projectHint(status, projectShortId)

  // A start is sent once here: whether to try again, and what a failure means, is start-retry.ts's.
  const start = (path: string, body: object, describe: (status: number, apiMessage: string) => string) =>
    call('POST', path, body, REQUEST_TIMEOUT_MS.start, describe)

  return {
    async startRun(request) {
      const data = await start('/run', request, (status, apiMessage) =>
        describeStartFailure(status, apiMessage, request, `${apiUrl}/v1/run`, hint(status))
      )
      return readStartedRun(data, 'POST /v1/run')
    },

    async getRun(shortId, { detail, timeoutMs }) {
      const data = await call(
        'GET',
        `/run/${encodeURIComponent(shortId)}${projectQuery(DETAIL_QUERY[detail])}`,
        undefined,
        timeoutMs ?? REQUEST_TIMEOUT_MS.read,
        (status, apiMessage) => `${describeReadFailure(status, apiMessage, `run ${inline(shortId)}`)}${hint(status)}`
      )
      return readRunState(data, shortId)
    },

    async rerun(shortId, { failedOnly }) {
      const data = await start(
        `/run/${encodeURIComponent(shortId)}`,
        { ...(failedOnly ? { failedOnly: true } : {}), ...project },
        (status, apiMessage) =>
          describeStartFailure(
            status,
            apiMessage,
            { trigger: 'GITHUB' },
            `${apiUrl}/v1/run/${inline(shortId)}`,
            hint(status)
          )
      )
      return readStartedRun(data, `POST /v1/run/${inline(shortId)}`)
    },

    listApplications: () => listApplications(call, projectQuery(''), hint)
  }
}

/** For 401, 403 and 404: the project short ID is a likely cause with an organization API key. */
function projectHint(status: number, projectShortId: string | undefined): string {
  if (status !== 401 && status !== 403 && status !== 404) return ''
  return projectShortId === undefined
    ? ' With an organization API key (Organization Settings → API Keys), set project_short_id to the project’s short ID (proj_…).'
    : ` Check that project_short_id (${projectShortId}) is the project’s short ID and that this API key may use it.`
}

/** What a failed start means and what to do about it, by status. */
function describeStartFailure(
  status: number,
  apiMessage: string,
  request: StartRunRequest,
  url: string,
  hint: string
): string {
  const said = withApiMessage(status, apiMessage)
  switch (status) {
    case 400:
      return `QA.tech rejected the run request (${said}). Fix the inputs it names.`
    case 401:
      return `QA.tech did not accept the API key (${said}). ${KEY_HINT}.${hint}`
    case 402:
      return `QA.tech's usage limit is reached for this organization (${said}). Upgrade the plan in QA.tech or wait for the limit to reset.`
    case 403:
      return `QA.tech refused to start a run (${said}): the organization may be suspended, or the API key is read-only — starting runs needs a key with write scope.${hint}`
    case 404:
      return `QA.tech could not find something this run refers to (${said} for POST ${url}). ${describeSentIds(request)}${hint}`
    case 429:
      return `QA.tech is rate limiting requests (${said}). Try again in a few minutes.`
    default:
      return status >= 500 ? `QA.tech had a server error (${said}).` : `QA.tech answered the run request with ${said}.`
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
  if (data.success === false) {
    const said = typeof data.message === 'string' && data.message.trim() !== '' ? `: ${inline(data.message)}` : ''
    throw new ApiError(`QA.tech did not start the run${said}.`, 200, 'http')
  }
  const run = isRecord(data.run) ? data.run : {}
  if (typeof run.shortId !== 'string' || run.shortId === '') {
    throw new ApiError(`QA.tech's answer to ${request} has no run short ID.`, 200, 'invalid-response')
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
  const projectTestCaseId = nonEmptyString(data.projectTestCaseId)
  return {
    id: String(data.id ?? ''),
    shortId: String(data.shortId ?? ''),
    ...(projectTestCaseId === undefined ? {} : { projectTestCaseId }),
    name: typeof data.name === 'string' ? data.name : '(unnamed test case)',
    status: String(data.status ?? ''),
    result: optionalString(data.result),
    resultTitle: optionalString(data.resultTitle),
    evaluationThought: optionalString(data.evaluationThought),
    errorCode: optionalString(data.errorCode),
    classification: optionalString(data.classification),
    promptGoal: optionalString(data.promptGoal),
    promptExamples: optionalString(data.promptExamples),
    url: optionalString(data.url),
    ...(typeof data.durationMs === 'number' && data.durationMs >= 0 ? { durationMs: data.durationMs } : {})
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
