/**
 * `fail_on: new`: a pull request's step fails only on failures its base branch does not have.
 * Through `run()` for QA.tech runs and tester.army, against the sandbox: the README's workflow
 * pair, for real — a push workflow tests the base branch's newest commit and sets its commit
 * status (the baseline), then the pull request's workflow compares its failures with the run
 * that status links to. Assertions are on what a user sees: the exit code, the outputs, the log's
 * notices and warnings, and the requests the services receive.
 */
import { ACCOUNTS } from '../../sandbox/github.mjs'
import type { PartialScenario, SandboxFault } from '../../sandbox/server.mjs'
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import type { TesterArmyRunScript } from '../../sandbox/testerarmy.d.mts'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import { lazyOctokit } from '../../src/github/octokit.js'
import { qatechRunAction } from '../../src/qatech/action.js'
import type { ActionDefinition } from '../../src/service/service.js'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { COMMITS, commitMessages } from '../fixtures/testerarmy.js'
import { runInProcess, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

/** The push example tests master's newest commit; the pull request example's base is master. */
const BASE_COMMIT = COMMITS.push
const pushToMaster = () => examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
const pullRequest = () => examplePayload('pull_request', p => p.action === 'opened')

/** One test case of a run: its name, its result, and the service's id of the test (null: none). */
interface Case {
  readonly name: string
  readonly result: 'pass' | 'fail' | 'error'
  readonly id?: string | null
}

/** How one service's runs are scripted in the sandbox, and how its baseline run is asked for. */
interface ServiceUnderTest {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly definition: ActionDefinition<any>
  readonly folder?: string
  readonly inputs: () => Record<string, string>
  /** The scenario for the base branch's run (started first), and what changes for the pull request's. */
  readonly scenario: (
    baseline: readonly Case[],
    pull: readonly Case[]
  ) => { first: PartialScenario; then: PartialScenario }
  /** The requests that read the base branch's run (the first one started). */
  readonly baselineReads: () => number
  /** A fault on every read of the base branch's run. */
  readonly baselineFault: (status: number) => SandboxFault
  /** The run the base branch's status links to. */
  readonly baselineUrl: () => string
  /** What a test case is called in the counts. */
  readonly noun: string
}

const QATECH_RESULT = { pass: 'PASSED', fail: 'FAILED', error: 'FAILED' } as const

const QATECH: ServiceUnderTest = {
  definition: qatechRunAction,
  inputs: () => ({ api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', preflight: 'off' }),
  scenario: (baseline, pull) => {
    const run = (cases: readonly Case[]) => ({
      finalStatus: cases.some(item => item.result === 'error') ? 'ERROR' : 'COMPLETED',
      result: cases.some(item => item.result !== 'pass') ? 'FAILED' : 'PASSED',
      testCases: cases.map(({ name, result, id }) => ({
        name,
        result: QATECH_RESULT[result],
        ...(id === undefined ? {} : { projectTestCaseId: id })
      }))
    })
    return { first: { run: run(baseline) }, then: { run: run(pull) } }
  },
  baselineReads: () => sandbox.requests.filter(request => request.path === '/v1/run/r001sbx').length,
  baselineFault: status => ({ method: 'GET', path: '/v1/run/r001sbx', status, times: 5 }),
  baselineUrl: () => `${sandbox.url}/p/sandbox-project/results/r001sbx`,
  noun: 'test cases'
}

const TESTER_ARMY_API = () => `${sandbox.url}/testerarmy/api`
const taRun = (n: number) => `7a000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const TA_BATCH_1 = 'ba000000-0000-4000-8000-000000000001'
const TA_TEST_IDS = ['11111111-2fa1-41d2-883f-0016d3cca427', '22222222-2fa1-41d2-883f-0016d3cca427']

/** tester.army runs a group: each test case is a run of the batch, scripted in the order started. */
const TESTER_ARMY: ServiceUnderTest = {
  definition: testerArmyAction,
  folder: 'tester-army',
  inputs: () => ({
    api_key: TESTER_ARMY_KEY,
    api_url: TESTER_ARMY_API(),
    preflight: 'off',
    group_id: TESTER_ARMY_IDS.group
  }),
  scenario: (baseline, pull) => {
    const script = ({ name, result }: Case): TesterArmyRunScript =>
      result === 'error'
        ? { finalStatus: 'failed' }
        : result === 'pass'
          ? { output: { featureName: name, result: 'PASS', description: `${name}: works.` } }
          : { output: { featureName: name, result: 'FAILED', description: `${name}: broken.` } }
    // The group's tests, by position: a saved test's id, or none.
    const tests = baseline.map(({ name, id }) => (typeof id === 'string' ? { id, name } : name))
    return {
      first: {
        testerArmy: {
          groups: [{ id: TESTER_ARMY_IDS.group, name: 'Smoke', tests }],
          runs: [...baseline, ...pull].map(script)
        }
      },
      then: {}
    }
  },
  baselineReads: () =>
    sandbox.requests.filter(request => [taRun(1), taRun(2)].some(id => request.path.endsWith(`/v1/runs/${id}`))).length,
  baselineFault: status => ({ method: 'GET', path: `/testerarmy/api/v1/runs/${taRun(1)}`, status, times: 5 }),
  baselineUrl: () => `${TESTER_ARMY_API()}/v1/batches/${TA_BATCH_1}?runIds=${taRun(1)},${taRun(2)}`,
  noun: 'runs'
}

async function step(
  service: ServiceUnderTest,
  eventName: string,
  payload: object,
  inputs: Record<string, string>,
  scenario: PartialScenario = {}
) {
  sandbox.setScenario(scenario)
  const result = await runInProcess({
    clock,
    action: service.definition,
    actionFolder: service.folder,
    eventName,
    payload,
    inputs: { ...service.inputs(), ...inputs },
    env: { GITHUB_API_URL: sandbox.url }
  })
  results.push(result)
  return result
}

interface Pair {
  readonly baseline: readonly Case[]
  readonly pull: readonly Case[]
  /** The base branch's workflow's inputs (commit_status is on). */
  readonly onMaster?: Record<string, string>
  /** Who the token writes as in the base branch's workflow (the workflow token by default). */
  readonly masterUser?: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]
  readonly pullInputs?: Record<string, string>
  /** More of the scenario for the pull request's step. */
  readonly pullScenario?: PartialScenario
  readonly faults?: SandboxFault[]
}

/** The workflow pair: the base branch's push sets its status, then the pull request's step compares. */
async function workflowPair(service: ServiceUnderTest, pair: Pair) {
  const { first, then } = service.scenario(pair.baseline, pair.pull)
  sandbox.reset({
    ...first,
    commits: commitMessages,
    github: {
      branches: { master: [BASE_COMMIT, '0123456789abcdef0123456789abcdef01234567'] },
      user: pair.masterUser ?? null
    }
  })
  await step(service, 'push', pushToMaster(), { commit_status: 'true', ...pair.onMaster })
  const before = service.baselineReads()
  const result = await step(
    service,
    'pull_request',
    pullRequest(),
    { fail_on: 'new', ...pair.pullInputs },
    {
      ...then,
      ...pair.pullScenario,
      github: { user: null },
      faults: pair.faults ?? []
    }
  )
  return { ...result, baselineReads: service.baselineReads() - before }
}

const commands = (stdout: string, command: 'notice' | 'warning' | 'error') =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}::`))

describe.each([
  ['QA.tech runs', QATECH],
  ['tester.army', TESTER_ARMY]
])('fail_on: new with %s', (_name, service) => {
  const [first, second] = service === TESTER_ARMY ? TA_TEST_IDS : ['ptc_add-an-item-to-the-cart', 'ptc_pay-with-a-card']
  const cart = (result: Case['result'], name = 'Add an item to the cart'): Case => ({ name, result, id: first })
  const pay = (result: Case['result'], name = 'Pay with a card'): Case => ({ name, result, id: second })

  it('passes when every failure already fails on the base branch, and says so', async () => {
    const result = await workflowPair(service, {
      baseline: [cart('fail'), pay('fail')],
      pull: [cart('fail'), pay('fail')]
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(
        `2 ${service.noun} fail, both already failing on master at ${BASE_COMMIT.slice(0, 7)} — not caused by this pull request`
      )
    )
    expect(commands(result.stdout, 'error')).toEqual([])
    expect(result.outputs).toMatchObject({
      failed_count: '2',
      new_failed_count: '0',
      known_failed_count: '2',
      baseline_run_url: service.baselineUrl()
    })
  })

  it('fails on a new failure, and tells it apart from the known one, new first', async () => {
    const result = await workflowPair(service, {
      baseline: [cart('pass'), pay('fail')],
      pull: [cart('fail'), pay('fail')]
    })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        new RegExp(
          `2 of 2 ${service.noun} failed: 1 new \\(Add an item to the cart\\); 1 already failing on master at ${BASE_COMMIT.slice(0, 7)} \\(Pay with a card\\)`
        )
      )
    ])
    expect(result.outputs).toMatchObject({ failed_count: '2', new_failed_count: '1', known_failed_count: '1' })
  })

  it('matches a renamed test by its id, and by name where the runs carry no ids', async () => {
    const renamed = await workflowPair(service, {
      baseline: [cart('fail'), pay('pass')],
      pull: [cart('fail', 'Put a shoe in the basket'), pay('pass')]
    })
    expect({ code: renamed.code, known: renamed.outputs.known_failed_count }).toEqual({ code: 0, known: '1' })

    const withoutIds = await workflowPair(service, {
      baseline: [
        { ...cart('fail'), id: null },
        { ...pay('pass'), id: null }
      ],
      pull: [
        { ...cart('fail'), id: null },
        { ...pay('pass'), id: null }
      ]
    })
    expect({ code: withoutIds.code, known: withoutIds.outputs.known_failed_count }).toEqual({ code: 0, known: '1' })

    // Without ids a renamed test is another test: its failure is new.
    const renamedWithoutIds = await workflowPair(service, {
      baseline: [
        { ...cart('fail'), id: null },
        { ...pay('pass'), id: null }
      ],
      pull: [
        { ...cart('fail', 'Put a shoe in the basket'), id: null },
        { ...pay('pass'), id: null }
      ]
    })
    expect({ code: renamedWithoutIds.code, new: renamedWithoutIds.outputs.new_failed_count }).toEqual({
      code: 1,
      new: '1'
    })
  })

  it.each([
    [
      'another account wrote',
      { masterUser: ACCOUNTS.person },
      /The "(QA\.tech|tester\.army) \/ [^"]+" statuses on the 2 newest commits of master were written by octocat, not by github-actions\[bot\]/
    ],
    [
      'has another context',
      { onMaster: { status_context: 'Nightly e2e' } },
      /This action's statuses there have other contexts \("Nightly e2e"\)/
    ]
  ])('ignores a baseline status that %s: every failure counts, with a notice', async (_what, pair, why) => {
    const result = await workflowPair(service, {
      baseline: [cart('fail'), pay('fail')],
      pull: [cart('fail'), pay('fail')],
      ...pair
    })
    expect(result.code).toBe(1)
    expect(result.baselineReads).toBe(0)
    expect(commands(result.stdout, 'notice')).toEqual([
      expect.stringMatching(
        /^::notice::fail_on: new compared nothing, so every failure fails the step, as with fail_on: any\./
      )
    ])
    expect(commands(result.stdout, 'notice')[0]).toMatch(why)
    expect(commands(result.stdout, 'notice')[0]).toContain('run this action on push to master with commit_status: true')
    expect(result.outputs).toMatchObject({
      failed_count: '2',
      new_failed_count: '',
      known_failed_count: '',
      baseline_run_url: ''
    })
  })

  it('counts every failure with a notice when the base branch has no status of this action', async () => {
    const result = await workflowPair(service, {
      baseline: [cart('fail'), pay('fail')],
      pull: [cart('fail'), pay('fail')],
      // The base branch's workflow sets no status.
      onMaster: { commit_status: 'false' }
    })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'notice')).toEqual([
      expect.stringContaining('None of the 2 newest commits of master has a')
    ])
    expect(commands(result.stdout, 'warning')).toEqual([])
    expect(result.outputs).toMatchObject({ new_failed_count: '', known_failed_count: '' })
  })

  it.each([404, 500])('counts every failure with a warning when the baseline run cannot be read (%i)', async status => {
    const result = await workflowPair(service, {
      baseline: [cart('fail'), pay('fail')],
      pull: [cart('fail'), pay('fail')],
      faults: [service.baselineFault(status)]
    })
    expect(result.code).toBe(1)
    expect(result.baselineReads).toBeGreaterThan(0)
    expect(commands(result.stdout, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::fail_on: new compared nothing, so every failure fails the step.*Could not read/
      )
    ])
    expect(commands(result.stdout, 'notice')).toEqual([])
    expect(result.outputs).toMatchObject({ failed_count: '2', new_failed_count: '', known_failed_count: '' })
  })

  it('fails an errored run without reading the baseline: there is nothing to compare', async () => {
    const result = await workflowPair(service, {
      baseline: [cart('fail'), pay('fail')],
      pull: [cart('error'), pay('error')]
    })
    expect(result.code).toBe(1)
    expect(result.baselineReads).toBe(0)
    expect(result.outputs).toMatchObject({ new_failed_count: '', known_failed_count: '', baseline_run_url: '' })
  })
})

