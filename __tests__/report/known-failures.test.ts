/**
 * Failures the base branch already has, as every report tells them: a run compared with its base
 * branch's (verdict/baseline.ts) and rendered by the job summary, the pull-request comment, the
 * annotations, the JUnit and CTRF files and the commit status. Built from QA.tech answers through
 * the adapter, compared and decided by the real functions; the files are validated as the other
 * report tests validate them.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import type { CTRFReport } from 'ctrf'
import { validateXML } from 'xmllint-wasm'
import type { GitContext } from '../../src/context/git-context.js'
import { lazyOctokit, type Octokit } from '../../src/github/octokit.js'
import type { CommonSettings } from '../../src/inputs/common-settings.js'
import { toStartedRun } from '../../src/qatech/run-report.js'
import type { RunState, RunTestCase } from '../../src/qatech/types.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import { annotationsReporter } from '../../src/report/annotations.js'
import { renderComment } from '../../src/report/comment-markdown.js'
import { commitStatusReporter } from '../../src/report/commit-status.js'
import { renderCtrf } from '../../src/report/ctrf.js'
import { commentKeyOf, jobIdentity } from '../../src/report/identity.js'
import { renderJunit, type TestReportInput } from '../../src/report/junit.js'
import type { ReportContext } from '../../src/report/reporter.js'
import { renderSummary, type SummaryInput } from '../../src/report/summary.js'
import type { Outcome, RunReport } from '../../src/service/model.js'
import { classifyFailures, decideWithBaseline, type BaselineRun, type FailOn } from '../../src/verdict/baseline.js'
import { decideOutcome } from '../../src/verdict/outcome.js'
import type { Sandbox } from '../../sandbox/server.mjs'
import { report as qatechReport, testCase } from '../fixtures/summary-inputs.js'
import { startVirtualSandbox, type VirtualClock } from '../harness/in-process.js'

// ---- The runs: a pull request's, and its base branch's ----

const PROJECT = 'https://app.qa.tech/p/web-shop/results'
const started = toStartedRun(
  {
    id: '550e8400-e29b-41d4-a716-446655440000',
    shortId: 'abc123',
    url: `${PROJECT}/abc123`,
    testCount: 4,
    testPlan: { name: 'Checkout flow', shortId: 'pln_xyz789' }
  },
  ['https://shop-git-feature-cart-octo.vercel.app/']
)
const git: GitContext = {
  actor: 'octocat',
  branch: 'feature/cart',
  commitHash: '8a1c7e3f0d9b4c2a6e5f7081923a4b5c6d7e8f90',
  commitMessage: 'Fix the cart total',
  repository: 'octo/shop',
  commitMessageFromApi: false
}
const BASELINE_SHA = 'abc1234def5678abc1234def5678abc1234def56'
const BASELINE_RUN = `${PROJECT}/r_main`
const MAIN: BaselineRun = { branch: 'main', commitSha: BASELINE_SHA, runUrl: BASELINE_RUN }

function run(testCases: RunTestCase[]): RunReport {
  const failed = testCases.some(item => item.result === 'FAILED')
  const state: RunState = {
    id: started.id,
    shortId: started.id,
    status: 'COMPLETED',
    result: failed ? 'FAILED' : 'PASSED',
    runTestCases: testCases,
    issues: [],
    raw: {}
  }
  return qatechReport(state)
}

/** The pull request's run: test cases 2 and 3 of 4 failed. */
const pullRequestRun = (names: Partial<Record<number, string>> = {}) =>
  run(
    [
      testCase(1, 'PASSED'),
      testCase(2, 'FAILED', { name: names[2] ?? 'Test case 2' }),
      testCase(3, 'FAILED', { name: names[3] ?? 'Test case 3' }),
      testCase(4, 'PASSED')
    ].map(item => ({ ...item, shortId: `${item.shortId}_pr` }))
  )

/** The base branch's run: the named test cases failed there, the others passed. */
const baselineRun = (failing: readonly string[], names: readonly string[] = ['Test case 2', 'Test case 3']) =>
  run(
    names.map((name, index) =>
      testCase(index + 2, failing.includes(name) ? 'FAILED' : 'PASSED', { name, shortId: `rtc_main_${index}` })
    )
  )

