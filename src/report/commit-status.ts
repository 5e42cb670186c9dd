/**
 * The commit status (`commit_status`): `pending` on the tested commit when the run starts, then
 * its outcome, linked to the run's page, under a context branch protection can require whatever
 * the job is called.
 */
import * as core from '@actions/core'
import { repositoryNames } from '../github/comments.js'
import { setCommitStatus, STATUS_DESCRIPTION_MAX_CHARACTERS, type CommitState } from '../github/statuses.js'
import type { Outcome, StartedRun } from '../service/model.js'
import { systemClock } from '../util/clock.js'
import { redactSecrets } from '../util/secrets.js'
import { inline } from '../util/untrusted-text.js'
import { outcomeDescription, runningDescription } from '../verdict/words.js'
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
      context: statusContextOf(settings, service, run.plan, options.matrix),
      description: shorten(
        inline(redactSecrets(description, settings.secrets), 1_000),
        STATUS_DESCRIPTION_MAX_CHARACTERS
      ),
      targetUrl: safeUrl(run.url) ?? safeUrl(run.statusUrl)
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
    started: run => write(run, 'pending', runningDescription(service.words, run)),
    stopped: (run, problem) => write(run, 'error', `The step stopped waiting: ${problem}`),
    finished: (run, ending) => {
      // Without waiting there is no outcome to set (the inputs reject commit_status without blocking).
      if (ending.kind !== 'waited') return
      const testCases = ending.report?.testCases ?? []
      return write(run, stateOf(ending.outcome), outcomeDescription(service.words, ending.outcome, testCases))
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
