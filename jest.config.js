/** Jest in ESM with ts-jest; see package.json "test" for --experimental-vm-modules. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 60_000,
  // The slow suites wait on real timers and child processes (the bundles on two runtimes), not on
  // the CPU: four at a time finish in a third of the time on a 2-core machine.
  maxWorkers: 4
}
