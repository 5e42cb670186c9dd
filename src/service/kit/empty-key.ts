import type { EventHints } from '../../inputs/read.js'

/** A service's API key input, for the message that says it is empty. */
export interface KeyInput {
  /** The input's name: `api_token`. */
  readonly name: string
  /** How to pass the key, after "pass": "your QA.tech API key, e.g. api_token: ${{ secrets.QATECH_API_TOKEN }}". */
  readonly howToPass: string
}

/**
 * Why the key input is empty, as far as the event tells, and what to do: a fork's pull request
 * gets no secrets, Dependabot only its own; otherwise the secret is missing or misnamed.
 * `activity` is what the step does with a fork's pull request: "test", "review".
 */
export function emptyKeyMessage(
  key: KeyInput,
  hints: Pick<EventHints, 'isForkPullRequest' | 'isDependabot'>,
  activity = 'test'
): string {
  const empty = `${key.name} is empty`
  if (hints.isForkPullRequest) {
    return (
      `${empty}: GitHub does not give secrets to workflows run for pull requests from forks. ` +
      'Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), ' +
      `or ${activity} fork pull requests from a separate workflow_run workflow after a maintainer has looked at them; ` +
      'do not use pull_request_target to run code from a fork with your secrets.'
    )
  }
  if (hints.isDependabot) {
    return `${empty}: workflows run by Dependabot only see Dependabot secrets. Add the key under Settings → Secrets → Dependabot, or pass ${key.howToPass}.`
  }
  return `${empty}: pass ${key.howToPass}. If it is set, check that the secret exists in this repository or environment.`
}
