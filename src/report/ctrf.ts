/**
 * A CTRF JSON report (Common Test Report Format, https://ctrf.io) of a finished wait: one test per
 * test case with its last result; a test that failed and then passed on a retry is `passed` with
 * `flaky: true` and its earlier attempts; one the base branch already has stays `failed` with
 * `extra.baseline: "known"` (the report's `extra.baseline` says what it was compared with). A
 * step that did not pass with no failed test to show for it (an error, a timeout, a cancel) gets
 * one failed test for the run itself, as the JUnit file does, so a CTRF viewer shows it red. Only
 * CTRF's types are used here; the bundle does not carry the package.
 */
import { randomUUID } from 'node:crypto'
import type { CTRFReport, Test } from 'ctrf'
import type { Outcome, StartedRun, TestCaseResult } from '../service/model.js'
import { systemClock, type Clock } from '../util/clock.js'
import { redactSecrets } from '../util/secrets.js'
import { CommonOutputs } from './common-outputs.js'
import { jobIdentity, type JobEnvironment } from './identity.js'
import { writeReportFile, type TestReportInput } from './junit.js'
import type { Reporter, ReportContext } from './reporter.js'

/** The CTRF version the report follows (its schema is `ctrf-schema-0.0.json`). */
const SPEC_VERSION = '0.0.0'

export interface CtrfInput extends TestReportInput {
  /** When the wait ended, in milliseconds since the epoch. */
  readonly endedAt: number
  readonly reportId: string
  readonly env: JobEnvironment & { readonly GITHUB_RUN_NUMBER?: string }
}

/** Writes the CTRF file when a blocking run's wait ends, and names it in `ctrf_file`. */
export function ctrfReporter(context: ReportContext, options: { readonly clock?: Clock } = {}): Reporter {
  const { service, git, settings, env } = context
  const clock = options.clock ?? systemClock
  return {
    what: 'the CTRF report',
    finished: (run, ending) => {
      if (ending.kind !== 'waited') return
      const input = redactSecrets({ words: service.words, started: run, ending, git }, settings.secrets)
      const report = renderCtrf({ ...input, endedAt: clock.now(), reportId: randomUUID(), env })
      const name = `${service.words.filePrefix}-${run.fileId}.ctrf.json`
      writeReportFile(env, name, `${JSON.stringify(report, null, 2)}\n`, CommonOutputs.CtrfFile)
    }
  }
}

/** The report as a CTRF document. Pure. */
export function renderCtrf(input: CtrfInput): CTRFReport {
  const { words, started, ending, git, env } = input
  const testCases = ending.report?.testCases ?? []
  const suite = started.plan?.name ?? started.label
  const compared = ending.outcome.baseline
  const tests = testCases.map(testCase => toTest(testCase, suite, compared !== undefined))
  const waitedMs = Math.max(0, Math.round(ending.waitedMs))
  if (!ending.outcome.succeeded && !tests.some(test => test.status === 'failed')) {
    tests.push(runTest(started, ending.outcome, suite, waitedMs))
  }
  const status = (wanted: Test['status']) => tests.filter(test => test.status === wanted).length
  const stop = Math.round(input.endedAt)
  const job = jobIdentity(env, {})
  const runNumber = Number.parseInt(env.GITHUB_RUN_NUMBER ?? '', 10)
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '')
  return {
    reportFormat: 'CTRF',
    specVersion: SPEC_VERSION,
    reportId: input.reportId,
    timestamp: new Date(stop).toISOString(),
    generatedBy: `${words.name} GitHub Action`,
    results: {
      tool: { name: words.name },
      summary: {
        tests: tests.length,
        passed: status('passed'),
        failed: status('failed'),
        skipped: status('skipped'),
        pending: status('pending'),
        other: status('other'),
        flaky: tests.filter(test => test.flaky).length,
        suites: 1,
        start: stop - waitedMs,
        stop,
        duration: waitedMs
      },
      tests,
      environment: {
        reportName: started.plan ? `${words.name}: ${started.plan.name}` : started.label,
        ...(git.repository ? { repositoryName: git.repository, repositoryUrl: `${server}/${git.repository}` } : {}),
        ...(git.commitHash ? { commit: git.commitHash } : {}),
        ...(git.branch ? { branchName: git.branch } : {}),
        ...(started.testedUrls[0] ? { testEnvironment: started.testedUrls[0] } : {}),
        ...(job.workflowRunId ? { buildId: job.workflowRunId } : {}),
        ...(job.workflowName ? { buildName: [job.workflowName, job.job].filter(Boolean).join(' / ') } : {}),
        ...(Number.isInteger(runNumber) ? { buildNumber: runNumber } : {}),
        ...(job.workflowRunUrl ? { buildUrl: job.workflowRunUrl } : {}),
        healthy: ending.outcome.succeeded
      },
      extra: {
        runId: started.id,
        runUrl: started.url,
        outcome: ending.outcome.kind,
        status: ending.outcome.status,
        message: ending.outcome.message,
        ...(compared
          ? {
              baseline: {
                branch: compared.branch,
                commit: compared.commitSha,
                ...(compared.runUrl ? { runUrl: compared.runUrl } : {}),
                newFailed: compared.newFailed,
                knownFailed: compared.knownFailed
              }
            }
          : {}),
        ...(ending.earlierAttempts?.length
          ? { earlierRuns: ending.earlierAttempts.map(({ label, url }) => ({ label, url })) }
          : {})
      }
    }
  }
}

