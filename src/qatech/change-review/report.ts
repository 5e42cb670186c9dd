import type { Narrative, RunReport, StartedRun, Verdict } from '../../service/model.js'
import { inline } from '../../util/untrusted-text.js'
import type { ChatMessage, Conversation } from './types.js'

/** QA.tech's change-review conversations in the neutral run model. Pure. */

/** The status a review has before QA.tech's agent has written anything. */
export const NO_REPLY_STATUS = 'PENDING'

const PHASES: Record<string, RunReport['phase']> = {
  [NO_REPLY_STATUS]: 'pending',
  INITIATED: 'pending',
  PARTIAL: 'running',
  COMPLETED: 'finished',
  FAILED: 'finished',
  CANCELLED: 'finished'
}

export function toStartedRun(
  conversation: Conversation,
  pullRequest: { readonly label: string },
  testedUrls: readonly string[]
): StartedRun {
  return {
    id: conversation.shortId,
    label: reviewLabel(conversation.shortId),
    url: conversation.url,
    plan: { label: 'Pull request', name: pullRequest.label },
    testedUrls,
    record: conversation.raw,
    fileId: conversation.shortId.replace(/[^A-Za-z0-9_-]/g, '_')
  }
}

/**
 * How every log line names a review. The conversation's short ID is QA.tech's text: it is made
 * inert here, once; the requests use it as QA.tech gave it (URL-encoded).
 */
export function reviewLabel(shortId: string): string {
  return `QA.tech change review ${inline(shortId)}`
}

/**
 * The reply that decides: the newest assistant message (QA.tech lists messages newest first).
 * Older replies in the conversation say nothing about this review.
 */
export function latestReply(conversation: Conversation): ChatMessage | undefined {
  return conversation.messages.find(message => message.role === 'assistant')
}

/**
 * A review has no test cases: its result is the reply's status and the text the agent wrote.
 * COMPLETED passes (QA.tech gives no verdict field; the text says what the agent found), FAILED
 * means the agent could not finish the review, CANCELLED that it was stopped in QA.tech.
 */
export function toRunReport(conversation: Conversation, label: string): RunReport {
  const reply = latestReply(conversation)
  const status = reply === undefined ? NO_REPLY_STATUS : (reply.status ?? NO_REPLY_STATUS)
  const phase = PHASES[status]
  return {
    // A status this action does not know is not taken as an end: the wait goes on.
    phase: phase ?? 'pending',
    status,
    statusKnown: phase !== undefined,
    result: '',
    ...(phase === 'finished' ? verdictOf(status, label) : {}),
    testCases: [],
    // The review's findings are in its text; there are no per-test results to count.
    testCasesUnread: true,
    issues: [],
    raw: conversation.raw,
    ...(reply && reply.text.trim() !== '' ? { narrative: narrativeOf(reply, status) } : {})
  }
}

function verdictOf(status: string, label: string): { verdict: Verdict; verdictNote?: string } {
  switch (status) {
    case 'COMPLETED':
      return { verdict: 'passed', verdictNote: `${label} is complete.` }
    case 'CANCELLED':
      return { verdict: 'cancelled', verdictNote: `${label} was cancelled in QA.tech.` }
    default:
      return {
        verdict: 'errored',
        verdictNote: `${label} failed (status FAILED): QA.tech's agent could not finish the review.`
      }
  }
}

function narrativeOf(reply: ChatMessage, status: string): Narrative {
  const finished = status === 'COMPLETED'
  return { title: finished ? 'Review by QA.tech' : `Review by QA.tech so far (${status})`, markdown: reply.text }
}
