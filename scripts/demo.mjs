#!/usr/bin/env node
/**
 * `npm run demo`: the built action, run as GitHub's runner runs it, for a real webhook payload,
 * against the sandbox on loopback. No account, no network. `npm run demo -- --help` lists the demos.
 *
 * A demo is one entry of DEMOS below: the action's folder, the event, the sandbox's scenario, the
 * inputs, and the service whose start request it shows (SERVICES); `before`, steps of another
 * workflow that run first against the same sandbox (the base branch's push, for fail_on: new).
 * Everything else — the step log as GitHub shows it, the request the service received, the
 * outputs, the summary, the commit status, the kept RUNNER_TEMP — is the same for every demo.
 *
 * The links it prints (the run, its test cases, the preview) are the sandbox's: in a terminal the
 * sandbox serves them until Enter; otherwise (CI, a pipe) the demo ends at once and says so.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import examples from '@octokit/webhooks-examples' with { type: 'json' }
import { parse } from 'yaml'
import { cleanUp, runAction } from './action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox } from '../sandbox/server.mjs'
import { TESTER_ARMY_IDS, TESTER_ARMY_KEY } from '../sandbox/testerarmy.mjs'

/** The demo's Vercel Deployment Protection bypass secret, masked like any other secret. */
const BYPASS_SECRET = 'demo-bypass-secret'

const pullRequest = examples.find(group => group.name === 'pull_request').examples[0]
/** A push to the pull request's base branch (`master` in the examples): its newest commit is `after`. */
const basePush = examples
  .find(group => group.name === 'push')
  .examples.find(push => push.ref === `refs/heads/${pullRequest.pull_request.base.ref}` && !push.deleted)

/** A run of three test cases, the second failing unless `passing`. */
function checkoutRun({ passing }) {
  return {
    durationMs: 4_000,
    result: passing ? 'PASSED' : 'FAILED',
    testCases: [
      { name: 'Add an item to the cart', result: 'PASSED' },
      {
        name: 'Pay with a card',
        result: passing ? 'PASSED' : 'FAILED',
        resultTitle: passing ? null : 'The Pay button does nothing',
        evaluationThought: passing ? null : 'After clicking Pay, no request was sent and the page did not change.',
        promptGoal: 'Pay for the order with the test card 4242 4242 4242 4242'
      },
      { name: 'See the order confirmation', result: 'PASSED' }
    ]
  }
}

/**
 * The pull request's preview, a sandbox site behind Vercel Deployment Protection (the bypass
 * secret lets the preflight in), up after `readyAfterMs` of answering 503.
 */
const PREVIEW = 'shop-pr-2'
function previewSite(readyAfterMs = 0) {
  return { preview: { sites: { [PREVIEW]: { readyAfterMs, before: 503, vercel: { secret: BYPASS_SECRET } } } } }
}

/** What a demo shows of a service: the start request and how the log's copy of it differs. */
const SERVICES = {
  qatech: {
    name: 'QA.tech',
    isStart: request => request.method === 'POST' && request.path === '/v1/run',
    isApi: request => request.path.startsWith('/v1/'),
    /** The log's "Run request" group: the request before the bypass secret is added. */
    loggedGroup: 'Run request'
  },
  changeReview: {
    name: 'QA.tech',
    isStart: request => request.method === 'POST' && request.path === '/v1/chat/change-review',
    isApi: request => request.path.startsWith('/v1/'),
    loggedGroup: 'Change review request'
  },
  testerArmy: {
    name: 'tester.army',
    isStart: request => request.method === 'POST' && request.path.startsWith('/testerarmy/api/v1/'),
    isApi: request => request.path.startsWith('/testerarmy/'),
    loggedGroup: 'Run request',
    loggedBody: group => group?.body
  }
}

/** The change-review action for the pull request, on its Vercel preview, waiting for the review. */
function changeReview({ url }) {
  return {
    action: 'change-review',
    service: SERVICES.changeReview,
    eventName: 'pull_request',
    payload: pullRequest,
    scenario: {
      commits: { [pullRequest.pull_request.head.sha]: 'Update the checkout button\n\nMake it bigger.' },
      chat: {
        replies: [
          { status: 'PARTIAL', text: 'Reading the diff…' },
          {
            status: 'COMPLETED',
            text: '## What I checked\n\nThe bigger checkout button works on the preview:\n\n- ✅ Add an item and pay with a card\n- ✅ The button keeps its label on mobile'
          }
        ]
      },
      ...previewSite()
    },
    inputs: {
      api_token: SANDBOX_TOKEN,
      api_url: url,
      blocking: 'true',
      applications_config: JSON.stringify({
        applications: { app_web: { environment: { url: `${url}/preview/${PREVIEW}/` } } }
      }),
      context: 'This pull request makes the checkout button bigger. Focus on paying for an order.',
      vercel_bypass_secret: BYPASS_SECRET
    }
  }
}