interface Compared {
  readonly outcome: Outcome
  readonly report: RunReport
}

/** The pull request's run compared with its base branch's, as the step decides it. */
function compare(
  pullRequest: RunReport,
  baseline: RunReport,
  failOn: FailOn = 'new',
  where: BaselineRun = MAIN
): Compared {
  const plain = decideOutcome(
    { kind: 'finished', report: pullRequest, last: pullRequest, waitedMs: 187_000 },
    started,
    QATECH_WORDS,
    {
      failOnSkipped: false,
      timeoutMinutes: 60
    }
  )
  const classification = classifyFailures(pullRequest, baseline)
  const outcome = decideWithBaseline(plain, classification, where, { failOn, words: QATECH_WORDS, started })
  return { outcome, report: classification.report }
}

/** Both failures already fail on main: with fail_on new the step passes. */
const allKnown = () => compare(pullRequestRun(), baselineRun(['Test case 2', 'Test case 3']))
/** Test case 2 fails on main too, test case 3 is the pull request's: new first, then known. */
const oneNewOneKnown = () => compare(pullRequestRun(), baselineRun(['Test case 2']))
/** The same run with nothing compared. */
const notCompared = (): Compared => {
  const report = pullRequestRun()
  const outcome = decideOutcome({ kind: 'finished', report, last: report, waitedMs: 187_000 }, started, QATECH_WORDS, {
    failOnSkipped: false,
    timeoutMinutes: 60
  })
  return { outcome, report }
}

// ---- The surfaces ----

