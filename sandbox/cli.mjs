#!/usr/bin/env node
/**
 * `npm run sandbox`: the sandbox (sandbox/server.mjs) on a fixed port, for trying the action by
 * hand (`npm run local`) or from a workflow. It says on start what it serves, logs each request
 * with its answer's status, and stops on Ctrl-C, SIGTERM, SIGHUP, or when the process that started
 * it goes away (a killed `npm run`, a closed terminal), so no server is left behind on the port.
 *
 *   node sandbox/cli.mjs [--port 4010] [--host 127.0.0.1] [--result PASSED|FAILED|SKIPPED]
 *                        [--status COMPLETED|ERROR|CANCELLED] [--duration-ms 5000] [--quiet]
 *                        [--background]
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { EXAMPLE_COMMITS, SANDBOX_TOKEN, startSandbox } from './server.mjs'
import { TESTER_ARMY_KEY } from './testerarmy.mjs'

const USAGE = `Usage: npm run sandbox [-- options]   (or: node sandbox/cli.mjs [options])

  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <address>    address to listen on (default 127.0.0.1)
  --result <result>   the run's result: PASSED (default), FAILED (one test case fails) or SKIPPED
  --status <status>   the run's final status: COMPLETED (default), ERROR or CANCELLED
  --duration-ms <n>   how long a run takes (default 0: done at the first poll)
  --quiet             do not log each request
  --background        keep serving after the process that started it ends, as a CI step that
                      starts it with & needs (it still stops on SIGINT, SIGTERM and SIGHUP)
  --help              this text

Anything else is scriptable while it runs: PUT /__sandbox/scenario (see sandbox/server.mjs).`

/** The command line as sandbox options, or a one-line problem. */
function cliOptions(argv) {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        result: { type: 'string' },
        status: { type: 'string' },
        'duration-ms': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        background: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }))
  } catch (error) {
    return { problem: `${error.message}. See --help.` }
  }
  if (values.help) return { help: true }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return { problem: `--port ${values.port} is no port number.` }
  const run = {}
  if (values.result !== undefined) {
    if (!['PASSED', 'FAILED', 'SKIPPED'].includes(values.result))
      return { problem: `--result ${values.result}: use PASSED, FAILED or SKIPPED.` }
    run.result = values.result
  }
  if (values.status !== undefined) {
    if (!['COMPLETED', 'ERROR', 'CANCELLED'].includes(values.status))
      return { problem: `--status ${values.status}: use COMPLETED, ERROR or CANCELLED.` }
    run.finalStatus = values.status
  }
  if (values['duration-ms'] !== undefined) {
    const duration = Number(values['duration-ms'])
    if (!Number.isFinite(duration) || duration < 0)
      return { problem: `--duration-ms ${values['duration-ms']} is no number of milliseconds.` }
    run.durationMs = duration
  }
  if (run.result === 'FAILED') {
    run.testCases = [
      { name: 'Add an item to the cart', result: 'PASSED' },
      {
        name: 'Pay with a card',
        result: 'FAILED',
        resultTitle: 'The pay button does nothing',
        evaluationThought: 'After clicking Pay, no request was sent and the page did not change.'
      }
    ]
  }
  return {
    port,
    host: values.host,
    quiet: values.quiet,
    background: values.background,
    scenario: { run, commits: EXAMPLE_COMMITS }
  }
}

/** What the sandbox serves, for the lines printed on start. */
function servedLines(url) {
  return [
    `QA.tech sandbox listening on ${url} (API token: ${SANDBOX_TOKEN})`,
    '',
    'It serves, at this address:',
    `  QA.tech API       POST /v1/run, GET /v1/run/{shortId}, POST /v1/run/{shortId}, GET /v1/applications`,
    `                    (api_url: ${url}, header Authorization: Bearer ${SANDBOX_TOKEN})`,
    '                    GET /v1/run/{shortId} lists test cases and issues only when asked, as QA.tech does:',
    '                    add ?testCases=all (or =failed) for runTestCases, &issues=all for issues, e.g.',
    `                    curl -H 'Authorization: Bearer ${SANDBOX_TOKEN}' '${url}/v1/run/r001sbx?testCases=all&issues=all'`,
    '  QA.tech chat API  /v1/chat/... (change reviews), same token',
    '  Run pages         every run URL it hands out (/p/{project}/results/{shortId}, .../results/test/{id}) opens a page',
    `  GitHub API        /repos/... and /user, as the actions call them (GITHUB_API_URL: ${url})`,
    `  tester.army API   ${url}/testerarmy/api/v1/... (api key: ${TESTER_ARMY_KEY})`,
    '  Preview sites     /preview/{name}/ as scripted in scenario.preview.sites; GET /preview/__requests',
    '  Control           PUT /__sandbox/scenario (merge a scenario, JSON body), GET /__sandbox/requests',
    ''
  ]
}

