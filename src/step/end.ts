/**
 * How a step ends. The stages return one of these (or throw); `runAction()` in src/step/run.ts alone turns
 * it into the step's result, so no stage fails the step or ends the process on its own. The
 * `end` field tells it apart from what a stage hands to the next one.
 */
export type StepEnd =
  /** The step passes: `message` is its last log line, `warning` a caveat it passes with. */
  | { readonly end: 'passed'; readonly message?: string; readonly warning?: string }
  /**
   * The step fails with `message`. `exitNow`: after a workflow cancel, a timer or an open request
   * must not keep the process alive past the runner's grace.
   */
  | { readonly end: 'failed'; readonly message: string; readonly exitNow?: boolean }

export const passed = (message?: string, warning?: string): StepEnd => ({
  end: 'passed',
  ...(message !== undefined ? { message } : {}),
  ...(warning !== undefined ? { warning } : {})
})

export const failed = (message: string, options: { readonly exitNow?: boolean } = {}): StepEnd => ({
  end: 'failed',
  message,
  ...(options.exitNow ? { exitNow: true } : {})
})

/** True when a stage ended the step instead of handing something on. */
export function isEnd<T extends object>(value: T | StepEnd): value is StepEnd {
  return 'end' in value
}
