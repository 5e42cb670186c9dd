import { withBypassSecret } from '../context/vercel-bypass.js'
import { startWithRetry } from '../http/start-retry.js'
import { defineService } from '../service/kit/capabilities.js'
import { logRequest } from '../service/kit/log.js'
import { mayHaveStartedSentence } from '../service/kit/may-have-started.js'
import { preflightTargets } from '../service/kit/preflight-targets.js'
import type { RunReport, StartedRun } from '../service/model.js'
import type { RequestOptions, Service, ServiceEnvironment, StartContext } from '../service/service.js'
import { ActionError } from '../util/errors.js'
import { inline, quote } from '../util/untrusted-text.js'
import { cancellableClock, sendUnlessCancelled } from '../wait/cancellation.js'
import { createTesterArmyClient, type TesterArmyClient } from './client.js'
import { runsOf, testerArmyOutputs } from './outputs.js'
import { findPullRequest, pullRequestFromEvent } from './pull-request.js'
import { readRunAddress } from './run-address.js'
import { buildStartRequest, type RequestContext } from './run-request.js'
import { isFinished, toRunReport, toStartedRun, type TrackedRun } from './run-report.js'
import type { Settings } from './settings.js'
import type { RunState, StartAnswer } from './types.js'
import { testerArmyWords } from './words.js'

const MAY_HAVE_STARTED = mayHaveStartedSentence({
  service: 'tester.army',
  what: 'the run',
  where: 'in tester.army',
  otherwise: 'or it runs twice'
})

/** Runs of a batch polled at once: enough to be quick, few enough not to flood tester.army. */
const POLL_CONCURRENCY = 4

/** tester.army runs behind the service seam: started once, polled each, cancelled on an abort. */
export function createTesterArmyService(
  settings: Settings,
  environment: ServiceEnvironment,
  client: TesterArmyClient = createTesterArmyClient(settings.apiUrl, settings.apiKey)
): Service {
  const { clock, deadline, log, warn } = environment
  const mode = settings.target.mode

  // The last answer for each tester.army run: a run that has finished is not asked again.
  const states = new Map<string, RunState>()

  // A run this step started names its runs in its record; a base branch's, found by its commit
  // status, in the address the status links to.
  const runsOfRun = (run: StartedRun) =>
    (run.record === undefined ? readRunAddress(settings.apiUrl, run.url) : undefined) ?? runsOf(run, mode)

  const tracked = (run: StartedRun): TrackedRun[] => runsOfRun(run).runIds.map(id => ({ id, state: states.get(id) }))

  const report = (run: StartedRun): RunReport => toRunReport(tracked(run), run.label, runsOfRun(run).batchId)

  /** Asks for every run that has not finished; one that has keeps its last answer. */
  async function poll(run: StartedRun, { timeoutMs }: RequestOptions): Promise<RunReport> {
    const open = tracked(run).filter(item => !isFinished(item.state))
    for (let index = 0; index < open.length; index += POLL_CONCURRENCY) {
      const batch = open.slice(index, index + POLL_CONCURRENCY)
      const answers = await Promise.all(batch.map(item => client.getRun(item.id, { timeoutMs })))
      // Kept by the id asked for: an answer naming another id must not leave this run unfinished.
      batch.forEach((item, position) => {
        const answer = answers[position]
        if (answer) states.set(item.id, answer)
      })
    }
    return report(run)
  }

  return defineService({
    action: 'tester-army',
    words: testerArmyWords(settings),

    async start(context) {
      const needs = await gatherRequestContext(settings, context, environment)
      const request = buildStartRequest(settings, needs)
      logRequest(environment, 'Run request', { request: `POST /v1${request.path}`, body: request.body })
      const secret = settings.vercelBypassSecret
      const sendable = buildStartRequest(settings, needs, url => (secret ? withBypassSecret(url, secret) : url))
      // A cancel while the request was prepared (the pull request looked up), or during a retry's
      // wait, starts nothing.
      const answer = await startWithRetry(
        () => sendUnlessCancelled(context, () => client.start(sendable)),
        cancellableClock(clock, context.signal),
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_STARTED }
      )
      // Only a group can start nothing: one without runnable tests.
      if (answer.runIds.length === 0) {
        throw new ActionError(
          `tester.army started no runs: ${request.plan.label.toLowerCase()} ${request.plan.name} has no runnable tests. Add tests to it in tester.army.`
        )
      }
      const run = toStartedRun(answer, request, settings.apiUrl)
      logStarted(run, answer, environment)
      return run
    },

    poll,

    // Every poll already reads each run in full: a finished run has nothing more to fetch.
    result: async (run, options) =>
      tracked(run).every(item => isFinished(item.state)) ? report(run) : poll(run, options),

    // The address a commit status of this action links to: a run's, or a batch's with its runs.
    runIdFromUrl: url => {
      const runs = readRunAddress(settings.apiUrl, url)
      return runs?.batchId ?? runs?.runIds[0]
    },

    async cancel(run, { timeoutMs }) {
      const { batchId } = runsOfRun(run)
      const open = tracked(run).filter(item => !isFinished(item.state))
      if (batchId !== undefined) {
        const outcome = await client.cancelBatch(batchId, { timeoutMs })
        log(
          outcome.kind === 'done'
            ? `tester.army cancelled ${outcome.cancelled} run${outcome.cancelled === 1 ? '' : 's'} of batch ${inline(batchId)}; ${outcome.alreadyFinished} had already finished.`
            : `tester.army could not cancel every run of batch ${inline(batchId)}: ${outcome.message}`
        )
        return outcome.kind === 'done' && outcome.cancelled === 0 ? 'already-finished' : 'cancelled'
      }
      let cancelled = 0
      for (const item of open) {
        const outcome = await client.cancelRun(item.id, { timeoutMs })
        if (outcome === 'already-finished')
          log(`tester.army run ${inline(item.id)} had already finished: there was nothing to cancel.`)
        else cancelled += 1
      }
      return cancelled > 0 ? 'cancelled' : 'already-finished'
    },

    // The site tester.army will test: target_url or the deployment's, for the preflight. A test
    // run (test_id) tests the URL stored with the test, which the action does not know.
    preflightTargets: ({ preview }) => {
      const url = mode === 'test' ? undefined : (settings.targetUrl ?? preview?.url)
      return preflightTargets(url === undefined ? [] : [url], settings.vercelBypassSecret)
    },

    outputs: testerArmyOutputs(mode)
  })
}

