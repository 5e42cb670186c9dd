import * as core from '@actions/core'
import { Inputs } from './constants.js'
import type { ApplicationOverride } from './qatech/types.js'

/** Masks the API token and the bypass secret, before anything could print them. */
export function maskSecretInputs(): void {
  for (const name of [Inputs.ApiToken, Inputs.VercelBypassSecret]) {
    const secret = core.getInput(name).trim()
    if (secret === '') continue
    core.setSecret(secret)
    // URLs carry the bypass secret percent-encoded.
    if (encodeURIComponent(secret) !== secret) core.setSecret(encodeURIComponent(secret))
  }
}

/** Masks every environment URL that carries the bypass secret, whole. */
export function maskBypassUrls(applications: readonly ApplicationOverride[], secret: string | undefined): void {
  if (secret === undefined) return
  for (const url of environmentUrls(applications)) core.setSecret(url)
}

export function environmentUrls(applications: readonly ApplicationOverride[]): string[] {
  return applications.flatMap(app => (app.environment && 'url' in app.environment ? [app.environment.url] : []))
}

/** The secret as it may appear in text: raw, and percent-encoded as in a URL. */
function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret)])].filter(form => form.length > 0)
}

/**
 * Replaces secrets in every string of an API response. QA.tech's text can quote the URL a test
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
