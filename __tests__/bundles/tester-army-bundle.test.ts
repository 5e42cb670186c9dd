/**
 * The built tester-army bundle (dist/tester-army/index.js), spawned the way the runner spawns it,
 * on the machine's Node and on Node 24 where it is installed: a batch with a failed run, a workflow
 * cancel that cancels the remote run, and bad input. Everything else runs in process
 * (testerarmy-e2e.test.ts); bundle-smoke.test.ts checks first that dist/, this bundle included, is
 * what the sources build to.
 */
import { cleanUp, RUNTIMES, runAction, type ActionResult } from '../../scripts/action-runner.mjs'
import { startSandbox, type Sandbox } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { commitMessages, COMMITS, failingRun, PREVIEW_URL, testerArmyEvent } from '../fixtures/testerarmy.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.close())

const results: ActionResult[] = []
afterEach(() => results.splice(0).forEach(cleanUp))

const testerArmyRequests = () => sandbox.requests.filter(request => request.path.startsWith('/testerarmy/'))

describe.each(RUNTIMES.map(({ label, node }) => [label, node] as const))(
  'dist/tester-army/index.js on Node %s',
  (_, node) => {
    async function act(
      event: 'push' | 'deployment_status',
      inputs: Record<string, string>,
      onSpawn?: Parameters<typeof runAction>[0]['onSpawn']
    ): Promise<ActionResult> {
      const [eventName, payload] = testerArmyEvent(event)
      const result = await runAction({
        action: 'tester-army',
        node,
        eventName,
        payload,
        // The sites in these tests do not exist: the preflight is tested in e2e-preflight.test.ts.
        inputs: { api_key: TESTER_ARMY_KEY, api_url: `${sandbox.url}/testerarmy/api`, preflight: 'off', ...inputs },
        env: { GITHUB_API_URL: sandbox.url },
        onSpawn
      })
      results.push(result)
      return result
    }

    it("a group on a Vercel preview with one failed run: the exact request, exit 1, the failure's annotation", async () => {
      sandbox.reset({ commits: commitMessages, testerArmy: { runs: [{}, failingRun] } })
      const result = await act('deployment_status', { group_id: TESTER_ARMY_IDS.group })
      expect(result.code).toBe(1)
      expect(
        testerArmyRequests()
          .filter(request => request.method === 'POST')
          .map(request => request.body)
      ).toEqual([{ targetUrl: PREVIEW_URL, environment: 'preview', commitSha: COMMITS.deployment }])
      expect(result.outputs).toMatchObject({
        batch_id: 'ba000000-0000-4000-8000-000000000001',
        run_status: 'completed',
        result: 'failed',
        passed_count: '1',
        failed_count: '1',
        issue_count: '2'
      })
      expect(result.stdout).toMatch(/^::error title=tester.army%3A Checkout::Paying for an order does not work\.$/m)
      expect(result.stdout).toMatch(/^::error::1 of 2 runs failed: Checkout\./m)
      expect(result.summary).toMatch(/^## ❌ tester.army: 1 of 2 runs failed/)
    })

    it('a workflow cancel (SIGINT) during the wait: cancels the run in tester.army and exits 1', async () => {
      sandbox.reset({ testerArmy: { run: { durationMs: 600_000 } } })
      const result = await act('push', { test_id: TESTER_ARMY_IDS.test }, (child, output) => {
        const timer = setInterval(() => {
          if (output().includes('Waiting for tester.army run')) {
            clearInterval(timer)
            child.kill('SIGINT')
          }
        }, 20)
      })
      expect(result.code).toBe(1)
      expect(
        testerArmyRequests()
          .filter(request => request.path.endsWith('/cancel'))
          .map(request => request.path)
      ).toEqual(['/testerarmy/api/v1/runs/7a000000-0000-4000-8000-000000000001/cancel'])
      expect(result.stdout).toContain('Cancelled the tester.army run.')
      expect(result.summary).toMatch(/^## 🛑 tester.army: the workflow was cancelled while waiting/)
    })

    it('a hostile run id from tester.army writes no workflow command: the runner sees no error in a passing run', async () => {
      sandbox.reset({ commits: commitMessages, testerArmy: { runIds: ['x\n::error::pwned'] } })
      const result = await act('push', { test_id: TESTER_ARMY_IDS.test })
      expect(result.code).toBe(0)
      expect(
        result.stdout.split('\n').filter(line => line.startsWith('::error') || line.includes('::error::pwned'))
      ).toEqual([])
      expect(result.stdout).toMatch(/^tester.army run x : :error: :pwned is completed after/m)
    })

    it('a workflow cancel (SIGINT) while the start waits after a 429: no run was started, said at once', async () => {
      sandbox.reset({
        faults: [{ method: 'POST', path: '/testerarmy/api/v1/tests/', status: 429, retryAfter: 30 }]
      })
      const result = await act('push', { test_id: TESTER_ARMY_IDS.test }, (child, output) => {
        const timer = setInterval(() => {
          if (output().includes('Trying again in 30 s.')) {
            clearInterval(timer)
            child.kill('SIGINT')
          }
        }, 20)
      })
      expect(result.code).toBe(1)
      expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([
        '::error::The workflow was cancelled before a run was started: no tester.army run was started.'
      ])
      expect(testerArmyRequests().filter(request => request.method === 'POST')).toHaveLength(1)
    })

    it('bad input: one line, exit 1, no request, no stack trace', async () => {
      sandbox.reset()
      const result = await act('push', {})
      expect(result.code).toBe(1)
      expect(sandbox.requests).toEqual([])
      expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([
        expect.stringMatching(/^::error::Nothing to run: set exactly one of prompt/)
      ])
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    })
  }
)
