#!/usr/bin/env node
/**
 * `npm run bench`: the figures the README quotes, reproducible on any machine.
 *   1. Start-up of every bundle (missing-input path) against `node -e 0`.
 *   2. Sandbox runs that finish after 10 s and 60 s, run by the built action in real time: the
 *      delay between the run's completion and the step's exit, and the requests sent.
 *   3. A 30-minute run on a virtual clock shared by the poller and the sandbox: mean delay and
 *      requests over ten runs with different end times.
 *   4. Job summary rendering for 1,000 / 10,000 / 50,000 test cases: time, bytes, peak memory.
 * `--quick` skips the real-time runs (2); `--readme` also writes the table into README.md;
 * `--official DIR` times the official action's bundle (DIR holds its dist/ files) beside ours.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import examples from '@octokit/webhooks-examples' with { type: 'json' }
import { cleanUp, RUNTIMES, runAction } from './action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox } from '../sandbox/server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const rows = []
const row = (what, figure, detail = '') => {
  rows.push([what, figure, detail])
  console.error(`  ${what}: ${figure} ${detail}`)
}

// The poller and renderer are TypeScript: compile them once for this script.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', 'false', '--outDir', join(root, 'lib')],
  {
    cwd: root,
    stdio: 'inherit'
  }
)
const lib = path => import(pathToFileURL(join(root, 'lib', path)).href)

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function timeMs(node, args) {
  const start = process.hrtime.bigint()
  spawnSync(node, args, { env: { PATH: process.env.PATH }, stdio: 'ignore' })
  return Number(process.hrtime.bigint() - start) / 1e6
}

console.error('1. Start-up (12 alternating runs each)')
// Every bundle of the repository, and the official action's bundle when its dist/ folder is given
// (`--official DIR`): all measured in the same loop, so the machine's load touches them alike.
const { ENTRIES } = await import('./package.mjs')
const at = process.argv.indexOf('--official')
const bundles = [
  ...ENTRIES.map(({ out }) => ({
    name: out === '.' ? 'dist/index.js' : `dist/${out}/index.js`,
    path: join(root, 'dist', out, 'index.js')
  })),
  ...(at === -1 ? [] : [{ name: 'official action', path: join(process.argv[at + 1], 'index.js') }])
]
for (const { label: version, node } of RUNTIMES) {
  const times = new Map(bundles.map(bundle => [bundle.name, []]))
  const bare = []
  timeMs(node, ['-e', '0'])
  for (const bundle of bundles) timeMs(node, [bundle.path])
  for (let index = 0; index < 12; index += 1) {
    for (const bundle of bundles) times.get(bundle.name).push(timeMs(node, [bundle.path]))
    bare.push(timeMs(node, ['-e', '0']))
  }
  const base = median(bare)
  const official = times.has('official action') ? median(times.get('official action')) : undefined
  for (const bundle of bundles) {
    const ms = median(times.get(bundle.name))
    const versus =
      official === undefined || bundle.name === 'official action'
        ? ''
        : `; ${(ms / official).toFixed(2)} of the official action's`
    row(
      bundle.name === 'official action'
        ? `Start-up on Node ${version}: the official action's \`dist/index.js\` (missing input) / \`node -e 0\``
        : `Start-up on Node ${version}: \`node ${bundle.name}\` (missing input) / \`node -e 0\``,
      `${(ms / base).toFixed(2)}×`,
      `${ms.toFixed(1)} ms / ${base.toFixed(1)} ms, medians of 12 alternating runs${versus}`
    )
  }
}

if (!quick) {
  console.error('2. Real-time sandbox runs (built action, blocking: true)')
  const payload = examples.find(group => group.name === 'push').examples[5]
  for (const seconds of [10, 60]) {
    const sandbox = await startSandbox({ scenario: { run: { durationMs: seconds * 1000 } } })
    let exitedAt = 0
    const result = await runAction({
      eventName: 'push',
      payload,
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' },
      env: { GITHUB_API_URL: sandbox.url },
      onSpawn: child => child.on('exit', () => (exitedAt = Date.now()))
    })
    const run = sandbox.runs.get('r001sbx')
    const completedAt = run.startedAt + seconds * 1000
    const requests = sandbox.requests.filter(request => request.path.startsWith('/v1/run')).length
    row(
      `Run finishing after ${seconds} s: completion → step exit`,
      `${((exitedAt - completedAt) / 1000).toFixed(2)} s`,
      `${requests} requests (start + polls + final fetch), exit code ${result.code}`
    )
    cleanUp(result)
    await sandbox.close()
  }
}

console.error('2b. Workflow cancel: SIGINT during the wait → exit (5 times)')
{
  const payload = examples.find(group => group.name === 'push').examples[5]
  const sandbox = await startSandbox({ scenario: { run: { durationMs: 600_000 } } })
  const times = []
  const codes = new Set()
  for (let attempt = 0; attempt < 5; attempt += 1) {
    sandbox.reset({ run: { durationMs: 600_000 } })
    let signalledAt = 0
    let exitedAt = 0
    const result = await runAction({
      eventName: 'push',
      payload,
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' },
      onSpawn: (child, output) => {
        child.on('exit', () => (exitedAt = Date.now()))
        const timer = setInterval(() => {
          // Signal in the middle of a pause between polls, the usual moment.
          if (output().includes('Waiting for QA.tech run')) {
            clearInterval(timer)
            setTimeout(() => {
              signalledAt = Date.now()
              child.kill('SIGINT')
            }, 700)
          }
        }, 20)
      }
    })
    times.push(exitedAt - signalledAt)
    codes.add(result.code)
    cleanUp(result)
  }
  await sandbox.close()
  row(
    'Workflow cancel: SIGINT → step exit',
    `${median(times).toFixed(0)} ms median`,
    `max ${Math.max(...times)} ms of 5; exit code ${[...codes].join(', ')}; target < 2,000 ms`
  )
}

console.error('3. 30-minute runs on a virtual clock')
{
  const { waitForRun } = await lib('src/wait/poller.js')
  const { parseSettings } = await lib('src/qatech/settings.js')
  const { createQaTechService } = await lib('src/qatech/service.js')
  for (const testCases of [3, 20]) {
    const delays = []
    const counts = []
    let now = 0
    const sandbox = await startSandbox({ now: () => now })
    for (let trial = 0; trial < 10; trial += 1) {
      const durationMs = 30 * 60_000 + trial * 7_300
      sandbox.reset({
        run: { durationMs, testCases: Array.from({ length: testCases }, (_, index) => ({ name: `Test ${index + 1}` })) }
      })
      now = 1_000_000
      const clock = {
        now: () => now,
        sleep: async ms => {
          now += ms
          await new Promise(resolve => setImmediate(resolve))
        }
      }
      const inputs = { api_token: SANDBOX_TOKEN, api_url: sandbox.url }
      const settings = await parseSettings(name => inputs[name] ?? '', {
        eventName: 'push',
        isForkPullRequest: false,
        isDependabot: false
      })
      const service = createQaTechService(settings, { clock, log: () => undefined, warn: () => undefined })
      const run = await service.start({ git: { commitMessageFromApi: false }, preview: undefined })
      const startedAt = now
      const outcome = await waitForRun({
        service,
        run,
        timeoutMs: 60 * 60_000,
        maxIntervalMs: 10_000,
        clock,
        signal: new AbortController().signal,
        log: () => undefined,
        warn: () => undefined
      })
      if (outcome.kind !== 'finished') throw new Error(`30-minute run ended as ${outcome.kind}`)
      delays.push(now - (startedAt + durationMs))
      counts.push(sandbox.requests.length)
    }
    await sandbox.close()
    const mean = values => values.reduce((sum, value) => sum + value, 0) / values.length
    row(
      `30-min run, ${testCases} test cases: completion → noticed`,
      `${(mean(delays) / 1000).toFixed(2)} s mean`,
      `max ${(Math.max(...delays) / 1000).toFixed(2)} s; ${mean(counts).toFixed(0)} requests mean (max ${Math.max(...counts)}), 10 runs`
    )
  }
}

console.error('4. Job summary rendering')
for (const count of [1_000, 10_000, 50_000]) {
  const script = `
    const { largeRun } = await import(${JSON.stringify(pathToFileURL(join(root, 'lib/__tests__/fixtures/summary-inputs.js')).href)})
    const { renderSummary } = await import(${JSON.stringify(pathToFileURL(join(root, 'lib/src/report/summary.js')).href)})
    const input = largeRun(${count})
    const before = process.resourceUsage().maxRSS
    const start = process.hrtime.bigint()
    const text = renderSummary(input)
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    console.log(JSON.stringify({ ms, bytes: Buffer.byteLength(text), rssKb: process.resourceUsage().maxRSS, beforeKb: before }))
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
  const { ms, bytes, rssKb, beforeKb } = JSON.parse(out)
  row(
    `Summary for ${count.toLocaleString('en')} test cases`,
    `${ms.toFixed(0)} ms`,
    `${bytes.toLocaleString('en')} bytes; peak RSS ${(rssKb / 1024).toFixed(0)} MiB (${((rssKb - beforeKb) / 1024).toFixed(0)} MiB while rendering)`
  )
}

const table = [
  '| Measure | Figure | Detail |',
  '| --- | --- | --- |',
  ...rows.map(([what, figure, detail]) => `| ${what} | ${figure} | ${detail} |`),
  '',
  `Bench on Node ${process.version} (start-up on both runtimes), ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}.`
].join('\n')
console.log(`\n${table}`)

if (process.argv.includes('--readme')) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->']
  const from = readme.indexOf(start) + start.length
  const prettier = await import('prettier')
  const config = (await prettier.resolveConfig(readmePath)) ?? {}
  const next = `${readme.slice(0, from)}\n\n${table}\n\n${readme.slice(readme.indexOf(end))}`
  writeFileSync(readmePath, await prettier.format(next, { ...config, filepath: readmePath }))
}