/** The run itself as a failed test: named as the log names the run, with the step's failure message. */
function runTest(started: StartedRun, outcome: Outcome, suite: string, waitedMs: number): Test {
  return {
    name: started.label,
    status: 'failed',
    duration: waitedMs,
    suite: [suite],
    type: 'e2e',
    message: outcome.message,
    rawStatus: outcome.status || outcome.kind,
    ...(started.url ? { extra: { links: [{ label: 'Run', url: started.url }] } } : {})
  }
}

const STATUSES: Record<TestCaseResult['verdict'], Test['status']> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  pending: 'pending',
  errored: 'other'
}

/**
 * A test case with its last result. A failure the base branch already has stays `failed` and says
 * so in `extra.baseline` = `known`, when the outcome was `compared` with the base branch.
 */
function toTest(testCase: TestCaseResult, suite: string, compared: boolean): Test {
  const earlier = testCase.earlierFailures ?? []
  const known = compared && testCase.verdict === 'failed' && testCase.baseline === 'known'
  const trace = testCase.details.map(detail => `${detail.label}: ${detail.text}`).join('\n\n')
  const pages = [...(testCase.url ? [{ label: 'Result', url: testCase.url }] : []), ...(testCase.links ?? [])]
  return {
    name: testCase.name || '(unnamed test case)',
    status: STATUSES[testCase.verdict],
    duration: Math.max(0, Math.round(testCase.durationMs ?? 0)),
    suite: [suite],
    type: 'e2e',
    ...(testCase.summary && testCase.verdict !== 'passed' ? { message: testCase.summary } : {}),
    ...(trace && testCase.verdict !== 'passed' ? { trace } : {}),
    ...(testCase.resultWord !== undefined ? { rawStatus: testCase.resultWord } : {}),
    ...(testCase.flaky ? { flaky: true } : {}),
    ...(earlier.length > 0
      ? {
          retries: earlier.length,
          retryAttempts: earlier.map((failure, index) => ({
            attempt: index + 1,
            status: 'failed' as const,
            ...(failure.summary || failure.code
              ? { message: [failure.summary, failure.code && `(${failure.code})`].filter(Boolean).join(' ') }
              : {})
          }))
        }
      : {}),
    ...(pages.length > 0 || testCase.cause || known
      ? {
          extra: {
            ...(testCase.cause ? { cause: testCase.cause.kind, code: testCase.cause.code } : {}),
            ...(pages.length > 0 ? { links: pages.map(({ label, url }) => ({ label, url })) } : {}),
            ...(known ? { baseline: 'known' } : {})
          }
        }
      : {})
  }
}
