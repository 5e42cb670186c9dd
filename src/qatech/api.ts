import { ApiError } from '../http/api-error.js'
import { describeBody, parseJson, transportFailure } from '../http/failures.js'
import { TransportError, type RawResponse, type Transport } from '../http/transport.js'
import { isRecord } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'

export const KEY_HINT =
  'Check the api_token secret: it must be a project API key from QA.tech Settings → Integrations → API'

export function withApiMessage(status: number, apiMessage: string): string {
  return apiMessage === '' ? `HTTP ${status}` : `HTTP ${status}: ${apiMessage}`
}

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

export type QaTechCall = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  timeoutMs: number,
  describe: (status: number, apiMessage: string) => string
) => Promise<Record<string, unknown>>

/**
 * One JSON call to QA.tech's `/v1` API: the answer as an object, or an `ApiError` whose message
 * `describe` words from the status and QA.tech's own message. Shared by QA.tech's services.
 */
export function qatechApi(apiUrl: string, transport: Transport): QaTechCall {
  const v1 = `${apiUrl}/v1`
  return async function call(
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
      if (error instanceof TransportError) throw transportFailure(error, 'QA.tech', method, path, apiUrl)
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
}
