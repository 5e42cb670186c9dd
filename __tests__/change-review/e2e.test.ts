/**
 * End-to-end for the change-review action (change-review/action.yml): `run()` in process against
 * the sandbox's chat endpoints on a virtual clock — the request QA.tech receives, the outputs, the
 * exit code, the log and the summary, for every outcome. change-review-bundle.test.ts runs a few
 * of the same on the built bundle.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { SANDBOX_REVIEW } from '../../sandbox/chat.mjs'
import { SANDBOX_TOKEN, type PartialScenario } from '../../sandbox/server.mjs'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

interface PullRequestPayload {
  number: number
  pull_request: { html_url: string; head: { ref: string; sha: string } }
}
const pullRequest = () => examplePayload('pull_request', p => p.action === 'opened') as unknown as PullRequestPayload
const pr = pullRequest()
const HEAD_MESSAGE = 'Add a discount-code field to checkout\n\nCloses #1.'
const PREVIEW = `https://preview-${pr.number}.example.com`

/** The sandbox for a project with the official README's application. */
const project: PartialScenario = {
  applications: [
    { shortId: 'app_ONdgMD', name: 'Shop', kind: 'web' },
    { shortId: 'app_web', name: 'Web shop', kind: 'web' }
  ],
  commits: { [pr.pull_request.head.sha]: HEAD_MESSAGE }
}

const qatechRequests = () => sandbox.requests.filter(request => request.path.startsWith('/v1/'))
const reviewBodies = () =>
  sandbox.requests.filter(request => request.path === '/v1/chat/change-review').map(request => request.body)
