import type { ActionDefinition } from '../service/service.js'
import { Inputs } from './names.js'
import { createQaTechService } from './service.js'
import { parseSettings, type Settings } from './settings.js'

/** The root action: a QA.tech test-plan run. */
export const qatechRunAction: ActionDefinition<Settings> = {
  secretInputs: [Inputs.ApiToken, Inputs.VercelBypassSecret],
  parseSettings,
  createService: createQaTechService
}
