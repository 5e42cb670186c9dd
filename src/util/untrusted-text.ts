/**
 * Text that comes from the event or the QA.tech API (commit messages, branch names, API error
 * messages) is untrusted: the runner reads any log line that starts with `::` as a workflow command
 * (`::add-mask::`, `::stop-commands::`, `::error::`), and the legacy `##[command]` form anywhere
 * in a line. These helpers make such text inert before it reaches the log.
 */

const LEGACY_COMMAND = /##\[/g

/* eslint-disable no-control-regex -- matching control characters is the point here */
/** ANSI escape sequences (colours, cursor moves, terminal titles) and lone escapes. */
const ANSI_ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]/g
/** Control characters other than tab and line breaks, C1 controls included. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g
/* eslint-enable no-control-regex */
/** Bidirectional overrides and isolates, which can make a log line read other than it is. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Removes what could restyle or reorder the text where it is shown: ANSI escapes, control
 * characters (tab and line breaks stay, for the callers that fold them) and bidirectional
 * overrides. Every helper here and in the markdown escaping applies it first.
 */
export function stripControls(text: string): string {
  return text.replace(ANSI_ESCAPE, '').replace(CONTROL, '').replace(BIDI, '')
}

/**
 * Quotes untrusted text as one JSON string: newlines and control characters become escapes, so the
 * text cannot start a line of its own, and the legacy `##[` marker is broken up.
 */
export function quote(text: string): string {
  return JSON.stringify(stripControls(text)).replace(LEGACY_COMMAND, '##\\u005b')
}

/**
 * Pretty JSON of untrusted values: each value stays quoted on an indented line, so no line can
 * start a command; `##[` is broken up as in `quote`.
 */
export function inertJson(value: unknown): string {
  const stripped = (_key: string, item: unknown) => (typeof item === 'string' ? stripControls(item) : item)
  return JSON.stringify(value, stripped, 2).replace(LEGACY_COMMAND, '##\\u005b')
}

/**
 * Makes untrusted text safe to print inside a line of our own: folds it onto one line, breaks up
 * command markers and shortens it, without the quotes of `quote`.
 */
export function inline(text: string, maxLength = 300): string {
  const folded = stripControls(text).replace(/\s+/g, ' ').trim()
  const short = folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded
  return short.replace(/::/g, ': :').replace(LEGACY_COMMAND, '## [')
}

/** The first line of a commit message, for one-line displays. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? ''
}
