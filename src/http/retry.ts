import type { Clock } from '../util/clock.js'
import { ApiError } from './api-error.js'

/**
 * When to ask a service again. Reads (GET) are safe to repeat, so every transient failure is
 * retried; starting a run is not, and has its own, stricter policy in start-retry.ts.
 */

const TRANSIENT_BACKOFF = { firstMs: 1_000, maxMs: 30_000 } as const
const READ_ATTEMPTS = 5

/** True for failures that say nothing about the request: network trouble, 5xx, 429, 408, bad JSON. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.kind !== 'http') return true
  const status = error.status ?? 0
  return status >= 500 || status === 429 || status === 408
}

/** Exponential backoff with jitter, or the server's `Retry-After` when it sent one. */
export function transientDelayMs(failures: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return retryAfterMs
  const base = Math.min(TRANSIENT_BACKOFF.maxMs, TRANSIENT_BACKOFF.firstMs * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/**
 * A read outside the wait (such as the project's applications before a run starts): retried
 * through transient failures a few times, warning once, so a passing hiccup does not fail the step.
 */
export async function readWithRetry<T>(
  read: () => Promise<T>,
  clock: Clock,
  warn: (message: string) => void,
  random: () => number = Math.random
): Promise<T> {
  for (let failures = 1; ; failures += 1) {
    try {
      return await read()
    } catch (error) {
      if (!isTransient(error) || failures >= READ_ATTEMPTS) throw error
      if (failures === 1) warn(`${(error as Error).message} Asking again.`)
      await clock.sleep(transientDelayMs(failures, error instanceof ApiError ? error.retryAfterMs : undefined, random))
    }
  }
}
