/**
 * The outcome's words that every report shares (the summary's and comment's title, the commit
 * status's description): they never claim more than the counts say.
 */
import type { Outcome } from '../../src/service/model.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import { outcomeDescription, outcomeTitle } from '../../src/verdict/words.js'

const asIs = (text: string) => text

const outcome = (fields: Partial<Outcome>): Outcome => ({
  kind: 'passed',
  succeeded: true,
  status: 'COMPLETED',
  result: 'PASSED',
  counts: {},
  message: '',
  ...fields
})

describe('the outcome in words', () => {
  it('a pass with a skipped test case says how many passed, never "all"', () => {
    const passed = outcome({ counts: { total: 3, passed: 2, failed: 0, skipped: 1 } })
    expect(outcomeTitle(QATECH_WORDS, passed, asIs)).toBe(
      '✅ QA.tech: 2 of 3 test cases passed (1 skipped or without a result)'
    )
    expect(outcomeDescription(QATECH_WORDS, passed, [])).toBe(
      '2 of 3 test cases passed (1 skipped or without a result)'
    )
    const all = outcome({ counts: { total: 3, passed: 3, failed: 0, skipped: 0 } })
    expect(outcomeDescription(QATECH_WORDS, all, [])).toBe('All 3 test cases passed')
  })

  it('a red check whose failures are all known says what else kept it red', () => {
    const red = outcome({
      kind: 'failed',
      succeeded: false,
      result: 'FAILED',
      counts: { total: 4, passed: 1, failed: 2, skipped: 1, errored: 1 },
      baseline: { branch: 'main', commitSha: 'abc1234def', runUrl: undefined, newFailed: 0, knownFailed: 2 }
    })
    expect(outcomeDescription(QATECH_WORDS, red, [])).toBe('2 known failures, none new; 1 without a result')
  })
})
