/**
 * The root action, QA.tech test-plan runs: `run()` as GitHub's typescript-action template has it,
 * so `npx @github/local-action run . src/main.ts .env` runs it locally. src/index.ts calls it.
 */
import { qatechRunAction } from './qatech/action.js'
import { runAction } from './step/run.js'

export async function run(): Promise<void> {
  await runAction(qatechRunAction)
}
