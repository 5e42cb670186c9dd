import * as core from '@actions/core'
import { ApiError } from '../http/api-error.js'
import { readWithRetry } from '../http/retry.js'
import { unlessCancelled } from '../wait/cancellation.js'
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
import type { StartedRun as QaTechStartedRun, StartRunRequest } from './types.js'
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
      const planned = planApplications(settings, preview)
      const applications = await resolveApplications(
        planned,
        () => readWithRetry(() => client.listApplications(), clock, warn, { deadline }),
        log
      )
      const request = buildStartRunRequest(settings, git, applications)
      logRequest(request)
      const sent = withBypassSecrets(request, settings.vercelBypassSecret)
      // Checked before every attempt: a cancel during a retry's wait sends nothing more.
      const started = await startWithRetry(
        () => unlessCancelled(signal, () => client.startRun(sent)),
        clock,
        warn,
        deadline
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
      try {
        const started = await startWithRetry(
          () => unlessCancelled(signal, () => client.rerun(run.id, { failedOnly: true })),
          clock,
          warn,
          deadline
        )
        logStarted(started, `Rerunning the failed, skipped and errored test cases of QA.tech run ${inline(run.id)}`)
        startedRuns.set(started.shortId, started)
        const urls = planApplications(settings, preview).flatMap(app =>
          app.environment && 'url' in app.environment ? [app.environment.url] : []
        )
        return toStartedRun(started, urls)
      } catch (error) {
        // QA.tech answers 400 "Nothing to rerun" for a run without failures.
        if (error instanceof ApiError && error.status === 400 && /nothing to rerun/i.test(error.message)) {
          return 'nothing-to-rerun'
        }
        throw error
      }
    },

    // QA.tech's run pages end in `/results/<run short id>`.
    runIdFromUrl: url => /\/results\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1],

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
        // Unknown counts are empty, never a made-up 0.
        [Outputs.PassedCount]: outcome.counts.passed?.toString() ?? '',
        [Outputs.FailedCount]: outcome.counts.failed?.toString() ?? '',
        [Outputs.SkippedCount]: outcome.counts.skipped?.toString() ?? '',
        [Outputs.FlakyCount]: outcome.counts.passed === undefined ? '' : String(outcome.counts.flaky ?? 0)
      })
    }
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
