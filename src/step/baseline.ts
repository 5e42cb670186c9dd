/**
 * `fail_on: new`: a failed run's failures compared with its base branch's run, the baseline that
 * this action's commit status names on the base branch (github/baseline.ts finds it, and
 * verdict/baseline.ts compares). Loaded only when `fail_on` is `new` and a run failed.
 *
 * Best effort from end to end: whatever stops the comparison — no pull request, no status of
 * ours, GitHub or the service failing, a baseline run that cannot be read — leaves the outcome
 * as it was (every failure counts, as with `fail_on: any`), with a notice that says why and how
 * to get a baseline, or a warning when one was found but could not be read. Nothing here turns a
 * verdict red or green by itself: only the comparison of two runs' results does.
 */
import * as core from '@actions/core'
import { findBaseline, type Baseline } from '../github/baseline.js'
import { splitRepository, type Octokit } from '../github/octokit.js'
import { resolvePullRequest } from '../github/pull-request.js'
import { tokenAccount, type TokenAccount } from '../github/token-account.js'
import { statusContextOf } from '../report/identity.js'
import type { Outcome, RunReport, StartedRun } from '../service/model.js'
import type { Service } from '../service/service.js'
import { messageOf } from '../util/errors.js'
import { asRecord } from '../util/records.js'
import { redactSecrets } from '../util/secrets.js'
import { inline, quote } from '../util/untrusted-text.js'
import { classifyFailures, decideWithBaseline, whyNotComparable } from '../verdict/baseline.js'
import { log, warn } from './log.js'
import type { Dependencies, Started } from './types.js'

/** How long each request for the baseline run's results may take. */
const BASELINE_READ_TIMEOUT_MS = 10_000

/**
 * The whole comparison (the account, the pull request, the base branch's statuses, the baseline
 * run's results) in real time: at most this long, and past timeout_minutes by no more than
 * COMPARE_PAST_DEADLINE_MS, so the reports are written long before the runner gives up on the step.
 */
const COMPARE_BUDGET_MS = 20_000
const COMPARE_PAST_DEADLINE_MS = 5_000

/** The outcome and the report the reporters are given. */
export interface Decided {
  readonly outcome: Outcome
  readonly report: RunReport | undefined
}

/** What the reporters should be told: the outcome compared with the baseline, or as it was. */
export async function compareWithBaseline(started: Started, deps: Dependencies, decided: Decided): Promise<Decided> {
  const { report } = decided
  if (!hasPerTestResults(report, decided.outcome)) {
    notice(
      `The per-test results of ${inline(started.run.label)} were not read, so its failures cannot be compared with the base branch's.`
    )
    return decided
  }
  const budgetMs = Math.min(
    COMPARE_BUDGET_MS,
    Math.max(0, started.deadline - deps.clock.now()) + COMPARE_PAST_DEADLINE_MS
  )
  try {
    return await withinBudget(compare(started, deps, { outcome: decided.outcome, report }), budgetMs)
  } catch (error) {
    // A GitHub or service failure never decides the verdict.
    warn(`${NOT_COMPARED} Comparing the failures with the base branch's run failed: ${inline(messageOf(error))}`)
    return decided
  }
}

/** Said whenever nothing was compared: the verdict is the one fail_on: any gives. */
const NOT_COMPARED = 'fail_on: new compared nothing, so every failure fails the step, as with fail_on: any.'

/** A notice, not a warning: nothing went wrong, there is just nothing to compare with. */
function notice(why: string): void {
  core.notice(`${NOT_COMPARED} ${why}`)
}

