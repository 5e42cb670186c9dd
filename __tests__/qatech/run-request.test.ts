import { jest } from '@jest/globals'
import { ActionError } from '../../src/util/errors.js'
import type { GitContext } from '../../src/context/git-context.js'
import type { Application } from '../../src/qatech/shared/types.js'
import { buildStartRunRequest, environmentUrls, withBypassSecrets } from '../../src/qatech/run-request.js'
import { planApplications, resolveApplications } from '../../src/qatech/shared/applications.js'
import { parseSettings, type Settings } from '../../src/qatech/settings.js'

async function settingsOf(inputs: Record<string, string>): Promise<Settings> {
  return parseSettings(name => ({ api_token: 'key', ...inputs })[name] ?? '', {
    eventName: 'push',
    isForkPullRequest: false,
    isDependabot: false
  })
}

const preview = { kind: 'preview' as const, url: 'https://shop-git-feature.vercel.app', name: 'Preview – shop' }

describe('planApplications', () => {
  it('sends no overrides when nothing asks for one', async () => {
    expect(planApplications(await settingsOf({}), undefined)).toEqual([])
  })

  it('turns the shorthand inputs into one override', async () => {
    const settings = await settingsOf({
      application_short_id: 'app_web',
      environment_url: 'https://pr-7.example.com',
      environment_name: 'PR 7',
      device_preset_short_id: 'preset_mobile'
    })
    expect(planApplications(settings, undefined)).toEqual([
      {
        applicationShortId: 'app_web',
        environment: { url: 'https://pr-7.example.com', name: 'PR 7' },
        devicePresetShortId: 'preset_mobile'
      }
    ])
  })

  it('lets the shorthand win over the same application in applications_config', async () => {
    const settings = await settingsOf({
      applications_config: '{"applications": {"app_web": {"environment": {"shortId": "env_old"}}, "app_api": {}}}',
      application_short_id: 'app_web',
      environment_url: 'https://new.example.com'
    })
    expect(planApplications(settings, undefined)).toEqual([
      { applicationShortId: 'app_web', environment: { url: 'https://new.example.com' } },
      { applicationShortId: 'app_api' }
    ])
  })

  it('applies the shorthand to the only application of applications_config', async () => {
    const settings = await settingsOf({
      applications_config: '{"applications": {"app_web": {}}}',
      device_preset_short_id: 'preset_mobile'
    })
    expect(planApplications(settings, undefined)).toEqual([
      { applicationShortId: 'app_web', devicePresetShortId: 'preset_mobile' }
    ])
  })

  it("fills the deployment's URL and environment name into applications without an environment", async () => {
    const settings = await settingsOf({
      applications_config: JSON.stringify([
        { applicationShortId: 'app_web' },
        { applicationShortId: 'app_api', environment: { shortId: 'env_api' } }
      ])
    })
    expect(planApplications(settings, preview)).toEqual([
      { applicationShortId: 'app_web', environment: { url: preview.url, name: preview.name } },
      { applicationShortId: 'app_api', environment: { shortId: 'env_api' } }
    ])
  })

  it('uses environment_name for the deployment URL, and an explicit environment_url over it', async () => {
    expect(planApplications(await settingsOf({ environment_name: 'PR preview' }), preview)).toEqual([
      { applicationShortId: undefined, environment: { url: preview.url, name: 'PR preview' } }
    ])
    expect(planApplications(await settingsOf({ environment_url: 'https://mine.example.com' }), preview)).toEqual([
      { applicationShortId: undefined, environment: { url: 'https://mine.example.com' } }
    ])
  })

  it('rejects environment_name without any URL', async () => {
    const settings = await settingsOf({ application_short_id: 'app_web', environment_name: 'PR 7' })
    expect(() => planApplications(settings, undefined)).toThrow(ActionError)
    expect(() => planApplications(settings, undefined)).toThrow(/environment_name .* set environment_url too/)
  })

  it('a deployment without a URL adds nothing', async () => {
    expect(planApplications(await settingsOf({}), { kind: 'preview', url: undefined, name: 'production' })).toEqual([])
  })
})

