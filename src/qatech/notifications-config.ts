import { stringField, unknownKeys } from '../inputs/checks.js'
import { isRecord, withoutUndefined } from '../util/records.js'
import { quote } from '../util/untrusted-text.js'
import { Inputs } from './names.js'
import type { NotificationOverride } from './types.js'

/** `notifications_config`, parsed from JSON or YAML, to the API's shape: Slack notifications for a run. */

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
