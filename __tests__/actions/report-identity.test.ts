/**
 * Whose report is whose, through `run()` for all three actions against the sandbox's GitHub API,
 * which holds comments and statuses of several accounts (the workflow token's
 * github-actions[bot], another app's vercel[bot], a person) and of several workflows:
 *
 * - a rerun takes only this workflow run's previous attempt of this job and action — never a
 *   status of another workflow or another account, nor another bot's comment with our marker;
 *   and when that attempt passed, nothing is rerun and the service is not asked;
 * - another account's comment is never edited, whatever marker it carries;
 * - two actions in one job keep a comment and a commit status each;
 * - a commit that is not the head of an open pull request has no pull request: no action reports
 *   to, reviews or tests a pull request that merely contains it.
 */
import type { PartialScenario } from '../../sandbox/server.mjs'
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import { ACCOUNTS } from '../../sandbox/github.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import { lazyOctokit } from '../../src/github/octokit.js'
import { readMarker } from '../../src/report/comment-marker.js'
import type { ActionDefinition } from '../../src/service/service.js'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import { qatechRunAction } from '../../src/qatech/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { COMMITS, testerArmyEvent } from '../fixtures/testerarmy.js'
import { runInProcess, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const REPO = { owner: 'Codertocat', repo: 'Hello-World' }
const PULL_REQUEST_EVENT = () => examplePayload('pull_request', payload => payload.action === 'opened')
const HEAD = COMMITS.pullRequestHead
const OTHER_HEAD = 'fedcba9876543210fedcba9876543210fedcba98'

/** Pull request #2 of the example payloads, as the API returns it. */
const pullRequest = (head: string = HEAD, commits: string[] = []) => ({
  number: 2,
  state: 'open',
  title: 'Update the README with new information.',
  body: 'This is a pretty simple change that we need to pull into master.',
  html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
  head: { ref: 'changes', sha: head },
  base: { ref: 'master' },
  commits
})

type ActionName = 'QA.tech runs' | 'change review' | 'tester.army'

interface ActionUnderTest {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly definition: ActionDefinition<any>
  readonly folder?: string
  readonly inputs: () => Record<string, string>
}

const ACTIONS: Record<ActionName, ActionUnderTest> = {
  'QA.tech runs': {
    definition: qatechRunAction,
    inputs: () => ({ api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' })
  },
  'change review': {
    definition: changeReviewAction,
    folder: 'change-review',
    inputs: () => ({
      api_token: SANDBOX_TOKEN,
      api_url: sandbox.url,
      blocking: 'true',
      preflight: 'off',
      applications_config: JSON.stringify({
        applications: { app_web: { environment: { url: 'https://preview-2.example.com' } } }
      })
    })
  },
  'tester.army': {
    definition: testerArmyAction,
    folder: 'tester-army',
    inputs: () => ({
      api_key: TESTER_ARMY_KEY,
      api_url: `${sandbox.url}/testerarmy/api`,
      blocking: 'true',
      preflight: 'off',
      test_id: TESTER_ARMY_IDS.test
    })
  }
}

interface Step {
  readonly action?: ActionName
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly eventName?: string
  readonly payload?: object
}

/** One step of a job on the pull request's event: workflow "CI", job "e2e", workflow run 1, attempt 1 unless `env` says otherwise. */
async function step({ action = 'QA.tech runs', inputs = {}, env = {}, eventName, payload }: Step) {
  const chosen = ACTIONS[action]
  const result = await runInProcess({
    clock,
    action: chosen.definition,
    actionFolder: chosen.folder,
    eventName: eventName ?? 'pull_request',
    payload: payload ?? PULL_REQUEST_EVENT(),
    inputs: { ...chosen.inputs(), ...inputs },
    env: { GITHUB_API_URL: sandbox.url, ...env }
  })
  results.push(result)
  return result
}

function reset(scenario: PartialScenario = {}): void {
  sandbox.reset({ ...scenario, github: { pulls: [pullRequest()], ...scenario.github } })
}

async function comments() {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  return github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
}
async function statuses(sha: string = HEAD) {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  return (await github.rest.repos.listCommitStatusesForRef({ ...REPO, ref: sha })).data
}
/** The newest status of each context, as the pull request's checks show them. */
async function checks(sha: string = HEAD) {
  const shown = new Map<string, string>()
  for (const status of await statuses(sha)) if (!shown.has(status.context)) shown.set(status.context, status.state)
  return Object.fromEntries(shown)
}

const qatechStarts = (since = 0) =>
  sandbox.requests
    .slice(since)
    .filter(request => request.method === 'POST' && request.path.startsWith('/v1/run'))
    .map(request => request.path)
const commandLines = (stdout: string, command: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}`))

const FAILING_RUN = {
  run: {
    result: 'FAILED',
    testCases: [
      { name: 'Add an item to the cart', result: 'PASSED' },
      { name: 'Apply a coupon', result: 'FAILED', resultTitle: 'The agent got stuck', errorCode: 'AGENT_STUCK' },
      { name: 'Pay with a card', result: 'PASSED' }
    ]
  }
}
const ATTEMPT_2 = { GITHUB_RUN_ATTEMPT: '2' }
const REPORTS = { pr_comment: 'always', commit_status: 'true' }

describe('a green check for a run this job never started: a rerun takes only this workflow run’s own previous attempt', () => {
  it('ignores a status another bot set under our context', async () => {
    reset({
      github: {
        pulls: [pullRequest()],
        statuses: [
          {
            sha: HEAD,
            state: 'success',
            context: 'QA.tech / Checkout flow',
            description: 'All 3 test cases passed',
            target_url: `${sandbox.url}/p/sandbox-project/results/r900sbx`,
            creator: ACCOUNTS.vercel
          }
        ]
      }
    })
    const result = await step({ inputs: REPORTS, env: ATTEMPT_2 })
    expect(qatechStarts()).toEqual(['/v1/run'])
    expect(commandLines(result.stdout, 'notice')).toEqual([
      expect.stringContaining('Attempt 2 of this workflow run: running everything')
    ])
  })

  it('ignores the status another workflow left on the commit with the same token and context', async () => {
    reset()
    // The nightly workflow tested the same commit and passed, as github-actions[bot].
    const nightly = await step({ inputs: REPORTS, env: { GITHUB_WORKFLOW: 'Nightly', GITHUB_RUN_ID: '77' } })
    expect(nightly.code).toBe(0)
    expect(await checks()).toEqual({ 'QA.tech / Checkout flow': 'success' })
    sandbox.setScenario(FAILING_RUN)
    const before = sandbox.requests.length
    // This workflow run's first attempt died before it reported anything; its second runs everything.
    const result = await step({ inputs: REPORTS, env: ATTEMPT_2 })
    expect(qatechStarts(before)).toEqual(['/v1/run'])
    expect(result.code).toBe(1)
    expect(await checks()).toEqual({ 'QA.tech / Checkout flow': 'failure' })
  })

  it('ignores another bot’s comment that carries our marker, even for this workflow run and job', async () => {
    reset()
    await step({ inputs: REPORTS })
    // The same comment, word for word, but written by another app.
    const [ours] = await comments()
    expect(readMarker(ours?.body ?? '')).toMatchObject({ workflowRunId: '1', attempt: 1 })
    reset({
      ...FAILING_RUN,
      github: {
        pulls: [pullRequest()],
        comments: [{ issue_number: 2, body: ours?.body ?? '', user: ACCOUNTS.vercel }]
      }
    })
    const result = await step({ inputs: REPORTS, env: ATTEMPT_2 })
    expect(qatechStarts()).toEqual(['/v1/run'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::notice::Attempt 2 of this workflow run: running everything.*no comment of this job/
    )
  })

  it('when the previous attempt passed: passes with a notice and asks QA.tech nothing', async () => {
    reset()
    const first = await step({ inputs: REPORTS })
    expect(first.code).toBe(0)
    const before = sandbox.requests.length
    const second = await step({ inputs: REPORTS, env: ATTEMPT_2 })
    expect(second.code).toBe(0)
    expect(sandbox.requests.slice(before).filter(request => request.path.startsWith('/v1/'))).toEqual([])
    expect(commandLines(second.stdout, 'notice')).toEqual([
      '::notice::Attempt 2 of this workflow run: this step passed in attempt 1 (QA.tech run r001sbx), so there is nothing to rerun; no run was started.'
    ])
    expect(second.outputs.run_created).toBe('false')
  })
})

describe('another account’s comment is never overwritten', () => {
  it.each(Object.keys(ACTIONS) as ActionName[])(
    '%s: a comment with our marker by another bot or a person stays as it is; the step writes its own',
    async action => {
      reset()
      await step({ action, inputs: { pr_comment: 'always' } })
      const [ours] = await comments()
      const body = ours?.body ?? ''
      expect(readMarker(body)).toBeDefined()
      reset({
        github: {
          pulls: [pullRequest()],
          comments: [
            { id: 501, issue_number: 2, body, user: ACCOUNTS.vercel },
            { id: 502, issue_number: 2, body, user: ACCOUNTS.person }
          ]
        }
      })
      const result = await step({ action, inputs: { pr_comment: 'always' } })
      expect(result.code).toBe(0)
      const all = await comments()
      expect(all.map(comment => [comment.id, comment.user?.login])).toEqual([
        [501, 'vercel[bot]'],
        [502, 'octocat'],
        [expect.any(Number), 'github-actions[bot]']
      ])
      expect(all.slice(0, 2).map(comment => comment.body)).toEqual([body, body])
      expect(sandbox.requests.filter(request => request.method === 'PATCH' && /\/50[12]$/.test(request.path))).toEqual(
        []
      )
    }
  )
})

describe('two actions in one job keep a comment and a commit status each', () => {
  it('QA.tech runs (a plan named "change review"), the change review and tester.army: three comments, three checks', async () => {
    reset({ ...FAILING_RUN, testPlans: [{ shortId: 'pln_sandbox', name: 'change review', default: true }] })
    const runs = await step({ inputs: REPORTS })
    expect(runs.code).toBe(1)
    const review = await step({ action: 'change review', inputs: REPORTS })
    expect(review.code).toBe(0)
    const tester = await step({ action: 'tester.army', inputs: REPORTS })
    expect(tester.code).toBe(0)

    const all = await comments()
    expect(all).toHaveLength(3)
    expect(new Set(all.map(comment => readMarker(comment.body ?? '')?.key)).size).toBe(3)
    // The failure stays on the pull request: the change review's pass did not replace it.
    expect(all[0]?.body).toMatch(/### ❌ QA.tech: 1 of 3 test cases failed/)
    expect(await checks()).toEqual({
      'QA.tech / change review': 'failure',
      'QA.tech change review': 'success',
      [`tester.army / ${TESTER_ARMY_IDS.test}`]: 'success'
    })
  })
})

describe('the wrong pull request: a commit that is not the head of an open pull request has none', () => {
  const PUSHED = COMMITS.push
  const DEPLOYED = COMMITS.deployment
  /** Pull request #7 contains the deployed commit, but its head has moved on (or it is a stacked branch's). */
  const containing = (commit: string) => ({
    ...pullRequest(OTHER_HEAD, [commit]),
    number: 7,
    html_url: 'https://github.com/Codertocat/Hello-World/pull/7'
  })

  it('QA.tech runs on a push: no comment on a pull request that only contains the commit', async () => {
    reset({ github: { pulls: [containing(PUSHED)] } })
    const result = await step({
      inputs: { pr_comment: 'always' },
      eventName: 'push',
      payload: examplePayload('push', payload => payload.ref === 'refs/heads/master' && payload.deleted === false)
    })
    expect(result.code).toBe(0)
    const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
    expect((await github.rest.issues.listComments({ ...REPO, issue_number: 7 })).data).toEqual([])
    expect(result.stdout).toContain(
      "No pull-request comment: No open pull request has commit 6113728 as its head. Pull request #7 (at fedcba9) contains it, but its head is another commit: it is not this commit's pull request."
    )
  })

  it('tester.army’s pull-request agent on a deployment: not started for another pull request', async () => {
    reset({ github: { pulls: [containing(DEPLOYED)] } })
    const [eventName, payload] = testerArmyEvent('deployment_status')
    const result = await step({
      action: 'tester.army',
      inputs: { test_id: '', project_id: TESTER_ARMY_IDS.project },
      eventName,
      payload
    })
    expect(result.code).toBe(1)
    expect(sandbox.requests.filter(request => request.path.startsWith('/testerarmy/'))).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringContaining(
        'no open pull request has commit f95f852. Pull request #7 (at fedcba9) contains it, but its head is another commit'
      )
    ])
  })

  it('the change review on a deployment: does not review another pull request against this preview', async () => {
    reset({ github: { pulls: [containing(DEPLOYED)] } })
    const [eventName, payload] = testerArmyEvent('deployment_status')
    const result = await step({
      action: 'change review',
      inputs: { applications_config: '', application_short_id: 'app_web' },
      eventName,
      payload
    })
    expect(result.code).toBe(1)
    expect(sandbox.requests.filter(request => request.path.startsWith('/v1/chat'))).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::No open pull request has commit f95f852 \(deployment_status event\), so there is nothing to review: .* Pull request #7 \(at fedcba9\) contains it/
      )
    ])
  })
})
