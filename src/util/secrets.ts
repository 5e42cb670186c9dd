import * as core from '@actions/core'

/**
 * The secret as it may appear in text: raw, percent-encoded as in a path, and encoded as a query
 * value (`URLSearchParams`: spaces as `+`, and `!'()~` encoded), which is how a URL carries it.
 */
function secretForms(secret: string): string[] {
  const queryValue = new URLSearchParams({ s: secret }).toString().slice('s='.length)
  return [...new Set([secret, encodeURIComponent(secret), queryValue])].filter(form => form.length > 0)
}

/** Masks the values of secret inputs in the log, before anything could print them. */
export function maskSecretInputs(names: readonly string[]): void {
  for (const name of names) {
    const secret = core.getInput(name).trim()
    if (secret === '') continue
    for (const form of secretForms(secret)) core.setSecret(form)
  }
}

/**
 * Replaces secrets in every string of a value. A service's text can quote the URL a test
 * visited, bypass secret included; the runner masks the log, but not the job summary or files.
 */
export function redactSecrets<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const forms = secrets.flatMap(secret => (secret ? secretForms(secret) : []))
  if (forms.length === 0 || value === undefined) return value
  const redact = (text: string) => forms.reduce((result, form) => result.split(form).join('***'), text)
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? redact(item) : item
  ) as T
}
