import type { Preview } from '../context/deployment.js'
import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import type { Octokit } from '../github/octokit.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { Reporter } from '../report/reporter.js'
import type { StartedRun } from '../service/model.js'
import type { Service } from '../service/service.js'
import type { Clock } from '../util/clock.js'
import type { CancelSource } from '../wait/cancellation.js'

/** The stages of one step, in order: prepare → preflight → start → wait and finish. */

/** What `run` needs from the outside world; tests give a virtual clock and their own cancel. */
export interface Dependencies {
  /** The runner's variables (GITHUB_*, RUNNER_TEMP). Inputs are read through `@actions/core`. */
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  /** Tells when the workflow is cancelled: SIGINT and SIGTERM in production. */
  readonly onCancel: CancelSource
  /** Ends the process at once: after a cancel, an open request must not keep it alive. */
  readonly exit: (code: number) => void
}

/** What the step knows before it starts anything. */
export interface Prepared {
  readonly settings: CommonSettings
  readonly service: Service
  readonly git: GitContext
  readonly event: { readonly name: string; readonly payload: EventPayload }
  readonly preview: Preview | undefined
  readonly octokit: (() => Promise<Octokit>) | undefined
  /** The step's deadline on the clock. */
  readonly deadline: number
  /** What the preflight found, for the summary. */
  readonly preflightLine?: string
}

/** A run that exists, and the reporters that tell of it. */
export interface Started extends Prepared {
  readonly run: StartedRun
  readonly reporters: readonly Reporter[]
}
