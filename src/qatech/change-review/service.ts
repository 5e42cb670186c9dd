import { startWithRetry } from '../../http/start-retry.js'
import { defineService } from '../../service/kit/capabilities.js'
import { logGroup, logRequest } from '../../service/kit/log.js'
import { preflightTargets } from '../../service/kit/preflight-targets.js'
import type { Service, ServiceEnvironment } from '../../service/service.js'
import { redactSecrets } from '../../util/secrets.js'
import { inline } from '../../util/untrusted-text.js'
import { cancellableClock, sendUnlessCancelled } from '../../wait/cancellation.js'
import { resolveApplicationsWithRetry, testedUrls } from '../shared/applications.js'
import { createChangeReviewClient, type ChangeReviewClient } from './client.js'
import { reviewOutputs } from './outputs.js'
import { resolvePullRequest } from './pull-request.js'
import { reviewLabel, toRunReport, toStartedRun } from './report.js'
import {
  buildChangeReviewRequest,
  environmentUrls,
  planReviewApplications,
  toReviewApplications,
  withBypassSecrets
} from './request.js'
import type { ChangeReviewSettings } from './settings.js'
import { CHANGE_REVIEW_WORDS } from './words.js'

/** Messages per poll: the newest assistant reply is among the first few. */
const POLL_MESSAGES = 5
/** Messages in the final fetch, for the results file. */
const RESULT_MESSAGES = 20

/** QA.tech change review (`POST /v1/chat/change-review`) behind the service seam. */
export function createChangeReviewService(
  settings: ChangeReviewSettings,
  environment: ServiceEnvironment,
  client: ChangeReviewClient = createChangeReviewClient(settings)
): Service {
  const { clock, deadline, log, warn } = environment
  // The review is logged once, however often the final fetch is asked again.
  let reviewLogged = false

  const read = async (shortId: string, limit: number, timeoutMs: number) =>
    toRunReport(await client.getConversation(shortId, { limit, timeoutMs }), reviewLabel(shortId))

  return defineService({
    action: 'qatech-change-review',
    words: CHANGE_REVIEW_WORDS,

    async start({ git, preview, event, octokit, signal, sending }) {
      // Every wait of the start (a read's retry, the start's) ends on a cancel: nothing is started then.
      const waits = cancellableClock(clock, signal)
      const planned = planReviewApplications(settings, preview)
      const pullRequest = await resolvePullRequest({ prUrl: settings.prUrl, event, git, octokit, log })
      const applications = await resolveApplicationsWithRetry(
        planned,
        () => client.listApplications(),
        waits,
        environment
      )
      const request = buildChangeReviewRequest(settings, git, pullRequest.url, toReviewApplications(applications))
      // The request carries the commit message's first line only: it is shown as it is sent.
      logRequest(environment, 'Change review request', request)
      const sent = withBypassSecrets(request, settings.vercelBypassSecret)
      // Checked before every attempt too: a cancelled step starts nothing.
      const conversation = await startWithRetry(
        () => sendUnlessCancelled({ signal, sending }, () => client.startChangeReview(sent)),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_STARTED }
      )
      log(`Started ${reviewLabel(conversation.shortId)} of ${inline(pullRequest.url)}: ${inline(conversation.url)}`)
      return toStartedRun(conversation, pullRequest, environmentUrls(request))
    },

    // The preview the agents will open must answer first: a review of a site still deploying is wasted.
    preflightTargets: ({ preview }) =>
      preflightTargets(testedUrls(planReviewApplications(settings, preview)), settings.vercelBypassSecret),

    poll: (run, { timeoutMs }) => read(run.id, POLL_MESSAGES, timeoutMs),

    async result(run, { timeoutMs }) {
      const report = await read(run.id, RESULT_MESSAGES, timeoutMs)
      if (!reviewLogged && report.narrative) {
        reviewLogged = true
        logReview(environment, redactSecrets(report.narrative.markdown, settings.secrets))
      }
      return report
    },

    outputs: reviewOutputs
  })
}

const MAY_HAVE_STARTED = 'The review may have started anyway: look in QA.tech before re-running the job.'

/** The review, a line at a time, each made inert: no line of it can be read as a workflow command. */
function logReview(environment: ServiceEnvironment, markdown: string): void {
  logGroup(
    environment,
    'Review by QA.tech',
    markdown.split(/\r?\n/).map(line => inline(line, 2000))
  )
}
