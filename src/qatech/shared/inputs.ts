import { checkHttpUrl } from '../../inputs/checks.js'
import type { EventHints } from '../../inputs/read.js'
import { parseJsonOrYaml } from '../../inputs/structured-text.js'
import { emptyKeyMessage } from '../../service/kit/empty-key.js'
import { withoutUndefined } from '../../util/records.js'
import { QaTechInputs as Inputs } from './names.js'
import { checkShortId, ShortIdPrefixes } from './short-id.js'

/** The inputs QA.tech's two actions (test-plan runs and change review) read alike. */

/** What the step asks QA.tech to do, for the words of its messages. */
export type Activity = 'test' | 'review'

/** The shorthand inputs for one application: `application_short_id` and its companions. */
export interface ApplicationShorthand {
  /** Absent: the application is looked up (a project with exactly one application). */
  readonly applicationShortId?: string
  readonly environmentUrl?: string
  readonly environmentName?: string
  readonly environmentShortId?: string
  readonly devicePresetShortId?: string
}

/** Why api_token is empty, as the event suggests, and what to do. */
export function emptyTokenMessage(hints: EventHints, activity: Activity = 'test'): string {
  return emptyKeyMessage(
    {
      name: Inputs.ApiToken,
      // Either kind of key works: a project key, or an organization key with project_short_id.
      howToPass:
        'your QA.tech API key, e.g. api_token: ${{ secrets.QATECH_API_TOKEN }} (a project key from Settings → Integrations → API, or an organization key from Organization Settings → API Keys with project_short_id)'
    },
    hints,
    activity
  )
}

/** A JSON or YAML input, or undefined with its problem. */
export async function parseConfig(name: string, text: string, problems: string[]): Promise<unknown> {
  try {
    return await parseJsonOrYaml(name, text)
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error))
    return undefined
  }
}

/** `application_short_id` and its companions, checked alike in both actions. */
export function readShorthand(
  input: (name: string) => string | undefined,
  problems: string[],
  activity: Activity = 'test'
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
      `${Inputs.EnvironmentUrl} and ${Inputs.EnvironmentShortId} exclude each other: ${activity === 'test' ? 'test a new URL' : 'review on a new URL'} or an existing environment, not both.`
    )
  }
  if (shorthand.environmentName !== undefined && shorthand.environmentShortId !== undefined) {
    problems.push(
      `${Inputs.EnvironmentName} names a new environment for ${Inputs.EnvironmentUrl}; it cannot rename ${Inputs.EnvironmentShortId}.`
    )
  }
  return shorthand
}

export function describeShorthand(shorthand: ApplicationShorthand): string {
  const names: string[] = []
  if (shorthand.environmentUrl !== undefined) names.push(Inputs.EnvironmentUrl)
  if (shorthand.environmentName !== undefined) names.push(Inputs.EnvironmentName)
  if (shorthand.environmentShortId !== undefined) names.push(Inputs.EnvironmentShortId)
  if (shorthand.devicePresetShortId !== undefined) names.push(Inputs.DevicePresetShortId)
  return names.join(', ')
}
