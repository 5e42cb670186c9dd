/**
 * The tester.army API, under /testerarmy/api/v1/..., for the sandbox (sandbox/server.mjs). Not built yet: every request passes through.
 */

/** This module's part of the scenario. */
export function testerArmyDefaults() {
  return {}
}

export function createTesterArmyRoutes() {
  return {
    handle: () => false,
    reset() {}
  }
}
