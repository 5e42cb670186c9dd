import { checkHttpUrl, stringField, unknownKeys } from '../inputs/checks.js'
import { isRecord, withoutUndefined } from '../util/records.js'
import { quote } from '../util/untrusted-text.js'
import { Inputs } from './names.js'
import { checkShortId, ShortIdPrefixes } from './short-id.js'
import type { ApplicationOverride, EnvironmentOverride, NotificationOverride } from './types.js'

/** `applications_config` and `notifications_config`, parsed from JSON or YAML, to the API's shapes. */

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

export function readNotifications(config: unknown, problems: string[]): NotificationOverride[] | undefined {
  const name = Inputs.NotificationsConfig
  if (config === undefined) return undefined
  if (!Array.isArray(config)) {
    problems.push(`${name} must be a list, e.g. [{"type": "slack", "channel": "C0478ABCDEF", "notifyOn": "failure"}].`)
    return undefined
  }
  if (config.length === 0) {
    problems.push(
      `${name} is an empty list: QA.tech needs at least one notification; remove the input to keep the project's own.`
    )
    return undefined
  }
  return config.flatMap((entry, index): NotificationOverride[] => {
    const where = `${name}[${index}]`
    if (!isRecord(entry)) {
      problems.push(`${where} must be an object like {"type": "slack", "channel": "C0478ABCDEF"}.`)
      return []
    }
    unknownKeys(where, entry, ['type', 'channel', 'notifyOn'], problems)
    if (entry.type !== undefined && entry.type !== 'slack') {
      problems.push(`${where}.type must be "slack" (the only kind QA.tech supports), not ${quote(String(entry.type))}.`)
    }
    const channel = stringField(`${where}.channel`, entry.channel, problems)
    if (entry.channel === undefined) problems.push(`${where} needs a channel: the Slack channel ID, e.g. C0478ABCDEF.`)
    const notifyOn = entry.notifyOn
    if (notifyOn !== undefined && notifyOn !== 'always' && notifyOn !== 'failure') {
      problems.push(`${where}.notifyOn must be "always" or "failure", not ${quote(String(notifyOn))}.`)
      return []
    }
    if (channel === undefined) return []
    return [withoutUndefined({ type: 'slack' as const, channel, notifyOn })]
  })
}
