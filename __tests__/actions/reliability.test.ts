/**
 * Runs every row of reliability-matrix.json — the table docs/reliability.md is generated from —
 * through `run()` in this process against the sandbox, on a virtual clock shared with it.
 * bundle-smoke.test.ts runs a few of the same rows on the built bundle.
 */
import matrix from './reliability-matrix.json' with { type: 'json' }
import { SANDBOX_TOKEN, type PartialScenario } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'
import { runInProcess, useVirtualSandbox } from '../harness/in-process.js'

export interface ReliabilityRow {
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
  /** The most requests the sandbox may receive: no retry path may turn into a storm. */
  maxRequests?: number
}

const rows = matrix as ReliabilityRow[]

export function eventFor(name: string | undefined): [string, object] {
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

const { sandbox, clock, results } = useVirtualSandbox()

describe('reliability matrix, in process', () => {
  it.each(rows.map(row => [`${row.group}: ${row.fault}`, row] as const))('%s', async (_name, row) => {
    sandbox.reset(row.scenario ?? {})
    const [eventName, payload] = eventFor(row.event)
    const result = await runInProcess({
      clock,
      eventName,
      payload,
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, ...row.inputs },
      env: { GITHUB_API_URL: sandbox.url },
      cancelWhen: row.signal ? stdout => stdout.includes('Waiting for QA.tech run') : undefined
    })
    results.push(result)

    expect(result.stdout).toContain(row.sees)
    expect(result.code).toBe(row.exitCode)
    expect(sandbox.runs.size).toBe(row.runsStarted)
    if (row.group.startsWith('Bad input')) expect(sandbox.requests).toEqual([])
    if (row.maxRequests !== undefined) expect(sandbox.requests.length).toBeLessThanOrEqual(row.maxRequests)
    if (row.warnings !== undefined) {
      expect(result.stdout.split('\n').filter(line => line.startsWith('::warning::'))).toHaveLength(row.warnings)
    }
    expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/)
    // The API key reaches the log only in the command that masks it.
    const token = row.inputs?.api_token ?? SANDBOX_TOKEN
    if (token !== '') expect(result.stdout.replaceAll(`::add-mask::${token}`, '')).not.toContain(token)
  })
})