const polls = () => sandbox.requests.filter(request => request.method === 'GET' && request.path.startsWith('/v1/chat/'))
const commandLines = (stdout: string, command: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${command}`))
/** Every line the runner would read as a workflow command. */
const allCommands = (stdout: string) => stdout.split('\n').filter(line => /^\s*::/.test(line))

async function review(
  inputs: Record<string, string>,
  options: {
    scenario?: PartialScenario
    eventName?: string
    payload?: object
    cancelWhen?: (stdout: string) => boolean
  } = {}
): Promise<InProcessResult> {
  sandbox.reset({ ...project, ...options.scenario })
  const result = await runInProcess({
    clock,
    action: changeReviewAction,
    actionFolder: 'change-review',
    eventName: options.eventName ?? 'pull_request',
    payload: options.payload ?? pullRequest(),
    // The example URLs do not exist here: the preflight would wait for them. Its own tests set it.
    inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, preflight: 'off', ...inputs },
    env: { GITHUB_API_URL: sandbox.url },
    cancelWhen: options.cancelWhen
  })
  results.push(result)
  return result
}

const config = (applications: Record<string, object>) => JSON.stringify({ applications })
const previewConfig = config({ app_ONdgMD: { environment: { url: PREVIEW } } })

/** What the official action sends on this pull request, before the fields only we add. */
const officialGitFields = {
  actor: 'Codertocat',
  branch: pr.pull_request.head.ref,
  commitHash: pr.pull_request.head.sha,
  repository: 'Codertocat/Hello-World'
}

/**
 * The change-review examples of the newest README of QAdottech/run-action, verbatim except for
 * the placeholder ids ('your-project-short-id' → proj_sandbox, 'short-id-N' → app_…) and the
 * outputs of an earlier step (`steps.preview.outputs.config`), which these tests give.
 */
const officialExamples = {
  quickStart: `
- uses: QAdottech/run-action/change-review@v2
  with:
    project_short_id: 'your-project-short-id'
    api_token: \${{ secrets.QATECH_API_TOKEN }}
    applications_config: |
      {
        "applications": {
          "app_ONdgMD": {
            "environment": {
              "url": "https://preview-\${{ github.event.number }}.example.com"
            }
          }
        }
      }
    blocking: true
`,
  steer: `
- uses: QAdottech/run-action/change-review@v2
  with:
    project_short_id: 'your-project-short-id'
    api_token: \${{ secrets.QATECH_API_TOKEN }}
    applications_config: \${{ steps.preview.outputs.config }}
    context: |
      This PR reworks checkout. Focus on the discount-code path and
      the guest checkout flow. Ignore the legacy /v1/cart pages.
    blocking: true
`,
  postVerdict: `
- uses: QAdottech/run-action/change-review@v2
  id: review
  continue-on-error: true
  with:
    project_short_id: 'your-project-short-id'
    api_token: \${{ secrets.QATECH_API_TOKEN }}
    applications_config: \${{ steps.preview.outputs.config }}
    blocking: true
`
}

/** The README's multi-application `applications_config`, with valid ids. */
const officialMultiApplicationConfig = `{
  "applications": {
    "short-id-1": {
      "environment": {
        "url": "https://preview-\${{ github.event.number }}-hackoffice.vercel.app",
        "name": "PR-\${{ github.event.number }}"
      }
    },
    "short-id-2": {
      "environment": {
        "url": "https://preview-\${{ github.event.number }}-saas.vercel.app",
        "name": "PR-\${{ github.event.number }}"
      }
    }
  }
}`

function validIds(text: string): string {
  return text
    .replaceAll("'your-project-short-id'", "'proj_sandbox'")
    .replaceAll('short-id-1', 'app_web')
    .replaceAll('short-id-2', 'app_ONdgMD')
}

/** An example's `with:` as the runner passes it: expressions evaluated, placeholders made valid. */
function exampleInputs(yaml: string, previewConfigOutput: string): Record<string, string> {
  const text = validIds(yaml)
  const [step] = parse(text) as { with: Record<string, unknown> }[]
  return Object.fromEntries(
    Object.entries(step?.with ?? {}).map(([name, value]) => [
      name,
      String(value)
        .replace('${{ secrets.QATECH_API_TOKEN }}', SANDBOX_TOKEN)
        .replace('${{ steps.preview.outputs.config }}', previewConfigOutput)
        .replaceAll('${{ github.event.number }}', String(pr.number))
    ])
  )
}

describe('change review: a drop-in for QAdottech/run-action/change-review', () => {
  it("the official README's quick start starts exactly what the official action would, plus the commit's title", async () => {
    const inputs = exampleInputs(officialExamples.quickStart, '')
    const result = await review({ ...inputs, api_url: sandbox.url }, { scenario: { keyScope: 'organization' } })
    expect(result.code).toBe(0)
    expect(reviewBodies()).toEqual([
      {
        mode: 'pr',
        projectShortId: 'proj_sandbox',
        prUrl: pr.pull_request.html_url,
        vcsProviderId: 'github',
        applicationOverrides: [{ applicationShortId: 'app_ONdgMD', environment: { url: PREVIEW } }],
        ...officialGitFields,
        // Its first line, as the official action sends a push's head commit message.
        commitMessage: 'Add a discount-code field to checkout'
      }
    ])
    expect(result.outputs).toMatchObject({
      chat_created: 'true',
      chat_short_id: 'chat_sbx001',
      chat_url: `${sandbox.url}/p/sandbox-project/chat/chat_sbx001`,
      chat_status: 'COMPLETED',
      chat_response: SANDBOX_REVIEW,
      results_file: expect.stringMatching(/qatech-change-review-chat_sbx001\.json$/),
      preflight_status: 'off'
    })
    expect(result.stdout).toContain(
      `Started QA.tech change review chat_sbx001 of ${pr.pull_request.html_url}: ${sandbox.url}/p/sandbox-project/chat/chat_sbx001`
    )
    expect(commandLines(result.stdout, 'error')).toEqual([])
  })

  it("the README's context and multi-application examples send the context and every application", async () => {
    const steer = await review(exampleInputs(officialExamples.steer, validIds(officialMultiApplicationConfig)))
    expect(steer.code).toBe(0)
    expect(reviewBodies()).toEqual([
      expect.objectContaining({
        applicationOverrides: [
          {
            applicationShortId: 'app_web',
            environment: { url: `https://preview-${pr.number}-hackoffice.vercel.app`, name: `PR-${pr.number}` }
          },
          {
            applicationShortId: 'app_ONdgMD',
            environment: { url: `https://preview-${pr.number}-saas.vercel.app`, name: `PR-${pr.number}` }
          }
        ],
        context:
          'This PR reworks checkout. Focus on the discount-code path and\nthe guest checkout flow. Ignore the legacy /v1/cart pages.'
      })
    ])
  })

  it("chat_response holds the review for the README's post-the-verdict example", async () => {
    const result = await review(exampleInputs(officialExamples.postVerdict, previewConfig))
    expect(result.code).toBe(0)
    expect(result.outputs.chat_response).toBe(SANDBOX_REVIEW)
  })

  it("QA.tech's own mobile demo: an uploaded build and an existing environment, not blocking", async () => {
    // The step of QAdottech/demo-acme-crm-mobileapp's change-review workflow, with its earlier step's outputs.
    const built = JSON.stringify({
      applications: {
        app_ONdgMD: { environment: { applicationBuildShortId: 'build_abc123' } },
        app_web: { environment: { shortId: 'env_staging' } }
      }
    })
    const result = await review({
      project_short_id: 'proj_sandbox',
      context:
        'ACME Signal CRM is a native Expo / React Native demo. Review this\nPR against the uploaded Android emulator build, not a web URL.\n',
      applications_config: `\n${built}\n`
    })
    expect(result.code).toBe(0)
    expect(reviewBodies()).toEqual([
      expect.objectContaining({
        applicationOverrides: [
          { applicationShortId: 'app_ONdgMD', environment: { applicationBuildShortId: 'build_abc123' } },
          { applicationShortId: 'app_web', environment: { shortId: 'env_staging' } }
        ],
        context:
          'ACME Signal CRM is a native Expo / React Native demo. Review this\nPR against the uploaded Android emulator build, not a web URL.'
      })
    ])
    expect(result.outputs).toMatchObject({ chat_created: 'true', chat_short_id: 'chat_sbx001' })
    expect(result.outputs).not.toHaveProperty('chat_status')
  })

  it('project_short_id reaches QA.tech in every call that takes it', async () => {
    const result = await review(
      { project_short_id: 'proj_sandbox', environment_url: PREVIEW, blocking: 'true' },
      { scenario: { keyScope: 'organization', applications: [{ shortId: 'app_web', name: 'Web', kind: 'web' }] } }
    )
    expect(result.code).toBe(0)
    const calls = qatechRequests()
    expect(calls.map(request => `${request.method} ${request.path}`)).toEqual([
      'GET /v1/applications',
      'POST /v1/chat/change-review',
      ...polls().map(() => 'GET /v1/chat/chat_sbx001')
    ])
    for (const request of calls) {
      const named =
        request.method === 'GET'
          ? request.query.projectShortId
          : (request.body as { projectShortId?: string }).projectShortId
      expect(`${request.method} ${request.path} ${named}`).toBe(`${request.method} ${request.path} proj_sandbox`)
    }
    expect(reviewBodies()[0]).toMatchObject({
      applicationOverrides: [{ applicationShortId: 'app_web', environment: { url: PREVIEW } }]
    })
    expect(result.stdout).toContain("Testing the project's only application, Web (app_web).")
  })

  it('without project_short_id (a project API key) sends none, as the official v3 does', async () => {
    const result = await review({ applications_config: previewConfig, blocking: 'true' })
    expect(result.code).toBe(0)
    expect(reviewBodies()[0]).not.toHaveProperty('projectShortId')
    expect(polls().every(request => !('projectShortId' in request.query))).toBe(true)
  })
})

