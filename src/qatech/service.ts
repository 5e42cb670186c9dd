import * as core from '@actions/core'
import { readWithRetry } from '../http/retry.js'
import { cancellableClock, unlessCancelled } from '../wait/cancellation.js'
import { startWithRetry } from '../http/start-retry.js'
import type { StartedRun } from '../service/model.js'
import type { Service, ServiceEnvironment } from '../service/service.js'
import { firstLine, inertJson, inline, quote } from '../util/untrusted-text.js'
import { createQaTechClient, type QaTechClient, type RunDetail } from './client.js'
import { Outputs } from './names.js'
import {
  buildStartRunRequest,
  environmentUrls,
  planApplications,
  resolveApplications,
  withBypassSecrets
} from './run-request.js'
import { toRunReport, toStartedRun } from './run-report.js'
import type { Settings } from './settings.js'
import type { RunState, StartedRun as QaTechStartedRun, StartRunRequest } from './types.js'
import { QATECH_WORDS } from './words.js'

/** Above this many test cases, polls skip the per-test details: they would cost more than they help. */
const PROGRESS_TEST_CASE_LIMIT = 200

/** QA.tech test-plan runs (`POST /v1/run` with `trigger: "GITHUB"`) behind the service seam. */
export function createQaTechService(
  settings: Settings,
  environment: ServiceEnvironment,
  client: QaTechClient = createQaTechClient(settings.apiUrl, settings.apiToken, {
    projectShortId: settings.projectShortId
  })
): Service {
  const { clock, deadline, log, warn } = environment

  // QA.tech's own answers to the start, for the outputs that name them.
  const startedRuns = new Map<string, QaTechStartedRun>()
  const poll = async (run: StartedRun, detail: RunDetail, timeoutMs: number) => {
    const report = toRunReport(await client.getRun(run.id, { detail, timeoutMs }), run.label)
    return detail === 'status' ? { ...report, testCasesUnread: true } : report
  }

  return {
    action: 'qatech-runs',
    words: QATECH_WORDS,

    async start({ git, preview, signal }) {
      // Every wait of the start (a read's retry, the start's) ends on a cancel: nothing is started then.
      const waits = cancellableClock(clock, signal)
      const planned = planApplications(settings, preview)
      const applications = await resolveApplications(
        planned,
        () => readWithRetry(() => client.listApplications(), waits, warn, { deadline }),
        log
      )
      const request = buildStartRunRequest(settings, git, applications)
      logRequest(request)
      const sent = withBypassSecrets(request, settings.vercelBypassSecret)
      // Checked before every attempt too: a cancelled step starts nothing.
      const started = await startWithRetry(
        () => unlessCancelled(signal, () => client.startRun(sent)),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_STARTED }
      )
      logStarted(started)
      startedRuns.set(started.shortId, started)
      return toStartedRun(started, environmentUrls(request))
    },

    // Per-test progress lets the schedule poll sparsely while far from the end.
    poll: (run, { timeoutMs }) =>
      poll(
        run,
        run.testCount === undefined || run.testCount <= PROGRESS_TEST_CASE_LIMIT ? 'testCases' : 'status',
        timeoutMs
      ),

    result: (run, { timeoutMs }) => poll(run, 'full', timeoutMs),

    async rerunFailed(run, { preview, signal }) {
      const waits = cancellableClock(clock, signal)
      // What there is to rerun is read from the run itself, never from the words of QA.tech's answer.
      const previous = await readWithRetry(
        () => unlessCancelled(signal, () => client.getRun(run.id, { detail: 'testCases' })),
        waits,
        warn,
        { deadline }
      )
      if (!hasAnythingToRerun(previous)) return 'nothing-to-rerun'
      const started = await startWithRetry(
        () => unlessCancelled(signal, () => client.rerun(run.id, { failedOnly: true })),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_RERUN }
      )
      logStarted(started, `Rerunning the failed, skipped and errored test cases of QA.tech run ${inline(run.id)}`)
      startedRuns.set(started.shortId, started)
      const urls = planApplications(settings, preview).flatMap(app =>
        app.environment && 'url' in app.environment ? [app.environment.url] : []
      )
      return toStartedRun(started, urls)
    },

    // QA.tech's run pages end in `/results/<run short id>`.
    runIdFromUrl: url => decodedSegment(/\/results\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1]),

    preflightTargets: ({ preview }) =>
      planApplications(settings, preview).flatMap(app =>
        app.environment && 'url' in app.environment
          ? [
              {
                url: app.environment.url,
                ...(settings.vercelBypassSecret ? { bypassSecret: settings.vercelBypassSecret } : {})
              }
            ]
          : []
      ),

    outputs: {
      none: () => ({ [Outputs.RunCreated]: 'false' }),
      started: run => {
        const answer = startedRuns.get(run.id)
        return {
          [Outputs.RunCreated]: 'true',
          [Outputs.RunId]: answer?.id ?? '',
          [Outputs.RunShortId]: run.id,
          [Outputs.RunUrl]: run.url,
          [Outputs.TestCount]: run.testCount === undefined ? '' : String(run.testCount),
          [Outputs.TestPlanShortId]: answer?.testPlan?.shortId ?? '',
          [Outputs.TestPlanName]: answer?.testPlan?.name ?? ''
        }
      },
      finished: outcome => ({
        [Outputs.RunStatus]: outcome.status,
        [Outputs.RunResult]: outcome.result,
        // Every attempt's test cases, so that the counts add up after retry_failed: the start
        // set the count the last run announced, which for a rerun is only what it reran.
        [Outputs.TestCount]: outcome.counts.total?.toString() ?? '',
        // Unknown counts are empty, never a made-up 0.
        [Outputs.PassedCount]: outcome.counts.passed?.toString() ?? '',
        [Outputs.FailedCount]: outcome.counts.failed?.toString() ?? '',
        [Outputs.SkippedCount]: outcome.counts.skipped?.toString() ?? '',
        [Outputs.FlakyCount]: outcome.counts.passed === undefined ? '' : String(outcome.counts.flaky ?? 0)
      })
    }
  }
}

