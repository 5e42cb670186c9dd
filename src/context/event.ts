import { readFileSync } from 'node:fs'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'

/** A webhook payload as the runner writes it to GITHUB_EVENT_PATH. Read defensively. */
export type EventPayload = Record<string, unknown>

/** The event's payload; an empty one, with a warning, when the file cannot be read. */
export function readEventPayload(path: string | undefined, warn: (message: string) => void): EventPayload {
  if (!path) return {}
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof payload === 'object' && payload !== null ? (payload as EventPayload) : {}
  } catch (error) {
    warn(
      `Could not read the event payload at GITHUB_EVENT_PATH (${inline(messageOf(error))}); using the runner's environment only.`
    )
    return {}
  }
}
