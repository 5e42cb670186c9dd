import * as core from '@actions/core'
import type { CommonSettings } from '../inputs/common-settings.js'
import { notifyReporters } from '../report/reporter.js'
import type { ActionDefinition } from '../service/service.js'
import { failed, isEnd, passed, type StepEnd } from './end.js'
import { checkSites } from './preflight.js'
import { prepare } from './prepare.js'
import { start } from './start.js'
import { log } from './log.js'
import type { Dependencies } from './types.js'
import { systemClock } from '../util/clock.js'
import { ActionError, messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { CancelledError, processSignals, untilCancelled, watchCancellation } from '../wait/cancellation.js'

export type { Dependencies } from './types.js'

const defaultDependencies: Dependencies = {
  env: process.env,
  clock: systemClock,
  onCancel: processSignals,
  exit: code => process.exit(code)
}

/**
 * One action, start to end: the one place that decides whether the step passes, and says so.
 * Each action's entry module (src/main.ts, src/change-review/main.ts, src/tester-army/main.ts)
 * hands it its definition.
 */
export async function runAction<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies = defaultDependencies
): Promise<void> {
  const cancellation = watchCancellation(deps.onCancel, log)
  try {
    conclude(await runStages(action, deps, cancellation.signal), deps)
  } finally {
    cancellation.stop()
  }
}

/** The stages in order; the first to end the step gives its end. Never throws. */
async function runStages<S extends CommonSettings>(
  action: ActionDefinition<S>,
  deps: Dependencies,
  signal: AbortSignal
): Promise<StepEnd> {
  let serviceName = 'the service'
  try {
    const prepared = await untilCancelled(prepare(action, deps), signal)
    if (isEnd(prepared)) return prepared
    serviceName = prepared.service.words.name
    const preflight = await checkSites(prepared, deps, signal)
    if (isEnd(preflight)) return preflight
    const started = await start({ ...prepared, ...preflight }, deps, signal)
    if (isEnd(started)) return started
    if (!started.settings.blocking) {
      await notifyReporters(started.reporters, reporter => reporter.finished?.(started.run, { kind: 'not-waiting' }))
      return passed()
    }
    const { waitAndReport } = await import('./finish.js')
    return await waitAndReport(started, deps, signal)
  } catch (error) {
    return endOfError(error, serviceName)
  }
}

/** What a stage threw, as the step's end: a message for the user, never a stack trace. */
function endOfError(error: unknown, serviceName: string): StepEnd {
  if (error instanceof CancelledError) {
    return failed(`The workflow was cancelled before a run was started: no ${serviceName} run was started.`, {
      exitNow: true
    })
  }
  if (error instanceof ActionError) return failed(error.message)
  core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return failed(`Unexpected error: ${inline(messageOf(error))}. Please report it with this log.`)
}

/** The step's last word: its log line, or its failure. The only `setFailed` and `exit` of the action. */
function conclude(end: StepEnd, deps: Dependencies): void {
  if (end.end === 'passed') {
    if (end.warning) core.warning(end.warning)
    else if (end.message) core.info(end.message)
    return
  }
  core.setFailed(end.message)
  if (end.exitNow) deps.exit(1)
}
