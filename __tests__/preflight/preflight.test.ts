/**
 * The preflight against the sandbox's scriptable preview sites (sandbox/preview.mjs), on the
 * fast-forward clock the sandbox shares: what the sites receive, the status, the lines for the log,
 * the summary and a failed step. preflight-rules.test.ts covers the pure rules one by one.
 */
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import type { RecordedRequest } from '../../sandbox/server.mjs'
import { startRefusingSite, type PreviewRequest, type PreviewSite, type RefusingSite } from '../../sandbox/preview.mjs'
import { runPreflight, type PreflightOptions, type PreflightTarget } from '../../src/preflight/preflight.js'
import type { Clock } from '../../src/util/clock.js'
import { ActionError } from '../../src/util/errors.js'
import { useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock } = useVirtualSandbox()

const SECRET = 'vercel-bypass-7f3a9c2e1d'

interface Ran {
  result: Awaited<ReturnType<typeof runPreflight>>
  logs: string[]
  warnings: string[]
  /** Every line the preflight produced: log, warnings, the result's line and stop. */
  text: string
}

function sites(sites: Record<string, PreviewSite>): void {
  sandbox.reset({ preview: { sites } })
}

const urlOf = (name: string) => `${sandbox.url}/preview/${name}/`

async function preflight(targets: PreflightTarget[], options: Partial<PreflightOptions> = {}): Promise<Ran> {
  const logs: string[] = []
  const warnings: string[] = []
  const result = await runPreflight({
    targets,
    mode: 'wait',
    timeoutMs: 300_000,
    clock,
    signal: new AbortController().signal,
    log: message => logs.push(message),
    warn: message => warnings.push(message),
    serviceName: 'QA.tech',
    ...options
  })
  return { result, logs, warnings, text: [...logs, ...warnings, result.line, result.stop ?? ''].join('\n') }
}

/** The requests a site received (every hop), as the sandbox recorded them, with virtual times. */
const requestsTo = (name: string): RecordedRequest[] =>
  sandbox.requests.filter(request => request.path.startsWith(`/preview/${name}/`))

/** What the preview sites saw, headers included. */
async function previewRequests(): Promise<PreviewRequest[]> {
  const response = await fetch(`${sandbox.url}/preview/__requests`)
  return ((await response.json()) as { requests: PreviewRequest[] }).requests
}

