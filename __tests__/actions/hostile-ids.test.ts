/**
 * An id from a service is untrusted text like any other: a run id, batch id or conversation id
 * that holds a line break and a workflow command must not become a command in the log (a red
 * `::error::` annotation on a passing run), for each of the three actions. The step still follows
 * the run by the id exactly as the service gave it. In process against the sandbox on a virtual
 * clock; the three *-bundle tests check the same on the built bundles.
 */
import type { PartialScenario } from '../../sandbox/server.mjs'
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { commitMessages, testerArmyEvent } from '../fixtures/testerarmy.js'
import { runInProcess, type InProcessOptions, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

/** What a hostile service answers as an id: a line of its own that the runner would read as a command. */
const HOSTILE_ID = 'x\n::error::pwned'

const { sandbox, clock, results } = useVirtualSandbox()

/** Every line the runner reads as a workflow command. */
const commandLines = (stdout: string) => stdout.split('\n').filter(line => /^\s*::/.test(line))
/** The commands a hostile id could have written: anything but the step's own groups, masks and debug lines. */
const injected = (stdout: string) =>
  commandLines(stdout).filter(line => line.includes('pwned') || /^\s*::error::/.test(line))

async function act(
  scenario: PartialScenario,
  options: Omit<InProcessOptions, 'clock' | 'eventName' | 'payload'> & { event?: [string, object] }
): Promise<InProcessResult> {
  sandbox.reset(scenario)
  const [eventName, payload] = options.event ?? [
    'push',
    examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
  ]
  const result = await runInProcess({ ...options, clock, eventName, payload, env: { GITHUB_API_URL: sandbox.url } })
  results.push(result)
  return result
}

describe('a hostile id cannot write a workflow command into the log', () => {
  it('QA.tech run: the waiting and completed lines name it inertly, and the run is followed by its own id', async () => {
    const result = await act(
      { runShortIds: [HOSTILE_ID], run: { initiatedMs: 5_000, durationMs: 40_000 } },
      { inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' } }
    )
    expect(injected(result.stdout)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Waiting for QA.tech run x : :error: :pwned: INITIATED after/m)
    expect(result.stdout).toMatch(/^QA.tech run x : :error: :pwned is COMPLETED after/m)
    const polls = sandbox.requests.filter(request => request.method === 'GET' && request.path.startsWith('/v1/run/'))
    expect(polls.length).toBeGreaterThan(1)
    expect(polls.every(request => request.path === `/v1/run/${encodeURIComponent(HOSTILE_ID)}`)).toBe(true)
  })

  it('tester.army run: the same', async () => {
    const [eventName, payload] = testerArmyEvent('push')
    const result = await act(
      { commits: commitMessages, testerArmy: { runIds: [HOSTILE_ID], run: { queuedMs: 5_000, durationMs: 40_000 } } },
      {
        action: testerArmyAction,
        actionFolder: 'tester-army',
        event: [eventName, payload],
        inputs: {
          api_key: TESTER_ARMY_KEY,
          api_url: `${sandbox.url}/testerarmy/api`,
          preflight: 'off',
          test_id: TESTER_ARMY_IDS.test
        }
      }
    )
    expect(injected(result.stdout)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Waiting for tester.army run x : :error: :pwned: queued after/m)
    expect(result.stdout).toMatch(/^tester.army run x : :error: :pwned is completed after/m)
  })

  it('tester.army batch: the same', async () => {
    const [eventName, payload] = testerArmyEvent('push')
    const result = await act(
      { commits: commitMessages, testerArmy: { batchIds: [HOSTILE_ID], run: { queuedMs: 5_000, durationMs: 40_000 } } },
      {
        action: testerArmyAction,
        actionFolder: 'tester-army',
        event: [eventName, payload],
        inputs: {
          api_key: TESTER_ARMY_KEY,
          api_url: `${sandbox.url}/testerarmy/api`,
          preflight: 'off',
          group_id: TESTER_ARMY_IDS.group,
          target_url: 'https://pr-2.preview.example.com'
        }
      }
    )
    expect(injected(result.stdout)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Waiting for tester.army batch x : :error: :pwned \(2 runs\): queued after/m)
    expect(result.stdout).toMatch(/^tester.army batch x : :error: :pwned \(2 runs\) is completed after/m)
  })

  it('QA.tech change review: the same for the conversation id', async () => {
    const event = examplePayload('pull_request', p => p.action === 'opened') as {
      pull_request: { head: { sha: string } }
    }
    const result = await act(
      {
        commits: { [event.pull_request.head.sha]: 'Add a discount-code field' },
        chat: {
          shortIds: [HOSTILE_ID],
          replies: [
            { status: 'INITIATED' },
            { status: 'PARTIAL', text: 'Reading' },
            { status: 'COMPLETED', text: 'Fine' }
          ]
        }
      },
      {
        action: changeReviewAction,
        actionFolder: 'change-review',
        event: ['pull_request', event],
        inputs: {
          api_token: SANDBOX_TOKEN,
          api_url: sandbox.url,
          preflight: 'off',
          blocking: 'true',
          applications_config: JSON.stringify({
            applications: { app_web: { environment: { url: 'https://pr-2.example.com' } } }
          })
        }
      }
    )
    expect(injected(result.stdout)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Waiting for QA.tech change review x : :error: :pwned: INITIATED after/m)
    expect(result.stdout).toMatch(/^QA.tech change review x : :error: :pwned is COMPLETED after/m)
  })
})