/** A request's log line: time, status, method, path and query (a bypass secret in the query hidden). */
function requestLine(request, at = new Date()) {
  const query = new URLSearchParams(request.query)
  for (const name of query.keys()) if (name.toLowerCase() === 'x-vercel-protection-bypass') query.set(name, '***')
  const search = query.size > 0 ? `?${query}` : ''
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()].map(part => String(part).padStart(2, '0')).join(':')
  return `${time}.${String(at.getMilliseconds()).padStart(3, '0')} ${request.status} ${request.method} ${request.path}${search}`
}

/** Whether a process of this id runs (one of another user's still does). */
function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** The id of the process that started `pid`, where the system says: /proc on Linux, else ps. */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined
  } catch {
    // no /proc: ask ps below
  }
  try {
    return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined
  } catch {
    return undefined
  }
}

/**
 * Under `npm run sandbox`, the npm process: npm runs a script through a shell (sh -c, cmd /c), and
 * a shell that npm leaves behind when it is killed outright keeps waiting for the sandbox. The
 * shell's parent is npm; undefined outside `npm run sandbox` or where the system does not say.
 */
function npmAbove(parent) {
  if (process.env.npm_lifecycle_event !== 'sandbox') return undefined
  const above = parentOf(parent)
  return above !== undefined && above > 1 ? above : undefined
}

async function main(argv) {
  const parent = process.ppid
  const options = cliOptions(argv)
  if (options.help) return console.log(USAGE)
  if (options.problem) {
    console.error(options.problem)
    process.exitCode = 2
    return
  }

  let sandbox
  try {
    sandbox = await startSandbox({
      port: options.port,
      host: options.host,
      scenario: options.scenario,
      onRequest: options.quiet ? undefined : request => console.log(requestLine(request))
    })
  } catch (error) {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${options.port} is in use (another sandbox?): stop it, or pass --port 0 for a free port.`
        : `The sandbox could not listen on ${options.host}:${options.port}: ${error.message}`
    )
    process.exitCode = 1
    return
  }
  // Signals are handled before the start lines say the sandbox is up, so none is lost.
  let stopping = false
  const stop = reason => {
    if (stopping) return
    stopping = true
    if (process.stdout.writable) console.log(`Sandbox stopped: ${reason}.`)
    sandbox.close().then(() => process.exit(0))
    // Connections that do not close in time do not keep the port taken.
    setTimeout(() => process.exit(0), 2_000).unref()
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal))
  // Output that nobody reads any more (the terminal closed): stop rather than crash on EPIPE.
  process.stdout.on('error', () => stop('its output was closed'))
  // A parent killed outright (npm's SIGKILL, a closed terminal's shell) sends nothing: its
  // children are handed to another process (a changed parent id, where the system does that), or
  // the parent's id no longer answers.
  if (!options.background) {
    const npm = npmAbove(parent)
    setInterval(() => {
      if (process.ppid !== parent || !isAlive(parent)) stop(`the process that started it (${parent}) ended`)
      else if (npm !== undefined && !isAlive(npm)) stop(`npm run (${npm}), which started it, ended`)
    }, 500)
  }

  console.log(servedLines(sandbox.url).join('\n'))
  console.log(
    `${options.quiet ? 'Requests are not logged (--quiet).' : 'Each request is logged below with its status.'} ` +
      (options.background
        ? `It keeps serving after the process that started it ends: stop it with kill ${process.pid}.`
        : `Ctrl-C (or kill ${process.pid}) stops the sandbox; so does ending the process that started it.`)
  )
}

await main(process.argv.slice(2))
