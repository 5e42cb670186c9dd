/**
 * The outputs every action of this repository sets, with the same meaning: the ones the shared
 * stages write (the preflight, the report files), whichever service ran. Each action's names
 * spread this constant, and its action.yml declares every one (action-yml-names.test.ts checks it).
 */
export const CommonOutputs = {
  /** What the preflight found: ready, not-ready, protected, skipped or off. */
  PreflightStatus: 'preflight_status',
  /** How long the preflight waited for the site, in seconds; empty when it did not check. */
  PreflightSeconds: 'preflight_seconds',
  /** The run as the service returned it, with the git context (report/results-file.ts). */
  ResultsFile: 'results_file',
  /** The JUnit XML report of a blocking run (report/junit.ts). */
  JunitFile: 'junit_file',
  /** The CTRF JSON report of a blocking run (report/ctrf.ts). */
  CtrfFile: 'ctrf_file'
} as const
