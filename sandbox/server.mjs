#!/usr/bin/env node
/**
 * A QA.tech API sandbox on loopback, for the demo, the tests and local development. It is a
 * development tool, not part of the bundled action.
 *
 * It implements what the action calls — POST /v1/run, GET /v1/run/{shortId},
 * POST /v1/run/{shortId}, GET /v1/applications — as QA.tech documents them, checks the bearer
 * token and validates request bodies against QA.tech's OpenAPI schemas (400 with a message
 * otherwise). It also answers GET /repos/{owner}/{repo}/commits/{sha} like the GitHub API, so the
 * action's commit-message lookup can be pointed at it with GITHUB_API_URL.
 *
 * It is scriptable (see `defaultScenario`): how a run progresses, its result, test cases and
 * issues, and faults to inject (status codes, Retry-After, slow, dropped or hanging connections,
 * invalid JSON). Control it in-process through the returned handle, or over HTTP:
 *   PUT  /__sandbox/scenario   merge a scenario (JSON body)
 *   GET  /__sandbox/requests   every request received so far
 *
 * Command line: sandbox/cli.mjs (npm run sandbox; --help lists the options). Other routes, each in
 * its own module beside this file: the GitHub REST API (github.mjs), QA.tech's chat and change
 * review (chat.mjs), tester.army under /testerarmy/api (testerarmy.mjs), preview sites under
 * /preview/<name>/ (preview.mjs).
 */
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { chatDefaults, createChatRoutes } from './chat.mjs'
import { createGithubRoutes, githubDefaults } from './github.mjs'
import { createPreviewRoutes, previewDefaults } from './preview.mjs'
import { createTesterArmyRoutes, testerArmyDefaults } from './testerarmy.mjs'

export const SANDBOX_TOKEN = 'qatech-sandbox-token'

/**
 * The commit the `.env.example` files test (their GITHUB_SHA), with its message: `npm run sandbox`
 * knows it, so a local run reads its message from the sandbox's GitHub API as a run on GitHub does.
 */
export const EXAMPLE_COMMITS = { '0123456789abcdef0123456789abcdef01234567': 'Make the checkout button bigger' }

/** A run of the scenario's test plan: what QA.tech reports while and after it runs. */
export function defaultScenario() {
  return {
    token: SANDBOX_TOKEN,
    project: 'sandbox-project',
    /** The project's short ID, and what the key is scoped to: `project` or `organization`. */
    projectShortId: 'proj_sandbox',
    keyScope: 'project',
    testPlans: [{ shortId: 'pln_sandbox', name: 'Checkout flow', default: true }],
    applications: [{ shortId: 'app_web', name: 'Web shop', kind: 'web' }],
    environments: [{ shortId: 'env_staging', applicationShortId: 'app_web', name: 'Staging' }],
    devicePresets: ['preset_desktop', 'preset_mobile'],
    /** Commit messages the GitHub API mock knows, by SHA. */
    commits: {},
    /** The other services and sites, each in its own module (see the files beside this one). */
    github: githubDefaults(),
    chat: chatDefaults(),
    testerArmy: testerArmyDefaults(),
    preview: previewDefaults(),
    run: {
      /** Milliseconds from the start until the run is RUNNING, and until it is terminal. */
      initiatedMs: 0,
      durationMs: 0,
      /** Alternatively, a status per GET (the last one repeats); overrides the times above. */
      statusSequence: null,
      finalStatus: 'COMPLETED',
      result: 'PASSED',
      testCases: [
        { name: 'Add an item to the cart', result: 'PASSED' },
        { name: 'Pay with a card', result: 'PASSED' },
        { name: 'See the order confirmation', result: 'PASSED' }
      ],
      issues: []
    },
    /**
     * How reruns (POST /v1/run/{shortId}) answer, in order: { result?, testCases?: { [name]:
     * { result?, resultTitle?, errorCode? } } }; a rerun past the list answers as the run did.
     */
    reruns: [],
    /**
     * Short IDs for the runs in the order they are started, reruns included (past the list:
     * r001sbx, r002sbx, …): e.g. a hostile one, to show what the action makes of it.
     */
    runShortIds: [],
    /**
     * Faults, consumed in order by the first request each matches:
     * { method?, path? (substring), query? (substring of ?…), times? (default 1), status?, body?, retryAfter?,
     *   invalidJson?, delayMs?, hang?, reset? }
     */
    faults: []
  }
}

const openapi = JSON.parse(readFileSync(new URL('./qatech-openapi.json', import.meta.url), 'utf8'))

