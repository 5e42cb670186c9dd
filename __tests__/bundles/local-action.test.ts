/**
 * The local-action loop of the README's "Develop locally": GitHub's own tool for running a
 * JavaScript action from its sources (`npx @github/local-action run <action folder> <entry> <env>`)
 * runs each action's `run()` end to end against the sandbox, with the committed `.env.example`
 * of that action, and the step passes with no warning. The tool itself exits 0 whatever the step
 * does, so the step's result is read from its log.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXAMPLE_COMMITS, startSandbox, type Sandbox } from '../../sandbox/server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const LOCAL_ACTION = join(root, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')
/** The address the `.env.example` files name: the sandbox's usual one. */
const EXAMPLE_SANDBOX = 'http://127.0.0.1:4010'

let sandbox: Sandbox
let folder: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  folder = mkdtempSync(join(tmpdir(), 'local-action-'))
})
afterAll(async () => {
  await sandbox.close()
  rmSync(folder, { recursive: true, force: true })
})

/** The output as the tool prints it, from the run, with the runner's commands as they came. */
function localAction(
  actionFolder: string,
  entry: string,
  envFile: string
): Promise<{ code: number | null; log: string }> {
  const child = spawn(process.execPath, [LOCAL_ACTION, 'run', actionFolder, entry, envFile], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  child.stdout.on('data', chunk => (log += String(chunk)))
  child.stderr.on('data', chunk => (log += String(chunk)))
  return new Promise(resolve => child.on('close', code => resolve({ code, log })))
}

const actions = [
  {
    name: 'QA.tech runs',
    folder: '.',
    entry: 'src/main.ts',
    example: '.env.example',
    passed: 'QA.tech run r001sbx passed'
  },
  {
    name: 'QA.tech change review',
    folder: 'change-review',
    entry: '../src/change-review/main.ts',
    example: 'change-review/.env.example',
    passed: 'is complete'
  },
  {
    name: 'tester.army',
    folder: 'tester-army',
    entry: '../src/tester-army/main.ts',
    example: 'tester-army/.env.example',
    passed: 'passed'
  }
]

describe.each(actions.map(action => [action.name, action] as const))(
  '%s with npx @github/local-action',
  (_, action) => {
    it('runs run() from src/ against the sandbox: the step passes, with no warning and no error', async () => {
      // What `npm run sandbox` serves.
      sandbox.reset({ commits: EXAMPLE_COMMITS })
      const env = join(folder, `${action.folder === '.' ? 'root' : action.folder}.env`)
      writeFileSync(env, readFileSync(join(root, action.example), 'utf8').replaceAll(EXAMPLE_SANDBOX, sandbox.url))
      const { code, log } = await localAction(action.folder, action.entry, env)
      expect(code).toBe(0)
      const commands = log.split('\n').filter(line => /^::(error|warning)/.test(line))
      expect(commands).toEqual([])
      expect(log).not.toContain('does not export a run() function')
      expect(log).toMatch(/::set-output name=\w+::/)
      expect(log).toContain(action.passed)
      expect(sandbox.requests.filter(request => request.method === 'POST').length).toBeGreaterThan(0)
    })
  }
)
