/**
 * The change-review action, QA.tech reviews a pull request: `run()` as GitHub's typescript-action template has it, so
 * `npx @github/local-action run change-review ../src/change-review/main.ts .env` runs it locally. index.ts calls it.
 */
import { changeReviewAction } from '../qatech/change-review/action.js'
import { runAction } from '../step/run.js'

export async function run(): Promise<void> {
  await runAction(changeReviewAction)
}
