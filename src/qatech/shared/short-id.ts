import { quote } from '../../util/untrusted-text.js'

/** Short-ID formats from QA.tech's OpenAPI file: `pln_abc` or `pln-slug_abc`. */
export const ShortIdPrefixes = {
  testPlan: 'pln',
  application: 'app',
  environment: 'env',
  devicePreset: 'preset',
  applicationBuild: 'build',
  project: 'proj'
} as const

export function hasShortIdPrefix(value: string, prefix: string): boolean {
  return new RegExp(`^${prefix}(-.+_.+|_.+)$`).test(value)
}

/** Adds a problem when `value` is not a short ID of the kind `prefix` names. */
export function checkShortId(
  name: string,
  value: string | undefined,
  prefix: string,
  problems: string[]
): string | undefined {
  if (value !== undefined && !hasShortIdPrefix(value, prefix)) {
    problems.push(
      `${name} ${quote(value)} is not a ${prefix}_… short ID: copy it from QA.tech (e.g. ${prefix}_abc123).`
    )
  }
  return value
}
