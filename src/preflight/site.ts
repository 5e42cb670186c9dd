import type { Clock } from '../util/clock.js'
import { formatDuration } from '../util/duration.js'
import { inline } from '../util/untrusted-text.js'
import { probe, REQUEST_TIMEOUT_MS } from './probe.js'
import { MIN_DELAY_MS, retryDelayMs } from './schedule.js'
import { step, type Answer } from './verdict.js'

/** One site to check; the URL has no secret in it, the bypass secret travels in a header. */
export interface Site {
  readonly url: string
  readonly bypassSecret?: string
}

/** What waiting for one site came to. `name` is the URL as the log may show it. */
export type SiteOutcome =
  | {
      readonly kind: 'ready'
      readonly name: string
      readonly answer: Extract<Answer, { kind: 'ready' | 'guarded' }>
      readonly checks: number
      /** Milliseconds from the first request of the preflight to this answer. */
      readonly atMs: number
    }
  | {
      readonly kind: 'not-ready'
      readonly name: string
      /** The last answer, as the log names it ("503", "connection refused"). */
      readonly last: string
      /** How long the site has given that answer. */
      readonly lastForMs: number
      /** Whether it gave that answer from the first check on. */
      readonly lastThroughout: boolean
      readonly waitedMs: number
      readonly checks: number
    }
  | {
      readonly kind: 'protected'
      readonly name: string
      readonly answer: Extract<Answer, { kind: 'vercel-protected' }>
      readonly hasSecret: boolean
      readonly origin: string
    }
  /** Stopped from outside: a workflow cancel, or another site that ends the preflight. */
  | { readonly kind: 'stopped' }

export interface SiteWait {
  readonly clock: Clock
  /** Clock time of the preflight's first request; the deadline counts from it. */
  readonly startedAt: number
  readonly deadline: number
  readonly signal: AbortSignal
  readonly log: (message: string) => void
}

const HEARTBEAT_MS = 30_000
const BYPASS_HEADER = 'x-vercel-protection-bypass'

/**
 * Checks a site until it is ready, turns out to be protected, or the deadline passes; logs what
 * it answers while it is not ready: when the answer changes, and about every 30 s.
 */
export async function waitForSite(site: Site, wait: SiteWait): Promise<SiteOutcome> {
  const { clock, signal, log } = wait
  const name = displayUrl(site.url)
  const url = httpUrl(site.url)
  const elapsed = () => clock.now() - wait.startedAt
  if (url === undefined) {
    // Inputs are checked before the preflight; this only guards against an odd URL from an event.
    return notReady({
      name,
      last: 'not an absolute http(s) URL',
      lastForMs: 0,
      lastThroughout: true,
      waitedMs: 0,
      checks: 0
    })
  }

  let checks = 0
  let last: string | undefined
  let lastSinceMs = 0
  let lastThroughout = true
  let loggedAtMs = 0
  for (;;) {
    // Every check, its redirects included, ends at most one request's time past the deadline.
    const answer = await checkOnce(
      url,
      site.bypassSecret,
      signal,
      () => clock.now(),
      wait.deadline + REQUEST_TIMEOUT_MS
    )
    if (answer.kind === 'aborted' || signal.aborted) return { kind: 'stopped' }
    checks += 1
    const atMs = elapsed()
    if (answer.kind === 'ready' || answer.kind === 'guarded') return { kind: 'ready', name, answer, checks, atMs }
    if (answer.kind === 'vercel-protected') {
      return { kind: 'protected', name, answer, hasSecret: site.bypassSecret !== undefined, origin: url.origin }
    }

    const remainingMs = wait.deadline - clock.now()
    if (answer.what !== last) {
      if (last !== undefined) lastThroughout = false
      last = answer.what
      lastSinceMs = atMs
      loggedAtMs = atMs
      if (checks === 1) {
        if (remainingMs >= MIN_DELAY_MS) {
          log(`Waiting for ${name}: ${answer.what}; asking again for up to ${formatDuration(remainingMs)}.`)
        }
      } else log(`Waiting for ${name}: now ${answer.what}, after ${formatDuration(atMs)} (${plural(checks, 'check')}).`)
    } else if (atMs - loggedAtMs >= HEARTBEAT_MS) {
      loggedAtMs = atMs
      log(`Waiting for ${name}: still ${answer.what} after ${formatDuration(atMs)} (${plural(checks, 'check')}).`)
    }

    // The last check comes at the deadline at the latest, and never sooner than 1 s after the one before.
    if (remainingMs < MIN_DELAY_MS) {
      return notReady({ name, last, lastForMs: atMs - lastSinceMs, lastThroughout, waitedMs: atMs, checks })
    }
    const delayMs = Math.min(retryDelayMs(checks, answer.retryAfterMs), remainingMs)
    if ((await abortableSleep(clock, delayMs, signal)) === STOPPED) return { kind: 'stopped' }
  }
}

function notReady(outcome: Omit<Extract<SiteOutcome, { kind: 'not-ready' }>, 'kind'>): SiteOutcome {
  return { kind: 'not-ready', ...outcome }
}

/**
 * One check: a GET of the URL with its redirects followed one by one, so that every hop is read
 * (a redirect to Vercel's login is an answer in itself). The bypass secret goes only to the URL's
 * own origin: a redirect elsewhere must not carry it off. Each request gets 10 s, and none goes
 * past `until` (clock time): a chain of slow redirects is not followed past it.
 */
export async function checkOnce(
  url: URL,
  bypassSecret: string | undefined,
  signal: AbortSignal,
  now: () => number,
  until: number
): Promise<Answer> {
  const targetOrigin = url.origin
  let hopUrl = url
  for (let redirects = 0; ; redirects += 1) {
    const timeoutMs = Math.min(REQUEST_TIMEOUT_MS, until - now())
    if (timeoutMs <= 0) {
      return {
        kind: 'not-ready',
        what: `redirected ${plural(redirects, 'time')} without a page in time`,
        retryAfterMs: undefined
      }
    }
    const secretSent = bypassSecret !== undefined && hopUrl.origin === targetOrigin
    const headers: Record<string, string> = secretSent ? { [BYPASS_HEADER]: bypassSecret } : {}
    const seen = await probe({ url: hopUrl, headers, timeoutMs, signal, now })
    const next = step(seen, { url: hopUrl, targetOrigin, secretSent, redirects, timeoutMs })
    if ('answer' in next) return next.answer
    hopUrl = next.follow
  }
}

/**
 * The URL as the log shows it: no user name or password, no bypass parameter (should a caller
 * pass one), and made inert as untrusted text, since it may come from the event.
 */
export function displayUrl(url: string): string {
  const parsed = httpUrl(url)
  if (parsed === undefined) return inline(url, 200)
  parsed.username = ''
  parsed.password = ''
  for (const param of [BYPASS_HEADER, 'x-vercel-set-bypass-cookie']) {
    if (parsed.searchParams.has(param)) parsed.searchParams.delete(param)
  }
  return inline(parsed.href, 200)
}

function httpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined
  } catch {
    return undefined
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

const STOPPED = Symbol('stopped')

function abortableSleep(clock: Clock, ms: number, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(STOPPED)
  return new Promise(resolve => {
    const onAbort = () => resolve(STOPPED)
    signal.addEventListener('abort', onAbort, { once: true })
    void clock.sleep(ms).then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(undefined)
    })
  })
}
