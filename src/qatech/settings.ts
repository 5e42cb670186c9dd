import { readCommonSettings, type CommonSettings } from '../inputs/common-settings.js'
import {
  checkSingleLine,
  optionalInputs,
  readBoolean,
  splitList,
  type EventHints,
  type InputReader
} from '../inputs/read.js'
import { ActionError } from '../util/errors.js'
import { quote } from '../util/untrusted-text.js'
import { Inputs } from './names.js'
import { readNotifications } from './notifications-config.js'
import { readQaTechApiUrl } from './shared/api-url.js'
import { readApplicationsConfig } from './shared/applications-config.js'
import {
  describeShorthand,
  emptyTokenMessage,
  parseConfig,
  readShorthand,
  type ApplicationShorthand
} from './shared/inputs.js'
import { checkShortId, hasShortIdPrefix, ShortIdPrefixes } from './shared/short-id.js'
import type { ApplicationOverride } from './shared/types.js'
import type { NotificationOverride } from './types.js'

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
    input(Inputs.TestPlanShortId) ?? legacyTestPlan(input(Inputs.TestPlanShortIds), problems, notices),
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

  const common = readCommonSettings(read, { blocking: false, rerunInputs: true, baselineInputs: true }, problems)
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
 * The `v1.x` input `test_plan_short_ids` (a comma-separated list): one plan is `test_plan_short_id`,
 * with a notice; several are one problem, since a step runs one plan.
 */
function legacyTestPlan(value: string | undefined, problems: string[], notices: string[]): string | undefined {
  if (value === undefined) return undefined
  const plans = splitList(value)
  if (plans.length > 1) {
    problems.push(
      `${Inputs.TestPlanShortIds} (v1.x of the official action) names ${plans.length} test plans: a step runs one. Use ${Inputs.TestPlanShortId} and one step a plan (or a matrix).`
    )
    return undefined
  }
  notices.push(
    `${Inputs.TestPlanShortIds} is the v1.x input: using it as ${Inputs.TestPlanShortId}. Rename it to silence this notice.`
  )
  return plans[0]
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
