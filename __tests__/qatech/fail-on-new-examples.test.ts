/**
 * The workflow pair of `fail_on: new` (examples/fail-on-new-*.yml): the push workflow leaves the
 * baseline on main, the pull request's compares with it. A pull request finds main's status only
 * when both steps name their status alike (the same test plan, no other `status_context` or
 * matrix) and write it as the same account (the same `github_token`), so a pair that drifts apart
 * would never find a baseline, and every failure would count again with only a notice to say so.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface Workflow {
  on: Record<string, { branches?: string[] } | null>
  permissions: Record<string, string>
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>
}
const workflow = (name: string) => parse(readFileSync(join(root, 'examples', name), 'utf8')) as Workflow
/** The inputs of the workflow's one step of the root action. */
function actionInputs(flow: Workflow): Record<string, unknown> {
  const steps = Object.values(flow.jobs).flatMap(job =>
    job.steps.filter(step => /\/qatech-run-action@/.test(step.uses ?? ''))
  )
  expect(steps).toHaveLength(1)
  return steps[0]?.with ?? {}
}

const push = workflow('fail-on-new-push.yml')
const pullRequest = workflow('fail-on-new-pull-request.yml')

describe('the fail_on: new workflow pair', () => {
  it('main is tested on push, waiting for the result, with a commit status that links to the run', () => {
    expect(Object.keys(push.on)).toEqual(['push'])
    expect(push.on.push?.branches).toEqual(['main'])
    expect(actionInputs(push)).toMatchObject({ blocking: true, commit_status: true })
    expect(actionInputs(push).fail_on ?? 'any').toBe('any')
    expect(push.permissions).toEqual({ contents: 'read', statuses: 'write' })
  })

  it('pull requests compare with it: fail_on: new, and may read main’s commits and statuses', () => {
    expect(Object.keys(pullRequest.on)).toEqual(['pull_request'])
    expect(actionInputs(pullRequest)).toMatchObject({ blocking: true, commit_status: true, fail_on: 'new' })
    expect(pullRequest.permissions.contents).toBe('read')
    expect(['read', 'write']).toContain(pullRequest.permissions.statuses)
  })

  it('both name their commit status alike and write it as the same account', () => {
    const [main, pull] = [actionInputs(push), actionInputs(pullRequest)]
    for (const input of [
      'api_token',
      'project_short_id',
      'test_plan_short_id',
      'status_context',
      'job_matrix',
      'github_token'
    ]) {
      expect([input, pull[input]]).toEqual([input, main[input]])
    }
    expect(main.test_plan_short_id).toBeDefined()
  })
})