describe('change review: waiting (blocking)', () => {
  const wait = (scenario: PartialScenario, inputs: Record<string, string> = {}, cancelWhen?: (s: string) => boolean) =>
    review({ applications_config: previewConfig, blocking: 'true', ...inputs }, { scenario, cancelWhen })

  it('COMPLETED passes: outputs, results file, the review in the log, made inert', async () => {
    const text = '## Verdict\n::error::not from the runner\n- ✅ Checkout works'
    const result = await wait({
      chat: {
        replies: [null, { status: 'INITIATED' }, { status: 'PARTIAL', text: 'Reading' }, { status: 'COMPLETED', text }]
      }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ chat_status: 'COMPLETED', chat_response: text })
    expect(polls().every(request => request.query.limit !== undefined)).toBe(true)
    expect(result.stdout).toMatch(/Waiting for QA.tech change review chat_sbx001: PARTIAL after \d+ s\./)
    expect(result.stdout).toContain('QA.tech change review chat_sbx001 is COMPLETED after')
    expect(result.stdout).toContain(
      '::group::Review by QA.tech\n## Verdict\n: :error: :not from the runner\n- ✅ Checkout works\n::endgroup::'
    )
    expect(allCommands(result.stdout).filter(line => !/^::(group|endgroup|debug|add-mask)::/.test(line))).toEqual([])
    const file = JSON.parse(readFileSync(result.outputs.results_file ?? '', 'utf8'))
    expect(file.run.messages[0]).toMatchObject({ role: 'assistant', status: 'COMPLETED', text })
    expect(file.started).toMatchObject({ shortId: 'chat_sbx001', source: 'api' })
    expect(file.gitContext).toMatchObject({ branch: 'changes', commitMessage: HEAD_MESSAGE })
    expect(file.outcome).toMatchObject({ status: 'COMPLETED', succeeded: true })
    // The review itself, in the job summary under the action's own heading.
    expect(result.summary).toContain('### Review by QA.tech')
    expect(result.summary).toContain('- ✅ Checkout works')
    expect(result.summary).not.toContain('The test cases')
  })

  it('a hostile review cannot inject markup into the summary', async () => {
    const text = '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```\nunclosed fence'
    const result = await wait({ chat: { replies: [{ status: 'COMPLETED', text }] } })
    expect(result.code).toBe(0)
    expect(result.summary).not.toMatch(/<script|<img/i)
    expect(result.summary).toContain('### Review by QA.tech')
  })

  it.each([
    [
      'FAILED',
      /^::error::QA.tech change review chat_sbx001 failed \(status FAILED\): QA.tech's agent could not finish the review\. See http/
    ],
    ['CANCELLED', /^::error::QA.tech change review chat_sbx001 was cancelled in QA.tech\. See http/]
  ])('%s fails the step with one line, and sets chat_status and chat_response', async (status, line) => {
    const result = await wait({
      chat: {
        replies: [
          { status: 'PARTIAL', text: 'So far' },
          { status, text: 'Stopped' }
        ]
      }
    })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(line)])
    expect(result.outputs).toMatchObject({ chat_created: 'true', chat_status: status, chat_response: 'Stopped' })
  })

  it('the newest assistant reply decides: an older FAILED one in the conversation does not end the wait', async () => {
    const older = {
      id: 'msg_old',
      role: 'assistant' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      text: 'Could not open the preview',
      status: 'FAILED',
      isStreaming: false
    }
    const result = await wait({
      chat: {
        earlierMessages: [older],
        replies: [
          { status: 'INITIATED' },
          { status: 'PARTIAL', text: 'Half' },
          { status: 'COMPLETED', text: 'All good' }
        ]
      }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ chat_status: 'COMPLETED', chat_response: 'All good' })
  })

  it('the deadline gives TIMED_OUT: fails, says the review goes on, keeps what was written so far', async () => {
    const result = await wait(
      { chat: { replies: [{ status: 'PARTIAL', text: 'Still checking the coupon flow' }], replyEveryMs: null } },
      { timeout_minutes: '3' }
    )
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::Timed out: QA.tech change review chat_sbx001 did not finish within timeout_minutes \(3\); waited 3m 00s\. The QA.tech change review goes on \(QA.tech has no way to cancel it from here\):/
      )
    ])
    expect(result.outputs).toMatchObject({ chat_status: 'TIMED_OUT', chat_response: 'Still checking the coupon flow' })
    expect(result.summary).toMatch(/^## ⏱️ QA.tech: timed out waiting for the change review/)
  })

  it('a workflow cancel stops at once, reports, and leaves chat_status at what the review was', async () => {
    const result = await wait({ chat: { replies: [{ status: 'PARTIAL', text: 'Half way' }] } }, {}, stdout =>
      stdout.includes('Waiting for QA.tech change review chat_sbx001: PARTIAL')
    )
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::The workflow was cancelled while waiting \d+ s for QA.tech change review chat_sbx001\. The QA.tech change review goes on:/
      )
    ])
    expect(result.outputs).toMatchObject({ chat_status: 'PARTIAL', chat_response: 'Half way' })
    expect(result.summary).toMatch(/^## 🛑 QA.tech: the workflow was cancelled while waiting/)
  })

  it('a status word this action does not know: one warning, and the wait goes on', async () => {
    const result = await wait({
      chat: { replies: [{ status: 'THINKING' }, { status: 'THINKING' }, { status: 'COMPLETED', text: 'Done' }] }
    })
    expect(result.code).toBe(0)
    expect(commandLines(result.stdout, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::QA.tech reports the status "THINKING", which this action does not know; waiting on\./
      )
    ])
  })

  it('rides out transient failures of the polls, warning once', async () => {
    const result = await wait({
      faults: [
        { method: 'GET', path: '/v1/chat/', status: 503, times: 2 },
        { method: 'GET', path: '/v1/chat/', reset: true }
      ],
      chat: { replies: [{ status: 'PARTIAL' }, { status: 'COMPLETED', text: 'Done' }] }
    })
    expect(result.code).toBe(0)
    expect(commandLines(result.stdout, 'warning')).toHaveLength(1)
    expect(result.stdout).toContain('QA.tech answers again, after 3 failed attempts.')
    expect(reviewBodies()).toHaveLength(1)
  })

  it('a 404 while polling fails at once with what to check', async () => {
    const result = await wait({
      faults: [{ method: 'GET', path: '/v1/chat/', status: 404, body: { message: 'Not found' } }]
    })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(/^::error::QA.tech could not find change review chat_sbx001 \(HTTP 404: Not found\)/)
    ])
    expect(result.summary).toMatch(/^## ⚠️ QA.tech: the step stopped waiting for the change review/)
  })

  it('the summary names the pull request, links the review and says how it ended', async () => {
    const result = await wait({})
    expect(result.summary).toMatch(/^## ✅ QA.tech: the change review is complete\n/)
    const lines = result.summary.split('\n')
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\*\*Pull request:\*\* Codertocat\/Hello\\?-World\\#2 · \[Open change review chat\\_sbx001 in QA.tech\]\(http:\/\/127\.0\.0\.1:\d+\/p\/sandbox-project\/chat\/chat_sbx001\)/
      )
    )
    expect(lines).toContainEqual(expect.stringContaining(`**Tested on:** [${PREVIEW}](${PREVIEW}/)`))
  })
})

