/**
 * `fail_on: new` on the built bundles, as the README's workflow pair runs it: first the push
 * workflow on the base branch (`commit_status: true`), whose status on the branch's newest commit
 * names its run, then the pull request's step, which compares its failures with that run. QA.tech
 * test-plan runs (dist/index.js) and tester.army groups (dist/tester-army/index.js), on the
 * machine's Node and on Node 24 where it is installed. Every rule of the comparison is tested in
 * process (github/baseline.test.ts, verdict/baseline.test.ts); these prove the pair works end to
 * end in what is shipped: the statuses the push writes are the ones the pull request finds.
 */
import { cleanUp, RUNTIMES, runAction, type ActionResult } from '../../scripts/action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import type { TesterArmyRunScript } from '../../sandbox/testerarmy.d.mts'
import type { EventPayload } from '../../src/context/event.js'
import { examplePayload } from '../fixtures/payloads.js'

/** A push to master, the pull request's base branch in the examples: its newest commit is `after`. */
const pushPayload = () => examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
const pullRequestPayload = () => examplePayload('pull_request', p => p.action === 'opened')
const BASE_COMMIT = (pushPayload() as { after: string }).after
const HEAD_COMMIT = (pullRequestPayload() as { pull_request: { head: { sha: string } } }).pull_request.head.sha

/** master's commits as GitHub lists them (the push tested the newest), and the commit messages. */
const GITHUB: PartialScenario = {
  commits: { [HEAD_COMMIT]: 'Update the checkout button' },
  github: { branches: { master: [BASE_COMMIT, 'b'.repeat(40)] } }
}

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.close())

const results: ActionResult[] = []
afterEach(() => results.splice(0).forEach(cleanUp))

/** The error lines of the step's log: its verdict and the error annotations. */
const errors = (result: ActionResult) => result.stdout.split('\n').filter(line => line.startsWith('::error'))

interface ListedStatus {
  state: string
  context: string
  target_url: string | null
  creator: { login: string }
}

/** The base branch's newest commit's statuses, newest first, as GitHub lists them to the pull request's step. */
async function statusesOnBase(): Promise<ListedStatus[]> {
  const answer = await fetch(`${sandbox.url}/repos/Codertocat/Hello-World/commits/${BASE_COMMIT}/statuses`, {
    headers: { authorization: 'token test' }
  })
  return (await answer.json()) as ListedStatus[]
}

/** The base branch's commits read by a step (the look-up for the baseline). */
const baseBranchReads = () => sandbox.requests.filter(request => request.path.endsWith('/commits') && request.query.sha)

