import { isRecord } from '../util/records.js'
import { ApiError } from './api-error.js'
import { describeBody, parseJson, transportFailure } from './failures.js'
import { TransportError, type RawResponse, type Transport } from './transport.js'

/** One JSON call to a service's `/v1` API. */
export type JsonCall = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  timeoutMs: number,
  /** The message for a failed call, from the status and the service's own message. */
  describe: (status: number, apiMessage: string) => string
) => Promise<Record<string, unknown>>

export interface JsonApiOptions {
  /** Who answers, in the messages: "QA.tech". */
  readonly service: string
  /** The base URL without `/v1`. */
  readonly apiUrl: string
  readonly transport: Transport
  /** The service's own message in an error body, made inert. */
  readonly apiMessageOf: (parsed: unknown) => string
}

/**
 * The answer as an object, or an `ApiError`: no answer (the transport's failure), an answer that
 * is not JSON (a proxy's page, a wrong api_url), or an error status worded by `describe`.
 */
export function jsonApi({ service, apiUrl, transport, apiMessageOf }: JsonApiOptions): JsonCall {
  const v1 = `${apiUrl}/v1`
  const wrongApi = `Check that api_url (${apiUrl}) is the ${service} API`
  return async function call(method, path, body, timeoutMs, describe) {
    let response: RawResponse
    try {
      response = await transport.send(method, `${v1}${path}`, body, timeoutMs)
    } catch (error) {
      if (error instanceof TransportError) throw transportFailure(error, service, method, path, apiUrl)
      throw error
    }
    const parsed = parseJson(response.body)
    if (response.status >= 200 && response.status < 300) {
      if (!isRecord(parsed)) {
        throw new ApiError(
          `${service} answered ${method} /v1${path} with ${describeBody(response)}, not JSON. ${wrongApi}.`,
          response.status,
          'invalid-response'
        )
      }
      return parsed
    }
    const answered = `${service} answered ${method} /v1${path} with HTTP ${response.status} and ${describeBody(response)}`
    throw new ApiError(
      isRecord(parsed) || response.body.trim() === ''
        ? describe(response.status, apiMessageOf(parsed))
        : response.status >= 500
          ? // A gateway's or a proxy's page in front of the service (a 502 or 504 while it is busy): it says nothing of api_url.
            `${answered}: ${service}, or a gateway in front of it, is having trouble.`
          : // A page for a 4xx is what a URL that is not the API answers.
            `${answered}. ${wrongApi}; if it is, ${service} may be having trouble.`,
      response.status,
      'http',
      response.retryAfterMs
    )
  }
}