/** tester.army's group of tests on the pull request's preview: one of the two runs fails. */
function testerArmyGroup({ url }) {
  return {
    action: 'tester-army',
    service: SERVICES.testerArmy,
    eventName: 'pull_request',
    payload: pullRequest,
    scenario: {
      commits: { [pullRequest.pull_request.head.sha]: 'Update the checkout button\n\nMake it bigger.' },
      testerArmy: {
        runs: [
          { durationMs: 3_000, output: { featureName: 'Sign in', result: 'PASS', description: 'Signing in works.' } },
          {
            durationMs: 4_000,
            output: {
              featureName: 'Checkout',
              result: 'FAILED',
              description: 'Paying for an order does not work.',
              steps: [
                { stepIndex: 0, title: 'Add an item to the cart', type: 'act', status: 'passed', summary: 'Added' },
                { stepIndex: 1, title: 'Click Pay', type: 'act', status: 'failed', error: 'Nothing happened' }
              ]
            }
          }
        ]
      },
      ...previewSite()
    },
    inputs: {
      api_key: TESTER_ARMY_KEY,
      api_url: `${url}/testerarmy/api`,
      group_id: TESTER_ARMY_IDS.group,
      target_url: `${url}/preview/${PREVIEW}/`,
      vercel_bypass_secret: BYPASS_SECRET
    }
  }
}

/** The root action for the pull request, with a Vercel preview and `blocking: true`. */
function qatechPullRequest({ url, passing = false, readyAfterMs = 0 }) {
  return {
    action: '.',
    service: SERVICES.qatech,
    eventName: 'pull_request',
    payload: pullRequest,
    scenario: {
      commits: { [pullRequest.pull_request.head.sha]: 'Update the checkout button\n\nMake it bigger.' },
      run: checkoutRun({ passing }),
      ...previewSite(readyAfterMs)
    },
    inputs: {
      api_token: SANDBOX_TOKEN,
      api_url: url,
      blocking: 'true',
      environment_url: `${url}/preview/${PREVIEW}/`,
      vercel_bypass_secret: BYPASS_SECRET
    }
  }
}

/**
 * The checkout plan's run with two failures: paying and the discount code. On the base branch the
 * paying test was still called "Pay with a card"; it was renamed in QA.tech since, and keeps its
 * id (`projectTestCaseId`), so the comparison still knows it for the same test.
 */
function twoFailures({ payName }) {
  return {
    durationMs: 4_000,
    result: 'FAILED',
    testCases: [
      { name: 'Add an item to the cart', result: 'PASSED' },
      {
        name: payName,
        projectTestCaseId: 'ptc_pay',
        result: 'FAILED',
        resultTitle: 'The Pay button does nothing',
        evaluationThought: 'After clicking Pay, no request was sent and the page did not change.'
      },
      {
        name: 'Apply a discount code',
        result: 'FAILED',
        resultTitle: 'The discount code field is missing',
        evaluationThought: 'The cart page has no field for a discount code.'
      },
      { name: 'See the order confirmation', result: 'PASSED' }
    ]
  }
}

/**
 * fail_on: new, as the README's workflow pair runs it. First the push workflow on the base
 * branch: a run with `commit_status: true`, whose status on the branch's newest commit (written
 * by the workflow token's account) links to its run, the baseline. Then the pull request's run,
 * with the same two tests failing: both already fail on the base branch, so the step passes.
 */
function qatechBaseline({ url }) {
  const base = pullRequest.pull_request.base.ref
  const pullRequestStep = qatechPullRequest({ url })
  return {
    ...pullRequestStep,
    before: [
      {
        title: `the push workflow on ${base}, with commit_status: true`,
        eventName: 'push',
        payload: basePush,
        scenario: { run: twoFailures({ payName: 'Pay with a card' }) },
        inputs: { api_token: SANDBOX_TOKEN, api_url: url, blocking: 'true', commit_status: 'true' }
      }
    ],
    scenario: {
      ...pullRequestStep.scenario,
      // The base branch's commits as GitHub lists them: the push above tested the newest.
      github: { branches: { [base]: [basePush.after] } },
      run: twoFailures({ payName: 'Pay by card' })
    },
    inputs: { ...pullRequestStep.inputs, fail_on: 'new', commit_status: 'true' },
    explain: [
      `"Pay by card" was called "Pay with a card" in ${base}'s run: it was renamed in QA.tech since, and`,
      'keeps its id (projectTestCaseId), so the comparison knows it for the same test. Matching is by',
      "the test's id, and by the exact name only where a test has no id."
    ]
  }
}

