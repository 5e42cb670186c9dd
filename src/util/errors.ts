/**
 * An error whose message is written for the user: one line (or a short list) that says what is
 * wrong and how to fix it. The entry point prints it as is, without a stack trace.
 */
export class ActionError extends Error {
  override readonly name = 'ActionError'
}

/** The message of anything thrown, for the rare error that is not an ActionError. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
