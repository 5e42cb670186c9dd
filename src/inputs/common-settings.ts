import { optionalInputs, readBoolean, readNumber, type InputReader } from './read.js'

/** Inputs every action of this repository has, with the same meaning. */
export const CommonInputs = {
  GithubToken: 'github_token',
  Blocking: 'blocking',
  TimeoutMinutes: 'timeout_minutes',
  PollIntervalSeconds: 'poll_interval_seconds',
  JobSummary: 'job_summary'
} as const

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
  /** Values that never appear in a report, even when the service quotes them back. */
  readonly secrets: readonly string[]
}

const TIMEOUT_MINUTES = { default: 60, max: 7200 } as const
const POLL_INTERVAL_SECONDS = { default: 10, min: 2, max: 600 } as const

/** Reads the common inputs; `blocking` defaults differ per action. */
export function readCommonSettings(
  read: InputReader,
  defaults: { readonly blocking: boolean },
  problems: string[]
): Omit<CommonSettings, 'failOnSkipped' | 'secrets' | 'cancelOnAbort'> {
  const input = optionalInputs(read)
  return {
    githubToken: input(CommonInputs.GithubToken) ?? '',
    blocking: readBoolean(CommonInputs.Blocking, input(CommonInputs.Blocking), defaults.blocking, problems),
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
    jobSummary: readBoolean(CommonInputs.JobSummary, input(CommonInputs.JobSummary), true, problems)
  }
}
