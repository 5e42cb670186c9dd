import * as core from '@actions/core'
import { inline } from '../util/untrusted-text.js'
import { safeUrl } from './markdown.js'
import type { Reporter, ReportContext } from './reporter.js'

/** GitHub shows ten error annotations per step; more would be hidden anyway. */
const MAX_ANNOTATIONS = 10

/** One error annotation per failed test case, so the checks page names what broke. */
export function annotationsReporter({ service }: ReportContext): Reporter {
  const name = service.words.name
  return {
    what: 'the annotations',
    finished: (_run, ending) => {
      if (ending.kind !== 'waited' || ending.outcome.succeeded) return
      const failed = (ending.report?.testCases ?? []).filter(testCase => testCase.verdict === 'failed')
      for (const testCase of failed.slice(0, MAX_ANNOTATIONS)) {
        const url = safeUrl(testCase.url)
        const message = [testCase.summary ? inline(testCase.summary, 500) : 'Failed', url].filter(Boolean).join(' ')
        core.error(message, { title: `${name}: ${inline(testCase.name, 200)}` })
      }
      if (failed.length > MAX_ANNOTATIONS) {
        core.info(
          `…and ${failed.length - MAX_ANNOTATIONS} more failed test cases: see the job summary or the run in ${name}.`
        )
      }
    }
  }
}
