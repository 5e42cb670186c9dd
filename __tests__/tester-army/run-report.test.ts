/**
 * The pure parts of the tester-army action: tester.army's answers in the neutral model, and the
 * start request. The end-to-end tests go through these; here are the cases an event or the sandbox
 * cannot easily produce (every mixture of a batch, hostile answers, tester.army's limits).
 */
import fc from 'fast-check'
import { readRunState } from '../../src/testerarmy/client.js'
import { buildStartRequest, testerArmyEnvironment } from '../../src/testerarmy/run-request.js'
import { severityWord, toRunReport, type TrackedRun } from '../../src/testerarmy/run-report.js'
import type { RunState } from '../../src/testerarmy/types.js'

const git = { commitHash: 'abc1234', branch: 'feature', commitMessageFromApi: false }
const pull = {
  number: 12,
  url: 'https://github.com/o/r/pull/12',
  title: 'Make the cart faster',
  body: 'Caches the cart.',
  state: 'open',
  headRef: 'cart',
  headSha: 'def5678',
  baseRef: 'main'
}

function run(id: string, answer: Record<string, unknown>): TrackedRun {
  return { id, state: readRunState({ id, ...answer }, id) }
}

const passing = (name: string) => ({
  status: 'completed',
  output: { featureName: name, result: 'PASS', description: `${name} works`, screenshots: [] }
})
const failing = (name: string, extra: Record<string, unknown> = {}) => ({
  status: 'completed',
  output: { featureName: name, result: 'FAILED', description: `${name} is broken`, screenshots: [], ...extra }
})

describe("GitHub's deployment environment in tester.army's enum", () => {
  it.each([
    ['Preview', 'preview'],
    ['Production', 'production'],
    ['staging', 'staging'],
    ['Preview – web-shop', 'preview'],
    ['PRODUCTION – api', 'production'],
    ['github-pages', 'custom'],
    ['previewing', 'custom'],
    ['', undefined],
    [undefined, undefined]
  ])('%j → %j', (name, expected) => {
    expect(testerArmyEnvironment(name)).toBe(expected)
  })
})

describe('the start request', () => {
  const context = { git, preview: undefined, pullRequest: pull }

  it("keeps the pull request within tester.army's limits", () => {
    const request = buildStartRequest(
      { target: { mode: 'pull-request', projectId: 'web-shop' }, targetUrl: 'https://pr-12.example.com' },
      {
        ...context,
        pullRequest: { ...pull, title: 't'.repeat(600), body: 'b'.repeat(6000), headRef: 'h'.repeat(300), baseRef: '' }
      }
    )
    const sent = request.body.pullRequest as Record<string, string>
    expect(sent.title).toHaveLength(500)
    expect(sent.title?.endsWith('…')).toBe(true)
    expect(sent.description).toHaveLength(5000)
    expect(sent).not.toHaveProperty('headBranch')
    expect(sent).not.toHaveProperty('baseBranch')
    expect(sent.commitSha).toBe('abc1234')
  })

  it('names a pull request without a title by its number, and sends no empty description', () => {
    const request = buildStartRequest(
      { target: { mode: 'pull-request', projectId: 'web-shop' }, targetUrl: 'https://pr-12.example.com' },
      { ...context, pullRequest: { ...pull, title: '  ', body: '' } }
    )
    expect(request.body.pullRequest).toEqual({
      number: 12,
      title: 'Pull request #12',
      baseBranch: 'main',
      headBranch: 'cart',
      commitSha: 'abc1234'
    })
  })

  it('puts the bypass into a prompt that already names the URL, in place', () => {
    const settings = {
      target: { mode: 'prompt', prompt: 'Open https://shop.example.com and pay' },
      targetUrl: 'https://shop.example.com'
    } as const
    const logged = buildStartRequest(settings, context)
    const sent = buildStartRequest(settings, context, url => `${url}?secret`)
    expect(logged.body).toEqual({ prompt: 'Open https://shop.example.com and pay' })
    expect(sent.body).toEqual({ prompt: 'Open https://shop.example.com?secret and pay' })
  })

  it('a group run on a push sends what is known, and nothing empty', () => {
    const request = buildStartRequest(
      { target: { mode: 'group', groupId: 'g' } },
      { git: { commitMessageFromApi: false }, preview: undefined, pullRequest: undefined }
    )
    expect(request.body).toEqual({})
  })
})

