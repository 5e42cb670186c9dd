import { SANDBOX_TOKEN, responseValidators, startSandbox, type Sandbox } from '../../sandbox/server.mjs'

/** The sandbox stands in for QA.tech in every test, so it must answer as QA.tech documents. */
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function call(method: string, path: string, body?: unknown, token = SANDBOX_TOKEN) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('sandbox', () => {
  it("answers with QA.tech's published response schemas", async () => {
    const start = await call('POST', '/v1/run', { trigger: 'GITHUB', branch: 'main' })
    expect(responseValidators.RunResponse(start.body)).toBe(true)
    const shortId = (start.body.run as { shortId: string }).shortId
    const run = await call('GET', `/v1/run/${shortId}?testCases=all&issues=all`)
    expect(responseValidators.GetRunResponse(run.body)).toBe(true)
    const rerun = await call('POST', `/v1/run/${shortId}`, {})
    expect(responseValidators.RerunResponse(rerun.body)).toBe(true)
  })

  it('rejects a wrong token and bodies that do not match the documented request', async () => {
    expect((await call('POST', '/v1/run', {}, 'wrong')).status).toBe(401)
    const bad = await call('POST', '/v1/run', { trigger: 'CI', testPlanShortId: 'plan', branchName: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/\/trigger must be equal to one of the allowed values/)
    expect(bad.body.message).toMatch(/\/testPlanShortId must match pattern/)
    expect(bad.body.message).toMatch(/must NOT have additional properties \(branchName\)/)
    const rerun = await call('POST', '/v1/run/r001sbx', {})
    expect(rerun.status).toBe(404)
  })

  it('moves a run through INITIATED and RUNNING to the scripted end, by status sequence', async () => {
    sandbox.setScenario({ run: { statusSequence: ['INITIATED', 'RUNNING', 'COMPLETED'], result: 'FAILED' } })
    const start = await call('POST', '/v1/run', {})
    const shortId = (start.body.run as { shortId: string }).shortId
    const seen = []
    for (let poll = 0; poll < 4; poll += 1) seen.push((await call('GET', `/v1/run/${shortId}`)).body)
    expect(seen.map(body => [body.status, body.result])).toEqual([
      ['INITIATED', null],
      ['RUNNING', null],
      ['COMPLETED', 'FAILED'],
      ['COMPLETED', 'FAILED']
    ])
  })

  it('injects faults in order, each as often as asked', async () => {
    sandbox.setScenario({ faults: [{ path: '/v1/applications', status: 503, retryAfter: 2, times: 2 }] })
    const first = await fetch(`${sandbox.url}/v1/applications`, {
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}` }
    })
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2'])
    expect((await call('GET', '/v1/applications')).status).toBe(503)
    expect((await call('GET', '/v1/applications')).status).toBe(200)
  })
})
