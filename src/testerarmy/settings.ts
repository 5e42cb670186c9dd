import { readCommonSettings, type CommonSettings } from '../inputs/common-settings.js'
import { checkHttpUrl } from '../inputs/checks.js'
import {
  checkSingleLine,
  optionalInputs,
  readApiUrl,
  readBoolean,
  type EventHints,
  type InputReader
} from '../inputs/read.js'
import { emptyKeyMessage, type KeyInput } from '../service/kit/empty-key.js'
import { ActionError } from '../util/errors.js'
import { quote } from '../util/untrusted-text.js'
import { readLegacyInputs } from './legacy-inputs.js'
import { DEFAULT_API_URL, Inputs, LegacyInputs } from './names.js'

/** What the step asks tester.army to run: exactly one of the four kinds of run. */
export type RunTarget =
  /** `POST /v1/runs`: a run from a prompt. */
  | { readonly mode: 'prompt'; readonly prompt: string }
  /** `POST /v1/tests/{id}/runs`: one saved test. */
  | { readonly mode: 'test'; readonly testId: string }
  /** `POST /v1/groups/{id}/runs`: every test of a group, as one batch. */
  | { readonly mode: 'group'; readonly groupId: string }
  /** `POST /v1/projects/{id}/pull-request-runs`: the pull-request agent plans and runs tests. */
  | { readonly mode: 'pull-request'; readonly projectId: string }

/** Everything a tester.army run was asked to do, validated. Nothing else reads the inputs. */
export interface Settings extends CommonSettings {
  /** tester.army API key. Masked as soon as it is read. */
  readonly apiKey: string
  /** API base URL ending in `/api`, without `/v1`. */
  readonly apiUrl: string
  readonly target: RunTarget
  /** The URL to test; absent = the deployment's URL on `deployment_status` events. */
  readonly targetUrl?: string
  /** Vercel Deployment Protection bypass secret, added to the URL under test. Masked. */
  readonly vercelBypassSecret?: string
  /** Where tester.army posts the finished run (prompt runs). */
  readonly webhookUrl?: string
}

const MODE_INPUTS = [Inputs.Prompt, Inputs.TestId, Inputs.GroupId, Inputs.ProjectId] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The key input, for the message that says it is empty. */
const API_KEY: KeyInput = {
  name: Inputs.ApiKey,
  howToPass: 'your tester.army API key, e.g. api_key: ${{ secrets.TESTER_ARMY_API_KEY }}'
}

/**
 * Turns the inputs into settings, or throws one ActionError listing every problem, a line each,
 * before anything is sent anywhere.
 */
export async function parseSettings(read: InputReader, hints: EventHints): Promise<Settings> {
  const problems: string[] = []
  const input = optionalInputs(read)
  const legacy = readLegacyInputs(input, problems)

  const apiKey = pickAlias(Inputs.ApiKey, input(Inputs.ApiKey), legacy.apiKey, problems) ?? ''
  if (apiKey === '') problems.push(emptyKeyMessage(API_KEY, hints))
  else checkSingleLine(Inputs.ApiKey, apiKey, '${{ secrets.TESTER_ARMY_API_KEY }}', problems)

  const apiUrl = readTesterArmyApiUrl(input(Inputs.ApiUrl) ?? DEFAULT_API_URL, problems)
  const target = readTarget(input, problems)

  const targetUrl = input(Inputs.TargetUrl)
  if (targetUrl !== undefined) checkHttpUrl(Inputs.TargetUrl, targetUrl, problems)
  const webhookUrl = input(Inputs.WebhookUrl)
  if (webhookUrl !== undefined) checkHttpUrl(Inputs.WebhookUrl, webhookUrl, problems)
  if (target) checkTargetFits(target, { targetUrl, webhookUrl, eventName: hints.eventName }, problems)

  const vercelBypassSecret = pickAlias(
    Inputs.VercelBypassSecret,
    input(Inputs.VercelBypassSecret),
    legacy.vercelBypassToken,
    problems
  )

  const common = readCommonSettings(read, { blocking: true, baselineInputs: true }, problems)
  const cancelOnAbort = readBoolean(Inputs.CancelOnAbort, input(Inputs.CancelOnAbort), true, problems)
  const notices: string[] = []
  const timeoutMinutes = pickTimeout(
    common.timeoutMinutes,
    input(Inputs.TimeoutMinutes),
    legacy.timeoutMs,
    problems,
    notices
  )

  if (problems.length > 0 || !target) throw new ActionError(problems.join('\n'))
  return Object.freeze({
    ...common,
    timeoutMinutes,
    // A run that found nothing to test passes, with a warning that quotes tester.army's reason.
    failOnSkipped: false,
    cancelOnAbort,
    notices,
    secrets: [apiKey, vercelBypassSecret].filter((secret): secret is string => secret !== undefined && secret !== ''),
    apiKey,
    apiUrl,
    target,
    ...(targetUrl === undefined ? {} : { targetUrl }),
    ...(vercelBypassSecret === undefined ? {} : { vercelBypassSecret }),
    ...(webhookUrl === undefined ? {} : { webhookUrl })
  })
}

