/**
 * The pull-request comment's body and marker, as pure functions: what a reviewer reads, within
 * GitHub's 65,536 characters, and a marker that survives anything a run's text contains.
 */
import { readMarker, renderMarker } from '../../src/report/comment-marker.js'
import {
  COMMENT_MAX_CHARACTERS,
  renderComment,
  type CommentInput,
  type CommentState
} from '../../src/report/comment-markdown.js'
import { commentKeyOf, jobIdentity, matrixLeg } from '../../src/report/identity.js'
import type { SummaryInput } from '../../src/report/summary.js'
import { testerArmyWords } from '../../src/testerarmy/words.js'
import { largeRun, summaryCases } from '../fixtures/summary-inputs.js'

const ENV = {
  GITHUB_WORKFLOW: 'CI',
  GITHUB_WORKFLOW_REF: 'octo/shop/.github/workflows/ci.yml@refs/pull/7/merge',
  GITHUB_JOB: 'e2e',
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo/shop'
}
const job = jobIdentity(ENV, { action: 'qatech-runs' })
const UPDATED_AT = Date.UTC(2026, 10, 24, 10, 31)

function build(name: string): SummaryInput {
  const make = summaryCases[name]
  if (!make) throw new Error(`no summary case ${name}`)
  return make()
}

function outcomeOf(summary: SummaryInput) {
  if (!summary.outcome) throw new Error('no outcome')
  return summary.outcome
}

/** A comment input from one of the job summary's cases (the same runs, the same model). */
function commentInput(summary: SummaryInput, overrides: Partial<CommentInput> = {}): CommentInput {
  const state: CommentState = summary.outcome
    ? { kind: 'waited', outcome: summary.outcome, report: summary.report, waitedMs: summary.waitedMs ?? 0 }
    : { kind: 'not-waiting' }
  return {
    words: summary.words,
    started: summary.started,
    state,
    git: summary.git,
    job,
    marker: {
      key: commentKeyOf(job),
      run: { id: summary.started.id, url: summary.started.url },
      sha: summary.git.commitHash
    },
    pullRequestHead: summary.git.commitHash,
    updatedAt: UPDATED_AT,
    ...overrides
  }
}

