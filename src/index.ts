/** The root action's entry point: QA.tech test-plan runs. Everything else is shared wiring. */
import { run } from './main.js'
import { qatechRunAction } from './qatech/action.js'

await run(qatechRunAction)
