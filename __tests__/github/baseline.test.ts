/**
 * Finding the baseline: the newest commit of the pull request's base branch with a final status
 * of the step's context written by the token's own account, read from the sandbox's GitHub API
 * (validated against GitHub's OpenAPI description). Assertions are on the commit and run found,
 * the sentence that says why none was, and the requests GitHub receives.
 */
import {
  BASELINE_MAX_COMMITS,
  findBaseline,
  type BaselineAnswer,
  type BaselineQuery
} from '../../src/github/baseline.js'
import { lazyOctokit, type Octokit } from '../../src/github/octokit.js'
import { ACCOUNTS, githubResponseValidator, WORKFLOW_TOKEN_USER } from '../../sandbox/github.mjs'
import type { SandboxStatus } from '../../sandbox/github.d.mts'
import type { PartialScenario, Sandbox } from '../../sandbox/server.mjs'
import { startVirtualSandbox, type VirtualClock } from '../harness/in-process.js'

let sandbox: Sandbox
let clock: VirtualClock
let octokit: Octokit
beforeAll(async () => {
  ;({ sandbox, clock } = await startVirtualSandbox())
  octokit = await lazyOctokit('ghs_sandboxGithubToken', sandbox.url)()
})
afterAll(() => sandbox.close())

const REPO = { owner: 'octo', repo: 'shop' }
const CONTEXT = 'QA.tech / Checkout flow'
const OURS = { login: WORKFLOW_TOKEN_USER.login }

/** main's commits, newest first: c5…, c4…, …, c1…. */
const sha = (n: number) => `c${n}`.padEnd(40, String(n % 10))
const MAIN = [5, 4, 3, 2, 1].map(sha)
const runUrl = (n: number) => `https://app.qa.tech/p/shop/results/r_main_${n}`

/** A status on commit `n` of `CONTEXT` by the workflow token, unless told otherwise. */
function status(n: number, state: SandboxStatus['state'], extra: Partial<SandboxStatus> = {}): SandboxStatus {
  return { sha: sha(n), state, context: CONTEXT, target_url: runUrl(n), creator: WORKFLOW_TOKEN_USER, ...extra }
}

async function lookUp(
  scenario: PartialScenario['github'] & object,
  query: Partial<BaselineQuery> = {},
  faults: PartialScenario['faults'] = []
): Promise<BaselineAnswer> {
  sandbox.reset({ github: { branches: { main: MAIN }, ...scenario }, faults })
  return findBaseline({
    octokit,
    repository: REPO,
    baseRef: 'main',
    context: CONTEXT,
    account: OURS,
    clock,
    ...query
  })
}

/** The commits whose statuses were read, in order. */
function statusesRead(): string[] {
  return sandbox.requests
    .filter(request => request.path.endsWith('/statuses'))
    .map(request => request.path.split('/')[5] ?? '')
}

describe('the baseline found', () => {
  it('is the newest commit with a final status of ours, skipping unfinished ones, and reads no further', async () => {
    const answer = await lookUp({
      statuses: [
        status(3, 'success'),
        status(4, 'pending'),
        status(4, 'failure'),
        status(5, 'failure'),
        // The newest of commit 5 is a run in progress; the commit 5 run before it errored.
        status(5, 'error'),
        status(5, 'pending')
      ]
    })
    expect(answer).toEqual({
      baseline: { branch: 'main', commitSha: sha(5), state: 'failure', targetUrl: runUrl(5) }
    })
    expect(statusesRead()).toEqual([sha(5)])
    const list = sandbox.requests.find(request => request.path === '/repos/octo/shop/commits')
    expect(list?.query).toEqual({ sha: 'main', per_page: String(BASELINE_MAX_COMMITS) })
  })

  it('skips commits whose only statuses of ours are pending or error', async () => {
    const answer = await lookUp({ statuses: [status(3, 'success'), status(4, 'error'), status(5, 'pending')] })
    expect(answer.baseline).toMatchObject({ commitSha: sha(3), state: 'success', targetUrl: runUrl(3) })
    expect(statusesRead()).toEqual([sha(5), sha(4), sha(3)])
  })

  it('takes the newest final status of a commit tested twice', async () => {
    const answer = await lookUp({ statuses: [status(5, 'failure'), status(5, 'success', { target_url: runUrl(55) })] })
    expect(answer.baseline).toMatchObject({ commitSha: sha(5), state: 'success', targetUrl: runUrl(55) })
  })

  it("ignores another account's status and another context's, even when newer", async () => {
    const answer = await lookUp({
      statuses: [
        status(4, 'failure'),
        status(5, 'success', { creator: ACCOUNTS.vercel, target_url: 'https://evil.example/run' }),
        status(5, 'success', { creator: ACCOUNTS.person }),
        status(5, 'success', { context: 'QA.tech / Another plan' }),
        status(5, 'success', { context: 'QA.tech' })
      ]
    })
    expect(answer.baseline).toMatchObject({ commitSha: sha(4), state: 'failure', targetUrl: runUrl(4) })
  })

  it("trusts a person's token's own statuses, and not the workflow token's", async () => {
    const answer = await lookUp(
      { statuses: [status(4, 'failure', { creator: ACCOUNTS.person }), status(5, 'success')] },
      { account: { login: ACCOUNTS.person.login } }
    )
    expect(answer.baseline).toMatchObject({ commitSha: sha(4) })
  })

  it("walks the base branch's own line, not a merged branch's commits", async () => {
    // m merged branch b (b2 on b1) into main at c4; GitHub lists b's commits by date among main's.
    const [m, b2, b1] = ['m', 'b2', 'b1'].map(name => name.padEnd(40, 'f')) as [string, string, string]
    const answer = await lookUp({
      branches: { main: [{ sha: m, parents: [sha(4), b2] }, b2, b1, sha(4), sha(3)] },
      statuses: [
        status(4, 'success'),
        // The merged pull request's own runs: not main's.
        { ...status(0, 'failure'), sha: b2 },
        { ...status(0, 'failure'), sha: b1 }
      ]
    })
    expect(answer.baseline).toMatchObject({ commitSha: sha(4), state: 'success' })
    expect(statusesRead()).toEqual([m, sha(4)])
  })
})

