/**
 * A scriptable preview site, under /preview/..., for the sandbox (sandbox/server.mjs). Not built yet: every request passes through.
 */

/** This module's part of the scenario. */
export function previewDefaults() {
  return {}
}

export function createPreviewRoutes() {
  return {
    handle: () => false,
    reset() {}
  }
}
