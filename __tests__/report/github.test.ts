/**
 * The reporters that write to GitHub — the sticky pull-request comment and the commit status —
 * and the rerun's look-up of the previous attempt's run, driven through their hooks against the
 * sandbox's GitHub API (validated against GitHub's OpenAPI description) with real webhook
 * payloads. Assertions are on what GitHub ends up holding and on the step's log.
 */
import { resolveGitContext } from '../../src/context/git-context.js'
import type { EventPayload } from '../../src/context/event.js'
import { lazyOctokit, type Octokit } from '../../src/github/octokit.js'
import type { CommonSettings } from '../../src/inputs/common-settings.js'
import { toRunReport, toStartedRun } from '../../src/qatech/run-report.js'
import { QATECH_WORDS } from '../../src/qatech/words.js'
import type { RunTestCase } from '../../src/qatech/types.js'
import { commitStatusReporter } from '../../src/report/commit-status.js'
import { readMarker, renderMarker } from '../../src/report/comment-marker.js'
import { commentKeyOf, jobIdentity } from '../../src/report/identity.js'
import { pullRequestCommentReporter, type GithubReportOptions } from '../../src/report/pr-comment.js'
import { findPreviousRun } from '../../src/report/previous-run.js'
import type { Ending, Reporter, ReportContext } from '../../src/report/reporter.js'
import type { StartedRun } from '../../src/service/model.js'
import { decideOutcome } from '../../src/verdict/outcome.js'
import { ACCOUNTS, githubResponseValidator, WORKFLOW_TOKEN_USER } from '../../sandbox/github.mjs'
import type { PartialScenario } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'
import { testCase } from '../fixtures/summary-inputs.js'
import { useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock } = useVirtualSandbox()

const TOKEN = 'ghs_sandboxGithubToken'
const API_TOKEN = 'qatech-secret-api-token-123456'
const PULL_REQUEST = examplePayload('pull_request', payload => payload.action === 'opened')
const PUSH = examplePayload('push', payload => payload.ref === 'refs/heads/master' && payload.deleted === false)
/** The commits the payloads name. */
const PR_HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
const PUSHED = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
const NEWER = 'fedcba9876543210fedcba9876543210fedcba98'
const REPO = { owner: 'Codertocat', repo: 'Hello-World' }

/** Pull request #2 of the example payloads, as GitHub's API returns it now. */
function pullRequest(head = PR_HEAD, commits: string[] = []) {
  return {
    number: 2,
    state: 'open',
    title: 'Update the README with new information.',
    body: 'This is a pretty simple change that we need to pull into master.',
    html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
    head: { ref: 'changes', sha: head },
    base: { ref: 'master' },
    commits
  }
}

const SETTINGS: CommonSettings = {
  githubToken: TOKEN,
  blocking: true,
  timeoutMinutes: 60,
  pollIntervalSeconds: 10,
  failOnSkipped: false,
  jobSummary: true,
  cancelOnAbort: false,
  prComment: 'always',
  commentKey: undefined,
  jobMatrix: undefined,
  commitStatus: false,
  statusContext: undefined,
  rerun: 'failed',
  retryFailed: 0,
  preflight: 'off',
  preflightTimeoutSeconds: 300,
  secrets: [API_TOKEN]
}

const BASE_ENV = {
  GITHUB_WORKFLOW: 'CI',
  GITHUB_WORKFLOW_REF: 'Codertocat/Hello-World/.github/workflows/ci.yml@refs/pull/2/merge',
  GITHUB_JOB: 'e2e',
  GITHUB_RUN_ID: '1001',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'Codertocat/Hello-World'
}

interface Step {
  readonly eventName?: string
  readonly payload?: EventPayload
  readonly env?: Record<string, string>
  readonly settings?: Partial<CommonSettings>
  readonly options?: GithubReportOptions
  /** No github_token. */
  readonly noToken?: boolean
}

function contextFor(step: Step = {}): ReportContext {
  const eventName = step.eventName ?? 'pull_request'
  const payload = step.payload ?? PULL_REQUEST
  const env = { ...BASE_ENV, ...step.env }
  return {
    service: {
      action: 'qatech-runs',
      words: QATECH_WORDS,
      outputs: { none: () => ({}), started: () => ({}), finished: () => ({}) }
    },
    settings: { ...SETTINGS, ...step.settings },
    git: resolveGitContext(eventName, payload, env),
    env,
    event: { name: eventName, payload },
    octokit: step.noToken ? undefined : lazyOctokit(TOKEN, sandbox.url)
  }
}

/** The reporters as the step makes them, on the virtual clock the sandbox shares (a retry's pause takes no time). */
const commentReporter = (context: ReportContext, options: GithubReportOptions = {}) =>
  pullRequestCommentReporter(context, { clock, ...options })
