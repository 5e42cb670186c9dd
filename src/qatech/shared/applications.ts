import type { Preview } from '../../context/deployment.js'
import { withBypassSecret } from '../../context/vercel-bypass.js'
import { readWithRetry } from '../../http/retry.js'
import type { ServiceEnvironment } from '../../service/service.js'
import type { Clock } from '../../util/clock.js'
import { ActionError } from '../../util/errors.js'
import { withoutUndefined } from '../../util/records.js'
import { inline } from '../../util/untrusted-text.js'
import type { ApplicationShorthand } from './inputs.js'
import type { Application, ApplicationOverride, EnvironmentOverride } from './types.js'

/** The applications to test or review on, in both QA.tech actions: planned from the inputs, then resolved. */

/** The inputs that name applications, as both actions' settings hold them. */
export interface ApplicationInputs {
  /** Application overrides from `applications_config`, in the API's form. */
  readonly applications: readonly ApplicationOverride[]
  /** The shorthand inputs, when any of them is set. */
  readonly shorthand?: ApplicationShorthand
}

/** An application override whose application may still have to be looked up. */
export interface PlannedApplication {
  readonly applicationShortId: string | undefined
  readonly environment?: EnvironmentOverride
  readonly devicePresetShortId?: string
}

/**
 * Combines `applications_config`, the shorthand inputs and a successful deployment into the
 * application overrides to send. Explicit inputs win: the shorthand over the config, and either
 * over the deployment's URL, which fills only applications given no environment.
 */
export function planApplications(settings: ApplicationInputs, preview: Preview | undefined): PlannedApplication[] {
  const planned: PlannedApplication[] = settings.applications.map(app => ({ ...app }))
  // A name for the environment the deployment's URL will provide.
  let pendingName: { index: number; name: string } | undefined

  const shorthand = settings.shorthand
  if (shorthand) {
    const environment: EnvironmentOverride | undefined =
      shorthand.environmentUrl !== undefined
        ? withoutUndefined({ url: shorthand.environmentUrl, name: shorthand.environmentName })
        : shorthand.environmentShortId !== undefined
          ? { shortId: shorthand.environmentShortId }
          : undefined
    let index =
      shorthand.applicationShortId !== undefined
        ? planned.findIndex(app => app.applicationShortId === shorthand.applicationShortId)
        : planned.length === 1
          ? 0
          : -1
    if (index === -1) {
      planned.push({ applicationShortId: shorthand.applicationShortId })
      index = planned.length - 1
    }
    const target = planned[index]
    planned[index] = withoutUndefined({
      applicationShortId: target?.applicationShortId ?? shorthand.applicationShortId,
      environment: environment ?? target?.environment,
      devicePresetShortId: shorthand.devicePresetShortId ?? target?.devicePresetShortId
    })
    if (planned[index]?.environment === undefined && shorthand.environmentName !== undefined) {
      pendingName = { index, name: shorthand.environmentName }
    }
  }

  if (preview?.url !== undefined) {
    if (planned.length === 0) planned.push({ applicationShortId: undefined })
    planned.forEach((app, index) => {
      if (app.environment !== undefined) return
      const name = pendingName?.index === index ? pendingName.name : preview.name
      planned[index] = withoutUndefined({ ...app, environment: withoutUndefined({ url: preview.url as string, name }) })
    })
  } else if (pendingName !== undefined) {
    throw new ActionError(
      'environment_name names the environment for environment_url, which is not set: set environment_url too (on deployment_status events it defaults to the deployment URL).'
    )
  }
  return planned
}

/**
 * Fills in the application of overrides that name none: a project with exactly one application
 * needs no id; with more, the user must choose, and the message lists them to choose from.
 */
export async function resolveApplications(
  planned: readonly PlannedApplication[],
  listApplications: () => Promise<Application[]>,
  log: (message: string) => void
): Promise<ApplicationOverride[]> {
  if (planned.every(app => app.applicationShortId !== undefined)) return planned as ApplicationOverride[]
  const applications = await listApplications()
  const [only] = applications
  if (applications.length === 1 && only) {
    log(`Testing the project's only application, ${inline(only.name)} (${inline(only.shortId)}).`)
    return planned.map(({ applicationShortId, ...rest }) => ({
      applicationShortId: applicationShortId ?? only.shortId,
      ...rest
    }))
  }
  if (applications.length === 0) {
    throw new ActionError(
      'The QA.tech project has no applications to test the URL on: create one in QA.tech under Settings → Applications.'
    )
  }
  const choices = applications.map(app => `${inline(app.shortId)} (${inline(app.name, 80)})`).join(', ')
  throw new ActionError(
    `The QA.tech project has ${applications.length} applications; set application_short_id to the one this URL is for: ${choices}.`
  )
}

/**
 * `resolveApplications` as a start does it: the project's applications, when they are needed, are
 * read through transient failures a few times (warning once), never past the step's deadline;
 * `clock`'s waits end on a workflow cancel.
 */
export function resolveApplicationsWithRetry(
  planned: readonly PlannedApplication[],
  listApplications: () => Promise<Application[]>,
  clock: Clock,
  { deadline, log, warn }: Pick<ServiceEnvironment, 'deadline' | 'log' | 'warn'>
): Promise<ApplicationOverride[]> {
  return resolveApplications(planned, () => readWithRetry(listApplications, clock, warn, { deadline }), log)
}

/** The URLs of the applications' URL environments: the sites the agents are sent to. */
export function testedUrls(applications: readonly { readonly environment?: EnvironmentOverride }[]): string[] {
  return applications.flatMap(app => (app.environment && 'url' in app.environment ? [app.environment.url] : []))
}

/**
 * The applications with the Vercel bypass secret added to every URL environment. Only the request
 * that is sent holds it: what is logged and reported is the request before this step.
 */
export function withBypassSecretInUrls<A extends { readonly environment?: EnvironmentOverride }>(
  applications: readonly A[],
  secret: string
): A[] {
  return applications.map(app => {
    const environment = app.environment
    if (environment === undefined || !('url' in environment)) return app
    return { ...app, environment: { ...environment, url: withBypassSecret(environment.url, secret) } }
  })
}
