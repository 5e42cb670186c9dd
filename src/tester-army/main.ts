/**
 * The tester-army action, tester.army runs: `run()` as GitHub's typescript-action template has it, so
 * `npx @github/local-action run tester-army ../src/tester-army/main.ts .env` runs it locally. index.ts calls it.
 */
import { testerArmyAction } from '../testerarmy/action.js'
import { runAction } from '../step/run.js'

export async function run(): Promise<void> {
  await runAction(testerArmyAction)
}
