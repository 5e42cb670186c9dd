import type { Clock } from '../util/clock.js'
import { formatDuration } from '../util/duration.js'
import { ApiError } from './api-error.js'
import { MAX_RETRY_AFTER_MS, MIN_RETRY_DELAY_MS } from './retry.js'

const UNREACHABLE_DELAYS_MS = [1_000, 2_000, 4_000]
const MAX_RETRY_AFTER_WAITS = 3

export interface StartRetryOptions {
  /**
   * Said after the error when the failed start may have started a run all the same (see
   * `mayHaveStarted`): that it may exist, and where to look for it before running the job again.
   */
  readonly ifMayHaveStarted?: string
}

/**
 * Starts a run, retrying only when the service cannot have acted on the request: the connection
 * was never made (refused, DNS), or the service said 429/503 with `Retry-After`, which means "not
 * now". A timeout or a broken connection may have started a run already, so it is never retried:
 * one step never starts two runs. Every wait is at least a second, ends before `deadline`, and
 * goes through `clock` (a clock whose waits end on a workflow cancel ends this at once).
 */
export async function startWithRetry<T>(
  start: () => Promise<T>,
  clock: Clock,
  onRetry: (message: string) => void,
  deadline: number,
  options: StartRetryOptions = {}
): Promise<T> {
  let unreachableFailures = 0
  let retryAfterWaits = 0
  for (;;) {
    try {
      return await start()
    } catch (error) {
      const delay = retryDelay(error, unreachableFailures, retryAfterWaits)
      if (delay === undefined || !(error instanceof ApiError) || clock.now() + delay >= deadline) {
        throw withMayHaveStarted(error, options.ifMayHaveStarted)
      }
      if (error.kind === 'unreachable') unreachableFailures += 1
      else retryAfterWaits += 1
      onRetry(`${error.message} Trying again in ${formatDuration(delay)}.`)
      await clock.sleep(delay)
    }
  }
}

/**
 * Whether a start that failed this way may have started a run all the same, by the kind of
 * failure and never by its words: the request may have reached the service (a timeout, a broken
 * connection, an answer that could not be read) and no answer turned it away. A server error —
 * JSON or a gateway's HTML page alike — may come after the run was created; a 429, or a 503 with
 * `Retry-After`, says "not now"; other 4xx refuse the request; a refused connection never reached
 * the service.
 */
export function mayHaveStarted(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  switch (error.kind) {
    case 'unreachable':
      return false
    case 'timeout':
    case 'network':
    case 'invalid-response':
      return true
    case 'http':
      return error.status !== undefined && error.status >= 500 && !saysNotNow(error)
  }
}

/** 429, or 503 with `Retry-After`: the service did not take the request and says when to ask again. */
function saysNotNow(error: ApiError): boolean {
  return error.status === 429 || (error.status === 503 && error.retryAfterMs !== undefined)
}

function withMayHaveStarted(error: unknown, sentence: string | undefined): unknown {
  if (sentence === undefined || !(error instanceof ApiError) || !mayHaveStarted(error)) return error
  return new ApiError(`${error.message} ${sentence}`, error.status, error.kind, error.retryAfterMs)
}

function retryDelay(error: unknown, unreachableFailures: number, retryAfterWaits: number): number | undefined {
  if (!(error instanceof ApiError)) return undefined
  if (error.kind === 'unreachable') return UNREACHABLE_DELAYS_MS[unreachableFailures]
  if (
    saysNotNow(error) &&
    error.retryAfterMs !== undefined &&
    error.retryAfterMs <= MAX_RETRY_AFTER_MS &&
    retryAfterWaits < MAX_RETRY_AFTER_WAITS
  ) {
    return Math.max(MIN_RETRY_DELAY_MS, error.retryAfterMs)
  }
  return undefined
}
