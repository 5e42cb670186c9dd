import type { ActionDefinition } from '../../service/service.js'
import { Inputs } from './names.js'
import { createChangeReviewService } from './service.js'
import { parseChangeReviewSettings, type ChangeReviewSettings } from './settings.js'

/** The change-review action (change-review/action.yml): QA.tech's agents review a pull request. */
export const changeReviewAction: ActionDefinition<ChangeReviewSettings> = {
  secretInputs: [Inputs.ApiToken, Inputs.VercelBypassSecret],
  parseSettings: parseChangeReviewSettings,
  createService: createChangeReviewService
}
