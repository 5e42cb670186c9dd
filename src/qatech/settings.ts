import { readCommonSettings, type CommonSettings } from '../inputs/common-settings.js'
import { checkHttpUrl } from '../inputs/checks.js'
import {
  checkSingleLine,
  optionalInputs,
  readBoolean,
  splitList,
  type EventHints,
  type InputReader
} from '../inputs/read.js'
import { parseJsonOrYaml } from '../inputs/structured-text.js'
import { ActionError } from '../util/errors.js'
import { quote } from '../util/untrusted-text.js'
import { withoutUndefined } from '../util/records.js'
import { readApplicationsConfig, readNotifications } from './config-inputs.js'
import { Inputs } from './names.js'
import { readQaTechApiUrl } from './api-url.js'
import { checkShortId, hasShortIdPrefix, ShortIdPrefixes } from './short-id.js'
import type { ApplicationOverride, NotificationOverride } from './types.js'

/** The shorthand inputs for one application: `application_short_id` and its companions. */
export interface ApplicationShorthand {
  /** Absent: the application is looked up (a project with exactly one application). */
  readonly applicationShortId?: string
  readonly environmentUrl?: string
  readonly environmentName?: string
  readonly environmentShortId?: string
  readonly devicePresetShortId?: string
}

/** Everything a QA.tech test-plan run was asked to do, validated. Nothing else reads the inputs. */
export interface Settings extends CommonSettings {
  /** QA.tech project API key (write scope). Masked as soon as it is read. */
  readonly apiToken: string
  /** API base URL without a trailing `/v1` or `/`. */
  readonly apiUrl: string
  /**
   * The project (`proj_…`), sent with every call: required with an organization API key; a
   * project key may send its own.
   */
  readonly projectShortId?: string
  /** Test plan to run; absent = the project's default plan. */
  readonly testPlanShortId?: string
  /** Run only these test cases. Empty = all of the plan. */
  readonly testCaseIds: readonly string[]
  /** Application overrides from `applications_config`, in the API's form. */
  readonly applications: readonly ApplicationOverride[]
  /** The shorthand inputs, when any of them is set. */
  readonly shorthand?: ApplicationShorthand
  /** Vercel Deployment Protection bypass secret, added to every override URL in the request. Masked. */
  readonly vercelBypassSecret?: string
  /** Slack notification overrides; absent = the project's own settings. */
  readonly notifications?: readonly NotificationOverride[]
}

/**
 * Turns the inputs into settings, or throws one ActionError listing every problem, a line each,
 * before anything is sent anywhere.
 */
export async function parseSettings(read: InputReader, hints: EventHints): Promise<Settings> {
  const problems: string[] = []
  const input = optionalInputs(read)

  const apiToken = input(Inputs.ApiToken) ?? ''
  if (apiToken === '') problems.push(emptyTokenMessage(hints))
  else checkSingleLine(Inputs.ApiToken, apiToken, '${{ secrets.QATECH_API_TOKEN }}', problems)

  const notices: string[] = []
  const apiUrl = readQaTechApiUrl(input(Inputs.ApiUrl), problems, notices)
  const projectShortId = readProject(input, problems, notices)

  const testPlanShortId = checkShortId(
    Inputs.TestPlanShortId,
    input(Inputs.TestPlanShortId),
    ShortIdPrefixes.testPlan,
    problems
  )
  const testCaseIds = await readTestCaseIds(input(Inputs.TestCaseIds), problems)

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

  const common = readCommonSettings(read, { blocking: false }, problems)
  const settings: Settings = {
    ...common,
    failOnSkipped: readBoolean(Inputs.FailOnSkipped, input(Inputs.FailOnSkipped), false, problems),
    // QA.tech has no endpoint to cancel a run.
    cancelOnAbort: false,
    secrets: [apiToken, vercelBypassSecret].filter((secret): secret is string => secret !== undefined && secret !== ''),
    notices,
    apiToken,
    apiUrl,
    projectShortId,
    testPlanShortId,
    testCaseIds,
    applications,
    shorthand,
    vercelBypassSecret,
    notifications
  }

  if (problems.length > 0) throw new ActionError(problems.join('\n'))
  return Object.freeze(settings)
}

/**
 * `project_short_id`, or the `v2.0.x` input `project_id` (a project UUID for the legacy API): not
 * sent, with a notice — unless it is a short ID, which is what a workflow moving to an
 * organization key may have put there.
 */
function readProject(
  input: (name: string) => string | undefined,
  problems: string[],
  notices: string[]
): string | undefined {
  const shortId = checkShortId(Inputs.ProjectShortId, input(Inputs.ProjectShortId), ShortIdPrefixes.project, problems)
  const legacy = input(Inputs.ProjectId)
  if (legacy === undefined) return shortId
  if (shortId === undefined && hasShortIdPrefix(legacy, ShortIdPrefixes.project)) {
    notices.push(
      `${Inputs.ProjectId} ${quote(legacy)} is a project short ID: sending it as ${Inputs.ProjectShortId}. Rename the input to ${Inputs.ProjectShortId} to silence this notice.`
    )
    return legacy
  }
  notices.push(
    `${Inputs.ProjectId} is the input of QA.tech's legacy API and is not sent: the API key identifies the project. With an organization API key, set ${Inputs.ProjectShortId} (proj_…, in QA.tech's project settings) instead; otherwise remove ${Inputs.ProjectId}.`
  )
  return shortId
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

/**
 * `test_case_ids` as people write it: ids separated by newlines, commas or spaces, or a YAML or
 * JSON list of them. Anything else is one problem, before any request.
 */
async function readTestCaseIds(text: string | undefined, problems: string[]): Promise<string[]> {
  if (text === undefined) return []
  const name = Inputs.TestCaseIds
  const structured = /^\s*(\[|- )/.test(text)
  const list: unknown = structured ? await parseConfig(name, text, problems) : text.split(/[\s,]+/)
  if (!Array.isArray(list)) {
    // An unparsable text has its problem already.
    if (list !== undefined) problems.push(`${name} must be a list of test case ids, e.g. [tc_1, tc_2].`)
    return []
  }
  const ids = list.map(item => (typeof item === 'string' || typeof item === 'number' ? String(item).trim() : undefined))
  const odd = ids.find(id => id === undefined || /["'[\]{}]/.test(id))
  if (odd !== undefined || ids.some(id => id === undefined)) {
    problems.push(
      `${name} must list test case ids separated by commas, spaces or new lines, or as a YAML or JSON list; ${odd === undefined ? 'an item is not an id' : `${quote(odd)} is not an id`}.`
    )
    return []
  }
  return splitList(ids.join('\n'))
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
    applicationShortId: checkShortId(
      Inputs.ApplicationShortId,
      input(Inputs.ApplicationShortId),
      ShortIdPrefixes.application,
      problems
    ),
    environmentUrl: input(Inputs.EnvironmentUrl),
    environmentName: input(Inputs.EnvironmentName),
    environmentShortId: checkShortId(
      Inputs.EnvironmentShortId,
      input(Inputs.EnvironmentShortId),
      ShortIdPrefixes.environment,
      problems
    ),
    devicePresetShortId: checkShortId(
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
