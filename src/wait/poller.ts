import { ApiError } from '../http/api-error.js'
import { isTransient, transientDelayMs } from '../http/retry.js'
import type { RunReport, StartedRun } from '../service/model.js'
import type { RequestOptions, Service } from '../service/service.js'
import type { Clock } from '../util/clock.js'
import { formatDuration } from '../util/duration.js'
import { inline, quote } from '../util/untrusted-text.js'
import { nextPollDelay, type Progress } from './poll-schedule.js'

const HEARTBEAT_MS = 60_000
const REQUEST_TIMEOUT_MS = 30_000
/**
 * The per-test details are a bonus once the verdict is known: a few bounded retries, then the
 * verdict is reported without them rather than waiting for the deadline.
 */
const DETAILS_BUDGET_MS = 20_000

export interface WaitOptions {
  readonly service: Pick<Service, 'poll' | 'result' | 'words'>
  readonly run: StartedRun
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
  readonly last: RunReport | undefined
}

export type WaitOutcome =
  | (Waited & { readonly kind: 'finished'; readonly report: RunReport })
  | (Waited & { readonly kind: 'timed-out' })
  /** The workflow was cancelled: during the wait, or while the run was being started. */
  | (Waited & { readonly kind: 'interrupted'; readonly during?: 'start' })

/**
 * Waits until the run finishes, the deadline passes or the workflow is cancelled; then, for a
 * finished run, fetches its result once with every detail. Client errors (401, 403, 404, …) end
 * the wait at once (thrown); anything transient is retried until the deadline.
 */
export async function waitForRun(options: WaitOptions): Promise<WaitOutcome> {
  const { service, run, clock, signal, log, warn } = options
  const name = service.words.name
  const random = options.random ?? Math.random
  const startedAt = clock.now()
  const deadline = startedAt + options.timeoutMs
  const elapsed = () => clock.now() - startedAt

  let last: RunReport | undefined
  let lastPollAtMs = 0
  let lastLogAtMs = 0
  let runningSinceMs: number | undefined
  let progress: Progress | undefined
  const unknownStatusesWarned = new Set<string>()

  const outcome = (kind: 'timed-out' | 'interrupted'): WaitOutcome => ({ kind, waitedMs: elapsed(), last })

  /** One request, retried through transient failures, unless the deadline or a cancel comes first. */
  async function ask(
    request: (options: RequestOptions) => Promise<RunReport>
  ): Promise<RunReport | 'deadline' | 'interrupted'> {
    let failures = 0
    for (;;) {
      const remaining = deadline - clock.now()
      if (remaining <= 0) return 'deadline'
      try {
        const report = await abortable(request({ timeoutMs: Math.min(REQUEST_TIMEOUT_MS, remaining) }), signal)
        if (report === ABORTED) return 'interrupted'
        if (failures > 0) log(`${name} answers again, after ${failures} failed attempt${failures === 1 ? '' : 's'}.`)
        return report
      } catch (error) {
        if (!isTransient(error)) throw error
        failures += 1
        const delay = transientDelayMs(failures, error instanceof ApiError ? error.retryAfterMs : undefined, random)
        if (failures === 1) {
          const left = formatDuration(Math.max(0, deadline - clock.now()))
          warn(`${(error as Error).message} Asking again until ${name} answers; the wait ends in ${left}.`)
        }
        if ((await sleep(clock, Math.min(delay, Math.max(0, deadline - clock.now())), signal)) === ABORTED) {
          return 'interrupted'
        }
      }
    }
  }

  /**
   * The finished run with every detail. A terminal state once seen is kept: an answer that goes
   * back on it (a stale read: still running, or another result) is asked again, and after a few
   * tries, or on a client error, the verdict already seen is reported without the details.
   */
  async function details(state: RunReport): Promise<RunReport | 'interrupted'> {
    const until = Math.min(deadline, clock.now() + DETAILS_BUDGET_MS)
    let problem: string
    for (let failures = 1; ; failures += 1) {
      let retryAfterMs: number | undefined
      try {
        const timeoutMs = Math.max(1, Math.min(REQUEST_TIMEOUT_MS, until - clock.now()))
        const full = await abortable(service.result(run, { timeoutMs }), signal)
        if (full === ABORTED) return 'interrupted'
        if (full.phase === 'finished' && full.status === state.status && full.verdict === state.verdict) return full
        problem = `it answered ${inline(full.status)}${full.result ? ` ${inline(full.result)}` : ''} after ${inline(state.status)}${state.result ? ` ${inline(state.result)}` : ''}`
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        problem = error.message
        if (!isTransient(error)) break
        retryAfterMs = error.retryAfterMs
      }
      const delay = transientDelayMs(failures, retryAfterMs, random)
      if (clock.now() + delay > until) break
      if ((await sleep(clock, delay, signal)) === ABORTED) return 'interrupted'
    }
    warn(
      `Could not read the per-test details of ${run.label} (${problem.replace(/\.$/, '')}); reporting the result ${name} gave: ${inline(state.status)}${state.result ? ` ${inline(state.result)}` : ''}.`
    )
    return { ...state, detailsMissing: problem }
  }

  for (;;) {
    const delay = nextPollDelay({ elapsedMs: elapsed(), maxIntervalMs: options.maxIntervalMs, progress })
    const pause = Math.min(delay, deadline - clock.now())
    if (pause > 0 && (await sleep(clock, pause, signal)) === ABORTED) return outcome('interrupted')
    if (signal.aborted) return outcome('interrupted')
    if (clock.now() >= deadline) return outcome('timed-out')

    const pollStartMs = elapsed()
    const state = await ask(request => service.poll(run, request))
    if (state === 'interrupted') return outcome('interrupted')
    if (state === 'deadline') return outcome('timed-out')

    const previous = last
    last = state
    if (!state.statusKnown && !unknownStatusesWarned.has(state.status)) {
      unknownStatusesWarned.add(state.status)
      warn(`${name} reports the status ${quote(state.status)}, which this action does not know; waiting on.`)
    }

    if (state.phase === 'finished') {
      log(`${run.label} is ${inline(state.status)} after ${formatDuration(elapsed())}.`)
      const full = await details(state)
      if (full === 'interrupted') return outcome('interrupted')
      return { kind: 'finished', report: full, waitedMs: elapsed(), last: state }
    }

    if (state.phase === 'running' && runningSinceMs === undefined) runningSinceMs = pollStartMs
    const finished = countFinished(state)
    const total = state.testCases.length
    if (runningSinceMs !== undefined && total > 0 && finished !== progress?.finished) {
      progress = { finished, total, finishedSeenAtMs: (lastPollAtMs + pollStartMs) / 2, runningSinceMs }
    }
    lastPollAtMs = pollStartMs

    const changed =
      previous === undefined || previous.status !== state.status || (total > 0 && countFinished(previous) !== finished)
    if (changed || elapsed() - lastLogAtMs >= HEARTBEAT_MS) {
      lastLogAtMs = elapsed()
      const noun = service.words.testCaseNoun?.many ?? 'test cases'
      const tests = total > 0 ? `, ${finished} of ${total} ${noun} finished` : ''
      log(`Waiting for ${run.label}: ${inline(state.status)} after ${formatDuration(elapsed())}${tests}.`)
    }
  }
}

function countFinished(state: RunReport): number {
  return state.testCases.filter(testCase => testCase.verdict !== 'pending').length
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
