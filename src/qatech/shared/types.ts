/**
 * The shapes both QA.tech actions send and read (https://api.qa.tech/v1, as its OpenAPI file and
 * API reference document them): application overrides, the git context of a GitHub trigger, the
 * project's applications. Each action's own request and answer shapes are in its types.ts.
 */

export type EnvironmentOverride =
  | { readonly url: string; readonly name?: string }
  | { readonly shortId: string }
  | { readonly applicationBuildShortId: string }

export interface ApplicationOverride {
  readonly applicationShortId: string
  readonly environment?: EnvironmentOverride
  readonly devicePresetShortId?: string
}

/** The git context QA.tech shows with a run or review started from GitHub. */
export interface GitHubTriggerFields {
  readonly actor?: string
  readonly branch?: string
  readonly commitHash?: string
  readonly commitMessage?: string
  readonly repository?: string
}

/** One of the project's applications (`GET /v1/applications`). */
export interface Application {
  readonly shortId: string
  readonly name: string
  readonly kind: string | undefined
}
