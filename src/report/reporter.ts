import * as core from '@actions/core'
import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import type { Octokit } from '../github/octokit.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { Link, Outcome, RunReport, StartedRun } from '../service/model.js'
import type { Service } from '../service/service.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'

/** How a started run ended for the step. */
export type Ending =
  /** `blocking` is false: the step did not wait. */
  | { readonly kind: 'not-waiting' }
  | {
      readonly kind: 'waited'
      readonly outcome: Outcome
      readonly report: RunReport | undefined
      readonly waitedMs: number
      /** Earlier runs of this step (automatic retries, or the run a rerun continues), oldest first. */
      readonly earlierAttempts?: readonly Link[]
    }

/**
 * One place a run is reported (the job summary, the outputs, annotations, a file, …). Every hook
 * is optional and best effort: a reporter that fails costs one warning, never the verdict.
 * A reporter may keep state from `started` to the end (a comment's id, say).
 */
export interface Reporter {
  /** Names the reporter in its warning: "Could not write <what>: …". */
  readonly what: string
  started?(run: StartedRun): void | Promise<void>
  /** The wait ended without an outcome (an API error, say); the step then fails with `problem`. */
  stopped?(run: StartedRun, problem: string): void | Promise<void>
  finished?(run: StartedRun, ending: Ending): void | Promise<void>
}

/** What every reporter may read about the step. */
export interface ReportContext {
  readonly service: Pick<Service, 'action' | 'words' | 'outputs'>
  readonly settings: CommonSettings
  readonly git: GitContext
  readonly env: NodeJS.ProcessEnv
  /** The event that started the workflow. Untrusted. */
  readonly event: { readonly name: string; readonly payload: EventPayload }
  /** The GitHub API with `github_token`, loaded on first use; undefined without a token. */
  readonly octokit: (() => Promise<Octokit>) | undefined
  /** What the preflight found, when it checked a site: one plain-text line. */
  readonly preflightLine?: string
}

/** Calls one hook on every reporter in turn; a failure of one never stops the others. */
export async function notifyReporters(
  reporters: readonly Reporter[],
  hook: (reporter: Reporter) => void | Promise<void>
): Promise<void> {
  for (const reporter of reporters) {
    try {
      await hook(reporter)
    } catch (error) {
      core.warning(`Could not write ${reporter.what}: ${inline(messageOf(error))}`)
    }
  }
}
