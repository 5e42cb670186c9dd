/**
 * retry_failed through `run()`: a failed run's failed, skipped and errored test cases get more
 * tries as new QA.tech runs; the verdict is the last attempt's, and a test that failed and then
 * passed is flaky everywhere it is reported.
 */
import { readFileSync } from 'node:fs'
import { SANDBOX_TOKEN, type PartialScenario } from '../../sandbox/server.mjs'
import { parseSettings } from '../../src/qatech/settings.js'
import { createQaTechService } from '../../src/qatech/service.js'
import type { Service } from '../../src/service/service.js'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const agentMiss = {
  run: {
    result: 'FAILED',
    testCases: [
      { name: 'Add an item to the cart', result: 'PASSED' },
      { name: 'Apply a coupon', result: 'FAILED', resultTitle: 'The agent got stuck', errorCode: 'AGENT_STUCK' }
    ]
  }
}

async function act(scenario: PartialScenario, inputs: Record<string, string>): Promise<InProcessResult> {
  sandbox.reset(scenario)
  const result = await runInProcess({
    clock,
    eventName: 'push',
    payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
    inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', ...inputs },
    env: { GITHUB_API_URL: sandbox.url }
  })
  results.push(result)
  return result
}

const starts = () =>
  sandbox.requests
    .filter(request => request.method === 'POST')
    .map(request => `${request.path} ${JSON.stringify(request.body)}`)

describe('retry_failed, in process', () => {
  it('turns an agent miss into a pass marked flaky, rerunning only what failed', async () => {
    const result = await act(
      { ...agentMiss, reruns: [{ result: 'PASSED', testCases: { 'Apply a coupon': { result: 'PASSED' } } }] },
      { retry_failed: '1' }
    )
    expect(result.code).toBe(0)
    expect(starts()).toEqual([expect.stringMatching(/^\/v1\/run \{/), '/v1/run/r001sbx {"failedOnly":true}'])
    expect(result.outputs).toMatchObject({
      run_short_id: 'r002sbx',
      run_result: 'PASSED',
      passed_count: '2',
      failed_count: '0',
      flaky_count: '1'
    })
    expect(result.stdout).toContain('Retry 1 of 1: QA.tech run r002sbx reruns what failed in QA.tech run r001sbx.')
    expect(result.stdout).toContain(
      'QA.tech run r002sbx passed: 2 of 2 test cases passed (1 flaky: failed, then passed on a retry).'
    )
    expect(result.summary).toMatch(/^## ✅ QA.tech: all 2 test cases passed \(1 flaky\)/)
    expect(result.summary).toContain('**Earlier attempts:** [QA.tech run r001sbx](')
    expect(result.summary).toContain('| ✅ Passed (flaky) | [Apply a coupon](')
    expect(result.summary).toContain('Failed on an earlier attempt (AGENT\\_STUCK), passed on a retry')
    const file = JSON.parse(readFileSync(result.outputs.results_file ?? '', 'utf8'))
    expect(file.outcome).toMatchObject({ result: 'PASSED', succeeded: true })
  })

  it('a failure that stays: the last attempt fails the step, after the retries allowed', async () => {
    const result = await act(agentMiss, { retry_failed: '2' })
    expect(result.code).toBe(1)
    expect(starts()).toHaveLength(3)
    expect(result.outputs).toMatchObject({
      run_result: 'FAILED',
      failed_count: '1',
      passed_count: '1',
      flaky_count: '0'
    })
    expect(result.summary).toContain('**Earlier attempts:** [QA.tech run r001sbx](')
    expect(result.summary).toMatch(/\[QA.tech run r002sbx\]\([^)]*\) \(this run retried/)
  })

  it('a retry that cannot start leaves the failed run the verdict, reported everywhere', async () => {
    const result = await act(
      { ...agentMiss, faults: [{ method: 'POST', path: '/v1/run/r001sbx', status: 500 }] },
      { retry_failed: '1' }
    )
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_short_id: 'r001sbx', run_result: 'FAILED', failed_count: '1' })
    expect(result.stdout).toMatch(
      /::warning::Could not retry what failed in QA.tech run r001sbx: QA.tech had a server error/
    )
    expect(result.stdout).toMatch(/::error::1 of 2 test cases failed: Apply a coupon\./)
    expect(result.summary).toMatch(/^## ❌ QA.tech: 1 of 2 test cases failed/)
  })

  it('is off by default: a failed run is not rerun', async () => {
    const result = await act(agentMiss, {})
    expect(result.code).toBe(1)
    expect(starts()).toHaveLength(1)
  })

  it('a passing run is not rerun', async () => {
    const result = await act({}, { retry_failed: '3' })
    expect(result.code).toBe(0)
    expect(starts()).toHaveLength(1)
  })

  it('rejects a retry count out of range before any request', async () => {
    const result = await act({}, { retry_failed: '5' })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    expect(result.stdout).toContain('retry_failed must be a whole number of retries at least 0 and at most 3, not "5".')
  })
})

describe('rerunning what failed: decided from the run, never from the words of an answer', () => {
  /** The QA.tech service against the sandbox, with a run of `scenario` started and finished. */
  async function finishedRun(scenario: PartialScenario): Promise<{ service: Service; id: string }> {
    sandbox.reset(scenario)
    const inputs: Record<string, string> = { api_token: SANDBOX_TOKEN, api_url: sandbox.url }
    const settings = await parseSettings(name => inputs[name] ?? '', {
      eventName: 'push',
      isForkPullRequest: false,
      isDependabot: false
    })
    const service = createQaTechService(settings, {
      clock,
      deadline: Infinity,
      log: () => undefined,
      warn: () => undefined
    })
    const run = await service.start({ git: { commitMessageFromApi: false }, preview: undefined })
    return { service, id: run.id }
  }
  const reruns = (id: string) =>
    sandbox.requests.filter(request => request.method === 'POST' && request.path === `/v1/run/${id}`)
  const noContext = { git: { commitMessageFromApi: false }, preview: undefined }

  it('a run whose test cases all passed has nothing to rerun: no rerun request, the same run is handed back to report', async () => {
    const { service, id } = await finishedRun({})
    await expect(service.rerunFailed?.({ id, url: '' }, noContext)).resolves.toMatchObject({ id })
    expect(reruns(id)).toEqual([])
  })

  it('a run that has not finished has nothing to rerun yet: no rerun request, the same run is handed back to wait for', async () => {
    const { service, id } = await finishedRun({ run: { durationMs: 3_600_000 } })
    await expect(service.rerunFailed?.({ id, url: '' }, noContext)).resolves.toMatchObject({ id })
    expect(reruns(id)).toEqual([])
  })

  it('a run with a failure is rerun; a 400 on the rerun is a rejected request, whatever its words', async () => {
    const { service, id } = await finishedRun({
      ...agentMiss,
      // Words that once decided "nothing to rerun", on a run that has a failure to rerun.
      faults: [{ method: 'POST', path: '/v1/run/r001sbx', status: 400, body: { message: 'Nothing to rerun' } }]
    })
    await expect(service.rerunFailed?.({ id, url: '' }, noContext)).rejects.toThrow(
      /^QA.tech rejected the run request \(HTTP 400: Nothing to rerun\)/
    )
    expect(reruns(id).map(request => request.body)).toEqual([{ failedOnly: true }])
  })
})
