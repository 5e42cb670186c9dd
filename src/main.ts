import * as core from '@actions/core'
import type { CommonSettings } from './inputs/common-settings.js'
import { notifyReporters } from './report/reporter.js'
import type { ActionDefinition } from './service/service.js'
import { checkSites } from './step/preflight.js'
import { prepare } from './step/prepare.js'
import { start } from './step/start.js'
import { log } from './step/log.js'
import type { Dependencies } from './step/types.js'
import { systemClock } from './util/clock.js'
import { ActionError, messageOf } from './util/errors.js'
import { inline } from './util/untrusted-text.js'
import { CancelledError, processSignals, untilCancelled, watchCancellation } from './wait/cancellation.js'

export type { Dependencies } from './step/types.js'

const defaultDependencies: Dependencies = {
  env: process.env,
  clock: systemClock,
  onCancel: processSignals,
  exit: code => process.exit(code)
}

/** One action, start to end: the one place that decides whether the step passes. */
export async function run<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies = defaultDependencies
): Promise<void> {
  const cancellation = watchCancellation(deps.onCancel, log)
  const { signal } = cancellation
  let serviceName = 'the service'
  try {
    const prepared = await untilCancelled(prepare(action, deps), signal)
    if (prepared === undefined) return
    serviceName = prepared.service.words.name
    const preflight = await checkSites(prepared, deps, signal)
    if (preflight === 'stopped') return
    const started = await start({ ...prepared, preflightLine: preflight }, deps, signal)
    if (started === undefined) return
    if (!started.settings.blocking) {
      await notifyReporters(started.reporters, reporter => reporter.finished?.(started.run, { kind: 'not-waiting' }))
      return
    }
    const { waitAndReport } = await import('./step/finish.js')
    await waitAndReport(started, deps, signal)
  } catch (error) {
    if (error instanceof CancelledError) {
      core.setFailed(`The workflow was cancelled before a run was started: no ${serviceName} run was started.`)
      return deps.exit(1)
    }
    if (error instanceof ActionError) {
      core.setFailed(error.message)
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      core.setFailed(`Unexpected error: ${inline(messageOf(error))}. Please report it with this log.`)
    }
  } finally {
    cancellation.stop()
  }
}
