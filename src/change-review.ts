/** The change-review action's entry point: QA.tech reviews a pull request. Everything else is shared wiring. */
import { run } from './main.js'
import { changeReviewAction } from './qatech/change-review/action.js'

await run(changeReviewAction)
