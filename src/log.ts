import * as core from '@actions/core'
import type { GitContext } from './git-context.js'
import type { StartedRun, StartRunRequest } from './qatech/types.js'
import { firstLine, inertJson, inline, quote } from './untrusted-text.js'
import { redactBypassSecret } from './vercel-bypass.js'

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

/** The request about to be sent, without bypass secrets, in a collapsible group. */
export function logRequest(request: StartRunRequest): void {
  const shown = {
    ...request,
    commitMessage: request.commitMessage === undefined ? undefined : firstLine(request.commitMessage),
    applications: request.applications?.map(app =>
      app.environment && 'url' in app.environment
        ? { ...app, environment: { ...app.environment, url: redactBypassSecret(app.environment.url) } }
        : app
    )
  }
  core.startGroup('Run request')
  core.info(inertJson(shown))
  core.endGroup()
}

export function logStarted(run: StartedRun): void {
  const plan = run.testPlan ? ` of test plan ${quote(run.testPlan.name)}` : ''
  const tests = run.testCount === undefined ? '' : ` with ${run.testCount} test case${run.testCount === 1 ? '' : 's'}`
  core.info(`Started QA.tech run ${inline(run.shortId)}${plan}${tests}: ${inline(run.url)}`)
}
