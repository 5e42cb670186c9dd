/**
 * The built bundle, spawned the way the runner spawns it, on the machine's Node and on Node 24
 * (the runtime of `using: node24`) where it is installed: a start, a wait, a cancel and bad input.
 * Everything else runs in process (e2e-*.test.ts, reliability.test.ts) and is fast; these few
 * prove that dist/ is what those tests tested.
 */
import { cleanUp, RUNTIMES, runAction, type ActionResult } from '../../scripts/action-runner.mjs'
// @ts-expect-error: a plain ESM script without types; only staleDistFiles is used.
import { staleDistFiles } from '../../scripts/package.mjs'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'
import { exampleInputs, officialRootExamples } from '../fixtures/official-readme.js'

const pushPayload = () => examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)

let sandbox: Sandbox
beforeAll(async () => {
  // Decided by content, not file times: a fresh clone writes every file at once.
  const stale = (staleDistFiles as () => string[])()
  if (stale.length > 0) {
    throw new Error(`dist/ is not what src/ builds to (${stale.join(', ')}): run \`npm run package\` first.`)
  }
  sandbox = await startSandbox()
}, 120_000)
afterAll(() => sandbox?.close())

const results: ActionResult[] = []
afterEach(() => results.splice(0).forEach(cleanUp))

console.info(`Bundle smoke tests on ${RUNTIMES.map(runtime => `Node ${runtime.label}`).join(' and ')}.`)

