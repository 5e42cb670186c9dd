import { asRecord } from '../util/records.js'
import { inline } from '../util/untrusted-text.js'
import type { EventPayload } from './event.js'

/** What a deployment event means for this step. */
export type DeploymentDecision =
  /** Not a deployment status: nothing to add. */
  | { readonly kind: 'none' }
  /** A deployment that has not succeeded: there is nothing to test yet. */
  | { readonly kind: 'skip'; readonly state: string }
  | Preview

/** A successful deployment, with the URL it was deployed to when the event has one. */
export interface Preview {
  readonly kind: 'preview'
  /** The site to test: the deployment's environment_url, or a target_url that is no GitHub page. */
  readonly url: string | undefined
  /** Where `url` came from; `target_url` deserves a line in the log. */
  readonly urlSource?: 'environment_url' | 'target_url'
  /** A target_url that was not used because it is a page on the GitHub server (a log, a run). */
  readonly ignoredTargetUrl?: string
  /** The deployment's environment, e.g. "Preview". */
  readonly name: string | undefined
}

/**
 * Reads a `deployment_status` event, the event Vercel (and other hosts) send when a preview is
 * ready. Only `success` means the URL serves the new build.
 */
export function readDeployment(
  eventName: string,
  payload: EventPayload,
  serverUrl = 'https://github.com'
): DeploymentDecision {
  if (eventName !== 'deployment_status') return { kind: 'none' }
  const status = asRecord(payload.deployment_status)
  const deployment = asRecord(payload.deployment)
  const state = typeof status.state === 'string' ? status.state : 'unknown'
  if (state !== 'success') return { kind: 'skip', state }
  const name =
    typeof deployment.environment === 'string' && deployment.environment !== '' ? deployment.environment : undefined
  if (isHttpUrl(status.environment_url))
    return { kind: 'preview', url: status.environment_url, urlSource: 'environment_url', name }
  // GitHub defines target_url as a link to the deployment's log or status page: GitHub Pages
  // points it at the Actions run. Only a page elsewhere can be the site itself.
  if (isHttpUrl(status.target_url)) {
    return onServer(status.target_url, serverUrl)
      ? { kind: 'preview', url: undefined, ignoredTargetUrl: status.target_url, name }
      : { kind: 'preview', url: status.target_url, urlSource: 'target_url', name }
  }
  return { kind: 'preview', url: undefined, name }
}

function onServer(url: string, serverUrl: string): boolean {
  try {
    return new URL(url).host === new URL(serverUrl).host
  } catch {
    return false
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** A line about where the site under test came from, when it is not the plain case. Pure. */
export function describePreviewUrl(
  preview: Preview,
  serviceName: string
): { readonly level: 'info' | 'warning'; readonly text: string } | undefined {
  if (preview.urlSource === 'target_url') {
    return {
      level: 'info',
      text: `The deployment_status event has no environment_url: testing its target_url, ${inline(preview.url ?? '')}, which is not a page on the GitHub server.`
    }
  }
  if (preview.url !== undefined) return undefined
  const ignored = preview.ignoredTargetUrl
    ? ` (its target_url, ${inline(preview.ignoredTargetUrl)}, is a page on the GitHub server, not the site)`
    : ''
  return {
    level: 'warning',
    text: `The deployment_status event has no environment_url${ignored}: ${serviceName} tests the application's configured environment. Set environment_url to test the deployment.`
  }
}
