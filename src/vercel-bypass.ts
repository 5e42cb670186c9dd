const BYPASS_PARAM = 'x-vercel-protection-bypass'
const COOKIE_PARAM = 'x-vercel-set-bypass-cookie'

/**
 * Adds Vercel's Deployment Protection bypass to a preview URL, as QA.tech documents it, so the
 * test agent can open a protected preview.
 */
export function withBypassSecret(url: string, secret: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set(BYPASS_PARAM, secret)
  parsed.searchParams.set(COOKIE_PARAM, 'true')
  return parsed.toString()
}

/** The URL with any bypass secret replaced, for logs and summaries. */
export function redactBypassSecret(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (!parsed.searchParams.has(BYPASS_PARAM)) return url
  parsed.searchParams.delete(BYPASS_PARAM)
  parsed.searchParams.delete(COOKIE_PARAM)
  return parsed.toString()
}
