import { DEFAULT_API_URL, Inputs } from './constants.js'
import { ActionError } from './errors.js'
import { parseJsonOrYaml } from './structured-text.js'
import { readApplicationsConfig, readNotifications } from './config-inputs.js'
import { quote } from './untrusted-text.js'
import { ShortIdPrefixes, type ApplicationOverride, type NotificationOverride } from './qatech/types.js'
import { checkHttpUrl, shortId, withoutUndefined } from './validation.js'

/** The shorthand inputs for one application: `application_short_id` and its companions. */
export interface ApplicationShorthand {
  /** Absent: the application is looked up (a project with exactly one application). */
  readonly applicationShortId?: string
  readonly environmentUrl?: string
  readonly environmentName?: string
  readonly environmentShortId?: string
  readonly devicePresetShortId?: string
}

/** Everything the action was asked to do, validated. Nothing else reads the inputs. */
export interface Settings {
  /** QA.tech project API key (write scope). Masked as soon as it is read. */
  readonly apiToken: string
  /** API base URL without a trailing `/v1` or `/`. */
  readonly apiUrl: string
  /** Test plan to run; absent = the project's default plan. */
  readonly testPlanShortId?: string
  /** Run only these test cases. Empty = all of the plan. */
  readonly testCaseIds: readonly string[]
  /** Application overrides from `applications_config`, in the API's form. */
  readonly applications: readonly ApplicationOverride[]
  /** The shorthand inputs, when any of them is set. */
  readonly shorthand?: ApplicationShorthand
  /** Vercel Deployment Protection bypass secret, added to every override URL. Masked. */
  readonly vercelBypassSecret?: string
  /** Slack notification overrides; absent = the project's own settings. */
  readonly notifications?: readonly NotificationOverride[]
  /** Token for reading the commit message from the GitHub API; empty = do not read it. */
  readonly githubToken: string
  /** Wait for the run to finish and fail the step when it does not pass. */
  readonly blocking: boolean
  /** Hard deadline for the wait, in minutes. */
  readonly timeoutMinutes: number
  /** The longest pause between two status checks while waiting, in seconds. */
  readonly pollIntervalSeconds: number
  /** Fail the step when the run completes as SKIPPED. */
  readonly failOnSkipped: boolean
  /** Write a job summary. */
  readonly jobSummary: boolean
}

/** Reads one input as the runner passes it (`core.getInput` in production). */
export type InputReader = (name: string) => string

/** What the event says about where the workflow runs, to explain an empty token well. */
export interface EventHints {
  readonly eventName: string
  readonly isForkPullRequest: boolean
  readonly isDependabot: boolean
}

const TIMEOUT_MINUTES = { default: 60, max: 7200 } as const
const POLL_INTERVAL_SECONDS = { default: 10, min: 2, max: 600 } as const

/**
 * Turns the inputs into settings, or throws one ActionError listing every problem, a line each,
 * before anything is sent anywhere.
 */
export async function parseSettings(read: InputReader, hints: EventHints): Promise<Settings> {
  const problems: string[] = []
  const input = (name: string): string | undefined => {
    const value = read(name).trim()
    return value === '' ? undefined : value
  }

  const apiToken = input(Inputs.ApiToken) ?? ''
  if (apiToken === '') problems.push(emptyTokenMessage(hints))
  else if (/[\r\n]/.test(apiToken))
    problems.push(
      `${Inputs.ApiToken} contains a line break: pass the API key alone, e.g. \${{ secrets.QATECH_API_TOKEN }}.`
    )

  const apiUrl = normaliseApiUrl(input(Inputs.ApiUrl) ?? DEFAULT_API_URL, problems)

  const testPlanShortId = shortId(
    Inputs.TestPlanShortId,
    input(Inputs.TestPlanShortId),
    ShortIdPrefixes.testPlan,
    problems
  )
  const testCaseIds = splitList(input(Inputs.TestCaseIds))

  const applicationsText = input(Inputs.ApplicationsConfig)
  const applications =
    applicationsText === undefined
      ? []
      : readApplicationsConfig(await parseConfig(Inputs.ApplicationsConfig, applicationsText, problems), problems)

  const shorthand = readShorthand(input, problems)
  if (shorthand && shorthand.applicationShortId === undefined && applications.length > 1) {
    problems.push(
      `${describeShorthand(shorthand)} does not say which application it is for: applications_config lists ${applications.length}. Set application_short_id too.`
    )
  }

  const vercelBypassSecret = input(Inputs.VercelBypassSecret)

  const notificationsText = input(Inputs.NotificationsConfig)
  const notifications =
    notificationsText === undefined
      ? undefined
      : readNotifications(await parseConfig(Inputs.NotificationsConfig, notificationsText, problems), problems)

  const settings: Settings = {
    apiToken,
    apiUrl,
    testPlanShortId,
    testCaseIds,
    applications,
    shorthand,
    vercelBypassSecret,
    notifications,
    githubToken: input(Inputs.GithubToken) ?? '',
    blocking: bool(Inputs.Blocking, input(Inputs.Blocking), false, problems),
    timeoutMinutes: number(Inputs.TimeoutMinutes, input(Inputs.TimeoutMinutes), TIMEOUT_MINUTES.default, problems, {
      min: 0,
      minInclusive: false,
      max: TIMEOUT_MINUTES.max,
      unit: 'minutes'
    }),
    pollIntervalSeconds: number(
      Inputs.PollIntervalSeconds,
      input(Inputs.PollIntervalSeconds),
      POLL_INTERVAL_SECONDS.default,
      problems,
      { min: POLL_INTERVAL_SECONDS.min, minInclusive: true, max: POLL_INTERVAL_SECONDS.max, unit: 'seconds' }
    ),
    failOnSkipped: bool(Inputs.FailOnSkipped, input(Inputs.FailOnSkipped), false, problems),
    jobSummary: bool(Inputs.JobSummary, input(Inputs.JobSummary), true, problems)
  }

  if (problems.length > 0) throw new ActionError(problems.join('\n'))
  return Object.freeze(settings)
}

