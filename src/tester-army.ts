/** The tester-army action's entry point: tester.army runs. Everything else is shared wiring. */
import { run } from './main.js'
import { testerArmyAction } from './testerarmy/action.js'

await run(testerArmyAction)
