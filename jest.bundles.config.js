/**
 * `npm run test:bundles`: the tests that spawn processes — the built bundles on the machine's Node
 * and on Node 24 (the runtime of `using: node24`) where it is installed, `npm run demo`,
 * `npm run local` and `npm run sandbox`. They run dist/, so the global set-up first stops the run
 * when dist/ is not what the sources build to. `.ci/run` runs them after `npm test`.
 */
import { common, SPAWNING_TESTS } from './jest.config.js'

export default {
  ...common,
  testMatch: [`${SPAWNING_TESTS}**/*.test.ts`],
  globalSetup: '<rootDir>/jest/dist-is-fresh.js',
  // These wait on child processes and real timers, not on the CPU: more at a time than there are
  // cores finishes sooner.
  maxWorkers: 4
}
