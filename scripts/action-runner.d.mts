/** Types for scripts/action-runner.mjs, for the TypeScript tests. */
import type { ChildProcess } from 'node:child_process'

export const NODE24: string
export const MACHINE_NODE: string
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

export function runAction(options: {
  inputs: Record<string, string>
  eventName: string
  payload: object
  env?: Record<string, string | undefined>
  node?: string
  onSpawn?: (child: ChildProcess, output: () => string) => void
}): Promise<ActionResult>
export function cleanUp(result: ActionResult): void
