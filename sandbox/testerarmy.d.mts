/** Types for sandbox/testerarmy.mjs, for the TypeScript tests. */

/** This module's part of the sandbox scenario. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TesterArmyScenario {}
