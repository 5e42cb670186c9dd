/**
 * What every service shares (src/service/kit/, src/qatech/shared/): the sentence a failed start
 * adds when it may have started a run, by the error's kind; the request in the log, grouped and
 * inert, through the logger the service was given; the preflight's targets; the empty-key message;
 * the words that follow from what a service can do; and outputs that come from the started run and
 * the last report, never from what one service object remembers.
 */
import { ApiError } from '../../src/http/api-error.js'
import type { Outcome, RunReport, StartedRun } from '../../src/service/model.js'
import type { Service, ServiceEnvironment, StartContext } from '../../src/service/service.js'
import { withApiMessage } from '../../src/service/kit/api-message.js'
import { defineService } from '../../src/service/kit/capabilities.js'
import { emptyKeyMessage } from '../../src/service/kit/empty-key.js'
import { logRequest } from '../../src/service/kit/log.js'
import { preflightTargets } from '../../src/service/kit/preflight-targets.js'
import type { QaTechClient } from '../../src/qatech/client.js'
import { createQaTechService } from '../../src/qatech/service.js'
import { parseSettings as parseQaTechSettings } from '../../src/qatech/settings.js'
import type { ChangeReviewClient } from '../../src/qatech/change-review/client.js'
import { createChangeReviewService } from '../../src/qatech/change-review/service.js'
import { parseChangeReviewSettings } from '../../src/qatech/change-review/settings.js'
import type { Conversation } from '../../src/qatech/change-review/types.js'
import type { TesterArmyClient } from '../../src/testerarmy/client.js'
import { createTesterArmyService } from '../../src/testerarmy/service.js'
import { parseSettings as parseTesterArmySettings } from '../../src/testerarmy/settings.js'
import type { StartAnswer } from '../../src/testerarmy/types.js'
import type { Clock } from '../../src/util/clock.js'

const clock: Clock = { now: () => 0, sleep: async () => undefined }
const hints = { eventName: 'push', isForkPullRequest: false, isDependabot: false }
const context: StartContext = { git: { commitMessageFromApi: false }, preview: undefined }

/** An environment that keeps what a service logs, by the call it used. */
function recordingEnvironment() {
  const groups: { title: string; lines: readonly string[] }[] = []
  const logs: string[] = []
  const environment: ServiceEnvironment = {
    clock,
    deadline: Infinity,
    log: message => logs.push(message),
    warn: () => undefined,
    group: (title, lines) => groups.push({ title, lines })
  }
  return { environment, groups, logs }
}

const quiet: ServiceEnvironment = { clock, deadline: Infinity, log: () => undefined, warn: () => undefined }

const inputsOf = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

const qatechSettings = (inputs: Record<string, string> = {}) =>
  parseQaTechSettings(inputsOf({ api_token: 'key', ...inputs }), hints)

const QATECH_ANSWER = {
  id: 'uuid-r1',
  shortId: 'r1',
  url: 'https://app.qa.tech/p/shop/results/r1',
  testCount: 2,
  testPlan: { name: 'Checkout', shortId: 'pln_checkout' }
}

function qatechClient(startRun: QaTechClient['startRun'] = async () => QATECH_ANSWER): QaTechClient {
  return {
    startRun,
    getRun: async () => {
      throw new Error('not asked in these tests')
    },
    rerun: async () => {
      throw new Error('not asked in these tests')
    },
    listApplications: async () => []
  }
}

const TESTER_ARMY_GROUP = '6f1c0e2a-8c3b-4f6e-9d2a-5b7e8f9a0c1d'
const testerArmySettings = (inputs: Record<string, string> = {}) =>
  parseTesterArmySettings(
    inputsOf({ api_key: 'sk_key', group_id: TESTER_ARMY_GROUP, target_url: 'https://pr-7.example.com', ...inputs }),
    hints
  )

function testerArmyClient(start: TesterArmyClient['start']): TesterArmyClient {
  const unused = async () => {
    throw new Error('not asked in these tests')
  }
  return { start, getRun: unused, cancelRun: unused, cancelBatch: unused }
}

/** A started run as the step hands it back to the service: the answer, through a JSON round trip (the step scrubs secrets so). */
const handedBack = (run: StartedRun): StartedRun => JSON.parse(JSON.stringify(run)) as StartedRun

