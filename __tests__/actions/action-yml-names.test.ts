/**
 * Every action.yml (the root one, change-review/, tester-army/) declares exactly what its code
 * uses: each input the settings read and each output a step sets is declared — so a workflow can
 * pass it without the runner's "Unexpected input" warning, and the docs list it — and each
 * declared one is read or set, so none is stale. The names are each action's names.ts, which
 * spreads the common ones from CommonInputs and CommonOutputs; what the code really reads is
 * recorded from its settings parser, and what it sets is read from GITHUB_OUTPUT after a run
 * against the sandbox.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { SANDBOX_TOKEN, type PartialScenario, type Sandbox } from '../../sandbox/server.mjs'
import { TESTER_ARMY_KEY } from '../../sandbox/testerarmy.mjs'
import type { EventPayload } from '../../src/context/event.js'
import { CommonInputs, type CommonSettings } from '../../src/inputs/common-settings.js'
import { qatechRunAction } from '../../src/qatech/action.js'
import { changeReviewAction } from '../../src/qatech/change-review/action.js'
import * as ChangeReviewNames from '../../src/qatech/change-review/names.js'
import * as QaTechNames from '../../src/qatech/names.js'
import { CommonOutputs } from '../../src/report/common-outputs.js'
import type { ActionDefinition } from '../../src/service/service.js'
import { testerArmyAction } from '../../src/testerarmy/action.js'
import * as TesterArmyNames from '../../src/testerarmy/names.js'
import { examplePayload } from '../fixtures/payloads.js'
import { commitMessages } from '../fixtures/testerarmy.js'
import { cleanUpRun, runInProcess, useVirtualSandbox } from '../harness/in-process.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface Metadata {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}

interface ActionUnderTest {
  /** The action's folder: '' for the root action. */
  readonly folder: string
  readonly definition: ActionDefinition<CommonSettings>
  /** Its names.ts: every input it has, deprecated ones included, and every output. */
  readonly inputs: readonly string[]
  readonly outputs: readonly string[]
  /** A step that waits for a passing run in the sandbox. */
  readonly passingRun: (sandbox: Sandbox) => {
    readonly inputs: Record<string, string>
    readonly scenario?: PartialScenario
    readonly eventName: string
    readonly payload: EventPayload
  }
}

const push = () => examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
const pullRequest = () => examplePayload('pull_request', p => p.action === 'opened')
/** A deployment that has not succeeded yet: every action skips it and starts no run. */
const pendingDeployment = () =>
  examplePayload('deployment_status', p => (p.deployment_status as { state?: string }).state === 'in_progress')

const ACTIONS: readonly ActionUnderTest[] = [
  {
    folder: '',
    definition: qatechRunAction,
    inputs: Object.values(QaTechNames.Inputs),
    outputs: Object.values(QaTechNames.Outputs),
    passingRun: sandbox => ({
      inputs: { api_token: SANDBOX_TOKEN, api_url: sandbox.url, blocking: 'true' },
      eventName: 'push',
      payload: push()
    })
  },
  {
    folder: 'change-review',
    definition: changeReviewAction,
    inputs: Object.values(ChangeReviewNames.Inputs),
    outputs: Object.values(ChangeReviewNames.Outputs),
    passingRun: sandbox => ({
      inputs: {
        api_token: SANDBOX_TOKEN,
        api_url: sandbox.url,
        blocking: 'true',
        applications_config: JSON.stringify({
          applications: { app_ONdgMD: { environment: { url: 'https://preview-2.example.com' } } }
        })
      },
      scenario: { applications: [{ shortId: 'app_ONdgMD', name: 'Shop', kind: 'web' }] },
      eventName: 'pull_request',
      payload: pullRequest()
    })
  },
  {
    folder: 'tester-army',
    definition: testerArmyAction,
    inputs: [...Object.values(TesterArmyNames.Inputs), ...Object.values(TesterArmyNames.LegacyInputs)],
    outputs: Object.values(TesterArmyNames.Outputs),
    passingRun: sandbox => ({
      inputs: { api_key: TESTER_ARMY_KEY, api_url: `${sandbox.url}/testerarmy/api`, prompt: 'Check the checkout' },
      scenario: { commits: commitMessages },
      eventName: 'push',
      payload: push()
    })
  }
]

const metadata = (folder: string) => parse(readFileSync(join(root, folder, 'action.yml'), 'utf8')) as Metadata
const sorted = (names: Iterable<string>) => [...names].sort()

const { sandbox, clock } = useVirtualSandbox()

describe.each(ACTIONS.map(action => ({ ...action, file: join(action.folder, 'action.yml') })))('$file', action => {
  const declared = metadata(action.folder)
  const declaredInputs = sorted(Object.keys(declared.inputs))
  const declaredOutputs = sorted(Object.keys(declared.outputs))

  it('declares the inputs its names list, the common ones among them, and no other', () => {
    expect(declaredInputs).toEqual(sorted(action.inputs))
    expect(action.inputs).toEqual(expect.arrayContaining(Object.values(CommonInputs)))
  })

  it('declares every input its settings read, and its settings read every one it declares', async () => {
    const read = new Set<string>()
    const hints = { eventName: 'push', isForkPullRequest: false, isDependabot: false }
    // Every input empty: the settings fail (no key), but only after reading each one.
    await expect(
      action.definition.parseSettings(name => {
        read.add(name)
        return ''
      }, hints)
    ).rejects.toThrow()
    expect(sorted(read)).toEqual(declaredInputs)
  })

  it('masks only inputs it declares', () => {
    expect(action.definition.secretInputs.filter(name => !declaredInputs.includes(name))).toEqual([])
  })

  it('declares the outputs its names list, the common ones among them, and no other', () => {
    expect(declaredOutputs).toEqual(sorted(action.outputs))
    expect(action.outputs).toEqual(expect.arrayContaining(Object.values(CommonOutputs)))
  })

  it('sets every output it declares when it waits for a run, and no other', async () => {
    const step = action.passingRun(sandbox)
    sandbox.reset(step.scenario ?? {})
    const result = await runInProcess({
      clock,
      action: action.definition,
      actionFolder: action.folder || undefined,
      eventName: step.eventName,
      payload: step.payload,
      // The sites here do not exist: with the preflight off it still sets its outputs.
      inputs: { preflight: 'off', ...step.inputs },
      env: { GITHUB_API_URL: sandbox.url }
    })
    cleanUpRun(result)
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
    expect(sorted(Object.keys(result.outputs))).toEqual(declaredOutputs)
  })

  it('sets only outputs it declares when it starts no run', async () => {
    sandbox.reset({})
    const result = await runInProcess({
      clock,
      action: action.definition,
      actionFolder: action.folder || undefined,
      eventName: 'deployment_status',
      payload: pendingDeployment(),
      inputs: action.passingRun(sandbox).inputs,
      env: { GITHUB_API_URL: sandbox.url }
    })
    cleanUpRun(result)
    expect(result.stdout).toContain('not "success"')
    expect(Object.keys(result.outputs).filter(name => !declaredOutputs.includes(name))).toEqual([])
  })
})