const MAY_HAVE_STARTED =
  'QA.tech may have started the run anyway: look for it among the project’s runs in QA.tech before you re-run this job, or the test plan runs twice.'
const MAY_HAVE_RERUN =
  'QA.tech may have started the rerun anyway: look for it among the project’s runs in QA.tech before you re-run this job.'

/**
 * Whether `failedOnly` would rerun anything: a run that completed as PASSED with every test case
 * PASSED has nothing failed, skipped or errored. Anything else — a failure, a test case without
 * a result, a run that did not complete — is sent to QA.tech, whose answer is taken as it comes.
 */
function hasAnythingToRerun(run: RunState): boolean {
  const passed = run.status === 'COMPLETED' && run.result === 'PASSED'
  return !passed || run.runTestCases.some(testCase => testCase.result !== 'PASSED')
}

/** A URL's path segment as the id it encodes: requests encode it again, so it is not encoded twice. */
function decodedSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The request about to be sent, before the bypass secret is added, in a collapsible group. */
function logRequest(request: StartRunRequest): void {
  const shown = {
    ...request,
    commitMessage: request.commitMessage === undefined ? undefined : firstLine(request.commitMessage)
  }
  core.startGroup('Run request')
  core.info(inertJson(shown))
  core.endGroup()
}

function logStarted(run: QaTechStartedRun, what = 'Started'): void {
  const plan = run.testPlan ? ` of test plan ${quote(run.testPlan.name)}` : ''
  const tests = run.testCount === undefined ? '' : ` with ${run.testCount} test case${run.testCount === 1 ? '' : 's'}`
  const as = what === 'Started' ? 'Started QA.tech run' : `${what} as QA.tech run`
  core.info(`${as} ${inline(run.shortId)}${plan}${tests}: ${inline(run.url)}`)
}
