import { ActionError } from '../util/errors.js'
import type { TransportFailureKind } from './transport.js'

/** A failed API call, with a message for the user and what a retry policy needs to know. */
export class ApiError extends ActionError {
  constructor(
    message: string,
    /** HTTP status, when one was read. */
    readonly status: number | undefined,
    readonly kind: TransportFailureKind | 'http' | 'invalid-response',
    readonly retryAfterMs: number | undefined = undefined
  ) {
    super(message)
  }
}