function summaryOf({ outcome, report }: Compared): string {
  const input: SummaryInput = {
    words: QATECH_WORDS,
    started,
    outcome,
    report,
    git,
    waitedMs: 187_000,
    serverUrl: 'https://github.com'
  }
  return renderSummary(input)
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
const job = jobIdentity(ENV, { action: 'qatech-runs' })

function commentOf({ outcome, report }: Compared): string {
  return renderComment({
    words: QATECH_WORDS,
    started,
    state: { kind: 'waited', outcome, report, waitedMs: 187_000 },
    git,
    job,
    marker: { key: commentKeyOf(job), run: { id: started.id, url: started.url }, sha: git.commitHash },
    pullRequestHead: git.commitHash,
    updatedAt: Date.UTC(2026, 10, 24, 10, 31)
  })
}

function testReportInput({ outcome, report }: Compared): TestReportInput {
  return { words: QATECH_WORDS, started, git, ending: { kind: 'waited', outcome, report, waitedMs: 187_000 } }
}

/** The lines of `text` from the one that contains `from` on. */
function after(text: string, from: string): string {
  const index = text.indexOf(from)
  if (index < 0) throw new Error(`no "${from}" in:\n${text}`)
  return text.slice(index)
}

/** Whether each of `parts` appears in `text`, each after the one before. */
function inOrder(text: string, parts: readonly string[]): boolean {
  let from = 0
  for (const part of parts) {
    const index = text.indexOf(part, from)
    if (index < 0) return false
    from = index + part.length
  }
  return true
}

describe('the job summary', () => {
  it('is green when every failure is known, and says why at once, with the baseline commit and run', () => {
    const text = summaryOf(allKnown())
    expect(text.split('\n')[0]).toBe('## ✅ QA.tech: 2 of 4 test cases failed — 2 known failures, none new')
    expect(text).toContain(
      '> 2 test cases fail, both already failing on <code>main</code> at ' +
        `[<code>abc1234</code>](https://github.com/octo/shop/commit/${BASELINE_SHA})` +
        ' — not caused by this pull request.' +
        ` [Open the baseline run in QA.tech](${BASELINE_RUN}).`
    )
    expect(text).toContain('❌ **2** failed (0 new, 2 known)')
    // The known failures are listed apart, not as what the pull request broke.
    expect(text).toContain('### Already failing on <code>main</code>')
    expect(text).not.toMatch(/### (Why they failed|New failures)/)
    expect(text).toContain('| ❌ Failed (known) | [Test case 2]')
  })

  it('is red with one new and one known failure, the new one first and the known one apart', () => {
    const text = summaryOf(oneNewOneKnown())
    expect(text.split('\n')[0]).toBe('## ❌ QA.tech: 2 of 4 test cases failed — 1 new failure, 1 known')
    expect(text).toContain(
      `> Compared with <code>main</code> at [<code>abc1234</code>](https://github.com/octo/shop/commit/${BASELINE_SHA}): ` +
        `1 new failure, 1 known. [Open the baseline run in QA.tech](${BASELINE_RUN}).`
    )
    expect(text).toContain('❌ **2** failed (1 new, 1 known)')
    // The table: the new failure's row, then the known one's.
    const rows = text.split('\n').filter(line => line.startsWith('| ❌'))
    expect(rows.map(row => row.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| ❌ Failed | [Test case 3](https://app.qa.tech/p/web-shop/results/test/rtc_00003)',
      '| ❌ Failed (known) | [Test case 2](https://app.qa.tech/p/web-shop/results/test/rtc_00002)'
    ])
    // The details: new failures, then those main already has.
    const details = after(text, '### New failures\n')
    expect(
      inOrder(details, [
        '<summary>❌ Test case 3',
        '### Already failing on <code>main</code>\n',
        '<summary>❌ Test case 2'
      ])
    ).toBe(true)
    expect(after(text, '### Already failing on')).not.toContain('Test case 3')
    // decideWithBaseline leaves an outcome whose counts it cannot square as it was: then nothing is
    // said of known failures, whatever marks the test cases carry.
    const plain = summaryOf({ outcome: notCompared().outcome, report: oneNewOneKnown().report })
    expect(plain).toContain('### Why they failed')
    expect(plain).not.toMatch(/known|Already failing|New failures|baseline/)
  })

  it('keeps a hostile branch and test name inert', () => {
    const branch = '<img src=x onerror=alert(1)>|`x` [a](javascript:alert(1))'
    const text = summaryOf(
      compare(
        pullRequestRun({ 2: '<script>alert(1)</script> | col' }),
        baselineRun(
          ['<script>alert(1)</script> | col', 'Test case 3'],
          ['<script>alert(1)</script> | col', 'Test case 3']
        ),
        'new',
        { ...MAIN, branch }
      )
    )
    expect(text).not.toMatch(/<img|<script|\]\(javascript:/i)
    expect(text).toContain('### Already failing on <code>&lt;img src=x onerror=alert&#40;1&#41;&gt;&#124;&#96;x&#96;')
  })
})

describe('the pull-request comment', () => {
  it('is green when every failure is known, says why with the baseline commit and run, and lists them apart', () => {
    const body = commentOf(allKnown())
    expect(body).toContain('### ✅ QA.tech: 2 of 4 test cases failed — 2 known failures, none new')
    expect(body).toContain(
      '\n2 test cases fail, both already failing on main at `abc1234` — not caused by this pull request.' +
        ` [Open the baseline run in QA.tech](${BASELINE_RUN}).\n`
    )
    expect(body).toContain('❌ 2 failed (0 new, 2 known)')
    expect(body).toContain('| Already failing on main | Why |')
    expect(body).not.toMatch(/\| (Failed test case|New failures) \| Why \|/)
  })

  it('is red with one new and one known failure, the new one in its own table first', () => {
    const body = commentOf(oneNewOneKnown())
    expect(body).toContain('### ❌ QA.tech: 2 of 4 test cases failed — 1 new failure, 1 known')
    expect(body).toContain(
      `\nCompared with main at \`abc1234\`: 1 new failure, 1 known. [Open the baseline run in QA.tech](${BASELINE_RUN}).\n`
    )
    const tables = after(body, '| New failures | Why |')
    expect(inOrder(tables, ['| ❌ [Test case 3]', '| Already failing on main | Why |', '| ❌ [Test case 2]'])).toBe(
      true
    )
    expect(after(body, '| Already failing on main | Why |')).not.toContain('Test case 3')
    // Not compared: one table, as before, even with marks on the test cases.
    const plain = commentOf({ outcome: notCompared().outcome, report: oneNewOneKnown().report })
    expect(plain).toContain('| Failed test case | Why |')
    expect(plain).not.toMatch(/known|Already failing|New failures|baseline/)
  })

  it('keeps a hostile branch inert and mentions no one', () => {
    const body = commentOf(
      compare(pullRequestRun(), baselineRun(['Test case 2']), 'new', { ...MAIN, branch: '@org/team <b>x</b>|y' })
    )
    expect(body).not.toMatch(/<b>|@org/)
    expect(body).toContain('| Already failing on @&#8203;org/team &lt;b&gt;x&lt;/b&gt;\\|y | Why |')
  })
})

// ---- The annotations and the commit status, through the reporters ----

let sandbox: Sandbox
let clock: VirtualClock
let github: Octokit
beforeAll(async () => {
  ;({ sandbox, clock } = await startVirtualSandbox())
  github = await lazyOctokit('ghp_reviewer', sandbox.url)()
})
afterAll(() => sandbox.close())

const TOKEN = 'ghs_sandboxGithubToken'
const PR_HEAD = git.commitHash ?? ''

function contextFor(commitStatus: boolean): ReportContext {
  const settings: CommonSettings = {
    githubToken: TOKEN,
    blocking: true,
    timeoutMinutes: 60,
    pollIntervalSeconds: 10,
    failOnSkipped: false,
    jobSummary: true,
    cancelOnAbort: false,
    prComment: 'off',
    commentKey: undefined,
    jobMatrix: undefined,
    commitStatus,
    statusContext: undefined,
    rerun: 'failed',
    retryFailed: 0,
    preflight: 'off',
    preflightTimeoutSeconds: 300,
    secrets: []
  }
  return {
    service: {
      action: 'qatech-runs',
      words: QATECH_WORDS,
      outputs: { none: () => ({}), started: () => ({}), finished: () => ({}) }
    },
    settings,
    git,
    env: ENV,
    event: { name: 'pull_request', payload: {} },
    octokit: lazyOctokit(TOKEN, sandbox.url)
  }
}

/** Runs a hook, capturing the log the runner reads. */
async function logOf(hook: () => unknown): Promise<string> {
  let stdout = ''
  const saved = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  try {
    await hook()
  } finally {
    process.stdout.write = saved
  }
  return stdout
}

/** The annotations the runner reads from the log: "error: <title>" or "warning: <title>", in order. */
async function annotationsOf({
  outcome,
  report
}: Compared): Promise<{ kind: string; title: string; message: string }[]> {
  const reporter = annotationsReporter(contextFor(false))
  const log = await logOf(() => reporter.finished?.(started, { kind: 'waited', outcome, report, waitedMs: 187_000 }))
  return log
    .split('\n')
    .map(line => /^::(error|warning) title=([^:]*)::(.*)$/.exec(line))
    .filter(match => match !== null)
    .map(([, kind = '', title = '', message = '']) => ({
      kind,
      title: decodeURIComponent(title),
      message: decodeURIComponent(message)
    }))
}

describe('the annotations', () => {
  it('are a warning for each known failure and an error for each new one, new first', async () => {
    const annotations = await annotationsOf(oneNewOneKnown())
    expect(annotations.map(({ kind, title }) => `${kind}: ${title}`)).toEqual([
      'error: QA.tech: Test case 3',
      'warning: QA.tech: Test case 2'
    ])
    expect(annotations[1]?.message).toBe(
      'Already failing on main at abc1234, not caused by this pull request: Step 2 did not work ' +
        'https://app.qa.tech/p/web-shop/results/test/rtc_00002'
    )
    // Not compared: errors both, even with marks on the test cases.
    const plain = await annotationsOf({ outcome: notCompared().outcome, report: oneNewOneKnown().report })
    expect(plain.map(({ kind }) => kind)).toEqual(['error', 'error'])
  })

  it('are warnings only when every failure is known and the step passes', async () => {
    const annotations = await annotationsOf(allKnown())
    expect(annotations.map(({ kind, title }) => `${kind}: ${title}`)).toEqual([
      'warning: QA.tech: Test case 2',
      'warning: QA.tech: Test case 3'
    ])
  })
})

describe('the commit status', () => {
  beforeEach(() => sandbox.reset({}))

  async function finalStatus(compared: Compared) {
    const reporter = commitStatusReporter(contextFor(true), { clock })
    await logOf(() =>
      reporter.finished?.(started, {
        kind: 'waited',
        outcome: compared.outcome,
        report: compared.report,
        waitedMs: 187_000
      })
    )
    const { data } = await github.rest.repos.listCommitStatusesForRef({ owner: 'octo', repo: 'shop', ref: PR_HEAD })
    return data.map(({ state, description }) => `${state}: ${description}`)
  }

  it('is success when every failure is known, and says so', async () => {
    expect(await finalStatus(allKnown())).toEqual(['success: 2 known failures, none new'])
  })

  it('is failure with one new and one known, naming the new one', async () => {
    expect(await finalStatus(oneNewOneKnown())).toEqual(['failure: 1 new failure, 1 known: Test case 3'])
  })

  it('is failure, naming every known failure as known, with fail_on: any', async () => {
    const compared = compare(pullRequestRun(), baselineRun(['Test case 2', 'Test case 3']), 'any')
    expect(await finalStatus(compared)).toEqual(['failure: 2 known failures, none new'])
  })
})

// ---- The files ----

const here = dirname(fileURLToPath(import.meta.url))
const JUNIT_XSD = readFileSync(join(here, '..', 'fixtures', 'junit.xsd'), 'utf8')
const require = createRequire(import.meta.url)
const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
ajv.addFormat('date-time', { validate: (value: string) => !Number.isNaN(Date.parse(value)) })
ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) })
const validateCtrf = ajv.compile(
  JSON.parse(readFileSync(join(dirname(require.resolve('ctrf')), 'ctrf-schema-0.0.json'), 'utf8')) as object
)

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

