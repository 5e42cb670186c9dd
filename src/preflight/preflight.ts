/**
 * The preflight: before a run is started, ask each site under test whether it answers, so that
 * a preview that is still building, cold-starting or behind Vercel's Deployment Protection does not
 * cost a run and a red check that is not the product's fault. Loaded with a dynamic import only
 * when the preflight is on.
 */
import type { Clock } from '../util/clock.js'
import { ActionError } from '../util/errors.js'
import { waitForSite, type SiteOutcome } from './site.js'
import {
  cancelledLine,
  guardedWarning,
  notReadyLine,
  notReadyStop,
  notReadyWarning,
  protectedLine,
  protectedStop,
  readyLine,
  SKIPPED_LINE
} from './words.js'

export interface PreflightTarget {
  /** The URL under test, never with a secret in it: this is what the log names. */
  readonly url: string
  /** Vercel Deployment Protection bypass secret, sent only in the x-vercel-protection-bypass header. */
  readonly bypassSecret?: string
}

export interface PreflightOptions {
  readonly targets: readonly PreflightTarget[]
  readonly mode: 'wait' | 'warn'
  /** preflight_timeout_seconds, counted from the first request. */
  readonly timeoutMs: number
  /** All waiting goes through clock.sleep. */
  readonly clock: Clock
  /** Aborted on a workflow cancel: the preflight returns at once. */
  readonly signal: AbortSignal
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  /** The service name for the lines: "no QA.tech run was started". */
  readonly serviceName: string
}

export type PreflightStatus = 'ready' | 'not-ready' | 'protected' | 'skipped' | 'cancelled'

export interface PreflightResult {
  readonly status: PreflightStatus
  /** Seconds from the first request until every target was ready (status ready). */
  readonly seconds?: number
  /** One line for the job summary, e.g. "https://… answered 200 after 42 s (7 checks)."; plain text. */
  readonly line: string
  /** Set when the step must stop before any run: the one line for the failed step. */
  readonly stop?: string
}

/**
 * Checks every target at the same time, until all are ready, one is protected (which ends the
 * others at once), the timeout passes or the workflow is cancelled. In parallel rather than in
 * turn: the sites come up independently, so the wait is as long as the slowest one, and a
 * protected site is reported at once instead of after another site's whole wait.
 *
 * The log gets everything as it happens: the waiting lines, the final line (ready), and the
 * warnings (a site behind other credentials; not ready in `warn` mode). A caller only fails the
 * step with `stop` when it is set, and puts `line` in the summary. Bad input (a bypass secret that
 * no header can carry) throws an ActionError before any request.
 */
export async function runPreflight(options: PreflightOptions): Promise<PreflightResult> {
  const { clock, serviceName } = options
  const targets = distinct(options.targets)
  checkSecrets(targets)
  if (targets.length === 0) {
    options.log(SKIPPED_LINE)
    return { status: 'skipped', line: SKIPPED_LINE }
  }
  const startedAt = clock.now()
  const cancelled = (): PreflightResult => {
    const line = cancelledLine(clock.now() - startedAt, serviceName)
    return { status: 'cancelled', line, stop: line }
  }
  if (options.signal.aborted) return cancelled()

  // Ends every site's wait: on a workflow cancel, or when one site is protected.
  const halt = new AbortController()
  const onCancel = () => halt.abort()
  options.signal.addEventListener('abort', onCancel, { once: true })
  const wait = { clock, startedAt, deadline: startedAt + options.timeoutMs, signal: halt.signal, log: options.log }
  let outcomes: SiteOutcome[]
  try {
    outcomes = await Promise.all(
      targets.map(async target => {
        const outcome = await waitForSite(target, wait)
        if (outcome.kind === 'protected') halt.abort()
        return outcome
      })
    )
  } finally {
    options.signal.removeEventListener('abort', onCancel)
    halt.abort()
  }
  if (options.signal.aborted) return cancelled()

  const protectedSite = outcomes.find(outcome => outcome.kind === 'protected')
  if (protectedSite) {
    return {
      status: 'protected',
      line: protectedLine(protectedSite, serviceName),
      stop: protectedStop(protectedSite, serviceName)
    }
  }

  const ready = outcomes.filter(outcome => outcome.kind === 'ready')
  const notReady = outcomes.filter(outcome => outcome.kind === 'not-ready')
  if (notReady.length > 0 && options.mode === 'wait') {
    return { status: 'not-ready', line: notReadyLine(notReady, serviceName), stop: notReadyStop(notReady, serviceName) }
  }

  // The run starts: say what it may run into.
  for (const site of ready) {
    if (site.answer.kind === 'guarded') options.warn(guardedWarning(site.name, site.answer.what, serviceName))
  }
  if (notReady.length > 0) {
    const line = notReadyWarning(notReady, serviceName)
    options.warn(line)
    return { status: 'not-ready', line }
  }
  const line = readyLine(ready)
  options.log(line)
  return { status: 'ready', seconds: Math.round(Math.max(...ready.map(site => site.atMs)) / 1000), line }
}

/** The characters Node refuses in a header value (it would throw before sending). */
const NOT_IN_A_HEADER = /[^\t\x20-\x7e\x80-\xff]/

/** A bypass secret that cannot travel in a header is bad input: say so before any request. */
function checkSecrets(targets: readonly PreflightTarget[]): void {
  if (targets.some(target => target.bypassSecret !== undefined && NOT_IN_A_HEADER.test(target.bypassSecret))) {
    throw new ActionError(
      'vercel_bypass_secret contains a line break or another control character, which no HTTP header can carry: copy the secret again from Project Settings → Deployment Protection → Protection Bypass for Automation.'
    )
  }
}

/** The same site named twice (environment_url and an application's URL) is checked once. */
function distinct(targets: readonly PreflightTarget[]): PreflightTarget[] {
  const seen = new Map<string, PreflightTarget>()
  for (const target of targets) {
    const key = `${target.url}\n${target.bypassSecret ?? ''}`
    if (!seen.has(key)) seen.set(key, target)
  }
  return [...seen.values()]
}
