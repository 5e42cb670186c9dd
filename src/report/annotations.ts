import * as core from '@actions/core'
import { inline } from '../util/untrusted-text.js'
import { testCaseNounOf } from '../verdict/words.js'
import { safeUrl } from './markdown.js'
import type { Reporter, ReportContext } from './reporter.js'

/** GitHub shows ten error annotations per step; more would be hidden anyway. */
const MAX_ANNOTATIONS = 10

/** One error annotation per failed test case and a warning per issue found, so the checks page names what broke. */
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
        const noun = testCaseNounOf(service.words).many
        core.info(
          `…and ${failed.length - MAX_ANNOTATIONS} more failed ${noun}: see the job summary or the run in ${name}.`
        )
      }
      // The issues found, as warnings (GitHub shows ten of those too): what broke, where people look.
      const issues = ending.report?.issues ?? []
      for (const issue of issues.slice(0, MAX_ANNOTATIONS)) {
        const where = safeUrl(issue.links?.[0]?.url ?? issue.helpUrl)
        const text = [issue.description ? inline(issue.description, 500) : inline(issue.title, 500), where]
        core.warning(text.filter(Boolean).join(' '), {
          title: `${name} issue (${inline(issue.severity, 40)}): ${inline(issue.title, 200)}`
        })
      }
      if (issues.length > MAX_ANNOTATIONS) {
        core.info(`…and ${issues.length - MAX_ANNOTATIONS} more issues: see the job summary.`)
      }
    }
  }
}