describe('a site that is not ready yet', () => {
  it('503 for a few seconds, then 200: ready once it answers, with the seconds and the checks', async () => {
    sites({ building: { readyAfterMs: 5_000, before: 503 } })
    const { result, logs, warnings } = await preflight([{ url: urlOf('building') }])

    const checks = requestsTo('building').length
    expect(checks).toBeGreaterThan(1)
    expect(result.status).toBe('ready')
    expect(result.stop).toBeUndefined()
    expect(result.seconds).toBeGreaterThanOrEqual(5)
    expect(result.line).toBe(`${urlOf('building')} answered 200 after ${result.seconds} s (${checks} checks).`)
    expect(logs[0]).toBe(`Waiting for ${urlOf('building')}: 503; asking again for up to 5m 00s.`)
    expect(logs.at(-1)).toBe(result.line)
    expect(warnings).toEqual([])
  })

  it('ready at the first check: one request, one line', async () => {
    sites({ up: {} })
    const { result, logs } = await preflight([{ url: urlOf('up') }])
    expect(result).toEqual({ status: 'ready', seconds: 0, line: `${urlOf('up')} answered 200 at the first check.` })
    expect(logs).toEqual([result.line])
    expect(requestsTo('up')).toHaveLength(1)
  })

  it('a page that never ends is not downloaded: its status is enough', async () => {
    sites({ endless: { endlessBody: true } })
    const { result } = await preflight([{ url: urlOf('endless') }])
    expect(result.line).toBe(`${urlOf('endless')} answered 200 at the first check.`)
  })

  it('404, 408 and 429 mean "not yet" too; the log says when the answer changes', async () => {
    sites({ deploying: { statuses: [404, 404, 408, 429, 200] } })
    const { result, logs } = await preflight([{ url: urlOf('deploying') }])
    expect(result.status).toBe('ready')
    expect(result.line).toMatch(/answered 200 after \d+ s \(5 checks\)\.$/)
    expect(logs.slice(0, -1)).toEqual([
      `Waiting for ${urlOf('deploying')}: 404; asking again for up to 5m 00s.`,
      expect.stringMatching(/^Waiting for .*: now 408, after \d+ s \(3 checks\)\.$/),
      expect.stringMatching(/^Waiting for .*: now 429, after \d+ s \(4 checks\)\.$/)
    ])
  })

  it('a dropped connection is retried like a 5xx', async () => {
    sites({ crashing: { statuses: ['reset', 'reset', 200] } })
    const { result, logs } = await preflight([{ url: urlOf('crashing') }])
    expect(result.status).toBe('ready')
    expect(logs[0]).toBe(`Waiting for ${urlOf('crashing')}: connection reset; asking again for up to 5m 00s.`)
    expect(requestsTo('crashing')).toHaveLength(3)
  })

  it('while the answer stays the same, a line about every 30 s', async () => {
    sites({ slow: { readyAfterMs: 125_000 } })
    const { result, logs } = await preflight([{ url: urlOf('slow') }])
    expect(result.status).toBe('ready')
    const still = logs.filter(line => line.includes(': still 503 after '))
    expect(still.length).toBeGreaterThanOrEqual(3)
    expect(still.length).toBeLessThanOrEqual(4)
    expect(logs).toHaveLength(still.length + 2) // the first answer, the heartbeats, the ready line
  })
})

describe('a site that never gets ready', () => {
  it('wait: not-ready with a stop line that names the URL, the last answer and that no run was started', async () => {
    sites({ broken: { readyAfterMs: null, before: 503 } })
    const { result, warnings } = await preflight([{ url: urlOf('broken') }], { timeoutMs: 60_000 })
    const checks = requestsTo('broken').length
    expect(result.status).toBe('not-ready')
    expect(result.seconds).toBeUndefined()
    expect(result.stop).toBe(
      `${urlOf('broken')} was not ready: 503 for 1m 00s (${checks} checks). No QA.tech run was started. ` +
        'Raise preflight_timeout_seconds if the site needs longer to come up, or set preflight: warn to start the run anyway.'
    )
    expect(result.line).toBe(
      `${urlOf('broken')} was not ready: 503 for 1m 00s (${checks} checks); no QA.tech run was started.`
    )
    expect(warnings).toEqual([])
  })

  it('the last answer is the one reported, with how long it lasted', async () => {
    sites({ flapping: { statuses: ['reset', 'reset', 502] } })
    const { result } = await preflight([{ url: urlOf('flapping') }], { timeoutMs: 60_000 })
    expect(result.stop).toMatch(/was not ready: 502 for the last \d+ s of 1m 00s \(\d+ checks\)\. No QA\.tech run/)
  })

  it('warn: the same wait, then one warning and no stop', async () => {
    sites({ broken: { readyAfterMs: null, before: 500 } })
    const { result, warnings } = await preflight([{ url: urlOf('broken') }], { mode: 'warn', timeoutMs: 30_000 })
    const checks = requestsTo('broken').length
    expect(result.status).toBe('not-ready')
    expect(result.stop).toBeUndefined()
    expect(warnings).toEqual([
      `${urlOf('broken')} was not ready: 500 for 30 s (${checks} checks); starting the QA.tech run anyway (preflight: warn).`
    ])
    expect(result.line).toBe(warnings[0])
  })

  it('preflight_timeout_seconds 0: one check, no retry', async () => {
    sites({ broken: { readyAfterMs: null } })
    const { result, logs } = await preflight([{ url: urlOf('broken') }], { timeoutMs: 0 })
    expect(requestsTo('broken')).toHaveLength(1)
    expect(result.stop).toMatch(/was not ready: 503 \(1 check\)\. No QA\.tech run was started\./)
    expect(logs).toEqual([])
  })
})

