/**
 * The tester.army API, as much of it as the tester-army action calls, for the sandbox
 * (sandbox/server.mjs). It answers under /testerarmy/api/v1/..., so the action's api_url is
 * `${sandbox.url}/testerarmy/api`:
 *   POST /v1/runs                                      a prompt run (the seed document's schema)
 *   POST /v1/tests/{testId}/runs                       one saved test
 *   POST /v1/groups/{groupId}/runs                     every test of a group, as a batch
 *   POST /v1/projects/{projectId}/pull-request-runs    the pull-request agent
 *   GET  /v1/runs/{id}                                 a run's status and result
 *   POST /v1/runs/{id}/cancel                          409 once the run is terminal
 *   POST /v1/batches/{batchId}/cancel
 * It checks the bearer key and validates request bodies against tester.army's OpenAPI file
 * (sandbox/testerarmy-openapi.json, closed to unknown keys so a typo fails here), answering
 * `{ error, message }` as tester.army does. Faults (status codes, Retry-After, dropped
 * connections) are the server's: `scenario.faults` with a `path` such as '/testerarmy/api/v1/runs'.
 *
 * Scriptable through `scenario.testerArmy` (see `testerArmyDefaults`): how each run goes — a
 * status per GET or times on the sandbox's clock — and its output or error.
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'

export const TESTER_ARMY_KEY = 'sk_sandbox_testerarmy'

/** The ids the default scenario knows. */
export const TESTER_ARMY_IDS = {
  test: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  group: '6f1c0e2a-8c3b-4f6e-9d2a-5b7e8f9a0c1d',
  project: '3d8a7b1e-5c4f-4a2b-8e9d-1f0a2b3c4d5e',
  projectShortId: 'web-shop'
}

const PREFIX = '/testerarmy/api'

/** How a run goes unless the scenario says otherwise. */
const DEFAULT_RUN = {
  /** Milliseconds from the start until the run is running, and until it is terminal. */
  queuedMs: 0,
  durationMs: 0,
  /** Alternatively, a status per GET of this run (the last one repeats); overrides the times. */
  statusSequence: null,
  finalStatus: 'completed',
  /**
   * The output once completed: undefined for a passing one named after the test; an object with
   * `result` is merged over that; `{ kind: 'planner_skipped', reason }` or null as it is.
   */
  output: undefined,
  /** Set on a failed run: `{ code, message }`. */
  error: { code: 'BROWSER_CRASHED', message: 'The browser crashed before the first step.' }
}

/** This module's part of the scenario (`scenario.testerArmy`). */
export function testerArmyDefaults() {
  return {
    apiKey: TESTER_ARMY_KEY,
    tests: [{ id: TESTER_ARMY_IDS.test, name: 'Checkout' }],
    groups: [{ id: TESTER_ARMY_IDS.group, name: 'Smoke', tests: ['Sign up', 'Checkout'] }],
    projects: [{ id: TESTER_ARMY_IDS.project, shortId: TESTER_ARMY_IDS.projectShortId }],
    /** False: POST /v1/runs answers 404, as if prompt runs were retired. */
    promptRuns: true,
    /** Every run's script, merged over the defaults above. */
    run: {},
    /** Scripts for single runs, by the order they are started (a batch's runs in order), over `run`. */
    runs: [],
    /** Group runs: positions in the batch that tester.army cancels at once (a duplicate, the usage limit). */
    rejectedInBatch: [],
    /** Ids for the runs and batches in the order they are started (past the list: 7a000000-…, ba000000-…). */
    runIds: [],
    batchIds: []
  }
}

const openapi = JSON.parse(readFileSync(new URL('./testerarmy-openapi.json', import.meta.url), 'utf8'))

/**
 * OpenAPI 3.0 in JSON Schema terms for Ajv: `nullable` becomes a `null` type, and the boolean
 * `exclusiveMinimum` of draft 4 becomes the number of later drafts.
 */
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema)
  if (node === null || typeof node !== 'object') return node
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, toJsonSchema(value)]))
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null']
    delete out.nullable
  }
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum
    delete out.minimum
  }
  return out
}

/** Closes every object schema to unknown keys, so a misspelt field of the action's request fails. */
function closed(schema) {
  const copy = structuredClone(schema)
  const close = node => {
    if (Array.isArray(node)) return node.forEach(close)
    if (node === null || typeof node !== 'object') return
    if (node.type === 'object' && node.properties && node.additionalProperties === undefined) {
      node.additionalProperties = false
    }
    Object.values(node).forEach(close)
  }
  close(copy)
  return copy
}

