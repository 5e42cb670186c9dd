/**
 * The JUnit XML and CTRF JSON files a blocking run leaves under RUNNER_TEMP: validated with real
 * validators against the JUnit schema (a copy of the Surefire / Jenkins junit-10 XSD, kept here)
 * and CTRF's own schema, and read the way a report reader would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { validateXML } from 'xmllint-wasm'
import type { CommonSettings } from '../../src/inputs/common-settings.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import { ctrfReporter, renderCtrf } from '../../src/report/ctrf.js'
import { junitReporter, renderJunit, type TestReportInput } from '../../src/report/junit.js'
import type { ReportContext } from '../../src/report/reporter.js'
import type { RunReport, TestCaseResult } from '../../src/service/model.js'
import type { SummaryInput } from '../../src/report/summary.js'
import { summaryCases } from '../fixtures/summary-inputs.js'

const here = dirname(fileURLToPath(import.meta.url))
const JUNIT_XSD = readFileSync(join(here, '..', 'fixtures', 'junit.xsd'), 'utf8')
const require = createRequire(import.meta.url)
const CTRF_SCHEMA: object = JSON.parse(
  readFileSync(join(dirname(require.resolve('ctrf')), 'ctrf-schema-0.0.json'), 'utf8')
)

const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
ajv.addFormat('date-time', { validate: (value: string) => !Number.isNaN(Date.parse(value)) })
ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) })
const validateCtrf = ajv.compile(CTRF_SCHEMA)

async function expectValidJunit(xml: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: JUNIT_XSD }],
    initialMemoryPages: 512,
    maxMemoryPages: 4096
  })
  expect(result.errors.map(error => error.rawMessage)).toEqual([])
  expect(result.valid).toBe(true)
}

function expectValidCtrf(report: unknown): void {
  const valid = validateCtrf(report)
  expect(validateCtrf.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

const ENV = {
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'e2e',
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo/shop'
}

function waited(summary: SummaryInput, report: RunReport | undefined = summary.report): TestReportInput {
  if (!summary.outcome) throw new Error('no outcome')
  return {
    words: summary.words,
    started: summary.started,
    git: summary.git,
    ending: { kind: 'waited', outcome: summary.outcome, report, waitedMs: summary.waitedMs ?? 0 }
  }
}

function build(name: string): TestReportInput {
  const make = summaryCases[name]
  if (!make) throw new Error(`no summary case ${name}`)
  return waited(make())
}

/** A run whose first test case failed on an agent miss and passed on the retry, and whose second kept failing. */
function retried(): TestReportInput {
  const input = build('failed-with-issues')
  const report = input.ending.report
  if (!report) throw new Error('no report')
  const testCases: TestCaseResult[] = report.testCases.map((testCase, index) => {
    if (index === 0)
      return { ...testCase, flaky: true, earlierFailures: [{ summary: 'Page did not load', code: 'AGENT_TIMEOUT' }] }
    if (testCase.verdict === 'failed')
      return { ...testCase, earlierFailures: [{ summary: 'First try', code: 'TEST_FAILED' }] }
    return testCase
  })
  return {
    ...input,
    ending: {
      ...input.ending,
      report: { ...report, testCases },
      earlierAttempts: [{ label: 'QA.tech run r001', url: 'https://app.qa.tech/p/web-shop/results/r001' }]
    }
  }
}

const cases = Object.keys(summaryCases).filter(name => name !== 'not-waiting')

