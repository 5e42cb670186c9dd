/**
 * The sandbox's tester.army endpoints against tester.army's own OpenAPI file: every answer the
 * action reads has the published shape, and a request the published schemas reject is rejected
 * here too, so the end-to-end tests cannot pass against a looser API than the real one.
 */
import { startSandbox, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY, testerArmyResponseValidators as schemas } from '../../sandbox/testerarmy.mjs'
import { brokenRun, failingRun } from '../fixtures/testerarmy.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const api = () => `${sandbox.url}/testerarmy/api/v1`
const headers = (key = TESTER_ARMY_KEY) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' })

async function call(method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
  const response = await fetch(`${api()}${path}`, {
    method,
    headers: headers(key),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

function expectShape(validator: keyof typeof schemas, body: unknown): void {
  const validate = schemas[validator]
  const valid = validate(body)
  if (!valid) throw new Error(`${validator}: ${JSON.stringify(validate.errors)}`)
}

const pullRequestRun = {
  targetUrl: 'https://pr-2.preview.example.com',
  pullRequest: { number: 2, title: 'Update the README', commitSha: 'ec26c3e' }
}

describe('answers have the published shapes', () => {
  it.each([
    ['SubmitRunResponse', '/runs', { prompt: 'Log in', webhookUrl: 'https://hooks.example.com/ta' }],
    ['TestRunResponse', `/tests/${TESTER_ARMY_IDS.test}/runs`, { mode: 'fast' }],
    [
      'GroupRunResponse',
      `/groups/${TESTER_ARMY_IDS.group}/runs`,
      { targetUrl: 'https://shop.example.com', environment: 'preview', commitSha: 'abc', prNumber: 2 }
    ],
    ['PullRequestRunResponse', `/projects/${TESTER_ARMY_IDS.projectShortId}/pull-request-runs`, pullRequestRun]
  ] as const)('%s for POST %s', async (validator, path, body) => {
    sandbox.reset()
    const answer = await call('POST', path, body)
    expect(answer.status).toBe(202)
    expectShape(validator, answer.body)
  })

  it.each<[string, PartialScenario['testerArmy']]>([
    ['queued', { run: { queuedMs: 60_000, durationMs: 120_000 } }],
    ['running', { run: { durationMs: 120_000 } }],
    ['completed, PASS', {}],
    ['completed, FAILED with issues and steps', { run: failingRun }],
    ['completed, planner_skipped', { run: { output: { kind: 'planner_skipped', reason: 'Only docs changed' } } }],
    ['failed', { run: brokenRun }],
    ['cancelled', { run: { finalStatus: 'cancelled' } }]
  ])('RunResponse when %s', async (_state, testerArmy) => {
    sandbox.reset({ testerArmy })
    const started = await call('POST', `/tests/${TESTER_ARMY_IDS.test}/runs`, {})
    const run = await call('GET', `/runs/${String(started.body.runId)}`)
    expect(run.status).toBe(200)
    expectShape('RunResponse', run.body)
    const output = run.body.output as Record<string, unknown> | null
    if (output !== null) expectShape(output.kind === 'planner_skipped' ? 'PlannerSkippedOutput' : 'TestOutput', output)
  })

  it('a cancel, a second cancel (409) and a batch cancel', async () => {
    sandbox.reset({ testerArmy: { run: { durationMs: 120_000 } } })
    const single = await call('POST', `/tests/${TESTER_ARMY_IDS.test}/runs`, {})
    const cancelled = await call('POST', `/runs/${String(single.body.runId)}/cancel`)
    expect(cancelled).toEqual({ status: 200, body: { id: single.body.runId, status: 'cancelled' } })
    expectShape('CancelResponse', cancelled.body)
    const again = await call('POST', `/runs/${String(single.body.runId)}/cancel`)
    expect(again.status).toBe(409)
    expectShape('ErrorResponse', again.body)

    const batch = await call('POST', `/groups/${TESTER_ARMY_IDS.group}/runs`, {})
    const batchCancel = await call('POST', `/batches/${String(batch.body.batchId)}/cancel`)
    expect(batchCancel.body).toMatchObject({ cancelled: 2, alreadyFinished: 0 })
    expectShape('BatchCancelResponse', batchCancel.body)
  })
})

describe('requests are checked as tester.army checks them', () => {
  beforeEach(() => sandbox.reset())

  it.each([
    ['an empty prompt', '/runs', { prompt: '' }, /^prompt: /],
    [
      'a prompt run with credentials (not in the seed schema)',
      '/runs',
      { prompt: 'x', credentials: [] },
      /credentials/
    ],
    ['a URL on a saved test', `/tests/${TESTER_ARMY_IDS.test}/runs`, { targetUrl: 'https://x.example' }, /targetUrl/],
    [
      'an environment outside the enum',
      `/groups/${TESTER_ARMY_IDS.group}/runs`,
      { environment: 'Preview' },
      /environment/
    ],
    ['a pull number of 0', `/groups/${TESTER_ARMY_IDS.group}/runs`, { prNumber: 0 }, /prNumber/],
    [
      'a pull-request run without a URL',
      `/projects/${TESTER_ARMY_IDS.project}/pull-request-runs`,
      { pullRequest: pullRequestRun.pullRequest },
      /targetUrl/
    ],
    [
      'a title over 500 characters',
      `/projects/${TESTER_ARMY_IDS.project}/pull-request-runs`,
      { ...pullRequestRun, pullRequest: { ...pullRequestRun.pullRequest, title: 'x'.repeat(501) } },
      /title/
    ],
    ['a test id that is no UUID', '/tests/checkout/runs', {}, /testId: Invalid uuid/],
    ['malformed JSON', '/runs', '{"prompt": ', /Malformed JSON/]
  ])('%s: 400 ValidationError', async (_name, path, body, message) => {
    const answer = await call('POST', path, body)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: 'ValidationError', message: expect.stringMatching(message) })
  })

  it('a wrong key: 401, nothing started', async () => {
    const answer = await call('POST', `/tests/${TESTER_ARMY_IDS.test}/runs`, {}, 'sk_wrong')
    expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized', message: 'Invalid or missing API key' } })
    const run = await call('GET', '/runs/7a000000-0000-4000-8000-000000000001')
    expect(run.status).toBe(404)
  })

  it('unknown ids: 404 naming what was not found', async () => {
    const answer = await call('POST', '/groups/00000000-0000-4000-8000-00000000dead/runs', {})
    expect(answer).toEqual({ status: 404, body: { error: 'NotFound', message: 'Group not found' } })
  })
})

describe('scripted runs', () => {
  it('a status per GET, the last one repeating', async () => {
    sandbox.reset({ testerArmy: { run: { statusSequence: ['queued', 'running', 'completed'] } } })
    const started = await call('POST', `/tests/${TESTER_ARMY_IDS.test}/runs`, {})
    const statuses: unknown[] = []
    for (let index = 0; index < 4; index += 1) {
      statuses.push((await call('GET', `/runs/${String(started.body.runId)}`)).body.status)
    }
    expect(statuses).toEqual(['queued', 'running', 'completed', 'completed'])
  })

  it("a batch's runs follow `runs` in order", async () => {
    sandbox.reset({ testerArmy: { runs: [brokenRun, failingRun] } })
    const batch = await call('POST', `/groups/${TESTER_ARMY_IDS.group}/runs`, {})
    const [first, second] = await Promise.all(
      (batch.body.runIds as string[]).map(id => call('GET', `/runs/${id}`).then(answer => answer.body))
    )
    expect(first).toMatchObject({ status: 'failed', error: { code: 'BROWSER_CRASHED' }, output: null })
    expect(second).toMatchObject({ status: 'completed', output: { featureName: 'Checkout', result: 'FAILED' } })
  })
})
