/**
 * Runs an action in this process through `run(action, deps)`, the way the runner would run its
 * bundle: inputs as INPUT_* with action.yml's defaults, the event payload in GITHUB_EVENT_PATH,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the log captured from stdout. Time is virtual and
 * shared with the sandbox, so a ten-minute wait takes milliseconds; a workflow cancel is a call,
 * not a signal. The result has the shape of `runAction`'s (scripts/action-runner.mjs), which runs
 * the built bundle instead.
 */
import { existsSync, rmSync } from 'node:fs'
import { prepareStep } from '../../scripts/action-runner.mjs'
import { runAction as run, type Dependencies } from '../../src/step/run.js'
import type { ActionDefinition } from '../../src/service/service.js'
import type { CommonSettings } from '../../src/inputs/common-settings.js'
import { qatechRunAction } from '../../src/qatech/action.js'
import type { Clock } from '../../src/util/clock.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.mjs'

export interface InProcessResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  runnerTemp: string
  /** Virtual milliseconds the step took. */
  tookMs: number
}

/**
 * Fast-forward time: real time plus every sleep skipped so far. A sleep returns at once (after
 * letting other callbacks run) with the clock moved on; a request that really hangs still takes
 * its time, so a deadline is reached as it would be on a runner.
 */
export type VirtualClock = Clock

export function virtualClock(): VirtualClock {
  let skippedMs = 0
  return {
    now: () => Date.now() + skippedMs,
    sleep: async ms => {
      skippedMs += Math.max(0, ms)
      await new Promise(resolve => setImmediate(resolve))
    }
  }
}

/** A sandbox on loopback whose clock is the test's virtual clock. */
export async function startVirtualSandbox(): Promise<{ sandbox: Sandbox; clock: VirtualClock }> {
  const clock = virtualClock()
  const sandbox = await startSandbox({ now: () => clock.now() })
  return { sandbox, clock }
}

/**
 * The set-up every in-process test file shares: a sandbox on the virtual clock for the whole file
 * (started before its first test, closed after its last) and the runs' temporary folders removed
 * after each test. Call it at the top of a file; push each run's result to `results`.
 */
export function useVirtualSandbox(): { sandbox: Sandbox; clock: VirtualClock; results: InProcessResult[] } {
  const clock = virtualClock()
  let started: Sandbox | undefined
  beforeAll(async () => {
    started = await startSandbox({ now: () => clock.now() })
  })
  afterAll(() => started?.close())
  const results: InProcessResult[] = []
  afterEach(() => results.splice(0).forEach(cleanUpRun))
  // The file's tests use the sandbox by name; it exists once beforeAll has run.
  const sandbox = new Proxy({} as Sandbox, {
    get(_, key) {
      if (!started) throw new Error('the sandbox is used before beforeAll started it')
      const value: unknown = Reflect.get(started, key)
      return typeof value === 'function' ? value.bind(started) : value
    }
  })
  return { sandbox, clock, results }
}

export interface InProcessOptions {
  readonly inputs: Record<string, string>
  readonly eventName: string
  readonly payload: object
  /** Runner variables to add or override; undefined removes one. */
  readonly env?: Record<string, string | undefined>
  readonly clock: Clock
  /** Cancels the workflow (as SIGINT would) once the log so far matches. */
  readonly cancelWhen?: (stdout: string) => boolean
  /** The action's folder, for its action.yml (default: the root action). */
  readonly actionFolder?: string
  readonly action?: ActionDefinition<CommonSettings>
}

/** Steps run one at a time: process.env and stdout are the process's own. */
export async function runInProcess(options: InProcessOptions): Promise<InProcessResult> {
  const { clock, cancelWhen } = options
  const action: ActionDefinition<CommonSettings> = options.action ?? qatechRunAction
  const step = prepareStep({
    action: options.actionFolder,
    inputs: options.inputs,
    eventName: options.eventName,
    payload: options.payload,
    env: options.env
  })
  let stdout = ''
  let stderr = ''
  let exitCode: number | undefined
  let cancelListener: ((signal: string) => void) | undefined
  let cancelled = false
  const savedEnv = process.env
  const savedWrite = process.stdout.write
  const savedErrorWrite = process.stderr.write
  const savedExitCode = process.exitCode
  const startedAt = clock.now()
  process.env = step.env
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (!cancelled && cancelListener && cancelWhen?.(stdout)) {
      cancelled = true
      const listener = cancelListener
      setImmediate(() => listener('SIGINT'))
    }
    return true
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stderr.write

  const deps: Dependencies = {
    env: process.env,
    clock,
    onCancel: listener => {
      cancelListener = listener
      if (!cancelled && cancelWhen?.(stdout)) {
        cancelled = true
        setImmediate(() => listener('SIGINT'))
      }
      return () => {
        cancelListener = undefined
      }
    },
    exit: code => {
      exitCode ??= code
    }
  }
  try {
    await run(action, deps)
  } finally {
    process.stdout.write = savedWrite
    process.stderr.write = savedErrorWrite
    process.env = savedEnv
    exitCode ??= typeof process.exitCode === 'number' ? process.exitCode : 0
    process.exitCode = savedExitCode
  }
  return {
    code: exitCode,
    stdout,
    stderr,
    ...step.readFiles(),
    runnerTemp: step.dir,
    tookMs: clock.now() - startedAt
  }
}

/** Removes a run's temporary folder. */
export function cleanUpRun(result: { runnerTemp: string }): void {
  if (existsSync(result.runnerTemp)) rmSync(result.runnerTemp, { recursive: true, force: true })
}
