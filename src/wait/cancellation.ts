import type { Clock } from '../util/clock.js'

/**
 * Calls `listener` when the workflow is cancelled; returns a function that stops listening. The
 * runner sends SIGINT on a cancel or when the step's timeout-minutes passes, SIGTERM 7.5 s later,
 * then kills the process: stopping at once leaves time to write the outputs and the summary.
 */
export type CancelSource = (listener: (signal: string) => void) => () => void

export const processSignals: CancelSource = listener => {
  const onSignal = (signal: NodeJS.Signals) => listener(signal)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** A workflow cancel, watched for the whole step: the signal aborts, and the step knows when. */
export interface Cancellation {
  readonly signal: AbortSignal
  /** Stops listening. */
  stop(): void
}

export function watchCancellation(source: CancelSource, log: (message: string) => void): Cancellation {
  const controller = new AbortController()
  const stop = source(signal => {
    if (controller.signal.aborted) return
    log(`Received ${signal}: the workflow is being cancelled.`)
    controller.abort()
  })
  return { signal: controller.signal, stop }
}

/** Rejects with `CancelledError` as soon as `signal` aborts; otherwise settles as `promise` does. */
export function untilCancelled<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined)
    return Promise.reject(new CancelledError())
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined)
      reject(new CancelledError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

export class CancelledError extends Error {
  override readonly name = 'CancelledError'
  constructor() {
    super('the workflow was cancelled')
  }
}

/**
 * `clock` whose waits end in `CancelledError` once `signal` aborts: a start that waits to retry (a
 * 429's Retry-After) stops at once on a cancel, and says that nothing was started, rather than
 * keeping the step until the wait is over.
 */
export function cancellableClock(clock: Clock, signal: AbortSignal | undefined): Clock {
  if (signal === undefined) return clock
  return { now: () => clock.now(), sleep: ms => untilCancelled(clock.sleep(ms), signal) }
}

/** Sends `request` unless the workflow has been cancelled: a cancelled step starts nothing. */
export function unlessCancelled<T>(signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> {
  return signal?.aborted ? Promise.reject(new CancelledError()) : request()
}

/**
 * A request that starts a run, unless the workflow was cancelled: `sending` is told just before
 * it goes out, so that a cancel can tell "nothing was sent" from "it may have started".
 */
export function sendUnlessCancelled<T>(
  context: { readonly signal?: AbortSignal; readonly sending?: () => void },
  request: () => Promise<T>
): Promise<T> {
  return unlessCancelled(context.signal, () => {
    context.sending?.()
    return request()
  })
}
