import type { EventPayload } from '../context/event.js'
import type { GitContext } from '../context/git-context.js'
import type { Octokit } from '../github/octokit.js'
import type { Preview } from '../context/deployment.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import type { EventHints, InputReader } from '../inputs/read.js'
import type { PreflightTarget } from '../preflight/preflight.js'
import type { Clock } from '../util/clock.js'
import type { Outcome, RunReport, StartedRun } from './model.js'

/**
 * The seam between the shared stages and one service (QA.tech test plans, QA.tech change review,
 * tester.army). The poller, the verdict and the reports call only this. An adapter builds it with
 * service/kit/: `defineService`, the request log, the preflight targets, the API error and
 * empty-key messages, the "may have started" sentence.
 */
export interface Service {
  /**
   * Which action of this repository drives the service: part of every report's identity, so two
   * actions in one job never take each other's comment or status.
   */
  readonly action: ActionId
  readonly words: ServiceWords
  /** Starts the run. Called once: a step never starts two runs. */
  start(context: StartContext): Promise<StartedRun>
  /** A cheap status check while waiting. Transient failures are thrown as `ApiError`s. */
  poll(run: StartedRun, options: RequestOptions): Promise<RunReport>
  /** The finished run with every detail, fetched once at the end. */
  result(run: StartedRun, options: RequestOptions): Promise<RunReport>
  /**
   * Reruns the failed, skipped and errored test cases of a finished run as a new run (for
   * `retry_failed`, and for "Re-run failed jobs"). A run with nothing to rerun — one that has not
   * finished, or that passed — is handed back as it is (the same id), to wait for and report.
   * Absent where the service cannot.
   */
  rerunFailed?(run: Pick<StartedRun, 'id' | 'url'>, context: StartContext): Promise<StartedRun>
  /** The run's id from the page it links to (a run found through a commit status's link). */
  runIdFromUrl?(url: string): string | undefined
  /**
   * Stops the remote run, after a workflow cancel or at the deadline when `cancelOnAbort` is on;
   * absent where the service has no way to. A run that has already finished is no error.
   */
  cancel?(run: StartedRun, options: RequestOptions): Promise<'cancelled' | 'already-finished'>
  /** The step outputs, named as this action's action.yml names them. */
  readonly outputs: ServiceOutputs
  /**
   * The sites the run will test, for the preflight: URLs without secrets, each with the bypass
   * secret the preflight sends in a header. Absent or empty: there is nothing to check.
   */
  preflightTargets?(context: StartContext): readonly PreflightTarget[]
}

export interface RequestOptions {
  /** The longest a request may take: the time left before the step's deadline, at most. */
  readonly timeoutMs: number
}

export interface StartContext {
  readonly git: GitContext
  /** A successful deployment's preview, on `deployment_status` events. */
  readonly preview: Preview | undefined
  /** The event that started the workflow. Untrusted. */
  readonly event?: { readonly name: string; readonly payload: EventPayload }
  /** The GitHub API with `github_token`, loaded on first use; undefined without a token. */
  readonly octokit?: () => Promise<Octokit>
  /**
   * Aborted when the workflow is cancelled. A service checks it before it sends the start
   * request (throwing `CancelledError`), so a cancel during its preparations starts nothing.
   */
  readonly signal?: AbortSignal
  /** Told just before a request that may start a run is sent (each attempt). */
  readonly sending?: () => void
}

/** What a service needs from the outside world. */
export interface ServiceEnvironment {
  readonly clock: Clock
  /** The step's deadline on `clock` (timeout_minutes from the step's start): no retry waits past it. */
  readonly deadline: number
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  /**
   * Writes `lines` (inert already) in a collapsible group titled `title`. Absent (a test's quiet
   * environment): they go to `log`, the title first (service/kit/log.ts).
   */
  readonly group?: (title: string, lines: readonly string[]) => void
}

/** The words the user reads about this service, so shared code never names one. */
export interface ServiceWords {
  /** "QA.tech": in headings, links ("Open run … in QA.tech") and log lines ("QA.tech answers again"). */
  readonly name: string
  /** The status a run has before the first answer: what `run_status` says after an early cancel. */
  readonly initialStatus: string
  /** Said when the step stops waiting and the run goes on without it: "The QA.tech run goes on". */
  readonly runGoesOn: string
  /**
   * Why the step did not stop the run: "cancel_on_abort is false". For a service without `cancel`
   * it is derived from that (service/kit/capabilities.ts): "QA.tech has no way to cancel it from here".
   */
  readonly cannotCancel: string
  /** Said when the step stopped the remote run (services with `cancel`): "Cancelled the tester.army run". */
  readonly cancelledRun?: string
  /** How files about a run are named: `<prefix>-<run>.json`. */
  readonly filePrefix: string
  /** What the step starts, for headings: "run" (the default), "change review". */
  readonly runNoun?: string
  /** What a test case is called, one and many: "test case" (the default), or "run" for tester.army. */
  readonly testCaseNoun?: { readonly one: string; readonly many: string }
  /**
   * False where a run has no test cases to count (a change review: what it found is in its text):
   * no counts are shown, not even unknown ones. True by default.
   */
  readonly countsTestCases?: boolean
  /**
   * What a run that passed did, after "the <run noun>": "passed" (the default); "is complete" for
   * a review, which passes once it is written, whatever it found.
   */
  readonly passedPhrase?: string
  /**
   * Report every test case's summary and details, passing ones too (tester.army: what each run
   * tested and its steps); by default only failures get them.
   */
  readonly detailsForEveryTestCase?: boolean
}

/**
 * The step outputs, from what the step knows at each point and nothing the service kept: the
 * started run (its `record` holds the service's answer), then the outcome and the last report.
 */
export interface ServiceOutputs {
  /** When no run was started (a deployment that did not succeed, a deleted branch). */
  none(): Record<string, string>
  started(run: StartedRun): Record<string, string>
  /** `report` is the final one (every attempt's, after retries), or the last seen; undefined when none was read. */
  finished(outcome: Outcome, report: RunReport | undefined): Record<string, string>
}

/** The actions of this repository, as reports key them: stable, never shown. */
export type ActionId = 'qatech-runs' | 'qatech-change-review' | 'tester-army'

/** One action of this repository: how it reads its inputs and which service it drives. */
export interface ActionDefinition<S extends CommonSettings> {
  /** Inputs that hold secrets: masked before anything else is read. */
  readonly secretInputs: readonly string[]
  parseSettings(read: InputReader, hints: EventHints): Promise<S>
  createService(settings: S, environment: ServiceEnvironment): Service
}