describe('JUnit XML', () => {
  it.each(cases)('%s validates against the JUnit schema', async name => {
    await expectValidJunit(renderJunit(build(name)))
  })

  it('has one testsuite for the run and one testcase per test case, with the failure and why', async () => {
    const xml = renderJunit(build('failed-with-issues'))
    expect(xml.match(/<testsuite /g)).toHaveLength(1)
    expect(xml).toContain(
      '<testsuite name="QA.tech: Checkout flow" tests="4" failures="2" errors="0" skipped="1" time="187.000" id="abc123" url="https://app.qa.tech/p/web-shop/results/abc123">'
    )
    expect(xml.match(/<testcase /g)).toHaveLength(4)
    expect(xml).toContain(
      '<failure message="Step 2 did not work" type="TEST_FAILED">Step 2 did not work\n\nGoal: Complete the checkout with a saved card\n\nEvaluation: The agent clicked the button.\nNothing happened for 30 seconds.'
    )
    expect(xml).toContain('<failure message="The agent could not load the page" type="AGENT_NAVIGATION_TIMEOUT">')
    expect(xml).toMatch(/<testcase name="Test case 3" classname="QA.tech: Checkout flow">\n {6}<skipped\/>/)
    await expectValidJunit(xml)
  })

  it('folds retries into the test case: flakyFailure for a failure a retry cleared, rerunFailure for one that stayed', async () => {
    const xml = renderJunit(retried())
    expect(xml).toMatch(
      /<testcase name="Test case 1" [^>]*>\n {6}<flakyFailure message="Page did not load" type="AGENT_TIMEOUT"\/>/
    )
    expect(xml).toMatch(
      /<failure message="Step 2 did not work"[^]*?<rerunFailure message="First try" type="TEST_FAILED"\/>/
    )
    expect(xml).toContain('<property name="flaky_count" value="1"/>')
    expect(xml).toContain('<property name="earlier_run" value="https://app.qa.tech/p/web-shop/results/r001"/>')
    await expectValidJunit(xml)
  })

  it('gives a run that failed without a failed test case a testcase of its own, so no reader shows it green', async () => {
    for (const name of ['error', 'timed-out', 'cancelled-by-workflow']) {
      const xml = renderJunit(build(name))
      expect(xml).toMatch(
        /<testcase name="QA.tech run abc123" classname="QA.tech: Checkout flow">\n {6}<error message="/
      )
      expect(xml).toMatch(/errors="1"/)
    }
    expect(renderJunit(build('timed-out'))).toContain('<skipped message="Unfinished when the step stopped waiting"/>')
  })

  it('keeps hostile text as text: escaped markup, no control characters, attributes on one line', async () => {
    const input = build('hostile')
    const report = input.ending.report
    if (!report) throw new Error('no report')
    const testCases = report.testCases.map((testCase, index) =>
      index === 0
        ? { ...testCase, name: 'Bell\u0007 and NUL\u0000 and "quotes" & \'apostrophes\'', summary: 'a\nb' }
        : testCase
    )
    const xml = renderJunit({ ...input, ending: { ...input.ending, report: { ...report, testCases } } })
    expect(xml).not.toMatch(/<script|<img|<\/details>/)
    expect(xml).not.toContain('\u0000')
    expect(xml).not.toContain('\u0007')
    expect(xml).toContain('name="Bell and NUL and &quot;quotes&quot; &amp; &apos;apostrophes&apos;"')
    expect(xml).toContain('message="a&#10;b"')
    await expectValidJunit(xml)
  })

  it('is checked by a validator that does reject what the schema forbids', async () => {
    const xml = renderJunit(retried())
    for (const broken of [xml.replaceAll(' errors="0"', ''), xml.replaceAll(' type="AGENT_TIMEOUT"', '')]) {
      const result = await validateXML({
        xml: [{ fileName: 'report.xml', contents: broken }],
        schema: [{ fileName: 'junit.xsd', contents: JUNIT_XSD }]
      })
      expect(result.valid).toBe(false)
    }
  })
})

const ENDED_AT = Date.UTC(2026, 10, 24, 10, 31)
const REPORT_ID = '3f2b8c1e-9d4a-4b6f-8e2d-1a5c7b9d0e3f'
const ctrfOf = (input: TestReportInput) => renderCtrf({ ...input, endedAt: ENDED_AT, reportId: REPORT_ID, env: ENV })