describe('change review: not blocking', () => {
  it('passes once the review has started: outputs of the start, no wait', async () => {
    const result = await review({ applications_config: previewConfig })
    expect(result.code).toBe(0)
    expect(result.outputs).toEqual({
      chat_created: 'true',
      chat_short_id: 'chat_sbx001',
      chat_url: `${sandbox.url}/p/sandbox-project/chat/chat_sbx001`,
      preflight_status: 'off',
      preflight_seconds: ''
    })
    expect(polls()).toEqual([])
    expect(result.summary).toMatch(/^## ▶️ QA.tech change review started/)
  })
})

describe('change review: never two reviews', () => {
  it.each([
    [
      'a server error',
      { status: 500 },
      /QA.tech had a server error \(HTTP 500: Injected fault 500\)\. The review may have started anyway: look in QA.tech before re-running the job\./
    ],
    [
      'a dropped connection',
      { reset: true },
      /^::error::The connection to QA.tech broke during POST \/v1\/chat\/change-review .*The review may have started anyway/
    ]
  ])('the start is not retried after %s, and the step says to look in QA.tech', async (_, fault, line) => {
    const result = await review(
      { applications_config: previewConfig, blocking: 'true' },
      { scenario: { faults: [{ method: 'POST', path: '/v1/chat/change-review', ...fault }] } }
    )
    expect(result.code).toBe(1)
    expect(reviewBodies()).toHaveLength(1)
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(line)])
    expect(result.outputs.chat_created).toBeUndefined()
  })

  it('a 503 with Retry-After ("not now": nothing started) is asked again after it, once', async () => {
    const result = await review(
      { applications_config: previewConfig },
      { scenario: { faults: [{ method: 'POST', path: '/v1/chat/change-review', status: 503, retryAfter: 5 }] } }
    )
    expect(result.code).toBe(0)
    expect(reviewBodies()).toHaveLength(2)
    expect(result.outputs.chat_short_id).toBe('chat_sbx001')
  })

  it('a 401 says where the key comes from and that an organization key needs project_short_id', async () => {
    const result = await review({ applications_config: previewConfig, api_token: 'wrong' })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::QA.tech did not accept the API key \(HTTP 401: Invalid or missing API key\)\. Check the api_token secret: a QA.tech API key from Organization Settings → API Keys .* An organization API key also needs project_short_id/
      )
    ])
  })
})

