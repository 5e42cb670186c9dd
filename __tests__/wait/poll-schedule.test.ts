import { MIN_POLL_INTERVAL_MS, nextPollDelay } from '../../src/wait/poll-schedule.js'

const max = 10_000

describe('nextPollDelay', () => {
  it('starts at two seconds and grows with the time waited, up to the configured maximum', () => {
    const delays = [0, 10_000, 60_000, 150_000, 3_600_000].map(elapsedMs =>
      nextPollDelay({ elapsedMs, maxIntervalMs: max, progress: undefined })
    )
    expect(delays[0]).toBe(MIN_POLL_INTERVAL_MS)
    expect(delays[1]).toBe(MIN_POLL_INTERVAL_MS)
    expect(delays[2]).toBeGreaterThan(MIN_POLL_INTERVAL_MS)
    expect(delays[2]).toBeLessThan(max)
    expect(delays[3]).toBe(max)
    expect(delays[4]).toBe(max)
  })

  it('never goes below the configured maximum when that is under two seconds', () => {
    expect(nextPollDelay({ elapsedMs: 0, maxIntervalMs: 1_000, progress: undefined })).toBe(1_000)
  })

  it('polls sparsely while the expected end is far off', () => {
    // 1 of 30 test cases finished after 60 s: about 29 minutes to go.
    const delay = nextPollDelay({
      elapsedMs: 70_000,
      maxIntervalMs: max,
      progress: { finished: 1, total: 30, finishedSeenAtMs: 60_000, runningSinceMs: 0 }
    })
    expect(delay).toBe(3 * max)
  })

  it('polls densely as the expected end nears', () => {
    // 9 of 10 finished after 90 s: the last should end near 100 s.
    const delay = nextPollDelay({
      elapsedMs: 97_000,
      maxIntervalMs: max,
      progress: { finished: 9, total: 10, finishedSeenAtMs: 90_000, runningSinceMs: 0 }
    })
    expect(delay).toBe(MIN_POLL_INTERVAL_MS)
  })

  it('backs off again when the run is much later than expected', () => {
    const progress = { finished: 9, total: 10, finishedSeenAtMs: 90_000, runningSinceMs: 0 }
    const soon = nextPollDelay({ elapsedMs: 105_000, maxIntervalMs: max, progress })
    const late = nextPollDelay({ elapsedMs: 400_000, maxIntervalMs: max, progress })
    expect(soon).toBe(MIN_POLL_INTERVAL_MS)
    expect(late).toBe(max)
  })
})
