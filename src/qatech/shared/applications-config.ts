import { checkHttpUrl, stringField, unknownKeys } from '../../inputs/checks.js'
import { isRecord, withoutUndefined } from '../../util/records.js'
import { QaTechInputs as Inputs } from './names.js'
import { checkShortId, ShortIdPrefixes } from './short-id.js'
import type { ApplicationOverride, EnvironmentOverride } from './types.js'

/** `applications_config`, parsed from JSON or YAML, to the API's shape: both QA.tech actions take it. */

/**
 * Accepts the official action's `{"applications": {"<appShortId>": {...}}}` and the API's own
 * array of application overrides, and returns the API's form.
 */
export function readApplicationsConfig(config: unknown, problems: string[]): ApplicationOverride[] {
  const name = Inputs.ApplicationsConfig
  if (config === undefined) return []
  if (Array.isArray(config)) {
    return config.flatMap((entry, index) => {
      const where = `${name}[${index}]`
      if (!isRecord(entry)) {
        problems.push(
          `${where} must be an object with applicationShortId and optional environment, devicePresetShortId.`
        )
        return []
      }
      unknownKeys(where, entry, ['applicationShortId', 'environment', 'devicePresetShortId'], problems)
      const id = stringField(`${where}.applicationShortId`, entry.applicationShortId, problems)
      if (id === undefined) {
        if (entry.applicationShortId === undefined) problems.push(`${where} needs an applicationShortId (app_…).`)
        return []
      }
      return [readApplication(where, id, entry, problems)]
    })
  }
  if (isRecord(config) && isRecord(config.applications)) {
    unknownKeys(name, config, ['applications'], problems)
    return Object.entries(config.applications).flatMap(([id, entry]) => {
      const where = `${name}.applications.${id}`
      if (!isRecord(entry)) {
        problems.push(`${where} must be an object, e.g. {"environment": {"url": "https://…"}}.`)
        return []
      }
      unknownKeys(where, entry, ['environment', 'devicePresetShortId'], problems)
      return [readApplication(where, id, entry, problems)]
    })
  }
  problems.push(
    `${name} must be {"applications": {"app_…": {"environment": {"url": "…"}}}} or a list of {"applicationShortId": "app_…", "environment": {…}}.`
  )
  return []
}

function readApplication(
  where: string,
  id: string,
  entry: Record<string, unknown>,
  problems: string[]
): ApplicationOverride {
  checkShortId(`${where} application id`, id, ShortIdPrefixes.application, problems)
  const environment = readEnvironment(`${where}.environment`, entry.environment, problems)
  const devicePresetShortId = checkShortId(
    `${where}.devicePresetShortId`,
    stringField(`${where}.devicePresetShortId`, entry.devicePresetShortId, problems),
    ShortIdPrefixes.devicePreset,
    problems
  )
  return withoutUndefined({ applicationShortId: id, environment, devicePresetShortId })
}

function readEnvironment(where: string, value: unknown, problems: string[]): EnvironmentOverride | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) {
    problems.push(
      `${where} must be {"url": "…", "name": "…"}, {"shortId": "env_…"} or {"applicationBuildShortId": "build_…"}.`
    )
    return undefined
  }
  unknownKeys(where, value, ['url', 'name', 'shortId', 'applicationBuildShortId'], problems)
  const url = stringField(`${where}.url`, value.url, problems)
  const name = stringField(`${where}.name`, value.name, problems)
  const envId = stringField(`${where}.shortId`, value.shortId, problems)
  const buildId = stringField(`${where}.applicationBuildShortId`, value.applicationBuildShortId, problems)
  const given = [url, envId, buildId].filter(item => item !== undefined).length
  if (given !== 1) {
    problems.push(`${where} needs exactly one of url, shortId or applicationBuildShortId.`)
    return undefined
  }
  if (url !== undefined) {
    checkHttpUrl(`${where}.url`, url, problems)
    return withoutUndefined({ url, name })
  }
  if (name !== undefined) problems.push(`${where}.name goes with url only.`)
  if (envId !== undefined)
    return { shortId: checkShortId(`${where}.shortId`, envId, ShortIdPrefixes.environment, problems) ?? envId }
  return {
    applicationBuildShortId:
      checkShortId(`${where}.applicationBuildShortId`, buildId, ShortIdPrefixes.applicationBuild, problems) ??
      String(buildId)
  }
}