const outcome = (status: string): Outcome => ({
  kind: 'failed',
  succeeded: false,
  status,
  result: '',
  counts: {},
  message: ''
})

const report = (parts: Partial<RunReport>): RunReport => ({
  phase: 'finished',
  status: 'COMPLETED',
  statusKnown: true,
  result: '',
  testCases: [],
  issues: [],
  raw: {},
  ...parts
})

describe('a start that failed: the service says it may have started something by the kind of failure only', () => {
  const failures: [string, ApiError, boolean][] = [
    ['no answer in time', new ApiError('QA.tech did not answer POST /v1/run in time.', undefined, 'timeout'), true],
    ['a broken connection', new ApiError('The connection to QA.tech broke.', undefined, 'network'), true],
    ['an answer that is not JSON', new ApiError('QA.tech answered with an HTML page.', 200, 'invalid-response'), true],
    ['a server error', new ApiError('QA.tech had a server error (HTTP 500).', 500, 'http'), true],
    ['a refused connection', new ApiError('Could not reach QA.tech.', undefined, 'unreachable'), false],
    ['a rate limit', new ApiError('QA.tech is rate limiting requests (HTTP 429).', 429, 'http'), false],
    ['a rejected request', new ApiError('QA.tech rejected the run request (HTTP 400).', 400, 'http'), false]
  ]
  // A refused connection is tried again before it fails: its waits are skipped on this clock.

  it.each(failures)('QA.tech, after %s', async (_, error, may) => {
    const service = createQaTechService(
      await qatechSettings(),
      quiet,
      qatechClient(() => Promise.reject(error))
    )
    const message = await service.start(context).catch((thrown: unknown) => (thrown as Error).message)
    expect(message).toBe(
      may
        ? `${error.message} QA.tech may have started the run anyway: look for it among the project’s runs in QA.tech before you re-run this job, or the test plan runs twice.`
        : error.message
    )
  })

  it.each(failures)('tester.army, after %s', async (_, error, may) => {
    const service = createTesterArmyService(
      await testerArmySettings(),
      quiet,
      testerArmyClient(() => Promise.reject(error))
    )
    const message = await service.start(context).catch((thrown: unknown) => (thrown as Error).message)
    expect(message).toBe(
      may
        ? `${error.message} tester.army may have started the run anyway: look for it in tester.army before you re-run this job, or it runs twice.`
        : error.message
    )
  })
})

