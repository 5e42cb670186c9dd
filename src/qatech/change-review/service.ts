import * as core from '@actions/core'
import { readWithRetry } from '../../http/retry.js'
import { startWithRetry } from '../../http/start-retry.js'
import { cancellableClock, unlessCancelled } from '../../wait/cancellation.js'
import type { Service, ServiceEnvironment } from '../../service/service.js'
import { redactSecrets } from '../../util/secrets.js'
import { firstLine, inertJson, inline } from '../../util/untrusted-text.js'
import { resolveApplications } from '../run-request.js'
import { createChangeReviewClient, type ChangeReviewClient } from './client.js'
import { Outputs } from './names.js'
import { resolvePullRequest } from './pull-request.js'
import { latestReply, reviewLabel, toRunReport, toStartedRun } from './report.js'
import {
  buildChangeReviewRequest,
  environmentUrls,
  planReviewApplications,
  toReviewApplications,
  withBypassSecrets
} from './request.js'
import type { ChangeReviewSettings } from './settings.js'
import type { ChangeReviewRequest, Conversation } from './types.js'
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
  // The newest answer seen, for chat_response: the outputs name the text, the outcome does not.
  let latest: Conversation | undefined
  let reviewLogged = false

  const read = async (shortId: string, limit: number, timeoutMs: number) => {
    latest = await client.getConversation(shortId, { limit, timeoutMs })
    return toRunReport(latest, reviewLabel(shortId))
  }

  return {
    action: 'qatech-change-review',
    words: CHANGE_REVIEW_WORDS,

    async start({ git, preview, event, octokit, signal }) {
      // Every wait of the start (a read's retry, the start's) ends on a cancel: nothing is started then.
      const waits = cancellableClock(clock, signal)
      const planned = planReviewApplications(settings, preview)
      const pullRequest = await resolvePullRequest({ prUrl: settings.prUrl, event, git, octokit, log })
      const applications = await resolveApplications(
        planned,
        () => readWithRetry(() => client.listApplications(), waits, warn, { deadline }),
        log
      )
      const request = buildChangeReviewRequest(settings, git, pullRequest.url, toReviewApplications(applications))
      logRequest(request)
      const sent = withBypassSecrets(request, settings.vercelBypassSecret)
      // Checked before every attempt too: a cancelled step starts nothing.
      const conversation = await startWithRetry(
        () => unlessCancelled(signal, () => client.startChangeReview(sent)),
        waits,
        warn,
        deadline,
        { ifMayHaveStarted: MAY_HAVE_STARTED }
      )
      latest = conversation
      core.info(
        `Started ${reviewLabel(conversation.shortId)} of ${inline(pullRequest.url)}: ${inline(conversation.url)}`
      )
      return toStartedRun(conversation, pullRequest, environmentUrls(request))
    },

    // The preview the agents will open must answer first: a review of a site still deploying is wasted.
    preflightTargets: ({ preview }) =>
      planReviewApplications(settings, preview).flatMap(({ environment }) =>
        'url' in environment
          ? [
              {
                url: environment.url,
                ...(settings.vercelBypassSecret ? { bypassSecret: settings.vercelBypassSecret } : {})
              }
            ]
          : []
      ),

    poll: (run, { timeoutMs }) => read(run.id, POLL_MESSAGES, timeoutMs),

    async result(run, { timeoutMs }) {
      const report = await read(run.id, RESULT_MESSAGES, timeoutMs)
      if (!reviewLogged && report.narrative) {
        reviewLogged = true
        logReview(redactSecrets(report.narrative.markdown, settings.secrets))
      }
      return report
    },

    outputs: {
      none: () => ({ [Outputs.ChatCreated]: 'false' }),
      started: run => ({
        [Outputs.ChatCreated]: 'true',
        [Outputs.ChatShortId]: run.id,
        [Outputs.ChatUrl]: run.url
      }),
      finished: outcome => ({
        [Outputs.ChatStatus]: outcome.status,
        // The agent may quote a URL it visited, bypass secret and all.
        [Outputs.ChatResponse]: redactSecrets(latest ? (latestReply(latest)?.text ?? '') : '', settings.secrets)
      })
    }
  }
}

const MAY_HAVE_STARTED = 'The review may have started anyway: look in QA.tech before re-running the job.'

/** The request about to be sent, before the bypass secret is added, in a collapsible group. */
function logRequest(request: ChangeReviewRequest): void {
  const shown = {
    ...request,
    commitMessage: request.commitMessage === undefined ? undefined : firstLine(request.commitMessage)
  }
  core.startGroup('Change review request')
  core.info(inertJson(shown))
  core.endGroup()
}

/** The review, a line at a time, each made inert: no line of it can be read as a workflow command. */
function logReview(markdown: string): void {
  core.startGroup('Review by QA.tech')
  for (const line of markdown.split(/\r?\n/)) core.info(inline(line, 2000))
  core.endGroup()
}