describe('a connection that is refused', () => {
  let closed: RefusingSite
  beforeEach(async () => {
    closed = await startRefusingSite()
  })
  afterEach(() => closed.close())

  it('is retried until the timeout, then reported as refused', async () => {
    sandbox.reset()
    const { result, logs } = await preflight([{ url: closed.url }], { timeoutMs: 20_000 })
    expect(result.status).toBe('not-ready')
    expect(logs[0]).toBe(`Waiting for ${closed.url}: connection refused; asking again for up to 20 s.`)
    const checks = Number(/\((\d+) checks\)/.exec(result.stop ?? '')?.[1])
    expect(checks).toBeGreaterThan(3)
    expect(result.stop).toMatch(
      /was not ready: connection refused for 20 s \(\d+ checks\)\. No QA\.tech run was started\./
    )
  })

  it('is retried until the server comes up', async () => {
    // The server comes up 8 virtual seconds after the first check: a clock that opens it then.
    const startedAt = clock.now()
    const opening: Clock = {
      now: clock.now,
      sleep: async ms => {
        await clock.sleep(ms)
        if (clock.now() - startedAt >= 8_000) await closed.open()
      }
    }
    const { result, logs } = await preflight([{ url: closed.url }], { clock: opening })
    expect(result.status).toBe('ready')
    expect(result.seconds).toBeGreaterThanOrEqual(8)
    expect(logs[0]).toContain('connection refused; asking again')
    expect(result.line).toMatch(/answered 200 after \d+ s \(\d+ checks\)\.$/)
  })
})

describe('retries', () => {
  it('never come sooner than 1 s apart, even when the site asks for Retry-After: 0', async () => {
    sites({ eager: { readyAfterMs: null, retryAfter: 0 } })
    await preflight([{ url: urlOf('eager') }], { timeoutMs: 30_000 })
    const times = requestsTo('eager').map(request => request.at)
    expect(times.length).toBeGreaterThan(3)
    for (let index = 1; index < times.length; index += 1) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(1_000)
    }
  })

  it('a long Retry-After is honoured up to 10 s, so the moment the site comes up is not missed', async () => {
    sites({ cold: { readyAfterMs: null, retryAfter: 120 } })
    await preflight([{ url: urlOf('cold') }], { timeoutMs: 60_000 })
    // One minute at one request every 10 s: the first, then six more (the last at the deadline).
    expect(requestsTo('cold')).toHaveLength(7)
  })
})

