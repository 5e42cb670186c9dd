/**
 * Global set-up of `npm run test:bundles`: the tests there spawn dist/, so they first make sure
 * dist/ is what the sources build to, or stop with one line before any of them runs. Decided by
 * content (scripts/package.mjs builds into a temporary folder and compares), and skipped when the
 * sources and dist/ are those of the last build that was checked.
 */
import { staleDistFiles } from '../scripts/package.mjs'

export default function distIsFresh() {
  // Building the bundles to compare takes a while on a cold cache: say what the pause is.
  process.stdout.write('Checking that dist/ is what src/ builds to…\n')
  const stale = staleDistFiles()
  if (stale.length > 0) {
    const files = stale.length > 3 ? `${stale.slice(0, 3).join(', ')} and ${stale.length - 3} more` : stale.join(', ')
    const error = new Error(
      `dist/ is not what src/ builds to (${files} differ): run \`npm run package\`, then test again.`
    )
    // One line, not a stack trace into the build script.
    error.stack = error.message
    throw error
  }
}
