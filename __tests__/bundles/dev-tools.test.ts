/**
 * The first run as a new user sees it: `npm run demo` (scripts/demo.mjs) and `npm run local`
 * (scripts/local.mjs), spawned as a user runs them, with what they print, exit with and leave behind.
 * The demo on a terminal runs under util-linux `script`; where that is missing, those tests are
 * skipped and say why.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../../sandbox/server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DEMO = join(root, 'scripts', 'demo.mjs')
const LOCAL = join(root, 'scripts', 'local.mjs')
/** What every ANSI style sequence starts with. */
const ANSI = '\u001b['

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a command to its end; `env` is added to this process's environment. `whileRunning` gets
 * the output so far each time more comes, and the command's stdin (else stdin is empty).
 */
function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  whileRunning?: (stdout: string, stdin: NodeJS.WritableStream) => void
): Promise<Finished> {
  const merged = Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)
  const stdin = whileRunning ? 'pipe' : 'ignore'
  const child = spawn(command, args, { cwd: root, env: Object.fromEntries(merged), stdio: [stdin, 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (child.stdin) whileRunning?.(stdout, child.stdin)
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise(resolve => child.on('close', code => resolve({ code, stdout, stderr })))
}

/**
 * util-linux `script`, which gives the demo a terminal. BSD's `script` (macOS) takes other
 * arguments, and Windows has none: the tests that need a terminal are skipped there, saying why.
 */
const SCRIPT_VERSION = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? ''
const HAS_TERMINAL = SCRIPT_VERSION.includes('util-linux')
/** A test that runs the demo on a terminal: skipped, with the reason in its name, without `script`. */
const onTerminalIt = (name: string, test: jest.ProvidesCallback, timeout?: number): void =>
  HAS_TERMINAL
    ? it(name, test, timeout)
    : it.skip(`${name} (skipped: needs util-linux \`script\` for a terminal)`, test, timeout)

/** Runs the demo with its stdout and stdin on a terminal (util-linux `script` gives it a pseudo-terminal). */
async function onTerminal(
  args: string[],
  env: Record<string, string | undefined>,
  whileRunning?: (stdout: string, stdin: NodeJS.WritableStream) => void
): Promise<Finished> {
  if (!HAS_TERMINAL) return { code: null, stdout: '', stderr: 'no util-linux script' }
  const command = ['node', DEMO, ...args].map(part => `'${part}'`).join(' ')
  const result = await run(
    'script',
    ['-qec', command, '/dev/null'],
    { ...env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` },
    whileRunning && ((stdout, stdin) => whileRunning(stdout.replace(/\r\n/g, '\n'), stdin))
  )
  return { ...result, stdout: result.stdout.replace(/\r\n/g, '\n') }
}

/** The text of a demo section, from its `── title` rule to the next rule. */
function section(output: string, title: string): string {
  const start = output.indexOf(`── ${title}`)
  if (start === -1) throw new Error(`no section "${title}" in:\n${output}`)
  const end = output.indexOf('\n── ', start + 1)
  return output.slice(start, end === -1 ? undefined : end)
}

/** The step's RUNNER_TEMP folder as the demo's last lines name it. */
const keptFolder = (output: string) => /RUNNER_TEMP is kept for a look: (\S+)/.exec(output)?.[1]

const folders: string[] = []
afterAll(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })))

describe('npm run demo', () => {
  let failing: Finished
  let passing: Finished
  let preview: Finished
  beforeAll(async () => {
    // The three at once: each has its own sandbox on its own port.
    ;[failing, passing, preview] = await Promise.all([
      run('node', [DEMO], { NO_COLOR: undefined }),
      onTerminal(['--passing'], { NO_COLOR: undefined }),
      onTerminal(['--preview'], { NO_COLOR: '1' })
    ])
    for (const result of [failing, passing, preview]) {
      const folder = keptFolder(result.stdout)
      if (folder) folders.push(folder)
    }
  }, 60_000)

  it('--help prints the usage and runs nothing', async () => {
    const help = await run('node', [DEMO, '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: npm run demo/)
    expect(help.stdout).toContain('--passing')
    expect(help.stdout).toContain('--preview')
    expect(help.stdout).not.toContain('sandbox on http')
    expect(help.stdout).not.toContain('── Step log')
  })

  it('--help lists the demos in two aligned columns', async () => {
    const help = await run('node', [DEMO, '--help'])
    const rows = help.stdout.split('\n').filter(line => /^ {2}(--|\(none\))/.test(line))
    expect(rows.map(row => row.trim().split(/\s+/)[0])).toEqual([
      '(none)',
      '--passing',
      '--preview',
      '--change-review',
      '--tester-army',
      '--baseline',
      '--help'
    ])
    // Where each row's description starts: after the flag and at least two spaces.
    const columns = rows.map(row => /^ {2}\S+ {2,}/.exec(row)?.[0].length)
    expect(new Set(columns).size).toBe(1)
  })

  it('an unknown option is one line, and runs nothing', async () => {
    const wrong = await run('node', [DEMO, '--pasing'])
    expect(wrong.code).toBe(2)
    expect(wrong.stdout).toBe('')
    expect(wrong.stderr.trim().split('\n')).toEqual(["Unknown option '--pasing'. See npm run demo -- --help."])
  })

  it('shows the step log as GitHub shows it: no workflow commands, the secrets nowhere, and says so', () => {
    expect(failing.code).toBe(0)
    const log = section(failing.stdout, 'Step log')
    expect(log).toContain('::add-mask::')
    expect(log).toContain('***')
    const shown = log.split('\n').slice(4) // the rule and the three lines of the note
    expect(shown.filter(line => line.startsWith('::'))).toEqual([])
    expect(log).not.toContain(SANDBOX_TOKEN)
    expect(log).not.toContain('demo-bypass-secret')
    expect(shown).toContain('▸ Run request')
    expect(shown).toContain('Error: 1 of 3 test cases failed: Pay with a card. See ' + runUrl(failing))
  })

  it('says why the logged "Run request" differs from the request QA.tech received', () => {
    const received = section(failing.stdout, 'Request QA.tech received: POST /v1/run')
    expect(received).toContain('"commitMessage": "Update the checkout button\\n\\nMake it bigger."')
    expect(received).toMatch(
      /"url": "http:\/\/127\.0\.0\.1:\d+\/preview\/shop-pr-2\/\?x-vercel-protection-bypass=demo-bypass-secret&x-vercel-set-bypass-cookie=true"/
    )
    expect(received).toContain('Why the "Run request" group in the log differs from it:')
    expect(received).toContain(
      '- commitMessage: the log shows the first line only; QA.tech received the whole message (3 lines).'
    )
    expect(received).toContain(
      '- applications[0].environment.url: QA.tech received it with x-vercel-protection-bypass and x-vercel-set-bypass-cookie'
    )
    expect(received).toContain('The action adds them only to the request it sends, so the log never holds the secret.')
  })

  it('keeps the RUNNER_TEMP folder with the results_file it printed, and says where it is', () => {
    const folder = keptFolder(failing.stdout)
    expect(folder).toBeDefined()
    expect(failing.stdout).toContain(`Remove it with: rm -r ${folder}`)
    const resultsFile = /^results_file=(.+)$/m.exec(section(failing.stdout, 'Step outputs'))?.[1] ?? ''
    expect(resultsFile.startsWith(`${folder}/`)).toBe(true)
    expect(existsSync(resultsFile)).toBe(true)
    expect(JSON.parse(readFileSync(resultsFile, 'utf8')).run.result).toBe('FAILED')
    expect(readFileSync(join(folder ?? '', 'summary.md'), 'utf8')).toContain('1 of 3 test cases failed')
    expect(section(failing.stdout, 'Result')).toContain('The step exited with code 1: the check would be red.')
  })

  it('writes no ANSI codes when stdout is no terminal', () => {
    expect(failing.stdout).not.toContain(ANSI)
  })

  onTerminalIt('styles the output on a terminal', () => {
    expect(passing.stdout).toContain(ANSI)
    expect(passing.stdout).toContain('The step exited with code 0: the check would be green.')
  })

  it("ends by itself when it runs on no terminal, and says that the links it printed were the sandbox's", async () => {
    const sandboxUrl = /sandbox on (http:\/\/\S+) \(loopback\)/.exec(failing.stdout)?.[1]
    expect(failing.stdout).toContain(`The links above to ${sandboxUrl} were the sandbox's, which stops with the demo.`)
    expect(runUrl(failing).startsWith(`${sandboxUrl}/`)).toBe(true)
    await expect(fetch(runUrl(failing))).rejects.toThrow()
  })

  onTerminalIt(
    'on a terminal, serves the links it printed until Enter, then stops the sandbox',
    async () => {
      let opened: Promise<number> | undefined
      const result = await onTerminal(['--passing'], { NO_COLOR: '1' }, (stdout, stdin) => {
        if (opened || !stdout.includes('it serves until you press Enter.')) return
        opened = fetch(runUrl({ code: null, stdout, stderr: '' })).then(
          page => page.status,
          () => 0
        )
        void opened.then(() => stdin.write('\n'))
      })
      const folder = keptFolder(result.stdout)
      if (folder) folders.push(folder)
      expect(await opened).toBe(200)
      expect(result.code).toBe(0)
      expect(result.stdout.trim().split('\n').at(-1)).toBe('Sandbox stopped.')
      await expect(fetch(runUrl(result))).rejects.toThrow()
    },
    30_000
  )

  onTerminalIt(
    '--preview waits for a preview that comes up after a few seconds; NO_COLOR leaves out the styles',
    () => {
      expect(preview.stdout).not.toContain(ANSI)
      const log = section(preview.stdout, 'Step log')
      expect(log).toMatch(/Waiting for http:\/\/127\.0\.0\.1:\d+\/preview\/shop-pr-2\/: 503; asking again/)
      expect(log).toMatch(/preview\/shop-pr-2\/ answered 200 after \d+ s \(\d+ checks\)/)
      expect(section(preview.stdout, 'Step outputs')).toContain('preflight_status=ready')
      expect(preview.stdout).toContain('The step exited with code 0: the check would be green.')
    }
  )
})

describe('npm run demo of the other actions', () => {
  let review: Finished
  let testerArmy: Finished
  beforeAll(async () => {
    ;[review, testerArmy] = await Promise.all([
      run('node', [DEMO, '--change-review'], { NO_COLOR: '1' }),
      run('node', [DEMO, '--tester-army'], { NO_COLOR: '1' })
    ])
    for (const result of [review, testerArmy]) {
      const folder = keptFolder(result.stdout)
      if (folder) folders.push(folder)
    }
  }, 60_000)

  it('--change-review: the request QA.tech received and the review in the job summary', () => {
    expect(review.code).toBe(0)
    expect(review.stdout).toContain('── Request QA.tech received: POST /v1/chat/change-review')
    expect(section(review.stdout, 'Job summary')).toContain('### Review by QA.tech')
    expect(section(review.stdout, 'Step outputs')).toContain('chat_status=COMPLETED')
  })

  it('--tester-army: the batch request tester.army received, and one failed run makes the step red', () => {
    expect(testerArmy.code).toBe(0)
    // The same path as the log's "Run request" group names: from the api_url on.
    const logged = /"request": "POST (\/v1\/groups\/[0-9a-f-]+\/runs)"/.exec(
      section(testerArmy.stdout, 'Step log')
    )?.[1]
    expect(logged).toBeDefined()
    expect(testerArmy.stdout).toContain(`── Request tester.army received: POST ${logged} `)
    expect(section(testerArmy.stdout, 'Job summary')).toContain('## ❌ tester.army: 1 of 2 runs failed')
    expect(testerArmy.stdout).toContain('The step exited with code 1: the check would be red.')
  })
})

describe('npm run demo -- --baseline', () => {
  let baseline: Finished
  beforeAll(async () => {
    baseline = await run('node', [DEMO, '--baseline'], { NO_COLOR: '1' })
    const folder = keptFolder(baseline.stdout)
    if (folder) folders.push(folder)
  }, 60_000)

  /** The base branch's newest commit in the demo: the example push's. */
  const BASE_COMMIT = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
  const baselineRunUrl = () => /^baseline_run_url=(.+)$/m.exec(baseline.stdout)?.[1] ?? 'no baseline_run_url'

  it("runs the base branch's push first: a failed run, and a failure status by the workflow token's account", () => {
    const before = section(baseline.stdout, 'Before: the push workflow on master, with commit_status: true')
    expect(before).toContain('Error: 2 of 4 test cases failed: Pay with a card, Apply a discount code.')
    expect(before).toContain('The step exited with code 1.')
    expect(before).toContain(
      'It set the commit status failure "QA.tech / Checkout flow" on 6113728: 2 of 4 test cases failed: Pay with a card, Apply a discount code'
    )
    expect(before).toMatch(
      /by github-actions\[bot\], linked to http:\/\/127\.0\.0\.1:\d+\/p\/sandbox-project\/results\/r001sbx$/m
    )
  })

  it('with fail_on: new, the pull request whose two failures master already has passes, saying why', () => {
    expect(baseline.code).toBe(0)
    const log = section(baseline.stdout, 'Step log')
    expect(log).toContain(
      '2 test cases fail, both already failing on master at 6113728 — not caused by this pull request: ' +
        `Pay by card, Apply a discount code. Baseline run: ${baselineRunUrl()}`
    )
    expect(log.split('\n').filter(line => line.startsWith('Error:'))).toEqual([])
    expect(section(baseline.stdout, 'Step outputs')).toMatch(
      /^failed_count=2$[\s\S]*^new_failed_count=0$\n^known_failed_count=2$\n^baseline_run_url=http:\/\/\S+\/results\/r001sbx$/m
    )
    const result = section(baseline.stdout, 'Result')
    expect(result).toContain('The step exited with code 0: the check would be green.')
    expect(result).toContain(
      'It set the commit status success "QA.tech / Checkout flow" on ec26c3e: 2 known failures, none new'
    )
    expect(result).toContain('  known (failing there too): "Pay by card" and "Apply a discount code"\n  new: none')
  })

  it("shows the pull request's own start request, and how the baseline was found", () => {
    const received = section(baseline.stdout, 'Request QA.tech received: POST /v1/run')
    expect(received).toContain('"branch": "changes"')
    expect(received).toContain('"commitHash": "ec26c3e57ca3a959ca5aad62de7213c562f8c821"')
    const found = section(baseline.stdout, 'How fail_on: new found the baseline').split('\n')
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /repos/Codertocat/Hello-World/commits?sha=master&per_page=20',
        `GET /repos/Codertocat/Hello-World/commits/${BASE_COMMIT}/statuses?per_page=100`
      ])
    )
    // The baseline run's results, every test case of it.
    expect(found.some(line => /^GET \/v1\/run\/r001sbx\?(.+&)?testCases=all(&|$)/.test(line))).toBe(true)
  })
})

