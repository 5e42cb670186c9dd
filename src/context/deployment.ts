import { asRecord } from '../util/records.js'
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
  readonly url: string | undefined
  /** The deployment's environment, e.g. "Preview". */
  readonly name: string | undefined
}

/**
 * Reads a `deployment_status` event, the event Vercel (and other hosts) send when a preview is
 * ready. Only `success` means the URL serves the new build.
 */
export function readDeployment(eventName: string, payload: EventPayload): DeploymentDecision {
  if (eventName !== 'deployment_status') return { kind: 'none' }
  const status = asRecord(payload.deployment_status)
  const deployment = asRecord(payload.deployment)
  const state = typeof status.state === 'string' ? status.state : 'unknown'
  if (state !== 'success') return { kind: 'skip', state }
  const url = [status.environment_url, status.target_url].find(isHttpUrl)
  const name =
    typeof deployment.environment === 'string' && deployment.environment !== '' ? deployment.environment : undefined
  return { kind: 'preview', url, name }
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
