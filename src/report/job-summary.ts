import { appendFileSync } from 'node:fs'
import * as core from '@actions/core'
import { pullRequestOfEvent } from '../context/pull-request.js'
import { redactSecrets } from '../util/secrets.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import type { Reporter, ReportContext } from './reporter.js'
import { renderSummary, type SummaryInput } from './summary.js'

/** The job summary: written once, when the run's end (or the step's) is known. */
export function jobSummaryReporter({ service, settings, git, env, event }: ReportContext): Reporter {
  const pullRequest = pullRequestOfEvent(event.name, event.payload)
  const base = {
    words: service.words,
    git,
    outcome: undefined,
    report: undefined,
    waitedMs: undefined,
    serverUrl: env.GITHUB_SERVER_URL,
    ...(pullRequest ? { pullRequest } : {})
  }
  // Written straight to the file the runner names, as `core.summary` would: one append a step.
  const write = (input: SummaryInput) => {
    const path = env.GITHUB_STEP_SUMMARY
    if (!path) {
      core.debug('No GITHUB_STEP_SUMMARY on this runner: skipping the job summary.')
      return
    }
    try {
      appendFileSync(path, renderSummary(input), 'utf8')
    } catch (error) {
      core.warning(`Could not write the job summary: ${inline(messageOf(error))}`)
    }
  }
  return {
    what: 'the job summary',
    stopped: (run, problem) => write({ ...base, started: run, problem: redactSecrets(problem, settings.secrets) }),
    finished: (run, ending) =>
      write(ending.kind === 'waited' ? { ...base, started: run, ...ending } : { ...base, started: run })
  }
}
