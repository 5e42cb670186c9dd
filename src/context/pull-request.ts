import { asRecord, nonEmptyString } from '../util/records.js'
import type { EventPayload } from './event.js'

/** The pull request an event names, for links: pull_request and pull_request_target events only. */
export function pullRequestOfEvent(
  eventName: string,
  payload: EventPayload
): { readonly number: number; readonly url: string; readonly headSha?: string } | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined
  const pull = asRecord(payload.pull_request)
  const url = nonEmptyString(pull.html_url)
  if (typeof pull.number !== 'number' || url === undefined) return undefined
  const headSha = nonEmptyString(asRecord(pull.head).sha)
  return { number: pull.number, url, ...(headSha ? { headSha } : {}) }
}
