import { quote } from '../util/untrusted-text.js'

/**
 * Checks shared by the input readers. Each adds a one-line problem (what is wrong and how to fix
 * it) to `problems` instead of throwing, so that every problem is reported at once.
 */

/** Reports keys that are not in `allowed`: a typo would otherwise be dropped without a word. */
export function unknownKeys(
  where: string,
  value: Record<string, unknown>,
  allowed: readonly string[],
  problems: string[]
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push(`${where} has an unknown key ${quote(key)}: expected ${allowed.join(', ')}.`)
    }
  }
}

export function stringField(where: string, value: unknown, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  problems.push(`${where} must be a non-empty string.`)
  return undefined
}

export function checkHttpUrl(where: string, value: string, problems: string[]): void {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(
      `${where} ${quote(value)} is not an absolute http(s) URL: use e.g. https://my-app-git-branch.vercel.app.`
    )
  }
}
