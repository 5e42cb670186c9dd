import type { ServiceOutputs } from '../../service/service.js'
import { Outputs } from './names.js'

/**
 * The change review's outputs, from the started review and the last report: `chat_response` is
 * the newest reply's text, which the report carries as its narrative. The outputs reporter
 * scrubs secrets from every value (the agent may quote a URL it visited, bypass secret and all).
 */
export const reviewOutputs: ServiceOutputs = {
  none: () => ({ [Outputs.ChatCreated]: 'false' }),
  started: run => ({
    [Outputs.ChatCreated]: 'true',
    [Outputs.ChatShortId]: run.id,
    [Outputs.ChatUrl]: run.url
  }),
  finished: (outcome, report) => ({
    [Outputs.ChatStatus]: outcome.status,
    [Outputs.ChatResponse]: report?.narrative?.markdown ?? ''
  })
}
