/**
 * What a failed start says, for each of the three actions, through `run()` in process against
 * the sandbox: a start that may have reached the service (a gateway's HTML page for a 502 or 504,
 * a connection reset) says the run may exist and where to look, and does not blame api_url; a
 * workflow cancel while a start waits to try again (after a 429) says that nothing was started.
 */
import type { PartialScenario, RecordedRequest, SandboxFault } from '../../sandbox/server.mjs'
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import type { Clock } from '../../src/util/clock.js'
import { examplePayload } from '../fixtures/payloads.js'
import { COMMITS, commitMessages, testerArmyEvent } from '../fixtures/testerarmy.js'
import { runInProcess, type InProcessOptions, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const errorLines = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::error::'))

/** One action: how its step is run, and what its start request is. */
interface ActionUnderTest {
  readonly name: string
  readonly step: (
    scenario: PartialScenario,
    clock: Clock,
    cancelWhen?: (stdout: string) => boolean
  ) => Promise<InProcessResult>
  /** The path of the start request, as the sandbox records it. */
  readonly startPath: string
  /** What the step says when the start may have started something. */
  readonly mayHaveStarted: RegExp
  readonly serviceName: string
}

async function step(
  scenario: PartialScenario,
  options: Omit<InProcessOptions, 'eventName' | 'payload'> & { event: [string, object] }
): Promise<InProcessResult> {
  sandbox.reset(scenario)
  const [eventName, payload] = options.event
  const result = await runInProcess({ ...options, eventName, payload, env: { GITHUB_API_URL: sandbox.url } })
  results.push(result)
  return result
}

const pushEvent = (): [string, object] => [
  'push',
  examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
]
const pullRequestEvent = examplePayload('pull_request', p => p.action === 'opened') as {
  pull_request: { head: { sha: string } }
}

const actions: ActionUnderTest[] = [
  {
    name: 'QA.tech runs',
    step: (scenario, stepClock, cancelWhen) =>
      step(scenario, {
        clock: stepClock,
        event: pushEvent(),
        inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url },
        cancelWhen
      }),
    startPath: '/v1/run',
    mayHaveStarted: /QA.tech may have started the run anyway: look for it among the project’s runs in QA.tech/,
    serviceName: 'QA.tech'
  },
  {
    name: 'tester.army',
    step: (scenario, stepClock, cancelWhen) =>
      step(
        { commits: commitMessages, ...scenario },
        {
          clock: stepClock,
          action: testerArmyAction,
          actionFolder: 'tester-army',
          event: testerArmyEvent('push'),
          inputs: {
            api_key: TESTER_ARMY_KEY,
            api_url: `${sandbox.url}/testerarmy/api`,
            preflight: 'off',
            test_id: TESTER_ARMY_IDS.test
          },
          cancelWhen
        }
      ),
    startPath: `/testerarmy/api/v1/tests/${TESTER_ARMY_IDS.test}/runs`,
    mayHaveStarted:
      /tester.army may have started the run anyway: look for it in tester.army before you re-run this job/,
    serviceName: 'tester.army'
  },
  {
    name: 'QA.tech change review',
    step: (scenario, stepClock, cancelWhen) =>
      step(
        { commits: { [pullRequestEvent.pull_request.head.sha]: 'Add a discount-code field' }, ...scenario },
        {
          clock: stepClock,
          action: changeReviewAction,
          actionFolder: 'change-review',
          event: ['pull_request', examplePayload('pull_request', p => p.action === 'opened')],
          inputs: {
            api_token: SANDBOX_TOKEN,
            api_url: sandbox.url,
            preflight: 'off',
            applications_config: JSON.stringify({
              applications: { app_web: { environment: { url: 'https://pr-2.example.com' } } }
            })
          },
          cancelWhen
        }
      ),
    startPath: '/v1/chat/change-review',
    mayHaveStarted: /The review may have started anyway: look in QA.tech before re-running the job\./,
    serviceName: 'QA.tech'
  }
]

const starts = (path: string): RecordedRequest[] =>
  sandbox.requests.filter(request => request.method === 'POST' && request.path === path)

