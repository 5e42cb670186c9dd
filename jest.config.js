/**
 * `npm test`: every test that runs the actions in this process, against the sandbox on a virtual
 * clock. The tests that spawn processes (the built bundles on every runtime, the demo, the local
 * runner, the sandbox's command line) are `npm run test:bundles` (jest.bundles.config.js, the tests in __tests__/bundles/), which
 * first checks that dist/ is what the sources build to.
 *
 * ts-jest only transpiles (tsconfig.json has isolatedModules): types are checked by `npm run typecheck`.
 * Jest runs ESM with node's --experimental-vm-modules, which the npm scripts pass to node.
 */

/** The tests that spawn processes: they run in `npm run test:bundles` only. */
export const SPAWNING_TESTS = '<rootDir>/__tests__/bundles/'

/** What both runs share. */
export const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: '<rootDir>/jest/quiet-stdout-environment.js',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 60_000
}

export default {
  ...common,
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', SPAWNING_TESTS],
  // On a virtual clock these tests keep the CPU busy: one worker a core. More only add start-up
  // work (each worker loads TypeScript and compiles what it imports on a cold cache).
  maxWorkers: '100%'
}
