/**
 * Request and response shapes of QA.tech's chat API for change reviews (`/v1/chat/...`), as its
 * API reference documents them. Answers are read defensively: status words stay open strings.
 */
import type { EnvironmentOverride, GitHubTriggerFields } from '../shared/types.js'

/** An application to review the change on: unlike a test-plan run, it must name an environment. */
export interface ReviewApplication {
  readonly applicationShortId: string
  readonly environment: EnvironmentOverride
  readonly devicePresetShortId?: string
}

/**
 * Body of `POST /v1/chat/change-review` in pull-request mode, with the git fields
 * QAdottech/run-action/change-review sends. Only fields with values are sent.
 */
export interface ChangeReviewRequest extends GitHubTriggerFields {
  readonly mode: 'pr'
  readonly projectShortId?: string
  readonly prUrl: string
  readonly vcsProviderId: 'github'
  readonly applicationOverrides: readonly ReviewApplication[]
  readonly context?: string
}

/** `INITIATED` and `PARTIAL` are unfinished; `COMPLETED`, `FAILED` and `CANCELLED` are final. */
export type MessageStatus = 'INITIATED' | 'PARTIAL' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | (string & {})

export interface ChatMessage {
  readonly id: string
  /** `user` or `assistant`. */
  readonly role: string
  readonly status: MessageStatus | undefined
  /** The message's markdown: for the assistant of a change review, the review. Untrusted. */
  readonly text: string
}

/** A conversation, as every chat call answers it; messages newest first. */
export interface Conversation {
  readonly shortId: string
  /** The conversation's page in QA.tech. */
  readonly url: string
  readonly title: string | undefined
  readonly messages: readonly ChatMessage[]
  /** The answer as QA.tech sent it, for the results file. */
  readonly raw: Record<string, unknown>
}
