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

/** Events whose payload carries the pull request itself (`pull_request`). */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

/**
 * The pull request a payload describes (`pull_request`, as of when the event fired), read
 * defensively; undefined when it names none.
 */
function pullRequestOfPayload(payload: EventPayload): PullRequest | undefined {
  const pull = asRecord(payload.pull_request)
  const head = asRecord(pull.head)
  const number = typeof pull.number === 'number' ? pull.number : payload.number
  if (!isPullRequestNumber(number)) return undefined
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

/**
 * The pull request the event is about, from its payload alone: the pull request of the
 * `pull_request*` events, as of when the event fired. Undefined for every other event, whatever
 * commit it names: finding a pull request by its commit is src/github/pull-request.ts's job.
 */
export function pullRequestOfEvent(eventName: string, payload: EventPayload): PullRequest | undefined {
  return PULL_REQUEST_EVENTS.has(eventName) ? pullRequestOfPayload(payload) : undefined
}

function isPullRequestNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
