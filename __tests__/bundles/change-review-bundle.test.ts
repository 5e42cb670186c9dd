/**
 * The built change-review bundle (dist/change-review/index.js), spawned the way the runner spawns
 * it, on the machine's Node and on Node 24 where it is installed: a review that passes, one that
 * fails, a workflow cancel and bad input. change-review.test.ts covers the rest in process;
 * bundle-smoke.test.ts checks that dist/ is what src/ builds to.
 */
import { SANDBOX_REVIEW } from '../../sandbox/chat.mjs'
import { cleanUp, RUNTIMES, runAction, type ActionResult } from '../../scripts/action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'

interface PullRequestPayload {
  pull_request: { html_url: string; head: { ref: string; sha: string } }
}
const payload = () => examplePayload('pull_request', p => p.action === 'opened')
const pr = payload() as unknown as PullRequestPayload

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.close())

const results: ActionResult[] = []
afterEach(() => results.splice(0).forEach(cleanUp))

const errorLines = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::error::'))
const reviewBodies = () =>
  sandbox.requests.filter(request => request.path === '/v1/chat/change-review').map(request => request.body)

describe.each(RUNTIMES.map(({ label, node }) => [label, node] as const))(
  'dist/change-review/index.js on Node %s',
  (_, node) => {
    async function act(
      inputs: Record<string, string>,
      scenario: PartialScenario = {},
      onSpawn?: Parameters<typeof runAction>[0]['onSpawn']
    ): Promise<ActionResult> {
      sandbox.reset({ commits: { [pr.pull_request.head.sha]: 'Add a discount-code field' }, ...scenario })
      const result = await runAction({
        action: 'change-review',
        node,
        eventName: 'pull_request',
        payload: payload(),
        inputs: {
          api_token: SANDBOX_TOKEN,
          api_url: sandbox.url,
          project_short_id: 'proj_sandbox',
          applications_config: JSON.stringify({
            applications: { app_web: { environment: { url: 'https://pr-2.example.com' } } }
          }),
          preflight: 'off',
          ...inputs
        },
        env: { GITHUB_API_URL: sandbox.url },
        onSpawn
      })
      results.push(result)
      return result
    }

    it('reviews the pull request: the request QA.tech gets, the wait, the outputs and the summary', async () => {
      const result = await act({ blocking: 'true' }, { keyScope: 'organization' })
      expect(result.code).toBe(0)
      expect(reviewBodies()).toEqual([
        {
          mode: 'pr',
          projectShortId: 'proj_sandbox',
          prUrl: pr.pull_request.html_url,
          vcsProviderId: 'github',
          applicationOverrides: [{ applicationShortId: 'app_web', environment: { url: 'https://pr-2.example.com' } }],
          actor: 'Codertocat',
          branch: pr.pull_request.head.ref,
          commitHash: pr.pull_request.head.sha,
          commitMessage: 'Add a discount-code field',
          repository: 'Codertocat/Hello-World'
        }
      ])
      expect(result.outputs).toMatchObject({
        chat_created: 'true',
        chat_short_id: 'chat_sbx001',
        chat_status: 'COMPLETED',
        chat_response: SANDBOX_REVIEW
      })
      expect(errorLines(result.stdout)).toEqual([])
      expect(result.summary).toMatch(/^## ✅ QA.tech/)
      expect(result.summary).toContain('chat\\_sbx001')
    })

    it('a review that comes back FAILED fails the step with one line', async () => {
      const result = await act({ blocking: 'true' }, { chat: { replies: [{ status: 'FAILED', text: 'No preview' }] } })
      expect(result.code).toBe(1)
      expect(errorLines(result.stdout)).toEqual([
        expect.stringMatching(/^::error::QA.tech change review chat_sbx001 failed \(status FAILED\)/)
      ])
      expect(result.outputs).toMatchObject({ chat_status: 'FAILED', chat_response: 'No preview' })
    })

    it('a workflow cancel (SIGINT) during the wait: reports and exits 1 at once', async () => {
      const result = await act(
        { blocking: 'true' },
        { chat: { replies: [{ status: 'PARTIAL', text: 'Looking' }] } },
        (child, output) => {
          const timer = setInterval(() => {
            if (output().includes('Waiting for QA.tech change review')) {
              clearInterval(timer)
              child.kill('SIGINT')
            }
          }, 20)
        }
      )
      expect(result.code).toBe(1)
      expect(errorLines(result.stdout)).toEqual([
        expect.stringMatching(
          /^::error::The workflow was cancelled while waiting \d+ s for QA.tech change review chat_sbx001/
        )
      ])
      expect(result.outputs).toMatchObject({ chat_status: 'PARTIAL', chat_response: 'Looking' })
      expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled while waiting/)
    })

    it('a hostile conversation id from QA.tech writes no workflow command: the runner sees no error in a passing review', async () => {
      const result = await act({ blocking: 'true' }, { chat: { shortIds: ['x\n::error::pwned'] } })
      expect(result.code).toBe(0)
      expect(
        result.stdout.split('\n').filter(line => line.startsWith('::error') || line.includes('::error::pwned'))
      ).toEqual([])
      expect(result.stdout).toMatch(/^QA.tech change review x : :error: :pwned is COMPLETED after/m)
    })

    it('a workflow cancel (SIGINT) while the start waits after a 429: no review was started, said at once', async () => {
      const result = await act(
        { blocking: 'true' },
        { faults: [{ method: 'POST', path: '/v1/chat/change-review', status: 429, retryAfter: 30 }] },
        (child, output) => {
          const timer = setInterval(() => {
            if (output().includes('Trying again in 30 s.')) {
              clearInterval(timer)
              child.kill('SIGINT')
            }
          }, 20)
        }
      )
      expect(result.code).toBe(1)
      expect(errorLines(result.stdout)).toEqual([
        '::error::The workflow was cancelled before a run was started: no QA.tech run was started.'
      ])
      expect(reviewBodies()).toHaveLength(1)
    })

    it('bad input: one line, exit 1, no request, no stack trace', async () => {
      const result = await act({ applications_config: '', pr_url: 'not a url' })
      expect(result.code).toBe(1)
      expect(sandbox.requests).toEqual([])
      expect(errorLines(result.stdout)).toEqual([
        expect.stringMatching(/^::error::pr_url "not a url" is not a GitHub pull request URL/)
      ])
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    })
  }
)