describe('change review: Vercel deployment_status', () => {
  const VERCEL_URL = 'https://shop-git-changes-codertocat.vercel.app'
  const BYPASS = 'vercel-bypass-Secret-123'
  const deploymentStatus = (state = 'success') => {
    const payload = examplePayload(
      'deployment_status',
      p => (p.deployment_status as { state: string }).state === 'success'
    )
    const status = payload.deployment_status as Record<string, unknown>
    status.state = state
    status.environment_url = VERCEL_URL
    ;(payload.deployment as Record<string, unknown>).environment = 'Preview'
    return payload
  }
  const sha = (deploymentStatus().deployment as { sha: string }).sha
  const openPull = {
    number: 7,
    state: 'open',
    title: 'Discount codes',
    html_url: 'https://github.com/Codertocat/Hello-World/pull/7',
    head: { ref: 'changes', sha },
    base: { ref: 'master' }
  }

  it('reviews the pull request of the deployment’s commit on its URL, with the bypass secret kept out of sight', async () => {
    const quoted = `Opened ${VERCEL_URL}/?x-vercel-protection-bypass=${BYPASS}&x-vercel-set-bypass-cookie=true`
    const result = await review(
      { application_short_id: 'app_web', vercel_bypass_secret: BYPASS, blocking: 'true' },
      {
        eventName: 'deployment_status',
        payload: deploymentStatus(),
        scenario: {
          github: { pulls: [openPull] },
          commits: { [sha]: 'Discount codes' },
          chat: { replies: [{ status: 'COMPLETED', text: quoted }] }
        }
      }
    )
    expect(result.code).toBe(0)
    expect(reviewBodies()).toEqual([
      expect.objectContaining({
        prUrl: 'https://github.com/Codertocat/Hello-World/pull/7',
        applicationOverrides: [
          {
            applicationShortId: 'app_web',
            environment: {
              url: `${VERCEL_URL}/?x-vercel-protection-bypass=${BYPASS}&x-vercel-set-bypass-cookie=true`,
              name: 'Preview'
            }
          }
        ],
        branch: 'master',
        commitHash: sha,
        commitMessage: 'Discount codes'
      })
    ])
    expect(result.stdout).toContain('Reviewing pull request #7 (Discount codes), the one of commit f95f852.')
    expect(result.stdout.replace(`::add-mask::${BYPASS}\n`, '')).not.toContain(BYPASS)
    expect(result.summary).not.toContain(BYPASS)
    expect(result.outputs.chat_response).toBe(
      `Opened ${VERCEL_URL}/?x-vercel-protection-bypass=***&x-vercel-set-bypass-cookie=true`
    )
    expect(readFileSync(result.outputs.results_file ?? '', 'utf8')).not.toContain(BYPASS)
  })

  it('a GitHub API that refuses the look-up: one line with the permissions to add, no QA.tech request', async () => {
    const result = await review(
      { application_short_id: 'app_web' },
      {
        eventName: 'deployment_status',
        payload: deploymentStatus(),
        scenario: {
          faults: [
            { path: `/commits/${sha}/pulls`, status: 403, body: { message: 'Resource not accessible by integration' } }
          ]
        }
      }
    )
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      expect.stringMatching(
        /^::error::Could not look up the pull request of commit f95f852 in the GitHub API \(HTTP 403: .*Resource not accessible by integration.*\)\. Give the job `permissions: \{ contents: read, pull-requests: read \}`, or set pr_url\.$/
      )
    ])
    expect(qatechRequests()).toEqual([])
  })

  it('no open pull request for the commit: one line, no QA.tech request', async () => {
    const result = await review(
      { application_short_id: 'app_web' },
      { eventName: 'deployment_status', payload: deploymentStatus(), scenario: { github: { pulls: [] } } }
    )
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([
      '::error::No open pull request has commit f95f852 (deployment_status event), so there is nothing to review: set pr_url, or run the review on pull_request events.'
    ])
    expect(qatechRequests()).toEqual([])
  })

  it('a deployment that has not succeeded starts nothing', async () => {
    const result = await review(
      { application_short_id: 'app_web' },
      { eventName: 'deployment_status', payload: deploymentStatus('in_progress') }
    )
    expect(result.code).toBe(0)
    expect(result.outputs).toEqual({ chat_created: 'false' })
    expect(qatechRequests()).toEqual([])
    expect(commandLines(result.stdout, 'notice')).toEqual([
      expect.stringMatching(
        /^::notice::The deployment's state is "in_progress", not "success".* No QA.tech change review was started\.$/
      )
    ])
  })
})

