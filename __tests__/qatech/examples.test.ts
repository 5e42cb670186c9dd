/**
 * The root action's examples (examples/*.yml; the tester-army- and change-review- ones are the
 * other actions'): each uses only inputs that action.yml declares, and does what a careful team
 * needs. The `if:`, `concurrency:` and `with:` expressions are evaluated against real webhook
 * payloads, the way GitHub evaluates them, so a guard that reads right but never matches fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { examplePayload } from '../fixtures/payloads.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>
}
const inputNames = Object.keys(action.inputs)
const requiredInputs = inputNames.filter(name => action.inputs[name]?.required)

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, unknown>
  with?: Record<string, unknown>
}
interface Job {
  if?: string
  'timeout-minutes'?: number
  steps: Step[]
}
interface Workflow {
  name: string
  on: Record<string, unknown> | string[] | string
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string }
  jobs: Record<string, Job>
}

const OTHER_ACTIONS = /^(tester-army|change-review)-/
const examples = readdirSync(join(root, 'examples')).filter(name => name.endsWith('.yml') && !OTHER_ACTIONS.test(name))
const text = (name: string) => readFileSync(join(root, 'examples', name), 'utf8')
const workflow = (name: string) => parse(text(name)) as Workflow
const triggers = (flow: Workflow) =>
  typeof flow.on === 'string' ? [flow.on] : Array.isArray(flow.on) ? flow.on : Object.keys(flow.on)
/** The root action's steps (`uses: …/qatech-run-action@…`, not a sub-folder's action). */
const isRootAction = (step: Step) => /\/qatech-run-action@/.test(step.uses ?? '')
const actionSteps = (flow: Workflow) => Object.values(flow.jobs).flatMap(job => job.steps.filter(isRootAction))
/** The one job of a workflow that runs the action. */
function actionJob(flow: Workflow): Job {
  const jobs = Object.values(flow.jobs).filter(job => job.steps.some(isRootAction))
  expect(jobs).toHaveLength(1)
  return jobs[0] as Job
}

// ─── GitHub's expression language, as much of it as the examples use ─────────────────────────

type Value = string | number | boolean | null | Value[] | { [key: string]: Value }

/** A context for evaluating: `github`, `secrets`, `steps`… by name. */
type Contexts = Record<string, Value>

/**
 * Evaluates an expression as GitHub does: `||` and `&&` give one of their operands, `==` compares
 * strings without regard to case, a missing property is null, and startsWith/endsWith/contains
 * ignore case. Literals, property paths, `!`, `!=` and parentheses are enough for the examples.
 */
function evaluate(expression: string, contexts: Contexts): Value {
  const tokens = expression.match(/'(?:[^']|'')*'|&&|\|\||==|!=|[!(),.]|[A-Za-z_][\w-]*|\d+(?:\.\d+)?|\S/g) ?? []
  let position = 0
  const peek = () => tokens[position]
  const next = () => tokens[position++] ?? ''
  const truthy = (value: Value) =>
    !(value === false || value === null || value === 0 || value === '' || Number.isNaN(value))
  const lower = (value: Value) => (typeof value === 'string' ? value.toLowerCase() : value)
  const equal = (a: Value, b: Value) =>
    typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b
  const functions: Record<string, (...args: Value[]) => Value> = {
    startsWith: (a, b) => String(lower(a ?? '')).startsWith(String(lower(b ?? ''))),
    endsWith: (a, b) => String(lower(a ?? '')).endsWith(String(lower(b ?? ''))),
    contains: (a, b) =>
      Array.isArray(a) ? a.some(item => equal(item, b)) : String(lower(a ?? '')).includes(String(lower(b ?? ''))),
    always: () => true,
    success: () => true
  }

  function primary(): Value {
    const token = next()
    if (token === '(') {
      const value = or()
      expect(next()).toBe(')')
      return value
    }
    if (token === '!') return !truthy(primary())
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'")
    if (/^\d/.test(token)) return Number(token)
    if (token === 'true' || token === 'false') return token === 'true'
    if (token === 'null') return null
    if (peek() === '(') {
      next()
      const args: Value[] = []
      while (peek() !== ')') {
        args.push(or())
        if (peek() === ',') next()
      }
      next()
      const fn = functions[token]
      if (!fn) throw new Error(`no function ${token} in this evaluator`)
      return fn(...args)
    }
    let value: Value = contexts[token] ?? null
    while (peek() === '.') {
      next()
      const key = next()
      value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value[key] ?? null) : null
    }
    return value
  }
  function comparison(): Value {
    let left = primary()
    while (peek() === '==' || peek() === '!=') {
      const operator = next()
      const right = primary()
      left = operator === '==' ? equal(left, right) : !equal(left, right)
    }
    return left
  }
  function and(): Value {
    let left = comparison()
    while (peek() === '&&') {
      next()
      const right = comparison()
      left = truthy(left) ? right : left
    }
    return left
  }
  function or(): Value {
    let left = and()
    while (peek() === '||') {
      next()
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }
  const value = or()
  if (position !== tokens.length) throw new Error(`could not read ${expression}`)
  return value
}