const statusReporter = (context: ReportContext, options: GithubReportOptions = {}) =>
  commitStatusReporter(context, { clock, ...options })

/** The run a step started, as the QA.tech adapter hands it to the reports. */
function startedRun(shortId: string): StartedRun {
  return toStartedRun(
    {
      id: `00000000-0000-4000-8000-${shortId.padStart(12, '0')}`,
      shortId,
      url: `https://app.qa.tech/p/web-shop/results/${shortId}`,
      testCount: 3,
      testPlan: { name: 'Checkout flow', shortId: 'pln_checkout' }
    },
    ['https://preview.example.com/']
  )
}

function ending(run: StartedRun, result: 'PASSED' | 'FAILED', testCases: RunTestCase[]): Ending {
  const report = toRunReport(
    { id: run.id, shortId: run.id, status: 'COMPLETED', result, runTestCases: testCases, issues: [], raw: {} },
    run.label
  )
  const outcome = decideOutcome({ kind: 'finished', report, last: report, waitedMs: 95_000 }, run, QATECH_WORDS, {
    failOnSkipped: false,
    timeoutMinutes: 60
  })
  return { kind: 'waited', outcome, report, waitedMs: 95_000 }
}

const passing = (run: StartedRun) =>
  ending(run, 'PASSED', [testCase(1, 'PASSED'), testCase(2, 'PASSED'), testCase(3, 'PASSED')])
const failing = (run: StartedRun) =>
  ending(run, 'FAILED', [testCase(1, 'PASSED'), testCase(2, 'FAILED'), testCase(3, 'PASSED')])

/** Runs the hooks as the step would, capturing the log the runner reads (warnings are `::warning::` lines). */
async function runSteps(hooks: () => Promise<void>): Promise<string> {
  let stdout = ''
  const saved = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  try {
    await hooks()
  } finally {
    process.stdout.write = saved
  }
  return stdout
}

/** One step of a job: a run started and finished, reported by `reporter`. */
async function step(reporter: Reporter, run: StartedRun, end: Ending): Promise<void> {
  await reporter.started?.(run)
  await reporter.finished?.(run, end)
}

let github: Octokit
beforeAll(async () => {
  github = await lazyOctokit('ghp_reviewer', sandbox.url)()
})

/** The pull request's comments, as anyone reading it through the API sees them. */
async function comments(number = 2) {
  return github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: number, per_page: 100 })
}

/** What the step wrote to GitHub (a GraphQL query is a POST that writes nothing). */
const writes = () =>
  sandbox.requests.filter(
    request => (request.method === 'POST' || request.method === 'PATCH') && request.path !== '/graphql'
  )
const warnings = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::warning'))

function reset(scenario: PartialScenario = {}) {
  sandbox.reset({ ...scenario, github: { pulls: [pullRequest()], ...scenario.github } })
}