/** What a gateway in front of the service answers while the service is slow or down. */
const gatewayPage = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status} Gateway error</h1></body></html>`

describe.each(actions.map(action => [action.name, action] as const))(
  '%s: a start that may have started a run',
  (_, action) => {
    it('a 502 or 504 gateway page, or a reset connection: says the run may exist and where to look, never api_url; one request', async () => {
      const faults: SandboxFault[] = [
        { status: 502, body: gatewayPage(502) },
        { status: 504, body: gatewayPage(504) },
        { reset: true }
      ]
      for (const fault of faults) {
        const result = await action.step({ faults: [{ method: 'POST', path: action.startPath, ...fault }] }, clock)
        expect(result.code).toBe(1)
        expect(starts(action.startPath)).toHaveLength(1)
        const [line, ...others] = errorLines(result.stdout)
        expect(others).toEqual([])
        expect(line).toMatch(action.mayHaveStarted)
        expect(line).not.toContain('api_url')
      }
    })
  }
)

/**
 * Real time for the waits: on a runner, the start's wait after a 429 is real, and a cancel during
 * it must not wait for it to end (the runner kills the step 7.5 s after the cancel).
 */
const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms).unref())
}

describe.each(actions.map(action => [action.name, action] as const))(
  '%s: a cancel while the start waits',
  (_, action) => {
    it('during the wait after a 429: says no run was started, at once', async () => {
      const result = await action.step(
        { faults: [{ method: 'POST', path: action.startPath, status: 429, retryAfter: 30 }] },
        realClock,
        stdout => stdout.includes('Trying again in 30 s.')
      )
      expect(result.code).toBe(1)
      expect(starts(action.startPath)).toHaveLength(1)
      expect(errorLines(result.stdout)).toEqual([
        `::error::The workflow was cancelled before a run was started: no ${action.serviceName} run was started.`
      ])
    })
  }
)

describe('QA.tech runs: a cancel while the applications are asked for again', () => {
  it('during the wait after a 429 on the applications list: says no run was started, at once', async () => {
    sandbox.reset({ faults: [{ method: 'GET', path: '/v1/applications', status: 429, retryAfter: 30 }] })
    const result = await runInProcess({
      clock: realClock,
      eventName: 'push',
      payload: examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
      inputs: {
        api_token: SANDBOX_TOKEN,
        api_url: sandbox.url,
        environment_url: 'https://preview.example.com',
        preflight: 'off'
      },
      env: { GITHUB_API_URL: sandbox.url },
      cancelWhen: stdout => stdout.includes('Asking again.')
    })
    results.push(result)
    expect(result.code).toBe(1)
    expect(starts('/v1/run')).toEqual([])
    expect(errorLines(result.stdout)).toEqual([
      '::error::The workflow was cancelled before a run was started: no QA.tech run was started.'
    ])
  })
})

describe('QA.tech runs: a cancel while the start request is on its way', () => {
  it('a gateway page within the grace: says the run may exist, not that nothing was started', async () => {
    const qatech = actions.find(action => action.name === 'QA.tech runs')
    if (!qatech) throw new Error('no QA.tech runs action under test')
    const result = await qatech.step(
      { faults: [{ method: 'POST', path: qatech.startPath, status: 502, body: gatewayPage(502), delayMs: 500 }] },
      realClock,
      // The request is logged just before it is sent.
      stdout => stdout.includes('::endgroup::')
    )
    expect(result.code).toBe(1)
    expect(starts(qatech.startPath)).toHaveLength(1)
    const [line, ...others] = errorLines(result.stdout)
    expect(others).toEqual([])
    expect(line).toMatch(/^::error::The workflow was cancelled while the run was being started: /)
    expect(line).toMatch(qatech.mayHaveStarted)
  })
})

describe('tester.army: a cancel while the run is still being prepared', () => {
  it('the grace runs out during a slow GitHub look-up: says no run was started, never "may have started"', async () => {
    const result = await step(
      {
        commits: commitMessages,
        // The pull request of the deployed commit is looked up before the start: GitHub is slow.
        faults: [{ method: 'GET', path: `/commits/${COMMITS.deployment}/pulls`, delayMs: 8_000 }],
        github: {
          pulls: [
            {
              number: 7,
              state: 'open',
              title: 'Preview the README',
              body: null,
              html_url: 'https://github.com/Codertocat/Hello-World/pull/7',
              head: { ref: 'readme', sha: COMMITS.deployment },
              base: { ref: 'master' }
            }
          ]
        }
      },
      {
        clock: realClock,
        action: testerArmyAction,
        actionFolder: 'tester-army',
        event: testerArmyEvent('deployment_status'),
        inputs: {
          api_key: TESTER_ARMY_KEY,
          api_url: `${sandbox.url}/testerarmy/api`,
          preflight: 'off',
          project_id: TESTER_ARMY_IDS.project
        },
        cancelWhen: stdout => stdout.includes('::endgroup::')
      }
    )
    expect(result.code).toBe(1)
    expect(sandbox.requests.filter(request => request.path.endsWith('/pulls'))).toHaveLength(1)
    expect(errorLines(result.stdout)).toEqual([
      '::error::The workflow was cancelled before a run was started: no tester.army run was started.'
    ])
  })
})
