import * as core from '@actions/core'
import type { TestCaseResult } from '../service/model.js'
import { inline } from '../util/untrusted-text.js'
import { knownFailureNote, testCaseNounOf } from '../verdict/words.js'
import { safeUrl } from './markdown.js'
import type { Reporter, ReportContext } from './reporter.js'

/** GitHub shows ten error annotations per step, and ten warnings; more would be hidden anyway. */
const MAX_ANNOTATIONS = 10

/**
 * One error annotation per failed test case and a warning per issue found, so the checks page
 * names what broke. A failure the base branch already has (compared with its run) is a warning,
 * not an error: the pull request did not cause it. Those come first among the warnings.
 */
export function annotationsReporter({ service }: ReportContext): Reporter {
  const name = service.words.name
  const noun = testCaseNounOf(service.words).many
  return {
    what: 'the annotations',
    finished: (_run, ending) => {
      if (ending.kind !== 'waited') return
      const compared = ending.outcome.baseline
      // A step that passed has nothing to flag, unless it passed on failures the base branch has.
      if (ending.outcome.succeeded && compared === undefined) return
      const failed = (ending.report?.testCases ?? []).filter(testCase => testCase.verdict === 'failed')
      const isKnown = (testCase: TestCaseResult) => compared !== undefined && testCase.baseline === 'known'
      const brought = failed.filter(testCase => !isKnown(testCase))
      const known = failed.filter(isKnown)
      const message = (testCase: TestCaseResult, lead?: string) => {
        const url = safeUrl(testCase.url)
        const what = testCase.summary ? inline(testCase.summary, 500) : 'Failed'
        return [lead ? `${lead}: ${what}` : what, url].filter(Boolean).join(' ')
      }
      const title = (testCase: TestCaseResult) => `${name}: ${inline(testCase.name, 200)}`

      for (const testCase of brought.slice(0, MAX_ANNOTATIONS))
        core.error(message(testCase), { title: title(testCase) })
      if (brought.length > MAX_ANNOTATIONS) {
        core.info(
          `…and ${brought.length - MAX_ANNOTATIONS} more failed ${noun}: see the job summary or the run in ${name}.`
        )
      }

      if (compared !== undefined && known.length > 0) {
        const lead = knownFailureNote({
          branch: inline(compared.branch, 100),
          commit: inline(compared.commitSha.slice(0, 7))
        })
        for (const testCase of known.slice(0, MAX_ANNOTATIONS)) {
          core.warning(message(testCase, lead), { title: title(testCase) })
        }
        if (known.length > MAX_ANNOTATIONS) {
          core.info(`…and ${known.length - MAX_ANNOTATIONS} more known failures: see the job summary.`)
        }
      }

      // The issues found, as warnings in the slots the known failures left: what broke, where people look.
      const issues = ending.report?.issues ?? []
      const room = Math.max(0, MAX_ANNOTATIONS - known.length)
      for (const issue of issues.slice(0, room)) {
        const where = safeUrl(issue.links?.[0]?.url ?? issue.helpUrl)
        const text = [issue.description ? inline(issue.description, 500) : inline(issue.title, 500), where]
        core.warning(text.filter(Boolean).join(' '), {
          title: `${name} issue (${inline(issue.severity, 40)}): ${inline(issue.title, 200)}`
        })
      }
      if (issues.length > room) {
        core.info(`…and ${issues.length - room} more issues: see the job summary.`)
      }
    }
  }
}