/**
 * The documented RunRequest, plus the fields QA.tech documents outside its OpenAPI file
 * (`testCaseIds`, build environments), closed to unknown keys so a typo in the action's request
 * fails here as it should.
 */
function runRequestSchema() {
  const schemas = structuredClone(openapi.components.schemas)
  schemas.RunRequest.properties.testCaseIds = { type: 'array', items: { type: 'string', minLength: 1 } }
  // Organization API keys name the project in the body (qatech-api-updates.md).
  const projectShortId = { type: 'string', pattern: '^proj(-.+_.+|_.+)$' }
  schemas.RunRequest.properties.projectShortId = projectShortId
  schemas.RerunRequest.properties.projectShortId = projectShortId
  schemas.ApplicationEnvironmentOverrideByBuild = {
    type: 'object',
    required: ['applicationBuildShortId'],
    properties: { applicationBuildShortId: { type: 'string', pattern: '^build(-.+_.+|_.+)$' } }
  }
  schemas.ApplicationEnvironmentOverride.anyOf.push({
    $ref: '#/components/schemas/ApplicationEnvironmentOverrideByBuild'
  })
  schemas.RunRequest.properties.notifications.minItems = 1
  for (const schema of Object.values(schemas)) {
    if (schema.type === 'object' && schema.properties) schema.additionalProperties = false
  }
  return { $id: 'qatech', components: { schemas } }
}

const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat('int32', { type: 'number', validate: value => Number.isInteger(value) })
ajv.addSchema(runRequestSchema())
ajv.addSchema({ ...structuredClone(openapi), $id: 'qatech-published' })
const validateRunRequest = ajv.getSchema('qatech#/components/schemas/RunRequest')
const validateRerunRequest = ajv.getSchema('qatech#/components/schemas/RerunRequest')

/** Validators of QA.tech's published response schemas, for contract tests of the sandbox. */
export const responseValidators = {
  RunResponse: ajv.getSchema('qatech-published#/components/schemas/RunResponse'),
  GetRunResponse: ajv.getSchema('qatech-published#/components/schemas/GetRunResponse'),
  RerunResponse: ajv.getSchema('qatech-published#/components/schemas/RerunResponse')
}

function describeErrors(errors) {
  return (errors ?? [])
    .map(
      error =>
        `${error.instancePath || 'body'} ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`
    )
    .join('; ')
}

/**
 * Starts the sandbox. Returns { url, requests, runs, setScenario, reset, close }.
 * `onRequest` is called with each request and its answer's status, once it is answered.
 * `now` is the sandbox's clock; `sleep` is how an answer scripted to be slow (a preview site's
 * `delayMs`) waits on it: real time by default, or a test's virtual clock.
 * @param {{ port?: number, host?: string, scenario?: object, now?: () => number, sleep?: (ms: number) => Promise<void>, onRequest?: (request: object) => void }} options
 */
