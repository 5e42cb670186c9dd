/**
 * End-to-end for `blocking: true`: `run()` waits for sandbox runs on a virtual clock, through
 * every outcome, the transient faults and a cancel. bundle-smoke.test.ts does a few of the same
 * on the built bundle.
 */
import { readFileSync } from 'node:fs'
import { SANDBOX_TOKEN, type PartialScenario } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const failingTests = [
  { name: 'Add an item to the cart', result: 'PASSED' },
  {
    name: 'Pay with a card',
    result: 'FAILED',
    resultTitle: 'The pay button does nothing',
    evaluationThought: 'After clicking Pay, nothing happened.'
  },
  { name: 'Apply a coupon', result: 'FAILED', resultTitle: 'Coupon field missing', errorCode: 'AGENT_STUCK' }
]

const commandLines = (stdout: string, command: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}`))

describe('blocking, in process', () => {
  async function waitFor(
    scenario: PartialScenario,
    inputs: Record<string, string> = {},
    cancelWhen?: (stdout: string) => boolean
  ): Promise<InProcessResult> {
    sandbox.reset(scenario)
    const result = await runInProcess({
      clock,
      eventName: 'push',
      payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', ...inputs },
      env: { GITHUB_API_URL: sandbox.url },
      cancelWhen
    })
    results.push(result)
    return result
  }

  it('COMPLETED + PASSED: success, outcome outputs, results file and summary', async () => {
    const result = await waitFor({ run: { durationMs: 2_500 } })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      run_created: 'true',
      run_status: 'COMPLETED',
      run_result: 'PASSED',
      passed_count: '3',
      failed_count: '0',
      skipped_count: '0'
    })
    const file = JSON.parse(readFileSync(result.outputs.results_file ?? '', 'utf8'))
    expect(file.run).toMatchObject({ shortId: 'r001sbx', status: 'COMPLETED', result: 'PASSED' })
    expect(file.run.runTestCases).toHaveLength(3)
    expect(file.gitContext).toMatchObject({
      branch: 'master',
      commitMessage: 'Initial commit',
      repository: 'Codertocat/Hello-World'
    })
    expect(result.summary).toMatch(/^## ✅ QA.tech: all 3 test cases passed/)
    expect(result.stdout).toContain('QA.tech run r001sbx passed: 3 of 3 test cases passed.')
    expect(commandLines(result.stdout, 'error')).toEqual([])
  })

  it('COMPLETED + FAILED: fails, names the failures, annotates each and reports them in the summary', async () => {
    const result = await waitFor({ run: { result: 'FAILED', testCases: failingTests } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      run_status: 'COMPLETED',
      run_result: 'FAILED',
      passed_count: '1',
      failed_count: '2'
    })
    const errors = commandLines(result.stdout, 'error')
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error title=QA.tech%3A Pay with a card::The pay button does nothing http:\/\/127.0.0.1:\d+\/p\/sandbox-project\/results\/test\/rtc_r001sbx_2$/
      ),
      expect.stringMatching(/^::error title=QA.tech%3A Apply a coupon::Coupon field missing http/),
      expect.stringMatching(/^::error::2 of 3 test cases failed: Pay with a card, Apply a coupon\. See http/)
    ])
    expect(result.summary).toMatch(/^## ❌ QA.tech: 2 of 3 test cases failed/)
    expect(result.summary).toContain('| ❌ Failed | [Pay with a card](')
    expect(result.summary).toContain('Test agent missed (AGENT\\_STUCK): likely not your code')
    expect(result.summary).toContain('**Evaluation:** After clicking Pay, nothing happened.')
  })

  it('COMPLETED + SKIPPED: passes with a warning, fails with fail_on_skipped', async () => {
    const skipped = { run: { result: 'SKIPPED', testCases: [{ name: 'A', result: 'SKIPPED' }] } }
    const lenient = await waitFor(skipped)
    expect(lenient.code).toBe(0)
    expect(lenient.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'SKIPPED', skipped_count: '1' })
    expect(commandLines(lenient.stdout, 'warning')).toEqual([expect.stringMatching(/completed as SKIPPED/)])
    const strict = await waitFor(skipped, { fail_on_skipped: 'true' })
    expect(strict.code).toBe(1)
    expect(commandLines(strict.stdout, 'error')).toEqual([expect.stringMatching(/fail_on_skipped is true/)])
  })

  it.each([
    ['ERROR', /^::error::QA.tech could not complete QA.tech run r001sbx \(status ERROR\)/],
    ['CANCELLED', /^::error::QA.tech run r001sbx was cancelled in QA.tech/]
  ])('%s: fails with no result', async (status, message) => {
    const result = await waitFor({ run: { finalStatus: status, result: null } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: status, run_result: '' })
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(message)])
  })

  it('deadline: TIMED_OUT, says it timed out and that the run goes on', async () => {
    const result = await waitFor({ run: { durationMs: 600_000 } }, { timeout_minutes: '0.05' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: 'TIMED_OUT', run_result: '' })
    const [error] = commandLines(result.stdout, 'error')
    expect(error).toMatch(
      /^::error::Timed out: QA.tech run r001sbx did not finish within timeout_minutes \(0.05\); waited \d+ s\. The QA.tech run goes on/
    )
    expect(error).not.toMatch(/failed/)
    expect(result.summary).toMatch(/^## ⏱️ QA.tech: timed out waiting for the run/)
    expect(result.summary).toContain('The QA.tech run goes on')
  })

  it('401 while polling: fails at once with the reason, summary still written', async () => {
    const result = await waitFor({ faults: [{ method: 'GET', status: 401 }] })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::QA.tech did not accept the API key while reading run r001sbx \(HTTP 401: Injected fault 401\)/
      )
    ])
    expect(result.summary).toMatch(/^## ⚠️ QA.tech: the step stopped waiting for the run/)
  })

  it('SIGINT during the wait: stops, reports the cancel and exits non-zero', async () => {
    const result = await waitFor({ run: { durationMs: 600_000 } }, {}, stdout =>
      stdout.includes('Waiting for QA.tech run')
    )
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_created: 'true', run_status: 'RUNNING', run_result: '' })
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::The workflow was cancelled while waiting \d+ s for QA.tech run r001sbx\. The QA.tech run goes on: http/
      )
    ])
    expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled while waiting/)
  })

  it('a runner without GITHUB_STEP_SUMMARY (older GHES, local): no summary, no warning', async () => {
    sandbox.reset({})
    const result = await runInProcess({
      clock,
      eventName: 'push',
      payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' },
      env: { GITHUB_STEP_SUMMARY: undefined }
    })
    results.push(result)
    expect(result.code).toBe(0)
    expect(commandLines(result.stdout, 'warning')).toEqual([])
    expect(result.outputs.run_result).toBe('PASSED')
  })

  it('a bypass secret quoted back by QA.tech stays out of the summary, annotations, outputs and results file', async () => {
    const secret = 'byp4ss/S3cret'
    const visited = `https://preview.example.com/?x-vercel-protection-bypass=${encodeURIComponent(secret)}`
    const result = await waitFor(
      {
        run: {
          result: 'FAILED',
          testCases: [
            {
              name: `Open ${visited}`,
              result: 'FAILED',
              resultTitle: `Blank page at ${visited}`,
              evaluationThought: `Raw ${secret}`
            }
          ]
        }
      },
      { environment_url: 'https://preview.example.com', vercel_bypass_secret: secret, preflight: 'off' }
    )
    expect(result.code).toBe(1)
    const written = [
      result.summary,
      JSON.stringify(result.outputs),
      readFileSync(result.outputs.results_file ?? '', 'utf8')
    ]
    for (const text of written) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(encodeURIComponent(secret))
    }
    expect(result.summary).toContain('x-vercel-protection-bypass=\\*\\*\\*')
    const logLines = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(logLines.filter(line => line.includes(secret) || line.includes(encodeURIComponent(secret)))).toEqual([])
  })

  it('job_summary: false writes no summary', async () => {
    const result = await waitFor({}, { job_summary: 'false' })
    expect(result.code).toBe(0)
    expect(result.summary).toBe('')
  })

  describe('the final fetch of the details (hardening)', () => {
    const detailsWarning = (stdout: string) =>
      commandLines(stdout, 'warning').filter(line => line.includes('Could not read the per-test details'))

    it('keeps answering 500: gives up within about 20 s and reports the verdict already seen', async () => {
      const result = await waitFor({ faults: [{ method: 'GET', query: 'issues=all', status: 500, times: 1000 }] })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'PASSED' })
      expect(detailsWarning(result.stdout)).toEqual([
        expect.stringMatching(/reporting the result QA.tech gave: COMPLETED PASSED\.$/)
      ])
      // Not an hour (timeout_minutes): the details get a small budget of their own.
      expect(result.tookMs).toBeLessThan(60_000)
      expect(sandbox.requests.filter(request => request.query.issues === 'all').length).toBeLessThanOrEqual(6)
    })

    it.each([400, 404])('answers %i: the verdict is kept', async status => {
      const result = await waitFor({ faults: [{ method: 'GET', query: 'issues=all', status }] })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'PASSED' })
      expect(detailsWarning(result.stdout)).toHaveLength(1)
      expect(result.summary).toMatch(/^## ✅ QA.tech: all 3 test cases passed/)
    })

    it.each([
      ['RUNNING', { status: 'RUNNING', result: null }],
      ['COMPLETED without a result', { status: 'COMPLETED', result: null }]
    ])('a stale answer (%s) does not overturn COMPLETED/PASSED', async (_, stale) => {
      const body = { id: 'x', shortId: 'r001sbx', runTestCases: [], ...stale }
      const result = await waitFor({ faults: [{ method: 'GET', query: 'issues=all', status: 200, body }] })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'PASSED', passed_count: '3' })
      expect(result.summary).toMatch(/^## ✅ QA.tech: all 3 test cases passed/)
      expect(result.stdout).not.toContain('which is not PASSED')
    })

    it('a poll that says COMPLETED before the result is written is not taken as the end', async () => {
      const result = await waitFor({
        faults: [
          {
            method: 'GET',
            query: 'testCases=all',
            status: 200,
            body: { shortId: 'r001sbx', status: 'COMPLETED', result: null }
          }
        ]
      })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ run_result: 'PASSED' })
    })

    it('250 test cases and unreadable details: the counts are unknown, not zero', async () => {
      const testCases = Array.from({ length: 250 }, (_, index) => ({ name: `Test ${index + 1}`, result: 'PASSED' }))
      const result = await waitFor({
        run: { testCases },
        faults: [{ method: 'GET', query: 'issues=all', status: 404 }]
      })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({
        run_result: 'PASSED',
        passed_count: '',
        failed_count: '',
        skipped_count: ''
      })
      expect(result.summary).toMatch(/^## ✅ QA.tech: the run passed/)
      expect(result.summary).toContain('250 test cases: the per-test results were not read.')
      expect(result.stdout).toContain(
        'QA.tech run r001sbx passed (250 test cases; the per-test results were not read).'
      )
      expect(result.stdout).not.toMatch(/0 of 250/)
    })
  })

  describe('hostile text and secrets (hardening)', () => {
    it('ANSI escapes and bidirectional overrides in test names never reach the log', async () => {
      const name = '\x1b[31mPay\x1b[0m \x1b[2Kwith a card\u202e'
      const result = await waitFor({
        run: { result: 'FAILED', testCases: [{ name, result: 'FAILED', resultTitle: '\x1b[1mNo button\u2066' }] }
      })
      expect(result.code).toBe(1)
      const errors = commandLines(result.stdout, 'error')
      expect(errors).toEqual([
        expect.stringMatching(/^::error title=QA.tech%3A Pay with a card::No button http/),
        expect.stringMatching(/^::error::1 of 1 test cases failed: Pay with a card\. See http/)
      ])
      // eslint-disable-next-line no-control-regex -- the escape character is what must not appear
      expect(result.stdout).not.toMatch(/[\x1b\u202a-\u202e\u2066-\u2069]/)
      // eslint-disable-next-line no-control-regex -- as above
      expect(result.summary).not.toMatch(/[\x1b\u202a-\u202e\u2066-\u2069]/)
    })

    it('a key quoted in the start answer stays out of the outputs, summary and results file', async () => {
      const result = await waitFor({
        testPlans: [{ shortId: 'pln_sandbox', name: `Checkout ${SANDBOX_TOKEN}`, default: true }]
      })
      expect(result.code).toBe(0)
      const written = [
        JSON.stringify(result.outputs),
        result.summary,
        readFileSync(result.outputs.results_file ?? '', 'utf8')
      ]
      for (const text of written) expect(text).not.toContain(SANDBOX_TOKEN)
      expect(result.outputs.test_plan_name).toBe('Checkout ***')
    })

    it("a bypass secret with spaces and !'()~ is scrubbed in every form a URL gives it", async () => {
      const secret = "by pass!'()~S3cret"
      const visited = new URL('https://preview.example.com/')
      visited.searchParams.set('x-vercel-protection-bypass', secret)
      const result = await waitFor(
        {
          run: {
            result: 'FAILED',
            testCases: [
              { name: 'Open the preview', result: 'FAILED', resultTitle: `Blank page at ${visited.toString()}` }
            ]
          }
        },
        { environment_url: 'https://preview.example.com', vercel_bypass_secret: secret, preflight: 'off' }
      )
      expect(result.code).toBe(1)
      const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]
      const written = [
        result.summary,
        JSON.stringify(result.outputs),
        readFileSync(result.outputs.results_file ?? '', 'utf8')
      ]
      for (const text of written) for (const form of forms) expect(text).not.toContain(form)
      const logLines = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
      for (const form of forms) expect(logLines.filter(line => line.includes(form))).toEqual([])
    })
  })

  describe('a workflow cancel before the wait (hardening)', () => {
    const startRequestSent = (stdout: string) => stdout.includes('::group::Run request')

    it('during the start request: waits for the answer, reports the run with its link, exits 1', async () => {
      const result = await waitFor(
        { faults: [{ method: 'POST', path: '/v1/run', delayMs: 300 }] },
        {},
        startRequestSent
      )
      expect(result.code).toBe(1)
      expect(sandbox.runs.size).toBe(1)
      expect(result.outputs).toMatchObject({
        run_created: 'true',
        run_short_id: 'r001sbx',
        run_url: expect.stringMatching(/^http/)
      })
      expect(commandLines(result.stdout, 'error')).toEqual([
        expect.stringMatching(
          /^::error::The workflow was cancelled while QA.tech run r001sbx was being started\. The QA.tech run goes on: http/
        )
      ])
      expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled while waiting/)
      expect(result.summary).toContain('[Open run r001sbx in QA.tech](')
      expect(sandbox.requests.filter(request => request.path.startsWith('/v1/run/'))).toEqual([])
    })

    it('during a start request that gets no answer: says the run may exist, exits 1 without waiting longer', async () => {
      const result = await waitFor({ faults: [{ method: 'POST', path: '/v1/run', hang: true }] }, {}, startRequestSent)
      expect(result.code).toBe(1)
      expect(commandLines(result.stdout, 'error')).toEqual([
        expect.stringMatching(
          /^::error::The workflow was cancelled while the run was being started, and QA.tech did not answer within 5 s: it may have started the run; look for it in QA.tech\.$/
        )
      ])
    })

    it('before the start request (while the applications are looked up): exits 1, no run', async () => {
      const result = await waitFor(
        { faults: [{ method: 'GET', path: '/v1/applications', delayMs: 200 }] },
        { environment_url: 'https://preview.example.com', preflight: 'off' },
        stdout => stdout.includes('::group::Git context')
      )
      expect(result.code).toBe(1)
      expect(sandbox.runs.size).toBe(0)
      expect(commandLines(result.stdout, 'error')).toEqual([
        '::error::The workflow was cancelled before a run was started: no QA.tech run was started.'
      ])
      expect(sandbox.requests.filter(request => request.method === 'POST')).toEqual([])
    })
  })
})
