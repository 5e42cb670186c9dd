/**
 * Runs an action in this process through `run(action, deps)`, the way the runner would run its
 * bundle: inputs as INPUT_* with action.yml's defaults, the event payload in GITHUB_EVENT_PATH,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the log captured from stdout. Time is virtual and
 * shared with the sandbox, so a ten-minute wait takes milliseconds; a workflow cancel is a call,
 * not a signal. The result has the shape of `runAction`'s (scripts/action-runner.mjs), which runs
 * the built bundle instead.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { run, type Dependencies } from '../../src/main.js'
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

/** The value the runner gives `${{ github.token }}` in these runs. */
const FAKE_GITHUB_TOKEN = 'ghs_sandboxGithubToken'

const actionInputs = new Map<string, Record<string, { default?: unknown }>>()

function inputDefaults(actionYml: string): Record<string, { default?: unknown }> {
  let inputs = actionInputs.get(actionYml)
  if (!inputs) {
    inputs = (parse(readFileSync(actionYml, 'utf8')) as { inputs: Record<string, { default?: unknown }> }).inputs
    actionInputs.set(actionYml, inputs)
  }
  return inputs
}

function inputEnvironment(actionYml: string, inputs: Record<string, string>): Record<string, string> {
  const declared = inputDefaults(actionYml)
  const env: Record<string, string> = {}
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`${actionYml} has no input ${name}`)
  }
  for (const [name, spec] of Object.entries(declared)) {
    const value = name in inputs ? inputs[name] : spec.default
    if (value === undefined) continue
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value).replace(
      '${{ github.token }}',
      FAKE_GITHUB_TOKEN
    )
  }
  return env
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '')
    if (!match) continue
    const [, name = '', delimiter] = match
    const value: string[] = []
    for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly action?: ActionDefinition<any>
  readonly actionYml?: string
}

/** Steps run one at a time: process.env and stdout are the process's own. */
export async function runInProcess(options: InProcessOptions): Promise<InProcessResult> {
  const { clock, cancelWhen } = options
  const action: ActionDefinition<CommonSettings> = options.action ?? qatechRunAction
  const dir = mkdtempSync(join(tmpdir(), 'qatech-action-'))
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output.txt'), summary: join(dir, 'summary.md') }
  writeFileSync(files.event, JSON.stringify(options.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const payload = options.payload as { repository?: { full_name?: string }; sender?: { login?: string } }
  const given: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: payload.repository?.full_name ?? 'octo-org/octo-repo',
    GITHUB_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_TRIGGERING_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    ...inputEnvironment(options.actionYml ?? 'action.yml', options.inputs),
    ...options.env
  }
  const env = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined))

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
  process.env = env as NodeJS.ProcessEnv
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
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    runnerTemp: dir,
    tookMs: clock.now() - startedAt
  }
}

/** Removes a run's temporary folder. */
export function cleanUpRun(result: { runnerTemp: string }): void {
  if (existsSync(result.runnerTemp)) rmSync(result.runnerTemp, { recursive: true, force: true })
}
