import { ApiError } from '../../http/api-error.js'
import { httpTransport, type Transport } from '../../http/transport.js'
import { withApiMessage } from '../../service/kit/api-message.js'
import { isRecord } from '../../util/records.js'
import { inline } from '../../util/untrusted-text.js'
import { describeReadFailure, listApplications, qatechApi, REQUEST_TIMEOUT_MS } from '../shared/api.js'
import type { Application } from '../shared/types.js'
import type { ChangeReviewRequest, ChatMessage, Conversation } from './types.js'

/**
 * Every call a change review makes to QA.tech, with QA.tech's own shapes. `projectShortId` goes
 * with each call that takes it: in the body of the start, in the query of the reads.
 */
export interface ChangeReviewClient {
  /** Starts the review. Never retried here: a repeat could start a second review. */
  startChangeReview(request: ChangeReviewRequest): Promise<Conversation>
  /** The conversation with its `limit` newest messages. */
  getConversation(
    shortId: string,
    options: { readonly limit: number; readonly timeoutMs: number }
  ): Promise<Conversation>
  listApplications(): Promise<Application[]>
}

export interface ClientSettings {
  readonly apiUrl: string
  readonly apiToken: string
  readonly projectShortId?: string
}

/** Where to find the key, old and new: QA.tech moved API keys to the organization. */
const KEY_HINT =
  'Check the api_token secret: a QA.tech API key from Organization Settings → API Keys (or a project key from Settings → Integrations → API)'

export function createChangeReviewClient(
  settings: ClientSettings,
  transport: Transport = httpTransport(settings.apiToken)
): ChangeReviewClient {
  const call = qatechApi(settings.apiUrl, transport)
  const project = settings.projectShortId
  const query = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...params, projectShortId: project })) {
      if (value !== undefined) search.set(key, value)
    }
    const text = search.toString()
    return text === '' ? '' : `?${text}`
  }

  return {
    async startChangeReview(request) {
      const data = await call('POST', '/chat/change-review', request, REQUEST_TIMEOUT_MS.start, (status, apiMessage) =>
        describeStartFailure(status, apiMessage, request)
      )
      return readConversation(data, 'POST /v1/chat/change-review')
    },

    async getConversation(shortId, { limit, timeoutMs }) {
      const data = await call(
        'GET',
        `/chat/${encodeURIComponent(shortId)}${query({ limit: String(limit) })}`,
        undefined,
        timeoutMs,
        (status, apiMessage) => describeReadFailure(status, apiMessage, `change review ${inline(shortId)}`)
      )
      return readConversation(data, `GET /v1/chat/${inline(shortId)}`)
    },

    listApplications: () => listApplications(call, query({}))
  }
}

/** What a failed start means and what to do about it, by status. */
function describeStartFailure(status: number, apiMessage: string, request: ChangeReviewRequest): string {
  const said = withApiMessage(status, apiMessage)
  const project = request.projectShortId
    ? ''
    : ' An organization API key also needs project_short_id (proj_…): set it to the project to review in.'
  switch (status) {
    case 400:
      return `QA.tech rejected the change review request (${said}). Fix the inputs it names.`
    case 401:
      return `QA.tech did not accept the API key (${said}). ${KEY_HINT}.${project}`
    case 402:
      return `QA.tech's usage limit is reached for this organization (${said}). Upgrade the plan in QA.tech or wait for the limit to reset.`
    case 403:
      return `QA.tech refused to start the change review (${said}): the organization may be suspended, the API key may be read-only, or it may not be allowed to use ${request.projectShortId ? `project ${request.projectShortId}` : 'the project'}.${project}`
    case 404:
      return `QA.tech could not find something this review refers to (${said}). Sent: ${describeSentIds(request)}. Check that each exists in the project.${project}`
    case 429:
      return `QA.tech is rate limiting requests (${said}). Try again in a few minutes.`
    default:
      // That the review may exist after a server error is said by start-retry.ts, for every kind of failure.
      return status >= 500
        ? `QA.tech had a server error (${said}).`
        : `QA.tech answered the change review request with ${said}.`
  }
}

function describeSentIds(request: ChangeReviewRequest): string {
  const ids: string[] = []
  if (request.projectShortId) ids.push(`project ${request.projectShortId}`)
  for (const app of request.applicationOverrides) {
    ids.push(`application ${app.applicationShortId}`)
    const environment = app.environment
    if ('shortId' in environment) ids.push(`environment ${environment.shortId}`)
    if ('applicationBuildShortId' in environment) ids.push(`build ${environment.applicationBuildShortId}`)
    if (app.devicePresetShortId) ids.push(`device preset ${app.devicePresetShortId}`)
  }
  ids.push(`pull request ${request.prUrl}`)
  return ids.join(', ')
}

function readConversation(data: Record<string, unknown>, request: string): Conversation {
  if (typeof data.shortId !== 'string' || data.shortId === '') {
    throw new ApiError(`QA.tech's answer to ${request} has no conversation short ID.`, 200, 'invalid-response')
  }
  const messages = Array.isArray(data.messages) ? data.messages.filter(isRecord) : []
  return {
    shortId: data.shortId,
    url: typeof data.url === 'string' ? data.url : '',
    title: typeof data.title === 'string' ? data.title : undefined,
    messages: messages.map(readMessage),
    raw: data
  }
}

function readMessage(data: Record<string, unknown>): ChatMessage {
  return {
    id: typeof data.id === 'string' ? data.id : '',
    role: typeof data.role === 'string' ? data.role : '',
    status: typeof data.status === 'string' ? data.status : undefined,
    text: typeof data.text === 'string' ? data.text : ''
  }
}