function runUrl(result: Finished): string {
  return /^run_url=(.+)$/m.exec(result.stdout)?.[1] ?? 'no run_url'
}

describe('npm run local', () => {
  let sandbox: Sandbox
  let dir: string
  beforeAll(async () => {
    sandbox = await startSandbox()
    dir = mkdtempSync(join(tmpdir(), 'qatech-local-'))
  })
  afterAll(async () => {
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const failingRun = {
    result: 'FAILED',
    testCases: [
      { name: 'Sign in', result: 'PASSED' },
      { name: 'Pay with a card', result: 'FAILED', resultTitle: 'The Pay button does nothing' }
    ]
  }

  /** Runs scripts/local.mjs with an env file of these lines. */
  async function local(lines: string[]): Promise<Finished & { summaryPath?: string }> {
    const envFile = join(dir, `${Math.random().toString(36).slice(2)}.env`)
    writeFileSync(envFile, `${lines.join('\n')}\n`)
    const result = await run('node', [LOCAL, envFile])
    const summaryPath = /Job summary \(markdown, \d+ bytes\): (\S+)/.exec(result.stdout)?.[1]
    const folder = /RUNNER_TEMP is kept: (\S+)/.exec(result.stdout)?.[1]
    if (folder) folders.push(folder)
    return { ...result, summaryPath }
  }

  const inputs = () => [
    `INPUT_API_TOKEN=${SANDBOX_TOKEN}`,
    `INPUT_API_URL=${sandbox.url}`,
    'INPUT_BLOCKING=true',
    'INPUT_TIMEOUT_MINUTES=1',
    'GITHUB_EVENT_NAME=workflow_dispatch'
  ]

  it('a failing run exits non-zero, writes the job summary where it says, and calls no GitHub API', async () => {
    sandbox.reset({ run: failingRun })
    const result = await local([...inputs(), 'INPUT_GITHUB_TOKEN=', `GITHUB_API_URL=${sandbox.url}`])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`GitHub API calls go to ${sandbox.url}`)
    expect(result.stdout).toContain('The step exited with code 1: on GitHub the step would fail.')
    expect(result.summaryPath).toBeDefined()
    expect(readFileSync(result.summaryPath ?? '', 'utf8')).toContain('1 of 2 test cases failed')
    // No token: no commit lookup at all, and every request went to the sandbox on loopback.
    expect(sandbox.requests.filter(request => request.path.startsWith('/repos/'))).toEqual([])
    expect(sandbox.requests.map(request => `${request.method} ${request.path}`)).toContain('POST /v1/run')
  })

  it('without GITHUB_API_URL, a token reaches the sandbox, never api.github.com', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567'
    sandbox.reset({ commits: { [sha]: 'Fix the Pay button' } })
    const result = await local([...inputs(), 'INPUT_GITHUB_TOKEN=ghp_localToken', `GITHUB_SHA=${sha}`])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`GitHub API calls go to ${sandbox.url} (the default: the sandbox)`)
    expect(sandbox.requests.filter(request => request.path.startsWith('/repos/')).map(request => request.path)).toEqual(
      [`/repos/octo-org/octo-repo/commits/${sha}`]
    )
    const start = sandbox.requests.find(request => request.path === '/v1/run')
    expect(start?.body).toMatchObject({ commitHash: sha, commitMessage: 'Fix the Pay button' })
  })
})
