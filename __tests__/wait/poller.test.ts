import { jest } from '@jest/globals'
import type { Clock } from '../../src/util/clock.js'
import { ApiError } from '../../src/http/api-error.js'
import { createQaTechClient } from '../../src/qatech/client.js'
import { parseSettings } from '../../src/qatech/settings.js'
import { createQaTechService } from '../../src/qatech/service.js'
import { waitForRun, type WaitOptions } from '../../src/wait/poller.js'
import { isTransient, readWithRetry, transientDelayMs } from '../../src/http/retry.js'
import { SANDBOX_TOKEN, startSandbox, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'

/** Virtual time shared by the poller and the sandbox: sleeping advances it at once. */
function virtualClock(): Clock & { sleeps: number[] } {
  let now = 1_000_000
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async ms => {
      sleeps.push(ms)
      now += ms
      await new Promise(resolve => setImmediate(resolve))
    }
  }
}

let sandbox: Sandbox
let clock: ReturnType<typeof virtualClock>
let currentNow: () => number = Date.now
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => currentNow() })
})
afterAll(() => sandbox.close())

async function startRun(scenario: PartialScenario) {
  clock = virtualClock()
  currentNow = clock.now
  sandbox.reset(scenario)
  const client = createQaTechClient(sandbox.url, SANDBOX_TOKEN)
  const logs: string[] = []
  const warnings: string[] = []
  const inputs: Record<string, string> = { api_token: SANDBOX_TOKEN, api_url: sandbox.url }
  const settings = await parseSettings(name => inputs[name] ?? '', {
    eventName: 'push',
    isForkPullRequest: false,
    isDependabot: false
  })
  const environment = { clock, deadline: Infinity, log: () => undefined, warn: () => undefined }
  const service = createQaTechService(settings, environment, client)
  const run = await service.start({ git: { commitMessageFromApi: false }, preview: undefined })
  const options: WaitOptions = {
    service,
    run,
    timeoutMs: 60 * 60_000,
    maxIntervalMs: 10_000,
    clock,
    signal: new AbortController().signal,
    log: message => logs.push(message),
    warn: message => warnings.push(message),
    random: () => 0.5
  }
  return { options, logs, warnings }
}

const polls = () => sandbox.requests.filter(request => request.method === 'GET' && request.path.startsWith('/v1/run/'))

describe('waitForRun', () => {
  it('follows a run to the end, then fetches every test case and issue once', async () => {
    const { options, logs } = await startRun({ run: { initiatedMs: 3_000, durationMs: 60_000, result: 'FAILED' } })
    const outcome = await waitForRun(options)
    expect(outcome.kind).toBe('finished')
    if (outcome.kind !== 'finished') return
    expect(outcome.report).toMatchObject({ status: 'COMPLETED', result: 'FAILED', verdict: 'failed' })
    expect(outcome.report.testCases).toHaveLength(3)
    const queries = polls().map(request => request.query)
    expect(queries.slice(0, -1).every(query => query.testCases === 'all' && query.issues === undefined)).toBe(true)
    expect(queries.at(-1)).toEqual({ testCases: 'all', issues: 'all' })
    expect(logs[0]).toMatch(/^Waiting for QA.tech run r001sbx: INITIATED after 2 s, 0 of 3 test cases finished\.$/)
    expect(logs).toContainEqual(expect.stringMatching(/RUNNING after .*, 1 of 3 test cases finished\.$/))
    expect(logs).toContainEqual(expect.stringMatching(/^QA.tech run r001sbx is COMPLETED after 1m 0\ds\.$/))
  })

  it('logs at least once a minute while nothing changes', async () => {
    const { options, logs } = await startRun({ run: { initiatedMs: 10 * 60_000, durationMs: 11 * 60_000 } })
    await waitForRun(options)
    const initiatedLogs = logs.filter(line => line.includes('INITIATED'))
    expect(initiatedLogs.length).toBeGreaterThanOrEqual(9)
  })

  it('ends the wait at the deadline with the last state seen', async () => {
    const { options } = await startRun({ run: { durationMs: 10 * 60_000 } })
    const outcome = await waitForRun({ ...options, timeoutMs: 30_000 })
    expect(outcome.kind).toBe('timed-out')
    expect(outcome.waitedMs).toBe(30_000)
    expect(outcome.last?.status).toBe('RUNNING')
  })

  it('rides out three 503s, warning once and saying when QA.tech answers again', async () => {
    const { options, warnings, logs } = await startRun({
      run: { durationMs: 5_000 },
      faults: [{ method: 'GET', status: 503, times: 3 }]
    })
    const outcome = await waitForRun(options)
    expect(outcome.kind).toBe('finished')
    expect(warnings).toEqual([
      expect.stringMatching(
        /^QA.tech could not answer for run r001sbx \(HTTP 503: Injected fault 503\)\. Asking again until QA.tech answers; the wait ends in 59m 5\ds\.$/
      )
    ])
    expect(logs).toContain('QA.tech answers again, after 3 failed attempts.')
    expect(clock.sleeps.slice(1, 4)).toEqual([1_000, 2_000, 4_000])
  })

  it('honours Retry-After on a 429', async () => {
    const { options } = await startRun({ faults: [{ method: 'GET', status: 429, retryAfter: 7 }] })
    await waitForRun(options)
    expect(clock.sleeps.slice(0, 2)).toEqual([2_000, 7_000])
  })

  it.each([
    ['a connection reset', { reset: true }],
    ['invalid JSON', { invalidJson: true }],
    ['a 500', { status: 500 }]
  ])('retries %s', async (_, fault) => {
    const { options } = await startRun({ faults: [{ method: 'GET', ...fault }] })
    const outcome = await waitForRun(options)
    expect(outcome.kind).toBe('finished')
  })

  it.each([401, 403, 404])('fails at once on %i', async status => {
    const { options } = await startRun({ faults: [{ method: 'GET', status }] })
    await expect(waitForRun(options)).rejects.toThrow(ApiError)
    expect(polls()).toHaveLength(1)
  })

  it('waits on through an unknown status, warning once', async () => {
    const { options, warnings } = await startRun({
      run: { statusSequence: ['RUNNING', 'PAUSED', 'PAUSED', 'COMPLETED'] }
    })
    const outcome = await waitForRun(options)
    expect(outcome.kind).toBe('finished')
    expect(warnings).toEqual(['QA.tech reports the status "PAUSED", which this action does not know; waiting on.'])
  })

  it('stops at once when the workflow is cancelled', async () => {
    const { options } = await startRun({ run: { durationMs: 10 * 60_000 } })
    const controller = new AbortController()
    const sleep = options.clock.sleep
    let sleeps = 0
    const outcome = await waitForRun({
      ...options,
      signal: controller.signal,
      clock: {
        now: options.clock.now,
        sleep: async ms => {
          sleeps += 1
          if (sleeps === 3) controller.abort()
          await sleep(ms)
        }
      }
    })
    expect(outcome.kind).toBe('interrupted')
    expect(polls()).toHaveLength(2)
  })
})

