import { jsonApi, type JsonCall } from '../../http/json-api.js'
import type { Transport } from '../../http/transport.js'
import { withApiMessage } from '../../service/kit/api-message.js'
import { isRecord } from '../../util/records.js'
import { inline } from '../../util/untrusted-text.js'
import type { Application } from './types.js'

export const KEY_HINT =
  'Check the api_token secret: it must be a project API key from QA.tech Settings → Integrations → API'

/** How long a request to QA.tech may take: a start may be slow to answer, a read should not be. */
export const REQUEST_TIMEOUT_MS = { start: 60_000, read: 30_000 } as const

/** What a failed read means and what to do about it, by status. */
export function describeReadFailure(status: number, apiMessage: string, what: string): string {
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

export type QaTechCall = JsonCall

/**
 * One JSON call to QA.tech's `/v1` API: the answer as an object, or an `ApiError` whose message
 * `describe` words from the status and QA.tech's own message. Shared by QA.tech's services.
 */
export function qatechApi(apiUrl: string, transport: Transport): QaTechCall {
  return jsonApi({ service: 'QA.tech', apiUrl, transport, apiMessageOf: qatechMessageOf })
}

/**
 * `GET /v1/applications`: the project's applications, to fill in the one an override does not
 * name. `query` names the project where the key needs it; `hint` adds to a failure's message.
 */
export async function listApplications(
  call: QaTechCall,
  query: string,
  hint: (status: number) => string = () => ''
): Promise<Application[]> {
  const data = await call(
    'GET',
    `/applications${query}`,
    undefined,
    REQUEST_TIMEOUT_MS.read,
    (status, apiMessage) => `${describeReadFailure(status, apiMessage, "the project's applications")}${hint(status)}`
  )
  const list = Array.isArray(data.applications) ? data.applications : []
  return list.filter(isRecord).map(app => ({
    shortId: String(app.shortId ?? ''),
    name: String(app.name ?? ''),
    kind: typeof app.kind === 'string' ? app.kind : undefined
  }))
}

/** QA.tech's `{ message }`, made inert. */
function qatechMessageOf(parsed: unknown): string {
  return isRecord(parsed) && typeof parsed.message === 'string' ? inline(parsed.message) : ''
}
