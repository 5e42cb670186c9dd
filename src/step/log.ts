import * as core from '@actions/core'

/** The step's log and warnings, as the stages and services are handed them. */
export const log = (message: string): void => core.info(message)
export const warn = (message: string): void => core.warning(message)
/** A collapsible group of inert lines. */
export const group = (title: string, lines: readonly string[]): void => {
  core.startGroup(title)
  for (const line of lines) core.info(line)
  core.endGroup()
}
