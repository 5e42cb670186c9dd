import { quote } from '../util/untrusted-text.js'

/** Reads one input as the runner passes it (`core.getInput` in production). */
export type InputReader = (name: string) => string

/** What the event says about where the workflow runs, to explain an empty secret well. */
export interface EventHints {
  readonly eventName: string
  readonly isForkPullRequest: boolean
  readonly isDependabot: boolean
}

/** An input trimmed, or undefined when it is empty: the runner passes unset inputs as "". */
export function optionalInputs(read: InputReader): (name: string) => string | undefined {
  return name => {
    const value = read(name).trim()
    return value === '' ? undefined : value
  }
}

export function readBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  problems.push(`${name} must be true or false, not ${quote(value)}.`)
  return fallback
}

export interface NumberRange {
  readonly min: number
  readonly minInclusive: boolean
  readonly max: number
  readonly unit: string
  /** Whole numbers only. */
  readonly integer?: boolean
}

export function readNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  problems: string[],
  range: NumberRange
): number {
  if (value === undefined) return fallback
  const pattern = range.integer ? /^[0-9]+$/ : /^[0-9]*\.?[0-9]+$/
  const parsed = pattern.test(value) ? Number(value) : Number.NaN
  const aboveMin = range.minInclusive ? parsed >= range.min : parsed > range.min
  if (Number.isFinite(parsed) && aboveMin && parsed <= range.max) return parsed
  const lower = range.minInclusive ? `at least ${range.min}` : `greater than ${range.min}`
  const kind = range.integer ? 'a whole number' : 'a number'
  problems.push(`${name} must be ${kind} of ${range.unit} ${lower} and at most ${range.max}, not ${quote(value)}.`)
  return fallback
}

/** Items separated by newlines or commas, trimmed, without repeats. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return []
  const items = value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
  return [...new Set(items)]
}

/** An API base URL without a trailing `/v1` or `/`, or the value as given with a problem. */
export function readApiUrl(name: string, value: string, example: string, problems: string[]): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`${name} ${quote(value)} is not an absolute URL: use e.g. ${example}.`)
    return value
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${name} must be an http(s) URL, not ${quote(url.protocol)}: use e.g. ${example}.`)
    return value
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push(`${name} must not have a query or fragment: use e.g. ${example}.`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '')
}

/** A secret input must be the value alone: a pasted line break would break the header it goes in. */
export function checkSingleLine(name: string, value: string, example: string, problems: string[]): void {
  if (/[\r\n]/.test(value)) problems.push(`${name} contains a line break: pass the API key alone, e.g. ${example}.`)
}
