import { inline } from '../util/untrusted-text.js'
import { ApiError } from './api-error.js'
import type { RawResponse, TransportError } from './transport.js'

/** What every service's client says about an answer that is not what an API sends. */

/** A request that got no HTTP answer, in words for the user: `service` names who did not answer. */
export function transportFailure(
  error: TransportError,
  service: string,
  method: string,
  path: string,
  apiUrl: string
): ApiError {
  const request = `${method} /v1${path.replace(/\?.*$/, '')}`
  switch (error.kind) {
    case 'unreachable':
      return new ApiError(
        `Could not reach ${service} at ${apiUrl} (${error.message}). Check api_url and the runner's network and proxy settings.`,
        undefined,
        'unreachable'
      )
    case 'timeout':
      return new ApiError(`${service} did not answer ${request} in time (${error.message}).`, undefined, 'timeout')
    default:
      return new ApiError(
        `The connection to ${service} broke during ${request} (${inline(error.message)}).`,
        undefined,
        'network'
      )
  }
}

/** The body as JSON, or undefined when it is not. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

/** A body that is not the JSON an API sends, described: empty, an HTML page, or its first characters. */
export function describeBody(response: RawResponse): string {
  const body = response.body.trim()
  if (body === '') return 'an empty body'
  if (/^<(!doctype|html)/i.test(body) || response.contentType.includes('html')) return 'an HTML page'
  return `a body that is not valid JSON (starts ${JSON.stringify(inline(body, 40))})`
}
