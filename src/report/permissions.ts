/**
 * What a failed write to GitHub (the pull-request comment, the commit status) means for the user.
 * Writing there is best effort: a token that may not write gets one warning for the whole step,
 * with the exact `permissions:` block to add, and the step's result stays what the run says.
 */
import * as core from '@actions/core'
import { statusOf } from '../github/octokit.js'
import type { CommonSettings } from '../inputs/common-settings.js'
import { MIN_RETRY_DELAY_MS } from '../http/retry.js'
import type { Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'

/** True when GitHub refused the token (401, or 403 that is not a rate limit). */
export function isPermissionDenied(error: unknown): boolean {
  const status = statusOf(error)
  if (status === 401) return true
  return status === 403 && !isRateLimited(error)
}

/** GitHub's primary rate limit (no requests left) or a secondary one (it says when to come back). */
function isRateLimited(error: unknown): boolean {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {}
  return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined
}

/** Network trouble, a timeout, 5xx or 429: worth one more try after a pause. */
export function isTransientGithubError(error: unknown): boolean {
  const status = statusOf(error)
  return status === undefined || status >= 500 || status === 429 || (status === 403 && isRateLimited(error))
}

/**
 * Runs an idempotent GitHub write (an edit, a status), and once more after a pause when the first
 * try failed for a transient reason. Never for a create: a slow answer may still have created it.
 */
export async function retryOnce<T>(write: () => Promise<T>, clock: Pick<Clock, 'sleep'>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!isTransientGithubError(error)) throw error
    await clock.sleep(MIN_RETRY_DELAY_MS)
    return write()
  }
}

/** The block a job needs for what the step is set to write, `contents: read` included (a job's block replaces the defaults). */
export function permissionsBlock(settings: Pick<CommonSettings, 'prComment' | 'commitStatus'>): string {
  const lines = ['permissions:', '  contents: read']
  if (settings.prComment !== 'off') lines.push('  pull-requests: write')
  if (settings.commitStatus) lines.push('  statuses: write')
  return lines.join('\n')
}

// One warning a step: keyed by the step's settings, which every reporter of the step shares.
const warned = new WeakMap<object, true>()

/**
 * Says, once a step, that the token may not write `what` ("the pull-request comment"), with the
 * permissions block; later refusals of the same step are one line of log.
 */
export function warnPermission(
  settings: Pick<CommonSettings, 'prComment' | 'commitStatus'>,
  what: string,
  error: unknown
): void {
  const answer = `GitHub answered ${statusOf(error) ?? 'with an error'}: ${inline(messageOf(error), 200)}`
  if (warned.has(settings)) {
    core.info(`Could not write ${what} either (${answer}); see the warning above.`)
    return
  }
  warned.set(settings, true)
  core.warning(
    `Could not write ${what}: the token may not write to this repository (${answer}). The step's result is unchanged. ` +
      'Give the job these permissions (a pull request from a fork gets a read-only token whatever the workflow asks):\n' +
      permissionsBlock(settings)
  )
}
