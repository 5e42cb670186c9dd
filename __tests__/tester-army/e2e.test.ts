/**
 * End-to-end for the tester-army action: `run()` in this process against the sandbox's tester.army
 * endpoints, on a virtual clock shared with it, with real webhook payloads. Each mode's exact
 * request, every outcome, a batch, cancels and bad inputs. testerarmy-bundle.test.ts does a few
 * of the same on the built bundle.
 */
import { readFileSync } from 'node:fs'
import type { PartialScenario, RecordedRequest } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import {
  brokenRun,
  COMMITS,
  commitMessages,
  failingRun,
  PREVIEW_URL,
  testerArmyEvent,
  type TesterArmyEvent
} from '../fixtures/testerarmy.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

const RUN_1 = '7a000000-0000-4000-8000-000000000001'
const RUN_2 = '7a000000-0000-4000-8000-000000000002'
const BATCH_1 = 'ba000000-0000-4000-8000-000000000001'
const { test: TEST_ID, group: GROUP_ID } = TESTER_ARMY_IDS

interface Step {
  readonly inputs: Record<string, string>
  readonly event?: TesterArmyEvent
  readonly scenario?: PartialScenario
  readonly cancelWhen?: (stdout: string) => boolean
  readonly env?: Record<string, string | undefined>
}

async function step({ inputs, event = 'push', scenario = {}, cancelWhen, env }: Step): Promise<InProcessResult> {
  sandbox.reset({ commits: commitMessages, ...scenario })
  const [eventName, payload] = testerArmyEvent(event)
  const result = await runInProcess({
    clock,
    action: testerArmyAction,
    actionFolder: 'tester-army',
    eventName,
    payload,
    // The sites in these tests do not exist: the preflight is tested in e2e-preflight.test.ts.
    inputs: { api_key: TESTER_ARMY_KEY, api_url: `${sandbox.url}/testerarmy/api`, preflight: 'off', ...inputs },
    env: { GITHUB_API_URL: sandbox.url, ...env },
    cancelWhen
  })
  results.push(result)
  return result
}

const testerArmyRequests = (): RecordedRequest[] =>
  sandbox.requests.filter(request => request.path.startsWith('/testerarmy/'))
const starts = () =>
  testerArmyRequests()
    .filter(request => request.method === 'POST' && !request.path.endsWith('/cancel'))
    .map(({ path, body }) => ({ path: path.replace('/testerarmy/api', ''), body }))
const cancels = () =>
  testerArmyRequests()
    .filter(request => request.path.endsWith('/cancel'))
    .map(request => request.path.replace('/testerarmy/api', ''))
const polls = (id: string) =>
  testerArmyRequests().filter(request => request.method === 'GET' && request.path.endsWith(`/runs/${id}`)).length

