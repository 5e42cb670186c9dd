/**
 * Text that comes from the event or the QA.tech API (commit messages, branch names, API error
 * messages) is untrusted: the runner reads any log line that starts with `::` as a workflow command
 * (`::add-mask::`, `::stop-commands::`, `::error::`), and the legacy `##[command]` form anywhere
 * in a line. These helpers make such text inert before it reaches the log.
 */

const LEGACY_COMMAND = /##\[/g

/**
 * Quotes untrusted text as one JSON string: newlines and control characters become escapes, so the
 * text cannot start a line of its own, and the legacy `##[` marker is broken up.
 */
export function quote(text: string): string {
  return JSON.stringify(text).replace(LEGACY_COMMAND, '##\\u005b')
}

/**
 * Pretty JSON of untrusted values: each value stays quoted on an indented line, so no line can
 * start a command; `##[` is broken up as in `quote`.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(LEGACY_COMMAND, '##\\u005b')
}

/**
 * Makes untrusted text safe to print inside a line of our own: folds it onto one line, breaks up
 * command markers and shortens it, without the quotes of `quote`.
 */
export function inline(text: string, maxLength = 300): string {
  const folded = text.replace(/\s+/g, ' ').trim()
  const short = folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded
  return short.replace(/::/g, ': :').replace(LEGACY_COMMAND, '## [')
}

/** The first line of a commit message, for one-line displays. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? ''
}