describe('Vercel Deployment Protection', () => {
  it('without a secret: stops at once, names vercel_bypass_secret and where to find it', async () => {
    sites({ protected: { vercel: { secret: SECRET } } })
    const { result } = await preflight([{ url: urlOf('protected') }])
    expect(result.status).toBe('protected')
    expect(requestsTo('protected')).toHaveLength(1)
    expect(result.stop).toBe(
      `${urlOf('protected')} is behind Vercel Deployment Protection (it answered 401 from Vercel), so QA.tech's agent would only see Vercel's login. ` +
        "Pass the project's bypass secret as vercel_bypass_secret (Project Settings → Deployment Protection → Protection Bypass for Automation) to let the agent in. " +
        'No QA.tech run was started.'
    )
    expect(result.line).toBe(
      `${urlOf('protected')} is behind Vercel Deployment Protection; no QA.tech run was started.`
    )
  })

  it('recognised by x-vercel-id alone, and by a redirect to Vercel’s login', async () => {
    sites({
      idOnly: { vercel: { serverHeader: false, status: 403 } },
      sso: { vercel: { via: 'login-redirect' } }
    })
    const idOnly = await preflight([{ url: urlOf('idOnly') }])
    expect(idOnly.result.status).toBe('protected')
    expect(idOnly.result.stop).toContain('(it answered 403 from Vercel)')
    const sso = await preflight([{ url: urlOf('sso') }])
    expect(sso.result.status).toBe('protected')
    expect(sso.result.stop).toContain("(it redirects to Vercel's login)")
    expect(sso.result.stop).toContain('vercel_bypass_secret')
  })

  it('the right secret passes: sent in the x-vercel-protection-bypass header, in no URL and no line', async () => {
    sites({ protected: { vercel: { secret: SECRET }, redirects: 1 } })
    const { result, text } = await preflight([{ url: urlOf('protected'), bypassSecret: SECRET }])
    expect(result.status).toBe('ready')
    expect(result.line).toBe(`${urlOf('protected')} answered 200 at the first check, after 1 redirect.`)
    const seen = (await previewRequests()).filter(request => request.site === 'protected')
    expect(seen.map(request => request.headers['x-vercel-protection-bypass'])).toEqual([SECRET, SECRET])
    for (const request of requestsTo('protected')) {
      expect(JSON.stringify(request)).not.toContain(SECRET)
    }
    expect(text).not.toContain(SECRET)
  })

  it('a refused secret is named as refused (wrong or rotated), without printing it', async () => {
    sites({ protected: { vercel: { secret: SECRET } } })
    const { result, text } = await preflight([{ url: urlOf('protected'), bypassSecret: 'an-old-secret-0000' }])
    expect(result.status).toBe('protected')
    expect(result.stop).toBe(
      `Vercel refused the bypass secret for ${urlOf('protected')}: with it in the x-vercel-protection-bypass header, the site still answered 401 from Vercel. ` +
        'The secret in vercel_bypass_secret is wrong or was rotated: copy the current one from Project Settings → Deployment Protection → Protection Bypass for Automation. ' +
        'No QA.tech run was started.'
    )
    expect(result.line).toBe(`Vercel refused the bypass secret for ${urlOf('protected')}; no QA.tech run was started.`)
    expect(text).not.toContain('an-old-secret-0000')
  })

  it('the secret is not carried off by a redirect to another origin', async () => {
    const otherOrigin = `${sandbox.url.replace('127.0.0.1', 'localhost')}/preview/vercel-app/`
    sites({ custom: { location: otherOrigin }, 'vercel-app': { vercel: { secret: SECRET } } })
    const { result, text } = await preflight([{ url: urlOf('custom'), bypassSecret: SECRET }])
    const seen = await previewRequests()
    expect(seen.map(request => [request.site, request.headers['x-vercel-protection-bypass']])).toEqual([
      ['custom', SECRET],
      ['vercel-app', undefined]
    ])
    expect(result.status).toBe('protected')
    expect(result.stop).toContain(`the bypass secret is only sent to ${new URL(sandbox.url).origin}`)
    expect(text).not.toContain(SECRET)
  })
})

describe('other credentials in front of the site', () => {
  it('basic auth: one warning, and ready (the service may hold the credentials)', async () => {
    sites({ staging: { basicAuth: { username: 'team', password: 'hunter2' } } })
    const { result, warnings } = await preflight([{ url: urlOf('staging') }])
    expect(result.status).toBe('ready')
    expect(result.stop).toBeUndefined()
    expect(result.line).toBe(`${urlOf('staging')} answered 401 (Basic authentication) at the first check.`)
    expect(warnings).toEqual([
      `${urlOf('staging')} answered 401 (Basic authentication): the preflight cannot see past that, so it takes the site as up and starts the QA.tech run. ` +
        'The run needs its own way in (credentials or a certificate QA.tech accepts), or its tests stop there.'
    ])
    expect(requestsTo('staging')).toHaveLength(1)
  })

  it('a 403 from elsewhere than Vercel: the same', async () => {
    sites({ firewall: { status: 403 } })
    const { result, warnings } = await preflight([{ url: urlOf('firewall') }])
    expect(result.status).toBe('ready')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/answered 403: the preflight cannot see past that/)
  })
})

