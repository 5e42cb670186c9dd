/** The action's entry point: everything else lives in main.ts so it can be tested. */
import { run } from './main.js'

await run()
