import { checkHttpUrl } from '../../inputs/checks.js'
import { readCommonSettings, type CommonSettings } from '../../inputs/common-settings.js'
import { checkSingleLine, optionalInputs, type EventHints, type InputReader } from '../../inputs/read.js'
import { parseJsonOrYaml } from '../../inputs/structured-text.js'
import { ActionError, messageOf } from '../../util/errors.js'
import { withoutUndefined } from '../../util/records.js'
import { quote } from '../../util/untrusted-text.js'
import { readApplicationsConfig } from '../config-inputs.js'
import { readQaTechApiUrl } from '../api-url.js'
import type { ApplicationShorthand } from '../settings.js'
import { checkShortId, ShortIdPrefixes } from '../short-id.js'
import type { ApplicationOverride } from '../types.js'
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
  if (apiToken === '') problems.push(emptyTokenMessage(hints))
  else checkSingleLine(Inputs.ApiToken, apiToken, '${{ secrets.QATECH_API_TOKEN }}', problems)

  const notices: string[] = []
  const apiUrl = readQaTechApiUrl(input(Inputs.ApiUrl), problems, notices)
  const projectShortId = checkShortId(
    Inputs.ProjectShortId,
    input(Inputs.ProjectShortId),
    ShortIdPrefixes.project,
    problems
  )

  const configText = input(Inputs.ApplicationsConfig)
  const applications =
    configText === undefined ? [] : readApplicationsConfig(await parseConfig(configText, problems), problems)
  const shorthand = readShorthand(input, problems)

  const prUrl = input(Inputs.PrUrl)
  if (prUrl !== undefined) checkPullRequestUrl(prUrl, problems)

  const common = readCommonSettings(read, { blocking: false }, problems)
  const vercelBypassSecret = input(Inputs.VercelBypassSecret)
  const settings: ChangeReviewSettings = {
    ...common,
    // What this action does not offer: a review has no test cases to rerun, skip or comment on.
    failOnSkipped: false,
    prComment: 'off',
    commentKey: undefined,
    commitStatus: false,
    statusContext: undefined,
    rerun: 'all',
    retryFailed: 0,
    // QA.tech has no endpoint to cancel a review.
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

function emptyTokenMessage(hints: EventHints): string {
  const secretHint = 'pass your QA.tech API key, e.g. api_token: ${{ secrets.QATECH_API_TOKEN }}'
  if (hints.isForkPullRequest) {
    return (
      'api_token is empty: GitHub does not give secrets to workflows run for pull requests from forks. ' +
      'Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), ' +
      'or review fork pull requests from a separate workflow_run workflow after a maintainer has looked at them; ' +
      'do not use pull_request_target to run code from a fork with your secrets.'
    )
  }
  if (hints.isDependabot) {
    return `api_token is empty: workflows run by Dependabot only see Dependabot secrets. Add the key under Settings → Secrets → Dependabot, or ${secretHint}.`
  }
  return `api_token is empty: ${secretHint}. If it is set, check that the secret exists in this repository or environment.`
}

async function parseConfig(text: string, problems: string[]): Promise<unknown> {
  try {
    return await parseJsonOrYaml(Inputs.ApplicationsConfig, text)
  } catch (error) {
    problems.push(messageOf(error))
    return undefined
  }
}

/** `application_short_id` and its companions, checked as in the root action. */
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
      `${Inputs.EnvironmentUrl} and ${Inputs.EnvironmentShortId} exclude each other: review on a new URL or an existing environment, not both.`
    )
  }
  if (shorthand.environmentName !== undefined && shorthand.environmentShortId !== undefined) {
    problems.push(
      `${Inputs.EnvironmentName} names a new environment for ${Inputs.EnvironmentUrl}; it cannot rename ${Inputs.EnvironmentShortId}.`
    )
  }
  return shorthand
}
