/**
 * Runs every row of reliability-matrix.json — the table docs/reliability.md is generated from —
 * against the built action and the sandbox, on the machine's Node and on Node 24.
 */
import matrix from './reliability-matrix.json' with { type: 'json' }
import { cleanUp, MACHINE_NODE, NODE24, nodeVersion, runAction, type ActionResult } from '../scripts/action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox, type PartialScenario, type Sandbox } from '../sandbox/server.mjs'
import { examplePayload } from './fixtures/payloads.js'

interface Row {
  group: string
  fault: string
  event?: string
  inputs?: Record<string, string>
  scenario?: PartialScenario
  signal?: 'SIGINT'
  sees: string
  exitCode: number
  runsStarted: number
  warnings?: number
}

const rows = matrix as Row[]
const runtimes = [MACHINE_NODE, NODE24].map(node => [nodeVersion(node), node] as const)

function eventFor(name: string | undefined): [string, object] {
  switch (name) {
    case 'pull_request':
      return ['pull_request', examplePayload('pull_request')]
    case 'pull_request-fork': {
      const payload = examplePayload('pull_request')
      ;(payload.pull_request as { head: { repo: { full_name: string } } }).head.repo.full_name = 'fork/Hello-World'
      return ['pull_request', payload]
    }
    case 'deployment_status-in_progress':
      return [
        'deployment_status',
        examplePayload('deployment_status', p => (p.deployment_status as { state: string }).state === 'in_progress')
      ]
    default:
      return ['push', examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)]
  }
}

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const results: ActionResult[] = []
afterEach(() => results.splice(0).forEach(cleanUp))

describe.each(runtimes)('reliability matrix on %s', (_, node) => {
  it.each(rows.map(row => [`${row.group}: ${row.fault}`, row] as const))('%s', async (_name, row) => {
    sandbox.reset(row.scenario ?? {})
    const [eventName, payload] = eventFor(row.event)
    const result = await runAction({
      node,
      eventName,
      payload,
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, ...row.inputs },
      env: { GITHUB_API_URL: sandbox.url },
      onSpawn: row.signal
        ? (child, output) => {
            const timer = setInterval(() => {
              if (output().includes('Waiting for QA.tech run')) {
                clearInterval(timer)
                child.kill(row.signal)
              }
            }, 50)
          }
        : undefined
    })
    results.push(result)

    expect(result.stdout).toContain(row.sees)
    expect(result.code).toBe(row.exitCode)
    expect(sandbox.runs.size).toBe(row.runsStarted)
    if (row.group.startsWith('Bad input')) expect(sandbox.requests).toEqual([])
    if (row.warnings !== undefined) {
      expect(result.stdout.split('\n').filter(line => line.startsWith('::warning::'))).toHaveLength(row.warnings)
    }
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    // The API key reaches the log only in the command that masks it.
    const token = row.inputs?.api_token ?? SANDBOX_TOKEN
    if (token !== '') expect(result.stdout.replaceAll(`::add-mask::${token}`, '')).not.toContain(token)
  })
})