export async function startSandbox(options = {}) {
  const host = options.host ?? '127.0.0.1'
  const now = options.now ?? (() => Date.now())
  const sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
  let scenario = mergeScenario(defaultScenario(), options.scenario ?? {})
  const requests = []
  const runs = new Map()
  const sockets = new Set()
  let runCounter = 0
  let rerunCount = 0

  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      handle(req, res, body).catch(error => send(res, 500, { message: `sandbox error: ${error.message}` }))
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req, res, rawBody) {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const path = url.pathname

    if (path.startsWith('/__sandbox/')) return control(req, res, path, rawBody)

    let body
    try {
      body = rawBody === '' ? undefined : JSON.parse(rawBody)
    } catch {
      body = Symbol.for('invalid')
    }
    const record = {
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: typeof body === 'symbol' ? rawBody : body,
      headers: {
        authorization: req.headers.authorization,
        'user-agent': req.headers['user-agent'],
        'content-type': req.headers['content-type']
      },
      at: now()
    }
    requests.push(record)
    // The status is known once the answer is written: the CLI logs each request with it.
    res.on('finish', () => options.onRequest?.({ ...record, status: res.statusCode }))

    const fault = takeFault(req.method, path, url.search)
    if (fault) {
      if (fault.delayMs) await new Promise(resolve => setTimeout(resolve, fault.delayMs))
      if (fault.hang) return // never answer; the socket is closed with the server
      if (fault.reset) return req.socket.destroy()
      if (fault.invalidJson) return sendRaw(res, fault.status ?? 200, '{"status": "RUNN', 'application/json')
      if (fault.status) {
        const headers = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }
        if (typeof fault.body === 'string') return sendRaw(res, fault.status, fault.body, 'text/html', headers)
        return send(res, fault.status, fault.body ?? { message: `Injected fault ${fault.status}` }, headers)
      }
    }

    // The run pages QA.tech links to: a small page with the run's status, so a link opens.
    const page = /^\/p\/[^/]+\/results\/(?:test\/)?([^/]+)$/.exec(path)
    if (req.method === 'GET' && page) return runPage(res, decodeURIComponent(page[1]))

    const request = { req, res, url, path, body, rawBody }
    for (const routes of modules) if (await routes.handle(request)) return
    if (!path.startsWith('/v1/')) return send(res, 404, { message: `No route ${req.method} ${path}` })

    if (req.headers.authorization !== `Bearer ${scenario.token}`) {
      return send(res, 401, { message: 'Invalid or missing API key' })
    }
    if (typeof body === 'symbol') return send(res, 400, { message: 'Malformed JSON body' })
    const project = projectProblem(body?.projectShortId ?? url.searchParams.get('projectShortId') ?? undefined)
    if (project) return send(res, project.status, { message: project.message })
    // QA.tech's chat API shares the key and project checks above.
    if (await chat.handle(request)) return

    const runPath = /^\/v1\/run\/([^/]+)$/.exec(path)
    if (req.method === 'POST' && path === '/v1/run') return startRun(res, body ?? {})
    if (req.method === 'GET' && runPath) return getRun(res, decodeURIComponent(runPath[1]), url.searchParams)
    if (req.method === 'POST' && runPath) return rerun(res, decodeURIComponent(runPath[1]), body ?? {})
    if (req.method === 'GET' && path === '/v1/applications') {
      return send(res, 200, {
        applications: scenario.applications.map(({ shortId, name, kind }) => ({ shortId, name, kind }))
      })
    }
    return send(res, 404, { message: `No route ${req.method} ${path}` })
  }

  function runPage(res, id) {
    const run = runs.get(id) ?? [...runs.values()].find(item => id.startsWith(`rtc_${item.shortId}_`))
    if (!run)
      return sendRaw(
        res,
        404,
        `<!doctype html><title>Not found</title><p>No run ${escapeHtml(id)} in this sandbox.</p>`,
        'text/html'
      )
    const { status } = progress(run)
    const result = ['COMPLETED'].includes(status) ? ` · ${escapeHtml(String(run.script.result))}` : ''
    const rows = run.testCases.map(testCase => `<li>${escapeHtml(testCase.name)}</li>`).join('')
    return sendRaw(
      res,
      200,
      `<!doctype html><meta charset="utf-8"><title>QA.tech sandbox run ${escapeHtml(run.shortId)}</title><h1>Run ${escapeHtml(run.shortId)}: ${escapeHtml(status)}${result}</h1><p>Test plan: ${escapeHtml(run.plan.name)}</p><ul>${rows}</ul><p>This page is the sandbox's stand-in for QA.tech's run page.</p>`,
      'text/html; charset=utf-8'
    )
  }

  /** What QA.tech says about the project named (or not) by a request, for the key's scope. */
  function projectProblem(named) {
    if (named === undefined) {
      return scenario.keyScope === 'organization'
        ? { status: 403, message: 'projectShortId is required for organization-scoped API keys' }
        : undefined
    }
    if (named === scenario.projectShortId) return undefined
    return scenario.keyScope === 'organization'
      ? { status: 404, message: `Project ${named} not found` }
      : { status: 403, message: "Project-scoped API keys may only pass their own project's short ID" }
  }

  function takeFault(method, path, search) {
    const index = scenario.faults.findIndex(
      fault =>
        (fault.method === undefined || fault.method === method) &&
        (fault.path === undefined || path.includes(fault.path)) &&
        (fault.query === undefined || search.includes(fault.query))
    )
    if (index === -1) return undefined
    const fault = scenario.faults[index]
    const times = (fault.times ?? 1) - 1
    if (times <= 0) scenario.faults.splice(index, 1)
    else scenario.faults[index] = { ...fault, times }
    return fault
  }

  function startRun(res, body) {
    if (!validateRunRequest(body))
      return send(res, 400, { message: `Invalid request: ${describeErrors(validateRunRequest.errors)}` })
    const plan = body.testPlanShortId
      ? scenario.testPlans.find(item => item.shortId === body.testPlanShortId)
      : scenario.testPlans.find(item => item.default)
    if (!plan)
      return send(res, 404, {
        message: body.testPlanShortId
          ? `Test plan ${body.testPlanShortId} not found`
          : 'Project has no default test plan'
      })
    for (const app of body.applications ?? []) {
      if (!scenario.applications.some(item => item.shortId === app.applicationShortId)) {
        return send(res, 404, { message: `Application ${app.applicationShortId} not found` })
      }
      const envId = app.environment?.shortId
      if (
        envId &&
        !scenario.environments.some(env => env.shortId === envId && env.applicationShortId === app.applicationShortId)
      ) {
        return send(res, 404, { message: `Environment ${envId} not found` })
      }
      if (app.devicePresetShortId && !scenario.devicePresets.includes(app.devicePresetShortId)) {
        return send(res, 404, { message: `Device preset ${app.devicePresetShortId} not found` })
      }
    }
    const planned = scenario.run.testCases.map(withProjectTestCaseId)
    const testCases = body.testCaseIds
      ? planned.filter((testCase, index) => body.testCaseIds.includes(testCase.id ?? `tc_${index + 1}`))
      : planned
    if (body.testCaseIds && testCases.length === 0)
      return send(res, 400, { message: 'None of testCaseIds is in the test plan' })
    const run = createRun(plan, testCases)
    return send(res, 200, {
      success: true,
      run: {
        id: run.id,
        shortId: run.shortId,
        url: run.url,
        testCount: run.testCases.length,
        testPlan: { name: plan.name, shortId: plan.shortId }
      }
    })
  }

  function createRun(plan, testCases, scriptOverrides = {}) {
    runCounter += 1
    const shortId = scenario.runShortIds?.[runCounter - 1] ?? `r${String(runCounter).padStart(3, '0')}sbx`
    const run = {
      id: `00000000-0000-4000-8000-${String(runCounter).padStart(12, '0')}`,
      shortId,
      url: `${baseUrl()}/p/${scenario.project}/results/${encodeURIComponent(shortId)}`,
      plan,
      testCases,
      script: { ...structuredClone(scenario.run), ...scriptOverrides },
      startedAt: now(),
      polls: 0
    }
    runs.set(shortId, run)
    return run
  }

  function getRun(res, shortId, query) {
    const run = runs.get(shortId)
    if (!run) return send(res, 404, { message: `Run ${shortId} not found` })
    run.polls += 1
    const { status, finishedCount } = progress(run)
    const terminal = ['COMPLETED', 'ERROR', 'CANCELLED'].includes(status)
    const testCases = run.testCases.map((testCase, index) =>
      renderTestCase(run, testCase, index, index < finishedCount)
    )
    const which = query.get('testCases')
    const issuesQuery = query.get('issues')
    const response = {
      id: run.id,
      shortId: run.shortId,
      status,
      result: status === 'COMPLETED' ? run.script.result : null,
      runTestCases:
        which === 'all'
          ? testCases
          : which === 'failed'
            ? testCases.filter(item => item.result && item.result !== 'PASSED')
            : []
    }
    if (issuesQuery) {
      const issues = terminal ? run.script.issues : []
      response.issues =
        issuesQuery === 'all' ? issues : issues.filter(issue => issue.issueType.toLowerCase() === issuesQuery)
    }
    return send(res, 200, response)
  }

  /** Where a run is: by GET count when scripted that way, else by time since it started. */
  function progress(run) {
    const script = run.script
    const count = run.testCases.length
    if (Array.isArray(script.statusSequence) && script.statusSequence.length > 0) {
      const status = script.statusSequence[Math.min(run.polls, script.statusSequence.length) - 1]
      const terminal = ['COMPLETED', 'ERROR', 'CANCELLED'].includes(status)
      return { status, finishedCount: terminal ? count : 0 }
    }
    const elapsed = now() - run.startedAt
    if (elapsed < script.initiatedMs) return { status: 'INITIATED', finishedCount: 0 }
    if (elapsed < script.durationMs) {
      const span = Math.max(1, script.durationMs - script.initiatedMs)
      return {
        status: 'RUNNING',
        finishedCount: Math.min(count - 1, Math.floor(((elapsed - script.initiatedMs) / span) * count))
      }
    }
    return { status: script.finalStatus, finishedCount: count }
  }

  function renderTestCase(run, testCase, index, finished) {
    const shortId = testCase.shortId ?? `rtc_${run.shortId}_${index + 1}`
    const result = finished ? (testCase.result ?? 'PASSED') : null
    return {
      id: testCase.id ?? `tc_${index + 1}`,
      shortId,
      name: testCase.name,
      status: finished ? 'COMPLETED' : 'RUNNING',
      result,
      resultTitle: finished ? (testCase.resultTitle ?? (result === 'PASSED' ? 'Goal reached' : null)) : null,
      evaluationThought: finished ? (testCase.evaluationThought ?? null) : null,
      errorCode: finished && result === 'FAILED' ? (testCase.errorCode ?? 'TEST_FAILED') : null,
      // The test itself, kept by reruns and the same in every run of the plan (null: left out).
      ...(testCase.projectTestCaseId === null ? {} : { projectTestCaseId: testCase.projectTestCaseId }),
      classification: testCase.classification ?? 'POSITIVE',
      promptGoal: testCase.promptGoal ?? null,
      promptExamples: testCase.promptExamples ?? null,
      ...(testCase.url === null
        ? {}
        : { url: testCase.url ?? `${baseUrl()}/p/${scenario.project}/results/test/${shortId}` })
    }
  }

  function rerun(res, shortId, body) {
    const run = runs.get(shortId)
    if (!run) return send(res, 404, { message: `Run ${shortId} not found` })
    if (!validateRerunRequest(body))
      return send(res, 400, { message: `Invalid request: ${describeErrors(validateRerunRequest.errors)}` })
    if (body.failedOnly && body.projectTestCaseIds)
      return send(res, 400, { message: 'failedOnly and projectTestCaseIds exclude each other' })
    const ran = body.failedOnly
      ? run.testCases.filter(testCase => (testCase.result ?? 'PASSED') !== 'PASSED')
      : run.testCases
    // QA.tech's own words for a run without failures (the action never reads them).
    if (ran.length === 0) return send(res, 400, { message: 'There are no test cases to rerun' })
    // The n-th rerun answers as scenario.reruns[n-1] says (its result, and results by test name).
    const script = scenario.reruns?.[rerunCount] ?? {}
    rerunCount += 1
    const testCases = ran.map(testCase => ({ ...testCase, ...(script.testCases?.[testCase.name] ?? {}) }))
    const next = createRun(run.plan, testCases, script.result === undefined ? {} : { result: script.result })
    return send(res, 200, {
      success: true,
      run: { id: next.id, shortId: next.shortId, url: next.url, testCount: testCases.length }
    })
  }

  function control(req, res, path, rawBody) {
    if (req.method === 'PUT' && path === '/__sandbox/scenario') {
      scenario = mergeScenario(scenario, JSON.parse(rawBody || '{}'))
      return send(res, 200, { ok: true })
    }
    if (req.method === 'GET' && path === '/__sandbox/requests') return send(res, 200, { requests })
    return send(res, 404, { message: 'unknown sandbox control' })
  }

  /**
   * The other routes, each in its own module: handle(request) answers and returns true, or
   * returns false for a path that is not its own. They read the scenario through the context.
   */
  const context = { now, sleep, baseUrl: () => baseUrl(), scenario: () => scenario, send, sendRaw }
  const chat = createChatRoutes(context)
  const modules = [createGithubRoutes(context), createTesterArmyRoutes(context), createPreviewRoutes(context)]

  function baseUrl() {
    const address = server.address()
    return `http://${host}:${typeof address === 'object' && address ? address.port : 0}`
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })

  return {
    url: baseUrl(),
    requests,
    runs,
    /** Merges a partial scenario into the current one (run and arrays are replaced, not merged). */
    setScenario(partial) {
      scenario = mergeScenario(scenario, partial)
    },
    /** Forgets requests and runs and goes back to the default scenario. */
    reset(partial = {}) {
      scenario = mergeScenario(defaultScenario(), partial)
      requests.length = 0
      runs.clear()
      runCounter = 0
      rerunCount = 0
      for (const routes of [...modules, chat]) routes.reset?.()
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}

/**
 * A planned test case with the id of the test itself, as QA.tech's run test cases name it
 * (`projectTestCaseId`): the scenario's, or one made from the test's name, so that two runs of
 * the same scenario name their tests alike. `null` leaves it out.
 */
function withProjectTestCaseId(testCase) {
  if (testCase.projectTestCaseId !== undefined) return testCase
  const slug = String(testCase.name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return { ...testCase, projectTestCaseId: `ptc_${slug || 'unnamed'}` }
}

function mergeScenario(base, partial) {
  return {
    ...base,
    ...partial,
    run: { ...base.run, ...(partial.run ?? {}) },
    // Each module's part merges one level deep, like `run`.
    ...Object.fromEntries(
      ['github', 'chat', 'testerArmy', 'preview'].map(key => [key, { ...base[key], ...(partial[key] ?? {}) }])
    ),
    faults: [...(partial.faults ?? base.faults)]
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char])
}

export function send(res, status, body, headers = {}) {
  sendRaw(res, status, JSON.stringify(body), 'application/json', headers)
}

export function sendRaw(res, status, text, contentType, headers = {}) {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}
