/** Types for sandbox/chat.mjs, for the TypeScript tests. */

/** The assistant's reply as one GET of a conversation sees it. */
export interface SandboxReply {
  /** `INITIATED`, `PARTIAL`, `COMPLETED`, `FAILED`, `CANCELLED`, or any other word. */
  status: string
  text?: string
  /** Default: true for PARTIAL. */
  isStreaming?: boolean
}

/** A message of the conversation from before the review, as QA.tech lists it. */
export interface SandboxChatMessage {
  id: string
  role: 'user' | 'assistant'
  createdAt: string
  text: string
  status: string
  isStreaming: boolean
}

/** This module's part of the sandbox scenario (`scenario.chat`). */
export interface ChatScenario {
  /** The reply per GET (the last repeats), or per `replyEveryMs` of the sandbox's clock; null = none yet. */
  replies: (SandboxReply | null)[]
  replyEveryMs: number | null
  /** Older messages, newest first, listed after the review's. */
  earlierMessages: SandboxChatMessage[]
  /** Short IDs for the conversations in the order they are started; past the list chat_sbx001, …. */
  shortIds: string[]
}

/** The review the default scenario's assistant writes. */
export const SANDBOX_REVIEW: string
