/**
 * When to ask the service again. Pure: the poller feeds it what it has seen, it answers with a delay.
 *
 * Without progress it starts fast (a short run is noticed within seconds) and lengthens the
 * interval with the time waited, up to the configured maximum. When the service reports how many test cases have finished,
 * it estimates when the run will end and polls sparsely while that is far off and densely as it
 * nears, so a long run costs few requests and is still noticed within seconds of its end.
 */

export const MIN_POLL_INTERVAL_MS = 2_000
/** Without progress, wait this share of the time waited so far: the delay stays a small part of the run. */
const ELAPSED_SHARE = 0.08
/** Far from the expected end, the interval may grow to this multiple of the configured one. */
const SPARSE_FACTOR = 3
/** Poll again after this share of the expected remaining time. */
const REMAINING_SHARE = 1 / 3
/** Past the expected end, back off slowly: the estimate is usually only a little early. */
const OVERDUE_SHARE = 0.1

export interface Progress {
  readonly finished: number
  readonly total: number
  /**
   * Elapsed wait time (ms) when `finished` reached its value, as best known: midway between the
   * poll that saw fewer and the poll that saw this many.
   */
  readonly finishedSeenAtMs: number
  /** Elapsed wait time (ms) when the run was first seen RUNNING. */
  readonly runningSinceMs: number
}

export interface ScheduleInput {
  /** Milliseconds since the wait began. */
  readonly elapsedMs: number
  /** The configured longest interval (`poll_interval_seconds`). */
  readonly maxIntervalMs: number
  readonly progress: Progress | undefined
}

export function nextPollDelay(input: ScheduleInput): number {
  const { maxIntervalMs, progress, elapsedMs } = input
  const min = Math.min(MIN_POLL_INTERVAL_MS, maxIntervalMs)
  const backoff = clamp(elapsedMs * ELAPSED_SHARE, min, maxIntervalMs)
  if (progress === undefined || progress.total <= 0 || progress.finished <= 0 || progress.finished >= progress.total) {
    return backoff
  }

  // Test cases finish at a roughly steady pace: extrapolate the end from the pace so far.
  const runningFor = Math.max(1, progress.finishedSeenAtMs - progress.runningSinceMs)
  const expectedEndMs = progress.runningSinceMs + (runningFor * progress.total) / progress.finished
  const remainingMs = expectedEndMs - elapsedMs
  if (remainingMs > 0) return clamp(remainingMs * REMAINING_SHARE, min, maxIntervalMs * SPARSE_FACTOR)
  // Later than expected: stay close, backing off as the estimate proves wrong.
  return clamp(-remainingMs * OVERDUE_SHARE, min, maxIntervalMs)
}

function clamp(value: number, low: number, high: number): number {
  return Math.round(Math.min(high, Math.max(low, value)))
}
