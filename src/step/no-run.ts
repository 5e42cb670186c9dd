import * as core from '@actions/core'
import type { Service } from '../service/service.js'
import { messageOf } from '../util/errors.js'
import { inline } from '../util/untrusted-text.js'
import { warn } from './log.js'

/**
 * The outputs of a step that started no run (a skipped event, a preflight that stopped it,
 * nothing to rerun): `run_created: false` and the like, so a later step can tell.
 */
export function writeNoRunOutputs(service: Pick<Service, 'outputs'>): void {
  try {
    for (const [name, value] of Object.entries(service.outputs.none())) core.setOutput(name, value)
  } catch (error) {
    warn(`Could not write the step outputs to GITHUB_OUTPUT: ${inline(messageOf(error))}`)
  }
}