/** The demos: `flag` selects one (none: the first), `about` is its line in --help. */
const DEMOS = [
  {
    flag: undefined,
    about: 'a pull request whose run has one failing test case: the check goes red',
    build: url => qatechPullRequest({ url })
  },
  {
    flag: 'passing',
    about: 'the same pull request, every test case passing: the check goes green',
    build: url => qatechPullRequest({ url, passing: true })
  },
  {
    flag: 'preview',
    about: 'the preview comes up a few seconds after the step starts: the preflight waits for it',
    build: url => qatechPullRequest({ url, passing: true, readyAfterMs: 2_500 })
  },
  {
    flag: 'change-review',
    about: "QA.tech's change review of the pull request: the review lands in the job summary",
    build: url => changeReview({ url })
  },
  {
    flag: 'tester-army',
    about: "a tester.army group on the pull request's preview: one of its two runs fails",
    build: url => testerArmyGroup({ url })
  },
  {
    flag: 'baseline',
    about: `fail_on: new: the pull request's two failures already fail on ${pullRequest.pull_request.base.ref}: the check goes green`,
    build: url => qatechBaseline({ url })
  }
]

/** The --help lines of the demos and of --help itself, in two aligned columns. */
const HELP_ROWS = [...DEMOS.map(demo => [demo.flag ? `--${demo.flag}` : '(none)', demo.about]), ['--help', 'this text']]
const FLAG_WIDTH = Math.max(...HELP_ROWS.map(([flag]) => flag.length))

const USAGE = [
  'Usage: npm run demo [-- <demo>]',
  '',
  "Runs the built action (dist/) as GitHub's runner does, for a real webhook payload, against the",
  'sandbox on loopback (no account, no network), then shows the step log as GitHub shows it, the',
  'request the service received, the step outputs and the job summary.',
  '',
  'Demos:',
  ...HELP_ROWS.map(([flag, about]) => `  ${flag.padEnd(FLAG_WIDTH)}  ${about}`),
  '',
  'Colours only on a terminal, and not with NO_COLOR set.'
].join('\n')

// ─── Options ────────────────────────────────────────────────────────────────────────────────────

let values
try {
  ;({ values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(DEMOS.filter(demo => demo.flag).map(demo => [demo.flag, { type: 'boolean' }]))
    }
  }))
} catch (error) {
  console.error(`${error.message}. See npm run demo -- --help.`)
  process.exit(2)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const chosen = DEMOS.filter(demo => demo.flag && values[demo.flag])
if (chosen.length > 1) {
  console.error(`Pick one demo, not ${chosen.map(demo => `--${demo.flag}`).join(' and ')}. See npm run demo -- --help.`)
  process.exit(2)
}
const demo = chosen[0] ?? DEMOS[0]

// ─── Output ─────────────────────────────────────────────────────────────────────────────────────

/** ANSI styles only on a terminal, and never with NO_COLOR (https://no-color.org). */
const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
const style = code => text => (colour ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = style('1')
const dim = style('2')
const red = style('31')
const yellow = style('33')
const blue = style('34')

const rule = title => console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(2, 70 - title.length))}`)}`)
/** A note beside a section, so the reader knows why it looks as it does. */
const note = lines => console.log(dim(lines.map(line => `  ${line}`).join('\n')))

// ─── The step log as GitHub shows it ────────────────────────────────────────────────────────────

/** A workflow command line: `::name key=value,…::data`. */
const COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/
const unescapeData = text => text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')

/**
 * What GitHub's log viewer shows for these lines: the runner reads workflow commands rather than
 * printing them. `::add-mask::` lines are hidden, and the value shows as *** everywhere after
 * (in its JSON-escaped and URL-encoded forms too, which the runner also masks); a group is its
 * title, its lines indented (collapsed on GitHub); `::error::`, `::warning::` and `::notice::`
 * read "Error: …", "Warning: …", "Notice: …"; `::debug::` lines show only with step debugging.
 */
