import { CommonInputs } from '../../inputs/common-settings.js'
import { CommonOutputs } from '../../report/common-outputs.js'
import { QaTechInputs } from '../shared/names.js'

/**
 * Input names, exactly as in change-review/action.yml: those of both QA.tech actions, this
 * action's own, and those every action has.
 */
export const Inputs = {
  ...QaTechInputs,
  Context: 'context',
  PrUrl: 'pr_url',
  ...CommonInputs
} as const

/**
 * Output names, exactly as in change-review/action.yml (and QAdottech/run-action/change-review):
 * this action's own, then those every action sets.
 */
export const Outputs = {
  ChatCreated: 'chat_created',
  ChatShortId: 'chat_short_id',
  ChatUrl: 'chat_url',
  ChatStatus: 'chat_status',
  ChatResponse: 'chat_response',
  ...CommonOutputs
} as const
