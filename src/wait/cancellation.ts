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

/** Runs `wait` with a signal that aborts when the workflow is cancelled. */
export async function withCancellation<T>(
  source: CancelSource,
  log: (message: string) => void,
  wait: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const controller = new AbortController()
  const stop = source(signal => {
    log(`Received ${signal}: the workflow is being cancelled; stopping the wait.`)
    controller.abort()
  })
  try {
    return await wait(controller.signal)
  } finally {
    stop()
  }
}
