/**
 * The preflight through `run()`: the site under test answers before a run is spent. Against the
 * sandbox's preview sites on the virtual clock; the rules themselves are in preflight*.test.ts.
 */
import { SANDBOX_TOKEN, startSandbox, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'
import { startRefusingSite } from '../../sandbox/preview.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, virtualClock, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const commandLines = (stdout: string, command: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}`))
const previewRequests = () => sandbox.requests.filter(request => request.path.startsWith('/preview/'))
const startRequests = () => sandbox.requests.filter(request => request.method === 'POST' && request.path === '/v1/run')

async function act(
  scenario: PartialScenario,
  inputs: Record<string, string>,
  cancelWhen?: (stdout: string) => boolean
): Promise<InProcessResult> {
  sandbox.reset(scenario)
  const result = await runInProcess({
    clock,
    eventName: 'push',
    payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
    inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, ...inputs },
    env: { GITHUB_API_URL: sandbox.url },
    cancelWhen
  })
  results.push(result)
  return result
}

const site = (name: string) => `${sandbox.url}/preview/${name}/`

describe('preflight, in process', () => {
  it('a preview that answers 503 for a few seconds: the run starts only after it answers 200', async () => {
    const result = await act({ preview: { sites: { pr: { readyAfterMs: 8_000 } } } }, { environment_url: site('pr') })
    expect(result.code).toBe(0)
    const [firstCheck] = previewRequests()
    const lastCheck = previewRequests().at(-1)
    const [start] = startRequests()
    expect(previewRequests().length).toBeGreaterThan(2)
    expect(start?.at).toBeGreaterThanOrEqual((firstCheck?.at ?? 0) + 8_000)
    expect(start?.at).toBeGreaterThanOrEqual(lastCheck?.at ?? Infinity)
    expect(result.outputs.preflight_status).toBe('ready')
    expect(Number(result.outputs.preflight_seconds)).toBeGreaterThanOrEqual(8)
    expect(result.summary).toMatch(/\*\*Preflight:\*\* .*answered 200 after \d+ s \\\(\d+ checks\\\)/)
  })

  it('Vercel protection without a secret: stops before any run and names vercel_bypass_secret', async () => {
    const result = await act(
      { preview: { sites: { pr: { vercel: { secret: 's3cret' } } } } },
      { environment_url: site('pr') }
    )
    expect(result.code).toBe(1)
    expect(startRequests()).toEqual([])
    expect(result.outputs).toMatchObject({ preflight_status: 'protected', run_created: 'false' })
    const [error] = commandLines(result.stdout, 'error')
    expect(error).toMatch(/vercel_bypass_secret/)
    expect(result.summary).toMatch(/^## 🔒 QA.tech: the site is protected — no run was started/)
  })

  it('the right bypass secret passes, sent in the header and never printed', async () => {
    const secret = 'r1ght-s3cret'
    const result = await act(
      { preview: { sites: { pr: { vercel: { secret } } } } },
      { environment_url: site('pr'), vercel_bypass_secret: secret }
    )
    expect(result.code).toBe(0)
    expect(result.outputs.preflight_status).toBe('ready')
    const received = (await (await fetch(`${sandbox.url}/preview/__requests`)).json()) as {
      requests: { headers: Record<string, string | undefined> }[]
    }
    expect(received.requests.map(request => request.headers['x-vercel-protection-bypass'])).toContain(secret)
    expect(
      previewRequests().every(
        request => !request.path.includes(secret) && !JSON.stringify(request.query).includes(secret)
      )
    ).toBe(true)
    const printed = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(printed.filter(line => line.includes(secret))).toEqual([])
    expect(result.summary).not.toContain(secret)
    expect(startRequests()).toHaveLength(1)
  })

  it('a refused bypass secret is named as refused', async () => {
    const result = await act(
      { preview: { sites: { pr: { vercel: { secret: 'current' } } } } },
      { environment_url: site('pr'), vercel_bypass_secret: 'rotated' }
    )
    expect(result.code).toBe(1)
    expect(startRequests()).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(/refused .*bypass secret|bypass secret.*(refused|wrong)/i)
    ])
  })

  it('a site that never answers: fails with the status it gave and no run (wait)', async () => {
    const result = await act(
      { preview: { sites: { pr: { readyAfterMs: null, before: 503 } } } },
      { environment_url: site('pr'), preflight_timeout_seconds: '30' }
    )
    expect(result.code).toBe(1)
    expect(startRequests()).toEqual([])
    expect(result.outputs.preflight_status).toBe('not-ready')
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(/503 for .*No QA.tech run was started/)
    ])
    expect(result.summary).toMatch(/^## ⏳ QA.tech: the site did not answer — no run was started/)
  })

  it('a site that never answers: warns and starts the run anyway (warn)', async () => {
    const result = await act(
      { preview: { sites: { pr: { readyAfterMs: null, before: 503 } } } },
      { environment_url: site('pr'), preflight: 'warn', preflight_timeout_seconds: '30' }
    )
    expect(result.code).toBe(0)
    expect(startRequests()).toHaveLength(1)
    expect(result.outputs.preflight_status).toBe('not-ready')
    expect(commandLines(result.stdout, 'warning')).toEqual([expect.stringMatching(/503/)])
  })

  it('off: nothing is sent to the site', async () => {
    const result = await act(
      { preview: { sites: { pr: { readyAfterMs: null } } } },
      { environment_url: site('pr'), preflight: 'off' }
    )
    expect(result.code).toBe(0)
    expect(previewRequests()).toEqual([])
    expect(result.outputs.preflight_status).toBe('off')
  })

  it('a refused connection is retried, then reported', async () => {
    const refusing = await startRefusingSite()
    try {
      const result = await act({}, { environment_url: refusing.url, preflight_timeout_seconds: '20' })
      expect(result.code).toBe(1)
      expect(startRequests()).toEqual([])
      expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(/connection refused/i)])
    } finally {
      await refusing.close()
    }
  })

  it('a workflow cancel during the wait ends the step at once, no run, and the summary says so', async () => {
    const result = await act(
      { preview: { sites: { pr: { readyAfterMs: null } } } },
      { environment_url: site('pr') },
      stdout => previewRequests().length >= 2 && stdout.length > 0
    )
    expect(result.code).toBe(1)
    expect(startRequests()).toEqual([])
    expect(result.tookMs).toBeLessThan(60_000)
    expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled before a run was started/)
  })

  it('two application URLs are both checked', async () => {
    const config = JSON.stringify({
      applications: {
        app_web: { environment: { url: site('web') } },
        app_admin: { environment: { url: site('admin') } }
      }
    })
    const result = await act(
      {
        applications: [
          { shortId: 'app_web', name: 'Web', kind: 'web' },
          { shortId: 'app_admin', name: 'Admin', kind: 'web' }
        ],
        preview: { sites: { web: {}, admin: { readyAfterMs: 3_000 } } }
      },
      { applications_config: config }
    )
    expect(result.code).toBe(0)
    const checked = new Set(previewRequests().map(request => request.path.split('/')[2]))
    expect(checked).toEqual(new Set(['web', 'admin']))
    expect(result.outputs.preflight_status).toBe('ready')
  })

  it("tester.army's target_url gets the same check: the run starts once the site answers", async () => {
    sandbox.reset({ preview: { sites: { pr: { readyAfterMs: 4_000 } } } })
    const result = await runInProcess({
      clock,
      action: testerArmyAction,
      actionFolder: 'tester-army',
      eventName: 'push',
      payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
      inputs: {
        api_key: TESTER_ARMY_KEY,
        api_url: `${sandbox.url}/testerarmy/api`,
        group_id: TESTER_ARMY_IDS.group,
        target_url: site('pr')
      },
      env: { GITHUB_API_URL: sandbox.url }
    })
    results.push(result)
    expect(result.outputs.preflight_status).toBe('ready')
    const start = sandbox.requests.find(request => request.method === 'POST' && request.path.startsWith('/testerarmy/'))
    expect(start?.at).toBeGreaterThanOrEqual(previewRequests().at(-1)?.at ?? Infinity)
    expect(previewRequests().length).toBeGreaterThan(1)
  })
})