describe('CTRF JSON', () => {
  it.each(cases)('%s validates against the CTRF schema', name => {
    expectValidCtrf(ctrfOf(build(name)))
  })

  it('counts and names every test case with its last result, the run and the build', () => {
    const report = ctrfOf(build('failed-with-issues'))
    expect(report.results.summary).toEqual({
      tests: 4,
      passed: 1,
      failed: 2,
      skipped: 1,
      pending: 0,
      other: 0,
      flaky: 0,
      suites: 1,
      start: ENDED_AT - 187_000,
      stop: ENDED_AT,
      duration: 187_000
    })
    expect(report.results.tests[1]).toMatchObject({
      name: 'Test case 2',
      status: 'failed',
      message: 'Step 2 did not work',
      suite: ['Checkout flow'],
      extra: { cause: 'product', code: 'TEST_FAILED' }
    })
    expect(report.results.environment).toMatchObject({
      commit: '8a1c7e3f0d9b4c2a6e5f7081923a4b5c6d7e8f90',
      branchName: 'feature/cart',
      buildId: '9001',
      buildNumber: 42,
      buildUrl: 'https://github.com/octo/shop/actions/runs/9001',
      healthy: false
    })
    expect(report.results.extra).toMatchObject({
      runId: 'abc123',
      runUrl: 'https://app.qa.tech/p/web-shop/results/abc123'
    })
  })

  it.each(['error', 'timed-out', 'cancelled-by-workflow'])(
    '%s: a run that did not pass has a failed test for the run, so a CTRF viewer shows it red',
    name => {
      const input = build(name)
      const report = ctrfOf(input)
      expectValidCtrf(report)
      expect(report.results.summary.failed).toBe(1)
      expect(report.results.tests.filter(test => test.status === 'failed')).toEqual([
        expect.objectContaining({
          name: 'QA.tech run abc123',
          message: input.ending.outcome.message,
          rawStatus: input.ending.outcome.status
        })
      ])
    }
  )

  it('reports a test that passed on a retry as passed and flaky, with its earlier attempt', () => {
    const report = ctrfOf(retried())
    expectValidCtrf(report)
    expect(report.results.summary.flaky).toBe(1)
    expect(report.results.tests[0]).toMatchObject({
      status: 'passed',
      flaky: true,
      retries: 1,
      retryAttempts: [{ attempt: 1, status: 'failed', message: 'Page did not load (AGENT_TIMEOUT)' }]
    })
    expect(report.results.tests[1]).toMatchObject({ status: 'failed', retries: 1 })
    expect(report.results.tests[1]?.flaky).toBeUndefined()
    expect(report.results.extra?.earlierRuns).toEqual([
      { label: 'QA.tech run r001', url: 'https://app.qa.tech/p/web-shop/results/r001' }
    ])
  })

  it('is checked by a validator that does reject what the schema forbids', () => {
    const report = ctrfOf(build('passed'))
    expect(
      validateCtrf({ ...report, results: { ...report.results, tests: [{ name: 'x', status: 'flaky', duration: 1 }] } })
    ).toBe(false)
  })
})

describe('the file reporters', () => {
  const SECRET = 'vercel-bypass-0123456789abcdef'
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-files-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function context(): ReportContext {
    const input = build('passed')
    return {
      service: {
        action: 'qatech-runs',
        words: QATECH_WORDS,
        outputs: { none: () => ({}), started: () => ({}), finished: () => ({}) }
      },
      settings: { secrets: [SECRET] } as Partial<CommonSettings> as CommonSettings,
      git: input.git,
      env: { ...ENV, RUNNER_TEMP: dir },
      event: { name: 'push', payload: {} },
      octokit: undefined
    }
  }

  /** Runs a hook with GITHUB_OUTPUT pointing at a file, and returns the outputs it set. */
  async function outputsOf(hook: () => void | Promise<void>): Promise<Record<string, string>> {
    const file = join(dir, 'output.txt')
    writeFileSync(file, '')
    const saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = file
    try {
      await hook()
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
    }
    const outputs: Record<string, string> = {}
    const lines = readFileSync(file, 'utf8').split('\n')
    for (let index = 0; index < lines.length; index += 1) {
      const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? '')
      if (match?.[1] && match[2]) outputs[match[1]] = lines[index + 1] ?? ''
    }
    return outputs
  }

  it('write both files under RUNNER_TEMP when the wait ends, named in junit_file and ctrf_file, with no secret in them', async () => {
    const input = retried()
    const report = input.ending.report
    if (!report) throw new Error('no report')
    // A service's text can quote a visited URL with the bypass secret.
    const leaky = {
      ...input.ending,
      report: {
        ...report,
        testCases: report.testCases.map(testCase => ({
          ...testCase,
          summary: `Opened https://x.dev/?x-vercel-protection-bypass=${SECRET}`
        }))
      }
    }
    const outputs = await outputsOf(async () => {
      await junitReporter(context()).finished?.(input.started, leaky)
      await ctrfReporter(context()).finished?.(input.started, leaky)
    })
    expect(outputs.junit_file).toBe(join(dir, 'qatech-run-abc123.junit.xml'))
    expect(outputs.ctrf_file).toBe(join(dir, 'qatech-run-abc123.ctrf.json'))
    const xml = readFileSync(outputs.junit_file ?? '', 'utf8')
    const json = readFileSync(outputs.ctrf_file ?? '', 'utf8')
    await expectValidJunit(xml)
    expectValidCtrf(JSON.parse(json))
    for (const text of [xml, json]) {
      expect(text).not.toContain(SECRET)
      expect(text).toContain('x-vercel-protection-bypass=***')
    }
  })

  it('write nothing for a run the step did not wait for', async () => {
    const run = build('passed').started
    const outputs = await outputsOf(async () => {
      await junitReporter(context()).finished?.(run, { kind: 'not-waiting' })
      await ctrfReporter(context()).finished?.(run, { kind: 'not-waiting' })
    })
    expect(outputs).toEqual({})
  })
})
