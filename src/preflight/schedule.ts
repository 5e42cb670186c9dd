/** How long the preflight waits before it asks a site that is not ready yet again. */

export const MIN_DELAY_MS = 1_000
export const MAX_DELAY_MS = 10_000

/**
 * 1 s, 2 s, 4 s, 8 s, then every 10 s: a preview that comes up in seconds is seen in seconds, and
 * one that takes minutes gets a request every 10 s. The site's `Retry-After` wins within the same
 * bounds: never sooner than 1 s (no request storm), never later than 10 s (a long Retry-After
 * from a cold start must not hide the moment the site comes up). No jitter: one step checks one
 * site, so there is no crowd of clients to spread out.
 */
export function retryDelayMs(failures: number, retryAfterMs: number | undefined): number {
  const backoff = MIN_DELAY_MS * 2 ** Math.max(0, failures - 1)
  return Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, retryAfterMs ?? backoff))
}
