import * as http from 'node:http'
import * as https from 'node:https'
import { HttpClient } from '@actions/http-client'
import { parseRetryAfter } from '../http/transport.js'
import { USER_AGENT } from '../http/user-agent.js'

/** Why a request got no HTTP answer, in the words the log uses. */
export type ProbeFailure =
  | 'refused'
  | 'reset'
  | 'dns'
  | 'timeout'
  | 'unreachable'
  /** The TLS handshake failed on the certificate: the site is there, but not trusted from here. */
  | 'certificate'
  | 'network'
  /** The preflight was stopped (a workflow cancel, or another site ended it). */
  | 'aborted'

/** What one request (one hop, redirects not followed) saw: the headers the verdict needs, no body. */
export type Probe =
  | {
      readonly kind: 'answer'
      readonly status: number
      /** `Location`, resolved against the requested URL; absent when missing or unusable. */
      readonly location: URL | undefined
      readonly retryAfterMs: number | undefined
      /** `server: Vercel` or an `x-vercel-id` header: the answer came from Vercel's edge. */
      readonly fromVercel: boolean
      /** The scheme of `WWW-Authenticate` (Basic, Bearer…), for the warning on other 401s. */
      readonly authScheme: string | undefined
    }
  | { readonly kind: 'failure'; readonly failure: ProbeFailure; readonly code: string | undefined }

export interface ProbeRequest {
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly signal: AbortSignal
  /** Current time, for a `Retry-After` given as a date. */
  readonly now: () => number
}

/** How long one request may take to bring its status line and headers. */
export const REQUEST_TIMEOUT_MS = 10_000

const TIMED_OUT = 'preflight request timed out'

/**
 * One GET, without following redirects or reading the body: the status and headers are all the
 * preflight needs, and a large page should cost nothing. The connection goes through the agent
 * `@actions/http-client` picks for the URL, so a self-hosted runner's proxy settings (HTTPS_PROXY,
 * NO_PROXY) apply as they do to every other request of the action.
 */
export function probe(request: ProbeRequest): Promise<Probe> {
  const { url, signal } = request
  if (signal.aborted) return Promise.resolve({ kind: 'failure', failure: 'aborted', code: undefined })
  const proxyAware = new HttpClient(USER_AGENT, [], { keepAlive: false })
  const agent = proxyAware.getAgent(url.href)
  const module = url.protocol === 'https:' ? https : http

  return new Promise<Probe>(resolve => {
    let settled = false
    const finish = (probe: Probe) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(probe)
    }
    let req: http.ClientRequest
    try {
      req = module.request(
        url,
        { method: 'GET', agent, headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*', ...request.headers } },
        res => {
          finish(answerOf(res, url, request.now()))
          // The body is not needed: drop it with the connection rather than download it.
          res.on('error', () => undefined)
          res.destroy()
        }
      )
    } catch (error) {
      // Node refuses some requests before sending them (a header it cannot carry): no answer either.
      resolve(failureOf(error))
      return
    }
    const timer = setTimeout(() => req.destroy(new Error(TIMED_OUT)), request.timeoutMs)
    const onAbort = () => {
      finish({ kind: 'failure', failure: 'aborted', code: undefined })
      req.destroy()
    }
    signal.addEventListener('abort', onAbort, { once: true })
    req.on('error', error => finish(failureOf(error)))
    req.end()
  }).finally(() => proxyAware.dispose())
}

function answerOf(res: http.IncomingMessage, url: URL, now: number): Probe {
  const headers = res.headers
  return {
    kind: 'answer',
    status: res.statusCode ?? 0,
    location: resolveLocation(headers.location, url),
    retryAfterMs: parseRetryAfter(headers['retry-after'], now),
    fromVercel: /vercel/i.test(String(headers.server ?? '')) || headers['x-vercel-id'] !== undefined,
    authScheme: /^\s*([A-Za-z][\w.-]*)/.exec(String(headers['www-authenticate'] ?? ''))?.[1]
  }
}

function resolveLocation(location: string | undefined, base: URL): URL | undefined {
  if (location === undefined || location.trim() === '') return undefined
  try {
    const resolved = new URL(location, base)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved : undefined
  } catch {
    return undefined
  }
}

const FAILURES: Readonly<Record<string, ProbeFailure>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable'
}

/** Node's TLS verification errors: a self-signed, expired or mismatched certificate. */
const CERTIFICATE_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT)/

export function failureOf(error: unknown): Probe {
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined
  const message = error instanceof Error ? error.message : String(error)
  if (message === TIMED_OUT) return { kind: 'failure', failure: 'timeout', code: undefined }
  if (code !== undefined && CERTIFICATE_CODE.test(code)) return { kind: 'failure', failure: 'certificate', code }
  const known = code === undefined ? undefined : FAILURES[code]
  if (known !== undefined) return { kind: 'failure', failure: known, code }
  // "socket hang up": the server closed the connection before it answered.
  if (/socket hang up/i.test(message)) return { kind: 'failure', failure: 'reset', code }
  return { kind: 'failure', failure: 'network', code }
}