describe.each(RUNTIMES.map(({ label, node }) => [label, node] as const))('dist/index.js on Node %s', (_, node) => {
  async function act(
    inputs: Record<string, string>,
    onSpawn?: Parameters<typeof runAction>[0]['onSpawn']
  ): Promise<ActionResult> {
    const result = await runAction({
      node,
      eventName: 'push',
      payload: pushPayload(),
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, ...inputs },
      env: { GITHUB_API_URL: sandbox.url },
      onSpawn
    })
    results.push(result)
    return result
  }

  it('starts a run with the exact git context and sets the outputs', async () => {
    sandbox.reset()
    const result = await act({ test_plan_short_id: 'pln_sandbox' })
    expect(result.code).toBe(0)
    expect(sandbox.requests.filter(request => request.path === '/v1/run').map(request => request.body)).toEqual([
      {
        trigger: 'GITHUB',
        actor: 'Codertocat',
        branch: 'master',
        commitHash: (pushPayload() as { after: string }).after,
        commitMessage: 'Initial commit',
        repository: 'Codertocat/Hello-World',
        testPlanShortId: 'pln_sandbox'
      }
    ])
    expect(result.outputs).toMatchObject({ run_created: 'true', run_short_id: 'r001sbx', test_count: '3' })
    expect(result.summary).toMatch(/^## ▶️ QA.tech run started/)
  })

  it('waits for a failing run: exit 1, annotations, outputs and summary', async () => {
    sandbox.reset({
      run: {
        result: 'FAILED',
        testCases: [{ name: 'Pay with a card', result: 'FAILED', resultTitle: 'No pay button' }]
      }
    })
    const result = await act({ blocking: 'true' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'FAILED', failed_count: '1' })
    expect(result.stdout).toMatch(/^::error title=QA.tech%3A Pay with a card::No pay button http/m)
    expect(result.stdout).toMatch(/^::error::1 of 1 test cases failed: Pay with a card\. See http/m)
    expect(result.summary).toMatch(/^## ❌ QA.tech: 1 of 1 test cases failed/)
  })

  it('a workflow cancel (SIGINT) during the wait: reports, exits 1 at once', async () => {
    sandbox.reset({ run: { durationMs: 600_000 } })
    const result = await act({ blocking: 'true' }, (child, output) => {
      const timer = setInterval(() => {
        if (output().includes('Waiting for QA.tech run')) {
          clearInterval(timer)
          child.kill('SIGINT')
        }
      }, 20)
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error::The workflow was cancelled while waiting \d+ s for QA.tech run r001sbx/m)
    expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled while waiting/)
  })

  it('a workflow cancel (SIGINT) during the start request: the run is reported with its link, exit 1', async () => {
    sandbox.reset({ faults: [{ method: 'POST', path: '/v1/run', delayMs: 1_000 }] })
    const result = await act({ blocking: 'true' }, (child, output) => {
      const timer = setInterval(() => {
        if (output().includes('::group::Run request')) {
          clearInterval(timer)
          child.kill('SIGINT')
        }
      }, 20)
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_created: 'true', run_short_id: 'r001sbx' })
    expect(result.stdout).toMatch(/^::error::The workflow was cancelled while QA.tech run r001sbx was being started/m)
  })

  it('preflight: waits for a preview that comes up, then starts the run; stops at Vercel protection', async () => {
    sandbox.reset({ preview: { sites: { up: { readyAfterMs: 1_500 }, locked: { vercel: { secret: 'x' } } } } })
    const ready = await act({ environment_url: `${sandbox.url}/preview/up/` })
    expect(ready.code).toBe(0)
    expect(ready.outputs).toMatchObject({ preflight_status: 'ready', run_created: 'true' })
    const checks = sandbox.requests.filter(request => request.path.startsWith('/preview/up'))
    const start = sandbox.requests.find(request => request.path === '/v1/run')
    expect(checks.length).toBeGreaterThan(1)
    expect(start?.at).toBeGreaterThanOrEqual(checks.at(-1)?.at ?? Infinity)

    sandbox.reset({ preview: { sites: { locked: { vercel: { secret: 'x' } } } } })
    const locked = await act({ environment_url: `${sandbox.url}/preview/locked/` })
    expect(locked.code).toBe(1)
    expect(locked.outputs).toMatchObject({ preflight_status: 'protected', run_created: 'false' })
    expect(locked.stdout).toMatch(/^::error::.*vercel_bypass_secret/m)
    expect(sandbox.requests.filter(request => request.path === '/v1/run')).toEqual([])
  })

  it("the official README's example, with an organization key: projectShortId in the start and every poll", async () => {
    sandbox.reset({ keyScope: 'organization' })
    const inputs = exampleInputs(officialRootExamples['Test plan runs'] ?? '', SANDBOX_TOKEN)
    const result = await act({ ...inputs, blocking: 'true' })
    expect(result.code).toBe(0)
    const calls = sandbox.requests.filter(request => request.path.startsWith('/v1/'))
    expect(calls.length).toBeGreaterThan(1)
    for (const request of calls) {
      const named =
        request.method === 'GET'
          ? request.query.projectShortId
          : (request.body as { projectShortId?: string }).projectShortId
      expect(named).toBe('proj_sandbox')
    }
    expect(result.outputs).toMatchObject({ run_created: 'true', run_result: 'PASSED' })
  })

  it('a hostile run id from QA.tech writes no workflow command: the runner sees no error in a passing run', async () => {
    sandbox.reset({ runShortIds: ['x\n::error::pwned'] })
    const result = await act({ blocking: 'true' })
    expect(result.code).toBe(0)
    expect(
      result.stdout.split('\n').filter(line => line.startsWith('::error') || line.includes('::error::pwned'))
    ).toEqual([])
    expect(result.stdout).toMatch(/^QA.tech run x : :error: :pwned is COMPLETED after/m)
  })

  it('a workflow cancel (SIGINT) while the start waits after a 429: no run was started, said at once', async () => {
    sandbox.reset({ faults: [{ method: 'POST', path: '/v1/run', status: 429, retryAfter: 30 }] })
    const result = await act({ blocking: 'true' }, (child, output) => {
      const timer = setInterval(() => {
        if (output().includes('Trying again in 30 s.')) {
          clearInterval(timer)
          child.kill('SIGINT')
        }
      }, 20)
    })
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([
      '::error::The workflow was cancelled before a run was started: no QA.tech run was started.'
    ])
    expect(sandbox.requests.filter(request => request.path === '/v1/run')).toHaveLength(1)
  })

  it('bad input: one line, exit 1, no request, no stack trace', async () => {
    sandbox.reset()
    const result = await act({ api_token: '' })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::api_token is empty: pass your QA.tech API key/)
    ])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })
})
