import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { Outputs } from './constants.js'
import { messageOf } from './errors.js'
import type { GitContext } from './git-context.js'
import { safeUrl } from './markdown.js'
import type { Outcome } from './outcome.js'
import type { RunState, StartedRun } from './qatech/types.js'
import { inline } from './untrusted-text.js'

/** GitHub shows ten error annotations per step; more would be hidden anyway. */
const MAX_ANNOTATIONS = 10

export function setStartedOutputs(run: StartedRun): void {
  core.setOutput(Outputs.RunCreated, 'true')
  core.setOutput(Outputs.RunId, run.id)
  core.setOutput(Outputs.RunShortId, run.shortId)
  core.setOutput(Outputs.RunUrl, run.url)
  core.setOutput(Outputs.TestCount, run.testCount === undefined ? '' : String(run.testCount))
  core.setOutput(Outputs.TestPlanShortId, run.testPlan?.shortId ?? '')
  core.setOutput(Outputs.TestPlanName, run.testPlan?.name ?? '')
}

export function setOutcomeOutputs(outcome: Outcome, resultsFile: string | undefined): void {
  core.setOutput(Outputs.RunStatus, outcome.status)
  core.setOutput(Outputs.RunResult, outcome.result)
  core.setOutput(Outputs.PassedCount, String(outcome.counts.passed))
  core.setOutput(Outputs.FailedCount, String(outcome.counts.failed))
  core.setOutput(Outputs.SkippedCount, String(outcome.counts.skipped))
  core.setOutput(Outputs.ResultsFile, resultsFile ?? '')
}

/** One error annotation per failed test case, so the checks page names what broke. */
export function annotateFailures(run: RunState | undefined): void {
  const failed = (run?.runTestCases ?? []).filter(testCase => testCase.result === 'FAILED')
  for (const testCase of failed.slice(0, MAX_ANNOTATIONS)) {
    const url = safeUrl(testCase.url)
    const message = [testCase.resultTitle ? inline(testCase.resultTitle, 500) : 'Failed', url].filter(Boolean).join(' ')
    core.error(message, { title: `QA.tech: ${inline(testCase.name, 200)}` })
  }
  if (failed.length > MAX_ANNOTATIONS) {
    core.info(
      `…and ${failed.length - MAX_ANNOTATIONS} more failed test cases: see the job summary or the run in QA.tech.`
    )
  }
}

/**
 * Writes the final run as QA.tech returned it, with the git context, for later steps. Best
 * effort: a full disk must not hide the run's outcome.
 */
export function writeResultsFile(
  started: StartedRun,
  run: RunState | undefined,
  git: GitContext,
  outcome: Outcome,
  directory: string | undefined
): string | undefined {
  const path = join(directory || tmpdir(), `qatech-run-${started.shortId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  const { actor, branch, commitHash, commitMessage, repository } = git
  const content = {
    run: run?.raw ?? null,
    started,
    gitContext: { actor, branch, commitHash, commitMessage, repository },
    outcome: { status: outcome.status, result: outcome.result, counts: outcome.counts, succeeded: outcome.succeeded }
  }
  try {
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`)
    return path
  } catch (error) {
    core.warning(`Could not write the results file ${path}: ${inline(messageOf(error))}`)
    return undefined
  }
}

/** Writes the job summary; skipped quietly where the runner has none (older GHES, local runs). */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY on this runner: skipping the job summary.')
    return
  }
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${inline(messageOf(error))}`)
  }
}
