/**
 * A JUnit XML report of a finished wait, for the test-report actions (dorny/test-reporter,
 * mikepenz/action-junit-report, EnricoMi/publish-unit-test-result-action): one testsuite for the
 * run, one testcase per test case with its last result. Retries fold into the test case: a test
 * that failed and then passed has a `flakyFailure` per earlier failure, one that kept failing a
 * `rerunFailure`. A failure the base branch already has stays a failure, marked with a
 * `baseline` = `known` property; the suite's properties name the baseline's branch, commit and
 * run. The shape is the Maven Surefire / Jenkins junit-10 schema.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import type { GitContext } from '../context/git-context.js'
import type { Outcome, StartedRun, TestCaseResult } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { messageOf } from '../util/errors.js'
import { redactSecrets } from '../util/secrets.js'
import { inline } from '../util/untrusted-text.js'
import { CommonOutputs } from './common-outputs.js'
import type { Ending, Reporter, ReportContext } from './reporter.js'

export interface TestReportInput {
  readonly words: ServiceWords
  readonly started: StartedRun
  readonly ending: Extract<Ending, { readonly kind: 'waited' }>
  readonly git: GitContext
}

/** Writes the JUnit file when a blocking run's wait ends, and names it in `junit_file`. */
export function junitReporter({ service, git, settings, env }: ReportContext): Reporter {
  return {
    what: 'the JUnit report',
    finished: (run, ending) => {
      if (ending.kind !== 'waited') return
      const input = redactSecrets({ words: service.words, started: run, ending, git }, settings.secrets)
      writeReportFile(
        env,
        `${service.words.filePrefix}-${run.fileId}.junit.xml`,
        renderJunit(input),
        CommonOutputs.JunitFile
      )
    }
  }
}

/**
 * Writes a report file under RUNNER_TEMP and names it in `output`. Best effort, like the results
 * file: a full disk costs a warning and an empty output, never the outcome.
 */
export function writeReportFile(env: NodeJS.ProcessEnv, name: string, content: string, output: string): void {
  const path = join(env.RUNNER_TEMP || tmpdir(), name)
  let written = ''
  try {
    writeFileSync(path, content)
    written = path
  } catch (error) {
    core.warning(`Could not write ${path}: ${inline(messageOf(error))}`)
  }
  core.setOutput(output, written)
}

