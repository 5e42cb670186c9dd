import { formatDuration } from '../util/duration.js'
import { plural, type SiteOutcome } from './site.js'

/**
 * The preflight's lines for the log, the job summary and a failed step. Site names are already
 * inert (site.ts displayUrl); everything else here is the action's own text.
 */

type Ready = Extract<SiteOutcome, { kind: 'ready' }>
type NotReady = Extract<SiteOutcome, { kind: 'not-ready' }>
type Protected = Extract<SiteOutcome, { kind: 'protected' }>

const BYPASS_SETTING = 'Project Settings → Deployment Protection → Protection Bypass for Automation'

/** "https://… answered 200 after 42 s (7 checks)"; several sites in one line. */
export function readyLine(sites: readonly Ready[]): string {
  if (sites.length === 1 && sites[0] !== undefined) return `${readyPhrase(sites[0])}.`
  return `${sites.length} sites are ready: ${sites.map(readyPhrase).join('; ')}.`
}

function readyPhrase({ name, answer, checks, atMs }: Ready): string {
  const what = answer.kind === 'ready' ? `answered ${answer.status}` : answer.what
  const when = checks === 1 ? 'at the first check' : `after ${formatDuration(atMs)} (${plural(checks, 'check')})`
  const redirects =
    answer.redirects === 0
      ? ''
      : answer.kind === 'ready' && answer.redirectLimit
        ? `, after ${plural(answer.redirects, 'redirect')} (not followed further)`
        : `, after ${plural(answer.redirects, 'redirect')}`
  return `${name} ${what} ${when}${redirects}`
}

/** The warning for a site that is up behind something the preflight cannot get past. */
export function guardedWarning(name: string, what: string, serviceName: string): string {
  return (
    `${name} ${what}: the preflight cannot see past that, so it takes the site as up and starts the ${serviceName} run. ` +
    `The run needs its own way in (credentials or a certificate ${serviceName} accepts), or its tests stop there.`
  )
}

/** "https://… was not ready: 503 for 5m 00s (31 checks)" */
export function notReadyPhrase({ name, last, lastForMs, lastThroughout, waitedMs, checks }: NotReady): string {
  if (checks <= 1) return `${name} was not ready: ${last}${checks === 1 ? ' (1 check)' : ''}`
  const span = lastThroughout
    ? `for ${formatDuration(lastForMs)}`
    : `for the last ${formatDuration(lastForMs)} of ${formatDuration(waitedMs)}`
  return `${name} was not ready: ${last} ${span} (${plural(checks, 'check')})`
}

export function notReadyStop(sites: readonly NotReady[], serviceName: string): string {
  return (
    `${sites.map(notReadyPhrase).join('; ')}. No ${serviceName} run was started. ` +
    'Raise preflight_timeout_seconds if the site needs longer to come up, or set preflight: warn to start the run anyway.'
  )
}

export function notReadyLine(sites: readonly NotReady[], serviceName: string): string {
  return `${sites.map(notReadyPhrase).join('; ')}; no ${serviceName} run was started.`
}

export function notReadyWarning(sites: readonly NotReady[], serviceName: string): string {
  return `${sites.map(notReadyPhrase).join('; ')}; starting the ${serviceName} run anyway (preflight: warn).`
}

/** The one line of a Vercel protection stop: what turned the agent away and how to let it in. */
export function protectedStop(site: Protected, serviceName: string): string {
  const { name, answer, hasSecret, origin } = site
  const noRun = `No ${serviceName} run was started.`
  if (hasSecret && !answer.secretSent) {
    return (
      `${name} leads to ${answer.elsewhere ?? 'another site'}, which is behind Vercel Deployment Protection (it ${answer.what}); ` +
      `the bypass secret is only sent to ${origin}. Test the Vercel deployment's own URL instead. ${noRun}`
    )
  }
  if (hasSecret) {
    return (
      `Vercel refused the bypass secret for ${name}: with it in the x-vercel-protection-bypass header, the site still ${answer.what}. ` +
      `The secret in vercel_bypass_secret is wrong or was rotated: copy the current one from ${BYPASS_SETTING}. ${noRun}`
    )
  }
  return (
    `${name} is behind Vercel Deployment Protection (it ${answer.what}), so ${serviceName}'s agent would only see Vercel's login. ` +
    `Pass the project's bypass secret as vercel_bypass_secret (${BYPASS_SETTING}) to let the agent in. ${noRun}`
  )
}

export function protectedLine(site: Protected, serviceName: string): string {
  const which =
    site.hasSecret && site.answer.secretSent
      ? `Vercel refused the bypass secret for ${site.name}`
      : `${site.name} is behind Vercel Deployment Protection`
  return `${which}; no ${serviceName} run was started.`
}

export function cancelledLine(waitedMs: number, serviceName: string): string {
  return `The workflow was cancelled during the preflight, after ${formatDuration(waitedMs)}; no ${serviceName} run was started.`
}

export const SKIPPED_LINE = 'No URL to check: the preflight was skipped.'
