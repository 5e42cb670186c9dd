import { readCommonSettings, type CommonSettings } from '../../inputs/common-settings.js'
import { checkSingleLine, optionalInputs, type EventHints, type InputReader } from '../../inputs/read.js'
import { ActionError, messageOf } from '../../util/errors.js'
import { quote } from '../../util/untrusted-text.js'
import { readQaTechApiUrl } from '../shared/api-url.js'
import { readApplicationsConfig } from '../shared/applications-config.js'
import { emptyTokenMessage, parseConfig, readShorthand, type ApplicationShorthand } from '../shared/inputs.js'
import { checkShortId, ShortIdPrefixes } from '../shared/short-id.js'
import type { ApplicationOverride } from '../shared/types.js'
import { Inputs } from './names.js'
import { planReviewApplications } from './request.js'

/** Everything a change review was asked to do, validated. Nothing else reads the inputs. */
export interface ChangeReviewSettings extends CommonSettings {
  /** QA.tech API key. Masked as soon as it is read. */
  readonly apiToken: string
  /** API base URL without a trailing `/v1` or `/`. */
  readonly apiUrl: string
  /** The project, for organization API keys; sent with every call that takes it. */
  readonly projectShortId?: string
  /** Application overrides from `applications_config`, in the API's form. */
  readonly applications: readonly ApplicationOverride[]
  /** The shorthand inputs, when any of them is set. */
  readonly shorthand?: ApplicationShorthand
  /** Vercel Deployment Protection bypass secret, added to every environment URL sent. Masked. */
  readonly vercelBypassSecret?: string
  /** Free text for the review's agents: what to focus on. */
  readonly context?: string
  /** The pull request to review; absent = the event's, or the one of the event's commit. */
  readonly prUrl?: string
}

const PULL_REQUEST_PATH = /^\/[^/]+\/[^/]+\/pull\/[1-9][0-9]*\/?$/

/**
 * Turns the inputs into settings, or throws one ActionError listing every problem, a line each,
 * before anything is sent anywhere.
 */
export async function parseChangeReviewSettings(read: InputReader, hints: EventHints): Promise<ChangeReviewSettings> {
  const problems: string[] = []
  const input = optionalInputs(read)

  const apiToken = input(Inputs.ApiToken) ?? ''
  if (apiToken === '') problems.push(emptyTokenMessage(hints, 'review'))
  else checkSingleLine(Inputs.ApiToken, apiToken, '${{ secrets.QATECH_API_TOKEN }}', problems)

  const notices: string[] = []
  const apiUrl = readQaTechApiUrl(input(Inputs.ApiUrl), problems, notices, '/v1/chat/change-review')
  const projectShortId = checkShortId(
    Inputs.ProjectShortId,
    input(Inputs.ProjectShortId),
    ShortIdPrefixes.project,
    problems
  )

  const configText = input(Inputs.ApplicationsConfig)
  const applications =
    configText === undefined
      ? []
      : readApplicationsConfig(await parseConfig(Inputs.ApplicationsConfig, configText, problems), problems)
  const shorthand = readShorthand(input, problems, 'review')

  const prUrl = input(Inputs.PrUrl)
  if (prUrl !== undefined) checkPullRequestUrl(prUrl, problems)

  const common = readCommonSettings(read, { blocking: false }, problems)
  const vercelBypassSecret = input(Inputs.VercelBypassSecret)
  const settings: ChangeReviewSettings = {
    ...common,
    // A review has no test cases to skip. Nothing reruns or cancels it: the service has neither
    // `rerunFailed` nor `cancel`, and the action no input that asks for them.
    failOnSkipped: false,
    cancelOnAbort: false,
    secrets: [apiToken, vercelBypassSecret].filter((secret): secret is string => secret !== undefined && secret !== ''),
    notices,
    apiToken,
    apiUrl,
    projectShortId,
    applications,
    shorthand,
    vercelBypassSecret,
    context: input(Inputs.Context),
    prUrl
  }

  // On deployment_status events the deployment's URL fills in missing environments at the start;
  // on every other event the applications are complete now, and checked before any request.
  if (hints.eventName !== 'deployment_status' && problems.length === 0) {
    try {
      planReviewApplications(settings, undefined)
    } catch (error) {
      problems.push(messageOf(error))
    }
  }

  if (problems.length > 0) throw new ActionError(problems.join('\n'))
  return Object.freeze(settings)
}

function checkPullRequestUrl(value: string, problems: string[]): void {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !PULL_REQUEST_PATH.test(url.pathname)) {
    problems.push(
      `${Inputs.PrUrl} ${quote(value)} is not a GitHub pull request URL: use e.g. https://github.com/owner/repo/pull/123, or leave it empty to review the event's pull request.`
    )
  }
}