const published = toJsonSchema(openapi)
const requestBody = (path, method = 'post') =>
  published.paths[path][method].requestBody.content['application/json'].schema
const answer = (path, status, method = 'post') =>
  published.paths[path][method].responses[status].content['application/json'].schema

/**
 * The prompt run of the seed document (testerarmy-submit-run.md); tester.army's OpenAPI file has
 * none. `minLength` is from its prose ("prompt: Required" for an empty one).
 */
const SUBMIT_RUN_REQUEST = {
  type: 'object',
  properties: {
    prompt: { type: 'string', minLength: 1 },
    webhookUrl: { type: 'string', format: 'uri' }
  },
  required: ['prompt'],
  additionalProperties: false
}
const SUBMIT_RUN_RESPONSE = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['queued'] },
    createdAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'status', 'createdAt']
}

const ajv = new Ajv({ allErrors: true, strict: false })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
ajv.addFormat('uuid', UUID)
ajv.addFormat('date-time', value => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value))
ajv.addFormat('uri', value => {
  try {
    return new URL(value).protocol.length > 1
  } catch {
    return false
  }
})
ajv.addFormat('binary', () => true)

/** Schemas may $ref the components: compile them as part of the document. */
function compile(schema) {
  return ajv.compile({ ...schema, $id: undefined, components: published.components })
}

const validateRequest = {
  prompt: compile(SUBMIT_RUN_REQUEST),
  test: compile(closed(requestBody('/v1/tests/{testId}/runs'))),
  group: compile(closed(requestBody('/v1/groups/{groupId}/runs'))),
  pullRequest: compile(published.components.schemas.DynamicPrRunRequest)
}

/** Validators of tester.army's published response schemas, for contract tests of the sandbox. */
export const testerArmyResponseValidators = {
  RunResponse: compile(published.components.schemas.RunResponse),
  /** RunResponse's `output` is open (`anyOf` with a bare `nullable`): these hold a sent output to its two shapes. */
  TestOutput: compile(published.components.schemas.TestOutput),
  PlannerSkippedOutput: compile(published.components.schemas.PlannerSkippedOutput),
  SubmitRunResponse: compile(SUBMIT_RUN_RESPONSE),
  TestRunResponse: compile(answer('/v1/tests/{testId}/runs', '202')),
  GroupRunResponse: compile(answer('/v1/groups/{groupId}/runs', '202')),
  PullRequestRunResponse: compile(answer('/v1/projects/{projectId}/pull-request-runs', '202')),
  CancelResponse: compile(answer('/v1/runs/{id}/cancel', '200')),
  BatchCancelResponse: compile(answer('/v1/batches/{batchId}/cancel', '200')),
  ErrorResponse: compile(published.components.schemas.ErrorResponse)
}

function describeErrors(errors) {
  return (errors ?? [])
    .map(
      error =>
        `${error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body'}: ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`
    )
    .join('; ')
}

const TERMINAL = ['completed', 'failed', 'cancelled']

