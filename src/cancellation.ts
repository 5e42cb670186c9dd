import * as core from '@actions/core'

/**
 * Runs `wait` with a signal that aborts when the workflow is cancelled. The runner sends SIGINT
 * on a cancel or when the step's timeout-minutes passes, SIGTERM 7.5 s later, then kills the
 * process: stopping at once leaves time to write the outputs and the summary.
 */
export async function withCancellation<T>(wait: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    core.info(`Received ${signal}: the workflow is being cancelled; stopping the wait.`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    return await wait(controller.signal)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
