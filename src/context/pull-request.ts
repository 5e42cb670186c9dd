import { asRecord } from '../util/records.js'
import type { EventPayload } from './event.js'

/** A pull request as the actions use it. Text fields are untrusted. */
export interface PullRequest {
  readonly number: number
  readonly url: string
  readonly title: string
  readonly body: string
  readonly state: string
  readonly headRef: string
  readonly headSha: string
  readonly baseRef: string
}

/**
 * The pull request a payload describes (`pull_request`, as of when the event fired), read
 * defensively; undefined when it names none.
 */
export function pullRequestOfPayload(payload: EventPayload): PullRequest | undefined {
  const pull = asRecord(payload.pull_request)
  const head = asRecord(pull.head)
  const number = typeof pull.number === 'number' ? pull.number : payload.number
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return {
    number,
    url: text(pull.html_url),
    title: text(pull.title),
    body: text(pull.body),
    state: text(pull.state),
    headRef: text(head.ref),
    headSha: text(head.sha),
    baseRef: text(asRecord(pull.base).ref)
  }
}

/** The pull request of a `pull_request` or `pull_request_target` event; undefined for other events. */
export function pullRequestOfEvent(eventName: string, payload: EventPayload): PullRequest | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined
  return pullRequestOfPayload(payload)
}
