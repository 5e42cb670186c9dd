import { quote } from '../util/untrusted-text.js'
import { Inputs, LegacyInputs } from './names.js'

/**
 * The inputs of tester.army's own action, so a workflow that changes only `uses:` keeps working
 * where the meaning carries over, and gets one clear line where it does not. The runner itself
 * warns that each is deprecated (action.yml gives the message).
 */
export interface LegacySettings {
  readonly apiKey?: { readonly name: string; readonly value: string }
  readonly vercelBypassToken?: { readonly name: string; readonly value: string }
  /** `timeout`: how long tester.army's action waited for the result, in milliseconds. */
  readonly timeoutMs?: number
}

/** Longer than a day is surely a mistake; timeout_minutes allows up to 7200 minutes. */
const MAX_TIMEOUT_MS = 7200 * 60_000

export function readLegacyInputs(input: (name: string) => string | undefined, problems: string[]): LegacySettings {
  const apiKey = input(LegacyInputs.ApiKey)
  const bypass = input(LegacyInputs.VercelBypassToken)
  return {
    ...(apiKey === undefined ? {} : { apiKey: { name: LegacyInputs.ApiKey, value: apiKey } }),
    ...(bypass === undefined ? {} : { vercelBypassToken: { name: LegacyInputs.VercelBypassToken, value: bypass } }),
    ...readTimeout(input(LegacyInputs.TimeoutMs), problems),
    ...checkFailOnError(input(LegacyInputs.FailOnError), problems),
    ...checkCredentials(input, problems)
  }
}

function readTimeout(value: string | undefined, problems: string[]): { timeoutMs?: number } {
  if (value === undefined) return {}
  const ms = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN
  if (ms > 0 && ms <= MAX_TIMEOUT_MS) return { timeoutMs: ms }
  problems.push(
    `${LegacyInputs.TimeoutMs} must be a whole number of milliseconds greater than 0, not ${quote(value)}; better, replace it with ${Inputs.TimeoutMinutes} (in minutes).`
  )
  return {}
}

/** `fail-on-error: true` is what this action does anyway; `false` has no equivalent here. */
function checkFailOnError(value: string | undefined, problems: string[]): object {
  if (value === undefined || /^(true|yes|on)$/i.test(value)) return {}
  problems.push(
    `${LegacyInputs.FailOnError}: ${quote(value)} is not supported: this action fails the step when a test fails. ` +
      'Remove fail-on-error; to keep the job going after failed tests, add `continue-on-error: true` to the step, or set blocking: false to not wait for the result.'
  )
  return {}
}

/** tester.army's API takes no credentials with a run: sending them nowhere would be a silent loss. */
function checkCredentials(input: (name: string) => string | undefined, problems: string[]): object {
  const given = [LegacyInputs.CredentialsEmail, LegacyInputs.CredentialsPassword].filter(
    name => input(name) !== undefined
  )
  if (given.length > 0) {
    problems.push(
      `${given.join(' and ')} cannot be used: tester.army's API takes no login with a run. ` +
        'Save the login as a credential of the tester.army project, which its tests use, and remove these inputs.'
    )
  }
  return {}
}
