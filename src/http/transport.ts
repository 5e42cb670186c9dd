import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import { USER_AGENT } from './user-agent.js'

/** How a request failed before an HTTP status could be read. */
export type TransportFailureKind =
  /** The request cannot have reached the server: connection refused, DNS failure. */
  | 'unreachable'
  /** No complete answer in time; the server may have acted on the request. */
  | 'timeout'
  /** The connection broke after it was made; the server may have acted on the request. */
  | 'network'

export class TransportError extends Error {
  override readonly name = 'TransportError'
  constructor(
    message: string,
    readonly kind: TransportFailureKind,
    readonly code: string | undefined
  ) {
    super(message)
  }
}

export interface RawResponse {
  readonly status: number
  readonly body: string
  /** `Retry-After` in milliseconds, when the server sent a usable one. */
  readonly retryAfterMs: number | undefined
  readonly contentType: string
}

export interface Transport {
  send(method: 'GET' | 'POST', url: string, body: unknown, timeoutMs: number): Promise<RawResponse>
}

/** Error codes that mean the request never left this machine or found no server to take it. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
/**
 * The server's certificate was refused during the TLS handshake, before any byte of the request
 * was sent: nothing can have been started, and the fix is the URL or the runner's CA settings.
 */
const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/**
 * Sends JSON requests with the API key through `@actions/http-client`, which honours the
 * runner's proxy settings. Each request gets its own client so that a request that outlives its
 * time can be torn down with its sockets, whatever the server does.
 */
export function httpTransport(apiToken: string, now: () => number = Date.now): Transport {
  return {
    async send(method, url, body, timeoutMs) {
      const client = new HttpClient(USER_AGENT, [new BearerCredentialHandler(apiToken)], {
        socketTimeout: timeoutMs,
        allowRetries: false,
        allowRedirects: false,
        keepAlive: true
      })
      const headers = { accept: 'application/json', 'content-type': 'application/json' }
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TransportError(`no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout', undefined)),
          timeoutMs
        )
      })
      try {
        const exchange = async (): Promise<RawResponse> => {
          const response =
            method === 'GET'
              ? await client.get(url, headers)
              : await client.post(url, JSON.stringify(body ?? {}), headers)
          const text = await response.readBody()
          return {
            status: response.message.statusCode ?? 0,
            body: text,
            retryAfterMs: parseRetryAfter(response.message.headers['retry-after'], now()),
            contentType: String(response.message.headers['content-type'] ?? '')
          }
        }
        return await Promise.race([exchange().catch(error => Promise.reject(classify(error))), deadline])
      } finally {
        clearTimeout(timer)
        client.dispose()
      }
    }
  }
}

function classify(error: unknown): TransportError {
  if (error instanceof TransportError) return error
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || CERTIFICATE_CODES.has(code))) {
    return new TransportError(code, 'unreachable', code)
  }
  if (/^Request timeout/.test(message)) return new TransportError('no answer in time', 'timeout', undefined)
  return new TransportError(
    typeof code === 'string' ? code : message,
    'network',
    typeof code === 'string' ? code : undefined
  )
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const header = Array.isArray(value) ? value[0] : value
  if (header === undefined || header.trim() === '') return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Math.round(Number(header) * 1000)
  const date = Date.parse(header)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}
