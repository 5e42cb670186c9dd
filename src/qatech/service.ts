import { readWithRetry } from '../http/retry.js'
import { startWithRetry } from '../http/start-retry.js'
import { defineService } from '../service/kit/capabilities.js'
import { logRequest } from '../service/kit/log.js'
import { mayHaveStartedSentence } from '../service/kit/may-have-started.js'
import { preflightTargets } from '../service/kit/preflight-targets.js'
import type { StartedRun } from '../service/model.js'
import type { Service, ServiceEnvironment } from '../service/service.js'
import { firstLine, inline, quote } from '../util/untrusted-text.js'
import { cancellableClock, sendUnlessCancelled, unlessCancelled } from '../wait/cancellation.js'
import { createQaTechClient, type QaTechClient, type RunDetail } from './client.js'
import { buildStartRunRequest, environmentUrls, withBypassSecrets } from './run-request.js'
import { runOutputs } from './run-outputs.js'
import { toRunReport, toStartedRun } from './run-report.js'
import type { Settings } from './settings.js'
import { planApplications, resolveApplicationsWithRetry, testedUrls } from './shared/applications.js'
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
  const logStarted = (run: QaTechStartedRun, what?: string) => log(startedLine(run, what))

  const poll = async (run: StartedRun, detail: RunDetail, timeoutMs: number) => {
    const report = toRunReport(await client.getRun(run.id, { detail, timeoutMs }), run.label)
    return detail === 'status' ? { ...report, testCasesUnread: true } : report
  }

  return defineService({
    action: 'qatech-runs',
    words: QATECH_WORDS,

    async start({ git, preview, signal, sending }) {
      // Every wait of the start (a read's retry, the start's) ends on a cancel: nothing is started then.
      const waits = cancellableClock(clock, signal)
      const applications = await resolveApplicationsWithRetry(
        planApplications(settings, preview),
        () => client.listApplications(),
        waits,
        environment
      )
      const request = buildStartRunRequest(settings, git, applications)
      logRequest(environment, 'Run request', shownRequest(request))
      const sent = withBypassSecrets(request, settings.vercelBypassSecret)
      // Checked before every attempt too: a cancelled step starts nothing.
      const started = await startWithRetry(
        () => sendUnlessCancelled({ signal, sending }, () => client.startRun(sent)),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_STARTED }
      )
      logStarted(started)
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

    async rerunFailed(run, { preview, signal, sending }) {
      const waits = cancellableClock(clock, signal)
      // What there is to rerun is read from the run itself, never from the words of QA.tech's answer.
      const previous = await readWithRetry(
        () => unlessCancelled(signal, () => client.getRun(run.id, { detail: 'testCases' })),
        waits,
        warn,
        { deadline }
      )
      // A run that has not finished (the previous attempt timed out or was cancelled while it went
      // on), or that passed, has nothing to rerun: this attempt waits for it and reports it, so
      // every report tells its real outcome.
      const finished = toRunReport(previous, run.id).phase === 'finished'
      if (!finished || !hasAnythingToRerun(previous)) {
        log(
          `QA.tech run ${inline(run.id)} ${finished ? 'has nothing to rerun' : 'has not finished'}: this attempt waits for it and reports it; no run was started.`
        )
        const again = { id: previous.id, shortId: run.id, url: run.url, testCount: undefined, testPlan: undefined }
        return toStartedRun(again, testedUrls(planApplications(settings, preview)))
      }
      const started = await startWithRetry(
        () => sendUnlessCancelled({ signal, sending }, () => client.rerun(run.id, { failedOnly: true })),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_RERUN }
      )
      logStarted(started, `Rerunning the failed, skipped and errored test cases of QA.tech run ${inline(run.id)}`)
      return toStartedRun(started, testedUrls(planApplications(settings, preview)))
    },

    // QA.tech's run pages end in `/results/<run short id>`.
    runIdFromUrl: url => decodedSegment(/\/results\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1]),

    preflightTargets: ({ preview }) =>
      preflightTargets(testedUrls(planApplications(settings, preview)), settings.vercelBypassSecret),

    outputs: runOutputs
  })
}

const MAY_HAVE_STARTED = mayHaveStartedSentence({
  service: 'QA.tech',
  what: 'the run',
  where: 'among the project’s runs in QA.tech',
  otherwise: 'or the test plan runs twice'
})
const MAY_HAVE_RERUN = mayHaveStartedSentence({
  service: 'QA.tech',
  what: 'the rerun',
  where: 'among the project’s runs in QA.tech'
})

/**
 * Whether `failedOnly` would rerun anything: a run that completed as PASSED with every test case
 * PASSED has nothing failed, skipped or errored. Anything else — a failure, a test case without
 * a result, a run that did not complete — is sent to QA.tech, whose answer is taken as it comes.
 */
/** A finished run has something to rerun unless it passed with every test case passed. */
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

/** The request as the log shows it: the commit message's first line is enough to know it by. */
function shownRequest(request: StartRunRequest): StartRunRequest {
  return request.commitMessage === undefined ? request : { ...request, commitMessage: firstLine(request.commitMessage) }
}

function startedLine(run: QaTechStartedRun, what = 'Started'): string {
  const plan = run.testPlan ? ` of test plan ${quote(run.testPlan.name)}` : ''
  const tests = run.testCount === undefined ? '' : ` with ${run.testCount} test case${run.testCount === 1 ? '' : 's'}`
  const as = what === 'Started' ? 'Started QA.tech run' : `${what} as QA.tech run`
  return `${as} ${inline(run.shortId)}${plan}${tests}: ${inline(run.url)}`
}
