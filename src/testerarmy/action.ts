import type { ActionDefinition } from '../service/service.js'
import { Inputs, LegacyInputs } from './names.js'
import { createTesterArmyService } from './service.js'
import { parseSettings, type Settings } from './settings.js'

/** The tester-army action: tester.army runs from any event, waited for, cancelled with the workflow. */
export const testerArmyAction: ActionDefinition<Settings> = {
  secretInputs: [
    Inputs.ApiKey,
    Inputs.VercelBypassSecret,
    LegacyInputs.ApiKey,
    LegacyInputs.VercelBypassToken,
    LegacyInputs.CredentialsPassword
  ],
  parseSettings,
  createService: createTesterArmyService
}