function emptyTokenMessage(hints: EventHints): string {
  const secretHint =
    'pass your QA.tech project API key, e.g. api_token: ${{ secrets.QATECH_API_TOKEN }} (QA.tech: Settings → Integrations → API)'
  if (hints.isForkPullRequest) {
    return (
      'api_token is empty: GitHub does not give secrets to workflows run for pull requests from forks. ' +
      'Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), ' +
      'or test fork pull requests from a separate workflow_run workflow after a maintainer has reviewed them; ' +
      'do not use pull_request_target to run code from a fork with your secrets.'
    )
  }
  if (hints.isDependabot) {
    return `api_token is empty: workflows run by Dependabot only see Dependabot secrets. Add the key under Settings → Secrets → Dependabot, or ${secretHint}.`
  }
  return `api_token is empty: ${secretHint}. If it is set, check that the secret exists in this repository or environment.`
}

function normaliseApiUrl(value: string, problems: string[]): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`${Inputs.ApiUrl} ${quote(value)} is not an absolute URL: use e.g. ${DEFAULT_API_URL}.`)
    return value
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${Inputs.ApiUrl} must be an http(s) URL, not ${quote(url.protocol)}: use e.g. ${DEFAULT_API_URL}.`)
    return value
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push(`${Inputs.ApiUrl} must not have a query or fragment: use e.g. ${DEFAULT_API_URL}.`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '')
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return []
  const items = value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
  return [...new Set(items)]
}

function bool(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  problems.push(`${name} must be true or false, not ${quote(value)}.`)
  return fallback
}

interface Range {
  readonly min: number
  readonly minInclusive: boolean
  readonly max: number
  readonly unit: string
}

function number(name: string, value: string | undefined, fallback: number, problems: string[], range: Range): number {
  if (value === undefined) return fallback
  const parsed = /^[0-9]*\.?[0-9]+$/.test(value) ? Number(value) : Number.NaN
  const aboveMin = range.minInclusive ? parsed >= range.min : parsed > range.min
  if (Number.isFinite(parsed) && aboveMin && parsed <= range.max) return parsed
  const lower = range.minInclusive ? `at least ${range.min}` : `greater than ${range.min}`
  problems.push(`${name} must be a number of ${range.unit} ${lower} and at most ${range.max}, not ${quote(value)}.`)
  return fallback
}

async function parseConfig(name: string, text: string, problems: string[]): Promise<unknown> {
  try {
    return await parseJsonOrYaml(name, text)
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error))
    return undefined
  }
}

function readShorthand(
  input: (name: string) => string | undefined,
  problems: string[]
): ApplicationShorthand | undefined {
  const shorthand = withoutUndefined({
    applicationShortId: shortId(
      Inputs.ApplicationShortId,
      input(Inputs.ApplicationShortId),
      ShortIdPrefixes.application,
      problems
    ),
    environmentUrl: input(Inputs.EnvironmentUrl),
    environmentName: input(Inputs.EnvironmentName),
    environmentShortId: shortId(
      Inputs.EnvironmentShortId,
      input(Inputs.EnvironmentShortId),
      ShortIdPrefixes.environment,
      problems
    ),
    devicePresetShortId: shortId(
      Inputs.DevicePresetShortId,
      input(Inputs.DevicePresetShortId),
      ShortIdPrefixes.devicePreset,
      problems
    )
  })
  if (Object.keys(shorthand).length === 0) return undefined
  if (shorthand.environmentUrl !== undefined) checkHttpUrl(Inputs.EnvironmentUrl, shorthand.environmentUrl, problems)
  if (shorthand.environmentUrl !== undefined && shorthand.environmentShortId !== undefined) {
    problems.push(
      `${Inputs.EnvironmentUrl} and ${Inputs.EnvironmentShortId} exclude each other: test a new URL or an existing environment, not both.`
    )
  }
  if (shorthand.environmentName !== undefined && shorthand.environmentShortId !== undefined) {
    problems.push(
      `${Inputs.EnvironmentName} names a new environment for ${Inputs.EnvironmentUrl}; it cannot rename ${Inputs.EnvironmentShortId}.`
    )
  }
  return shorthand
}

function describeShorthand(shorthand: ApplicationShorthand): string {
  const names: string[] = []
  if (shorthand.environmentUrl !== undefined) names.push(Inputs.EnvironmentUrl)
  if (shorthand.environmentName !== undefined) names.push(Inputs.EnvironmentName)
  if (shorthand.environmentShortId !== undefined) names.push(Inputs.EnvironmentShortId)
  if (shorthand.devicePresetShortId !== undefined) names.push(Inputs.DevicePresetShortId)
  return names.join(', ')
}
