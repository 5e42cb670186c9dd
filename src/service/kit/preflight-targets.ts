import type { PreflightTarget } from '../../preflight/preflight.js'

/**
 * The sites a run will test, for the preflight: each URL as the log may name it (never with the
 * secret in it), with the Vercel bypass secret the preflight sends in a header, where there is one.
 */
export function preflightTargets(urls: readonly string[], bypassSecret: string | undefined): PreflightTarget[] {
  return urls.map(url => (bypassSecret ? { url, bypassSecret } : { url }))
}