describe('fail_on: new through retries, and with a single tester.army run', () => {
  it('compares the last attempt of retry_failed: a test that passes on the retry is flaky, not a failure', async () => {
    const result = await workflowPair(QATECH, {
      baseline: [
        { name: 'Add an item to the cart', result: 'pass' },
        { name: 'Pay with a card', result: 'fail' }
      ],
      pull: [
        { name: 'Add an item to the cart', result: 'fail' },
        { name: 'Pay with a card', result: 'fail' }
      ],
      pullInputs: { retry_failed: '1' },
      // The retry passes the cart and fails the payment again.
      pullScenario: { reruns: [{ result: 'FAILED', testCases: { 'Add an item to the cart': { result: 'PASSED' } } }] }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      flaky_count: '1',
      failed_count: '1',
      new_failed_count: '0',
      known_failed_count: '1'
    })
  })

  it('keeps the status context through a retry: the base branch’s comparison and branch protection name one check', async () => {
    const { then: failing } = QATECH.scenario(
      [],
      [
        { name: 'Add an item to the cart', result: 'fail' },
        { name: 'Pay with a card', result: 'pass' }
      ]
    )
    sandbox.reset({
      ...failing,
      commits: commitMessages,
      reruns: [{ result: 'PASSED', testCases: { 'Add an item to the cart': { result: 'PASSED' } } }]
    })
    const result = await step(QATECH, 'pull_request', pullRequest(), { retry_failed: '1', commit_status: 'true' })
    expect(result.stdout).toContain('Retry 1 of 1')
    expect(result.code).toBe(0)
    const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
    const statuses = (
      await github.rest.repos.listCommitStatusesForRef({
        owner: 'Codertocat',
        repo: 'Hello-World',
        ref: COMMITS.pullRequestHead
      })
    ).data
    expect(new Set(statuses.map(status => status.context))).toEqual(new Set(['QA.tech / Checkout flow']))
    expect(statuses[0]?.state).toBe('success')
  })

  it('compares a merge queue’s group with the branch it merges into', async () => {
    const { first, then } = QATECH.scenario(
      [
        { name: 'Add an item to the cart', result: 'fail' },
        { name: 'Pay with a card', result: 'pass' }
      ],
      [
        { name: 'Add an item to the cart', result: 'fail' },
        { name: 'Pay with a card', result: 'pass' }
      ]
    )
    // The queue merges into main, whose newest commit the base branch's workflow tested.
    sandbox.reset({ ...first, commits: commitMessages, github: { branches: { main: [BASE_COMMIT] } } })
    await step(QATECH, 'push', pushToMaster(), { commit_status: 'true' })
    const result = await step(QATECH, 'merge_group', examplePayload('merge_group'), { fail_on: 'new' }, then)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`already failing on main at ${BASE_COMMIT.slice(0, 7)}`)
    expect(result.outputs).toMatchObject({ new_failed_count: '0', known_failed_count: '1' })
  })

  it('reads a single tester.army run back from the status of a saved test, matching it by the test id', async () => {
    sandbox.reset({
      commits: commitMessages,
      github: { branches: { master: [BASE_COMMIT] } },
      testerArmy: {
        runs: [
          { output: { featureName: 'Checkout', result: 'FAILED' } },
          { output: { featureName: 'Pay for an order', result: 'FAILED' } }
        ]
      }
    })
    const inputs = { test_id: TESTER_ARMY_IDS.test, group_id: '' }
    await step(TESTER_ARMY, 'push', pushToMaster(), { ...inputs, commit_status: 'true' })
    const result = await step(TESTER_ARMY, 'pull_request', pullRequest(), { ...inputs, fail_on: 'new' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      new_failed_count: '0',
      known_failed_count: '1',
      baseline_run_url: `${TESTER_ARMY_API()}/v1/runs/${taRun(1)}`
    })
    expect(
      sandbox.requests.filter(request => request.path === `/testerarmy/api/v1/runs/${taRun(1)}`).length
    ).toBeGreaterThan(1)
  })
})