async function compare(
  started: Started,
  deps: Dependencies,
  decided: Decided & { report: RunReport }
): Promise<Decided> {
  const { settings, service, run } = started
  const client = started.octokit ? await started.octokit() : undefined
  const base = await baseBranchOf(started, client)
  if ('why' in base) {
    notice(`${base.why} There is no base branch to compare with.`)
    return decided
  }
  const account: TokenAccount = client ? await tokenAccount(client) : { login: undefined }
  const found = await findBaseline({
    octokit: client,
    repository: splitRepository(started.git.repository),
    baseRef: base.ref,
    context: statusContextOf(settings, service, run.plan, settings.jobMatrix),
    account,
    clock: deps.clock
  })
  if (!found.baseline) {
    if (found.error) warn(`${NOT_COMPARED} ${found.why}`)
    else notice(found.why)
    return decided
  }

  const baseline = found.baseline
  const where = `${inline(baseline.branch, 100)} at ${inline(baseline.commitSha.slice(0, 7))}`
  const baselineRun = runOf(service, baseline, where)
  if (!baselineRun) {
    const link = baseline.targetUrl ? `links to ${quote(inline(baseline.targetUrl, 200))}` : 'links to nothing'
    warn(
      `${NOT_COMPARED} This action's commit status on ${where} ${link}, not to a ${service.words.name} run it can read. ` +
        `A run of this action on push to ${inline(baseline.branch, 100)} sets a status that links to its run.`
    )
    return decided
  }
  log(`Comparing the failures with ${baselineRun.label}: ${inline(baselineRun.url)}`)
  let baselineReport: RunReport
  try {
    baselineReport = redactSecrets(
      await service.result(baselineRun, { timeoutMs: BASELINE_READ_TIMEOUT_MS }),
      settings.secrets
    )
  } catch (error) {
    warn(`${NOT_COMPARED} Could not read ${baselineRun.label}: ${inline(messageOf(error))}`)
    return decided
  }
  const unusable = whyNotComparable(baselineReport, service.words)
  if (unusable !== undefined) {
    warn(`${NOT_COMPARED} ${unusable} (${baselineRun.label}: ${inline(baselineRun.url)})`)
    return decided
  }

  const classification = classifyFailures(decided.report, baselineReport)
  const outcome = decideWithBaseline(
    decided.outcome,
    classification,
    { branch: baseline.branch, commitSha: baseline.commitSha, runUrl: baselineRun.url },
    { failOn: 'new', words: service.words, started: run }
  )
  // Failures are marked new or known only when the outcome tells them apart too.
  return outcome.baseline ? { outcome, report: classification.report } : decided
}

/** A failed run's outcome counts its failures from per-test results that were read in full. */
function hasPerTestResults(report: RunReport | undefined, outcome: Outcome): report is RunReport {
  return (
    report !== undefined &&
    report.testCasesUnread !== true &&
    report.detailsMissing === undefined &&
    outcome.counts.failed !== undefined
  )
}

/**
 * The branch the tested change goes into: the pull request's base — the event's, or the open
 * pull request whose head is the tested commit — or a merge queue's target branch.
 */
async function baseBranchOf(started: Started, client: Octokit | undefined): Promise<{ ref: string } | { why: string }> {
  const { event, git } = started
  if (event.name === 'merge_group') {
    const ref = asRecord(event.payload.merge_group).base_ref
    if (typeof ref === 'string' && ref !== '') return { ref: ref.replace(/^refs\/heads\//, '') }
  }
  const answer = await resolvePullRequest({ event, git, client })
  if (!answer.pullRequest) return { why: answer.why }
  if (answer.pullRequest.baseRef === '') {
    return { why: `Pull request #${answer.pullRequest.number} does not name its base branch.` }
  }
  return { ref: answer.pullRequest.baseRef }
}

/** The baseline run, as the service reads it, from the link of its commit status; undefined when the link names none. */
function runOf(service: Service, baseline: Baseline, where: string): StartedRun | undefined {
  const url = baseline.targetUrl
  const id = url === undefined ? undefined : service.runIdFromUrl?.(url)
  if (url === undefined || id === undefined || id === '') return undefined
  return {
    id,
    // By what it tested: the id may be a run's or a batch's.
    label: `the ${service.words.name} run that tested ${where}`,
    url,
    testedUrls: [],
    record: undefined,
    fileId: id.replace(/[^A-Za-z0-9_-]/g, '_')
  }
}

/** The comparison, or a failure once `budgetMs` of real time has passed (its requests are left to end on their own). */
async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const outOfTime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it took longer than ${Math.round(budgetMs / 1000)} s`)), budgetMs)
    timer.unref()
  })
  try {
    return await Promise.race([work, outOfTime])
  } finally {
    clearTimeout(timer)
  }
}
