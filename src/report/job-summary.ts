import { appendFileSync } from 'node:fs'
import * as core from '@actions/core'
import { pullRequestOfEvent } from '../context/pull-request.js'
import { redactSecrets } from '../util/secrets.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import type { Reporter, ReportContext } from './reporter.js'
import { paragraph } from './markdown.js'
import type { SummaryInput } from './summary.js'

/** The job summary: written once, when the run's end (or the step's) is known. */
export function jobSummaryReporter({ service, settings, git, env, event, preflightLine }: ReportContext): Reporter {
  const pullRequest = pullRequestOfEvent(event.name, event.payload)
  const base = {
    words: service.words,
    git,
    outcome: undefined,
    report: undefined,
    waitedMs: undefined,
    serverUrl: env.GITHUB_SERVER_URL,
    ...(pullRequest ? { pullRequest } : {}),
    ...(preflightLine ? { preflightLine } : {})
  }
  // The renderer is loaded when there is something to render, not at start-up.
  const write = async (input: SummaryInput) => appendSummary(env, (await import('./summary.js')).renderSummary(input))
  return {
    what: 'the job summary',
    stopped: (run, problem) => write({ ...base, started: run, problem: redactSecrets(problem, settings.secrets) }),
    finished: (run, ending) =>
      write(ending.kind === 'waited' ? { ...base, started: run, ...ending } : { ...base, started: run })
  }
}

/**
 * The summary of a step that started no run (the preflight stopped it, or a cancel came first):
 * a heading and what happened. `text` is plain text, escaped here.
 */
export function writeNoRunSummary(env: NodeJS.ProcessEnv, heading: string, lines: readonly string[]): void {
  appendSummary(env, `## ${heading}\n\n${lines.map(line => paragraph(line)).join('\n\n')}\n`)
}

/** Written straight to the file the runner names, as `core.summary` would: one append a step. */
function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const path = env.GITHUB_STEP_SUMMARY
  if (!path) {
    core.debug('No GITHUB_STEP_SUMMARY on this runner: skipping the job summary.')
    return
  }
  try {
    appendFileSync(path, markdown, 'utf8')
  } catch (error) {
    core.warning(`Could not write the job summary: ${inline(messageOf(error))}`)
  }
}
