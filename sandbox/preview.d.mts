/** Types for sandbox/preview.mjs, for the TypeScript tests. */
import type { RequestListener } from 'node:http'

/** What a site answers before it is ready: a status, a dropped connection, or no answer at all. */
export type PreviewEarlyAnswer = number | 'reset' | 'hang'

/** One scripted site, served at /preview/<name>/ (the order of the checks is in preview.mjs). */
export interface PreviewSite {
  /** Milliseconds from the site's first request until it is ready; null: never (default 0). */
  readyAfterMs?: number | null
  /** The answer until then (default 503). */
  before?: PreviewEarlyAnswer
  /** `Retry-After` sent with the answers before ready. */
  retryAfter?: string | number
  /** One answer per check, the last repeating; the site is ready at `status`. Overrides the two above. */
  statuses?: PreviewEarlyAnswer[]
  /** The page's status once ready (default 200). */
  status?: number
  /** The page's body never ends (streamed until the client goes away). */
  endlessBody?: boolean
  /** Relative redirects before the page. */
  redirects?: number
  /** After the redirects, a redirect here instead of the page. */
  location?: string
  /** Milliseconds every answer takes, each hop of a redirect chain included (on the sandbox's `sleep`). */
  delayMs?: number
  basicAuth?: { username: string; password: string }
  /** Vercel Deployment Protection, passed with `x-vercel-protection-bypass: <secret>`. */
  vercel?: {
    secret?: string
    /** Default 401. */
    status?: number
    /** The page's body never ends (streamed until the client goes away). */
    endlessBody?: boolean
    /** Turn requests away with 401/403 (default) or with a redirect to vercel.com/sso-api. */
    via?: 'answer' | 'login-redirect'
    /** Send `server: Vercel` (default true); `x-vercel-id` is always sent. */
    serverHeader?: boolean
  }
}

/** This module's part of the sandbox scenario. */
export interface PreviewScenario {
  sites: Record<string, PreviewSite>
}

/** A request a preview site received, as GET /preview/__requests lists it. */
export interface PreviewRequest {
  site: string
  method: string
  /** The path below /preview/<name>. */
  path: string
  headers: { 'x-vercel-protection-bypass'?: string; authorization?: string; 'user-agent'?: string }
  at: number
}

export interface RefusingSite {
  readonly url: string
  readonly opened: boolean
  open(handler?: RequestListener): Promise<void>
  close(): Promise<void>
}

export function startRefusingSite(options?: { host?: string }): Promise<RefusingSite>
export function previewDefaults(): PreviewScenario