describe('retry policy', () => {
  it('treats network trouble, 5xx, 429 and 408 as transient, other client errors as final', () => {
    expect(isTransient(new ApiError('x', undefined, 'network'))).toBe(true)
    expect(isTransient(new ApiError('x', undefined, 'timeout'))).toBe(true)
    expect(isTransient(new ApiError('x', 200, 'invalid-response'))).toBe(true)
    expect(isTransient(new ApiError('x', 502, 'http'))).toBe(true)
    expect(isTransient(new ApiError('x', 429, 'http'))).toBe(true)
    expect(isTransient(new ApiError('x', 408, 'http'))).toBe(true)
    expect(isTransient(new ApiError('x', 400, 'http'))).toBe(false)
    expect(isTransient(new ApiError('x', 401, 'http'))).toBe(false)
    expect(isTransient(new Error('x'))).toBe(false)
  })

  it('retries a transient read a few times, warning once, then gives up', async () => {
    const clock = virtualClock()
    const warnings: string[] = []
    let calls = 0
    const flaky = async () => {
      calls += 1
      if (calls < 3) throw new ApiError('QA.tech could not answer (HTTP 502).', 502, 'http')
      return 'applications'
    }
    await expect(
      readWithRetry(flaky, clock, message => warnings.push(message), { deadline: Infinity, random: () => 0.5 })
    ).resolves.toBe('applications')
    expect(warnings).toEqual(['QA.tech could not answer (HTTP 502). Asking again.'])
    expect(clock.sleeps).toEqual([1_000, 2_000])

    const down = async () => {
      throw new ApiError('down', 503, 'http')
    }
    await expect(readWithRetry(down, virtualClock(), () => undefined, { deadline: Infinity })).rejects.toThrow('down')
    const forbidden = jest.fn(async () => {
      throw new ApiError('no', 403, 'http')
    })
    await expect(readWithRetry(forbidden, virtualClock(), () => undefined, { deadline: Infinity })).rejects.toThrow(
      'no'
    )
    expect(forbidden).toHaveBeenCalledTimes(1)
  })

  it('backs off exponentially with jitter, up to 30 s, never under a second', () => {
    expect([1, 2, 3, 4, 10].map(failures => transientDelayMs(failures, undefined, () => 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 30_000
    ])
    expect(transientDelayMs(1, undefined, () => 0)).toBe(1_000)
    expect(transientDelayMs(1, undefined, () => 1)).toBe(1_200)
  })

  it('takes Retry-After as a floor on top of the backoff, capped at a minute', () => {
    expect(transientDelayMs(1, 2_500, () => 0.5)).toBe(2_500)
    expect(transientDelayMs(5, 2_500, () => 0.5)).toBe(16_000)
    // Retry-After: 0, a date in the past or a negative value cannot shorten the wait.
    expect(transientDelayMs(1, 0, () => 0)).toBe(1_000)
    expect(transientDelayMs(3, 0, () => 0.5)).toBe(4_000)
    expect(transientDelayMs(1, 3_600_000, () => 0.5)).toBe(60_000)
  })

  it('never waits past the deadline before the start: gives up with the error instead', async () => {
    const clock = virtualClock()
    const limited = async () => {
      throw new ApiError('QA.tech is rate limiting (HTTP 429).', 429, 'http', 3_600_000)
    }
    await expect(
      readWithRetry(limited, clock, () => undefined, { deadline: clock.now() + 90_000, random: () => 0.5 })
    ).rejects.toThrow('rate limiting')
    expect(clock.sleeps).toEqual([60_000])
  })
})