describe('the comment body', () => {
  it('tells a failed run: outcome, counts, each failed test with why, issues, the run, the commit and when', () => {
    const body = renderComment(commentInput(build('failed-with-issues')))
    expect(body.startsWith('<!-- run-action-report ')).toBe(true)
    expect(body).toContain('### ❌ QA.tech: 2 of 4 test cases failed')
    expect(body).toContain('✅ 1 passed · ❌ 2 failed · ⏭️ 1 skipped · 4 in all')
    expect(body).toMatch(
      /\| ❌ \[Test case 2\]\(https:\/\/app\.qa\.tech\/[^)]+\) \| \*\*Step 2 did not work\*\*<br>The agent clicked/
    )
    expect(body).toContain('_Test agent missed (AGENT\\_NAVIGATION\\_TIMEOUT): likely not your code._')
    expect(body).toContain('<summary>Issues found (3)</summary>')
    expect(body).toContain('[Open run abc123 in QA.tech](https://app.qa.tech/p/web-shop/results/abc123)')
    expect(body).toContain('**Commit:** `8a1c7e3` Fix the cart total')
    expect(body).toContain(
      '<sub>Updated 2026-11-24 10:31 UTC · [CI / e2e, attempt 2](https://github.com/octo/shop/actions/runs/9001)</sub>'
    )
    expect(body).not.toContain('older commit')
  })

  it('says the run is going while it runs, with its link', () => {
    const body = renderComment(commentInput(build('passed'), { state: { kind: 'running' } }))
    expect(body).toContain('### ⏳ QA.tech: QA.tech run abc123 is running')
    expect(body).toContain(
      '[Follow it in QA.tech](https://app.qa.tech/p/web-shop/results/abc123): this comment is updated when it ends.'
    )
  })

  it('names a run without a page (tester.army) and offers no link text that goes nowhere', () => {
    const words = testerArmyWords({ target: { mode: 'test', testId: 't1' }, cancelOnAbort: true })
    const summary = build('passed')
    const started = { ...summary.started, id: '7a00-run', url: '' }
    for (const state of [{ kind: 'running' }, { kind: 'not-waiting' }] as const) {
      const body = renderComment(commentInput({ ...summary, words, started }, { state }))
      expect(body).toContain('**Run:** 7a00-run')
      expect(body).not.toMatch(/Open run|Follow it in|See it in/)
    }
    expect(renderComment(commentInput({ ...summary, words, started }, { state: { kind: 'running' } }))).toContain(
      'This comment is updated when it ends.'
    )
  })

  it('says the result is for an older commit once the pull request has moved on', () => {
    const body = renderComment(
      commentInput(build('passed'), { pullRequestHead: 'fedcba9876543210fedcba9876543210fedcba98' })
    )
    expect(body).toContain(
      '> This result is for `8a1c7e3`, an older commit: the pull request is now at `fedcba9`, which this run did not test.'
    )
  })

  it('marks flaky tests and links every attempt', () => {
    const summary = build('passed')
    const report = summary.report
    if (!report) throw new Error('no report')
    const [first, ...rest] = report.testCases
    if (!first) throw new Error('no test case')
    const flakyReport = {
      ...report,
      testCases: [
        { ...first, flaky: true, earlierFailures: [{ summary: 'Page did not load', code: 'AGENT_TIMEOUT' }] },
        ...rest
      ]
    }
    const body = renderComment(
      commentInput(
        { ...summary, report: flakyReport },
        {
          state: {
            kind: 'waited',
            // The outcome of this report counts its flaky test (verdict/outcome.ts).
            outcome: { ...outcomeOf(summary), counts: { ...outcomeOf(summary).counts, flaky: 1 } },
            report: flakyReport,
            waitedMs: 1000,
            earlierAttempts: [{ label: 'QA.tech run r1', url: 'https://app.qa.tech/p/web-shop/results/r1' }]
          }
        }
      )
    )
    expect(body).toContain('🔁 1 flaky')
    expect(body).toContain('🔁 **Flaky** (failed, then passed on a retry): [Test case 1](')
    expect(body).toContain('(AGENT\\_TIMEOUT)')
    expect(body).toContain(
      '**Runs:** [1: QA.tech run r1](https://app.qa.tech/p/web-shop/results/r1) · [2: abc123 (this one)](https://app.qa.tech/p/web-shop/results/abc123)'
    )
  })

  it('keeps hostile text inert: no markup, no unsafe links, no mentions, rows stay rows', () => {
    const summary = build('hostile')
    const report = summary.report
    if (!report) throw new Error('no report')
    const hostile = {
      ...report,
      testCases: report.testCases.map((testCase, index) =>
        index === 0 ? { ...testCase, name: '@octo/everyone please look', summary: 'cc @admin -->' } : testCase
      )
    }
    const body = renderComment(commentInput({ ...summary, report: hostile }))
    expect(body).not.toMatch(/<script|<img|<b>|<i>|\]\((javascript|data):/i)
    expect(body).not.toMatch(/@(octo|admin)/)
    expect(body).toContain('@&#8203;octo/everyone')
    // Only the marker ends an HTML comment.
    expect(body.split('-->')).toHaveLength(2)
    const rows = body.split('\n').filter(line => line.startsWith('| ❌'))
    expect(rows).toHaveLength(6)
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4)
  })

  it('stays within 65,536 characters for 10,000 test cases, the marker whole and first', () => {
    const input = commentInput(largeRun(10_000))
    const body = renderComment(input)
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARACTERS)
    expect(readMarker(body)).toEqual(readMarker(renderMarker(input.marker)))
    expect(body).toMatch(/…and \d+ more\. \[See every test case in QA\.tech\]/)
  })

  it('fits even when every failure is long, and says how many are not shown', () => {
    const summary = largeRun(2_000)
    const report = summary.report
    if (!report) throw new Error('no report')
    const long = {
      ...report,
      testCases: report.testCases.map(testCase => ({
        ...testCase,
        name: `${testCase.name} ${'ä'.repeat(400)}`,
        summary: '💥'.repeat(400)
      }))
    }
    const state = commentInput(summary).state
    if (state.kind !== 'waited') throw new Error('not waited')
    const body = renderComment(commentInput(summary, { state: { ...state, report: long } }))
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARACTERS)
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARACTERS - 5_000)
    expect(readMarker(body)?.run.id).toBe('abc123')
  })

  it('keeps the marker when even the heading is too long for the limit', () => {
    const body = renderComment(commentInput(build('passed')), 600)
    expect(body.length).toBeLessThanOrEqual(600)
    expect(readMarker(body)?.run.id).toBe('abc123')
    expect(body).toContain("Trimmed to fit GitHub's comment limit")
  })
})

