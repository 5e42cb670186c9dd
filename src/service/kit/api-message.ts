/**
 * The status and the service's own message, as every client's error messages quote them:
 * `HTTP 404`, or `HTTP 404: Test not found`. `apiMessage` is already inert (the client's
 * `apiMessageOf` made it so); empty when the service said nothing.
 */
export function withApiMessage(status: number, apiMessage: string): string {
  return apiMessage === '' ? `HTTP ${status}` : `HTTP ${status}: ${apiMessage}`
}
