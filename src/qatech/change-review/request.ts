import type { Preview } from '../../context/deployment.js'
import type { GitContext } from '../../context/git-context.js'
import { ActionError } from '../../util/errors.js'
import { nonEmptyString, withoutUndefined } from '../../util/records.js'
import { firstLine } from '../../util/untrusted-text.js'
import {
  planApplications,
  testedUrls,
  withBypassSecretInUrls,
  type ApplicationInputs,
  type PlannedApplication
} from '../shared/applications.js'
import type { ApplicationOverride, EnvironmentOverride } from '../shared/types.js'
import { Inputs } from './names.js'
import type { ChangeReviewRequest, ReviewApplication } from './types.js'

/** The change-review request: pure functions from the settings, the event and QA.tech's answers. */

/** An application to review on, whose id may still have to be looked up. */
export interface PlannedReviewApplication extends PlannedApplication {
  readonly environment: EnvironmentOverride
}

const ENVIRONMENT_FORMS = '{"url": "https://…"}, {"shortId": "env_…"} or {"applicationBuildShortId": "build_…"}'

/**
 * The applications to review the change on, from `applications_config`, the shorthand inputs and
 * a successful deployment, as in the root action. A review tests the change on a deployment, so
 * every application needs an environment: throws an ActionError that says which has none.
 */
export function planReviewApplications(
  settings: ApplicationInputs,
  preview: Preview | undefined
): PlannedReviewApplication[] {
  const { shorthand } = settings
  if (shorthand && shorthand.applicationShortId === undefined && settings.applications.length > 1) {
    throw new ActionError(
      `The shorthand inputs do not say which application they are for: ${Inputs.ApplicationsConfig} lists ${settings.applications.length}. Set ${Inputs.ApplicationShortId} too.`
    )
  }
  const planned = planApplications(settings, preview)
  if (planned.length === 0) {
    throw new ActionError(
      `${Inputs.ApplicationsConfig} is empty: a change review needs the deployment of the pull request to test. ` +
        `Set ${Inputs.ApplicationsConfig}, e.g. {"applications": {"app_…": {"environment": {"url": "https://…"}}}}, ` +
        `or ${Inputs.EnvironmentUrl} (with ${Inputs.ApplicationShortId}); on deployment_status events the deployment's URL is used.`
    )
  }
  const missing = planned.filter(app => app.environment === undefined)
  if (missing.length > 0) {
    const names = missing.map(app => app.applicationShortId ?? `the application of ${Inputs.DevicePresetShortId}`)
    throw new ActionError(
      `${names.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no environment: a change review tests the pull request on a deployment, ` +
        `so every application needs one of ${ENVIRONMENT_FORMS} (or ${Inputs.EnvironmentUrl} / ${Inputs.EnvironmentShortId}).`
    )
  }
  return planned as PlannedReviewApplication[]
}

/** Applications whose ids are all known now: the environments come from the plan. */
export function toReviewApplications(applications: readonly ApplicationOverride[]): ReviewApplication[] {
  return applications.map(app => {
    if (app.environment === undefined) throw new Error(`no environment for ${app.applicationShortId}`)
    return withoutUndefined({
      applicationShortId: app.applicationShortId,
      environment: app.environment,
      devicePresetShortId: app.devicePresetShortId
    })
  })
}

/**
 * The body of `POST /v1/chat/change-review`: what QAdottech/run-action/change-review sends, in
 * its order, with our git context (the pull request's head, and the commit message on every event;
 * its first line, as the official action sends it).
 */
export function buildChangeReviewRequest(
  settings: { readonly projectShortId?: string; readonly context?: string },
  git: GitContext,
  prUrl: string,
  applications: readonly ReviewApplication[]
): ChangeReviewRequest {
  return withoutUndefined({
    mode: 'pr' as const,
    projectShortId: settings.projectShortId,
    prUrl,
    vcsProviderId: 'github' as const,
    applicationOverrides: applications,
    context: settings.context,
    actor: git.actor,
    branch: git.branch,
    commitHash: git.commitHash,
    commitMessage: nonEmptyString(firstLine(git.commitMessage ?? '')),
    repository: git.repository
  })
}

/**
 * Adds the Vercel bypass secret to every URL environment. Only the request that is sent holds it:
 * what is logged and reported is the request before this step.
 */
export function withBypassSecrets(request: ChangeReviewRequest, secret: string | undefined): ChangeReviewRequest {
  if (secret === undefined) return request
  return { ...request, applicationOverrides: withBypassSecretInUrls(request.applicationOverrides, secret) }
}

/** The URLs the review's agents are sent to. */
export function environmentUrls(request: ChangeReviewRequest): string[] {
  return testedUrls(request.applicationOverrides)
}
