/** The tester-army action's bundle entry. */
import { run } from './main.js'

await run()
