import type { GitContext } from '../context/git-context.js'
import { withoutUndefined } from '../util/records.js'
import { testedUrls, withBypassSecretInUrls } from './shared/applications.js'
import type { ApplicationOverride } from './shared/types.js'
import type { Settings } from './settings.js'
import type { StartRunRequest } from './types.js'

/** The body of `POST /v1/run`, from the settings, the git context and the resolved applications. Pure. */

/**
 * Adds the Vercel bypass secret to every URL override. Only the request that is sent holds it:
 * what is logged and reported is the request before this step.
 */
export function withBypassSecrets(request: StartRunRequest, secret: string | undefined): StartRunRequest {
  if (secret === undefined || request.applications === undefined) return request
  return { ...request, applications: withBypassSecretInUrls(request.applications, secret) }
}

/** The URLs a request sends the test agent to. */
export function environmentUrls(request: StartRunRequest): string[] {
  return testedUrls(request.applications ?? [])
}

/** The body of `POST /v1/run`: only fields with values, so QA.tech applies its own defaults. */
export function buildStartRunRequest(
  settings: Settings,
  git: GitContext,
  applications: readonly ApplicationOverride[]
): StartRunRequest {
  return withoutUndefined({
    trigger: 'GITHUB' as const,
    actor: git.actor,
    branch: git.branch,
    commitHash: git.commitHash,
    commitMessage: git.commitMessage,
    repository: git.repository,
    projectShortId: settings.projectShortId,
    testPlanShortId: settings.testPlanShortId,
    testCaseIds: settings.testCaseIds.length > 0 ? settings.testCaseIds : undefined,
    applications: applications.length > 0 ? applications : undefined,
    notifications: settings.notifications
  })
}
