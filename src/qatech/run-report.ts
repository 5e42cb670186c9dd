import type { Cause, Issue, RunReport, StartedRun, TestCaseResult, TestVerdict, Verdict } from '../service/model.js'
import { asRecord } from '../util/records.js'
import { inline, quote } from '../util/untrusted-text.js'
import type { RunIssue, RunState, RunTestCase, StartedRun as QaTechStartedRun } from './types.js'

/** QA.tech's answers in the neutral run model. Pure. */

const PHASES: Record<string, RunReport['phase']> = {
  INITIATED: 'pending',
  RUNNING: 'running',
  COMPLETED: 'finished',
  ERROR: 'finished',
  CANCELLED: 'finished'
}

const TEST_VERDICTS: Record<string, TestVerdict> = { PASSED: 'passed', FAILED: 'failed', SKIPPED: 'skipped' }

const ISSUE_TYPES: Record<string, string> = {
  ACCESSIBILITY: 'Accessibility',
  CONSOLE: 'Console',
  HOSTING: 'Hosting',
  FAILED_TEST: 'Failed test'
}

/**
 * The run as the step knows it. The id is QA.tech's text: it is made inert once, here, in the
 * label every log line names the run by; the requests use it as QA.tech gave it (URL-encoded), so
 * a run that exists is never looked for under another name.
 */
export function toStartedRun(run: QaTechStartedRun, testedUrls: readonly string[]): StartedRun {
  return {
    id: run.shortId,
    label: `QA.tech run ${inline(run.shortId)}`,
    url: run.url,
    testCount: run.testCount,
    plan: run.testPlan ? { label: 'Test plan', name: run.testPlan.name } : undefined,
    testedUrls,
    record: run,
    fileId: run.shortId.replace(/[^A-Za-z0-9_-]/g, '_')
  }
}

export function toRunReport(state: RunState, label: string): RunReport {
  // COMPLETED without a result yet is a read between two writes: not an end to report.
  const phase = state.status === 'COMPLETED' && state.result === null ? 'running' : PHASES[state.status]
  return {
    // A status this action does not know is not taken as an end: the wait goes on.
    phase: phase ?? 'pending',
    status: state.status,
    statusKnown: phase !== undefined,
    result: state.status === 'COMPLETED' ? (state.result ?? '') : '',
    ...(phase === 'finished' ? verdictOf(state, label) : {}),
    testCases: state.runTestCases.map(toTestCase),
    issues: state.issues.map(toIssue),
    raw: state.raw,
    ...durationOf(state.raw)
  }
}

/**
 * The run's duration, where QA.tech's answer has one: QA.tech documents none for a run, so it is
 * read tolerantly — `durationMs`, or `completedAt` less `startedAt` (or `createdAt`).
 */
function durationOf(raw: unknown): { durationMs?: number } {
  const data = asRecord(raw)
  if (typeof data.durationMs === 'number' && data.durationMs >= 0) return { durationMs: data.durationMs }
  const end = Date.parse(String(data.completedAt ?? ''))
  const begin = Date.parse(String(data.startedAt ?? data.createdAt ?? ''))
  return Number.isFinite(end) && Number.isFinite(begin) && end >= begin ? { durationMs: end - begin } : {}
}

function verdictOf(state: RunState, label: string): { verdict: Verdict; verdictNote?: string } {
  if (state.status === 'ERROR') {
    return { verdict: 'errored', verdictNote: `QA.tech could not complete ${label} (status ERROR).` }
  }
  if (state.status === 'CANCELLED') return { verdict: 'cancelled', verdictNote: `${label} was cancelled in QA.tech.` }
  switch (state.result) {
    case 'PASSED':
      return { verdict: 'passed' }
    case 'FAILED':
      return { verdict: 'failed' }
    case 'SKIPPED':
      return { verdict: 'skipped', verdictNote: `${label} completed as SKIPPED: its test cases did not run.` }
    default:
      return {
        verdict: 'unknown',
        verdictNote: `${label} completed with the result ${quote(state.result ?? '')}, which is not PASSED.`
      }
  }
}

/**
 * One test case's result. Its `testId` is the test's own id (`projectTestCaseId`), the same in
 * every run of the test; the run test case's `id` and `shortId` name this one result, new in
 * every run, and could never match a base branch's run.
 */
function toTestCase(testCase: RunTestCase): TestCaseResult {
  const testId = testCase.projectTestCaseId
  const known = testCase.result === null ? 'pending' : TEST_VERDICTS[testCase.result]
  const details: { label: string; text: string }[] = []
  if (testCase.promptGoal) details.push({ label: 'Goal', text: testCase.promptGoal })
  if (testCase.evaluationThought) details.push({ label: 'Evaluation', text: testCase.evaluationThought })
  return {
    name: testCase.name,
    ...(testId === undefined ? {} : { testId }),
    verdict: known ?? 'errored',
    ...(known === undefined && testCase.result !== null ? { resultWord: testCase.result } : {}),
    ...(testCase.resultTitle ? { summary: testCase.resultTitle } : {}),
    details,
    ...(testCase.url ? { url: testCase.url } : {}),
    ...(testCase.errorCode ? { cause: causeOf(testCase.errorCode) } : {}),
    ...(testCase.durationMs === undefined ? {} : { durationMs: testCase.durationMs })
  }
}

/** QA.tech's error codes: TEST_FAILED is the product; AGENT_ and PLATFORM_ are the tester. */
function causeOf(code: string): Cause {
  if (code === 'TEST_FAILED') return { kind: 'product', code }
  if (code.startsWith('AGENT_')) return { kind: 'agent', code }
  if (code.startsWith('PLATFORM_')) return { kind: 'platform', code }
  return { kind: 'other', code }
}

function toIssue(issue: RunIssue): Issue {
  const key = issue.issueType.toUpperCase()
  return {
    title: issue.title,
    severity: issue.severity,
    type: ISSUE_TYPES[key] ?? (key || 'Other'),
    ...(issue.description ? { description: issue.description } : {}),
    ...(issue.helpUrl ? { helpUrl: issue.helpUrl } : {}),
    testCaseNames: issue.testCases.map(testCase => testCase.name)
  }
}
