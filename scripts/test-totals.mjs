#!/usr/bin/env node
/**
 * `node scripts/test-totals.mjs <jest.json>...`: one line, "N passed, N failed, N skipped", summed
 * over the JSON results of several Jest runs (`--json --outputFile`), as `.ci/run` ends. Exits 1
 * when a run left no results (Jest stopped before its tests, e.g. on a stale dist/) or a test file
 * could not run, so neither can pass unnoticed behind a line that counts no failure.
 */
import { readFileSync } from 'node:fs'

const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false
for (const file of process.argv.slice(2)) {
  let run
  try {
    run = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    console.error(`${file}: no test results (the run stopped before its tests; see its output above).`)
    broken = true
    continue
  }
  totals.passed += run.numPassedTests
  totals.failed += run.numFailedTests
  totals.skipped += run.numPendingTests + run.numTodoTests
  if (run.numRuntimeErrorTestSuites > 0) {
    console.error(`${file}: ${run.numRuntimeErrorTestSuites} test files could not run (see their errors above).`)
    broken = true
  }
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed > 0 ? 1 : 0)
