/**
 * tester-army/action.yml keeps tester.army's own action's inputs, deprecated, and the tester.army
 * examples use it as it declares: inputs that exist, the required ones, none of the deprecated
 * ones. That it declares exactly what the code reads and sets is action-yml-names.test.ts's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { LegacyInputs } from '../../src/testerarmy/names.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface Metadata {
  inputs: Record<string, { description?: string; required?: boolean; default?: string; deprecationMessage?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}
const action = parse(readFileSync(join(root, 'tester-army', 'action.yml'), 'utf8')) as Metadata

describe('tester-army/action.yml', () => {
  it("marks every input of tester.army's own action deprecated, and no other", () => {
    const deprecated = Object.entries(action.inputs).filter(([, input]) => input.deprecationMessage)
    expect(deprecated.map(([name]) => name).sort()).toEqual(Object.values(LegacyInputs).sort())
  })

  it('describes every input and output', () => {
    for (const input of Object.values(action.inputs)) expect(input.description?.length).toBeGreaterThan(20)
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(20)
  })

  it('gives the defaults the issue asks for', () => {
    expect(action.inputs).toMatchObject({
      api_key: { required: true },
      api_url: { default: 'https://tester.army/api/v1' },
      github_token: { default: '${{ github.token }}' },
      blocking: { default: 'true' },
      cancel_on_abort: { default: 'true' },
      job_summary: { default: 'true' }
    })
  })

  it('runs the bundle built from src/tester-army.ts on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/tester-army/index.js' })
  })
})

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

const examples = readdirSync(join(root, 'examples')).filter(name => /^tester-army-.*\.yml$/.test(name))

describe('examples/tester-army-*.yml', () => {
  it('has the documented workflows', () => {
    expect(examples.sort()).toEqual([
      'tester-army-pull-request.yml',
      'tester-army-push.yml',
      'tester-army-vercel-preview.yml'
    ])
  })

  it.each(examples)('%s uses only inputs that tester-army/action.yml declares, and no deprecated one', name => {
    const workflow = parse(readFileSync(join(root, 'examples', name), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>
    }
    const uses = Object.values(workflow.jobs)
      .flatMap(job => job.steps)
      .filter(step => step.uses?.includes('/tester-army@'))
    expect(uses.length).toBeGreaterThan(0)
    for (const step of uses) {
      const keys = Object.keys(step.with ?? {})
      expect(keys.filter(key => !(key in action.inputs) || action.inputs[key]?.deprecationMessage)).toEqual([])
      const required = Object.keys(action.inputs).filter(key => action.inputs[key]?.required)
      expect(required.filter(key => !keys.includes(key))).toEqual([])
      const modes = keys.filter(key => ['prompt', 'test_id', 'group_id', 'project_id'].includes(key))
      expect(modes).toHaveLength(1)
    }
  })
})
