import * as core from '@actions/core'
import type { GitContext } from '../context/git-context.js'
import { firstLine, quote } from '../util/untrusted-text.js'

/** The resolved git context, in a collapsible group. */
export function logGitContext(eventName: string, git: GitContext): void {
  core.startGroup('Git context')
  core.info(`event: ${quote(eventName)}`)
  core.info(`actor: ${quote(git.actor ?? '')}`)
  core.info(`repository: ${quote(git.repository ?? '')}`)
  core.info(`branch: ${quote(git.branch ?? '')}`)
  core.info(`commit: ${quote(git.commitHash ?? '')}`)
  core.info(`commit message: ${quote(firstLine(git.commitMessage ?? ''))}`)
  core.endGroup()
}