describe('redirects', () => {
  it('are followed one by one, at most 5', async () => {
    sites({ hops: { redirects: 3 }, loop: { redirects: 20 } })
    const hops = await preflight([{ url: urlOf('hops') }])
    expect(hops.result.line).toBe(`${urlOf('hops')} answered 200 at the first check, after 3 redirects.`)
    expect(requestsTo('hops').map(request => request.path)).toEqual([
      '/preview/hops/',
      '/preview/hops/__hop/1',
      '/preview/hops/__hop/2',
      '/preview/hops/__hop/3'
    ])

    const loop = await preflight([{ url: urlOf('loop') }])
    expect(requestsTo('loop')).toHaveLength(6)
    expect(loop.result.status).toBe('ready')
    expect(loop.result.line).toBe(
      `${urlOf('loop')} answered 302 at the first check, after 5 redirects (not followed further).`
    )
  })
})

describe('several sites', () => {
  it('all are checked at the same time; ready once the slowest is', async () => {
    sites({ web: { readyAfterMs: 3_000 }, admin: { readyAfterMs: 20_000 } })
    const { result } = await preflight([{ url: urlOf('web') }, { url: urlOf('admin') }, { url: urlOf('web') }])
    expect(result.status).toBe('ready')
    expect(result.seconds).toBeGreaterThanOrEqual(20)
    expect(result.line).toMatch(
      new RegExp(
        `^2 sites are ready: ${escape(urlOf('web'))} answered 200 after \\d+ s \\(\\d+ checks\\); ${escape(urlOf('admin'))} answered 200 after \\d+ s \\(\\d+ checks\\)\\.$`
      )
    )
    // The web site is not asked again once ready, while admin still is.
    const webChecks = requestsTo('web').filter(request => request.path === '/preview/web/')
    expect(Math.max(...webChecks.map(request => request.at))).toBeLessThan(
      Math.max(...requestsTo('admin').map(r => r.at))
    )
  })

  it('one protected site stops the preflight at once, the others included', async () => {
    sites({ slow: { readyAfterMs: null }, protected: { vercel: {} } })
    const { result } = await preflight([{ url: urlOf('slow') }, { url: urlOf('protected') }])
    expect(result.status).toBe('protected')
    expect(result.stop).toContain(`${urlOf('protected')} is behind Vercel Deployment Protection`)
    expect(requestsTo('slow')).toHaveLength(1)
  })

  it('the stop line names every site that was not ready, and only those', async () => {
    sites({ up: {}, down: { readyAfterMs: null, before: 404 } })
    const { result } = await preflight([{ url: urlOf('up') }, { url: urlOf('down') }], { timeoutMs: 10_000 })
    expect(result.status).toBe('not-ready')
    expect(result.stop).toMatch(new RegExp(`^${escape(urlOf('down'))} was not ready: 404 for 10 s`))
    expect(result.stop).not.toContain(urlOf('up'))
  })
})

describe('a workflow cancel', () => {
  it('while waiting between checks: returns cancelled with a stop line, and asks no more', async () => {
    sites({ broken: { readyAfterMs: null } })
    const controller = new AbortController()
    const { result } = await preflight([{ url: urlOf('broken') }], {
      signal: controller.signal,
      log: () => controller.abort()
    })
    expect(result.status).toBe('cancelled')
    expect(result.stop).toMatch(
      /^The workflow was cancelled during the preflight, after \d+ s; no QA\.tech run was started\.$/
    )
    expect(result.line).toBe(result.stop)
    expect(requestsTo('broken')).toHaveLength(1)
  })

  it('during a request that gets no answer: returns without waiting for it', async () => {
    sites({ hanging: { before: 'hang', readyAfterMs: null } })
    const controller = new AbortController()
    const asked = setInterval(() => {
      if (requestsTo('hanging').length > 0) controller.abort()
    }, 5)
    try {
      const { result } = await preflight([{ url: urlOf('hanging') }], { signal: controller.signal })
      expect(result.status).toBe('cancelled')
      expect(requestsTo('hanging')).toHaveLength(1)
    } finally {
      clearInterval(asked)
    }
  })

  it('before the preflight began: no request at all', async () => {
    sites({ up: {} })
    const controller = new AbortController()
    controller.abort()
    const { result } = await preflight([{ url: urlOf('up') }], { signal: controller.signal })
    expect(result.status).toBe('cancelled')
    expect(requestsTo('up')).toHaveLength(0)
  })
})

