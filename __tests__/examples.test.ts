import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** Every example workflow uses the action with inputs that exist, and gives the required ones. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>
}
const inputNames = Object.keys(action.inputs)
const requiredInputs = inputNames.filter(name => action.inputs[name]?.required)

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

const examples = readdirSync(join(root, 'examples')).filter(name => name.endsWith('.yml'))

describe('examples/', () => {
  it('has the documented workflows', () => {
    expect(examples.sort()).toEqual([
      'matrix-applications.yml',
      'merge-queue.yml',
      'pull-request-required-check.yml',
      'push.yml',
      'results-file.yml',
      'vercel-preview.yml'
    ])
  })

  it.each(examples)('%s uses only inputs that action.yml declares', name => {
    const workflow = parse(readFileSync(join(root, 'examples', name), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>
    }
    const uses = Object.values(workflow.jobs)
      .flatMap(job => job.steps)
      .filter(step => step.uses?.includes('qatech-run-action'))
    expect(uses.length).toBeGreaterThan(0)
    for (const step of uses) {
      const keys = Object.keys(step.with ?? {})
      expect(keys.filter(key => !inputNames.includes(key))).toEqual([])
      expect(requiredInputs.filter(key => !keys.includes(key))).toEqual([])
    }
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
