import { inertJson } from '../../util/untrusted-text.js'
import type { ServiceEnvironment } from '../service.js'

/**
 * Lines in a collapsible group of the step's log, through the environment the service was given:
 * its `group`, or, where it has none (a test's quiet environment), its `log`, the title first.
 * The lines must be inert already.
 */
export function logGroup(
  environment: Pick<ServiceEnvironment, 'log' | 'group'>,
  title: string,
  lines: readonly string[]
): void {
  if (environment.group) {
    environment.group(title, lines)
    return
  }
  environment.log(title)
  for (const line of lines) environment.log(line)
}

/**
 * The request about to be sent, in a collapsible group titled `title`: as JSON made inert (no
 * control characters, no line the runner reads as a workflow command), shown before the bypass
 * secret is added to it.
 */
export function logRequest(
  environment: Pick<ServiceEnvironment, 'log' | 'group'>,
  title: string,
  request: unknown
): void {
  logGroup(environment, title, [inertJson(request)])
}