describe.each(RUNTIMES.map(({ label, node }) => [label, node] as const))('on Node %s', (_, node) => {
  describe('QA.tech runs (dist/index.js)', () => {
    const testCases = (results: Record<string, 'PASSED' | 'FAILED'>) => ({
      result: Object.values(results).includes('FAILED') ? 'FAILED' : 'PASSED',
      testCases: Object.entries(results).map(([name, result]) => ({
        name,
        result,
        ...(result === 'FAILED' ? { resultTitle: `${name} does not work` } : {})
      }))
    })
    /** master's run: paying and the discount code fail there. */
    const BASELINE = testCases({
      'Add an item to the cart': 'PASSED',
      'Pay with a card': 'FAILED',
      'Apply a discount code': 'FAILED',
      'See the order confirmation': 'PASSED'
    })

    async function act(eventName: string, payload: EventPayload, inputs: Record<string, string>) {
      const result = await runAction({
        node,
        eventName,
        payload,
        inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', commit_status: 'true', ...inputs },
        env: { GITHUB_API_URL: sandbox.url }
      })
      results.push(result)
      return result
    }
    const pullRequest = (run: ReturnType<typeof testCases>, failOn: string) => {
      sandbox.setScenario({ run })
      return act('pull_request', pullRequestPayload(), { fail_on: failOn })
    }

    let baselineRunUrl: string
    beforeAll(async () => {
      sandbox.reset({ ...GITHUB, run: BASELINE })
      const push = await act('push', pushPayload(), {})
      expect(push.code).toBe(1)
      baselineRunUrl = push.outputs.run_url ?? ''
    })

    it("the push on master sets a failure status, by the workflow token's account, linking to its run", async () => {
      expect(await statusesOnBase()).toEqual([
        expect.objectContaining({
          state: 'failure',
          context: 'QA.tech / Checkout flow',
          target_url: baselineRunUrl,
          creator: expect.objectContaining({ login: 'github-actions[bot]' })
        }),
        expect.objectContaining({ state: 'pending', context: 'QA.tech / Checkout flow' })
      ])
    })

    it('every failure already on master: exit 0, the reason in the log and the summary', async () => {
      const result = await pullRequest(BASELINE, 'new')
      expect(result.code).toBe(0)
      expect(errors(result)).toEqual([])
      expect(result.stdout).toContain(
        '2 test cases fail, both already failing on master at 6113728 — not caused by this pull request: ' +
          `Pay with a card, Apply a discount code. Baseline run: ${baselineRunUrl}`
      )
      expect(result.outputs).toMatchObject({
        failed_count: '2',
        new_failed_count: '0',
        known_failed_count: '2',
        baseline_run_url: baselineRunUrl
      })
      expect(result.summary).toMatch(
        /^> 2 test cases fail, both already failing on .*master.* — not caused by this pull request\./m
      )
      expect(result.summary).toContain(`(${baselineRunUrl})`)
    })

    it('the same run with fail_on: any: exit 1, nothing compared, no base branch read', async () => {
      const reads = baseBranchReads().length
      const result = await pullRequest(BASELINE, 'any')
      expect(result.code).toBe(1)
      expect(errors(result)).toContainEqual(
        expect.stringMatching(/^::error::2 of 4 test cases failed: Pay with a card, Apply a discount code\./)
      )
      expect(result.outputs).toMatchObject({
        failed_count: '2',
        new_failed_count: '',
        known_failed_count: '',
        baseline_run_url: ''
      })
      expect(baseBranchReads()).toHaveLength(reads)
    })

    it('one new failure and one known: exit 1, the new one named first, an error for it and a warning for the known one', async () => {
      const result = await pullRequest(
        testCases({
          'Add an item to the cart': 'PASSED',
          'Pay with a card': 'FAILED',
          'Apply a discount code': 'PASSED',
          'See the order confirmation': 'FAILED'
        }),
        'new'
      )
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({
        failed_count: '2',
        new_failed_count: '1',
        known_failed_count: '1',
        baseline_run_url: baselineRunUrl
      })
      expect(errors(result)).toEqual([
        expect.stringMatching(
          /^::error title=QA.tech%3A See the order confirmation::See the order confirmation does not work/
        ),
        expect.stringMatching(
          /^::error::2 of 4 test cases failed: 1 new \(See the order confirmation\); 1 already failing on master at 6113728 \(Pay with a card\)\. See http/
        )
      ])
      expect(result.stdout).toMatch(
        /^::warning title=QA.tech%3A Pay with a card::Already failing on master at 6113728/m
      )
    })
  })

  describe('tester.army groups (dist/tester-army/index.js)', () => {
    /** The group's saved tests: their runs name them by `testId`, the same in every batch. */
    const TESTS = [
      { id: '11111111-1111-4111-8111-111111111111', name: 'Sign in' },
      { id: '22222222-2222-4222-8222-222222222222', name: 'Checkout' },
      { id: '33333333-3333-4333-8333-333333333333', name: 'Search' }
    ]
    const outcome = (failed: boolean): TesterArmyRunScript =>
      failed ? { output: { result: 'FAILED', description: 'It does not work.' } } : {}
    /**
     * The next batch's runs, in the group's order, with these tests failing: the sandbox scripts
     * runs by the order they are started in, after those of the batches started before.
     */
    function nextBatch(...failing: string[]): void {
      const batches = sandbox.requests.filter(
        request => request.method === 'POST' && /\/groups\/[^/]+\/runs$/.test(request.path)
      )
      const before = Array.from({ length: batches.length * TESTS.length }, (): TesterArmyRunScript => ({}))
      sandbox.setScenario({
        testerArmy: { runs: [...before, ...TESTS.map(test => outcome(failing.includes(test.name)))] }
      })
    }

    async function act(eventName: string, payload: EventPayload, inputs: Record<string, string>) {
      const result = await runAction({
        action: 'tester-army',
        node,
        eventName,
        payload,
        inputs: {
          api_key: TESTER_ARMY_KEY,
          api_url: `${sandbox.url}/testerarmy/api`,
          group_id: TESTER_ARMY_IDS.group,
          target_url: 'https://shop.example.com',
          // The site does not exist: the preflight is tested in e2e-preflight.test.ts.
          preflight: 'off',
          commit_status: 'true',
          ...inputs
        },
        env: { GITHUB_API_URL: sandbox.url }
      })
      results.push(result)
      return result
    }
    const pullRequest = (failOn: string, ...failing: string[]) => {
      nextBatch(...failing)
      return act('pull_request', pullRequestPayload(), { fail_on: failOn })
    }

    beforeAll(async () => {
      sandbox.reset({ ...GITHUB, testerArmy: { groups: [{ id: TESTER_ARMY_IDS.group, name: 'Smoke', tests: TESTS }] } })
      nextBatch('Sign in', 'Checkout')
      const push = await act('push', pushPayload(), {})
      expect(push.code).toBe(1)
    })

    /** The address master's status links to: its batch and runs, in tester.army's API. */
    const baselineAddress = async () => (await statusesOnBase())[0]?.target_url

    it("the push on master sets a failure status, by the workflow token's account, linking to its batch", async () => {
      const [status] = await statusesOnBase()
      expect(status).toMatchObject({ state: 'failure', creator: { login: 'github-actions[bot]' } })
      expect(status?.context).toMatch(/^tester\.army/)
      expect(status?.target_url).toBe(
        `${sandbox.url}/testerarmy/api/v1/batches/ba000000-0000-4000-8000-000000000001?runIds=` +
          ['1', '2', '3'].map(n => `7a000000-0000-4000-8000-00000000000${n}`).join(',')
      )
    })

    it('every failure already on master: exit 0, the reason in the log and the summary', async () => {
      const result = await pullRequest('new', 'Sign in', 'Checkout')
      expect(result.code).toBe(0)
      expect(errors(result)).toEqual([])
      expect(result.stdout).toContain(
        '2 runs fail, both already failing on master at 6113728 — not caused by this pull request: Sign in, Checkout.'
      )
      expect(result.outputs).toMatchObject({
        failed_count: '2',
        new_failed_count: '0',
        known_failed_count: '2',
        baseline_run_url: await baselineAddress()
      })
      expect(result.summary).toMatch(
        /^> 2 runs fail, both already failing on .*master.* — not caused by this pull request\./m
      )
    })

    it('the same batch with fail_on: any: exit 1, nothing compared', async () => {
      const result = await pullRequest('any', 'Sign in', 'Checkout')
      expect(result.code).toBe(1)
      expect(errors(result)).toContainEqual(expect.stringMatching(/^::error::2 of 3 runs failed: Sign in, Checkout\./))
      expect(result.outputs).toMatchObject({ new_failed_count: '', known_failed_count: '', baseline_run_url: '' })
    })

    it('one new failure and one known: exit 1, the new one named first, an error for it and a warning for the known one', async () => {
      const result = await pullRequest('new', 'Checkout', 'Search')
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({
        failed_count: '2',
        new_failed_count: '1',
        known_failed_count: '1',
        baseline_run_url: await baselineAddress()
      })
      expect(errors(result)).toEqual([
        expect.stringMatching(/^::error title=tester.army%3A Search::It does not work\./),
        expect.stringMatching(
          /^::error::2 of 3 runs failed: 1 new \(Search\); 1 already failing on master at 6113728 \(Checkout\)\./
        )
      ])
      expect(result.stdout).toMatch(/^::warning title=tester.army%3A Checkout::Already failing on master at 6113728/m)
    })
  })
})
