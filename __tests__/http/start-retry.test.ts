import { ApiError } from '../../src/http/api-error.js'
import { createQaTechClient } from '../../src/qatech/client.js'
import { startWithRetry } from '../../src/http/start-retry.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../../sandbox/server.mjs'
import type { Clock } from '../../src/util/clock.js'

/** A clock that records the waits instead of waiting. */
function fakeClock(): Clock & { waits: number[] } {
  const waits: number[] = []
  return { waits, now: () => 0, sleep: async ms => void waits.push(ms) }
}

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const startRuns = () =>
  sandbox.requests.filter(request => request.method === 'POST' && request.path === '/v1/run').length

describe('startWithRetry', () => {
  it('waits out 503 and 429 with Retry-After, then starts one run', async () => {
    sandbox.setScenario({
      faults: [
        { status: 503, retryAfter: 3 },
        { status: 429, retryAfter: 1 }
      ]
    })
    const clock = fakeClock()
    const retries: string[] = []
    const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
    const run = await startWithRetry(
      () => client.startRun({ trigger: 'GITHUB' }),
      clock,
      message => retries.push(message),
      Infinity
    )
    expect(run.shortId).toBe('r001sbx')
    expect(clock.waits).toEqual([3000, 1000])
    expect(retries).toHaveLength(2)
    expect(retries[0]).toMatch(/Trying again in 3 s\.$/)
    expect(sandbox.runs.size).toBe(1)
  })

  it('does not retry a 503 without Retry-After, a 500, or a broken connection: the run may exist', async () => {
    for (const fault of [{ status: 503 }, { status: 500 }, { reset: true }]) {
      sandbox.reset({ faults: [fault] })
      const clock = fakeClock()
      const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
      await expect(
        startWithRetry(
          () => client.startRun({ trigger: 'GITHUB' }),
          clock,
          () => undefined,
          Infinity
        )
      ).rejects.toThrow(ApiError)
      expect(clock.waits).toEqual([])
      expect(startRuns()).toBe(1)
    }
  })

  it('retries an unreachable server three times, with growing waits', async () => {
    const clock = fakeClock()
    const client = createQaTechClient('http://127.0.0.1:9', 'k')
    await expect(
      startWithRetry(
        () => client.startRun({ trigger: 'GITHUB' }),
        clock,
        () => undefined,
        Infinity
      )
    ).rejects.toThrow(/Could not reach QA.tech/)
    expect(clock.waits).toEqual([1000, 2000, 4000])
  })

  it('gives up on Retry-After longer than a minute', async () => {
    sandbox.setScenario({ faults: [{ status: 503, retryAfter: 600 }] })
    const clock = fakeClock()
    const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
    await expect(
      startWithRetry(
        () => client.startRun({ trigger: 'GITHUB' }),
        clock,
        () => undefined,
        Infinity
      )
    ).rejects.toThrow(/HTTP 503/)
    expect(clock.waits).toEqual([])
  })
})

describe('startWithRetry floors and deadline', () => {
  it('waits at least a second on Retry-After: 0, and starts one run', async () => {
    sandbox.setScenario({ faults: [{ status: 503, retryAfter: 0, times: 2 }] })
    const clock = fakeClock()
    const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
    await startWithRetry(
      () => client.startRun({ trigger: 'GITHUB' }),
      clock,
      () => undefined,
      Infinity
    )
    expect(clock.waits).toEqual([1000, 1000])
    expect(sandbox.runs.size).toBe(1)
  })

  it('does not wait past the step deadline', async () => {
    sandbox.setScenario({ faults: [{ status: 503, retryAfter: 30 }] })
    const clock = fakeClock()
    const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
    await expect(
      startWithRetry(
        () => client.startRun({ trigger: 'GITHUB' }),
        clock,
        () => undefined,
        10_000
      )
    ).rejects.toThrow(/HTTP 503/)
    expect(clock.waits).toEqual([])
  })
})

describe('a start that failed: may it have started a run?', () => {
  const SENTENCE = 'The run may exist: look for it.'
  const failedStart = (error: ApiError) =>
    startWithRetry(
      () => Promise.reject(error),
      fakeClock(),
      () => undefined,
      Infinity,
      {
        ifMayHaveStarted: SENTENCE
      }
    ).catch((thrown: unknown) => (thrown as Error).message)

  it('says the run may exist after exactly the failures that may have reached the service, by their kind', async () => {
    const cases: [ApiError, boolean][] = [
      [new ApiError('No answer in time.', undefined, 'timeout'), true],
      [new ApiError('A broken connection.', undefined, 'network'), true],
      [new ApiError('An answer that is not JSON.', 200, 'invalid-response'), true],
      [new ApiError('A server error.', 500, 'http'), true],
      [new ApiError('A gateway page.', 502, 'http'), true],
      [new ApiError('A gateway timeout.', 504, 'http'), true],
      [new ApiError('A 503 without Retry-After.', 503, 'http'), true],
      [new ApiError('A 503 whose Retry-After is too long to wait.', 503, 'http', 600_000), false],
      [new ApiError('A 429.', 429, 'http'), false],
      [new ApiError('A 400.', 400, 'http'), false],
      [new ApiError('A refused connection.', undefined, 'unreachable'), false]
    ]
    for (const [error, may] of cases) {
      expect(await failedStart(error)).toBe(may ? `${error.message} ${SENTENCE}` : error.message)
    }
  })
})