/**
 * What the request needs besides the inputs: a pull-request run needs a URL and the pull request
 * (from the event or the GitHub API); a group run sends the pull request's number when the event
 * has one. Everything is checked before anything is sent to tester.army.
 */
async function gatherRequestContext(
  settings: Settings,
  context: StartContext,
  environment: ServiceEnvironment
): Promise<RequestContext> {
  const { target } = settings
  const base = { git: context.git, preview: context.preview }
  switch (target.mode) {
    case 'test':
      if (context.preview?.url !== undefined) {
        environment.log(
          `tester.army runs test ${target.testId} on the environment saved with it: the deployment's URL is not sent (a test run takes no URL).`
        )
      }
      return { ...base, pullRequest: undefined }
    case 'group':
      return { ...base, pullRequest: pullRequestFromEvent(context.event) }
    case 'pull-request':
      if ((settings.targetUrl ?? context.preview?.url) === undefined) {
        throw new ActionError(
          "project_id needs target_url: this deployment has no URL to test. Set target_url to the deployment's URL."
        )
      }
      return {
        ...base,
        pullRequest: await findPullRequest({
          ...environment,
          git: context.git,
          event: context.event,
          octokit: context.octokit
        })
      }
    case 'prompt':
      return { ...base, pullRequest: undefined }
  }
}

function logStarted(
  run: StartedRun,
  answer: StartAnswer,
  { log, warn }: Pick<ServiceEnvironment, 'log' | 'warn'>
): void {
  const on = run.testedUrls.length > 0 ? ` on ${inline(run.testedUrls.join(', '))}` : ''
  log(`Started ${inline(run.label)}${on}.`)
  if (answer.cancelledRunIds.length > 0) {
    warn(
      `tester.army cancelled ${answer.cancelledRunIds.length} of the batch's ${answer.runIds.length} runs at once (duplicates, or the usage limit): ${answer.cancelledRunIds.map(id => inline(id)).join(', ')}.`
    )
  }
  const integration = githubIntegrationLine(answer.githubStatus)
  if (integration) log(integration)
}

/**
 * What tester.army's own GitHub integration (its check run and comment, for projects connected
 * to GitHub) did for this run, in words; nothing when it is not set up, the usual case beside
 * this action, which reports the result itself either way.
 */
function githubIntegrationLine(status: string | undefined): string | undefined {
  switch (status) {
    case undefined:
    case 'not_configured':
      return undefined
    case 'check_create_failed':
      return "tester.army could not create its own check run on this commit; this step's reports are unaffected."
    case 'pr_not_found':
      return "tester.army found no pull request for this commit, so it comments on none; this step's reports are unaffected."
    default:
      return `tester.army's own GitHub integration says ${quote(status)} for this run; this step's reports are unaffected.`
  }
}
