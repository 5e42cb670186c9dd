/**
 * The inputs QA.tech's two actions share, named alike in action.yml and change-review/action.yml:
 * the key, the API, the project and the applications to test or review on.
 */
export const QaTechInputs = {
  ApiToken: 'api_token',
  ApiUrl: 'api_url',
  ProjectShortId: 'project_short_id',
  ApplicationsConfig: 'applications_config',
  ApplicationShortId: 'application_short_id',
  EnvironmentUrl: 'environment_url',
  EnvironmentName: 'environment_name',
  EnvironmentShortId: 'environment_short_id',
  DevicePresetShortId: 'device_preset_short_id',
  VercelBypassSecret: 'vercel_bypass_secret'
} as const

export const DEFAULT_API_URL = 'https://api.qa.tech'