function asGitHubShowsIt(lines) {
  const masked = []
  const mask = line => masked.reduce((text, value) => text.split(value).join('***'), line)
  const shown = []
  let indent = ''
  for (const line of lines) {
    const command = COMMAND.exec(line)
    const data = command ? unescapeData(command[3]) : ''
    switch (command?.[1]) {
      case 'add-mask':
        if (data !== '') {
          masked.push(data, JSON.stringify(data).slice(1, -1), encodeURIComponent(data))
          masked.sort((a, b) => b.length - a.length)
        }
        break
      case 'group':
        shown.push(bold(`▸ ${mask(data)}`))
        indent = '  '
        break
      case 'endgroup':
        indent = ''
        break
      case 'error':
        shown.push(indent + red(`Error: ${mask(data)}`))
        break
      case 'warning':
        shown.push(indent + yellow(`Warning: ${mask(data)}`))
        break
      case 'notice':
        shown.push(indent + blue(`Notice: ${mask(data)}`))
        break
      case 'debug':
        break
      default:
        shown.push(indent + mask(line))
    }
  }
  return shown
}

/** The JSON the step logged in the group `title`, or undefined. */
function loggedJson(lines, title) {
  const start = lines.indexOf(`::group::${title}`)
  if (start === -1) return undefined
  const end = lines.indexOf('::endgroup::', start)
  try {
    return JSON.parse(lines.slice(start + 1, end === -1 ? undefined : end).join('\n'))
  } catch {
    return undefined
  }
}

// ─── The request the service received, and why the log's copy differs ──────────────────────────

/** Every leaf where `logged` and `received` differ, as `{ path, logged, received }`. */
function differences(logged, received, path = '') {
  const isObject = value => typeof value === 'object' && value !== null
  if (isObject(logged) && isObject(received)) {
    const keys = new Set([...Object.keys(logged), ...Object.keys(received)])
    return [...keys].flatMap(key =>
      differences(
        logged[key],
        received[key],
        Array.isArray(received) ? `${path}[${key}]` : path ? `${path}.${key}` : key
      )
    )
  }
  return JSON.stringify(logged) === JSON.stringify(received) ? [] : [{ path, logged, received }]
}

const BYPASS_PARAMETERS = ['x-vercel-protection-bypass', 'x-vercel-set-bypass-cookie']

/** `url` without Vercel's bypass parameters, or undefined when it is no URL. */
function withoutBypass(url) {
  try {
    const parsed = new URL(url)
    for (const name of BYPASS_PARAMETERS) parsed.searchParams.delete(name)
    return parsed.href
  } catch {
    return undefined
  }
}

/** One line per difference, saying why the log shows something else than was sent. */
function explain(difference, serviceName) {
  const { path, logged, received } = difference
  if (typeof logged === 'string' && typeof received === 'string') {
    if (received.split('\n')[0] === logged && received.includes('\n')) {
      return `${path}: the log shows the first line only; ${serviceName} received the whole message (${received.split('\n').length} lines).`
    }
    if (received.includes(BYPASS_SECRET) && [logged, `${logged}/`].includes(withoutBypass(received))) {
      return (
        `${path}: ${serviceName} received it with ${BYPASS_PARAMETERS.join(' and ')} (the demo's vercel_bypass_secret, ` +
        `"${BYPASS_SECRET}"), so it can open the protected preview. The action adds them only to the request ` +
        'it sends, so the log never holds the secret.'
      )
    }
  }
  return `${path}: the log shows ${JSON.stringify(logged)}, ${serviceName} received ${JSON.stringify(received)}.`
}

// ─── Commit statuses, and what fail_on: new read ────────────────────────────────────────────────

const STATUS_PATH = /^\/repos\/[^/]+\/[^/]+\/statuses\/([^/]+)$/

/** The commit statuses the requests set, oldest first: { sha, state, context, description, target_url }. */
function statusesSet(requests) {
  return requests
    .filter(request => request.method === 'POST' && STATUS_PATH.test(request.path))
    .map(request => ({ sha: STATUS_PATH.exec(request.path)[1], ...request.body }))
}

/** `failure "QA.tech / Checkout flow" on 6113728: 2 of 4 test cases failed…` */
function describeStatus(status) {
  return `${status.state} "${status.context}" on ${status.sha.slice(0, 7)}: ${status.description ?? '(no description)'}`
}

