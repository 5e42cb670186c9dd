import { ActionError } from '../util/errors.js'

/**
 * Parses an input that may be JSON or YAML. JSON is tried first because it needs no parser of
 * our own; the YAML parser is loaded only when JSON fails, to keep it off the start-up path.
 */
export async function parseJsonOrYaml(inputName: string, text: string): Promise<unknown> {
  let jsonError: unknown
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    jsonError = error
  }

  const { parseDocument } = await import('yaml')
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const [yamlError] = document.errors
  if (yamlError === undefined) return document.toJS() as unknown

  // Text that opens like JSON was almost certainly meant as JSON: report the JSON error.
  if (/^\s*[[{]/.test(text)) {
    throw new ActionError(
      `${inputName} is not valid JSON (${describeJsonError(jsonError, text)}). Fix the JSON or write it as YAML.`
    )
  }
  const [line, column] = yamlError.linePos?.[0] ? [yamlError.linePos[0].line, yamlError.linePos[0].col] : [1, 1]
  const reason = yamlError.message.split('\n', 1)[0]
  throw new ActionError(
    `${inputName} is not valid JSON or YAML (YAML error at line ${line}, column ${column}: ${reason}). Fix the text at that place.`
  )
}

/** Turns JSON.parse's message into "line L, column C: reason" whatever Node's wording. */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '')
  const position = /at position (\d+)/.exec(message)
  // "Unexpected end of JSON input" has no position: the problem is at the end.
  const offset = position ? Number(position[1]) : /end of JSON/i.test(message) ? text.length : undefined
  if (offset === undefined) return reason
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}: ${reason}`
}
