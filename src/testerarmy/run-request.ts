import type { Preview } from '../context/deployment.js'
import type { GitContext } from '../context/git-context.js'
import type { PullRequest } from '../github/pull-request.js'
import { withoutUndefined } from '../util/records.js'
import type { RunTarget, Settings } from './settings.js'

/** One start request to tester.army, and what the reports say about it. Pure data. */
export interface StartRequest {
  readonly target: RunTarget
  /** Under `/v1`, e.g. `/groups/{id}/runs`. */
  readonly path: string
  readonly body: Record<string, unknown>
  /** The URL under test, as far as the request names one. */
  readonly testedUrl: string | undefined
  /** What the summary names the run after: the prompt, the test, the group or the pull request. */
  readonly plan: { readonly label: string; readonly name: string }
}

export interface RequestContext {
  readonly git: GitContext
  readonly preview: Preview | undefined
  /** The pull request under test: needed for pull-request runs, a number for group runs when known. */
  readonly pullRequest: PullRequest | undefined
}

/** tester.army's `environment` for group runs. */
export type TesterArmyEnvironment = 'production' | 'staging' | 'preview' | 'custom'

/** tester.army's limits on the pull request it is told about (DynamicPrRunRequest). */
const LIMITS = { title: 500, description: 5000, branch: 255, commitSha: 100 } as const

/**
 * Builds the start request. `sendable` turns the URL under test into the one to send (with the
 * Vercel bypass secret); the default leaves it as it is, for the log.
 */
export function buildStartRequest(
  settings: Pick<Settings, 'target' | 'targetUrl' | 'webhookUrl'>,
  context: RequestContext,
  sendable: (url: string) => string = url => url
): StartRequest {
  const { target } = settings
  // A saved test runs on its own environment: tester.army takes no URL for it.
  const url = target.mode === 'test' ? undefined : (settings.targetUrl ?? context.preview?.url)
  const targetUrl = url === undefined ? undefined : sendable(url)
  const base = { target, testedUrl: url }
  switch (target.mode) {
    case 'prompt':
      return {
        ...base,
        path: '/runs',
        body: withoutUndefined({
          prompt: url === undefined ? target.prompt : promptWithUrl(target.prompt, url, sendable),
          webhookUrl: settings.webhookUrl
        }),
        plan: { label: 'Prompt', name: target.prompt.split(/\r?\n/, 1)[0] ?? '' }
      }
    case 'test':
      return {
        ...base,
        path: `/tests/${encodeURIComponent(target.testId)}/runs`,
        body: {},
        plan: { label: 'Test', name: target.testId }
      }
    case 'group':
      return {
        ...base,
        path: `/groups/${encodeURIComponent(target.groupId)}/runs`,
        body: withoutUndefined({
          targetUrl,
          environment: testerArmyEnvironment(context.preview?.name),
          commitSha: context.git.commitHash,
          prNumber: context.pullRequest?.number
        }),
        plan: { label: 'Group', name: target.groupId }
      }
    case 'pull-request': {
      const pull = context.pullRequest
      if (pull === undefined || targetUrl === undefined) {
        throw new Error('a pull-request run needs a pull request and a URL: the service checks both first')
      }
      return {
        ...base,
        path: `/projects/${encodeURIComponent(target.projectId)}/pull-request-runs`,
        body: { targetUrl, pullRequest: pullRequestBody(pull, context.git) },
        // The project, not the pull request: the plan names the commit status, which must stay the
        // same from one pull request to the next for branch protection to require it.
        plan: { label: 'Project', name: target.projectId }
      }
    }
  }
}

/**
 * Prompt runs have no URL field: the URL reaches the agent inside the prompt, as tester.army
 * advises. A prompt that already names it gets it in place (with the bypass, when there is one).
 */
function promptWithUrl(prompt: string, url: string, sendable: (url: string) => string): string {
  if (prompt.includes(url)) return prompt.split(url).join(sendable(url))
  return `${prompt}\n\nTest it on ${sendable(url)}`
}

/**
 * GitHub's deployment environment as tester.army's enum, case-insensitively by its first word:
 * Vercel names them `Preview`, `Production`, or `Preview – <project>` in a monorepo. Any other
 * name is `custom`; no deployment, nothing.
 */
export function testerArmyEnvironment(name: string | undefined): TesterArmyEnvironment | undefined {
  if (name === undefined || name.trim() === '') return undefined
  const known = /^\s*(production|staging|preview)\b/i.exec(name)?.[1]?.toLowerCase()
  return known === 'production' || known === 'staging' || known === 'preview' ? known : 'custom'
}

function pullRequestBody(pull: PullRequest, git: GitContext): Record<string, unknown> {
  const title = pull.title.trim() === '' ? `Pull request #${pull.number}` : truncate(pull.title.trim(), LIMITS.title)
  const description = pull.body.trim() === '' ? undefined : truncate(pull.body, LIMITS.description)
  // The tested commit: the deployment's or the pushed one, which may be behind the pull request's head.
  const commitSha = git.commitHash ?? pull.headSha
  return withoutUndefined({
    number: pull.number,
    title,
    description,
    baseBranch: branch(pull.baseRef),
    headBranch: branch(pull.headRef),
    commitSha: commitSha.slice(0, LIMITS.commitSha)
  })
}

/** A branch name too long for tester.army is left out rather than cut into another name. */
function branch(name: string): string | undefined {
  return name !== '' && name.length <= LIMITS.branch ? name : undefined
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
