/**
 * Property-based tests: whatever the inputs, payloads or API text, the settings parser, the
 * git-context resolver and the summary renderer hold their promises.
 */
import fc from 'fast-check'
import { ActionError } from '../../src/util/errors.js'
import { resolveGitContext } from '../../src/context/git-context.js'
import { byteLength } from '../../src/report/markdown.js'
import { decideOutcome } from '../../src/verdict/outcome.js'
import { toRunReport, toStartedRun } from '../../src/qatech/run-report.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import type { RunState } from '../../src/qatech/types.js'
import { parseSettings } from '../../src/qatech/settings.js'
import { renderSummary } from '../../src/report/summary.js'
import { redactSecrets } from '../../src/util/secrets.js'
import { testCase } from '../fixtures/summary-inputs.js'

const INPUTS = [
  'api_token',
  'api_url',
  'test_plan_short_id',
  'test_case_ids',
  'applications_config',
  'application_short_id',
  'environment_url',
  'environment_name',
  'environment_short_id',
  'device_preset_short_id',
  'vercel_bypass_secret',
  'notifications_config',
  'blocking',
  'timeout_minutes',
  'poll_interval_seconds',
  'fail_on_skipped',
  'job_summary'
]

/** Strings rich in what breaks parsers and markdown. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '{',
    '[',
    '- a',
    '|',
    '<script>',
    ']]>',
    '::error::x',
    'app_',
    'pln_x',
    '1e3',
    '-1',
    'NaN',
    'true',
    'https://a.b/c?d'
  ),
  fc.json()
)

describe('settings parser', () => {
  it('returns settings or one ActionError with one problem per line, for any inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...INPUTS), nasty), async inputs => {
        try {
          const settings = await parseSettings(name => inputs[name] ?? '', {
            eventName: 'push',
            isForkPullRequest: false,
            isDependabot: false
          })
          expect(settings.apiToken).not.toBe('')
        } catch (error) {
          expect(error).toBeInstanceOf(ActionError)
          for (const line of (error as Error).message.split('\n')) {
            expect(line.trim()).not.toBe('')
            expect(line).not.toMatch(/^\s+at /)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('git-context resolver', () => {
  const events = fc.constantFrom(
    'push',
    'pull_request',
    'pull_request_target',
    'deployment_status',
    'deployment',
    'merge_group',
    'workflow_run',
    'check_suite',
    'check_run',
    'release',
    'other'
  )
  const env = fc.record(
    { GITHUB_REF_NAME: fc.string(), GITHUB_SHA: fc.string(), GITHUB_REPOSITORY: fc.string() },
    { requiredKeys: [] }
  )

  it('never throws and returns strings or nothing, for any payload', () => {
    fc.assert(
      fc.property(events, fc.anything(), env, (eventName, payload, environment) => {
        const context = resolveGitContext(
          eventName,
          (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>,
          environment
        )
        for (const field of [
          context.actor,
          context.branch,
          context.commitHash,
          context.commitMessage,
          context.repository
        ]) {
          expect(field === undefined || typeof field === 'string').toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('finds the head commit of any pull request payload', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (ref, sha) => {
        const context = resolveGitContext(
          'pull_request',
          { pull_request: { head: { ref, sha } } },
          { GITHUB_SHA: 'merge' }
        )
        expect(context.branch).toBe(ref)
        expect(context.commitHash).toBe(sha)
      })
    )
  })
})

describe('summary renderer', () => {
  const result = fc.constantFrom('PASSED', 'FAILED', 'SKIPPED', null, 'WEIRD')
  const testCases = fc.array(
    fc.record({
      result,
      name: nasty,
      resultTitle: fc.option(nasty),
      evaluationThought: fc.option(nasty),
      url: fc.option(nasty)
    }),
    { maxLength: 40 }
  )
  const budget = fc.integer({ min: 1_500, max: 60_000 })
  const secret = 'S3cr3t-bypass-value'

  function render(
    cases: {
      result: string | null
      name: string
      resultTitle: string | null
      evaluationThought: string | null
      url: string | null
    }[],
    bytes: number
  ) {
    // Some API text quotes the bypass secret back; it is scrubbed before rendering, as in main.ts.
    const runTestCases = redactSecrets(
      cases.map((item, index) =>
        testCase(index + 1, item.result, index % 3 === 0 ? { ...item, name: `${item.name}${secret}` } : item)
      ),
      [secret]
    )
    const run: RunState = {
      id: 'id',
      shortId: 'r1',
      status: 'COMPLETED',
      result: 'FAILED',
      runTestCases,
      issues: [],
      raw: {}
    }
    const started = toStartedRun(
      {
        id: 'id',
        shortId: 'r1',
        url: 'https://app.qa.tech/p/x/results/r1',
        testCount: cases.length,
        testPlan: { name: 'Plan', shortId: 'pln_x' }
      },
      ['https://preview.example.com/']
    )
    const report = toRunReport(run, started.label)
    const outcome = decideOutcome({ kind: 'finished', report, last: report, waitedMs: 1000 }, started, QATECH_WORDS, {
      failOnSkipped: false,
      timeoutMinutes: 60
    })
    const text = renderSummary(
      {
        words: QATECH_WORDS,
        started,
        outcome,
        report,
        git: { branch: 'b', commitHash: 'c'.repeat(40), commitMessageFromApi: false },
        waitedMs: 1000
      },
      bytes
    )
    return { text, outcome }
  }

  it('stays within the byte budget and always counts the failures', () => {
    fc.assert(
      fc.property(testCases, budget, (cases, bytes) => {
        const { text, outcome } = render(cases, bytes)
        expect(byteLength(text)).toBeLessThanOrEqual(bytes)
        const { passed, failed, total } = outcome.counts
        if (passed === undefined || failed === undefined) {
          // Counts that contradict the failed verdict (every test case passed) are not shown.
          expect(text).toMatch(new RegExp(`${total} test cases?: the per-test results do not agree`))
        } else {
          expect(text).toContain(`✅ **${passed}** passed`)
          // The run failed: its counts never say "0 failed".
          expect(text).toContain(failed > 0 ? ` · ❌ **${failed}** failed` : '')
          expect(text).not.toContain('❌ **0** failed')
        }
      }),
      { numRuns: 200 }
    )
  })

  it('keeps API text in its cell: no raw HTML, no extra columns, no non-http links, no secret', () => {
    fc.assert(
      fc.property(testCases, cases => {
        const { text } = render(cases, 1_000_000)
        const withoutOurTags = text.replace(/<\/?(details|summary|code)>|<details open>|<br>/g, '')
        expect(withoutOurTags).not.toMatch(/</)
        for (const line of text.split('\n').filter(row => row.startsWith('| '))) {
          expect(line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|')).toHaveLength(6)
        }
        for (const [, target] of text.matchAll(/\]\(([^)]*)\)/g)) expect(target).toMatch(/^https?:\/\//)
        expect(text).not.toContain(secret)
      }),
      { numRuns: 200 }
    )
  })

  it('names every failed test case when the summary is not trimmed', () => {
    fc.assert(
      fc.property(testCases, cases => {
        const { text } = render(cases, 1_000_000)
        const failedRows = text.split('\n').filter(line => line.startsWith('| ❌ Failed |'))
        expect(failedRows).toHaveLength(cases.filter(item => item.result === 'FAILED').length)
      }),
      { numRuns: 200 }
    )
  })
})