/** The report as XML. Pure. */
export function renderJunit({ words, started, ending, git }: TestReportInput): string {
  const suite = started.plan ? `${words.name}: ${started.plan.name}` : started.label
  const testCases = ending.report?.testCases ?? []
  const compared = ending.outcome.baseline !== undefined
  const cases = testCases.map(testCase => testCaseElement(testCase, suite, compared))
  const runLevel = runLevelProblem(ending.outcome, testCases)
  if (runLevel) cases.push(runTestCase(started, suite, runLevel))

  const count = (verdicts: readonly string[]) =>
    testCases.filter(testCase => verdicts.includes(testCase.verdict)).length
  const totals = {
    tests: testCases.length + (runLevel ? 1 : 0),
    failures: count(['failed']) + (runLevel?.element === 'failure' ? 1 : 0),
    errors: count(['errored']) + (runLevel?.element === 'error' ? 1 : 0),
    skipped: count(['skipped', 'pending'])
  }
  const time = seconds(ending.waitedMs)
  const counts = `tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${time}"`
  const properties = suiteProperties(started, ending, git)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(words.name)}" ${counts}>`,
    `  <testsuite name="${attribute(suite)}" ${counts} id="${attribute(started.id)}"${started.url ? ` url="${attribute(started.url)}"` : ''}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${attribute(name)}" value="${attribute(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}

function suiteProperties(started: StartedRun, ending: TestReportInput['ending'], git: GitContext): [string, string][] {
  const properties: [string, string][] = [
    ['run_id', started.id],
    ['run_url', started.url],
    ['outcome', ending.outcome.kind],
    ['status', ending.outcome.status]
  ]
  if (started.plan) properties.push([started.plan.label.toLowerCase().replace(/\W+/g, '_'), started.plan.name])
  if (git.commitHash) properties.push(['commit', git.commitHash])
  if (git.branch) properties.push(['branch', git.branch])
  for (const url of started.testedUrls) properties.push(['tested_url', url])
  const flaky = (ending.report?.testCases ?? []).filter(testCase => testCase.flaky).length
  if (flaky > 0) properties.push(['flaky_count', String(flaky)])
  for (const attempt of ending.earlierAttempts ?? []) properties.push(['earlier_run', attempt.url])
  const baseline = ending.outcome.baseline
  if (baseline) {
    properties.push(['baseline_branch', baseline.branch], ['baseline_commit', baseline.commitSha])
    if (baseline.runUrl) properties.push(['baseline_run_url', baseline.runUrl])
  }
  return properties
}

/**
 * A test case with its last result. A failure the base branch already has stays a failure (a
 * report reader shows what failed) and says so in a property, `baseline` = `known`, when the
 * outcome was `compared` with the base branch.
 */
function testCaseElement(testCase: TestCaseResult, suite: string, compared: boolean): string {
  const time = testCase.durationMs !== undefined ? ` time="${seconds(testCase.durationMs)}"` : ''
  const open = `    <testcase name="${attribute(testCase.name)}" classname="${attribute(suite)}"${time}`
  const children: string[] = []
  if (compared && testCase.verdict === 'failed' && testCase.baseline === 'known') {
    children.push('      <properties>', '        <property name="baseline" value="known"/>', '      </properties>')
  }
  const message = testCase.summary ?? testCase.resultWord ?? ''
  const type = testCase.cause?.code ?? testCase.resultWord ?? testCase.verdict.toUpperCase()
  switch (testCase.verdict) {
    case 'failed':
    case 'errored': {
      const element = testCase.verdict === 'failed' ? 'failure' : 'error'
      children.push(
        `      <${element} message="${attribute(message || 'Failed')}" type="${attribute(type)}">${text(failureBody(testCase))}</${element}>`
      )
      break
    }
    case 'skipped':
      children.push(`      <skipped${message ? ` message="${attribute(message)}"` : ''}/>`)
      break
    case 'pending':
      children.push('      <skipped message="Unfinished when the step stopped waiting"/>')
      break
    case 'passed':
      break
  }
  // Earlier attempts of this step: failures a retry cleared, or that it did not.
  const rerun = testCase.flaky ? 'flakyFailure' : testCase.verdict === 'passed' ? undefined : 'rerunFailure'
  if (rerun) {
    for (const failure of testCase.earlierFailures ?? []) {
      const failureMessage = failure.summary ? ` message="${attribute(failure.summary)}"` : ''
      children.push(`      <${rerun}${failureMessage} type="${attribute(failure.code ?? 'FAILED')}"/>`)
    }
  }
  if (testCase.url) children.push(`      <system-out>${text(`Result: ${testCase.url}`)}</system-out>`)
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`
}

/** The summary, each detail, and the pages, as the failure's body. */
function failureBody(testCase: TestCaseResult): string {
  const parts: string[] = []
  if (testCase.summary) parts.push(testCase.summary)
  for (const detail of testCase.details) parts.push(`${detail.label}: ${detail.text}`)
  if (testCase.cause) parts.push(`Cause: ${testCase.cause.kind} (${testCase.cause.code})`)
  if (testCase.url) parts.push(`Result: ${testCase.url}`)
  for (const page of testCase.links ?? []) parts.push(`${page.label}: ${page.url}`)
  return parts.join('\n\n')
}

interface RunLevelProblem {
  readonly element: 'failure' | 'error'
  readonly message: string
  readonly type: string
}

/**
 * A failed step whose test cases show no failure (an error, a timeout, a cancel) gets one
 * testcase for the run itself, so a report reader does not show it green.
 */
function runLevelProblem(outcome: Outcome, testCases: readonly TestCaseResult[]): RunLevelProblem | undefined {
  if (outcome.succeeded) return undefined
  if (testCases.some(testCase => testCase.verdict === 'failed' || testCase.verdict === 'errored')) return undefined
  const element =
    outcome.kind === 'failed' || outcome.kind === 'skipped' || outcome.kind === 'unknown' ? 'failure' : 'error'
  return { element, message: outcome.message, type: outcome.status || outcome.kind }
}

function runTestCase(started: StartedRun, suite: string, problem: RunLevelProblem): string {
  return [
    `    <testcase name="${attribute(started.label)}" classname="${attribute(suite)}">`,
    `      <${problem.element} message="${attribute(problem.message)}" type="${attribute(problem.type)}">${text(problem.message)}</${problem.element}>`,
    '    </testcase>'
  ].join('\n')
}

/** Milliseconds as the schema's seconds: "187.000". */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3)
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An attribute value: quotes and line breaks escaped too, so a reader keeps them as they were. */
function attribute(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}