describe('the pull-request comment', () => {
  beforeEach(() => reset())

  it('is created once and edited in place: two runs of a job leave one comment, showing the latest', async () => {
    const first = startedRun('r001sbx')
    const second = startedRun('r002sbx')
    await runSteps(async () => {
      await step(commentReporter(contextFor()), first, failing(first))
      await step(commentReporter(contextFor({ env: { GITHUB_RUN_ID: '1002' } })), second, passing(second))
    })
    const all = await comments()
    expect(all).toHaveLength(1)
    expect(all[0]?.user?.login).toBe('github-actions[bot]')
    expect(all[0]?.body).toContain('### ✅ QA.tech: all 3 test cases passed')
    expect(readMarker(all[0]?.body ?? '')).toMatchObject({
      run: { id: 'r002sbx', url: 'https://app.qa.tech/p/web-shop/results/r002sbx' },
      sha: PR_HEAD,
      workflowRunId: '1002',
      attempt: 1
    })
    expect(writes().map(request => request.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH'])
  })

  it('shows "running" with the run link while the run goes', async () => {
    const run = startedRun('r001sbx')
    await runSteps(async () => {
      await commentReporter(contextFor()).started?.(run)
    })
    const [comment] = await comments()
    expect(comment?.body).toContain('### ⏳ QA.tech: QA.tech run r001sbx is running')
    expect(comment?.body).toContain('[Follow it in QA.tech](https://app.qa.tech/p/web-shop/results/r001sbx)')
  })

  it('keeps one comment per job, matrix leg and comment_key', async () => {
    const steps: Step[] = [
      {},
      { env: { GITHUB_JOB: 'smoke' } },
      { options: { matrix: '{"app":"web"}' } },
      { options: { matrix: '{"app":"admin"}' } },
      { settings: { commentKey: 'nightly plan' } }
    ]
    await runSteps(async () => {
      for (const [index, each] of steps.entries()) {
        const run = startedRun(`r00${index + 1}sbx`)
        await step(commentReporter(contextFor(each), each.options), run, passing(run))
      }
      // And a second run of each edits its own.
      for (const each of steps) {
        const run = startedRun('r009sbx')
        await step(commentReporter(contextFor(each), each.options), run, failing(run))
      }
    })
    const all = await comments()
    expect(all).toHaveLength(steps.length)
    expect(new Set(all.map(comment => readMarker(comment.body ?? '')?.key)).size).toBe(steps.length)
    for (const comment of all) expect(comment.body).toContain('### ❌ QA.tech: 1 of 3 test cases failed')
    expect(all.map(comment => /<sub>.*<\/sub>/.exec(comment.body ?? '')?.[0])).toEqual([
      expect.stringContaining('[CI / e2e]'),
      expect.stringContaining('[CI / smoke]'),
      expect.stringContaining('[CI / e2e \\(web\\)]'),
      expect.stringContaining('[CI / e2e \\(admin\\)]'),
      expect.stringContaining('[CI / e2e · nightly plan]')
    ])
  })

  it('on-failure: a passing run writes nothing; a failing one comments; a later pass turns that comment green', async () => {
    const onFailure = { settings: { prComment: 'on-failure' as const } }
    const first = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor(onFailure)), first, passing(first)))
    expect(await comments()).toHaveLength(0)
    expect(writes()).toEqual([])

    const second = startedRun('r002sbx')
    await runSteps(() => step(commentReporter(contextFor(onFailure)), second, failing(second)))
    const third = startedRun('r003sbx')
    await runSteps(() => step(commentReporter(contextFor(onFailure)), third, passing(third)))
    const all = await comments()
    expect(all).toHaveLength(1)
    expect(all[0]?.body).toContain('### ✅ QA.tech: all 3 test cases passed')
    expect(writes().map(request => request.method)).toEqual(['POST', 'PATCH', 'PATCH'])
  })

  it('says the result is for an older commit when the pull request has moved on', async () => {
    reset({ github: { pulls: [pullRequest(NEWER)] } })
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor()), run, failing(run)))
    const [comment] = await comments()
    expect(comment?.body).toContain(
      'This result is for `ec26c3e`, an older commit: the pull request is now at `fedcba9`, which this run did not test.'
    )
  })

  it('notices a push that lands while the run goes', async () => {
    const run = startedRun('r001sbx')
    await runSteps(async () => {
      const reporter = commentReporter(contextFor())
      await reporter.started?.(run)
      sandbox.setScenario({ github: { pulls: [pullRequest(NEWER)] } })
      await reporter.finished?.(run, passing(run))
    })
    const [comment] = await comments()
    expect(comment?.body).toContain('the pull request is now at `fedcba9`')
  })

  it('does not replace the latest commit’s result with an older commit’s', async () => {
    const newer = startedRun('r002sbx')
    const older = startedRun('r001sbx')
    await runSteps(async () => {
      const olderStep = commentReporter(contextFor())
      await olderStep.started?.(older)
      // The author pushes; the new commit's run finishes first.
      sandbox.setScenario({ github: { pulls: [pullRequest(NEWER)] } })
      const newerPayload = structuredClone(PULL_REQUEST)
      ;(newerPayload.pull_request as { head: { sha: string } }).head.sha = NEWER
      await step(commentReporter(contextFor({ payload: newerPayload })), newer, passing(newer))
      await olderStep.finished?.(older, failing(older))
    })
    const [comment] = await comments()
    expect(readMarker(comment?.body ?? '')?.run.id).toBe('r002sbx')
    expect(comment?.body).toContain('### ✅ QA.tech: all 3 test cases passed')
  })

  it('finds the pull request of a pushed commit through the GitHub API', async () => {
    reset({ github: { pulls: [pullRequest(PUSHED)] } })
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor({ eventName: 'push', payload: PUSH })), run, failing(run)))
    expect(
      sandbox.requests.some(request => request.path === `/repos/Codertocat/Hello-World/commits/${PUSHED}/pulls`)
    ).toBe(true)
    const [comment] = await comments()
    expect(comment?.body).toContain('**Commit:** `6113728`')
  })

  it('writes nothing, with a line of log, for a push that has no open pull request or a step without a token', async () => {
    reset({ github: { pulls: [] } })
    const run = startedRun('r001sbx')
    const stdout = await runSteps(async () => {
      await step(commentReporter(contextFor({ eventName: 'push', payload: PUSH })), run, failing(run))
      await step(commentReporter(contextFor({ noToken: true })), run, failing(run))
    })
    expect(stdout).toContain('No pull-request comment: No open pull request has commit 6113728 as its head.')
    expect(stdout).toContain('github_token is empty: no pull-request comment.')
    expect(writes()).toEqual([])
    expect(warnings(stdout)).toEqual([])
  })

  it('finds its comment on any page, and never takes a copied marker by someone else for its own', async () => {
    const job = jobIdentity(BASE_ENV, { action: 'qatech-runs' })
    const marker = renderMarker({ key: commentKeyOf(job), run: { id: 'r000sbx' } })
    const filler = Array.from({ length: 230 }, (_, index) => ({
      issue_number: 2,
      body: `Comment ${index}`,
      user: { login: 'octocat' }
    }))
    reset({
      github: {
        pulls: [pullRequest()],
        comments: [
          { id: 1, issue_number: 2, body: `${marker}\nI copied the marker`, user: { login: 'mallory' } },
          ...filler,
          { id: 500, issue_number: 2, body: `${marker}\nold result`, user: WORKFLOW_TOKEN_USER }
        ]
      }
    })
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor()), run, failing(run)))
    expect(
      sandbox.requests.filter(request => request.path.endsWith('/issues/2/comments')).map(request => request.query.page)
    ).toEqual(['1', '2', '3'])
    expect(writes().map(request => `${request.method} ${request.path}`)).toEqual([
      'PATCH /repos/Codertocat/Hello-World/issues/comments/500',
      'PATCH /repos/Codertocat/Hello-World/issues/comments/500'
    ])
    const all = await comments()
    expect(all.find(comment => comment.id === 1)?.body).toContain('I copied the marker')
  })

  it('with an app’s installation token, edits the comment that app wrote, never the workflow token’s', async () => {
    const job = jobIdentity(BASE_ENV, { action: 'qatech-runs' })
    const marker = renderMarker({ key: commentKeyOf(job), run: { id: 'r000sbx' } })
    reset({
      github: {
        pulls: [pullRequest()],
        user: ACCOUNTS.qaApp,
        comments: [
          { id: 76, issue_number: 2, body: `${marker}\nthe workflow token's`, user: ACCOUNTS.workflow },
          { id: 77, issue_number: 2, body: `${marker}\nold`, user: ACCOUNTS.qaApp }
        ]
      }
    })
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor()), run, passing(run)))
    expect(writes().map(request => `${request.method} ${request.path}`)).toEqual([
      'PATCH /repos/Codertocat/Hello-World/issues/comments/77',
      'PATCH /repos/Codertocat/Hello-World/issues/comments/77'
    ])
    expect((await comments()).find(comment => comment.id === 76)?.body).toContain("the workflow token's")
  })

  it('when GitHub will not say whose the token is, edits no comment already there, and learns its account from the one it creates', async () => {
    const job = jobIdentity(BASE_ENV, { action: 'qatech-runs' })
    const marker = renderMarker({ key: commentKeyOf(job), run: { id: 'r000sbx' } })
    reset({
      github: {
        pulls: [pullRequest()],
        user: ACCOUNTS.qaApp,
        comments: [{ id: 77, issue_number: 2, body: `${marker}\nold`, user: ACCOUNTS.qaApp }]
      },
      faults: [{ path: '/graphql', status: 403, body: { message: 'Resource not accessible by integration' } }]
    })
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor()), run, passing(run)))
    // Its own comment, created once and then edited: never comment 77, however like ours it looks.
    const created = writes().filter(request => request.method === 'POST')
    expect(created.map(request => request.path)).toEqual(['/repos/Codertocat/Hello-World/issues/2/comments'])
    expect(writes().filter(request => request.path.endsWith('/comments/77'))).toEqual([])
    const all = await comments()
    expect(all.map(comment => comment.user?.login)).toEqual(['qa-app[bot]', 'qa-app[bot]'])
    expect(all[0]?.body).toContain('old')
    expect(all[1]?.body).toContain('### ✅ QA.tech: all 3 test cases passed')
  })

  it('with a person’s token, finds the comments that person wrote', async () => {
    reset({ github: { pulls: [pullRequest()], user: { login: 'octocat', type: 'User' } } })
    const first = startedRun('r001sbx')
    const second = startedRun('r002sbx')
    await runSteps(async () => {
      await step(commentReporter(contextFor()), first, failing(first))
      await step(commentReporter(contextFor()), second, passing(second))
    })
    const all = await comments()
    expect(all.map(comment => comment.user?.login)).toEqual(['octocat'])
  })

  it('with a read-only token: one warning with the exact permissions block, nothing thrown, and no more writes', async () => {
    reset({ github: { pulls: [pullRequest()], readOnly: true } })
    const run = startedRun('r001sbx')
    const context = contextFor({ settings: { commitStatus: true } })
    const stdout = await runSteps(async () => {
      const reporters = [commentReporter(context), statusReporter(context)]
      for (const reporter of reporters) await reporter.started?.(run)
      for (const reporter of reporters) await reporter.finished?.(run, failing(run))
    })
    const found = warnings(stdout)
    expect(found).toHaveLength(1)
    const warning = decodeURIComponent((found[0] ?? '').replace(/%0A/g, '\n'))
    expect(warning).toContain('Could not write the pull-request comment: the token may not write to this repository')
    expect(warning).toContain('Resource not accessible by integration')
    expect(warning).toContain("The step's result is unchanged.")
    expect(warning).toMatch(/\npermissions:\n {2}contents: read\n {2}pull-requests: write\n {2}statuses: write$/)
    expect(stdout).toContain('Could not write the commit status either (GitHub answered 403')
    // One refused write each, then they stop asking.
    expect(writes()).toHaveLength(2)
  })

  it('says when the step stopped waiting', async () => {
    const run = startedRun('r001sbx')
    await runSteps(async () => {
      const reporter = commentReporter(contextFor())
      await reporter.started?.(run)
      await reporter.stopped?.(run, `QA.tech answered 401 for token ${API_TOKEN}`)
    })
    const [comment] = await comments()
    expect(comment?.body).toContain('### ⚠️ QA.tech: the step stopped waiting for the run')
    expect(comment?.body).toContain('QA.tech answered 401 for token \\*\\*\\*')
  })

  it('keeps hostile text inert and secrets out', async () => {
    const run = startedRun('r001sbx')
    const hostile = ending(run, 'FAILED', [
      testCase(1, 'FAILED', {
        name: '@octo-org/everyone <img src=x onerror=alert(1)> | col',
        resultTitle: `Visited https://preview.example.com/?x-vercel-protection-bypass=${API_TOKEN} -->`,
        evaluationThought: '</details><script>alert(1)</script>',
        url: 'javascript:alert(1)'
      })
    ])
    await runSteps(() => step(commentReporter(contextFor()), run, hostile))
    const body = (await comments())[0]?.body ?? ''
    expect(body).not.toContain(API_TOKEN)
    expect(body).not.toMatch(/<img|<script|<\/details><|\]\(javascript:|@octo-org/)
    expect(body.split('-->')).toHaveLength(2)
    expect(readMarker(body)?.run.id).toBe('r001sbx')
  })

  it('fits a run of 10,000 test cases in one comment GitHub accepts', async () => {
    const run = startedRun('r001sbx')
    const many = Array.from({ length: 10_000 }, (_, index) =>
      testCase(index + 1, index % 3 === 0 ? 'FAILED' : 'PASSED')
    )
    const stdout = await runSteps(() => step(commentReporter(contextFor()), run, ending(run, 'FAILED', many)))
    expect(warnings(stdout)).toEqual([])
    const body = (await comments())[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('### ❌ QA.tech: 3334 of 10000 test cases failed')
  })

  it('rides out a 502 on an edit with one retry after a pause, and never retries a create', async () => {
    const run = startedRun('r001sbx')
    await runSteps(async () => {
      const reporter = commentReporter(contextFor())
      await reporter.started?.(run)
      sandbox.setScenario({ faults: [{ method: 'PATCH', path: '/issues/comments/', status: 502 }] })
      await reporter.finished?.(run, passing(run))
    })
    expect(writes().map(request => request.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect((await comments())[0]?.body).toContain('### ✅')

    // A create that failed may still have reached GitHub: no second POST in that hook (the seam warns),
    // and the next hook looks for the comment again before writing.
    reset({ faults: [{ method: 'POST', path: '/issues/2/comments', status: 502 }] })
    const reporter = commentReporter(contextFor())
    await expect(runSteps(async () => reporter.started?.(run))).rejects.toThrow('Injected fault 502')
    expect(writes().map(request => request.method)).toEqual(['POST'])
    await runSteps(async () => reporter.finished?.(run, passing(run)))
    expect(writes().map(request => request.method)).toEqual(['POST', 'POST'])
    expect(
      sandbox.requests.filter(request => request.path.endsWith('/issues/2/comments') && request.method === 'GET')
    ).toHaveLength(2)
    expect(await comments()).toHaveLength(1)
  })
})

describe('the commit status', () => {
  beforeEach(() => reset())
  const withStatus = { settings: { prComment: 'off' as const, commitStatus: true } }

  async function statuses(sha = PR_HEAD) {
    return (await github.rest.repos.listCommitStatusesForRef({ ...REPO, ref: sha })).data
  }

  it('goes pending → final on the tested commit, linked to the run, under "QA.tech / <plan>"', async () => {
    const run = startedRun('r001sbx')
    const reporter = statusReporter(contextFor(withStatus))
    await runSteps(() => reporter.started?.(run) ?? Promise.resolve())
    expect(await statuses()).toMatchObject([
      {
        state: 'pending',
        context: 'QA.tech / Checkout flow',
        description: 'Running 3 test cases',
        target_url: 'https://app.qa.tech/p/web-shop/results/r001sbx'
      }
    ])
    await runSteps(() => reporter.finished?.(run, failing(run)) ?? Promise.resolve())
    const [latest] = await statuses()
    expect(latest).toMatchObject({
      state: 'failure',
      context: 'QA.tech / Checkout flow',
      description: '1 of 3 test cases failed: Test case 2',
      target_url: 'https://app.qa.tech/p/web-shop/results/r001sbx'
    })
  })

  it('sets success, failure or error by the outcome', async () => {
    const run = startedRun('r001sbx')
    const errored = (() => {
      const report = toRunReport(
        { id: run.id, shortId: run.id, status: 'ERROR', result: null, runTestCases: [], issues: [], raw: {} },
        run.label
      )
      const outcome = decideOutcome({ kind: 'finished', report, last: report, waitedMs: 1 }, run, QATECH_WORDS, {
        failOnSkipped: false,
        timeoutMinutes: 60
      })
      return { kind: 'waited' as const, outcome, report, waitedMs: 1 }
    })()
    const timedOut = (() => {
      const outcome = decideOutcome({ kind: 'timed-out', last: undefined, waitedMs: 3_600_000 }, run, QATECH_WORDS, {
        failOnSkipped: false,
        timeoutMinutes: 60
      })
      return { kind: 'waited' as const, outcome, report: undefined, waitedMs: 3_600_000 }
    })()
    const states: string[] = []
    for (const end of [passing(run), failing(run), errored, timedOut]) {
      await runSteps(() => statusReporter(contextFor(withStatus)).finished?.(run, end) ?? Promise.resolve())
      states.push(`${(await statuses())[0]?.state}: ${(await statuses())[0]?.description}`)
    }
    expect(states).toEqual([
      'success: All 3 test cases passed',
      'failure: 1 of 3 test cases failed: Test case 2',
      'error: QA.tech could not complete the run',
      'error: Timed out waiting for the run'
    ])
  })

  it('keeps the description within 140 characters, whatever the test names', async () => {
    const run = startedRun('r001sbx')
    const long = ending(
      run,
      'FAILED',
      Array.from({ length: 20 }, (_, index) =>
        testCase(index + 1, 'FAILED', {
          name: `A very long test case name number ${index} ${'x'.repeat(50)}\n::error::`
        })
      )
    )
    const stdout = await runSteps(
      () => statusReporter(contextFor(withStatus)).finished?.(run, long) ?? Promise.resolve()
    )
    expect(stdout).not.toContain('::warning')
    const [latest] = await statuses()
    expect(latest?.description?.length).toBeLessThanOrEqual(140)
    expect(latest?.description).toMatch(/^20 of 20 test cases failed: A very long test case name number 0 x+.*…$/)
    expect(latest?.description).not.toContain('\n')
  })

  it('takes status_context when set, and names the matrix leg in the default', async () => {
    const run = startedRun('r001sbx')
    await runSteps(async () => {
      await statusReporter(
        contextFor({ settings: { ...withStatus.settings, statusContext: 'e2e / checkout' } })
      ).started?.(run)
      await statusReporter(contextFor(withStatus), { matrix: '{"app":"web","browser":"chrome"}' }).started?.(run)
    })
    expect((await statuses()).map(status => status.context).sort()).toEqual([
      'QA.tech / Checkout flow (web, chrome)',
      'e2e / checkout'
    ])
  })

  it('is set on the pull request head, not on the merge commit the runner checked out', async () => {
    const run = startedRun('r001sbx')
    await runSteps(
      () =>
        statusReporter(contextFor({ ...withStatus, env: { GITHUB_SHA: NEWER } })).started?.(run) ?? Promise.resolve()
    )
    expect(writes().map(request => request.path)).toEqual([`/repos/Codertocat/Hello-World/statuses/${PR_HEAD}`])
  })

  it('rides out a 503 with one retry after a pause', async () => {
    reset({ faults: [{ method: 'POST', path: '/statuses/', status: 503 }] })
    const run = startedRun('r001sbx')
    const stdout = await runSteps(() => statusReporter(contextFor(withStatus)).started?.(run) ?? Promise.resolve())
    expect(stdout).not.toContain('::warning')
    expect(writes()).toHaveLength(2)
    expect((await statuses())[0]?.state).toBe('pending')
  })

  it('with a read-only token: one warning with statuses: write, nothing thrown', async () => {
    reset({ github: { pulls: [pullRequest()], readOnly: true } })
    const run = startedRun('r001sbx')
    const stdout = await runSteps(async () => step(statusReporter(contextFor(withStatus)), run, failing(run)))
    const found = warnings(stdout)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('Could not write the commit status')
    expect(found[0]).toContain('permissions:%0A  contents: read%0A  statuses: write')
    expect(found[0]).not.toContain('pull-requests')
  })
})

describe('the previous attempt’s run, for a rerun', () => {
  beforeEach(() => reset())
  const query = (step: Step) => {
    const context = contextFor(step)
    return { ...context, action: context.service.action, clock, ...(step.options ?? {}) }
  }
  const attempt2 = { GITHUB_RUN_ATTEMPT: '2' }

  it('is read back from the comment the previous attempt wrote: the run id and page, its plan, and the step’s verdict', async () => {
    const run = startedRun('r007sbx')
    await runSteps(() => step(commentReporter(contextFor()), run, failing(run)))
    expect(await findPreviousRun(query({ env: attempt2 }))).toEqual({
      found: {
        id: 'r007sbx',
        url: 'https://app.qa.tech/p/web-shop/results/r007sbx',
        attempt: 1,
        verdict: 'failed',
        plan: { label: 'Test plan', name: 'Checkout flow' }
      }
    })
    await runSteps(() => step(commentReporter(contextFor()), run, passing(run)))
    expect(await findPreviousRun(query({ env: attempt2 }))).toMatchObject({ found: { verdict: 'passed' } })
  })

  it('is not taken from a commit status, which does not say which workflow run set it', async () => {
    const settings = { prComment: 'off' as const, commitStatus: true }
    const run = startedRun('r007sbx')
    await runSteps(() => step(statusReporter(contextFor({ settings })), run, failing(run)))
    expect(await findPreviousRun(query({ settings, env: attempt2 }))).toEqual({
      notFound: expect.stringMatching(/^pr_comment is off\. Set pr_comment: always .*which a commit status can't\.$/)
    })
  })

  it('is this matrix leg’s, not another’s', async () => {
    const web = startedRun('r001sbx')
    const admin = startedRun('r002sbx')
    await runSteps(async () => {
      await step(commentReporter(contextFor(), { matrix: '{"app":"web"}' }), web, failing(web))
      await step(commentReporter(contextFor(), { matrix: '{"app":"admin"}' }), admin, failing(admin))
    })
    const answer = await findPreviousRun(query({ env: attempt2, options: { matrix: '{"app":"admin"}' } }))
    expect(answer).toMatchObject({ found: { id: 'r002sbx' } })
  })

  it('says why when nothing can be found', async () => {
    const none = await findPreviousRun(query({ env: attempt2 }))
    expect(none).toEqual({ notFound: 'Pull request #2 has no comment of this job by github-actions[bot].' })

    // The comment is from an earlier workflow run (an older push), not this run's first attempt.
    const run = startedRun('r001sbx')
    await runSteps(() => step(commentReporter(contextFor({ env: { GITHUB_RUN_ID: '999' } })), run, failing(run)))
    expect(await findPreviousRun(query({ env: attempt2 }))).toEqual({
      notFound: "This job's comment on pull request #2 is from another workflow run."
    })

    // Written by this very attempt (or a later one): not the previous attempt's.
    await runSteps(() => step(commentReporter(contextFor({ env: attempt2 })), run, failing(run)))
    expect(await findPreviousRun(query({ env: attempt2 }))).toEqual({
      notFound: "This job's comment on pull request #2 is not from an earlier attempt."
    })
  })

  it('is not looked for on a first attempt, and a GitHub failure is a reason, not an error', async () => {
    expect(await findPreviousRun(query({}))).toEqual({ notFound: 'This is the first attempt of the workflow run.' })
    reset({ faults: [{ path: '/user', status: 500, times: 5 }] })
    const answer = await findPreviousRun(query({ env: attempt2 }))
    expect(answer).toEqual({
      notFound: expect.stringContaining("Could not read the previous attempt's report from GitHub (500")
    })
    // One retry after a pause, no more.
    expect(sandbox.requests.filter(request => request.path === '/user')).toHaveLength(2)
  })
})

describe('the sandbox’s GitHub API', () => {
  beforeEach(() => reset())

  it('answers in GitHub’s own response shapes', async () => {
    const created = await github.rest.issues.createComment({ ...REPO, issue_number: 2, body: 'Hello' })
    const updated = await github.rest.issues.updateComment({ ...REPO, comment_id: created.data.id, body: 'Edited' })
    const listed = await github.rest.issues.listComments({ ...REPO, issue_number: 2 })
    const status = await github.rest.repos.createCommitStatus({ ...REPO, sha: PR_HEAD, state: 'pending', context: 'x' })
    const statuses = await github.rest.repos.listCommitStatusesForRef({ ...REPO, ref: PR_HEAD })
    sandbox.setScenario({ github: { user: { login: 'octocat' } } })
    const user = await github.rest.users.getAuthenticated()
    const checks: [string, unknown][] = [
      ['issues/create-comment', created.data],
      ['issues/update-comment', updated.data],
      ['issues/list-comments', listed.data],
      ['repos/create-commit-status', status.data],
      ['repos/list-commit-statuses-for-ref', statuses.data],
      ['users/get-authenticated', user.data]
    ]
    for (const [operation, data] of checks) {
      const validate = githubResponseValidator(operation)
      expect([operation, validate(data), validate.errors ?? null]).toEqual([operation, true, null])
    }
  })

  it('refuses what GitHub’s OpenAPI description does not allow, with 422', async () => {
    const refused = async (request: Promise<unknown>) =>
      request.then(
        () => 'accepted',
        (error: { status?: number; message?: string }) => `${error.status} ${error.message}`
      )
    expect(
      await refused(github.rest.repos.createCommitStatus({ ...REPO, sha: PR_HEAD, state: 'done' as 'success' }))
    ).toMatch(/^422 Invalid request: \/state must be equal to one of the allowed values/)
    expect(
      await refused(
        github.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
          ...REPO,
          sha: PR_HEAD,
          state: 'success',
          contxt: 'typo'
        })
      )
    ).toMatch(/^422 .*additional properties \(contxt\)/)
    expect(
      await refused(
        github.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...REPO,
          issue_number: 'two' as unknown as number
        })
      )
    ).toMatch(/^422 Invalid path: \/issue_number must be integer/)
    expect(
      await refused(
        github.rest.repos.createCommitStatus({ ...REPO, sha: PR_HEAD, state: 'success', description: 'x'.repeat(141) })
      )
    ).toMatch(/^422 .*description is too long/)
    expect(
      await refused(github.rest.issues.createComment({ ...REPO, issue_number: 2, body: 'x'.repeat(65_537) }))
    ).toMatch(/^422 .*body is too long/)
  })

  it('answers 403 "Resource not accessible by integration" to writes of a read-only token, and GET /user of the workflow token', async () => {
    const refused = async (request: Promise<unknown>) =>
      request.then(
        () => 'accepted',
        (error: { status?: number; message?: string }) => `${error.status} ${error.message}`
      )
    expect(await refused(github.rest.users.getAuthenticated())).toMatch(/^403 Resource not accessible by integration/)
    sandbox.setScenario({ github: { readOnly: true } })
    expect(await refused(github.rest.issues.createComment({ ...REPO, issue_number: 2, body: 'x' }))).toMatch(
      /^403 Resource not accessible by integration/
    )
    expect(await refused(github.rest.issues.listComments({ ...REPO, issue_number: 2 }))).toBe('accepted')
  })

  it('answers GET /user and GraphQL’s viewer as GitHub does for each kind of token', async () => {
    const whoAmI = async () => {
      const user = await github.rest.users.getAuthenticated().then(
        answer => answer.data.login,
        (error: { status?: number }) => String(error.status)
      )
      const viewer = (await github.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).viewer.login
      return `${user} ${viewer}`
    }
    expect(await whoAmI()).toBe('403 github-actions[bot]')
    sandbox.setScenario({ github: { user: ACCOUNTS.qaApp } })
    expect(await whoAmI()).toBe('403 qa-app[bot]')
    sandbox.setScenario({ github: { user: ACCOUNTS.person } })
    expect(await whoAmI()).toBe('octocat octocat')
  })

  it('pages through comments with Link headers', async () => {
    reset({
      github: { maxPerPage: 2, comments: [1, 2, 3, 4, 5].map(index => ({ issue_number: 2, body: `c${index}` })) }
    })
    const first = await github.rest.issues.listComments({ ...REPO, issue_number: 2, per_page: 100 })
    expect(first.data.map(comment => comment.body)).toEqual(['c1', 'c2'])
    expect(first.headers.link).toBe(
      `<${sandbox.url}/repos/Codertocat/Hello-World/issues/2/comments?per_page=2&page=2>; rel="next", <${sandbox.url}/repos/Codertocat/Hello-World/issues/2/comments?per_page=2&page=3>; rel="last"`
    )
    const all = await github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
    expect(all.map(comment => comment.body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
  })
})
