/**
 * What the pull request broke: its run's failures compared with the base branch's run (the
 * baseline, found by github/baseline.ts). A failure is `known` when the same test failed in the
 * baseline run too, and `new` otherwise (it passed, was skipped, errored or did not run there).
 * With `fail_on: new` a run whose every failure is known passes, saying so; any new failure, and
 * any run that did not end in failures (errored, timed out, cancelled), ends as it would without
 * a baseline. Pure.
 */
import type { BaselineMark, Outcome, RunReport, StartedRun, TestCaseResult } from '../service/model.js'
import type { ServiceWords } from '../service/service.js'
import { inline } from '../util/untrusted-text.js'
import { capitalized, countOf, testCaseNounOf } from './words.js'

/** `any`: every failure fails the step (the default); `new`: only failures the base branch does not have. */
export type FailOn = 'any' | 'new'

export interface FailureClassification {
  /** The pull request's run, each failed test case marked `new` or `known` (`baseline`). */
  readonly report: RunReport
  readonly newFailed: number
  readonly knownFailed: number
}

/** The base branch's run the failures were compared with. */
export interface BaselineRun {
  /** The base branch, as the pull request names it (untrusted). */
  readonly branch: string
  /** The commit whose status named the run. */
  readonly commitSha: string
  /** The run's page. */
  readonly runUrl: string | undefined
}

/**
 * Why the baseline run's report cannot be compared with, or undefined when it can: it must have
 * finished with its per-test results read.
 */
export function whyNotComparable(baseline: RunReport, words: Pick<ServiceWords, 'name'>): string | undefined {
  if (baseline.phase !== 'finished') return 'The baseline run has not finished.'
  if (baseline.testCasesUnread === true || baseline.detailsMissing !== undefined) {
    return "The baseline run's per-test results could not be read."
  }
  if (baseline.testCases.length === 0) return `${words.name} sent no per-test results for the baseline run.`
  return undefined
}

/**
 * Marks each failed test case of `report` `known` or `new` against `baseline`. Test cases are
 * the same test when both have the service's stable id and it is equal, or, where either has
 * none, when their names are exactly equal. A failure is known only when every test case of the
 * baseline that is the same test failed there: a name two tests share, one failed and one
 * passed, cannot say which one this is, and a failure is never excused on a guess.
 */
export function classifyFailures(report: RunReport, baseline: RunReport): FailureClassification {
  const same = sameTestFinder(baseline.testCases)
  // The same holds on the pull request's side: two of its test cases that one key names (a new
  // test that took an old one's name) cannot be told apart, so neither is excused.
  const ownKeys = new Map<string, number>()
  const ownKey = (testCase: TestCaseResult) =>
    testCase.testId !== undefined ? `id:${testCase.testId}` : `name:${testCase.name}`
  for (const testCase of report.testCases) ownKeys.set(ownKey(testCase), (ownKeys.get(ownKey(testCase)) ?? 0) + 1)
  const sharedName = new Set(
    report.testCases
      .filter((testCase, index, all) => all.findIndex(other => other.name === testCase.name) !== index)
      .map(testCase => testCase.name)
  )
  let newFailed = 0
  let knownFailed = 0
  const testCases = report.testCases.map(testCase => {
    if (testCase.verdict !== 'failed') return testCase
    const matches = same(testCase)
    const unique =
      (ownKeys.get(ownKey(testCase)) ?? 0) === 1 && (testCase.testId !== undefined || !sharedName.has(testCase.name))
    const mark: BaselineMark =
      unique && matches.length > 0 && matches.every(match => match.verdict === 'failed') ? 'known' : 'new'
    if (mark === 'known') knownFailed++
    else newFailed++
    return { ...testCase, baseline: mark }
  })
  return { report: { ...report, testCases }, newFailed, knownFailed }
}

/** The baseline's test cases that are the same test as a given one, found by index (a run may have thousands). */
function sameTestFinder(baseline: readonly TestCaseResult[]): (testCase: TestCaseResult) => readonly TestCaseResult[] {
  const byId = new Map<string, TestCaseResult[]>()
  const byName = new Map<string, TestCaseResult[]>()
  const add = (index: Map<string, TestCaseResult[]>, key: string, testCase: TestCaseResult) => {
    const list = index.get(key)
    if (list) list.push(testCase)
    else index.set(key, [testCase])
  }
  for (const testCase of baseline) {
    if (testCase.testId !== undefined) add(byId, testCase.testId, testCase)
    add(byName, testCase.name, testCase)
  }
  return testCase => {
    const named = byName.get(testCase.name) ?? []
    if (testCase.testId === undefined) return named
    // With an id, by the id; by the name only those that have none.
    return [...(byId.get(testCase.testId) ?? []), ...named.filter(other => other.testId === undefined)]
  }
}