/** A value from the YAML: `${{ … }}` alone gives the expression's value, inside text its text. */
function evaluateValue(value: unknown, contexts: Contexts): Value {
  if (typeof value !== 'string') return value as Value
  const whole = /^\$\{\{(.*)\}\}$/s.exec(value.trim())
  if (whole?.[1] !== undefined && !whole[1].includes('}}')) return evaluate(whole[1], contexts)
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_, expression: string) => {
    const result = evaluate(expression, contexts)
    return result === null ? '' : String(result)
  })
}

/** A job's `if:`, which is an expression with or without `${{ }}`; no `if:` runs the job. */
function runs(job: Job, contexts: Contexts): boolean {
  if (job.if === undefined) return true
  const expression = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(job.if)?.[1] ?? job.if
  const value = evaluate(expression, contexts)
  return !(value === false || value === null || value === 0 || value === '')
}

/** The contexts of a workflow run for this event. */
function contextsFor(flow: Workflow, eventName: string, payload: object, ref: string): Contexts {
  const event = payload as { repository: { full_name: string } }
  return {
    github: {
      event_name: eventName,
      event: payload as Value,
      repository: event.repository.full_name,
      workflow: flow.name,
      ref
    },
    secrets: { QATECH_API_TOKEN: 'token', VERCEL_AUTOMATION_BYPASS_SECRET: 'bypass' },
    steps: {}
  }
}

