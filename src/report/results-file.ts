import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { CommonOutputs } from './common-outputs.js'
import type { Reporter, ReportContext } from './reporter.js'

/**
 * Writes the final run as the service returned it, with the git context, for later steps. Best
 * effort: a full disk must not hide the run's outcome, so a failure is a warning and an empty
 * output.
 */
export function resultsFileReporter({ service, git, env }: ReportContext): Reporter {
  return {
    what: 'the results file',
    finished: (run, ending) => {
      if (ending.kind !== 'waited') return
      const { outcome, report } = ending
      const path = join(env.RUNNER_TEMP || tmpdir(), `${service.words.filePrefix}-${run.fileId}.json`)
      const { actor, branch, commitHash, commitMessage, repository } = git
      const content = {
        run: report?.raw ?? null,
        started: run.record,
        gitContext: { actor, branch, commitHash, commitMessage, repository },
        outcome: {
          status: outcome.status,
          result: outcome.result,
          counts: outcome.counts,
          succeeded: outcome.succeeded,
          // Compared with the base branch (fail_on: new): which failures it already had.
          ...(outcome.baseline
            ? {
                baseline: {
                  ...outcome.baseline,
                  knownFailures: (report?.testCases ?? [])
                    .filter(testCase => testCase.baseline === 'known')
                    .map(testCase => testCase.name)
                }
              }
            : {})
        }
      }
      let written = ''
      try {
        writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`)
        written = path
      } catch (error) {
        core.warning(`Could not write the results file ${path}: ${inline(messageOf(error))}`)
      }
      core.setOutput(CommonOutputs.ResultsFile, written)
    }
  }
}
