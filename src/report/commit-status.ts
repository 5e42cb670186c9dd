/**
 * The commit status (`commit_status`): `pending` on the tested commit when the run starts, then
 * its outcome, linked to the run's page, under a context branch protection can require whatever
 * the job is called.
 */
import * as core from '@actions/core'
import { repositoryNames } from '../github/comments.js'
import { setCommitStatus, STATUS_DESCRIPTION_MAX_CHARACTERS, type CommitState } from '../github/statuses.js'
import type { Outcome, StartedRun, TestCaseResult } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { systemClock } from '../util/clock.js'
import { redactSecrets } from '../util/secrets.js'
import { inline } from '../util/untrusted-text.js'
import { shorten, statusContextOf } from './identity.js'
import { safeUrl } from './markdown.js'
import { isPermissionDenied, retryOnce, warnPermission } from './permissions.js'
import type { GithubReportOptions } from './pr-comment.js'
import type { Reporter, ReportContext } from './reporter.js'

const WHAT = 'the commit status'

export function commitStatusReporter(context: ReportContext, options: GithubReportOptions = {}): Reporter {
  const { settings, git, service } = context
  const clock = options.clock ?? systemClock
  let refused = false

  const write = async (run: StartedRun, state: CommitState, description: string) => {
    if (!settings.commitStatus || refused) return
    if (!context.octokit) return core.info('github_token is empty: no commit status.')
    if (!git.commitHash) return core.info('No commit to set a status on.')
    const sha = git.commitHash
    const status = {
      state,
      context: statusContextOf(settings, service.words, run.plan, options.matrix),
      description: shorten(
        inline(redactSecrets(description, settings.secrets), 1_000),
        STATUS_DESCRIPTION_MAX_CHARACTERS
      ),
      targetUrl: safeUrl(run.url)
    }
    try {
      const client = await context.octokit()
      await retryOnce(() => setCommitStatus(client, repositoryNames(git.repository), sha, status), clock)
    } catch (error) {
      if (!isPermissionDenied(error)) throw error
      refused = true
      warnPermission(settings, WHAT, error)
    }
  }

  return {
    what: WHAT,
    started: run =>
      write(
        run,
        'pending',
        run.testCount === undefined ? `${run.label} is running` : `Running ${plural(run.testCount, 'test case')}`
      ),
    stopped: (run, problem) => write(run, 'error', `The step stopped waiting: ${problem}`),
    finished: (run, ending) => {
      // Without waiting there is no outcome to set (the inputs reject commit_status without blocking).
      if (ending.kind !== 'waited') return
      const testCases = ending.report?.testCases ?? []
      return write(run, stateOf(ending.outcome), describe(ending.outcome, service.words, testCases))
    }
  }
}

/** A failed test is `failure`; a run that could not give a verdict is `error`. */
function stateOf(outcome: Outcome): CommitState {
  if (outcome.succeeded) return 'success'
  switch (outcome.kind) {
    case 'failed':
    case 'skipped':
    case 'unknown':
      return 'failure'
    default:
      return 'error'
  }
}

/** One short line, the failed test names last so that the cut at 140 characters falls on them. */
function describe(outcome: Outcome, words: ServiceWords, testCases: readonly TestCaseResult[]): string {
  const { passed, failed, total } = outcome.counts
  const flaky = testCases.filter(testCase => testCase.flaky).length
  const flakyNote = flaky > 0 ? ` (${flaky} flaky)` : ''
  switch (outcome.kind) {
    case 'passed':
      return passed !== undefined && total !== undefined
        ? `All ${plural(total, 'test case')} passed${flakyNote}`
        : `The run passed${flakyNote}`
    case 'failed': {
      if (failed === undefined || failed === 0) return 'The run failed'
      const names = testCases.filter(testCase => testCase.verdict === 'failed').map(testCase => testCase.name)
      return `${failed} of ${total ?? failed} test cases failed${flakyNote}: ${names.join(', ')}`
    }
    case 'skipped':
      return outcome.succeeded ? 'The run was skipped' : 'The run was skipped (fail_on_skipped)'
    case 'errored':
      return `${words.name} could not complete the run`
    case 'cancelled':
      return `The run was cancelled in ${words.name}`
    case 'timed-out':
      return 'Timed out waiting for the run'
    case 'interrupted':
      return 'The workflow was cancelled while waiting for the run'
    case 'unknown':
      return `The run completed as ${outcome.result}`
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
