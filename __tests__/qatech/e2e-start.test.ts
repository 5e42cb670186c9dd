/**
 * End-to-end through `run()`: the action as the runner runs it (INPUT_*, GITHUB_EVENT_PATH,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against the sandbox, with real webhook payloads — the
 * exact request QA.tech receives for every event. bundle-smoke.test.ts runs the built bundle.
 */
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import { tmpdir } from 'node:os'
import { examplePayload } from '../fixtures/payloads.js'
import { exampleInputs, officialRootExamples } from '../fixtures/official-readme.js'
import { runInProcess, type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()
beforeEach(() => sandbox.reset())

const qatechRequests = () => sandbox.requests.filter(request => request.path.startsWith('/v1/'))
const startBodies = () => sandbox.requests.filter(request => request.path === '/v1/run').map(request => request.body)

/** Lines the runner would read as workflow commands. */
const commandLines = (stdout: string) => stdout.split('\n').filter(line => line.trim().startsWith('::'))

describe('starting runs, in process', () => {
  async function act(
    eventName: string,
    payload: object,
    inputs: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<InProcessResult> {
    const result = await runInProcess({
      clock,
      eventName,
      payload,
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, ...inputs },
      env: { GITHUB_API_URL: sandbox.url, ...env }
    })
    results.push(result)
    return result
  }

  it('push: starts a run with the pushed branch, commit and message, and sets the outputs', async () => {
    const payload = examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
    const result = await act('push', payload, { test_plan_short_id: 'pln_sandbox' })
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: 'Codertocat',
        branch: 'master',
        commitHash: (payload as { after: string }).after,
        commitMessage: 'Initial commit',
        repository: 'Codertocat/Hello-World',
        testPlanShortId: 'pln_sandbox'
      }
    ])
    expect(result.outputs).toEqual({
      run_created: 'true',
      run_id: '00000000-0000-4000-8000-000000000001',
      run_short_id: 'r001sbx',
      run_url: `${sandbox.url}/p/sandbox-project/results/r001sbx`,
      test_count: '3',
      test_plan_short_id: 'pln_sandbox',
      test_plan_name: 'Checkout flow',
      preflight_status: 'skipped',
      preflight_seconds: ''
    })
    expect(result.stdout).toContain(
      `Started QA.tech run r001sbx of test plan "Checkout flow" with 3 test cases: ${sandbox.url}/p/`
    )
    expect(result.stdout).toContain('::group::Git context')
  })

  it('pull_request: the head branch and SHA, and the message read from the GitHub API', async () => {
    const payload = examplePayload('pull_request')
    sandbox.setScenario({ commits: { ec26c3e57ca3a959ca5aad62de7213c562f8c821: 'Update the README\n\nwith details' } })
    const result = await act('pull_request', payload)
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: 'Codertocat',
        branch: 'changes',
        commitHash: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        commitMessage: 'Update the README\n\nwith details',
        repository: 'Codertocat/Hello-World'
      }
    ])
    const lookup = sandbox.requests.find(request => request.path.startsWith('/repos/'))
    expect(lookup).toMatchObject({
      path: '/repos/Codertocat/Hello-World/commits/ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headers: { authorization: 'token ghs_sandboxGithubToken' }
    })
  })

  it('pull_request: when the GitHub API cannot give the message, warns once and starts the run without it', async () => {
    const result = await act('pull_request', examplePayload('pull_request'))
    expect(result.code).toBe(0)
    expect(startBodies()).toHaveLength(1)
    expect(startBodies()[0]).not.toHaveProperty('commitMessage')
    const warnings = commandLines(result.stdout).filter(line => line.startsWith('::warning'))
    expect(warnings).toEqual([
      expect.stringMatching(
        /^::warning::Could not read the commit message from the GitHub API \(the GitHub API answered 404\)/
      )
    ])
  })

  it('deployment_status success: tests the deployed URL on the only application, behind the Vercel bypass', async () => {
    const payload = examplePayload(
      'deployment_status',
      p => (p.deployment_status as { state: string }).state === 'success'
    )
    const status = payload.deployment_status as Record<string, unknown>
    status.environment_url = 'https://shop-git-feature-octo.vercel.app'
    ;(payload.deployment as Record<string, unknown>).environment = 'Preview'
    const secret = 'byp4ss-S3cret/Value'
    const result = await act('deployment_status', payload, { vercel_bypass_secret: secret, preflight: 'off' })
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: 'Codertocat',
        branch: 'master',
        commitHash: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        repository: 'Codertocat/Hello-World',
        applications: [
          {
            applicationShortId: 'app_web',
            environment: {
              url: 'https://shop-git-feature-octo.vercel.app/?x-vercel-protection-bypass=byp4ss-S3cret%2FValue&x-vercel-set-bypass-cookie=true',
              name: 'Preview'
            }
          }
        ]
      }
    ])
    expect(result.stdout).toContain("Testing the project's only application, Web shop (app_web).")
    // The secret, raw or encoded, appears only in the commands that mask it.
    const leaks = result.stdout
      .split('\n')
      .filter(line => /byp4ss-S3cret/.test(line) && !line.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
    expect(JSON.stringify(result.outputs) + result.summary + result.stderr).not.toMatch(/byp4ss-S3cret/)
  })

  it('deployment_status not yet successful: starts nothing and says why', async () => {
    const payload = examplePayload(
      'deployment_status',
      p => (p.deployment_status as { state: string }).state === 'in_progress'
    )
    const result = await act('deployment_status', payload)
    expect(result.code).toBe(0)
    expect(qatechRequests()).toEqual([])
    expect(result.outputs).toEqual({ run_created: 'false' })
    expect(commandLines(result.stdout)).toContain(
      '::notice::The deployment\'s state is "in_progress", not "success": QA.tech tests a deployment once it has succeeded. No QA.tech run was started.'
    )
  })

  it('merge_group: the queue base branch, head SHA and message', async () => {
    const payload = examplePayload('merge_group')
    const result = await act('merge_group', payload)
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: (payload.sender as { login: string }).login,
        branch: 'main',
        commitHash: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
        commitMessage: 'Merge pull request #2048 from octo-repo/update-readme\n\nUpdate README.md',
        repository: (payload.repository as { full_name: string }).full_name
      }
    ])
  })

  it('workflow_run: the triggering run head branch, SHA and message', async () => {
    const payload = examplePayload('workflow_run')
    const result = await act('workflow_run', payload)
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: (payload.sender as { login: string }).login,
        branch: 'main',
        commitHash: '5779607b49aab1200488439f02372c57b4f75444',
        commitMessage: 'Update milestone-created.yml',
        repository: (payload.repository as { full_name: string }).full_name
      }
    ])
  })

  it.each(['workflow_dispatch', 'release'])('%s: GITHUB_REF_NAME and GITHUB_SHA, message from the API', async event => {
    const sha = '0123456789abcdef0123456789abcdef01234567'
    const payload = examplePayload(event)
    sandbox.setScenario({ commits: { [sha]: 'Release 1.2' } })
    const result = await act(event, payload, {}, { GITHUB_REF_NAME: 'v1.2.0', GITHUB_SHA: sha })
    expect(result.code).toBe(0)
    expect(startBodies()).toEqual([
      {
        trigger: 'GITHUB',
        actor: (payload.sender as { login: string }).login,
        branch: 'v1.2.0',
        commitHash: sha,
        commitMessage: 'Release 1.2',
        repository: (payload.repository as { full_name: string }).full_name
      }
    ])
  })

  it('bad input: one line per problem, exit code 1, no stack trace, no request', async () => {
    const result = await act('push', examplePayload('push'), {
      test_plan_short_id: 'smoke',
      applications_config: '{"applications": ',
      timeout_minutes: 'soon'
    })
    expect(result.code).toBe(1)
    expect(sandbox.requests).toEqual([])
    const errors = commandLines(result.stdout).filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]?.replace('::error::', '').split('%0A')).toEqual([
      'test_plan_short_id "smoke" is not a pln_… short ID: copy it from QA.tech (e.g. pln_abc123).',
      expect.stringMatching(
        /^applications_config is not valid JSON \(line 1, column \d+: .+\)\. Fix the JSON or write it as YAML\.$/
      ),
      'timeout_minutes must be a number of minutes greater than 0 and at most 7200, not "soon".'
    ])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it('a hostile commit message cannot issue workflow commands', async () => {
    const payload = examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
    const message = '::error::x\n::add-mask::y\n::stop-commands::z\n##[error]w'
    ;(payload.head_commit as { message: string }).message = message
    const result = await act('push', payload)
    expect(result.code).toBe(0)
    expect(startBodies()[0]).toMatchObject({ commitMessage: message })
    const ours = /^::(add-mask::qatech-sandbox-token|group::(Git context|Run request)|endgroup::)$/
    expect(commandLines(result.stdout).filter(line => !ours.test(line))).toEqual([])
    expect(result.stdout).not.toContain('##[')
  })

  it('a deleted branch: starts nothing', async () => {
    const result = await act(
      'push',
      examplePayload('push', p => p.deleted === true)
    )
    expect(result.code).toBe(0)
    expect(sandbox.requests).toEqual([])
    expect(result.outputs.run_created).toBe('false')
  })

  describe('a drop-in for the official action', () => {
    const push = () => examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)

    it.each(Object.entries(officialRootExamples))(
      "the official README's example (%s) starts what the official action would, plus our git fields",
      async (_, yaml) => {
        sandbox.reset({ keyScope: 'organization' })
        const inputs = exampleInputs(yaml, SANDBOX_TOKEN)
        // The example's preview URL does not exist here: the preflight would wait for it.
        const result = await act('push', push(), { ...inputs, preflight: 'off' })
        expect(result.code).toBe(0)
        const official: Record<string, unknown> = { trigger: 'GITHUB', projectShortId: 'proj_sandbox' }
        if (inputs.test_plan_short_id) official.testPlanShortId = inputs.test_plan_short_id
        if (inputs.applications_config) {
          official.applications = [
            {
              applicationShortId: 'app_web',
              environment: { url: 'https://preview-123-hackoffice.vercel.app', name: 'PR-123' }
            }
          ]
        }
        const [body] = startBodies()
        expect(body).toMatchObject({
          ...official,
          actor: 'Codertocat',
          branch: 'master',
          commitHash: (push() as { after: string }).after,
          commitMessage: 'Initial commit',
          repository: 'Codertocat/Hello-World'
        })
        expect(Object.keys(body as object).sort()).toEqual(
          [...Object.keys(official), 'actor', 'branch', 'commitHash', 'commitMessage', 'repository'].sort()
        )
      }
    )

    it('project_short_id reaches QA.tech in every call that takes it', async () => {
      sandbox.reset({ keyScope: 'organization' })
      const result = await act('push', push(), {
        project_short_id: 'proj_sandbox',
        environment_url: 'https://preview.example.com',
        blocking: 'true',
        preflight: 'off'
      })
      expect(result.code).toBe(0)
      const calls = qatechRequests()
      expect(calls.map(request => `${request.method} ${request.path}`)).toEqual(
        expect.arrayContaining(['GET /v1/applications', 'POST /v1/run', 'GET /v1/run/r001sbx'])
      )
      for (const request of calls) {
        const named =
          request.method === 'GET'
            ? request.query.projectShortId
            : (request.body as { projectShortId?: string }).projectShortId
        expect(`${request.method} ${request.path} ${named}`).toBe(`${request.method} ${request.path} proj_sandbox`)
      }
    })

    it('project_id of v2.0.x: one notice, nothing sent for it', async () => {
      const result = await act('push', push(), { project_id: '7f9e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b' })
      expect(result.code).toBe(0)
      expect(startBodies()[0]).not.toHaveProperty('projectShortId')
      expect(commandLines(result.stdout).filter(line => line.startsWith('::notice'))).toEqual([
        expect.stringMatching(/^::notice::project_id is the input of QA.tech's legacy API and is not sent/)
      ])
    })
  })

  describe('odd events and runners (hardening)', () => {
    const deploymentPayload = (status: Record<string, unknown>) => {
      const payload = examplePayload(
        'deployment_status',
        p => (p.deployment_status as { state: string }).state === 'success'
      )
      const deploymentStatus = payload.deployment_status as Record<string, unknown>
      delete deploymentStatus.environment_url
      Object.assign(deploymentStatus, status)
      return payload
    }
    const warnings = (stdout: string) => commandLines(stdout).filter(line => line.startsWith('::warning'))
    const deploymentWarnings = (stdout: string) => warnings(stdout).filter(line => line.includes('deployment_status'))

    it('deployment_status with only a target_url on GitHub (a Pages run): not sent as the site; a warning says what is tested', async () => {
      const payload = deploymentPayload({ target_url: 'https://github.com/Codertocat/Hello-World/actions/runs/42' })
      const result = await act('deployment_status', payload)
      expect(result.code).toBe(0)
      expect(startBodies()[0]).not.toHaveProperty('applications')
      expect(deploymentWarnings(result.stdout)).toEqual([
        expect.stringMatching(
          /^::warning::The deployment_status event has no environment_url \(its target_url, https:\/\/github.com\/.*, is a page on the GitHub server, not the site\): QA.tech tests the application's configured environment\./
        )
      ])
    })

    it('deployment_status with a target_url elsewhere: tested, and the log says so', async () => {
      const payload = deploymentPayload({ target_url: 'https://shop-git-x.vercel.app/' })
      const result = await act('deployment_status', payload, { preflight: 'off' })
      expect(result.code).toBe(0)
      expect(startBodies()[0]).toMatchObject({
        applications: [{ applicationShortId: 'app_web', environment: { url: 'https://shop-git-x.vercel.app/' } }]
      })
      expect(result.stdout).toContain('The deployment_status event has no environment_url: testing its target_url')
    })

    it('deployment_status with neither URL: a warning that the configured environment is tested', async () => {
      const result = await act('deployment_status', deploymentPayload({ target_url: '' }))
      expect(result.code).toBe(0)
      expect(deploymentWarnings(result.stdout)).toEqual([
        expect.stringMatching(/no environment_url: QA.tech tests the application's configured environment/)
      ])
    })

    it('an unreadable event payload: says so, and the commit lookup does not blame permissions', async () => {
      const result = await act('push', {}, {}, { GITHUB_EVENT_PATH: '/nonexistent/event.json' })
      expect(result.code).toBe(0)
      expect(warnings(result.stdout)).toEqual([
        expect.stringMatching(/^::warning::Could not read the event payload at GITHUB_EVENT_PATH/),
        expect.stringMatching(
          /^::warning::Could not read the commit message from the GitHub API \(the GitHub API answered 404\).*The GitHub API has no commit 0123456789ab/
        )
      ])
      expect(result.stdout).not.toContain('contents: read')
    })

    it('a 403 on the commit lookup names the permission', async () => {
      sandbox.setScenario({ faults: [{ method: 'GET', path: '/repos/', status: 403 }] })
      const result = await act('pull_request', examplePayload('pull_request'))
      expect(result.code).toBe(0)
      expect(warnings(result.stdout)).toEqual([expect.stringMatching(/answered 403.*permissions: contents: read/)])
    })

    it('a GITHUB_OUTPUT that cannot be written: one warning naming it, the run link kept, the verdict unchanged', async () => {
      const result = await act(
        'push',
        examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false),
        { blocking: 'true' },
        { GITHUB_OUTPUT: tmpdir() }
      )
      expect(result.code).toBe(0)
      // One warning a report that sets an output; each names what could not be written.
      const lines = warnings(result.stdout)
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^::warning::Could not write the preflight outputs to GITHUB_OUTPUT: (Error: )?EISDIR/),
          expect.stringMatching(/^::warning::Could not write the step outputs to GITHUB_OUTPUT: (Error: )?EISDIR/),
          expect.stringMatching(/^::warning::Could not write the results file/)
        ])
      )
      for (const line of lines) expect(line).toMatch(/^::warning::Could not write .*EISDIR/)
      expect(result.stdout).not.toContain('Unexpected error')
      expect(result.stdout).toContain(
        `Started QA.tech run r001sbx of test plan "Checkout flow" with 3 test cases: ${sandbox.url}/p/`
      )
      expect(result.summary).toContain(`[Open run r001sbx in QA.tech](${sandbox.url}/p/`)
    })
  })
})
