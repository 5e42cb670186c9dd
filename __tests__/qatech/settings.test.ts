import { ActionError } from '../../src/util/errors.js'
import type { EventHints } from '../../src/inputs/read.js'
import { parseSettings } from '../../src/qatech/settings.js'

const pushHints: EventHints = { eventName: 'push', isForkPullRequest: false, isDependabot: false }

function reader(inputs: Record<string, string>) {
  return (name: string): string => inputs[name] ?? ''
}

async function problemsOf(inputs: Record<string, string>, hints: EventHints = pushHints): Promise<string[]> {
  try {
    await parseSettings(reader({ api_token: 'key', ...inputs }), hints)
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError)
    return (error as Error).message.split('\n')
  }
  throw new Error('expected the settings to be rejected')
}

describe('parseSettings', () => {
  it("takes github_token's unevaluated default (a local run) as no token, and a real token as it is", async () => {
    const local = await parseSettings(reader({ api_token: 'key', github_token: '${{ github.token }}' }), pushHints)
    expect(local.githubToken).toBe('')
    const real = await parseSettings(reader({ api_token: 'key', github_token: 'ghs_realToken' }), pushHints)
    expect(real.githubToken).toBe('ghs_realToken')
  })

  it('applies the defaults of action.yml when only the token is given', async () => {
    const settings = await parseSettings(reader({ api_token: 'key' }), pushHints)
    expect(settings).toMatchObject({
      apiToken: 'key',
      apiUrl: 'https://api.qa.tech',
      testCaseIds: [],
      applications: [],
      githubToken: '',
      blocking: false,
      timeoutMinutes: 60,
      pollIntervalSeconds: 10,
      failOnSkipped: false,
      jobSummary: true
    })
    expect(settings.shorthand).toBeUndefined()
    expect(settings.notifications).toBeUndefined()
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it.each([
    ['https://api.qa.tech/v1', 'https://api.qa.tech'],
    ['https://api.qa.tech/v1/', 'https://api.qa.tech'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['https://proxy.example.com/qatech/v1', 'https://proxy.example.com/qatech']
  ])('accepts api_url %s with or without /v1', async (apiUrl, expected) => {
    const settings = await parseSettings(reader({ api_token: 'key', api_url: apiUrl }), pushHints)
    expect(settings.apiUrl).toBe(expected)
  })

  it('rejects relative and non-http api_url', async () => {
    expect(await problemsOf({ api_url: 'api.qa.tech' })).toEqual([
      'api_url "api.qa.tech" is not an absolute URL: use e.g. https://api.qa.tech.'
    ])
    expect(await problemsOf({ api_url: 'ftp://api.qa.tech' })).toEqual([
      'api_url must be an http(s) URL, not "ftp:": use e.g. https://api.qa.tech.'
    ])
  })

  it('explains an empty token, differently for fork pull requests and Dependabot', async () => {
    const [plain] = await problemsOf({ api_token: '' })
    expect(plain).toMatch(/^api_token is empty: pass your QA.tech API key/)
    const [fork] = await problemsOf(
      { api_token: '' },
      { eventName: 'pull_request', isForkPullRequest: true, isDependabot: false }
    )
    expect(fork).toMatch(/GitHub does not give secrets to workflows run for pull requests from forks/)
    expect(fork).toMatch(/do not use pull_request_target/)
    const [dependabot] = await problemsOf({ api_token: '' }, { ...pushHints, isDependabot: true })
    expect(dependabot).toMatch(/Dependabot secrets/)
  })

  it('splits test_case_ids on commas and newlines and drops duplicates', async () => {
    const settings = await parseSettings(reader({ api_token: 'k', test_case_ids: 'a, b\n\nc,a ' }), pushHints)
    expect(settings.testCaseIds).toEqual(['a', 'b', 'c'])
  })

  it('checks short-ID prefixes', async () => {
    expect(
      await problemsOf({
        test_plan_short_id: 'abc',
        application_short_id: 'web',
        environment_short_id: 'staging',
        device_preset_short_id: 'mobile'
      })
    ).toEqual([
      'test_plan_short_id "abc" is not a pln_… short ID: copy it from QA.tech (e.g. pln_abc123).',
      'application_short_id "web" is not a app_… short ID: copy it from QA.tech (e.g. app_abc123).',
      'environment_short_id "staging" is not a env_… short ID: copy it from QA.tech (e.g. env_abc123).',
      'device_preset_short_id "mobile" is not a preset_… short ID: copy it from QA.tech (e.g. preset_abc123).'
    ])
    const settings = await parseSettings(reader({ api_token: 'k', test_plan_short_id: 'pln-shop_abc' }), pushHints)
    expect(settings.testPlanShortId).toBe('pln-shop_abc')
  })

  it('reads the official applications_config form', async () => {
    const settings = await parseSettings(
      reader({
        api_token: 'k',
        applications_config: JSON.stringify({
          applications: { app_web: { environment: { url: 'https://pr-1.example.com', name: 'PR 1' } }, app_api: {} }
        })
      }),
      pushHints
    )
    expect(settings.applications).toEqual([
      { applicationShortId: 'app_web', environment: { url: 'https://pr-1.example.com', name: 'PR 1' } },
      { applicationShortId: 'app_api' }
    ])
  })

  it("reads the API's array form, in YAML", async () => {
    const yaml = [
      '- applicationShortId: app_web',
      '  environment: { shortId: env_staging }',
      '  devicePresetShortId: preset_mobile',
      '- applicationShortId: app_ios',
      '  environment:',
      '    applicationBuildShortId: build_42'
    ].join('\n')
    const settings = await parseSettings(reader({ api_token: 'k', applications_config: yaml }), pushHints)
    expect(settings.applications).toEqual([
      { applicationShortId: 'app_web', environment: { shortId: 'env_staging' }, devicePresetShortId: 'preset_mobile' },
      { applicationShortId: 'app_ios', environment: { applicationBuildShortId: 'build_42' } }
    ])
  })

  it('says where JSON is malformed', async () => {
    expect(await problemsOf({ applications_config: '{"applications": {"app_web": {}}\n "x": 1}' })).toEqual([
      expect.stringMatching(
        /^applications_config is not valid JSON \(line 2, column 2: .+\)\. Fix the JSON or write it as YAML\.$/
      )
    ])
  })

  it('says where YAML is malformed', async () => {
    expect(await problemsOf({ notifications_config: '- type: slack\n  channel: [C1\n' })).toEqual([
      expect.stringMatching(
        /^notifications_config is not valid JSON or YAML \(YAML error at line \d+, column \d+: .+\)/
      )
    ])
  })

  it('rejects wrong shapes and unknown keys in applications_config', async () => {
    expect(
      await problemsOf({
        applications_config: JSON.stringify([
          { applicationShortId: 'app_web', environment: { url: 'https://a.example.com', shortId: 'env_x' } },
          { applicationShortId: 'app_api', enviroment: { url: 'https://b.example.com' } },
          { environment: { url: '/relative' } },
          'app_x'
        ])
      })
    ).toEqual([
      'applications_config[0].environment needs exactly one of url, shortId or applicationBuildShortId.',
      'applications_config[1] has an unknown key "enviroment": expected applicationShortId, environment, devicePresetShortId.',
      'applications_config[2] needs an applicationShortId (app_…).',
      'applications_config[3] must be an object with applicationShortId and optional environment, devicePresetShortId.'
    ])
    expect(await problemsOf({ applications_config: '{"app_web": {}}' })).toEqual([
      expect.stringMatching(/^applications_config must be \{"applications": /)
    ])
  })

  it('rejects environment_url together with environment_short_id, and relative URLs', async () => {
    expect(await problemsOf({ environment_url: 'https://a.example.com', environment_short_id: 'env_a' })).toEqual([
      'environment_url and environment_short_id exclude each other: test a new URL or an existing environment, not both.'
    ])
    expect(await problemsOf({ environment_url: 'preview.example.com' })).toEqual([
      'environment_url "preview.example.com" is not an absolute http(s) URL: use e.g. https://my-app-git-branch.vercel.app.'
    ])
  })

  it('asks for application_short_id when the shorthand could mean several applications', async () => {
    expect(
      await problemsOf({
        applications_config: '{"applications": {"app_a": {}, "app_b": {}}}',
        environment_url: 'https://a.example.com'
      })
    ).toEqual([
      'environment_url does not say which application it is for: applications_config lists 2. Set application_short_id too.'
    ])
  })

  it('validates notifications_config', async () => {
    expect(await problemsOf({ notifications_config: '[]' })).toEqual([
      "notifications_config is an empty list: QA.tech needs at least one notification; remove the input to keep the project's own."
    ])
    expect(
      await problemsOf({ notifications_config: '[{"type": "email", "channel": "C1", "notifyOn": "sometimes"}]' })
    ).toEqual([
      'notifications_config[0].type must be "slack" (the only kind QA.tech supports), not "email".',
      'notifications_config[0].notifyOn must be "always" or "failure", not "sometimes".'
    ])
    expect(await problemsOf({ notifications_config: '{"channel": "C1"}' })).toEqual([
      expect.stringMatching(/^notifications_config must be a list/)
    ])
    const settings = await parseSettings(
      reader({ api_token: 'k', notifications_config: '- channel: C0478ABCDEF\n  notifyOn: failure' }),
      pushHints
    )
    expect(settings.notifications).toEqual([{ type: 'slack', channel: 'C0478ABCDEF', notifyOn: 'failure' }])
  })

  it('validates booleans and numbers, fractions allowed', async () => {
    expect(
      await problemsOf({ blocking: 'maybe', timeout_minutes: 'ten', poll_interval_seconds: '1', job_summary: '1' })
    ).toEqual([
      'blocking must be true or false, not "maybe".',
      'timeout_minutes must be a number of minutes greater than 0 and at most 7200, not "ten".',
      'poll_interval_seconds must be a number of seconds at least 2 and at most 600, not "1".',
      'job_summary must be true or false, not "1".'
    ])
    expect(await problemsOf({ timeout_minutes: '0' })).toHaveLength(1)
    expect(await problemsOf({ timeout_minutes: '-5' })).toHaveLength(1)
    const settings = await parseSettings(
      reader({ api_token: 'k', blocking: 'TRUE', timeout_minutes: '0.5' }),
      pushHints
    )
    expect(settings.blocking).toBe(true)
    expect(settings.timeoutMinutes).toBe(0.5)
  })

  it('reports every problem at once, one line each, quoting what the user wrote', async () => {
    const problems = await problemsOf({ api_token: '', test_plan_short_id: '::error::x', blocking: 'nah' })
    expect(problems).toHaveLength(3)
    expect(problems[1]).toBe(
      'test_plan_short_id "::error::x" is not a pln_… short ID: copy it from QA.tech (e.g. pln_abc123).'
    )
  })
})

describe('project short id and legacy inputs', () => {
  const notices = async (inputs: Record<string, string>) =>
    (await parseSettings(reader({ api_token: 'key', ...inputs }), pushHints)).notices

  it('takes project_short_id (proj_…) and rejects anything else', async () => {
    const settings = await parseSettings(reader({ api_token: 'key', project_short_id: 'proj-shop_a1B2' }), pushHints)
    expect(settings.projectShortId).toBe('proj-shop_a1B2')
    expect(await problemsOf({ project_short_id: 'shop' })).toEqual([
      'project_short_id "shop" is not a proj_… short ID: copy it from QA.tech (e.g. proj_abc123).'
    ])
  })

  it('accepts the v2.0.x project_id without sending it, with one notice; a proj_… value is the short id', async () => {
    const uuid = await parseSettings(
      reader({ api_token: 'key', project_id: '7f9e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b' }),
      pushHints
    )
    expect(uuid.projectShortId).toBeUndefined()
    expect(uuid.notices).toEqual([
      expect.stringMatching(/^project_id is the input of QA.tech's legacy API and is not sent/)
    ])
    const short = await parseSettings(reader({ api_token: 'key', project_id: 'proj_shop' }), pushHints)
    expect(short.projectShortId).toBe('proj_shop')
    expect(short.notices).toEqual([expect.stringMatching(/sending it as project_short_id/)])
  })

  it.each(['https://app.qa.tech', 'https://app.qa.tech/api/projects/7f9e1c2a/runs'])(
    'takes the legacy api_url %s as the current API, with a notice',
    async apiUrl => {
      const settings = await parseSettings(reader({ api_token: 'key', api_url: apiUrl }), pushHints)
      expect(settings.apiUrl).toBe('https://api.qa.tech')
      expect(await notices({ api_url: apiUrl })).toEqual([
        expect.stringMatching(
          /is QA.tech's legacy API, which the API keys of today do not use: using https:\/\/api.qa.tech\./
        )
      ])
    }
  )

  it.each(['https://api.qa.tech/v1/run', 'https://api.qa.tech/run/r1', 'https://qa.example.com/api/projects/p1/runs'])(
    'rejects an endpoint in api_url (%s) before anything is sent',
    async apiUrl => {
      expect(await problemsOf({ api_url: apiUrl })).toEqual([
        expect.stringMatching(/names an endpoint .* not the API's base URL/)
      ])
    }
  )
})

describe('test_case_ids as people write it', () => {
  const ids = async (text: string) =>
    (await parseSettings(reader({ api_token: 'key', test_case_ids: text }), pushHints)).testCaseIds

  it.each([
    ['commas', 'tc_1, tc_2'],
    ['new lines', 'tc_1\ntc_2\n'],
    ['spaces', 'tc_1 tc_2'],
    ['a YAML list', '- tc_1\n- tc_2\n'],
    ['a JSON array', '["tc_1", "tc_2"]'],
    ['a YAML flow list', '[tc_1, tc_2]']
  ])('%s', async (_, text) => {
    expect(await ids(text)).toEqual(['tc_1', 'tc_2'])
  })

  it('rejects what is not a list of ids with one line, before any request', async () => {
    expect(await problemsOf({ test_case_ids: '[{"id": "tc_1"}]' })).toEqual([
      'test_case_ids must list test case ids separated by commas, spaces or new lines, or as a YAML or JSON list; an item is not an id.'
    ])
    expect(await problemsOf({ test_case_ids: '["tc_1", ' })).toEqual([
      expect.stringMatching(/^test_case_ids is not valid JSON/)
    ])
  })
})

describe('test_plan_short_ids of v1.x', () => {
  it('takes one plan as test_plan_short_id, with a notice', async () => {
    const settings = await parseSettings(reader({ api_token: 'key', test_plan_short_ids: 'pln_smoke' }), pushHints)
    expect(settings.testPlanShortId).toBe('pln_smoke')
    expect(settings.notices).toEqual([expect.stringMatching(/^test_plan_short_ids is the v1.x input/)])
  })

  it('rejects several plans with one line: a step runs one', async () => {
    expect(await problemsOf({ test_plan_short_ids: 'pln_a, pln_b' })).toEqual([
      expect.stringMatching(
        /^test_plan_short_ids \(v1.x of the official action\) names 2 test plans: a step runs one\./
      )
    ])
  })
})