describe('resolveApplications', () => {
  const one: Application[] = [{ shortId: 'app_web', name: 'Web shop', kind: 'web' }]
  const two: Application[] = [...one, { shortId: 'app_admin', name: 'Admin | <b>', kind: 'web' }]

  it('does not ask QA.tech when every override names its application', async () => {
    const list = jest.fn(async () => one)
    await resolveApplications([{ applicationShortId: 'app_x' }], list, () => undefined)
    expect(list).not.toHaveBeenCalled()
  })

  it("uses the project's only application and says so", async () => {
    const logs: string[] = []
    const resolved = await resolveApplications(
      [{ applicationShortId: undefined, environment: { url: 'https://a.example.com' } }],
      async () => one,
      message => logs.push(message)
    )
    expect(resolved).toEqual([{ applicationShortId: 'app_web', environment: { url: 'https://a.example.com' } }])
    expect(logs).toEqual(["Testing the project's only application, Web shop (app_web)."])
  })

  it('lists the applications to choose from when there are several', async () => {
    await expect(
      resolveApplications(
        [{ applicationShortId: undefined }],
        async () => two,
        () => undefined
      )
    ).rejects.toThrow(
      'The QA.tech project has 2 applications; set application_short_id to the one this URL is for: app_web (Web shop), app_admin (Admin | <b>).'
    )
  })

  it('says so when the project has no application', async () => {
    await expect(
      resolveApplications(
        [{ applicationShortId: undefined }],
        async () => [],
        () => undefined
      )
    ).rejects.toThrow(/has no applications/)
  })
})

describe('withBypassSecrets', () => {
  it('adds the Vercel bypass parameters to URL environments only, encoded; the URLs reported stay plain', () => {
    const request = {
      trigger: 'GITHUB' as const,
      applications: [
        { applicationShortId: 'app_web', environment: { url: 'https://a.vercel.app/path?x=1', name: 'A' } },
        { applicationShortId: 'app_api', environment: { shortId: 'env_api' } }
      ]
    }
    expect(environmentUrls(request)).toEqual(['https://a.vercel.app/path?x=1'])
    expect(withBypassSecrets(request, 's3cret&/x').applications).toEqual([
      {
        applicationShortId: 'app_web',
        environment: {
          url: 'https://a.vercel.app/path?x=1&x-vercel-protection-bypass=s3cret%26%2Fx&x-vercel-set-bypass-cookie=true',
          name: 'A'
        }
      },
      { applicationShortId: 'app_api', environment: { shortId: 'env_api' } }
    ])
    expect(withBypassSecrets(request, undefined)).toBe(request)
  })
})

describe('buildStartRunRequest', () => {
  const git: GitContext = {
    actor: 'octocat',
    branch: 'feature',
    commitHash: 'a'.repeat(40),
    commitMessage: 'Fix the cart',
    repository: 'octo/shop',
    commitMessageFromApi: false
  }

  it('sends the GitHub trigger, the git context and only fields with values', async () => {
    expect(buildStartRunRequest(await settingsOf({}), git, [])).toEqual({
      trigger: 'GITHUB',
      actor: 'octocat',
      branch: 'feature',
      commitHash: 'a'.repeat(40),
      commitMessage: 'Fix the cart',
      repository: 'octo/shop'
    })
  })

  it('includes the plan, test cases, applications and notifications when given', async () => {
    const settings = await settingsOf({
      test_plan_short_id: 'pln_smoke',
      test_case_ids: 'tc_1,tc_2',
      notifications_config: '[{"type": "slack", "channel": "C1"}]'
    })
    const request = buildStartRunRequest(settings, { commitMessageFromApi: true }, [{ applicationShortId: 'app_web' }])
    expect(request).toEqual({
      trigger: 'GITHUB',
      testPlanShortId: 'pln_smoke',
      testCaseIds: ['tc_1', 'tc_2'],
      applications: [{ applicationShortId: 'app_web' }],
      notifications: [{ type: 'slack', channel: 'C1' }]
    })
  })
})
