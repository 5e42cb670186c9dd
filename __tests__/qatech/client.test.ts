import { ApiError } from '../../src/http/api-error.js'
import { createQaTechClient } from '../../src/qatech/client.js'
import { parseRetryAfter } from '../../src/http/transport.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../../sandbox/server.mjs'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const client = () => createQaTechClient(sandbox.url, SANDBOX_TOKEN)

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected the call to fail')
}

describe('QA.tech client against the sandbox', () => {
  it('starts a run with the bearer token and its own User-Agent', async () => {
    const run = await client().startRun({ trigger: 'GITHUB', branch: 'main' })
    expect(run).toEqual({
      id: expect.any(String),
      shortId: 'r001sbx',
      url: `${sandbox.url}/p/sandbox-project/results/r001sbx`,
      testCount: 3,
      testPlan: { name: 'Checkout flow', shortId: 'pln_sandbox' }
    })
    expect(sandbox.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/run',
      body: { trigger: 'GITHUB', branch: 'main' },
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, 'user-agent': 'qatech-run-action/1.0.0' }
    })
  })

  it('reads a run, with test cases and issues only when asked', async () => {
    const { shortId } = await client().startRun({ trigger: 'GITHUB' })
    const brief = await client().getRun(shortId, { detail: 'status' })
    expect(brief).toMatchObject({ shortId, status: 'COMPLETED', result: 'PASSED', runTestCases: [] })
    const full = await client().getRun(shortId, { detail: 'full' })
    expect(full.runTestCases.map(testCase => testCase.name)).toEqual([
      'Add an item to the cart',
      'Pay with a card',
      'See the order confirmation'
    ])
    expect(sandbox.requests.at(-1)?.query).toEqual({ testCases: 'all', issues: 'all' })
  })

  it('reruns failed test cases as a new run', async () => {
    sandbox.setScenario({ run: { result: 'FAILED', testCases: [{ name: 'a', result: 'FAILED' }, { name: 'b' }] } })
    const { shortId } = await client().startRun({ trigger: 'GITHUB' })
    const rerun = await client().rerun(shortId, { failedOnly: true })
    expect(rerun).toMatchObject({ shortId: 'r002sbx', testCount: 1 })
    expect(sandbox.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/run/${shortId}`,
      body: { failedOnly: true }
    })
  })

  it('lists applications', async () => {
    expect(await client().listApplications()).toEqual([{ shortId: 'app_web', name: 'Web shop', kind: 'web' }])
  })

  it('explains a 401 with where to find the key', async () => {
    const error = await failure(createQaTechClient(sandbox.url, 'wrong').startRun({ trigger: 'GITHUB' }))
    expect(error.status).toBe(401)
    expect(error.message).toBe(
      'QA.tech did not accept the API key (HTTP 401: Invalid or missing API key). Check the api_token secret: it must be a project API key from QA.tech Settings → Integrations → API. With an organization API key (Organization Settings → API Keys), set project_short_id to the project’s short ID (proj_…).'
    )
  })

  it('names the ids it sent on a 404', async () => {
    const error = await failure(
      client().startRun({
        trigger: 'GITHUB',
        testPlanShortId: 'pln_missing',
        applications: [{ applicationShortId: 'app_web', environment: { shortId: 'env_staging' } }]
      })
    )
    expect(error.message).toBe(
      `QA.tech could not find something this run refers to (HTTP 404: Test plan pln_missing not found for POST ${sandbox.url}/v1/run). Sent: test plan pln_missing, application app_web, environment env_staging. Check that each exists in the project the API key belongs to. With an organization API key (Organization Settings → API Keys), set project_short_id to the project’s short ID (proj_…).`
    )
  })

  it.each([
    [402, /usage limit is reached/],
    [403, /suspended, or the API key is read-only — starting runs needs a key with write scope/],
    [400, /^QA.tech rejected the run request \(HTTP 400: Injected fault 400\)/],
    [500, /server error \(HTTP 500: Injected fault 500\)/]
  ])('explains HTTP %i', async (status, message) => {
    sandbox.setScenario({ faults: [{ path: '/v1/run', status }] })
    const error = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(error.status).toBe(status)
    expect(error.message).toMatch(message)
  })

  it('passes on the validation message of a 400 from QA.tech', async () => {
    const error = await failure(client().startRun({ trigger: 'GITHUB', notifications: [] }))
    expect(error.message).toMatch(
      /^QA.tech rejected the run request \(HTTP 400: Invalid request: \/notifications must NOT have fewer than 1 items\)/
    )
  })

  it('says so when an HTML page comes back instead of JSON: a gateway’s for a 5xx, a wrong api_url for a 4xx', async () => {
    sandbox.setScenario({ faults: [{ status: 502, body: '<!DOCTYPE html><html>Bad gateway</html>' }] })
    const gateway = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(gateway).toMatchObject({ kind: 'http', status: 502 })
    expect(gateway.message).toBe(
      'QA.tech answered POST /v1/run with HTTP 502 and an HTML page: QA.tech, or a gateway in front of it, is having trouble.'
    )
    sandbox.setScenario({ faults: [{ status: 404, body: '<!DOCTYPE html><html>Not found</html>' }] })
    const elsewhere = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(elsewhere.message).toBe(
      `QA.tech answered POST /v1/run with HTTP 404 and an HTML page. Check that api_url (${sandbox.url}) is the QA.tech API; if it is, QA.tech may be having trouble.`
    )
  })

  it('says so when a success is not JSON', async () => {
    sandbox.setScenario({ faults: [{ invalidJson: true }] })
    const error = await failure(client().getRun('r001sbx', { detail: 'status' }))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/with a body that is not valid JSON \(starts "\{\\"status\\": \\"RUNN"\)/)
  })

  it('tells an unreachable server from a broken connection and a timeout', async () => {
    const unreachable = await failure(createQaTechClient('http://127.0.0.1:9', 'k').startRun({ trigger: 'GITHUB' }))
    expect(unreachable.kind).toBe('unreachable')
    expect(unreachable.message).toBe(
      "Could not reach QA.tech at http://127.0.0.1:9 (ECONNREFUSED). Check api_url and the runner's network and proxy settings."
    )

    sandbox.setScenario({ faults: [{ reset: true }] })
    const reset = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(reset.kind).toBe('network')
    expect(reset.message).toMatch(/^The connection to QA.tech broke during POST \/v1\/run/)

    sandbox.setScenario({ faults: [{ hang: true }] })
    const timeout = await failure(client().getRun('r001sbx', { detail: 'status', timeoutMs: 300 }))
    expect(timeout.kind).toBe('timeout')
    expect(timeout.message).toBe('QA.tech did not answer GET /v1/run/r001sbx in time (no answer within 0 s).')
  })

  it('keeps Retry-After for the retry policy', async () => {
    sandbox.setScenario({ faults: [{ status: 429, retryAfter: 2 }] })
    const error = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(error.retryAfterMs).toBe(2000)
  })

  it('makes the API message inert in the error text', async () => {
    sandbox.setScenario({ faults: [{ status: 400, body: { message: 'bad\n::error::injected' } }] })
    const error = await failure(client().startRun({ trigger: 'GITHUB' }))
    expect(error.message).toContain('(HTTP 400: bad : :error: :injected)')
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})