describe('no baseline, and why', () => {
  const HOW_TO = 'To compare with main, run this action on push to main with commit_status: true'

  it('none written: says which commits were looked at, and how to get one', async () => {
    const answer = await lookUp({ statuses: [status(4, 'success', { context: 'QA.tech / Another plan' })] })
    expect(answer).toMatchObject({ baseline: undefined, miss: 'none-written', error: false })
    expect(answer.baseline === undefined && answer.why).toBe(
      'None of the 5 newest commits of main has a "QA.tech / Checkout flow" status. This action\'s statuses there ' +
        'have other contexts ("QA.tech / Another plan"). To compare with main, run this action on push to main with ' +
        'commit_status: true, with the same github_token account and status context as here: each commit it tests ' +
        'there then names its run.'
    )
  })

  it('none final: only pending and error statuses of ours', async () => {
    const answer = await lookUp({ statuses: [status(4, 'error'), status(5, 'pending')] })
    expect(answer).toMatchObject({ miss: 'none-final', error: false })
    expect(answer.baseline === undefined && answer.why).toMatch(
      /^This action's "QA.tech \/ Checkout flow" statuses on the 5 newest commits of main are all pending or error: none is a finished run's result/
    )
  })

  it("none ours: names whose they are, and never takes another account's", async () => {
    const answer = await lookUp({
      statuses: [status(4, 'failure', { creator: ACCOUNTS.vercel }), status(5, 'success', { creator: ACCOUNTS.qaApp })]
    })
    expect(answer).toMatchObject({ miss: 'none-ours', error: false })
    const why = answer.baseline === undefined ? answer.why : ''
    expect(why).toMatch(
      /^The "QA.tech \/ Checkout flow" statuses on the 5 newest commits of main were written by qa-app\[bot\], vercel\[bot\], not by github-actions\[bot\]/
    )
    expect(why).toContain(HOW_TO)
  })

  it(`looks at the ${BASELINE_MAX_COMMITS} newest commits only`, async () => {
    const many = Array.from({ length: 25 }, (_, index) => sha(100 - index))
    const at = (index: number) => ({ ...status(0, 'success'), sha: many[index] ?? '' })
    const beyond = await lookUp({ branches: { main: many }, statuses: [at(BASELINE_MAX_COMMITS)] })
    expect(beyond).toMatchObject({ miss: 'none-written' })
    expect(beyond.baseline === undefined && beyond.why).toMatch(/^None of the 20 newest commits of main has/)
    expect(statusesRead()).toHaveLength(BASELINE_MAX_COMMITS)

    const last = await lookUp({ branches: { main: many }, statuses: [at(BASELINE_MAX_COMMITS - 1)] })
    expect(last.baseline).toMatchObject({ commitSha: many[BASELINE_MAX_COMMITS - 1] })
  })

  it('stops when the time is up, and says how far it got', async () => {
    // Each request to GitHub takes two seconds of the look-up's clock.
    const slow = { now: () => sandbox.requests.filter(request => request.path.startsWith('/repos/')).length * 2000 }
    const answer = await lookUp({ statuses: [status(1, 'success')] }, { clock: slow, budgetMs: 6000 })
    expect(answer).toMatchObject({ miss: 'out-of-time', error: true })
    expect(answer.baseline === undefined && answer.why).toBe(
      'Reading the commit statuses of main took longer than 6 s: stopped after 2 of 5 commits.'
    )
    expect(statusesRead()).toEqual([sha(5), sha(4)])
  })

  it.each([
    [
      'the commits',
      { path: '/repos/octo/shop/commits', query: 'sha=main' },
      'Could not read the commits of main from GitHub (500: '
    ],
    [
      'a commit’s statuses',
      { path: '/statuses' },
      `Could not read the commit statuses of c555555 on main from GitHub (500: `
    ]
  ])('a GitHub error reading %s is an error, not a verdict', async (_, where, said) => {
    const answer = await lookUp({ statuses: [status(3, 'success')] }, {}, [{ ...where, status: 500 }])
    expect(answer).toMatchObject({ baseline: undefined, miss: 'github-error', error: true })
    expect(answer.baseline === undefined && answer.why).toContain(said)
  })

  it('a refusal says which permissions the look-up needs', async () => {
    const answer = await lookUp({}, {}, [
      { path: '/statuses', status: 403, body: { message: 'Resource not accessible by integration' } }
    ])
    expect(answer).toMatchObject({ miss: 'github-error', error: true })
    expect(answer.baseline === undefined && answer.why).toMatch(
      /\(403: Resource not accessible by integration.*\)\. Give the job `permissions: contents: read` and `statuses: read`/
    )
  })

  it.each([
    [
      'no-pull-request',
      { baseRef: undefined },
      'There is no pull request, so there is no base branch to compare with.'
    ],
    ['no-token', { octokit: undefined }, 'github_token is empty: the commit statuses of main cannot be read.'],
    [
      'unknown-account',
      { account: { login: undefined } },
      "GitHub would not say which account github_token writes as (GET /user and GraphQL's viewer were refused), so no commit status on main can be told to be this action's own."
    ]
  ] as const)('%s: asks GitHub nothing', async (miss, query, why) => {
    const answer = await lookUp({ statuses: [status(5, 'success')] }, query)
    expect(answer).toEqual({ baseline: undefined, miss, why, error: false })
    expect(sandbox.requests.filter(request => request.path.startsWith('/repos/'))).toEqual([])
  })

  it('keeps a hostile branch name inert', async () => {
    const answer = await lookUp(
      { branches: { '::stop-commands::x\n::error::y': MAIN } },
      { baseRef: '::stop-commands::x\n::error::y' }
    )
    expect(answer.baseline === undefined && answer.why).not.toMatch(/::(stop-commands|error)::|\n/)
  })
})

