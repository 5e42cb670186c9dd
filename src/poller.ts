import type { Clock } from './clock.js'
import { ApiError, type QaTechClient, type RunDetail } from './qatech/client.js'
import { isTransient, transientDelayMs } from './retry-policy.js'
import type { RunState } from './qatech/types.js'
import { nextPollDelay, type Progress } from './poll-schedule.js'
import { formatDuration } from './duration.js'
import { inline, quote } from './untrusted-text.js'

const TERMINAL_STATUSES: readonly string[] = ['COMPLETED', 'ERROR', 'CANCELLED']
const KNOWN_STATUSES: readonly string[] = ['INITIATED', 'RUNNING', ...TERMINAL_STATUSES]

/** Above this many test cases, polls skip the per-test details: they would cost more than they help. */
const PROGRESS_TEST_CASE_LIMIT = 200
const HEARTBEAT_MS = 60_000
const REQUEST_TIMEOUT_MS = 30_000

export interface WaitOptions {
  readonly client: QaTechClient
  readonly shortId: string
  readonly testCount: number | undefined
  readonly timeoutMs: number
  readonly maxIntervalMs: number
  readonly clock: Clock
  /** Aborted when the workflow is cancelled. */
  readonly signal: AbortSignal
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  readonly random?: () => number
}

interface Waited {
  readonly waitedMs: number
  /** The last state seen, if any. */
  readonly last: RunState | undefined
}

export type WaitOutcome =
  | (Waited & { readonly kind: 'finished'; readonly run: RunState })
  | (Waited & { readonly kind: 'timed-out' })
  | (Waited & { readonly kind: 'interrupted' })

/**
 * Waits until the run reaches a terminal status, the deadline passes or the workflow is
 * cancelled; then, for a terminal run, fetches it once with every test case and issue.
 * 401, 403, 404 and other client errors end the wait at once (thrown); anything transient is
 * retried until the deadline.
 */
export async function waitForRun(options: WaitOptions): Promise<WaitOutcome> {
  const { client, shortId, clock, signal, log, warn } = options
  const random = options.random ?? Math.random
  const startedAt = clock.now()
  const deadline = startedAt + options.timeoutMs
  const elapsed = () => clock.now() - startedAt
  const trackProgress = options.testCount === undefined || options.testCount <= PROGRESS_TEST_CASE_LIMIT

  let last: RunState | undefined
  let lastPollAtMs = 0
  let lastLogAtMs = 0
  let runningSinceMs: number | undefined
  let progress: Progress | undefined
  const unknownStatusesWarned = new Set<string>()

  const outcome = (kind: 'timed-out' | 'interrupted'): WaitOutcome => ({ kind, waitedMs: elapsed(), last })

  /** One GET, retried through transient failures, unless the deadline or a cancel comes first. */
  async function fetchRun(detail: RunDetail): Promise<RunState | 'deadline' | 'interrupted'> {
    let failures = 0
    for (;;) {
      const remaining = deadline - clock.now()
      if (remaining <= 0) return 'deadline'
      try {
        const state = await abortable(
          client.getRun(shortId, { detail, timeoutMs: Math.min(REQUEST_TIMEOUT_MS, remaining) }),
          signal
        )
        if (state === ABORTED) return 'interrupted'
        if (failures > 0) log(`QA.tech answers again, after ${failures} failed attempt${failures === 1 ? '' : 's'}.`)
        return state
      } catch (error) {
        if (!isTransient(error)) throw error
        failures += 1
        const delay = transientDelayMs(failures, error instanceof ApiError ? error.retryAfterMs : undefined, random)
        if (failures === 1) {
          const left = formatDuration(Math.max(0, deadline - clock.now()))
          warn(`${(error as Error).message} Asking again until QA.tech answers; the wait ends in ${left}.`)
        }
        if ((await sleep(clock, Math.min(delay, Math.max(0, deadline - clock.now())), signal)) === ABORTED) {
          return 'interrupted'
        }
      }
    }
  }

  for (;;) {
    const delay = nextPollDelay({ elapsedMs: elapsed(), maxIntervalMs: options.maxIntervalMs, progress })
    const pause = Math.min(delay, deadline - clock.now())
    if (pause > 0 && (await sleep(clock, pause, signal)) === ABORTED) return outcome('interrupted')
    if (signal.aborted) return outcome('interrupted')
    if (clock.now() >= deadline) return outcome('timed-out')

    const pollStartMs = elapsed()
    const state = await fetchRun(trackProgress ? 'testCases' : 'status')
    if (state === 'interrupted') return outcome('interrupted')
    if (state === 'deadline') return outcome('timed-out')

    const previous = last
    last = state
    if (!KNOWN_STATUSES.includes(state.status) && !unknownStatusesWarned.has(state.status)) {
      unknownStatusesWarned.add(state.status)
      warn(`QA.tech reports the status ${quote(state.status)}, which this action does not know; waiting on.`)
    }

    if (TERMINAL_STATUSES.includes(state.status)) {
      log(`QA.tech run ${inline(shortId)} is ${inline(state.status)} after ${formatDuration(elapsed())}.`)
      const full = await fetchRun('full')
      if (full === 'interrupted') return outcome('interrupted')
      // The run has ended even if its details could not be fetched in time: report what is known.
      return { kind: 'finished', run: full === 'deadline' ? state : full, waitedMs: elapsed(), last: state }
    }

    if (state.status === 'RUNNING' && runningSinceMs === undefined) runningSinceMs = pollStartMs
    const finished = countFinished(state)
    const total = state.runTestCases.length
    if (runningSinceMs !== undefined && total > 0 && finished !== progress?.finished) {
      progress = { finished, total, finishedSeenAtMs: (lastPollAtMs + pollStartMs) / 2, runningSinceMs }
    }
    lastPollAtMs = pollStartMs

    const changed =
      previous === undefined || previous.status !== state.status || (total > 0 && countFinished(previous) !== finished)
    if (changed || elapsed() - lastLogAtMs >= HEARTBEAT_MS) {
      lastLogAtMs = elapsed()
      const tests = total > 0 ? `, ${finished} of ${total} test cases finished` : ''
      log(
        `Waiting for QA.tech run ${inline(shortId)}: ${inline(state.status)} after ${formatDuration(elapsed())}${tests}.`
      )
    }
  }
}

function countFinished(state: RunState): number {
  return state.runTestCases.filter(testCase => testCase.result !== null).length
}

const ABORTED = Symbol('aborted')

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED)
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      error => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<unknown> {
  return abortable(clock.sleep(ms), signal)
}
