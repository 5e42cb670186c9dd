import type { Cause, Issue, Link, RunReport, StartedRun, TestCaseResult, Verdict } from '../service/model.js'
import { nonEmptyString } from '../util/records.js'
import { inline, quote } from '../util/untrusted-text.js'
import { runAddress } from './run-address.js'
import type { StartRequest } from './run-request.js'
import type { RunIssue, RunState, RunStep, StartAnswer, TestOutput } from './types.js'

/**
 * tester.army's answers in the neutral run model. Pure. A step starts one StartedRun (a group's
 * batch is one, by its batch id); each tester.army run in it is one test case, so counts are in
 * runs.
 */

const PHASES: Record<string, RunReport['phase']> = {
  queued: 'pending',
  running: 'running',
  completed: 'finished',
  failed: 'finished',
  cancelled: 'finished'
}

/** 1 (minor) to 5 (critical), as tester.army documents its scale. */
const SEVERITY_WORDS: Record<number, string> = { 1: 'Minor', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical' }

/** A run of the step and what the last poll said of it; undefined before its first answer. */
export interface TrackedRun {
  readonly id: string
  readonly state: RunState | undefined
}

/**
 * What the step started, by the batch's id or the run's. The id is tester.army's text: it is made
 * inert once, here, in the label every log line names the run by; the requests use it as
 * tester.army gave it (URL-encoded).
 */
export function toStartedRun(answer: StartAnswer, request: StartRequest, apiUrl: string): StartedRun {
  const id = answer.batchId ?? answer.runIds[0] ?? ''
  const count = answer.runIds.length
  const statusUrl = runAddress(apiUrl, answer)
  return {
    id,
    label:
      answer.batchId === undefined
        ? `tester.army run ${inline(id)}`
        : `tester.army batch ${inline(id)} (${count} run${count === 1 ? '' : 's'})`,
    // tester.army's API gives no page for a run: the commit status links to its address, which
    // names the run for a pull request's step that compares with this one.
    url: '',
    ...(statusUrl === undefined ? {} : { statusUrl }),
    testCount: count,
    plan: request.plan,
    testedUrls: request.testedUrl === undefined ? [] : [request.testedUrl],
    record: answer.raw,
    fileId: id.replace(/[^A-Za-z0-9_-]/g, '_')
  }
}

export function isFinished(state: RunState | undefined): boolean {
  return state !== undefined && phaseOf(state.status) === 'finished'
}

function phaseOf(status: string): RunReport['phase'] | undefined {
  return PHASES[status.toLowerCase()]
}

/** Every run of the step as one report: finished when all are, whatever each one's end. */
export function toRunReport(runs: readonly TrackedRun[], label: string, batchId: string | undefined): RunReport {
  const states = runs.map(run => run.state)
  const unknown = states.find(state => state !== undefined && phaseOf(state.status) === undefined)
  // A status this action does not know is not an end: the wait goes on, with one warning.
  const finished = states.every(isFinished)
  const phase = finished
    ? 'finished'
    : states.some(state => state && phaseOf(state.status) === 'running')
      ? 'running'
      : 'pending'
  const testCases = runs.map(run => toTestCase(run))
  const decided = finished ? verdictOf(runs, testCases, label) : undefined
  return {
    phase,
    status: unknown?.status ?? statusOf(runs, phase),
    statusKnown: unknown === undefined,
    result: decided?.verdict === 'passed' ? 'passed' : decided?.verdict === 'failed' ? 'failed' : '',
    ...decided,
    testCases,
    issues: runs.flatMap(run => issuesOf(run)),
    raw: { ...(batchId === undefined ? {} : { batchId }), runs: states.map(state => state?.raw ?? null) }
  }
}

/** `run_status`: the run's own status; for a batch, `completed` when every run completed. */
function statusOf(runs: readonly TrackedRun[], phase: RunReport['phase']): string {
  const statuses = runs.map(run => run.state?.status.toLowerCase() ?? 'queued')
  if (runs.length === 1) return runs[0]?.state?.status ?? 'queued'
  if (phase === 'running') return 'running'
  if (phase === 'pending') return 'queued'
  if (statuses.every(status => status === 'completed')) return 'completed'
  return statuses.includes('failed') ? 'failed' : 'cancelled'
}

/**
 * A failed test (a product defect) decides first; then tester.army failing to run, a cancel, a
 * result this action does not know; a run that found nothing to test passes with a warning.
 */
function verdictOf(
  runs: readonly TrackedRun[],
  testCases: readonly TestCaseResult[],
  label: string
): { verdict: Verdict; verdictNote?: string } {
  if (testCases.some(testCase => testCase.verdict === 'failed')) return { verdict: 'failed' }
  const states = runs.flatMap(run => (run.state ? [run.state] : []))
  const of = (count: number) => (runs.length === 1 ? label : `${count} of ${runs.length} runs of ${label}`)

  const broken = states.filter(state => state.status.toLowerCase() === 'failed')
  if (broken.length > 0) {
    const errors = broken
      .map(state => (runs.length === 1 ? '' : `${inline(state.id)}: `) + inline(describeError(state)))
      .join('; ')
    return {
      verdict: 'errored',
      verdictNote: `${of(broken.length)} failed to run in tester.army (${errors}); this is not a test failure.`
    }
  }
  const cancelled = states.filter(state => state.status.toLowerCase() === 'cancelled')
  if (cancelled.length > 0) {
    return {
      verdict: 'cancelled',
      verdictNote: `${of(cancelled.length)} ${cancelled.length === 1 ? 'was' : 'were'} cancelled in tester.army.`
    }
  }
  const unknown = states.filter(state => state.output.kind !== 'planner-skipped' && testVerdict(state) === 'errored')
  if (unknown.length > 0) {
    const words = unknown
      .map(state => quote(state.output.kind === 'test' ? state.output.result : 'no output'))
      .join(', ')
    return {
      verdict: 'unknown',
      verdictNote: `${of(unknown.length)} completed with a result this action does not know (${words}), which is not PASS.`
    }
  }
  const skipped = states.filter(state => state.output.kind === 'planner-skipped')
  if (skipped.length === states.length) {
    const reasons = skipped
      .map(state => (state.output.kind === 'planner-skipped' ? quote(state.output.reason) : ''))
      .join('; ')
    return { verdict: 'skipped', verdictNote: `tester.army found nothing to test in ${label}: ${reasons}.` }
  }
  return { verdict: 'passed' }
}

function describeError(state: RunState): string {
  const { code = '', message = '' } = state.error ?? {}
  if (code === '' && message === '') return 'no reason given'
  return code !== '' && message !== '' ? `${code}: ${message}` : code || message
}

function testVerdict(state: RunState): TestCaseResult['verdict'] {
  switch (state.status.toLowerCase()) {
    case 'completed':
      if (state.output.kind === 'planner-skipped') return 'skipped'
      if (state.output.kind !== 'test') return 'errored'
      return state.output.result === 'PASS' ? 'passed' : state.output.result === 'FAILED' ? 'failed' : 'errored'
    case 'failed':
      return 'errored'
    case 'cancelled':
      return 'skipped'
    default:
      return 'pending'
  }
}

function toTestCase({ id, state }: TrackedRun): TestCaseResult {
  const fallbackName = `Run ${id}`
  if (state === undefined) return { name: fallbackName, verdict: 'pending', details: [] }
  const verdict = testVerdict(state)
  // The saved test the run ran: the same in every run of it (a run's own id is new each time).
  // Prompt and pull-request runs have none, and are compared by name.
  const testId = nonEmptyString(state.raw.testId)
  const test = testId === undefined ? {} : { testId }
  const duration = state.durationMs === undefined ? {} : { durationMs: state.durationMs }
  const output = state.output
  if (output.kind === 'test') {
    return {
      name: output.featureName || fallbackName,
      ...test,
      verdict,
      ...(verdict === 'errored' ? { resultWord: output.result } : {}),
      ...(output.description ? { summary: output.description } : {}),
      details: testDetails(output),
      ...(causeOf(output, verdict) ?? {}),
      links: output.screenshots.map((url, index) => ({ label: `Screenshot ${index + 1}`, url })),
      ...duration
    }
  }
  const common = { name: fallbackName, ...test, verdict, details: [], ...duration }
  switch (state.status.toLowerCase()) {
    case 'failed':
      return {
        ...common,
        summary: `tester.army failed to run it: ${describeError(state)}`,
        cause: { kind: 'platform', code: state.error?.code || 'FAILED' }
      }
    case 'cancelled':
      return { ...common, resultWord: 'Cancelled', summary: 'Cancelled in tester.army' }
    default:
      if (output.kind === 'planner-skipped') return { ...common, summary: `Nothing to test: ${output.reason}` }
      if (verdict === 'errored')
        return { ...common, resultWord: 'No result', summary: 'tester.army sent no result this action knows' }
      return common
  }
}

function testDetails(output: TestOutput): { label: string; text: string }[] {
  const details: { label: string; text: string }[] = []
  if (output.steps.length > 0) details.push({ label: 'Steps', text: output.steps.map(describeStep).join('\n') })
  if (output.steps.some(step => step.errorCode === 'VERCEL_BYPASS_REQUIRED')) {
    details.push({
      label: 'Hint',
      text: 'The site is behind Vercel Deployment Protection: pass its bypass secret as vercel_bypass_secret.'
    })
  }
  return details
}

/** "2. ❌ Click Pay — nothing happened (STEP_NO_CONCLUSION)". */
function describeStep(step: RunStep, index: number): string {
  const mark = step.status === 'passed' ? '✅' : step.status === 'failed' ? '❌' : `(${step.status || 'no status'})`
  const said = [step.summary, step.error].filter(Boolean).join(' — ')
  const code = step.errorCode ? ` (${step.errorCode})` : ''
  return `${index + 1}. ${mark} ${step.title}${said ? ` — ${said}` : ''}${code}`
}

/**
 * Why a run failed, as far as tester.army says: step codes of the agent running out of time or
 * tools are the tester's; setup codes (login, Vercel protection) are neither the product's nor the
 * agent's; a failure with none of them is the product.
 */
function causeOf(output: TestOutput, verdict: TestCaseResult['verdict']): { cause: Cause } | undefined {
  if (verdict !== 'failed') return undefined
  const code = output.steps.find(step => step.status === 'failed' && step.errorCode)?.errorCode
  if (code === undefined) return { cause: { kind: 'product', code: 'FAILED' } }
  return { cause: { kind: code.startsWith('STEP_') ? 'agent' : 'other', code } }
}

function issuesOf({ state }: TrackedRun): Issue[] {
  if (state?.output.kind !== 'test') return []
  const testCaseName = state.output.featureName || `Run ${state.id}`
  return state.output.issues.map(issue => toIssue(issue, testCaseName))
}

function toIssue(issue: RunIssue, testCaseName: string): Issue {
  const details: { label: string; text: string }[] = []
  if (issue.reproductionSteps.length > 0) {
    details.push({
      label: 'Steps to reproduce',
      text: issue.reproductionSteps.map((step, index) => `${index + 1}. ${step}`).join('\n')
    })
  }
  if (issue.expectedBehavior) details.push({ label: 'Expected', text: issue.expectedBehavior })
  if (issue.actualBehavior) details.push({ label: 'Actual', text: issue.actualBehavior })
  const links: Link[] = []
  if (issue.screenshotUrl) links.push({ label: 'Screenshot', url: issue.screenshotUrl })
  if (issue.url) links.push({ label: 'Where it happened', url: issue.url })
  return {
    title: issue.name,
    severity: severityWord(issue.severity),
    type:
      issue.type.toLowerCase() === 'warning' ? 'Warning' : issue.type.toLowerCase() === 'issue' ? 'Issue' : issue.type,
    ...(issue.description ? { description: issue.description } : {}),
    testCaseNames: [testCaseName],
    details,
    links
  }
}

export function severityWord(severity: number | undefined): string {
  if (severity === undefined) return 'Unrated'
  return SEVERITY_WORDS[severity] ?? `Severity ${severity}`
}
