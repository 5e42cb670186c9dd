import { readApiUrl } from '../../inputs/read.js'
import { quote } from '../../util/untrusted-text.js'
import { DEFAULT_API_URL, QaTechInputs as Inputs } from './names.js'

/** The host of QA.tech's legacy API (`/api/projects/{id}/runs`), which `v1` and `v2.0.x` of the official action used. */
const LEGACY_HOST = 'app.qa.tech'

/** Paths of endpoints that people paste into api_url from the docs or an old workflow. */
const ENDPOINT_PATH = /(^|\/)(v1\/)?(runs?|chat|applications)(\/.*)?$|\/api\/projects(\/.*)?$/

/**
 * `api_url` as the base of QA.tech's `/v1` API. A legacy value (`https://app.qa.tech`, with or
 * without `/api/projects/…`) means the current API, with a notice; an endpoint path pasted into
 * it is a problem, said before anything is sent — never a 404 blamed on the test plan.
 */
export function readQaTechApiUrl(
  value: string | undefined,
  problems: string[],
  notices: string[],
  /** The endpoint the action calls, for the message: `/v1/run`. */
  endpoint = '/v1/run'
): string {
  if (value === undefined) return DEFAULT_API_URL
  const base = readApiUrl(Inputs.ApiUrl, value, DEFAULT_API_URL, problems)
  let url: URL
  try {
    url = new URL(base)
  } catch {
    return base
  }
  if (url.hostname === LEGACY_HOST) {
    notices.push(
      `${Inputs.ApiUrl} ${quote(value)} is QA.tech's legacy API, which the API keys of today do not use: using ${DEFAULT_API_URL}. Remove api_url to silence this notice.`
    )
    return DEFAULT_API_URL
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (ENDPOINT_PATH.test(path)) {
    problems.push(
      `${Inputs.ApiUrl} ${quote(value)} names an endpoint (${quote(path)}), not the API's base URL: use ${url.origin} (the action adds ${endpoint} itself), or remove api_url for ${DEFAULT_API_URL}.`
    )
  }
  return base
}
