import { quote } from '../util/untrusted-text.js'
import { optionalInputs, readBoolean, readNumber, type InputReader } from './read.js'

/** Inputs every action of this repository has, with the same meaning. */
export const CommonInputs = {
  GithubToken: 'github_token',
  Blocking: 'blocking',
  TimeoutMinutes: 'timeout_minutes',
  PollIntervalSeconds: 'poll_interval_seconds',
  JobSummary: 'job_summary',
  PrComment: 'pr_comment',
  CommentKey: 'comment_key',
  JobMatrix: 'job_matrix',
  CommitStatus: 'commit_status',
  StatusContext: 'status_context',
  Preflight: 'preflight',
  PreflightTimeoutSeconds: 'preflight_timeout_seconds'
} as const

/**
 * The inputs of the actions whose service reruns what failed (QA.tech test plans). The others
 * have nothing to rerun: they neither declare nor read these.
 */
export const RerunInputs = {
  Rerun: 'rerun',
  RetryFailed: 'retry_failed'
} as const

/**
 * The inputs of the actions whose runs have per-test results to compare with the base branch's
 * (QA.tech test plans, tester.army). The change review has none: it neither declares nor reads it.
 */
export const BaselineInputs = {
  FailOn: 'fail_on'
} as const

export type PrCommentMode = 'off' | 'always' | 'on-failure'
export type RerunMode = 'failed' | 'all'
export type PreflightMode = 'wait' | 'warn' | 'off'
/** `any`: every failure fails the step; `new`: only failures the base branch's run does not have. */
export type FailOnMode = 'any' | 'new'

/** What the shared stages (wait, verdict, reports) need to know of the inputs. */
export interface CommonSettings {
  /** Token for the GitHub API (commit message lookup); empty = do not call it. */
  readonly githubToken: string
  /** Wait for the run to finish and fail the step when it does not pass. */
  readonly blocking: boolean
  /** Hard deadline for the wait, in minutes. */
  readonly timeoutMinutes: number
  /** The longest pause between two status checks while waiting, in seconds. */
  readonly pollIntervalSeconds: number
  /** Fail the step when the run completes as skipped. */
  readonly failOnSkipped: boolean
  /** Write a job summary. */
  readonly jobSummary: boolean
  /** Stop the remote run when the workflow is cancelled or the wait times out (services that can). */
  readonly cancelOnAbort: boolean
  /** The sticky pull-request comment: never, on every run, or once the step fails. */
  readonly prComment: PrCommentMode
  /** Names the comment apart from the workflow, job and matrix leg; absent = those alone. */
  readonly commentKey: string | undefined
  /**
   * The job's `${{ toJSON(matrix) }}` (the input's default): the runner tells an action nothing
   * of its matrix leg, and each leg needs a comment and a commit status of its own.
   */
  readonly jobMatrix: string | undefined
  /** Set a commit status on the tested commit: pending at the start, then the outcome. */
  readonly commitStatus: boolean
  /** The commit status's context; absent = the service's default. */
  readonly statusContext: string | undefined
  /** On "Re-run failed jobs": rerun only what failed before, or everything. */
  readonly rerun: RerunMode
  /** Rerun failed test cases up to this many times after a failed run (0 to 3). */
  readonly retryFailed: number
  /**
   * Which failures fail the step: all of them, or only those the pull request's base branch does
   * not have (compared with the run its commit status names). Absent: `any`.
   */
  readonly failOn?: FailOnMode
  /** Check that the site under test answers before a run is started. */
  readonly preflight: PreflightMode
  /** How long the preflight waits for the site, in seconds. */
  readonly preflightTimeoutSeconds: number
  /** Values that never appear in a report, even when the service quotes them back. */
  readonly secrets: readonly string[]
  /** Notices about the inputs (a legacy value taken as its successor), printed once the inputs are read. */
  readonly notices?: readonly string[]
}

/** Where the action has no rerun inputs: "Re-run failed jobs" starts everything anew, and nothing is retried. */
const NO_RERUNS: Pick<CommonSettings, 'rerun' | 'retryFailed'> = { rerun: 'all', retryFailed: 0 }

const TIMEOUT_MINUTES = { default: 60, max: 7200 } as const
const POLL_INTERVAL_SECONDS = { default: 10, min: 2, max: 600 } as const

/** How the common inputs differ between actions. */
export interface CommonInputsOptions {
  /** `blocking`'s default. */
  readonly blocking: boolean
  /** The action has the `RerunInputs` (its service reruns what failed). */
  readonly rerunInputs?: boolean
  /** The action has the `BaselineInputs` (its runs have per-test results to compare). */
  readonly baselineInputs?: boolean
}