describe('preflight: slow redirects, in process', () => {
  // A site whose answers are slow on the virtual clock: the sandbox waits on the step's own clock.
  let slow: Sandbox
  const slowClock = virtualClock()
  beforeAll(async () => {
    slow = await startSandbox({ now: () => slowClock.now(), sleep: ms => slowClock.sleep(ms) })
  })
  afterAll(() => slow.close())

  it('a chain of slow redirects is not followed past the timeout: the check ends within 10 s of it', async () => {
    slow.reset({ preview: { sites: { pr: { redirects: 5, status: 503, delayMs: 5_000 } } } })
    const result = await runInProcess({
      clock: slowClock,
      eventName: 'push',
      payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
      inputs: {
        api_token: SANDBOX_TOKEN,
        api_url: slow.url,
        environment_url: `${slow.url}/preview/pr/`,
        preflight_timeout_seconds: '5'
      },
      env: { GITHUB_API_URL: slow.url }
    })
    results.push(result)
    expect(result.code).toBe(1)
    expect(result.outputs.preflight_status).toBe('not-ready')
    expect(slow.requests.filter(request => request.path === '/v1/run')).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(/was not ready: redirected 3 times without a page in time .*No QA.tech run was started/)
    ])
    // Six answers of 5 s each made this one check last 30 s; docs/preflight.md promises 10 s past the timeout.
    expect(slow.requests.filter(request => request.path.startsWith('/preview/pr/'))).toHaveLength(3)
    expect(result.tookMs).toBeLessThan((5 + 10 + 1) * 1_000)
  })
})
