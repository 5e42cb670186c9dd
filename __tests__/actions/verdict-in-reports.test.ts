/**
 * "Reports that contradict the verdict": a run that did not pass is a failure in every report, and
 * no report shows numbers that say otherwise. The CTRF file of an errored, timed-out or cancelled
 * run has a failed test; ERROR and unfinished rows carry icons and never read as "0 failed"; counts
 * that were never read are empty, not zeros; after retry_failed the counts add up. Through `run()`
 * for each action where it applies, against the sandbox's services and GitHub API.
 */
import { readFileSync } from 'node:fs'
import { type PartialScenario } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS } from '../../sandbox/testerarmy.mjs'
import { lazyOctokit } from '../../src/github/octokit.js'
import { pullRequestSteps, REPO } from '../fixtures/pull-request-steps.js'
import { brokenRun } from '../fixtures/testerarmy.js'
import { type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const steps = pullRequestSteps(
  { sandbox, clock, results },
  { blocking: 'true', pr_comment: 'always', github_token: 'ghs_workflowToken' }
)
const { qatech, changeReview } = steps
const testerArmy = (inputs: Record<string, string>, scenario?: PartialScenario) =>
  steps.testerArmy(
    { group_id: TESTER_ARMY_IDS.group, target_url: 'https://pr-2.preview.example.com', ...inputs },
    scenario
  )

async function comment(): Promise<string> {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  const comments = await github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
  expect(comments).toHaveLength(1)
  return comments[0]?.body ?? ''
}

interface Ctrf {
  results: {
    summary: { tests: number; passed: number; failed: number }
    tests: { name: string; status: string; message?: string }[]
    environment: { healthy?: boolean }
  }
}
const ctrfOf = (result: InProcessResult): Ctrf => JSON.parse(readFileSync(result.outputs.ctrf_file ?? '', 'utf8'))
/** The step's failure message, as the runner shows it. */
const failure = (result: InProcessResult) => /^::error::(.*)$/m.exec(result.stdout)?.[1]

describe('a run that did not pass is red in the CTRF file', () => {
  it.each([
    [
      'QA.tech: an ERROR run whose test cases all passed',
      () => qatech({}, { run: { finalStatus: 'ERROR', result: null } }),
      'QA.tech run r001sbx'
    ],
    [
      'QA.tech: a timed-out run',
      () => qatech({ timeout_minutes: '0.05' }, { run: { durationMs: 600_000 } }),
      'QA.tech run r001sbx'
    ],
    [
      'QA.tech: a run cancelled in QA.tech',
      () => qatech({}, { run: { finalStatus: 'CANCELLED', result: null } }),
      'QA.tech run r001sbx'
    ],
    [
      'tester.army: a batch in which one run errored',
      () => testerArmy({}, { testerArmy: { runs: [{ durationMs: 5_000 }, brokenRun] } }),
      'tester.army batch'
    ],
    [
      'change review: a review QA.tech could not finish',
      () => changeReview({}, { chat: { replies: [{ status: 'FAILED', text: '' }] } }),
      'QA.tech change review chat_sbx001'
    ]
  ])('%s', async (_name, act, runName) => {
    const result = await act()
    expect(result.code).toBe(1)
    const ctrf = ctrfOf(result)
    expect(ctrf.results.summary.failed).toBeGreaterThanOrEqual(1)
    expect(ctrf.results.environment.healthy).toBe(false)
    const run = ctrf.results.tests.find(test => test.name.startsWith(runName))
    expect(run).toMatchObject({ status: 'failed', message: failure(result) })
  })
})

describe('ERROR and unfinished rows: marked, and never "0 failed"', () => {
  it('QA.tech: an ERROR test case has its icon in the summary and the comment, and counts as not passed', async () => {
    const result = await qatech(
      {},
      {
        run: {
          finalStatus: 'ERROR',
          result: null,
          testCases: [
            { name: 'Add an item to the cart', result: 'PASSED' },
            { name: 'Pay with a card', result: 'ERROR', resultTitle: 'The browser crashed' }
          ]
        }
      }
    )
    expect(result.code).toBe(1)
    expect(result.summary).toContain('| ⚠️ ERROR | [Pay with a card](')
    expect(result.summary).toContain('✅ **1** passed · ⚠️ **1** errored — 2 test cases')
    const body = await comment()
    expect(body).toMatch(/^\| ⚠️ ERROR \[Pay with a card\]\([^)]+\) \| \*\*The browser crashed\*\* \|$/m)
    expect(body).toContain('✅ 1 passed · ⚠️ 1 errored · 2 in all')
    for (const text of [result.summary, body]) expect(text).not.toMatch(/0\**\s+failed/)
    expect(result.outputs).toMatchObject({ test_count: '2', passed_count: '1', failed_count: '0', skipped_count: '1' })
  })

  it('tester.army: a run unfinished at the timeout has its icon in the summary and the comment', async () => {
    const result = await testerArmy(
      { timeout_minutes: '0.5' },
      { testerArmy: { runs: [{ durationMs: 5_000 }, { durationMs: 600_000 }] } }
    )
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(/^\| ⏳ Unfinished \| /m)
    expect(result.summary).toContain('✅ **1** passed · ⏳ **1** unfinished — 2 runs')
    const body = await comment()
    expect(body).toMatch(/^\| ⏳ Unfinished .* \|$/m)
    expect(body).toContain('✅ 1 passed · ⏳ 1 unfinished · 2 in all')
    for (const text of [result.summary, body]) expect(text).not.toMatch(/0\**\s+failed/)
  })
})

describe('counts that would contradict the verdict are unknown, not zeros', () => {
  it('QA.tech: a passed run whose final answer lists none of its test cases', async () => {
    const listsNone = { id: 'id', shortId: 'r001sbx', status: 'COMPLETED', result: 'PASSED', issues: [] }
    const result = await qatech({}, { faults: [{ method: 'GET', query: 'issues=all', status: 200, body: listsNone }] })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      run_result: 'PASSED',
      test_count: '3',
      passed_count: '',
      failed_count: '',
      skipped_count: '',
      flaky_count: ''
    })
    expect(result.summary).toMatch(/^## ✅ QA.tech: the run passed$/m)
    expect(result.summary).toContain('3 test cases: QA.tech sent no per-test results.')
    const body = await comment()
    expect(body).toContain('3 test cases: QA.tech sent no per-test results.')
    for (const text of [result.summary, body]) expect(text).not.toMatch(/\b0\**\s+(passed|of)|skipped/)
  })

  it('QA.tech: after retry_failed, test_count is every test case and the counts add up', async () => {
    const result = await qatech(
      { retry_failed: '1' },
      {
        run: {
          result: 'FAILED',
          testCases: [
            { name: 'Add an item to the cart', result: 'PASSED' },
            { name: 'Sign up', result: 'PASSED' },
            { name: 'Apply a coupon', result: 'FAILED', errorCode: 'AGENT_STUCK' }
          ]
        },
        reruns: [{ result: 'PASSED', testCases: { 'Apply a coupon': { result: 'PASSED' } } }]
      }
    )
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      run_short_id: 'r002sbx',
      test_count: '3',
      passed_count: '3',
      failed_count: '0',
      skipped_count: '0',
      flaky_count: '1'
    })
  })
})
