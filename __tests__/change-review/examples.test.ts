/**
 * change-review/action.yml keeps every input and output of the official
 * QAdottech/run-action/change-review, and the change-review examples use it as it declares.
 * That it declares exactly what the code reads and sets is action-yml-names.test.ts's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface Metadata {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}
const action = parse(readFileSync(join(root, 'change-review', 'action.yml'), 'utf8')) as Metadata

/** The official action's inputs and outputs (qatech-official-action.md §2), each with the same meaning here. */
const OFFICIAL_INPUTS = [
  'project_short_id',
  'api_token',
  'applications_config',
  'blocking',
  'context',
  'pr_url',
  'api_url'
]
const OFFICIAL_OUTPUTS = ['chat_created', 'chat_short_id', 'chat_url', 'chat_status', 'chat_response']

describe('change-review/action.yml', () => {
  it('keeps every input and output of the official action, with the official defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(OFFICIAL_INPUTS))
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(OFFICIAL_OUTPUTS))
    expect(action.inputs).toMatchObject({
      api_token: { required: true },
      api_url: { default: 'https://api.qa.tech' },
      blocking: { default: 'false' },
      timeout_minutes: { default: '60' },
      github_token: { default: '${{ github.token }}' },
      job_summary: { default: 'true' }
    })
  })

  it('requires nothing that a workflow written for the official v3 leaves out', () => {
    // QA.tech's own demo runs change-review@v3 with api_token, context and applications_config only.
    const required = Object.keys(action.inputs).filter(name => action.inputs[name]?.required)
    expect(required).toEqual(['api_token'])
  })

  it('describes every input and output', () => {
    for (const input of Object.values(action.inputs)) expect(input.description?.length).toBeGreaterThan(20)
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(20)
  })

  it('runs the bundle built from src/change-review.ts on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/change-review/index.js' })
  })
})

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

const examples = readdirSync(join(root, 'examples')).filter(name => /^change-review-.*\.yml$/.test(name))

describe('examples/change-review-*.yml', () => {
  it('has the documented workflows', () => {
    expect(examples.sort()).toEqual(['change-review-pull-request.yml', 'change-review-vercel.yml'])
  })

  it.each(examples)('%s uses only inputs that change-review/action.yml declares, and the required ones', name => {
    const workflow = parse(readFileSync(join(root, 'examples', name), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>
    }
    const uses = Object.values(workflow.jobs)
      .flatMap(job => job.steps)
      .filter(step => step.uses?.includes('/change-review@'))
    expect(uses.length).toBeGreaterThan(0)
    for (const step of uses) {
      const keys = Object.keys(step.with ?? {})
      expect(keys.filter(key => !(key in action.inputs))).toEqual([])
      const required = Object.keys(action.inputs).filter(key => action.inputs[key]?.required)
      expect(required.filter(key => !keys.includes(key))).toEqual([])
    }
  })
})