describe("the sandbox's commit list", () => {
  it("answers in GitHub's shape, newest first with each commit's parent, a page at a time", async () => {
    sandbox.reset({ github: { branches: { main: MAIN } } })
    const first = await octokit.rest.repos.listCommits({ ...REPO, sha: 'main', per_page: 2 })
    const validate = githubResponseValidator('repos/list-commits')
    expect([validate(first.data), validate.errors ?? null]).toEqual([true, null])
    expect(first.data.map(commit => [commit.sha, commit.parents.map(parent => parent.sha)])).toEqual([
      [sha(5), [sha(4)]],
      [sha(4), [sha(3)]]
    ])
    expect(first.headers.link).toContain('rel="next"')
    const fromSha = await octokit.rest.repos.listCommits({ ...REPO, sha: sha(2) })
    expect(fromSha.data.map(commit => commit.sha)).toEqual([sha(2), sha(1)])
  })

  it("refuses what GitHub's description does not allow, and an unknown branch", async () => {
    sandbox.reset({ github: { branches: { main: MAIN } } })
    const refused = (request: Promise<unknown>) =>
      request.then(
        () => 'accepted',
        (error: { status?: number; message?: string }) => `${error.status} ${error.message}`
      )
    expect(await refused(octokit.request('GET /repos/{owner}/{repo}/commits', { ...REPO, first_parent: 1 }))).toMatch(
      /^422 Invalid query: .*first_parent/
    )
    expect(await refused(octokit.rest.repos.listCommits({ ...REPO, sha: 'develop' }))).toMatch(/^404 /)
  })
})