/** Reads the common inputs (and the rerun and baseline inputs, where the action has them). */
export function readCommonSettings(
  read: InputReader,
  options: CommonInputsOptions,
  problems: string[]
): Omit<CommonSettings, 'failOnSkipped' | 'secrets' | 'cancelOnAbort'> {
  const input = optionalInputs(read)
  const blocking = readBoolean(CommonInputs.Blocking, input(CommonInputs.Blocking), options.blocking, problems)
  const commitStatus = readBoolean(CommonInputs.CommitStatus, input(CommonInputs.CommitStatus), false, problems)
  if (commitStatus && !blocking) {
    problems.push(
      `${CommonInputs.CommitStatus} needs ${CommonInputs.Blocking}: true — without waiting for the run there is no final state to set. Set blocking: true, or remove commit_status.`
    )
  }
  // Without the input every failure counts, as it always did.
  const failOn: FailOnMode = options.baselineInputs
    ? readChoice(BaselineInputs.FailOn, input(BaselineInputs.FailOn), ['any', 'new'], problems)
    : 'any'
  if (failOn === 'new' && !blocking) {
    problems.push(
      `${BaselineInputs.FailOn}: new needs ${CommonInputs.Blocking}: true — without waiting for the run there are no failures to compare. Set blocking: true, or remove fail_on.`
    )
  }
  return {
    // A runner that does not evaluate input defaults (a local run) passes `${{ github.token }}` as
    // it is: no token, rather than a request that fails with it.
    githubToken: unevaluated(input(CommonInputs.GithubToken)) ? '' : (input(CommonInputs.GithubToken) ?? ''),
    blocking,
    timeoutMinutes: readNumber(
      CommonInputs.TimeoutMinutes,
      input(CommonInputs.TimeoutMinutes),
      TIMEOUT_MINUTES.default,
      problems,
      { min: 0, minInclusive: false, max: TIMEOUT_MINUTES.max, unit: 'minutes' }
    ),
    pollIntervalSeconds: readNumber(
      CommonInputs.PollIntervalSeconds,
      input(CommonInputs.PollIntervalSeconds),
      POLL_INTERVAL_SECONDS.default,
      problems,
      { min: POLL_INTERVAL_SECONDS.min, minInclusive: true, max: POLL_INTERVAL_SECONDS.max, unit: 'seconds' }
    ),
    jobSummary: readBoolean(CommonInputs.JobSummary, input(CommonInputs.JobSummary), true, problems),
    prComment: readChoice(
      CommonInputs.PrComment,
      input(CommonInputs.PrComment),
      ['off', 'always', 'on-failure'],
      problems
    ),
    commentKey: input(CommonInputs.CommentKey),
    jobMatrix: input(CommonInputs.JobMatrix),
    commitStatus,
    statusContext: input(CommonInputs.StatusContext),
    ...(options.rerunInputs ? readRerunSettings(input, problems) : NO_RERUNS),
    failOn,
    preflight: readChoice(CommonInputs.Preflight, input(CommonInputs.Preflight), ['wait', 'warn', 'off'], problems),
    preflightTimeoutSeconds: readNumber(
      CommonInputs.PreflightTimeoutSeconds,
      input(CommonInputs.PreflightTimeoutSeconds),
      300,
      problems,
      { min: 0, minInclusive: true, max: 3600, unit: 'seconds' }
    )
  }
}

/** `rerun` (failed by default) and `retry_failed` (none by default). */
function readRerunSettings(
  input: (name: string) => string | undefined,
  problems: string[]
): Pick<CommonSettings, 'rerun' | 'retryFailed'> {
  return {
    rerun: readChoice(RerunInputs.Rerun, input(RerunInputs.Rerun), ['failed', 'all'], problems),
    retryFailed: readNumber(RerunInputs.RetryFailed, input(RerunInputs.RetryFailed), 0, problems, {
      min: 0,
      minInclusive: true,
      max: 3,
      unit: 'retries',
      integer: true
    })
  }
}

/** One of `choices` (the first is the default), case-insensitive. */
function readChoice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly [T, ...T[]],
  problems: string[]
): T {
  if (value === undefined) return choices[0]
  const chosen = choices.find(choice => choice === value.toLowerCase())
  if (chosen !== undefined) return chosen
  problems.push(`${name} must be ${choices.map(choice => `"${choice}"`).join(', ')}, not ${quote(value)}.`)
  return choices[0]
}

/** An expression the runner left as it is, such as a default that only GitHub's runner evaluates. */
function unevaluated(value: string | undefined): boolean {
  return value !== undefined && value.trim().startsWith('${{')
}
