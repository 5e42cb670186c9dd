/**
 * `npm run sandbox` (sandbox/cli.mjs) as a developer and the CI workflow's `action` job use it:
 * what it says it serves, a request log with statuses, the built action run against it (switched
 * to a failing run over its control endpoint), and a clean stop — on a signal, and when the process
 * that started it goes away, however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanUp, runAction } from '../../scripts/action-runner.mjs'
import { SANDBOX_TOKEN } from '../../sandbox/server.mjs'
import { examplePayload } from '../fixtures/payloads.js'
import { ACTION_VERSION, USER_AGENT } from '../../src/http/user-agent.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(root, 'sandbox', 'cli.mjs')

interface Started {
  child: ChildProcess
  url: string
  /** The sandbox's own process id, from its start lines. */
  pid: number
  output: () => string
  /** Resolves once the output has a line matching `pattern` (the log comes after the answer). */
  line: (pattern: RegExp) => Promise<void>
  /** Resolves once the sandbox's output ends: the sandbox process has exited. */
  ended: Promise<void>
}

const started: Started[] = []
afterAll(() => {
  for (const { pid } of started) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone, as it should be
    }
  }
})

/** Spawns `command` (the CLI, or a parent that starts it) and waits for the sandbox's start lines. */
async function start(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const waiting: { pattern: RegExp; resolve: () => void }[] = []
  const settle = () => {
    for (const item of [...waiting]) {
      if (output.split('\n').some(text => item.pattern.test(text))) {
        waiting.splice(waiting.indexOf(item), 1)
        item.resolve()
      }
    }
  }
  const ended = new Promise<void>(resolve => child.stdout?.on('end', resolve))
  const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      settle()
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      const pid = /kill (\d+)/.exec(output)?.[1]
      if (url && pid) resolve({ url, pid: Number(pid) })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    void ended.then(() => reject(new Error(`the sandbox ended before it listened:\n${output}`)))
  })
  const { url, pid } = await ready
  const line = (pattern: RegExp) =>
    new Promise<void>(resolve => {
      waiting.push({ pattern, resolve })
      settle()
    })
  const handle = { child, url, pid, output: () => output, line, ended }
  started.push(handle)
  return handle
}

/** Whether anything answers at `url` (a refused connection: no). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/__sandbox/requests`)
    return true
  } catch {
    return false
  }
}

describe('npm run sandbox: what it serves and what it logs', () => {
  let sandbox: Started
  beforeAll(async () => {
    sandbox = await start(process.execPath, [CLI, '--port', '0', '--duration-ms', '1000'])
  })
  afterAll(async () => {
    sandbox.child.kill('SIGTERM')
    await sandbox.ended
  })

  it('says on start what it serves, and that GET /v1/run/{id} needs ?testCases=all for test cases', () => {
    const banner = sandbox.output()
    expect(banner).toContain(`API token: ${SANDBOX_TOKEN}`)
    for (const served of [
      'POST /v1/run',
      'GET /v1/run/{shortId}',
      'GET /v1/applications',
      'Run pages',
      'GitHub API',
      `GITHUB_API_URL: ${sandbox.url}`,
      'Preview sites',
      'PUT /__sandbox/scenario',
      'GET /__sandbox/requests'
    ]) {
      expect(banner).toContain(served)
    }
    expect(banner).toContain('?testCases=all')
    expect(banner).toContain('&issues=all')
    expect(banner).toContain(`'${sandbox.url}/v1/run/r001sbx?testCases=all&issues=all'`)
  })

  it('serves a passing run, then a failing one after PUT /__sandbox/scenario, and logs each request with its status', async () => {
    const inputs = { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true', timeout_minutes: '1' }
    const payload = examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
    const passing = await runAction({ eventName: 'push', payload, inputs, env: { GITHUB_API_URL: sandbox.url } })
    expect(passing.code).toBe(0)
    expect(passing.outputs).toMatchObject({ run_status: 'COMPLETED', run_result: 'PASSED', passed_count: '3' })
    expect(JSON.parse(readFileSync(passing.outputs.results_file ?? '', 'utf8')).run.result).toBe('PASSED')
    cleanUp(passing)

    const response = await fetch(`${sandbox.url}/__sandbox/scenario`, {
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
    const failing = await runAction({ eventName: 'push', payload, inputs, env: { GITHUB_API_URL: sandbox.url } })
    expect(failing.code).toBe(1)
    expect(failing.outputs).toMatchObject({ run_result: 'FAILED', failed_count: '1' })
    cleanUp(failing)

    const recorded = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as {
      requests: { headers: { 'user-agent'?: string } }[]
    }
    expect(recorded.requests.length).toBeGreaterThan(4)
    expect(recorded.requests.every(request => request.headers['user-agent'] === USER_AGENT)).toBe(true)

    // The run URL the sandbox handed out opens a page; a request without the token is refused.
    const page = await fetch(passing.outputs.run_url ?? '')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Run r001sbx: COMPLETED')
    expect((await fetch(`${sandbox.url}/v1/run/r002sbx`)).status).toBe(401)

    const time = String.raw`\d\d:\d\d:\d\d\.\d{3}`
    await sandbox.line(new RegExp(`^${time} 401 GET /v1/run/r002sbx$`))
    await sandbox.line(new RegExp(`^${time} 200 GET /p/sandbox-project/results/r001sbx$`))
    await sandbox.line(new RegExp(`^${time} 200 GET /v1/run/r002sbx\\?testCases=all`))
    const log = sandbox.output().split('\n')
    expect(log.filter(text => new RegExp(`^${time} 200 POST /v1/run$`).test(text))).toHaveLength(2)
  })

  it('names the version of package.json in the User-Agent', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(packageJson.version)
    expect(USER_AGENT).toBe(`qatech-run-action/${packageJson.version}`)
  })
})

/**
 * Signals as POSIX sends them, and `sh` to start the sandbox from a shell: Windows has neither (a
 * "signal" there ends the process outright), so these are skipped there, saying why.
 */
