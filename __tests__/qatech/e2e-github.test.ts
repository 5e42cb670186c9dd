/**
 * Results where people look, through `run()`: the pull-request comment, the commit status, reruns
 * of failed jobs and the JUnit and CTRF files, against the sandbox's GitHub API (requests checked
 * against GitHub's OpenAPI description) on the virtual clock.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { validateXML } from 'xmllint-wasm'
import { SANDBOX_TOKEN, type PartialScenario } from '../../sandbox/server.mjs'
import { lazyOctokit } from '../../src/github/octokit.js'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

const { sandbox, clock, results } = useVirtualSandbox()

const REPO = { owner: 'Codertocat', repo: 'Hello-World' }
const payload = () => examplePayload('pull_request')
const HEAD = (payload().pull_request as { head: { sha: string } }).head.sha
const pullRequest = (headSha = HEAD) => ({
  number: 2,
  state: 'open',
  title: 'Update the README with new information.',
  body: 'This is a pretty simple change that we need to pull into master.',
  html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
  head: { ref: 'changes', sha: headSha },
  base: { ref: 'master' }
})
const failing = {
  run: {
    result: 'FAILED',
    testCases: [
      { name: 'Add an item to the cart', result: 'PASSED' },
      { name: 'Apply a coupon', result: 'FAILED', resultTitle: 'The agent got stuck', errorCode: 'AGENT_STUCK' }
    ]
  }
}

function reset(scenario: PartialScenario = {}): void {
  sandbox.reset({ ...scenario, github: { pulls: [pullRequest()], ...scenario.github } })
}

async function step(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<InProcessResult> {
  const result = await runInProcess({
    clock,
    eventName: 'pull_request',
    payload: payload(),
    inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', ...inputs },
    env: { GITHUB_API_URL: sandbox.url, ...env }
  })
  results.push(result)
  return result
}

async function comments() {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  return github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
}
async function statuses(sha = HEAD) {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  return (await github.rest.repos.listCommitStatusesForRef({ ...REPO, ref: sha })).data
}
const warnings = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::warning'))
const qatechStarts = () =>
  sandbox.requests.filter(request => request.method === 'POST' && request.path.startsWith('/v1/run'))

describe('the pull-request comment, in process', () => {
  it('two runs of a job on the same pull request leave one comment, edited; another job gets its own', async () => {
    reset(failing)
    const first = await step({ pr_comment: 'always' })
    expect(first.code).toBe(1)
    sandbox.setScenario({ run: { result: 'PASSED', testCases: [{ name: 'Apply a coupon', result: 'PASSED' }] } })
    const second = await step({ pr_comment: 'always' })
    expect(second.code).toBe(0)
    const [comment, ...others] = await comments()
    expect(others).toEqual([])
    expect(comment?.body).toMatch(/QA.tech/)
    expect(comment?.body).toContain('r002sbx')
    expect(comment?.body).not.toContain('r001sbx run')
    const other = await step({ pr_comment: 'always' }, { GITHUB_JOB: 'e2e-admin' })
    expect(other.code).toBe(0)
    expect(await comments()).toHaveLength(2)
  })

  it('on-failure: a passing run writes nothing', async () => {
    reset()
    const result = await step({ pr_comment: 'on-failure' })
    expect(result.code).toBe(0)
    expect(await comments()).toEqual([])
    expect(sandbox.requests.filter(request => request.path.includes('/comments') && request.method !== 'GET')).toEqual(
      []
    )
  })

  it('a pull request that has moved on gets the older-commit note', async () => {
    reset({ github: { pulls: [pullRequest('f'.repeat(40))] } })
    await step({ pr_comment: 'always' })
    const [comment] = await comments()
    expect(comment?.body).toMatch(/older commit/i)
  })

  it('a read-only token: one warning with the permissions block, the result unchanged', async () => {
    reset({ github: { pulls: [pullRequest()], readOnly: true } })
    const result = await step({ pr_comment: 'always' })
    expect(result.code).toBe(0)
    const permission = warnings(result.stdout).filter(line => line.includes('permissions:'))
    expect(permission).toHaveLength(1)
    expect(permission[0]).toMatch(/pull-requests: write/)
    expect(result.outputs.run_result).toBe('PASSED')
  })
})

describe('the commit status, in process', () => {
  it('goes pending → final on the tested commit, linked to the run', async () => {
    reset(failing)
    const result = await step({ commit_status: 'true' })
    expect(result.code).toBe(1)
    const writes = sandbox.requests.filter(request => request.method === 'POST' && request.path.includes('/statuses/'))
    expect(writes.map(request => (request.body as { state: string }).state)).toEqual(['pending', 'failure'])
    expect(writes.every(request => request.path.endsWith(`/statuses/${HEAD}`))).toBe(true)
    const [latest] = await statuses()
    expect(latest).toMatchObject({ state: 'failure', target_url: `${sandbox.url}/p/sandbox-project/results/r001sbx` })
    expect(latest?.context).toMatch(/^QA.tech \/ Checkout flow/)
    expect((latest?.description ?? '').length).toBeLessThanOrEqual(140)
  })

  it('with blocking: false is rejected with one line before any request', async () => {
    reset()
    const result = await step({ commit_status: 'true', blocking: 'false' })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    expect(result.stdout).toContain('commit_status needs blocking: true')
  })
})

describe('Re-run failed jobs, in process', () => {
  it('attempt 2 after a failed attempt 1 reruns only the failed test cases and starts no new plan run', async () => {
    reset({
      ...failing,
      reruns: [{ result: 'PASSED', testCases: { 'Apply a coupon': { result: 'PASSED' } } }]
    })
    const first = await step({ pr_comment: 'always' }, { GITHUB_RUN_ATTEMPT: '1' })
    expect(first.code).toBe(1)
    const before = sandbox.requests.length
    const second = await step({ pr_comment: 'always' }, { GITHUB_RUN_ATTEMPT: '2' })
    expect(second.code).toBe(0)
    const starts = sandbox.requests
      .slice(before)
      .filter(request => request.method === 'POST' && request.path.startsWith('/v1/run'))
    expect(starts.map(request => `${request.path} ${JSON.stringify(request.body)}`)).toEqual([
      '/v1/run/r001sbx {"failedOnly":true}'
    ])
    expect(second.stdout).toContain(
      "rerunning only what failed in QA.tech run r001sbx (found through this job's pull-request comment of attempt 1)"
    )
  })

  it('the rerun keeps the commit status of the plan the first attempt ran, which branch protection requires', async () => {
    reset({
      ...failing,
      reruns: [{ result: 'PASSED', testCases: { 'Apply a coupon': { result: 'PASSED' } } }]
    })
    const inputs = { pr_comment: 'always', commit_status: 'true' }
    expect((await step(inputs, { GITHUB_RUN_ATTEMPT: '1' })).code).toBe(1)
    expect((await step(inputs, { GITHUB_RUN_ATTEMPT: '2' })).code).toBe(0)
    const newest = new Map<string, string>()
    for (const status of await statuses()) if (!newest.has(status.context)) newest.set(status.context, status.state)
    expect(Object.fromEntries(newest)).toEqual({ 'QA.tech / Checkout flow': 'success' })
  })

  it('attempt 2 after attempt 1 timed out while the run went on: waits for that run and reports its real outcome everywhere', async () => {
    // The run takes 90 s; each attempt waits 60 s at most.
    reset({ run: { durationMs: 90_000 } })
    const inputs = { pr_comment: 'always', commit_status: 'true', timeout_minutes: '1' }
    const first = await step(inputs, { GITHUB_RUN_ATTEMPT: '1' })
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('Timed out')
    const before = sandbox.requests.length
    const second = await step(inputs, {
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_RUN_ID: first.outputs.run_short_id ? '1' : '1'
    })
    expect(second.code).toBe(0)
    // Neither a new run nor a rerun request: the run of attempt 1 is waited for.
    expect(qatechStarts().filter(request => sandbox.requests.indexOf(request) >= before)).toEqual([])
    expect(second.stdout).toContain('QA.tech run r001sbx has not finished: this attempt waits for it and reports it')
    expect(second.outputs.run_status).toBe('COMPLETED')
    const newest = new Map<string, string>()
    for (const status of await statuses()) if (!newest.has(status.context)) newest.set(status.context, status.state)
    expect(Object.fromEntries(newest)).toEqual({ 'QA.tech / Checkout flow': 'success' })
    const [comment, ...others] = await comments()
    expect(others).toEqual([])
    expect(comment?.body).toMatch(/✅ QA\.tech: all 3 test cases passed/)
  })

  it('with no comment to find the run by: runs everything and says how to enable it', async () => {
    reset(failing)
    const result = await step({ commit_status: 'true' }, { GITHUB_RUN_ATTEMPT: '2' })
    expect(qatechStarts().map(request => request.path)).toEqual(['/v1/run'])
    expect(result.stdout).toMatch(
      /::notice::Attempt 2 of this workflow run: running everything.*pr_comment is off\. Set pr_comment: always/
    )
  })
})

describe('test-report files, in process', () => {
  it('JUnit and CTRF are written for a blocking run and validate against their schemas', async () => {
    reset(failing)
    const result = await step({})
    const junit = readFileSync(result.outputs.junit_file ?? '', 'utf8')
    const validation = await validateXML({
      xml: [{ fileName: 'report.xml', contents: junit }],
      schema: [{ fileName: 'junit.xsd', contents: readFileSync(join(here, '..', 'fixtures', 'junit.xsd'), 'utf8') }],
      initialMemoryPages: 512,
      maxMemoryPages: 4096
    })
    expect(validation.errors.map(error => error.rawMessage)).toEqual([])
    expect(junit).toContain('Apply a coupon')
    const schema: object = JSON.parse(
      readFileSync(join(dirname(require.resolve('ctrf')), 'ctrf-schema-0.0.json'), 'utf8')
    )
    const ajv = new Ajv({ allErrors: true, strict: false })
    ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i)
    ajv.addFormat('date-time', { validate: (value: string) => !Number.isNaN(Date.parse(value)) })
    ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) })
    const ctrf: unknown = JSON.parse(readFileSync(result.outputs.ctrf_file ?? '', 'utf8'))
    expect(ajv.validate(schema, ctrf)).toBe(true)
  })

  it('a flaky test (retry_failed) is flakyFailure in JUnit and flaky in CTRF', async () => {
    reset({ ...failing, reruns: [{ result: 'PASSED', testCases: { 'Apply a coupon': { result: 'PASSED' } } }] })
    const result = await step({ retry_failed: '1' })
    expect(result.code).toBe(0)
    expect(readFileSync(result.outputs.junit_file ?? '', 'utf8')).toMatch(/<flakyFailure [^>]*type="AGENT_STUCK"/)
    const ctrf = JSON.parse(readFileSync(result.outputs.ctrf_file ?? '', 'utf8')) as {
      results: { tests: { name: string; status: string; flaky?: boolean }[] }
    }
    expect(ctrf.results.tests.find(test => test.name === 'Apply a coupon')).toMatchObject({
      status: 'passed',
      flaky: true
    })
  })
})

describe('every action reports where people look', () => {
  it('a change review sets its commit status and its pull-request comment too', async () => {
    reset()
    const result = await runInProcess({
      clock,
      action: changeReviewAction,
      actionFolder: 'change-review',
      eventName: 'pull_request',
      payload: payload(),
      inputs: {
        api_token: SANDBOX_TOKEN,
        api_url: sandbox.url,
        blocking: 'true',
        preflight: 'off',
        applications_config: JSON.stringify({
          applications: { app_web: { environment: { url: 'https://preview-2.example.com' } } }
        }),
        commit_status: 'true',
        pr_comment: 'always'
      },
      env: { GITHUB_API_URL: sandbox.url }
    })
    results.push(result)
    expect(warnings(result.stdout).filter(line => /comment|status/.test(line))).toEqual([])
    expect(result.code).toBe(0)
    const [latest] = await statuses()
    expect(latest).toMatchObject({ state: 'success', context: 'QA.tech change review' })
    const [comment] = await comments()
    expect(comment?.body).toMatch(/QA.tech/)
  })
})