const commandLines = (stdout: string, command: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}`))

describe('each mode sends its exact request', () => {
  it('prompt on push: POST /v1/runs with the URL inside the prompt and the webhook', async () => {
    const result = await step({
      inputs: {
        prompt: 'Sign up with a new email address',
        target_url: 'https://shop.example.com',
        webhook_url: 'https://hooks.example.com/testerarmy'
      }
    })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([
      {
        path: '/v1/runs',
        body: {
          prompt: 'Sign up with a new email address\n\nTest it on https://shop.example.com',
          webhookUrl: 'https://hooks.example.com/testerarmy'
        }
      }
    ])
    expect(testerArmyRequests().every(request => request.headers.authorization === `Bearer ${TESTER_ARMY_KEY}`)).toBe(
      true
    )
    expect(result.outputs).toMatchObject({ run_id: RUN_1, run_ids: JSON.stringify([RUN_1]), batch_id: '' })
  })

  it('test_id on push: POST /v1/tests/{id}/runs with an empty body', async () => {
    const result = await step({ inputs: { test_id: TEST_ID } })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([{ path: `/v1/tests/${TEST_ID}/runs`, body: {} }])
  })

  it("test_id on a deployment: the saved test's environment, and the log says the URL is not sent", async () => {
    const result = await step({ event: 'deployment_status', inputs: { test_id: TEST_ID } })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([{ path: `/v1/tests/${TEST_ID}/runs`, body: {} }])
    expect(result.stdout).toContain("the deployment's URL is not sent (a test run takes no URL)")
  })

  it("group_id on a Vercel deployment_status: the preview's URL with the bypass, its environment and commit", async () => {
    const secret = 'byp4ss-S3cret'
    const result = await step({
      event: 'deployment_status',
      inputs: { group_id: GROUP_ID, vercel_bypass_secret: secret }
    })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([
      {
        path: `/v1/groups/${GROUP_ID}/runs`,
        body: {
          targetUrl: `${PREVIEW_URL}/?x-vercel-protection-bypass=${secret}&x-vercel-set-bypass-cookie=true`,
          environment: 'preview',
          commitSha: COMMITS.deployment
        }
      }
    ])
    expect(result.outputs).toMatchObject({ batch_id: BATCH_1, run_ids: JSON.stringify([RUN_1, RUN_2]), run_id: '' })
    // The secret reaches tester.army only: not the log (beyond the mask command), outputs, summary or results file.
    const log = result.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [
      log,
      JSON.stringify(result.outputs),
      result.summary,
      readFileSync(result.outputs.results_file ?? '', 'utf8')
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(result.summary).toContain(`**Tested on:** [${PREVIEW_URL}](${PREVIEW_URL}/)`)
  })

  it("group_id on pull_request: the pull request's number and head commit", async () => {
    const result = await step({
      event: 'pull_request',
      inputs: { group_id: GROUP_ID, target_url: 'https://pr-2.preview.example.com' }
    })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([
      {
        path: `/v1/groups/${GROUP_ID}/runs`,
        body: { targetUrl: 'https://pr-2.preview.example.com', commitSha: COMMITS.pullRequestHead, prNumber: 2 }
      }
    ])
  })

  it('project_id on pull_request: the pull request from the event', async () => {
    const result = await step({
      event: 'pull_request',
      inputs: { project_id: TESTER_ARMY_IDS.projectShortId, target_url: 'https://pr-2.preview.example.com' }
    })
    expect(result.code).toBe(0)
    expect(starts()).toEqual([
      {
        path: `/v1/projects/${TESTER_ARMY_IDS.projectShortId}/pull-request-runs`,
        body: {
          targetUrl: 'https://pr-2.preview.example.com',
          pullRequest: {
            number: 2,
            title: 'Update the README with new information.',
            description: 'This is a pretty simple change that we need to pull into master.',
            baseBranch: 'master',
            headBranch: 'changes',
            commitSha: COMMITS.pullRequestHead
          }
        }
      }
    ])
    expect(sandbox.requests.filter(request => request.path.endsWith('/pulls'))).toEqual([])
  })

  it('project_id on deployment_status: the open pull request whose head is the deployed commit, from the GitHub API', async () => {
    const result = await step({
      event: 'deployment_status',
      inputs: { project_id: TESTER_ARMY_IDS.project },
      scenario: {
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
      }
    })
    expect(result.code).toBe(0)
    expect(sandbox.requests.filter(request => request.path.endsWith('/pulls')).map(request => request.path)).toEqual([
      `/repos/Codertocat/Hello-World/commits/${COMMITS.deployment}/pulls`
    ])
    expect(starts()).toEqual([
      {
        path: `/v1/projects/${TESTER_ARMY_IDS.project}/pull-request-runs`,
        body: {
          targetUrl: PREVIEW_URL,
          pullRequest: {
            number: 7,
            title: 'Preview the README',
            baseBranch: 'master',
            headBranch: 'readme',
            commitSha: COMMITS.deployment
          }
        }
      }
    ])
  })

  it('project_id on a push with no pull request: one line naming the other modes, nothing sent to tester.army', async () => {
    const result = await step({
      inputs: { project_id: TESTER_ARMY_IDS.project, target_url: 'https://shop.example.com' }
    })
    expect(result.code).toBe(1)
    expect(testerArmyRequests()).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::project_id runs tester.army's pull-request agent, which needs a pull request, but no open pull request has commit 6113728\. .*use test_id, group_id or prompt, which need no pull request\.$/
      )
    ])
  })

  it('a deployment that has not succeeded starts nothing', async () => {
    const result = await step({ event: 'deployment_status-pending', inputs: { group_id: GROUP_ID } })
    expect(result.code).toBe(0)
    expect(testerArmyRequests()).toEqual([])
    expect(commandLines(result.stdout, 'notice')).toEqual([expect.stringMatching(/No tester.army run was started/)])
  })
})

describe('every outcome', () => {
  const single = (scenario: PartialScenario, inputs: Record<string, string> = {}) =>
    step({ inputs: { test_id: TEST_ID, ...inputs }, scenario })

  it('completed + PASS: passes, with the outputs, results file and summary', async () => {
    const result = await single({ testerArmy: { run: { queuedMs: 1_000, durationMs: 40_000 } } })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      run_status: 'completed',
      result: 'passed',
      passed_count: '1',
      failed_count: '0',
      issue_count: '0'
    })
    expect(result.stdout).toContain(`tester.army run ${RUN_1} passed: 1 of 1 runs passed.`)
    expect(result.stdout).toMatch(new RegExp(`Waiting for tester.army run ${RUN_1}: running after`))
    const file = JSON.parse(readFileSync(result.outputs.results_file ?? '', 'utf8'))
    expect(file.run.runs).toEqual([expect.objectContaining({ id: RUN_1, status: 'completed' })])
    expect(file.started).toEqual({ status: 'queued', runId: RUN_1, testId: TEST_ID })
    expect(result.summary).toMatch(/^## ✅ tester.army: all 1 runs passed/)
    expect(result.summary).toContain(`**Test:** ${TEST_ID} · **Run:** ${RUN_1}`)
  })

  it('completed + FAILED: fails naming the feature, annotates it, and the summary shows issues and steps', async () => {
    const result = await single({ testerArmy: { run: failingRun } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      run_status: 'completed',
      result: 'failed',
      passed_count: '0',
      failed_count: '1',
      issue_count: '2'
    })
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error title=tester.army%3A Checkout::Paying for an order does not work.',
      expect.stringMatching(/^::error::1 of 1 runs failed: Checkout\./)
    ])
    expect(result.summary).toMatch(/^## ❌ tester.army: 1 of 1 runs failed/)
    expect(result.summary).toContain('| ❌ Failed | Checkout | Paying for an order does not work. | Product failure |')
    expect(result.summary).toContain(
      '**Steps:** 1. ✅ Add an item to the cart — Added<br>2. ❌ Click Pay — Nothing happened'
    )
    expect(result.summary).toContain('| Critical | Pay button does nothing | Checkout |')
    expect(result.summary).toContain('| Minor | Footer overlaps the cookie banner | Checkout |')
    expect(result.summary).toContain('#### Warning (1)')
    expect(result.summary).not.toContain('javascript:')
    // Screenshots as links, and each issue's reproduction, expected and actual behaviour.
    expect(result.summary).toContain('[Screenshot 1](https://tester.army/sandbox/screenshots/checkout-1.png)')
    expect(result.summary).toContain('<details><summary>Pay button does nothing</summary>')
    expect(result.summary).toMatch(/\*\*Expected:\*\* /)
    // One warning annotation per issue found.
    expect(commandLines(result.stdout, 'warning')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^::warning title=tester.army issue \(Critical\)%3A Pay button does nothing::/)
      ])
    )
  })

  it('failed: tester.army could not run the test, reported as such and not as a test failure', async () => {
    const result = await single({ testerArmy: { run: brokenRun } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: 'failed', result: '', passed_count: '0', failed_count: '0' })
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::tester.army run ${RUN_1} failed to run in tester.army \\(BROWSER_CRASHED: The browser crashed before the first step\\.\\); this is not a test failure\\.`
        )
      )
    ])
    expect(result.summary).toMatch(/^## ❌ tester.army could not complete the run/)
    expect(result.summary).toContain('tester.army platform issue (BROWSER\\_CRASHED): likely not your code')
  })

  it('cancelled in tester.army: fails, says so', async () => {
    const result = await single({ testerArmy: { run: { finalStatus: 'cancelled' } } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: 'cancelled', result: '' })
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(new RegExp(`^::error::tester.army run ${RUN_1} was cancelled in tester.army\\.`))
    ])
  })

  it('planner_skipped: passes with a warning that quotes the reason', async () => {
    const result = await step({
      event: 'pull_request',
      inputs: { project_id: TESTER_ARMY_IDS.project, target_url: 'https://pr-2.preview.example.com' },
      scenario: { testerArmy: { run: { output: { kind: 'planner_skipped', reason: 'Only the README changed' } } } }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ run_status: 'completed', result: '' })
    expect(commandLines(result.stdout, 'warning')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::warning::tester.army found nothing to test in tester.army run ${RUN_1}: "Only the README changed"\\.`
        )
      )
    ])
    expect(result.summary).toMatch(/^## ⚠️ tester.army: the run was skipped/)
  })

  it('an unknown status: one warning, the wait goes on to the end', async () => {
    const result = await single({
      testerArmy: { run: { statusSequence: ['queued', 'verifying', 'verifying', 'completed'] } }
    })
    expect(result.code).toBe(0)
    expect(commandLines(result.stdout, 'warning')).toEqual([
      '::warning::tester.army reports the status "verifying", which this action does not know; waiting on.'
    ])
    expect(polls(RUN_1)).toBe(4)
  })

  it.each([
    ['a result it does not know', { result: 'MAYBE' }, /completed with a result this action does not know \("MAYBE"\)/],
    [
      'an output of another shape',
      { verdict: 'fine' },
      /completed with a result this action does not know \("no output"\)/
    ]
  ])('%s: fails without a crash', async (_name, output, message) => {
    const result = await single({ testerArmy: { run: { output } } })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(message)])
    expect(result.stdout).not.toMatch(/Unexpected error/)
  })

  it('the deadline: TIMED_OUT, and the run is cancelled in tester.army', async () => {
    const result = await single({ testerArmy: { run: { durationMs: 3_600_000 } } }, { timeout_minutes: '0.5' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ run_status: 'TIMED_OUT', result: '' })
    expect(cancels()).toEqual([`/v1/runs/${RUN_1}/cancel`])
    expect(result.stdout).toContain('Cancelled the tester.army run.')
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::Timed out: tester.army run \S+ did not finish within timeout_minutes \(0.5\); waited \d+ s\. Cancelled the tester.army run/
      )
    ])
  })

  it('the deadline with cancel_on_abort: false: the run goes on, and no cancel is sent', async () => {
    const result = await single(
      { testerArmy: { run: { durationMs: 3_600_000 } } },
      { timeout_minutes: '0.5', cancel_on_abort: 'false' }
    )
    expect(result.code).toBe(1)
    expect(cancels()).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(/The tester.army run goes on \(cancel_on_abort is false\)/)
    ])
  })

  it('blocking: false: passes once the run has started', async () => {
    const result = await single({ testerArmy: { run: { durationMs: 3_600_000 } } }, { blocking: 'false' })
    expect(result.code).toBe(0)
    expect(polls(RUN_1)).toBe(0)
    expect(result.outputs).toMatchObject({ run_id: RUN_1 })
    expect(result.outputs.run_status).toBeUndefined()
    expect(result.summary).toMatch(/^## ▶️ tester.army run started/)
  })
})

describe('a batch (group_id)', () => {
  it('one failed run of two: passed 1, failed 1, both reported', async () => {
    const result = await step({
      inputs: { group_id: GROUP_ID, target_url: 'https://shop.example.com' },
      scenario: { testerArmy: { runs: [{ durationMs: 5_000 }, { ...failingRun, durationMs: 20_000 }] } }
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      batch_id: BATCH_1,
      run_ids: JSON.stringify([RUN_1, RUN_2]),
      run_status: 'completed',
      result: 'failed',
      passed_count: '1',
      failed_count: '1',
      issue_count: '2'
    })
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error title=tester.army%3A Checkout::Paying for an order does not work.',
      expect.stringMatching(/^::error::1 of 2 runs failed: Checkout\./)
    ])
    expect(result.summary).toContain('| ❌ Failed | Checkout |')
    expect(result.summary).toContain('| ✅ Passed | Sign up |')
    expect(result.summary.indexOf('| ❌ Failed | Checkout |')).toBeLessThan(
      result.summary.indexOf('| ✅ Passed | Sign up |')
    )
  })

  it('a run tester.army failed to run does not stop the wait for the other', async () => {
    const result = await step({
      inputs: { group_id: GROUP_ID },
      scenario: { testerArmy: { runs: [brokenRun, { durationMs: 30_000 }] } }
    })
    expect(result.code).toBe(1)
    expect(polls(RUN_1)).toBe(1)
    expect(polls(RUN_2)).toBeGreaterThan(1)
    expect(result.outputs).toMatchObject({ run_status: 'failed', result: '', passed_count: '1', failed_count: '0' })
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::1 of 2 runs of tester.army batch ${BATCH_1} \\(2 runs\\) failed to run in tester.army \\(${RUN_1}: BROWSER_CRASHED: .*\\); this is not a test failure\\.`
        )
      )
    ])
  })

  it('runs tester.army cancels at once: a warning names them', async () => {
    const result = await step({ inputs: { group_id: GROUP_ID }, scenario: { testerArmy: { rejectedInBatch: [0] } } })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'warning')).toEqual([
      expect.stringMatching(new RegExp(`^::warning::tester.army cancelled 1 of the batch's 2 runs at once .*${RUN_1}`))
    ])
    expect(result.outputs).toMatchObject({ run_status: 'cancelled' })
  })
})

