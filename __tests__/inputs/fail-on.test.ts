/**
 * The `fail_on` input of the actions whose runs have per-test results (QA.tech test plans,
 * tester.army): what it accepts, and the problems the step fails with before anything is started.
 */
import type { EventHints } from '../../src/inputs/read.js'
import { parseSettings as parseQaTechSettings } from '../../src/qatech/settings.js'
import { parseSettings as parseTesterArmySettings } from '../../src/testerarmy/settings.js'
import { ActionError } from '../../src/util/errors.js'

const pullRequestHints: EventHints = { eventName: 'pull_request', isForkPullRequest: false, isDependabot: false }

const ACTIONS = [
  {
    name: 'QA.tech runs',
    parse: parseQaTechSettings,
    inputs: { api_token: 'key', blocking: 'true' }
  },
  {
    name: 'tester.army',
    parse: parseTesterArmySettings,
    inputs: { api_key: 'sk_key', test_id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }
  }
] as const

describe.each(ACTIONS)('fail_on for $name', ({ parse, inputs }) => {
  const settingsOf = (more: Record<string, string>) => {
    const given: Record<string, string> = { ...inputs, ...more }
    return parse(name => given[name] ?? '', pullRequestHints)
  }
  const problemsOf = async (more: Record<string, string>): Promise<string[]> => {
    const error: unknown = await settingsOf(more).then(
      () => undefined,
      (thrown: unknown) => thrown
    )
    expect(error).toBeInstanceOf(ActionError)
    return (error as Error).message.split('\n')
  }

  it('is `any` by default, and takes `new` in any case', async () => {
    expect((await settingsOf({})).failOn).toBe('any')
    expect((await settingsOf({ fail_on: 'New' })).failOn).toBe('new')
  })

  it('names the choices when the value is none of them', async () => {
    expect(await problemsOf({ fail_on: 'known' })).toEqual(['fail_on must be "any", "new", not "known".'])
  })

  it('needs blocking: without waiting there are no failures to compare', async () => {
    expect(await problemsOf({ fail_on: 'new', blocking: 'false' })).toEqual([
      'fail_on: new needs blocking: true — without waiting for the run there are no failures to compare. Set blocking: true, or remove fail_on.'
    ])
  })
})