/** @param {{ now: () => number, scenario: () => any, send: Function }} context */
export function createTesterArmyRoutes({ now, scenario, send }) {
  const runs = new Map()
  const batches = new Map()
  let runCounter = 0
  let batchCounter = 0

  const part = () => scenario().testerArmy
  const answerWith = (res, status, body) => {
    send(res, status, body)
    return true
  }
  const error = (res, status, code, message) => answerWith(res, status, { error: code, message })
  const iso = ms => new Date(ms).toISOString()

  function createRun({ type, name, input, testId = null, projectId = null }) {
    runCounter += 1
    const script = { ...DEFAULT_RUN, ...part().run, ...(part().runs[runCounter - 1] ?? {}) }
    const run = {
      id: part().runIds?.[runCounter - 1] ?? `7a000000-0000-4000-8000-${String(runCounter).padStart(12, '0')}`,
      type,
      name,
      input,
      testId,
      projectId,
      script,
      createdAt: now(),
      cancelledAt: undefined,
      finishedAt: undefined,
      polls: 0
    }
    runs.set(run.id, run)
    return run
  }

  /** Where a run is: cancelled for good once cancelled, else by GET count or by time. */
  function statusOf(run) {
    if (run.cancelledAt !== undefined) return 'cancelled'
    const { statusSequence, queuedMs, durationMs, finalStatus } = run.script
    if (Array.isArray(statusSequence) && statusSequence.length > 0) {
      return statusSequence[Math.max(0, Math.min(run.polls, statusSequence.length) - 1)]
    }
    const elapsed = now() - run.createdAt
    if (elapsed < queuedMs) return 'queued'
    if (elapsed < durationMs) return 'running'
    return finalStatus
  }

  function outputOf(run) {
    const output = run.script.output
    if (output === null) return null
    const passing = {
      featureName: run.name,
      result: 'PASS',
      description: `${run.name} works as expected.`,
      issues: [],
      screenshots: [`https://tester.army/sandbox/screenshots/${encodeURIComponent(run.id)}-1.png`],
      steps: [{ stepIndex: 0, title: `Open ${run.name}`, type: 'act', status: 'passed', summary: 'Loaded' }]
    }
    if (output === undefined) return passing
    return typeof output.result === 'string' ? { ...passing, ...output } : output
  }

  /** When a run ended, fixed the first time it is seen terminal. */
  function finishedAt(run) {
    if (run.finishedAt === undefined) {
      const timed = !(Array.isArray(run.script.statusSequence) && run.script.statusSequence.length > 0)
      run.finishedAt = run.cancelledAt ?? (timed ? run.createdAt + run.script.durationMs : now())
    }
    return run.finishedAt
  }

  function render(run) {
    const status = statusOf(run)
    const terminal = TERMINAL.includes(status)
    const startedAt = run.createdAt + (run.script.queuedMs ?? 0)
    const endedAt = terminal ? finishedAt(run) : undefined
    return {
      id: run.id,
      type: run.type,
      status,
      platform: 'web',
      deviceModel: null,
      source: 'api',
      projectId: run.projectId,
      testId: run.testId,
      input: run.input,
      output: status === 'completed' ? outputOf(run) : null,
      testPlan: null,
      error: status === 'failed' ? run.script.error : null,
      durationMs: endedAt === undefined ? null : Math.max(0, endedAt - startedAt),
      webhookUrl: run.input.webhookUrl ?? null,
      webhookStatus: run.input.webhookUrl ? (terminal ? 'delivered' : 'pending') : null,
      createdAt: iso(run.createdAt),
      startedAt: status === 'queued' ? null : iso(startedAt),
      completedAt: endedAt === undefined ? null : iso(endedAt)
    }
  }

  function startPromptRun(res, body) {
    if (!part().promptRuns) return error(res, 404, 'NotFound', 'Not found')
    if (!validateRequest.prompt(body))
      return error(res, 400, 'ValidationError', describeErrors(validateRequest.prompt.errors))
    const run = createRun({ type: 'test', name: 'Prompt run', input: body })
    return answerWith(res, 202, { id: run.id, status: 'queued', createdAt: iso(run.createdAt) })
  }

  function startTestRun(res, testId, body) {
    if (!UUID.test(testId)) return error(res, 400, 'ValidationError', 'testId: Invalid uuid')
    if (!validateRequest.test(body))
      return error(res, 400, 'ValidationError', describeErrors(validateRequest.test.errors))
    const test = part().tests.find(item => item.id === testId)
    if (!test) return error(res, 404, 'NotFound', 'Test not found')
    const run = createRun({ type: 'test', name: test.name, input: body, testId })
    return answerWith(res, 202, { status: 'queued', runId: run.id, testId })
  }

  function startGroupRun(res, groupId, body) {
    if (!UUID.test(groupId)) return error(res, 400, 'ValidationError', 'groupId: Invalid uuid')
    if (!validateRequest.group(body))
      return error(res, 400, 'ValidationError', describeErrors(validateRequest.group.errors))
    const group = part().groups.find(item => item.id === groupId)
    if (!group) return error(res, 404, 'NotFound', 'Group not found')
    batchCounter += 1
    const batchId =
      part().batchIds?.[batchCounter - 1] ?? `ba000000-0000-4000-8000-${String(batchCounter).padStart(12, '0')}`
    // A group's test is its name, or { id, name }: a saved test, whose runs name it by `testId`.
    const batchRuns = group.tests.map(test =>
      typeof test === 'string'
        ? createRun({ type: 'test', name: test, input: body })
        : createRun({ type: 'test', name: test.name, input: body, testId: test.id })
    )
    const rejected = batchRuns.filter((_, index) => part().rejectedInBatch.includes(index))
    for (const run of rejected) run.cancelledAt = run.createdAt
    batches.set(batchId, batchRuns)
    const queued = batchRuns.filter(run => !rejected.includes(run))
    return answerWith(res, 202, {
      status: queued.length > 0 ? 'queued' : 'cancelled',
      groupId,
      batchId,
      runIds: batchRuns.map(run => run.id),
      queuedRunIds: queued.map(run => run.id),
      cancelledRunIds: rejected.map(run => run.id),
      count: batchRuns.length,
      metadata: { github: notConfigured() }
    })
  }

  function startPullRequestRun(res, projectId, body) {
    if (!validateRequest.pullRequest(body)) {
      return error(res, 400, 'ValidationError', describeErrors(validateRequest.pullRequest.errors))
    }
    const project = part().projects.find(item => item.id === projectId || item.shortId === projectId)
    if (!project) return error(res, 404, 'NotFound', 'Project not found')
    const run = createRun({
      type: 'ci',
      name: `Pull request #${body.pullRequest.number}`,
      input: body,
      projectId: project.id
    })
    return answerWith(res, 202, {
      status: 'queued',
      runId: run.id,
      projectId: project.id,
      platform: 'web',
      metadata: { github: notConfigured() }
    })
  }

  function cancelRun(res, id) {
    const run = runs.get(id)
    if (!run) return error(res, 404, 'NotFound', 'Run not found')
    const status = statusOf(run)
    if (TERMINAL.includes(status)) return error(res, 409, 'Conflict', `Run is already ${status}`)
    run.cancelledAt = now()
    return answerWith(res, 200, { id, status: 'cancelled' })
  }

  function cancelBatch(res, batchId) {
    const batchRuns = batches.get(batchId)
    if (!batchRuns) return error(res, 404, 'NotFound', 'Batch not found')
    const finished = batchRuns.filter(run => TERMINAL.includes(statusOf(run)))
    const open = batchRuns.filter(run => !finished.includes(run))
    for (const run of open) run.cancelledAt = now()
    return answerWith(res, 200, {
      batchId,
      cancelled: open.length,
      alreadyFinished: finished.length,
      cancelledRunIds: open.map(run => run.id),
      alreadyFinishedRunIds: finished.map(run => run.id)
    })
  }

  return {
    handle({ req, res, path, body }) {
      if (!path.startsWith(`${PREFIX}/`)) return false
      const route = path.slice(PREFIX.length)
      if (req.headers.authorization !== `Bearer ${part().apiKey}`) {
        return error(res, 401, 'Unauthorized', 'Invalid or missing API key')
      }
      if (typeof body === 'symbol') return error(res, 400, 'ValidationError', 'Malformed JSON body')
      const json = body ?? {}
      let match
      if (req.method === 'POST' && route === '/v1/runs') return startPromptRun(res, json)
      if (req.method === 'POST' && (match = /^\/v1\/tests\/([^/]+)\/runs$/.exec(route))) {
        return startTestRun(res, decodeURIComponent(match[1]), json)
      }
      if (req.method === 'POST' && (match = /^\/v1\/groups\/([^/]+)\/runs$/.exec(route))) {
        return startGroupRun(res, decodeURIComponent(match[1]), json)
      }
      if (req.method === 'POST' && (match = /^\/v1\/projects\/([^/]+)\/pull-request-runs$/.exec(route))) {
        return startPullRequestRun(res, decodeURIComponent(match[1]), json)
      }
      if (req.method === 'GET' && (match = /^\/v1\/runs\/([^/]+)$/.exec(route))) {
        const run = runs.get(decodeURIComponent(match[1]))
        if (!run) return error(res, 404, 'NotFound', 'Run not found')
        run.polls += 1
        return answerWith(res, 200, render(run))
      }
      if (req.method === 'POST' && (match = /^\/v1\/runs\/([^/]+)\/cancel$/.exec(route))) {
        return cancelRun(res, decodeURIComponent(match[1]))
      }
      if (req.method === 'POST' && (match = /^\/v1\/batches\/([^/]+)\/cancel$/.exec(route))) {
        return cancelBatch(res, decodeURIComponent(match[1]))
      }
      return error(res, 404, 'NotFound', `No route ${req.method} ${route}`)
    },
    reset() {
      runs.clear()
      batches.clear()
      runCounter = 0
      batchCounter = 0
    }
  }
}

function notConfigured() {
  return { configured: false, checkRunCreated: false, commentTargetResolved: false, status: 'not_configured' }
}