export interface BaselineDecisionOptions {
  readonly failOn: FailOn
  readonly words: ServiceWords
  /** The pull request's run: its page ends a message that still fails. */
  readonly started: Pick<StartedRun, 'url'>
}

/**
 * The outcome once the failures are compared with the baseline. A failed run gets `baseline`
 * (the counts of new and known failures) and a message that tells them apart, new first; with
 * `fail_on: new` it succeeds when every failure is known — its `kind` stays `failed`, as do its
 * counts — unless a test case errored or did not finish, which has no result to compare. Every
 * other outcome is returned as it is: there are no failures to compare. So is a failed one whose
 * counts do not agree with the classified test cases (unknown counts, results of a status-only
 * read): nothing is said of failures that were not all compared.
 */
export function decideWithBaseline(
  outcome: Outcome,
  classification: FailureClassification,
  baseline: BaselineRun,
  options: BaselineDecisionOptions
): Outcome {
  const { newFailed, knownFailed } = classification
  const failed = outcome.counts.failed
  if (outcome.kind !== 'failed' || failed === undefined || failed === 0 || failed !== newFailed + knownFailed) {
    return outcome
  }
  const compared: Outcome = {
    ...outcome,
    baseline: {
      branch: baseline.branch,
      commitSha: baseline.commitSha,
      runUrl: baseline.runUrl,
      newFailed,
      knownFailed
    }
  }
  const failures = classification.report.testCases.filter(testCase => testCase.verdict === 'failed')
  const named = (mark: BaselineMark) => nameList(failures.filter(testCase => testCase.baseline === mark))
  const noun = testCaseNounOf(options.words)
  const onBase = `on ${inline(baseline.branch, 100)} at ${inline(baseline.commitSha.slice(0, 7))}`
  const see = options.started.url ? ` See ${inline(options.started.url)}` : ''
  const { errored = 0, unfinished = 0 } = outcome.counts
  const unresolved = errored + unfinished

  if (newFailed === 0 && unresolved === 0 && options.failOn === 'new') {
    const link = baseline.runUrl ? ` Baseline run: ${inline(baseline.runUrl)}` : ''
    return {
      ...compared,
      succeeded: true,
      message:
        `${countOf(failed, noun)} ${failed === 1 ? 'fails' : 'fail'}, ${allOf(failed)}already failing ${onBase}` +
        ` — not caused by this pull request: ${named('known')}.${link}`
    }
  }

  const ofTotal = `${failed} of ${outcome.counts.total ?? failed} ${noun.many} failed`
  const told =
    knownFailed === 0
      ? `${ofTotal}, ${failed === 1 ? 'not' : 'none of them'} already failing ${onBase}: ${named('new')}.`
      : newFailed === 0
        ? `${ofTotal}, ${allOf(failed)}already failing ${onBase}: ${named('known')}.`
        : `${ofTotal}: ${newFailed} new (${named('new')}); ${knownFailed} already failing ${onBase} (${named('known')}).`
  // Known failures alone would have passed with fail_on: new: say what held the step back.
  const heldBack =
    newFailed === 0 && options.failOn === 'new'
      ? ` ${capitalized(countOf(unresolved, noun))} errored or did not finish: there is no result to compare.`
      : ''
  return { ...compared, message: `${told}${heldBack}${see}` }
}

const NAMES_IN_MESSAGE = 3

/** "Checkout, Login and 2 more": the first three names, made inert. */
function nameList(testCases: readonly TestCaseResult[]): string {
  const names = testCases.map(testCase => inline(testCase.name, 80))
  const more = names.length > NAMES_IN_MESSAGE ? ` and ${names.length - NAMES_IN_MESSAGE} more` : ''
  return `${names.slice(0, NAMES_IN_MESSAGE).join(', ')}${more}`
}

/** "", "both ", "all ": before "already failing". */
function allOf(count: number): string {
  return count === 1 ? '' : count === 2 ? 'both ' : 'all '
}