describe('the request in the log', () => {
  const hostile = 'Fix\u0007 the cart\n::error::pwned\n##[error]also pwned'

  it('is one collapsible group, as inert JSON, whatever the strings in it', () => {
    const { environment, groups, logs } = recordingEnvironment()
    logRequest(environment, 'Run request', { branch: hostile, nested: { name: '\u001b[31m::warning::x' } })
    expect(logs).toEqual([])
    expect(groups).toHaveLength(1)
    expect(groups[0]?.title).toBe('Run request')
    const shown = groups[0]?.lines.join('\n') ?? ''
    for (const line of shown.split('\n')) expect(line).not.toMatch(/^\s*(::|##\[)/)
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    expect(shown).not.toContain('##[')
    expect(JSON.parse(shown)).toEqual({
      branch: 'Fix the cart\n::error::pwned\n##[error]also pwned',
      nested: { name: '::warning::x' }
    })
  })

  it('goes to the plain log, title first, where the environment has no group', () => {
    const logs: string[] = []
    logRequest({ log: message => logs.push(message) }, 'Run request', { branch: 'main' })
    expect(logs).toEqual(['Run request', '{\n  "branch": "main"\n}'])
  })

  it("QA.tech's run request goes through the service's logger: the commit message's first line, no bypass secret", async () => {
    const { environment, groups, logs } = recordingEnvironment()
    const sent: unknown[] = []
    const settings = await qatechSettings({
      environment_url: 'https://pr-7.example.com',
      application_short_id: 'app_web',
      vercel_bypass_secret: 'bypass-s3cret'
    })
    const service = createQaTechService(
      settings,
      environment,
      qatechClient(async request => {
        sent.push(request)
        return QATECH_ANSWER
      })
    )
    await service.start({
      ...context,
      git: { commitMessage: 'Fix the cart\n\nLong story', commitMessageFromApi: false }
    })
    expect(groups.map(group => group.title)).toEqual(['Run request'])
    const shown = JSON.parse(groups[0]?.lines.join('\n') ?? '') as Record<string, unknown>
    expect(shown).toEqual({
      trigger: 'GITHUB',
      commitMessage: 'Fix the cart',
      applications: [{ applicationShortId: 'app_web', environment: { url: 'https://pr-7.example.com' } }]
    })
    expect(JSON.stringify(sent)).toContain('bypass-s3cret')
    expect(logs).toEqual([
      'Started QA.tech run r1 of test plan "Checkout" with 2 test cases: https://app.qa.tech/p/shop/results/r1'
    ])
  })

  it("tester.army's run request and start go through the service's logger too", async () => {
    const { environment, groups, logs } = recordingEnvironment()
    const service = createTesterArmyService(
      await testerArmySettings(),
      environment,
      testerArmyClient(async () => groupAnswer)
    )
    await service.start(context)
    expect(groups.map(group => group.title)).toEqual(['Run request'])
    expect(JSON.parse(groups[0]?.lines.join('\n') ?? '')).toMatchObject({
      request: `POST /v1/groups/${TESTER_ARMY_GROUP}/runs`
    })
    // not_configured: tester.army's own GitHub integration is not set up, the usual case: nothing to say.
    expect(logs).toEqual(['Started tester.army batch b1 (2 runs) on https://pr-7.example.com.'])
  })

  it("tester.army's own GitHub integration is explained when it did something, never shown as a raw code", async () => {
    const { environment, logs } = recordingEnvironment()
    const answer = { ...groupAnswer, githubStatus: 'pr_not_found' }
    await createTesterArmyService(
      await testerArmySettings(),
      environment,
      testerArmyClient(async () => answer)
    ).start(context)
    expect(logs).toEqual([
      'Started tester.army batch b1 (2 runs) on https://pr-7.example.com.',
      "tester.army found no pull request for this commit, so it comments on none; this step's reports are unaffected."
    ])
  })
})

const groupAnswer: StartAnswer = {
  batchId: 'b1',
  runIds: ['run-1', 'run-2'],
  cancelledRunIds: [],
  githubStatus: 'not_configured',
  raw: { batchId: 'b1', runIds: ['run-1', 'run-2'], metadata: { github: { status: 'not_configured' } } }
}

describe('outputs from the started run and the last report, not from the service that started it', () => {
  it('QA.tech: the run and test plan ids, for a run handed to another service object', async () => {
    const settings = await qatechSettings()
    const run = await createQaTechService(settings, quiet, qatechClient()).start(context)
    const other = createQaTechService(settings, quiet, qatechClient())
    expect(other.outputs.started(handedBack(run))).toEqual({
      run_created: 'true',
      run_id: 'uuid-r1',
      run_short_id: 'r1',
      run_url: 'https://app.qa.tech/p/shop/results/r1',
      test_count: '2',
      test_plan_short_id: 'pln_checkout',
      test_plan_name: 'Checkout'
    })
  })

  it('tester.army: the runs of a batch, and the issues of the last report', async () => {
    const settings = await testerArmySettings()
    const run = await createTesterArmyService(
      settings,
      quiet,
      testerArmyClient(async () => groupAnswer)
    ).start(context)
    const other = createTesterArmyService(
      settings,
      quiet,
      testerArmyClient(async () => groupAnswer)
    )
    expect(other.outputs.started(handedBack(run))).toEqual({
      run_id: '',
      run_ids: '["run-1","run-2"]',
      batch_id: 'b1'
    })
    const issue = { title: 'Broken link', severity: 'High', type: 'bug', testCaseNames: [] }
    expect(other.outputs.finished(outcome('failed'), report({ issues: [issue, issue] }))).toMatchObject({
      run_status: 'failed',
      issue_count: '2'
    })
    expect(other.outputs.finished(outcome('TIMED_OUT'), undefined)).toMatchObject({ issue_count: '0' })
  })

  it("change review: chat_response is the last report's review", async () => {
    const settings = await parseChangeReviewSettings(
      inputsOf({
        api_token: 'key',
        pr_url: 'https://github.com/octo/shop/pull/7',
        applications_config: '{"applications": {"app_web": {"environment": {"url": "https://pr-7.example.com"}}}}'
      }),
      hints
    )
    const conversation: Conversation = {
      shortId: 'chat_1',
      url: 'https://app.qa.tech/chat/chat_1',
      title: undefined,
      messages: [],
      raw: {}
    }
    const client: ChangeReviewClient = {
      startChangeReview: async () => conversation,
      getConversation: async () => conversation,
      listApplications: async () => []
    }
    const run = await createChangeReviewService(settings, quiet, client).start(context)
    const other = createChangeReviewService(settings, quiet, client)
    expect(other.outputs.started(handedBack(run))).toEqual({
      chat_created: 'true',
      chat_short_id: 'chat_1',
      chat_url: 'https://app.qa.tech/chat/chat_1'
    })
    const reviewed = report({ narrative: { title: 'Review by QA.tech', markdown: '## Looks good' } })
    expect(other.outputs.finished(outcome('COMPLETED'), reviewed)).toEqual({
      chat_status: 'COMPLETED',
      chat_response: '## Looks good'
    })
    expect(other.outputs.finished(outcome('TIMED_OUT'), undefined)).toEqual({
      chat_status: 'TIMED_OUT',
      chat_response: ''
    })
  })
})

describe('what a service can do decides what the step says of it', () => {
  const declared = (parts: Partial<Service>): Service =>
    defineService({
      action: 'qatech-runs',
      words: {
        name: 'Acme',
        initialStatus: 'NEW',
        runGoesOn: 'The Acme run goes on',
        cannotCancel: 'it stopped',
        filePrefix: 'acme'
      },
      start: async () => {
        throw new Error('not started in these tests')
      },
      poll: async () => report({}),
      result: async () => report({}),
      outputs: { none: () => ({}), started: () => ({}), finished: () => ({}) },
      ...parts
    })

  it('a service without cancel has no way to cancel, whatever its words say', () => {
    expect(declared({}).words.cannotCancel).toBe('Acme has no way to cancel it from here')
  })

  it('a service with cancel keeps its own reason', () => {
    expect(declared({ cancel: async () => 'cancelled' }).words.cannotCancel).toBe('it stopped')
  })

  it('the services as built: QA.tech cannot cancel; tester.army says why it did not', async () => {
    expect(createQaTechService(await qatechSettings(), quiet, qatechClient()).words.cannotCancel).toBe(
      'QA.tech has no way to cancel it from here'
    )
    const noCancel = await testerArmySettings({ cancel_on_abort: 'false' })
    expect(createTesterArmyService(noCancel, quiet).words.cannotCancel).toBe('cancel_on_abort is false')
  })
})

describe('small pieces every client uses', () => {
  it("quotes the status and the service's own message", () => {
    expect(withApiMessage(404, '')).toBe('HTTP 404')
    expect(withApiMessage(404, 'Test not found')).toBe('HTTP 404: Test not found')
  })

  it('sends the bypass secret to the preflight only where there is one', () => {
    expect(preflightTargets(['https://a.example.com', 'https://b.example.com'], 's3cret')).toEqual([
      { url: 'https://a.example.com', bypassSecret: 's3cret' },
      { url: 'https://b.example.com', bypassSecret: 's3cret' }
    ])
    expect(preflightTargets(['https://a.example.com'], undefined)).toEqual([{ url: 'https://a.example.com' }])
    expect(preflightTargets(['https://a.example.com'], '')).toEqual([{ url: 'https://a.example.com' }])
  })

  it('says why the key is empty, by the event', () => {
    const key = { name: 'api_key', howToPass: 'your Acme key, e.g. api_key: ${{ secrets.ACME_KEY }}' }
    expect(emptyKeyMessage(key, { isForkPullRequest: false, isDependabot: false })).toBe(
      'api_key is empty: pass your Acme key, e.g. api_key: ${{ secrets.ACME_KEY }}. If it is set, check that the secret exists in this repository or environment.'
    )
    expect(emptyKeyMessage(key, { isForkPullRequest: false, isDependabot: true })).toMatch(
      /^api_key is empty: workflows run by Dependabot only see Dependabot secrets\. .* or pass your Acme key/
    )
    const fork = emptyKeyMessage(key, { isForkPullRequest: true, isDependabot: false }, 'review')
    expect(fork).toMatch(
      /^api_key is empty: GitHub does not give secrets to workflows run for pull requests from forks\./
    )
    expect(fork).toContain('or review fork pull requests from a separate workflow_run workflow')
    expect(fork).not.toContain('ACME_KEY')
  })
})
