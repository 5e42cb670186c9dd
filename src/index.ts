/** The root action's bundle entry: QA.tech test-plan runs. */
import { run } from './main.js'

await run()