describe('change review: preflight', () => {
  const site = (name: string) => `${sandbox.url}/preview/${name}/`

  it('waits for the preview to answer, then starts the review', async () => {
    const result = await review(
      { environment_url: site('pr-2'), application_short_id: 'app_web', preflight: 'wait' },
      { scenario: { preview: { sites: { 'pr-2': { readyAfterMs: 30_000, before: 503 } } } } }
    )
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ preflight_status: 'ready', chat_created: 'true' })
    const firstCheck = sandbox.requests.findIndex(request => request.path.startsWith('/preview/pr-2/'))
    const start = sandbox.requests.findIndex(request => request.path === '/v1/chat/change-review')
    expect(firstCheck).toBeGreaterThanOrEqual(0)
    expect(start).toBeGreaterThan(firstCheck)
  })

  it('a preview behind Vercel Deployment Protection stops the step before any review', async () => {
    const result = await review(
      { environment_url: site('locked'), application_short_id: 'app_web', preflight: 'wait' },
      { scenario: { preview: { sites: { locked: { vercel: { secret: 'not-given' } } } } } }
    )
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ preflight_status: 'protected' })
    expect(reviewBodies()).toEqual([])
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(/Vercel/)])
  })
})

describe('change review: bad input', () => {
  it.each<[string, Record<string, string>, RegExp, string]>([
    [
      'an empty api_token',
      { api_token: '', applications_config: previewConfig },
      /^::error::api_token is empty: pass your QA.tech API key/,
      'pull_request'
    ],
    [
      'no application to review on',
      {},
      /^::error::applications_config is empty: a change review needs the deployment of the pull request to test\./,
      'pull_request'
    ],
    [
      'an application without an environment',
      { applications_config: config({ app_ONdgMD: { devicePresetShortId: 'preset_desktop' } }) },
      /^::error::app_ONdgMD has no environment: a change review tests the pull request on a deployment/,
      'pull_request'
    ],
    [
      'a project_short_id that is none',
      { project_short_id: 'sandbox', applications_config: previewConfig },
      /^::error::project_short_id "sandbox" is not a proj_… short ID/,
      'pull_request'
    ],
    [
      'a pr_url that is no pull request',
      { pr_url: 'https://github.com/Codertocat/Hello-World/issues/2', applications_config: previewConfig },
      /^::error::pr_url "https:\/\/github.com\/Codertocat\/Hello-World\/issues\/2" is not a GitHub pull request URL/,
      'pull_request'
    ],
    [
      'applications_config that is not JSON or YAML',
      { applications_config: '{"applications": ' },
      /^::error::applications_config is not valid JSON/,
      'pull_request'
    ],
    [
      'a workflow_dispatch without pr_url or github_token',
      { applications_config: previewConfig, github_token: '' },
      /^::error::pr_url is empty and the workflow_dispatch event names no pull request; finding the one of commit 0123456 needs github_token/,
      'workflow_dispatch'
    ]
  ])('%s: one line, exit 1, no request to QA.tech, no stack trace', async (_, inputs, line, eventName) => {
    const payload = eventName === 'pull_request' ? pullRequest() : { repository: { full_name: 'octo-org/octo-repo' } }
    const result = await review(inputs, { eventName, payload })
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(line)])
    expect(qatechRequests()).toEqual([])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it.each([
    [
      'environment_url with environment_short_id',
      { environment_url: PREVIEW, environment_short_id: 'env_staging', application_short_id: 'app_web' },
      /^::error::environment_url and environment_short_id exclude each other/
    ],
    [
      'the short form without an application, next to two configured ones',
      {
        environment_url: PREVIEW,
        applications_config: config({
          app_web: { environment: { shortId: 'env_staging' } },
          app_ONdgMD: { environment: { url: PREVIEW } }
        })
      },
      /^::error::The shorthand inputs do not say which application they are for: applications_config lists 2\. Set application_short_id too\.$/
    ]
  ])('%s: one line, no request', async (_, inputs, line) => {
    const result = await review(inputs)
    expect(result.code).toBe(1)
    expect(commandLines(result.stdout, 'error')).toEqual([expect.stringMatching(line)])
    expect(qatechRequests()).toEqual([])
  })

  it('a comment on a pull request (issue_comment) reviews that pull request', async () => {
    const payload = {
      action: 'created',
      issue: { number: 2, pull_request: { html_url: 'https://github.com/Codertocat/Hello-World/pull/2' } },
      comment: { body: 'please review' },
      repository: { full_name: 'Codertocat/Hello-World' },
      sender: { login: 'Codertocat' }
    }
    const result = await review({ applications_config: previewConfig }, { eventName: 'issue_comment', payload })
    expect(result.code).toBe(0)
    expect(reviewBodies()[0]).toMatchObject({ prUrl: 'https://github.com/Codertocat/Hello-World/pull/2' })
  })

  it('a pr_url overrides the event’s pull request', async () => {
    const result = await review({
      pr_url: 'https://github.com/Codertocat/Hello-World/pull/9',
      applications_config: previewConfig
    })
    expect(result.code).toBe(0)
    expect(reviewBodies()[0]).toMatchObject({ prUrl: 'https://github.com/Codertocat/Hello-World/pull/9' })
  })
})