/** Exactly one of prompt, test_id, group_id and project_id. */
function readTarget(input: (name: string) => string | undefined, problems: string[]): RunTarget | undefined {
  const given = MODE_INPUTS.filter(name => input(name) !== undefined)
  if (given.length !== 1) {
    const choices =
      "prompt (a run from a prompt), test_id (one saved test), group_id (every test of a group) or project_id (tester.army's pull-request agent, on a pull request)"
    problems.push(
      given.length === 0
        ? `Nothing to run: set exactly one of ${choices}.`
        : `${listNames(given)} are ${given.length === 2 ? 'both' : 'all'} set: keep only one of ${choices}.`
    )
    return undefined
  }
  const prompt = input(Inputs.Prompt)
  if (prompt !== undefined) return { mode: 'prompt', prompt }
  const testId = input(Inputs.TestId)
  if (testId !== undefined)
    return checkUuid(Inputs.TestId, testId, 'test', problems) ? { mode: 'test', testId } : undefined
  const groupId = input(Inputs.GroupId)
  if (groupId !== undefined) {
    return checkUuid(Inputs.GroupId, groupId, 'group', problems) ? { mode: 'group', groupId } : undefined
  }
  const projectId = input(Inputs.ProjectId) ?? ''
  if (!/^[A-Za-z0-9_-]+$/.test(projectId)) {
    problems.push(
      `${Inputs.ProjectId} ${quote(projectId)} is not a tester.army project id: use the project's UUID or short id, e.g. 1b4e28ba-2fa1-41d2-883f-0016d3cca427.`
    )
    return undefined
  }
  return { mode: 'pull-request', projectId }
}

/** "a and b", "a, b and c". */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

function checkUuid(name: string, value: string, what: string, problems: string[]): boolean {
  if (UUID.test(value)) return true
  problems.push(
    `${name} ${quote(value)} is not a tester.army ${what} id: it is a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427.`
  )
  return false
}

/** The inputs that only some kinds of run can send. */
function checkTargetFits(
  target: RunTarget,
  given: { readonly targetUrl?: string; readonly webhookUrl?: string; readonly eventName: string },
  problems: string[]
): void {
  if (target.mode === 'test' && given.targetUrl !== undefined) {
    problems.push(
      `${Inputs.TargetUrl} cannot be sent with ${Inputs.TestId}: tester.army runs a saved test on the environment saved with it. Remove target_url, or use group_id, project_id or prompt to test a URL.`
    )
  }
  if (target.mode !== 'prompt' && given.webhookUrl !== undefined) {
    problems.push(
      `${Inputs.WebhookUrl} applies to prompt runs only: tester.army takes no webhook with ${modeInput(target)}. Remove webhook_url, or set a default webhook in the tester.army project.`
    )
  }
  if (target.mode === 'pull-request' && given.targetUrl === undefined && given.eventName !== 'deployment_status') {
    problems.push(
      `${Inputs.ProjectId} needs ${Inputs.TargetUrl}: tester.army's pull-request agent tests a deployed URL. Set target_url (e.g. the preview's URL), or run the step on deployment_status events, which give the deployment's URL.`
    )
  }
}

export function modeInput(target: RunTarget): string {
  switch (target.mode) {
    case 'prompt':
      return Inputs.Prompt
    case 'test':
      return Inputs.TestId
    case 'group':
      return Inputs.GroupId
    case 'pull-request':
      return Inputs.ProjectId
  }
}

/** Our input, or the same input of tester.army's own action; both set to different values is a mistake. */
function pickAlias(
  name: string,
  value: string | undefined,
  legacy: { readonly name: string; readonly value: string } | undefined,
  problems: string[]
): string | undefined {
  if (legacy === undefined) return value
  if (value !== undefined && value !== legacy.value) {
    problems.push(`${name} and ${legacy.name} are both set, to different values: keep ${name} only.`)
  }
  return value ?? legacy.value
}

/** The runner passes timeout_minutes' default when it is not set: tester.army's `timeout` wins over that alone. */
const DEFAULT_TIMEOUT_MINUTES = '60'

function pickTimeout(
  minutes: number,
  given: string | undefined,
  legacyMs: number | undefined,
  problems: string[],
  notices: string[]
): number {
  if (legacyMs === undefined) return minutes
  if (given !== undefined && given !== DEFAULT_TIMEOUT_MINUTES) {
    problems.push(
      `${Inputs.TimeoutMinutes} and ${LegacyInputs.TimeoutMs} (milliseconds, from tester.army's action) are both set: keep timeout_minutes only.`
    )
    return minutes
  }
  const legacyMinutes = legacyMs / 60_000
  notices.push(
    `${LegacyInputs.TimeoutMs}: ${legacyMs} (milliseconds, from tester.army's action) is taken as ${Inputs.TimeoutMinutes}: ${legacyMinutes}; use timeout_minutes instead.`
  )
  return legacyMinutes
}

/**
 * The API base: tester.army's server is `https://tester.army/api` with paths under `/v1`; the
 * URL is accepted with or without `/api` and `/v1`.
 */
function readTesterArmyApiUrl(value: string, problems: string[]): string {
  const base = readApiUrl(Inputs.ApiUrl, value, DEFAULT_API_URL, problems)
  return base.endsWith('/api') ? base : `${base}/api`
}
