import { jsonApi, type JsonCall } from '../http/json-api.js'
import type { Transport } from '../http/transport.js'
import { isRecord } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'

export const KEY_HINT = 'Check the api_key secret: it must be a tester.army API key (sk_…)'

export type TesterArmyCall = JsonCall

/**
 * One JSON call to tester.army's `/v1` API: the answer as an object, or an `ApiError` whose
 * message `describe` words from the status and tester.army's own `{ error, message }`.
 */
export function testerArmyApi(apiUrl: string, transport: Transport): TesterArmyCall {
  return jsonApi({ service: 'tester.army', apiUrl, transport, apiMessageOf: apiMessageOf })
}

/** tester.army's `{ error, message }`: "ValidationError: prompt: Required". Untrusted, so inlined. */
function apiMessageOf(parsed: unknown): string {
  if (!isRecord(parsed)) return ''
  const code = typeof parsed.error === 'string' ? parsed.error.trim() : ''
  const message = typeof parsed.message === 'string' ? parsed.message.trim() : ''
  const text = code !== '' && message !== '' && !message.startsWith(code) ? `${code}: ${message}` : message || code
  return inline(text)
}