/** A pull_request event, from this repository or from a fork, for pull request `number` at `sha`. */
function pullRequest(
  flow: Workflow,
  { fork = false, number = 2, sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' } = {}
) {
  const payload = examplePayload('pull_request', p => p.action === 'opened') as {
    number: number
    repository: { full_name: string }
    pull_request: { number: number; head: { sha: string; repo: { full_name: string } } }
  }
  payload.number = number
  payload.pull_request.number = number
  payload.pull_request.head.sha = sha
  if (fork) payload.pull_request.head.repo.full_name = 'someone-else/Hello-World'
  return contextsFor(flow, 'pull_request', payload, `refs/pull/${number}/merge`)
}

// ─── The tests ─────────────────────────────────────────────────────────────────────────────────

describe('examples/ of the root action', () => {
  it('has the documented workflows', () => {
    expect(examples.sort()).toEqual([
      'fail-on-new-pull-request.yml',
      'fail-on-new-push.yml',
      'matrix-applications.yml',
      'merge-queue.yml',
      'pull-request-required-check.yml',
      'push.yml',
      'results-file.yml',
      'vercel-preview.yml'
    ])
  })

  it.each(examples)('%s uses only inputs that action.yml declares, and gives the required ones', name => {
    const steps = actionSteps(workflow(name))
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      const keys = Object.keys(step.with ?? {})
      expect(keys.filter(key => !inputNames.includes(key))).toEqual([])
      expect(requiredInputs.filter(key => !keys.includes(key))).toEqual([])
    }
  })

  it.each(examples)('%s names its project for organization keys, and uses ids that look real', name => {
    for (const step of actionSteps(workflow(name))) {
      const inputs = step.with ?? {}
      expect(inputs.project_short_id).toMatch(/^proj_[A-Za-z0-9]{4,}$/)
      for (const [input, value] of Object.entries(inputs)) {
        if (!input.endsWith('_short_id') || String(value).includes('${{')) continue
        expect(String(value)).toMatch(/^(proj|pln|app|env|preset)_[A-Za-z0-9]{4,}$/)
        expect(String(value)).not.toMatch(/abc123|example/i)
      }
    }
  })

  it.each(examples.filter(name => triggers(workflow(name)).includes('pull_request')))(
    '%s skips pull requests from forks, which get no secrets, and runs for the repository’s own',
    name => {
      const flow = workflow(name)
      const job = actionJob(flow)
      expect(runs(job, pullRequest(flow))).toBe(true)
      expect(runs(job, pullRequest(flow, { fork: true }))).toBe(false)
    }
  )

  describe('pull-request-required-check.yml', () => {
    const flow = workflow('pull-request-required-check.yml')

    it('guards the required-check job against fork pull requests, as the action’s own error recommends', () => {
      expect(actionJob(flow).if).toBe('github.event.pull_request.head.repo.full_name == github.repository')
    })

    it('cancels the job for a superseded commit of the same pull request, and only of that one', () => {
      const group = (contexts: Contexts) => evaluateValue(flow.concurrency?.group, contexts)
      const first = group(pullRequest(flow, { number: 2, sha: 'a'.repeat(40) }))
      expect(first).toBe('qatech-QA.tech on pull requests-2')
      expect(group(pullRequest(flow, { number: 2, sha: 'b'.repeat(40) }))).toBe(first)
      expect(group(pullRequest(flow, { number: 3 }))).not.toBe(first)
      expect(evaluateValue(flow.concurrency?.['cancel-in-progress'], pullRequest(flow))).toBe(true)
    })

    it('waits for the run, with a job timeout longer than timeout_minutes', () => {
      const job = actionJob(flow)
      const [step] = actionSteps(flow)
      expect(step?.with).toMatchObject({ blocking: true })
      expect(job['timeout-minutes']).toBeGreaterThan(Number(step?.with?.timeout_minutes))
    })
  })

  describe('vercel-preview.yml', () => {
    const flow = workflow('vercel-preview.yml')
    const deployment = (environment: string, state: string) => {
      const payload = examplePayload('deployment_status') as {
        deployment: { environment: string }
        deployment_status: { state: string }
      }
      payload.deployment.environment = environment
      payload.deployment_status.state = state
      return contextsFor(flow, 'deployment_status', payload, 'refs/heads/master')
    }

    it('tests successful Preview deployments only, not Production ones nor unfinished ones', () => {
      const job = actionJob(flow)
      expect(triggers(flow)).toEqual(['deployment_status'])
      expect(runs(job, deployment('Preview', 'success'))).toBe(true)
      expect(runs(job, deployment('Preview – web-shop', 'success'))).toBe(true)
      expect(runs(job, deployment('Production', 'success'))).toBe(false)
      expect(runs(job, deployment('Production – web-shop', 'success'))).toBe(false)
      for (const state of ['pending', 'in_progress', 'failure', 'error']) {
        expect(runs(job, deployment('Preview', state))).toBe(false)
      }
    })

    it('takes the bypass secret from a secret, and says where Vercel gives it', () => {
      const [step] = actionSteps(flow)
      expect(step?.with?.vercel_bypass_secret).toBe('${{ secrets.VERCEL_AUTOMATION_BYPASS_SECRET }}')
      // The comments as one text, their line breaks and `#` left out.
      const comments = text('vercel-preview.yml').replace(/\n\s*#\s*/g, ' ')
      expect(comments).toContain('Project Settings → Deployment Protection → Protection Bypass for Automation')
    })
  })

  describe('merge-queue.yml', () => {
    const flow = workflow('merge-queue.yml')
    const group = examplePayload('merge_group') as { merge_group: { head_sha: string; head_ref: string } }
    const queued = contextsFor(flow, 'merge_group', group, group.merge_group.head_ref)

    it('runs for a queued group and for pull requests (a required check must report on both)', () => {
      expect(triggers(flow).sort()).toEqual(['merge_group', 'pull_request'])
      expect(runs(actionJob(flow), queued)).toBe(true)
    })

    it("deploys the queued group's head SHA and tests that deployment's URL", () => {
      const steps = actionJob(flow).steps
      const test = steps.findIndex(isRootAction)
      const url = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(
        String(steps[test]?.with?.environment_url)
      )
      expect(url).not.toBeNull()
      const [, deployId, output] = url ?? []
      const deploy = steps.findIndex(step => step.id === deployId)
      expect(deploy).toBeGreaterThan(-1)
      expect(deploy).toBeLessThan(test)
      expect(steps[deploy]?.run).toMatch(new RegExp(`echo "${output}=.*" >> "\\$GITHUB_OUTPUT"`))
      // What the deploy step builds: the tree checked out before it, at the group's head SHA.
      const checkout = steps.findIndex(step => step.uses?.startsWith('actions/checkout@'))
      expect(checkout).toBeGreaterThan(-1)
      expect(checkout).toBeLessThan(deploy)
      expect(evaluateValue(steps[checkout]?.with?.ref, queued)).toBe(group.merge_group.head_sha)
      const pull = pullRequest(flow, { sha: 'c'.repeat(40) })
      expect(evaluateValue(steps[checkout]?.with?.ref, pull)).toBe('c'.repeat(40))
    })

    it('never cancels a queued group’s job; a newer push does cancel a pull request’s', () => {
      const cancel = flow.concurrency?.['cancel-in-progress']
      expect(evaluateValue(cancel, queued)).toBe(false)
      expect(evaluateValue(cancel, pullRequest(flow))).toBe(true)
    })
  })
})

describe('.env.example for npm run local', () => {
  it('sets only inputs that action.yml declares, and every required one', () => {
    const names = readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter(line => line.startsWith('INPUT_'))
      .map(line => line.slice('INPUT_'.length, line.indexOf('=')).toLowerCase())
    expect(names.filter(name => !inputNames.includes(name))).toEqual([])
    expect(requiredInputs.filter(name => !names.includes(name))).toEqual([])
  })
})
