import { formatDuration } from '../util/duration.js'
import { REQUEST_TIMEOUT_MS, type Probe, type ProbeFailure } from './probe.js'

/**
 * What one check of a site (its redirects followed) says about it. Pure: the rules of the
 * preflight in one place, apart from the network.
 */
export type Answer =
  /** The site answers: the run can start. */
  | { readonly kind: 'ready'; readonly status: number; readonly redirects: number; readonly redirectLimit: boolean }
  /**
   * A 401/403 that is not Vercel's, or a certificate this runner does not trust: the site is up
   * behind something the service may well get past (its own credentials, its own browser).
   */
  | {
      readonly kind: 'guarded'
      /** As a verb phrase: "answered 401 (Basic authentication)". */
      readonly what: string
      readonly redirects: number
    }
  /** Not up yet: ask again. `what` is how the log names the answer: "503", "connection refused". */
  | { readonly kind: 'not-ready'; readonly what: string; readonly retryAfterMs: number | undefined }
  /** Vercel Deployment Protection turned the request away. */
  | {
      readonly kind: 'vercel-protected'
      /** What the site did, as a verb phrase: "answered 401 from Vercel", "redirects to Vercel's login". */
      readonly what: string
      /** Whether this request carried the bypass secret (it goes to the URL's own origin only). */
      readonly secretSent: boolean
      /** The origin that turned it away, when a redirect led off the URL's own. */
      readonly elsewhere: string | undefined
    }
  | { readonly kind: 'aborted' }

/** The next request of a check, or the check's answer. */
export type Step = { readonly follow: URL } | { readonly answer: Answer }

export const MAX_REDIRECTS = 5

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Answers that mean "not yet" even below 500: not deployed yet, too slow, too many requests. */
const NOT_YET = new Set([404, 408, 429])

export interface Hop {
  readonly url: URL
  /** The origin of the URL under test: only requests to it carry the bypass secret. */
  readonly targetOrigin: string
  readonly secretSent: boolean
  /** Redirects followed before this request. */
  readonly redirects: number
  /** How long this request had to answer (the time left, when that was under 10 s). */
  readonly timeoutMs?: number
}

/** Reads one answer of a check: follow its redirect, or the check's answer. */
export function step(probe: Probe, hop: Hop): Step {
  if (probe.kind === 'failure') {
    return { answer: failureAnswer(probe.failure, probe.code, hop.redirects, hop.timeoutMs ?? REQUEST_TIMEOUT_MS) }
  }
  const { status, location } = probe
  const elsewhere = hop.url.origin === hop.targetOrigin ? undefined : hop.url.origin

  if (REDIRECTS.has(status) && location !== undefined) {
    if (isVercelLogin(location)) {
      return {
        answer: { kind: 'vercel-protected', what: "redirects to Vercel's login", secretSent: hop.secretSent, elsewhere }
      }
    }
    if (hop.redirects < MAX_REDIRECTS) return { follow: location }
    return { answer: { kind: 'ready', status, redirects: hop.redirects, redirectLimit: true } }
  }
  if (status === 401 || status === 403) {
    if (probe.fromVercel) {
      return {
        answer: {
          kind: 'vercel-protected',
          what: `answered ${status} from Vercel`,
          secretSent: hop.secretSent,
          elsewhere
        }
      }
    }
    const scheme = probe.authScheme === undefined ? '' : ` (${probe.authScheme} authentication)`
    return { answer: { kind: 'guarded', what: `answered ${status}${scheme}`, redirects: hop.redirects } }
  }
  if (status >= 500 || NOT_YET.has(status)) {
    return { answer: { kind: 'not-ready', what: String(status), retryAfterMs: probe.retryAfterMs } }
  }
  return { answer: { kind: 'ready', status, redirects: hop.redirects, redirectLimit: false } }
}

/** Vercel's login for protected deployments: vercel.com/login, or its SSO hand-off vercel.com/sso-api. */
export function isVercelLogin(location: URL): boolean {
  const host = location.hostname.toLowerCase()
  const onVercel = host === 'vercel.com' || host.endsWith('.vercel.com')
  return onVercel && /^\/(login|sso-api)(\/|$)/.test(location.pathname)
}

function failureAnswer(failure: ProbeFailure, code: string | undefined, redirects: number, timeoutMs: number): Answer {
  if (failure === 'aborted') return { kind: 'aborted' }
  if (failure === 'certificate') {
    return {
      kind: 'guarded',
      what: `presented a TLS certificate this runner does not trust (${code ?? 'unknown'})`,
      redirects
    }
  }
  return { kind: 'not-ready', what: FAILURE_WORDS[failure](code, timeoutMs), retryAfterMs: undefined }
}

const FAILURE_WORDS: Readonly<
  Record<Exclude<ProbeFailure, 'aborted' | 'certificate'>, (code: string | undefined, timeoutMs: number) => string>
> = {
  refused: () => 'connection refused',
  reset: () => 'connection reset',
  dns: () => 'no DNS record',
  timeout: (_code, timeoutMs) => `no answer within ${formatDuration(timeoutMs)}`,
  unreachable: code => `host unreachable (${code ?? 'unknown'})`,
  network: code => `network error${code === undefined ? '' : ` (${code})`}`
}
