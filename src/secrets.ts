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