describe('the marker', () => {
  it('carries the run id and page through text that would end an HTML comment', () => {
    const marker = {
      key: 'k',
      run: { id: 'r-->1<x>&', url: 'https://app.qa.tech/p/x/results/r1?q=-->' },
      sha: '8a1c7e3f0d9b4c2a6e5f7081923a4b5c6d7e8f90',
      workflowRunId: '9001',
      attempt: 2
    }
    const text = renderMarker(marker)
    expect(text.indexOf('-->')).toBe(text.length - 3)
    expect(readMarker(`${text}\nrest -->`)).toEqual({
      ...marker,
      run: { id: 'r-->1<x>&', url: 'https://app.qa.tech/p/x/results/r1?q=--%3E' }
    })
  })

  it('is not read from anywhere but the start of a comment, nor from broken data', () => {
    const text = renderMarker({ key: 'k', run: { id: 'r1' } })
    expect(readMarker(`Quoted: ${text}`)).toBeUndefined()
    expect(readMarker('<!-- run-action-report {"v":1,"key":5} -->')).toBeUndefined()
    expect(readMarker('<!-- run-action-report {not json} -->')).toBeUndefined()
  })

  it('leaves out a run id or page too long to be one, and a URL that is not http(s)', () => {
    const marker = readMarker(renderMarker({ key: 'k', run: { id: 'x'.repeat(500), url: 'javascript:alert(1)' } }))
    expect(marker?.run).toEqual({})
  })
})

describe('the comment key', () => {
  const key = (env: Record<string, string>, options: { commentKey?: string; matrix?: string } = {}) =>
    commentKeyOf(jobIdentity({ ...ENV, ...env }, { action: 'qatech-runs', ...options }))

  it('is the same on every run and attempt of a job', () => {
    expect(key({ GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' })).toBe(
      key({ GITHUB_RUN_ID: '2', GITHUB_RUN_ATTEMPT: '3' })
    )
    expect(key({ GITHUB_WORKFLOW_REF: 'octo/shop/.github/workflows/ci.yml@refs/heads/main' })).toBe(key({}))
  })

  it('differs for another job, matrix leg, comment_key or workflow', () => {
    const keys = [
      key({}),
      key({ GITHUB_JOB: 'smoke' }),
      key({}, { matrix: '{"app":"web"}' }),
      key({}, { matrix: '{"app":"admin"}' }),
      key({}, { commentKey: 'checkout' }),
      key({ GITHUB_WORKFLOW_REF: 'octo/shop/.github/workflows/nightly.yml@refs/heads/main' })
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('reads a matrix leg whatever the key order, and a job outside a matrix as none', () => {
    expect(key({}, { matrix: '{"app":"web","os":"ubuntu"}' })).toBe(key({}, { matrix: '{"os":"ubuntu","app":"web"}' }))
    expect(matrixLeg('{"app":"web","node":20}')).toEqual({ leg: 'web, 20', legKey: '[["app","web"],["node",20]]' })
    for (const none of [undefined, '', 'null', '{}', '${{ toJSON(matrix) }}']) expect(matrixLeg(none)).toEqual({})
    expect(key({}, { matrix: 'null' })).toBe(key({}))
  })
})
