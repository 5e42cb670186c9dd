/**
 * QA.tech chat and change review (/v1/chat/...), for the sandbox (sandbox/server.mjs). Not built yet: every request passes through.
 */

/** This module's part of the scenario. */
export function chatDefaults() {
  return {}
}

export function createChatRoutes() {
  return {
    handle: () => false,
    reset() {}
  }
}
