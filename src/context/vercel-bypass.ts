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