/** A request as its log line: `GET /repos/o/r/commits?sha=master&per_page=20`. */
function requestLine(request) {
  const query = new URLSearchParams(request.query).toString()
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`
}

/**
 * The requests with which fail_on: new found and read the baseline: who the token writes as, the
 * base branch's commits and their statuses (GitHub), the baseline run's results (the service).
 */
function baselineRequests(requests, baselineRunPath) {
  return requests.filter(
    request =>
      request.path === '/user' ||
      request.path === '/graphql' ||
      (request.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/commits(\/[^/]+\/statuses)?$/.test(request.path)) ||
      (request.method === 'GET' && request.path === baselineRunPath)
  )
}

/** The failed tests of the step's CTRF file, known (`extra.baseline: "known"`) or new; undefined without the file. */
function comparedFailures(ctrfFile) {
  if (!ctrfFile || !existsSync(ctrfFile)) return undefined
  const failed = JSON.parse(readFileSync(ctrfFile, 'utf8')).results.tests.filter(test => test.status === 'failed')
  const known = failed.filter(test => test.extra?.baseline === 'known').map(test => test.name)
  return { known, new: failed.filter(test => test.extra?.baseline !== 'known').map(test => test.name) }
}

/** `"Pay by card" and "Apply a discount code"`, or `none`. */
const quotedList = list =>
  list.length === 0
    ? 'none'
    : list.length === 1
      ? `"${list[0]}"`
      : `${list
          .slice(0, -1)
          .map(name => `"${name}"`)
          .join(', ')} and "${list.at(-1)}"`

// ─── The demo ───────────────────────────────────────────────────────────────────────────────────

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const sandbox = await startSandbox()
const step = demo.build(sandbox.url)
const entry = join(root, step.action, parse(readFileSync(join(root, step.action, 'action.yml'), 'utf8')).runs.main)
if (!existsSync(entry)) {
  console.error(`${relative(root, entry)} is missing: build it with npm run package.`)
  await sandbox.close()
  process.exit(1)
}
sandbox.setScenario(step.scenario)
const service = step.service

console.log(`Demo: ${demo.about}.`)
const sandboxLine = `${service.name} sandbox on ${sandbox.url} (loopback).`
const running = ({ eventName, inputs }) =>
  `Running ${relative(root, entry)} as GitHub's runner does, for a real ${eventName} event` +
  `${inputs.blocking === 'true' ? ', with blocking: true' : ''}${inputs.fail_on ? ` and fail_on: ${inputs.fail_on}` : ''}`
console.log(step.before ? sandboxLine : `${sandboxLine} ${running(step)} …`)

/** Runs the action for an event as GitHub's runner does, collecting its log lines as the runner shows them. */
async function runStep({ eventName, payload, inputs }, lines) {
  return runAction({
    action: step.action,
    eventName,
    payload,
    inputs,
    env: { GITHUB_API_URL: sandbox.url },
    // The runner shows stdout and stderr in one log, in the order they come.
    onSpawn: child =>
      [child.stdout, child.stderr].forEach(stream =>
        createInterface({ input: stream }).on('line', line => lines.push(line))
      )
  })
}

// Another workflow's steps that run first: the base branch's push, whose commit status names the baseline.
let baselineRunPath
for (const earlier of step.before ?? []) {
  sandbox.setScenario(earlier.scenario)
  const first = sandbox.requests.length
  const earlierLines = []
  const earlierResult = await runStep(earlier, earlierLines)
  // Only the pull request step's RUNNER_TEMP is kept for a look.
  cleanUp(earlierResult)
  rule(`Before: ${earlier.title}`)
  note([
    `${running(earlier)}, first (its log is left out).`,
    "Its commit status on the branch's newest commit is what the pull request's step looks for."
  ])
  const verdict = asGitHubShowsIt(earlierLines).filter(line => /^(Error|Notice): /.test(line))
  if (verdict.length > 0) console.log(verdict.at(-1))
  console.log(`The step exited with code ${earlierResult.code}.`)
  const status = statusesSet(sandbox.requests.slice(first)).at(-1)
  if (status) {
    // What GitHub lists for the commit, its author included: what the pull request's step reads.
    const repository = earlier.payload.repository.full_name
    const listed = await fetch(`${sandbox.url}/repos/${repository}/commits/${status.sha}/statuses`, {
      headers: { authorization: 'token demo' }
    }).then(answer => answer.json())
    const author = listed.find(item => item.context === status.context)?.creator?.login
    console.log(`It set the commit status ${describeStatus(status)}`)
    console.log(`  by ${author ?? 'an unknown account'}, linked to ${status.target_url}`)
  }
  const baselineShortId = earlierResult.outputs.run_short_id
  if (baselineShortId) baselineRunPath = `/v1/run/${encodeURIComponent(baselineShortId)}`
}
sandbox.setScenario(step.scenario)
const first = sandbox.requests.length
const stepRequests = () => sandbox.requests.slice(first)

if (step.before) console.log(`\n${running(step)} …`)
const lines = []
const result = await runStep(step, lines)

rule('Step log, as GitHub shows it')
note([
  'The runner reads the ::add-mask:: commands that register the API token and the bypass secret',
  'instead of printing them, and shows *** wherever a masked value appears; the lines below',
  "are the step's output shown the same way. Groups (▸) are collapsed on GitHub."
])
console.log(asGitHubShowsIt(lines).join('\n'))

const start = stepRequests().find(service.isStart)
// The path as the step's log names it: from the api_url on (the sandbox serves tester.army's API
// under /testerarmy/api, where tester.army serves it at the root of its own host).
const apiBase = new URL(step.inputs.api_url).pathname.replace(/\/$/, '')
const apiPath = path => (apiBase !== '' && path.startsWith(`${apiBase}/`) ? path.slice(apiBase.length) : path)
rule(`Request ${service.name} received${start ? `: ${start.method} ${apiPath(start.path)}` : ''}`)
if (start) {
  if (apiBase !== '') note([`At api_url ${step.inputs.api_url}, the sandbox's ${service.name} API.`])
  console.log(JSON.stringify(start.body, null, 2))
  const group = loggedJson(lines, service.loggedGroup)
  // tester.army's log names the endpoint beside the body: compare the body.
  const logged = service.loggedBody ? service.loggedBody(group) : group
  const changes = logged === undefined ? [] : differences(logged, start.body)
  if (changes.length > 0) {
    note([
      `Why the "${service.loggedGroup}" group in the log differs from it:`,
      ...changes.map(item => `- ${explain(item, service.name)}`)
    ])
  }
} else {
  note([`The step started no ${service.name} run.`])
}

if (step.inputs.fail_on === 'new') {
  rule('How fail_on: new found the baseline')
  note([
    "Who github_token writes as, the base branch's newest commits (first parents only) and their",
    "statuses until one of this step's context, by that account, is final; then that run's results."
  ])
  for (const request of baselineRequests(stepRequests(), baselineRunPath)) console.log(requestLine(request))
}

rule('Step outputs')
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}=${value}`)
rule('Job summary (markdown)')
console.log(result.summary)
rule('Result')
console.log(
  `The step exited with code ${result.code}: the check would be ${result.code === 0 ? 'green' : 'red'}. ` +
    `${service.name} received ${stepRequests().filter(service.isApi).length} requests.`
)
const status = statusesSet(stepRequests()).at(-1)
if (status) console.log(`It set the commit status ${describeStatus(status)}`)
if (step.inputs.fail_on === 'new') {
  const failures = comparedFailures(result.outputs.ctrf_file)
  if (result.outputs.baseline_run_url && failures) {
    console.log(`fail_on: new compared the failures with the baseline run ${result.outputs.baseline_run_url}:`)
    console.log(`  known (failing there too): ${quotedList(failures.known)}`)
    console.log(`  new: ${quotedList(failures.new)}`)
  } else {
    console.log('fail_on: new compared nothing: every failure counted, as with fail_on: any (the log says why).')
  }
  if (step.explain) note(step.explain)
}
console.log(
  `The step's RUNNER_TEMP is kept for a look: ${result.runnerTemp} (the results_file, the job summary, ` +
    `the outputs and the event payload). Remove it with: rm -r ${result.runnerTemp}`
)

// The run, preview and report links above are the sandbox's: they open only while it serves.
if (process.stdin.isTTY && process.stdout.isTTY) {
  console.log(`The links above to ${sandbox.url} open the sandbox's pages: ${bold('it serves until you press Enter.')}`)
  const input = createInterface({ input: process.stdin })
  await new Promise(resolve => {
    input.once('line', resolve)
    input.once('close', resolve)
  })
  input.close()
  await sandbox.close()
  console.log('Sandbox stopped.')
} else {
  console.log(
    `The links above to ${sandbox.url} were the sandbox's, which stops with the demo. ` +
      'Run the demo in a terminal and the sandbox serves until you press Enter.'
  )
  await sandbox.close()
}
