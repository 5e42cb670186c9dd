/**
 * The CI workflow's `action` job, run here: the sandbox started from its command line, switched
 * to a failing run over its control endpoint, and the built action run against it both times.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanUp, runAction } from '../scripts/action-runner.mjs'
import { SANDBOX_TOKEN } from '../sandbox/server.mjs'
import { examplePayload } from './fixtures/payloads.js'
import { ACTION_VERSION, USER_AGENT } from '../src/http/user-agent.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let child: ChildProcess
let url: string

beforeAll(async () => {
  child = spawn(process.execPath, [join(root, 'sandbox/server.mjs'), '--port', '0', '--duration-ms', '1000'])
  url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString())
      if (match?.[1]) resolve(match[1])
    })
    child.on('exit', code => reject(new Error(`sandbox exited with ${code}`)))
  })
})
afterAll(() => child.kill('SIGTERM'))

describe('the sandbox command line and control endpoint, as the CI workflow uses them', () => {
  it('serves a passing run, then a failing one after PUT /__sandbox/scenario', async () => {
    const inputs = { api_token: SANDBOX_TOKEN, api_url: url, blocking: 'true', timeout_minutes: '1' }
    const payload = examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
    const passing = await runAction({ eventName: 'push', payload, inputs })
    expect(passing.code).toBe(0)
    expect(passing.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'PASSED', passed_count: '3' })
    expect(JSON.parse(readFileSync(passing.outputs.results_file ?? '', 'utf8')).run.result).toBe('PASSED')
    cleanUp(passing)

    const response = await fetch(`${url}/__sandbox/scenario`, {
      method: 'PUT',
      body: JSON.stringify({
        run: {
          result: 'FAILED',
          testCases: [
            { name: 'Sign in', result: 'PASSED' },
            { name: 'Pay with a card', result: 'FAILED', resultTitle: 'The Pay button does nothing' }
          ]
        }
      })
    })
    expect(response.status).toBe(200)
    const failing = await runAction({ eventName: 'push', payload, inputs })
    expect(failing.code).toBe(1)
    expect(failing.outputs).toMatchObject({ run_result: 'FAILED', failed_count: '1' })
    cleanUp(failing)

    const recorded = (await (await fetch(`${url}/__sandbox/requests`)).json()) as {
      requests: { headers: { 'user-agent'?: string } }[]
    }
    expect(recorded.requests.every(request => request.headers['user-agent'] === USER_AGENT)).toBe(true)
  })

  it('names the version of package.json in the User-Agent', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(packageJson.version)
    expect(USER_AGENT).toBe(`qatech-run-action/${packageJson.version}`)
  })
})