/** Each testcase element of the XML, by its name. */
function testCaseElements(xml: string): Record<string, string> {
  const elements = xml.match(/ {4}<testcase [^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g) ?? []
  return Object.fromEntries(elements.map(element => [/name="([^"]*)"/.exec(element)?.[1] ?? '', element]))
}

describe('the JUnit file', () => {
  it('keeps every failure a failure and marks the known one with a baseline property, and no other', async () => {
    const xml = renderJunit(testReportInput(oneNewOneKnown()))
    await expectValidJunit(xml)
    expect(xml).toContain('failures="2"')
    const cases = testCaseElements(xml)
    expect(cases['Test case 2']).toContain('<failure ')
    expect(cases['Test case 2']).toContain('<property name="baseline" value="known"/>')
    expect(cases['Test case 3']).toContain('<failure ')
    for (const name of ['Test case 1', 'Test case 3', 'Test case 4']) {
      expect(cases[name]).not.toContain('baseline')
    }
    // Not compared: no mark, even with marks on the test cases.
    expect(
      renderJunit(testReportInput({ outcome: notCompared().outcome, report: oneNewOneKnown().report }))
    ).not.toContain('baseline')
  })
})

describe('the CTRF file', () => {
  function ctrfOf(compared: Compared): CTRFReport {
    const report = renderCtrf({
      ...testReportInput(compared),
      endedAt: Date.UTC(2026, 10, 24, 10, 31),
      reportId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      env: ENV
    })
    const valid = validateCtrf(report)
    expect(validateCtrf.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    return report
  }

  it('keeps every failure failed and marks the known one with extra.baseline, and no other', () => {
    const tests = ctrfOf(oneNewOneKnown()).results.tests
    const byName = Object.fromEntries(tests.map(test => [test.name, test]))
    expect(byName['Test case 2']).toMatchObject({ status: 'failed', extra: { baseline: 'known' } })
    expect(byName['Test case 3']?.status).toBe('failed')
    for (const name of ['Test case 1', 'Test case 3', 'Test case 4']) {
      expect(byName[name]?.extra?.baseline).toBeUndefined()
    }
    // Not compared: no mark, even with marks on the test cases.
    const plain = ctrfOf({ outcome: notCompared().outcome, report: oneNewOneKnown().report })
    expect(JSON.stringify(plain)).not.toContain('baseline')
  })
})