describe('a workflow cancel cancels the remote run', () => {
  const waiting = (stdout: string) => stdout.includes('Waiting for tester.army')

  it('a single run: POST /v1/runs/{id}/cancel, said in the log and the summary', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: { testerArmy: { run: { durationMs: 3_600_000 } } },
      cancelWhen: waiting
    })
    expect(result.code).toBe(1)
    expect(cancels()).toEqual([`/v1/runs/${RUN_1}/cancel`])
    expect(result.stdout).toContain('Cancelled the tester.army run.')
    expect(result.outputs).toMatchObject({ run_status: 'running' })
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::The workflow was cancelled while waiting \\d+ s for tester.army run ${RUN_1}\\. Cancelled the tester.army run`
        )
      )
    ])
    expect(result.summary).toMatch(/^## 🛑 tester.army: the workflow was cancelled while waiting/)
    expect(result.summary).toContain('> Cancelled the tester.army run.')
    // The sandbox's run is cancelled for good.
    const answer = await fetch(`${sandbox.url}/testerarmy/api/v1/runs/${RUN_1}`, {
      headers: { authorization: `Bearer ${TESTER_ARMY_KEY}` }
    })
    expect(await answer.json()).toMatchObject({ status: 'cancelled' })
  })

  it('a 409 (the run had just finished) is fine: no warning', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        testerArmy: { run: { durationMs: 3_600_000 } },
        faults: [
          {
            method: 'POST',
            path: '/cancel',
            status: 409,
            body: { error: 'Conflict', message: 'Run is already completed' }
          }
        ]
      },
      cancelWhen: waiting
    })
    expect(result.code).toBe(1)
    expect(cancels()).toEqual([`/v1/runs/${RUN_1}/cancel`])
    expect(result.stdout).toContain(`tester.army run ${RUN_1} had already finished: there was nothing to cancel.`)
    expect(commandLines(result.stdout, 'warning')).toEqual([])
  })

  it('a cancel tester.army refuses: one warning, and the step says the run goes on', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        testerArmy: { run: { durationMs: 3_600_000 } },
        faults: [{ method: 'POST', path: '/cancel', status: 500 }]
      },
      cancelWhen: waiting
    })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'warning')).toEqual([
      expect.stringMatching(
        new RegExp(`^::warning::Could not cancel tester.army run ${RUN_1}: tester.army did not cancel run`)
      )
    ])
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(/The tester.army run goes on/)])
  })

  it('a cancel while the pull request is looked up: nothing is started', async () => {
    const result = await step({
      event: 'deployment_status',
      inputs: { project_id: TESTER_ARMY_IDS.project },
      scenario: { faults: [{ method: 'GET', path: '/pulls', delayMs: 300, status: 200, body: [] }] },
      cancelWhen: stdout => stdout.includes('::group::Git context')
    })
    expect(result.code).toBe(1)
    expect(testerArmyRequests()).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error::The workflow was cancelled before a run was started: no tester.army run was started.'
    ])
  })

  it('a batch: POST /v1/batches/{id}/cancel', async () => {
    const result = await step({
      inputs: { group_id: GROUP_ID },
      scenario: { testerArmy: { runs: [{ durationMs: 1_000 }, { durationMs: 3_600_000 }] } },
      cancelWhen: stdout => /Waiting for tester.army batch .*1 of 2 runs finished/.test(stdout)
    })
    expect(result.code).toBe(1)
    expect(cancels()).toEqual([`/v1/batches/${BATCH_1}/cancel`])
    expect(result.stdout).toContain(`tester.army cancelled 1 run of batch ${BATCH_1}; 1 had already finished.`)
    expect(result.stdout).toContain("Cancelled the batch's unfinished tester.army runs.")
  })
})

describe("tester.army's errors", () => {
  it('401: the key, at once, one request', async () => {
    const result = await step({ inputs: { test_id: TEST_ID, api_key: 'sk_wrong' } })
    expect(result.code).toBe(1)
    expect(starts()).toHaveLength(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error::tester.army did not accept the API key (HTTP 401: Unauthorized: Invalid or missing API key). Check the api_key secret: it must be a tester.army API key (sk_…).'
    ])
  })

  it('404: names the id that was not found', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead'
    const result = await step({ inputs: { group_id: missing } })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      `::error::tester.army could not find group ${missing} (group_id) (HTTP 404: NotFound: Group not found). Check that it exists in the team the API key belongs to.`
    ])
  })

  it('prompt runs retired (404): says so and names the other modes', async () => {
    const result = await step({ inputs: { prompt: 'Log in' }, scenario: { testerArmy: { promptRuns: false } } })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::tester.army has no prompt runs at POST \/v1\/runs .*Use test_id, group_id or project_id\.$/
      )
    ])
  })

  it('429 (the usage limit) without Retry-After: says so, one request', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        faults: [
          {
            method: 'POST',
            path: '/testerarmy/',
            status: 429,
            body: { error: 'RateLimited', message: 'Usage limit exceeded' }
          }
        ]
      }
    })
    expect(result.code).toBe(1)
    expect(starts()).toHaveLength(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::tester.army's usage limit is reached \(HTTP 429: RateLimited: Usage limit exceeded\)/
      )
    ])
  })

  it('429 with Retry-After: waits as asked and starts once', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        faults: [
          {
            method: 'POST',
            path: '/testerarmy/',
            status: 429,
            retryAfter: 3,
            body: { error: 'RateLimited', message: 'Usage limit exceeded' }
          }
        ]
      }
    })
    expect(result.code).toBe(0)
    expect(starts()).toHaveLength(2)
    expect(
      sandbox.requests.filter(request => request.path.includes('/tests/')).map(request => request.at)
    ).toHaveLength(2)
    const [first, second] = sandbox.requests.filter(request => request.path.includes('/tests/'))
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(3_000)
    expect(commandLines(result.stdout, 'warning')).toEqual([expect.stringMatching(/Trying again in 3 s\.$/)])
  })

  it.each([
    ['500', { status: 500 }],
    ['a dropped connection', { reset: true }]
  ])('%s on the start: never sent twice', async (_name, fault) => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: { faults: [{ method: 'POST', path: '/testerarmy/', ...fault }] }
    })
    expect(result.code).toBe(1)
    expect(starts()).toHaveLength(1)
  })

  it('5xx and 429 while waiting: asked again, then the verdict', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        testerArmy: { run: { durationMs: 10_000 } },
        faults: [
          { method: 'GET', path: '/testerarmy/', status: 503, times: 2 },
          { method: 'GET', path: '/testerarmy/', status: 429, retryAfter: 2 }
        ]
      }
    })
    expect(result.code).toBe(0)
    expect(commandLines(result.stdout, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::tester.army could not answer for run .* \(HTTP 503.*Asking again until tester.army answers/
      )
    ])
    expect(result.stdout).toContain('tester.army answers again, after 3 failed attempts.')
  })

  it('400 from tester.army: its message, at once', async () => {
    const result = await step({
      inputs: { test_id: TEST_ID },
      scenario: {
        faults: [
          {
            method: 'POST',
            path: '/testerarmy/',
            status: 400,
            body: { error: 'ValidationError', message: 'mode: Invalid enum value' }
          }
        ]
      }
    })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error::tester.army rejected the run request (HTTP 400: ValidationError: mode: Invalid enum value). Fix the input it names.'
    ])
  })
})

describe('inputs', () => {
  it.each([
    [{}, /^::error::Nothing to run: set exactly one of prompt .*, test_id .*, group_id .* or project_id/],
    [{ prompt: 'Log in', test_id: TEST_ID }, /^::error::prompt and test_id are both set: keep only one of/],
    [{ test_id: 'checkout' }, /^::error::test_id "checkout" is not a tester.army test id: it is a UUID/],
    [{ test_id: TEST_ID, target_url: 'https://shop.example.com' }, /^::error::target_url cannot be sent with test_id/],
    [
      { group_id: GROUP_ID, webhook_url: 'https://hooks.example.com' },
      /^::error::webhook_url applies to prompt runs only/
    ],
    [{ project_id: TESTER_ARMY_IDS.project }, /^::error::project_id needs target_url/],
    [{ test_id: TEST_ID, api_key: '' }, /^::error::api_key is empty: pass your tester.army API key/],
    [{ test_id: TEST_ID, api_url: 'ftp://tester.army' }, /^::error::api_url must be an http\(s\) URL/],
    [{ test_id: TEST_ID, cancel_on_abort: 'maybe' }, /^::error::cancel_on_abort must be true or false, not "maybe"\.$/],
    [
      { test_id: TEST_ID, 'fail-on-error': 'false' },
      /^::error::fail-on-error: "false" is not supported: .*continue-on-error: true/
    ],
    [
      { test_id: TEST_ID, 'credentials-email': 'qa@example.com', 'credentials-password': 'hunter2' },
      /^::error::credentials-email and credentials-password cannot be used: tester.army's API takes no login with a run/
    ]
  ])('%j: one clear line, no request, no stack trace', async (inputs, message) => {
    const result = await step({ inputs })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(message)])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it('every problem at once, a line each', async () => {
    const result = await step({ inputs: { test_id: 'x', api_url: 'not a url', 'fail-on-error': 'no' } })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    const [error] = commandLines(result.stdout, 'error')
    expect(error?.split('%0A')).toEqual([
      expect.stringMatching(/^::error::fail-on-error: "no" is not supported/),
      expect.stringMatching(/^api_url "not a url" is not an absolute URL/),
      expect.stringMatching(/^test_id "x" is not a tester.army test id/)
    ])
  })

  it("a workflow written for tester.army's own action keeps working where the meaning carries over", async () => {
    const secret = 'legacy-bypass'
    const result = await step({
      event: 'deployment_status',
      inputs: {
        api_key: '',
        'api-key': TESTER_ARMY_KEY,
        'vercel-bypass-token': secret,
        timeout: '120000',
        'fail-on-error': 'true',
        group_id: GROUP_ID
      },
      scenario: { testerArmy: { run: { durationMs: 3_600_000 } } }
    })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'notice')).toEqual([
      expect.stringMatching(
        /^::notice::timeout: 120000 \(milliseconds, from tester.army's action\) is taken as timeout_minutes: 2/
      )
    ])
    expect(starts()[0]?.body).toMatchObject({
      targetUrl: expect.stringContaining(`x-vercel-protection-bypass=${secret}`)
    })
    expect(result.outputs).toMatchObject({ run_status: 'TIMED_OUT' })
    expect(result.stdout).toMatch(/did not finish within timeout_minutes \(2\)/)
    expect(result.stdout).toContain(`::add-mask::${secret}`)
  })

  it.each(['/testerarmy', '/testerarmy/api/v1', '/testerarmy/api/v1/'])(
    'api_url ending in %s: accepted with or without /api and /v1',
    async suffix => {
      const result = await step({ inputs: { test_id: TEST_ID, api_url: `${sandbox.url}${suffix}` } })
      expect(result.code).toBe(0)
      expect(starts().map(start => start.path)).toEqual([`/v1/tests/${TEST_ID}/runs`])
    }
  )
})
