import { ApiError } from '../http/api-error.js'
import { describeBody, parseJson, transportFailure } from '../http/failures.js'
import { TransportError, type RawResponse, type Transport } from '../http/transport.js'
import { isRecord } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'

export const KEY_HINT = 'Check the api_key secret: it must be a tester.army API key (sk_…)'

/** `HTTP 404: Test not found`, with tester.army's error code when it adds one to the message. */
export function withApiMessage(status: number, apiMessage: string): string {
  return apiMessage === '' ? `HTTP ${status}` : `HTTP ${status}: ${apiMessage}`
}

export type TesterArmyCall = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  timeoutMs: number,
  describe: (status: number, apiMessage: string) => string
) => Promise<Record<string, unknown>>

/**
 * One JSON call to tester.army's `/v1` API: the answer as an object, or an `ApiError` whose
 * message `describe` words from the status and tester.army's own `{ error, message }`.
 */
export function testerArmyApi(apiUrl: string, transport: Transport): TesterArmyCall {
  const v1 = `${apiUrl}/v1`
  return async function call(method, path, body, timeoutMs, describe) {
    let response: RawResponse
    try {
      response = await transport.send(method, `${v1}${path}`, body, timeoutMs)
    } catch (error) {
      if (error instanceof TransportError) throw transportFailure(error, 'tester.army', method, path, apiUrl)
      throw error
    }
    const parsed = parseJson(response.body)
    if (response.status >= 200 && response.status < 300) {
      if (!isRecord(parsed)) {
        throw new ApiError(
          `tester.army answered ${method} /v1${path} with ${describeBody(response)}, not JSON. Check that api_url (${apiUrl}) is the tester.army API.`,
          response.status,
          'invalid-response'
        )
      }
      return parsed
    }
    const message =
      isRecord(parsed) || response.body.trim() === ''
        ? describe(response.status, apiMessageOf(parsed))
        : `tester.army answered ${method} /v1${path} with HTTP ${response.status} and ${describeBody(response)}. Check that api_url (${apiUrl}) is the tester.army API; if it is, tester.army may be having trouble.`
    throw new ApiError(message, response.status, 'http', response.retryAfterMs)
  }
}

/** tester.army's `{ error, message }`: "ValidationError: prompt: Required". Untrusted, so inlined. */
function apiMessageOf(parsed: unknown): string {
  if (!isRecord(parsed)) return ''
  const code = typeof parsed.error === 'string' ? parsed.error.trim() : ''
  const message = typeof parsed.message === 'string' ? parsed.message.trim() : ''
  const text = code !== '' && message !== '' && !message.startsWith(code) ? `${code}: ${message}` : message || code
  return inline(text)
}