describe("tester.army's runs in the neutral model", () => {
  it('one run: its own status and result words', () => {
    const report = toRunReport([run('r1', failing('Checkout'))], 'tester.army run r1', undefined)
    expect(report).toMatchObject({ phase: 'finished', status: 'completed', result: 'failed', verdict: 'failed' })
    expect(report.testCases).toEqual([
      expect.objectContaining({ name: 'Checkout', verdict: 'failed', summary: 'Checkout is broken' })
    ])
  })

  it.each<[string, Record<string, unknown>[], Partial<ReturnType<typeof toRunReport>>]>([
    ['queued and queued', [{ status: 'queued' }, { status: 'queued' }], { phase: 'pending', status: 'queued' }],
    ['queued and running', [{ status: 'queued' }, { status: 'running' }], { phase: 'running', status: 'running' }],
    ['finished and running', [passing('A'), { status: 'running' }], { phase: 'running', status: 'running' }],
    ['all completed', [passing('A'), failing('B')], { phase: 'finished', status: 'completed', verdict: 'failed' }],
    [
      'a failure beats a run tester.army could not run',
      [failing('A'), { status: 'failed', error: { code: 'X', message: 'y' } }],
      { status: 'failed', verdict: 'failed', result: 'failed' }
    ],
    [
      'a run tester.army could not run beats a cancel',
      [{ status: 'cancelled' }, { status: 'failed', error: { code: 'X', message: 'y' } }],
      { status: 'failed', verdict: 'errored', result: '' }
    ],
    ['a cancel beats a pass', [passing('A'), { status: 'cancelled' }], { status: 'cancelled', verdict: 'cancelled' }],
    [
      'nothing to test beside a pass is a pass',
      [passing('A'), { status: 'completed', output: { kind: 'planner_skipped', reason: 'docs' } }],
      { verdict: 'passed', result: 'passed' }
    ],
    [
      'an unknown status keeps the batch waiting',
      [passing('A'), { status: 'verifying' }],
      { phase: 'pending', status: 'verifying', statusKnown: false }
    ]
  ])('a batch, %s', (_name, answers, expected) => {
    const runs = answers.map((answer, index) => run(`r${index + 1}`, answer))
    expect(toRunReport(runs, 'tester.army batch b1 (2 runs)', 'b1')).toMatchObject(expected)
  })

  it("a batch's note counts the runs and names the broken one", () => {
    const report = toRunReport(
      [run('r1', passing('A')), run('r2', { status: 'failed', error: { code: 'TIMEOUT', message: 'Too slow' } })],
      'tester.army batch b1 (2 runs)',
      'b1'
    )
    expect(report.verdictNote).toBe(
      '1 of 2 runs of tester.army batch b1 (2 runs) failed to run in tester.army (r2: TIMEOUT: Too slow); this is not a test failure.'
    )
    expect(report.raw).toEqual({
      batchId: 'b1',
      runs: [expect.objectContaining({ id: 'r1' }), expect.objectContaining({ id: 'r2' })]
    })
  })

  it('issues: severity words, details for reproduction, links for screenshots and the page', () => {
    const report = toRunReport(
      [
        run(
          'r1',
          failing('Checkout', {
            issues: [
              {
                name: 'Pay does nothing',
                description: 'Nothing happens',
                url: 'https://shop.example.com/pay',
                severity: 4,
                reproductionSteps: ['Open the cart', 'Click Pay'],
                expectedBehavior: 'A receipt',
                actualBehavior: 'Nothing',
                screenshotUrl: 'https://tester.army/s/1.png'
              },
              { type: 'warning', name: 'Slow', description: 'Takes 4 s', url: 'https://shop.example.com' }
            ]
          })
        )
      ],
      'tester.army run r1',
      undefined
    )
    expect(report.issues).toEqual([
      {
        title: 'Pay does nothing',
        severity: 'High',
        type: 'Issue',
        description: 'Nothing happens',
        testCaseNames: ['Checkout'],
        details: [
          { label: 'Steps to reproduce', text: '1. Open the cart\n2. Click Pay' },
          { label: 'Expected', text: 'A receipt' },
          { label: 'Actual', text: 'Nothing' }
        ],
        links: [
          { label: 'Screenshot', url: 'https://tester.army/s/1.png' },
          { label: 'Where it happened', url: 'https://shop.example.com/pay' }
        ]
      },
      expect.objectContaining({ title: 'Slow', severity: 'Unrated', type: 'Warning' })
    ])
  })

  it.each([
    [1, 'Minor'],
    [3, 'Medium'],
    [5, 'Critical'],
    [9, 'Severity 9'],
    [undefined, 'Unrated']
  ])('severity %j is %j', (severity, word) => {
    expect(severityWord(severity)).toBe(word)
  })

  it("steps, screenshots and the agent's own failure codes", () => {
    const [testCase] = toRunReport(
      [
        run(
          'r1',
          failing('Sign up', {
            screenshots: ['https://tester.army/s/a.png'],
            steps: [
              { stepIndex: 0, title: 'Open', status: 'passed' },
              { stepIndex: 1, title: 'Submit', status: 'failed', errorCode: 'STEP_DEADLINE_EXHAUSTED' },
              { stepIndex: 2, title: 'Log in', status: 'failed', errorCode: 'VERCEL_BYPASS_REQUIRED' }
            ]
          })
        )
      ],
      'tester.army run r1',
      undefined
    ).testCases
    expect(testCase).toMatchObject({
      cause: { kind: 'agent', code: 'STEP_DEADLINE_EXHAUSTED' },
      links: [{ label: 'Screenshot 1', url: 'https://tester.army/s/a.png' }],
      details: [
        {
          label: 'Steps',
          text: '1. ✅ Open\n2. ❌ Submit (STEP_DEADLINE_EXHAUSTED)\n3. ❌ Log in (VERCEL_BYPASS_REQUIRED)'
        },
        { label: 'Hint', text: expect.stringContaining('vercel_bypass_secret') }
      ]
    })
  })

  it('any answer at all maps without a crash, and never passes unless tester.army said PASS', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }), answers => {
        const runs = answers.map((answer, index): TrackedRun => {
          const data =
            typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer : { output: answer }
          return { id: `r${index}`, state: readRunState(data as Record<string, unknown>, `r${index}`) }
        })
        const report = toRunReport(runs, 'tester.army batch b', 'b')
        if (report.verdict === 'passed') {
          const states = runs.map(item => item.state as RunState)
          expect(states.some(state => state.output.kind === 'test' && state.output.result === 'PASS')).toBe(true)
        }
      })
    )
  })
})