describe('a runner behind a proxy', () => {
  let proxy: Server
  const tunnels: string[] = []
  const savedEnv = process.env
  beforeAll(async () => {
    // A CONNECT proxy that knows the host preview.test: it tunnels every connection to the sandbox.
    const sandboxPort = Number(new URL(sandbox.url).port)
    proxy = createServer().on('connect', (request, client, head) => {
      tunnels.push(request.url ?? '')
      const upstream = connect(sandboxPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client).on('error', () => client.destroy())
        client.pipe(upstream).on('error', () => upstream.destroy())
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    // The runner's proxy variables, and none of this machine's (lowercase ones win in http-client).
    const unset = new Set(['http_proxy', 'no_proxy', 'NO_PROXY'])
    process.env = {
      ...Object.fromEntries(Object.entries(savedEnv).filter(([name]) => !unset.has(name))),
      HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    }
  })
  afterAll(async () => {
    process.env = savedEnv
    proxy.closeAllConnections()
    await new Promise(resolve => proxy.close(resolve))
  })

  it('checks the site through the proxy of HTTP_PROXY, as every other request of the action', async () => {
    sites({ behind: {} })
    const { result } = await preflight([{ url: 'http://preview.test/preview/behind/' }])
    expect(result.line).toBe('http://preview.test/preview/behind/ answered 200 at the first check.')
    expect(tunnels).toEqual(['preview.test:80'])
    expect(requestsTo('behind')).toHaveLength(1)
  })
})

describe('bad input', () => {
  it('a bypass secret with a line break: one line that says so, no request, the secret not in it', async () => {
    sites({ protected: { vercel: { secret: SECRET } } })
    const run = preflight([{ url: urlOf('protected'), bypassSecret: `${SECRET}\nextra` }])
    await expect(run).rejects.toThrow(
      'vercel_bypass_secret contains a line break or another control character, which no HTTP header can carry'
    )
    await expect(run).rejects.toBeInstanceOf(ActionError)
    await run.catch((error: Error) => expect(error.message).not.toContain(SECRET))
    expect(requestsTo('protected')).toHaveLength(0)
  })
})

describe('what the log names', () => {
  it('no URL: skipped', async () => {
    const { result } = await preflight([])
    expect(result).toEqual({ status: 'skipped', line: 'No URL to check: the preflight was skipped.' })
  })

  it('a URL with a user name and password is named without them', async () => {
    sites({ staging: { basicAuth: { username: 'team', password: 'hunter2' } } })
    const withCredentials = urlOf('staging').replace('http://', 'http://team:hunter2@')
    const { result, text } = await preflight([{ url: withCredentials }])
    // Node sends the URL's credentials as basic auth, so the site lets the check in.
    expect(result.line).toBe(`${urlOf('staging')} answered 200 at the first check.`)
    expect(text).not.toContain('hunter2')
  })

  it('text from the event cannot become a workflow command', async () => {
    sites({ up: {} })
    const { result } = await preflight([{ url: `${urlOf('up')}?next=::stop-commands::x%0A::error::hi` }])
    expect(result.line).not.toContain('::')
    expect(result.line).not.toContain('\n')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
