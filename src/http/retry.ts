import type { Clock } from '../util/clock.js'
import { ApiError } from './api-error.js'

/**
 * When to ask a service again. Reads (GET) are safe to repeat, so every transient failure is
 * retried; starting a run is not, and has its own, stricter policy in start-retry.ts. Every path
 * waits at least a second between two requests, whatever the server says, and no wait passes
 * the step's deadline.
 */

const TRANSIENT_BACKOFF = { firstMs: 1_000, maxMs: 30_000 } as const
const READ_ATTEMPTS = 5
/** The shortest wait between two requests to the same API: no answer may turn a retry into a storm. */
export const MIN_RETRY_DELAY_MS = 1_000
/** The longest `Retry-After` honoured: a longer one is taken as this. */
export const MAX_RETRY_AFTER_MS = 60_000

/** True for failures that say nothing about the request: network trouble, 5xx, 429, 408, bad JSON. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.kind !== 'http') return true
  const status = error.status ?? 0
  return status >= 500 || status === 429 || status === 408
}

/**
 * Exponential backoff with jitter. The server's `Retry-After` is a floor on top of it (capped at
 * a minute), never a replacement: `Retry-After: 0`, a date in the past or a negative number
 * cannot make the wait shorter than the backoff, nor shorter than a second.
 */
export function transientDelayMs(failures: number, retryAfterMs: number | undefined, random: () => number): number {
  const base = Math.min(TRANSIENT_BACKOFF.maxMs, TRANSIENT_BACKOFF.firstMs * 2 ** Math.max(0, failures - 1))
  const backoff = Math.round(base * (0.8 + 0.4 * random()))
  return Math.max(MIN_RETRY_DELAY_MS, backoff, Math.min(MAX_RETRY_AFTER_MS, retryAfterMs ?? 0))
}

export interface ReadRetryOptions {
  /** The step's deadline on `clock`: no wait goes past it. */
  readonly deadline: number
  readonly random?: () => number
}

/**
 * A read outside the wait (such as the project's applications before a run starts): retried
 * through transient failures a few times, warning once, so a passing hiccup does not fail the
 * step; never past the step's deadline.
 */
export async function readWithRetry<T>(
  read: () => Promise<T>,
  clock: Clock,
  warn: (message: string) => void,
  { deadline, random = Math.random }: ReadRetryOptions
): Promise<T> {
  for (let failures = 1; ; failures += 1) {
    try {
      return await read()
    } catch (error) {
      if (!isTransient(error) || failures >= READ_ATTEMPTS) throw error
      const delay = transientDelayMs(failures, error instanceof ApiError ? error.retryAfterMs : undefined, random)
      if (clock.now() + delay >= deadline) throw error
      if (failures === 1) warn(`${(error as Error).message} Asking again.`)
      await clock.sleep(delay)
    }
  }
}