const describeOnPosix =
  process.platform === 'win32'
    ? (name: string, tests: () => void) => describe.skip(`${name} (skipped: needs POSIX signals and sh)`, tests)
    : describe

describeOnPosix('npm run sandbox: it stops cleanly', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s, with exit code 0', async signal => {
    const sandbox = await start(process.execPath, [CLI, '--port', '0'])
    const exit = new Promise<number | null>(resolve => sandbox.child.on('close', code => resolve(code)))
    sandbox.child.kill(signal)
    expect(await exit).toBe(0)
    expect(sandbox.output()).toContain(`Sandbox stopped: ${signal}.`)
    expect(await answers(sandbox.url)).toBe(false)
  })

  it('when the shell that started it is killed outright', async () => {
    // `& wait` keeps the shell as the parent; SIGKILL lets it forward nothing.
    const sandbox = await start('sh', ['-c', `"${process.execPath}" "${CLI}" --port 0 & wait`])
    expect(sandbox.pid).not.toBe(sandbox.child.pid)
    sandbox.child.kill('SIGKILL')
    await sandbox.ended
    expect(sandbox.output()).toMatch(/Sandbox stopped: the process that started it \(\d+\) ended\./)
    expect(await answers(sandbox.url)).toBe(false)
  })

  it.each(['SIGTERM', 'SIGKILL'] as const)('when npm run sandbox gets %s', async signal => {
    // npm runs the script through a shell, which SIGKILL leaves behind, still waiting for the sandbox.
    const sandbox = await start('npm', ['run', '--silent', 'sandbox', '--', '--port', '0'])
    expect(sandbox.output()).toContain('listening on')
    sandbox.child.kill(signal)
    await sandbox.ended
    expect(sandbox.output()).toMatch(/Sandbox stopped: (the process that started it|npm run) \(\d+\)/)
    expect(await answers(sandbox.url)).toBe(false)
  })

  it('keeps serving after its parent ends with --background, as a CI step that starts it with & needs', async () => {
    const sandbox = await start('sh', ['-c', `"${process.execPath}" "${CLI}" --port 0 --background & wait`])
    sandbox.child.kill('SIGKILL')
    await new Promise(resolve => sandbox.child.on('exit', resolve))
    // Longer than the parent check's interval (half a second), twice over.
    await new Promise(resolve => setTimeout(resolve, 1_500))
    expect(await answers(sandbox.url)).toBe(true)
    process.kill(sandbox.pid, 'SIGTERM')
    await sandbox.ended
    expect(sandbox.output()).toContain('Sandbox stopped: SIGTERM.')
  })
})
