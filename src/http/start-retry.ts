import type { Clock } from '../util/clock.js'
import { formatDuration } from '../util/duration.js'
import { ApiError } from './api-error.js'
import { MAX_RETRY_AFTER_MS, MIN_RETRY_DELAY_MS } from './retry.js'

const UNREACHABLE_DELAYS_MS = [1_000, 2_000, 4_000]
const MAX_RETRY_AFTER_WAITS = 3

/**
 * Starts a run, retrying only when the service cannot have acted on the request: the connection
 * was never made (refused, DNS), or the service said 429/503 with `Retry-After`, which means "not
 * now". A timeout or a broken connection may have started a run already, so it is never retried:
 * one step never starts two runs. Every wait is at least a second and ends before `deadline`.
 */
export async function startWithRetry<T>(
  start: () => Promise<T>,
  clock: Clock,
  onRetry: (message: string) => void,
  deadline: number
): Promise<T> {
  let unreachableFailures = 0
  let retryAfterWaits = 0
  for (;;) {
    try {
      return await start()
    } catch (error) {
      const delay = retryDelay(error, unreachableFailures, retryAfterWaits)
      if (delay === undefined || !(error instanceof ApiError) || clock.now() + delay >= deadline) throw error
      if (error.kind === 'unreachable') unreachableFailures += 1
      else retryAfterWaits += 1
      onRetry(`${error.message} Trying again in ${formatDuration(delay)}.`)
      await clock.sleep(delay)
    }
  }
}

function retryDelay(error: unknown, unreachableFailures: number, retryAfterWaits: number): number | undefined {
  if (!(error instanceof ApiError)) return undefined
  if (error.kind === 'unreachable') return UNREACHABLE_DELAYS_MS[unreachableFailures]
  const busy = error.status === 429 || error.status === 503
  if (
    busy &&
    error.retryAfterMs !== undefined &&
    error.retryAfterMs <= MAX_RETRY_AFTER_MS &&
    retryAfterWaits < MAX_RETRY_AFTER_WAITS
  ) {
    return Math.max(MIN_RETRY_DELAY_MS, error.retryAfterMs)
  }
  return undefined
}
