/**
 * The preflight's rules one by one, apart from the network where they can be: which answer is
 * ready, not yet, Vercel's protection or someone else's; the retry delays; how a failed request
 * is named. preflight.test.ts runs them against the sandbox's preview sites.
 */
import type { Sandbox } from '../../sandbox/server.mjs'
import { failureOf, probe, type Probe } from '../../src/preflight/probe.js'
import { retryDelayMs } from '../../src/preflight/schedule.js'
import { isVercelLogin, step, type Hop } from '../../src/preflight/verdict.js'
import { startVirtualSandbox } from '../harness/in-process.js'

const hop: Hop = {
  url: new URL('https://pr-7.preview.example.com/'),
  targetOrigin: 'https://pr-7.preview.example.com',
  secretSent: false,
  redirects: 0
}

function answer(status: number, headers: Partial<Extract<Probe, { kind: 'answer' }>> = {}): Probe {
  return {
    kind: 'answer',
    status,
    location: undefined,
    retryAfterMs: undefined,
    fromVercel: false,
    authScheme: undefined,
    ...headers
  }
}

describe('which answer is ready', () => {
  it.each([200, 204, 301, 302, 400, 410, 418, 499])('%i without a Location is ready', status => {
    expect(step(answer(status), hop)).toEqual({ answer: { kind: 'ready', status, redirects: 0, redirectLimit: false } })
  })

  it.each([404, 408, 429, 500, 502, 503, 504, 599])('%i is not ready yet', status => {
    expect(step(answer(status, { retryAfterMs: 3_000 }), hop)).toEqual({
      answer: { kind: 'not-ready', what: String(status), retryAfterMs: 3_000 }
    })
  })

  it.each([401, 403])('%i from Vercel (server header or x-vercel-id) is Vercel protection', status => {
    expect(step(answer(status, { fromVercel: true }), { ...hop, secretSent: true })).toEqual({
      answer: {
        kind: 'vercel-protected',
        what: `answered ${status} from Vercel`,
        secretSent: true,
        elsewhere: undefined
      }
    })
  })

  it.each([401, 403])('%i from anyone else is a guarded site, named with its scheme', status => {
    expect(step(answer(status, { authScheme: 'Bearer' }), hop)).toEqual({
      answer: { kind: 'guarded', what: `answered ${status} (Bearer authentication)`, redirects: 0 }
    })
  })

  it('a 5xx from Vercel is not protection: not ready yet', () => {
    expect(step(answer(503, { fromVercel: true }), hop)).toMatchObject({ answer: { kind: 'not-ready', what: '503' } })
  })
})

describe('redirects', () => {
  const to = (href: string) => answer(307, { location: new URL(href) })

  it('are followed while fewer than 5 have been', () => {
    expect(step(to('https://pr-7.preview.example.com/en'), { ...hop, redirects: 4 })).toEqual({
      follow: new URL('https://pr-7.preview.example.com/en')
    })
    expect(step(to('https://pr-7.preview.example.com/en'), { ...hop, redirects: 5 })).toEqual({
      answer: { kind: 'ready', status: 307, redirects: 5, redirectLimit: true }
    })
  })

  it.each([
    'https://vercel.com/login?next=%2Fsso-api',
    'https://vercel.com/sso-api?url=https%3A%2F%2Fpr-7.preview.example.com&nonce=1',
    'https://www.vercel.com/login'
  ])('to Vercel’s login (%s) is Vercel protection, at any depth', href => {
    expect(step(to(href), { ...hop, redirects: 5 })).toMatchObject({
      answer: { kind: 'vercel-protected', what: "redirects to Vercel's login" }
    })
  })

  it.each(['https://vercel.com/docs/login', 'https://vercel.community/login', 'https://example.com/login'])(
    '%s is not Vercel’s login',
    href => expect(isVercelLogin(new URL(href))).toBe(false)
  )

  it('protection met after a redirect away from the URL says where', () => {
    const away = { ...hop, url: new URL('https://app.vercel.app/') }
    expect(step(answer(401, { fromVercel: true }), away)).toMatchObject({
      answer: { kind: 'vercel-protected', secretSent: false, elsewhere: 'https://app.vercel.app' }
    })
  })
})

describe('failed requests', () => {
  const failed = (code: string, message = code) => step(failureOf(Object.assign(new Error(message), { code })), hop)

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ECONNRESET', 'connection reset'],
    ['ENOTFOUND', 'no DNS record'],
    ['EAI_AGAIN', 'no DNS record'],
    ['ETIMEDOUT', 'no answer within 10 s'],
    ['EHOSTUNREACH', 'host unreachable (EHOSTUNREACH)'],
    ['EPROTO', 'network error (EPROTO)']
  ])('%s is not ready yet: "%s"', (code, what) => {
    expect(failed(code)).toEqual({ answer: { kind: 'not-ready', what, retryAfterMs: undefined } })
  })

  it('a server that hangs up before answering is a reset connection', () => {
    expect(step(failureOf(new Error('socket hang up')), hop)).toMatchObject({
      answer: { kind: 'not-ready', what: 'connection reset' }
    })
  })

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  ])('a certificate this runner does not trust (%s) is a guarded site, not a dead one', code => {
    expect(failed(code)).toEqual({
      answer: {
        kind: 'guarded',
        what: `presented a TLS certificate this runner does not trust (${code})`,
        redirects: 0
      }
    })
  })
})

describe('retry delays', () => {
  it('grow from 1 s to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(failures => retryDelayMs(failures, undefined))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000
    ])
  })

  it('follow Retry-After between 1 s and 10 s', () => {
    expect(retryDelayMs(1, 5_000)).toBe(5_000)
    expect(retryDelayMs(4, 0)).toBe(1_000)
    expect(retryDelayMs(1, 120_000)).toBe(10_000)
  })
})

describe('one request', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    ;({ sandbox } = await startVirtualSandbox())
  })
  afterAll(() => sandbox.close())

  it('gives up at its timeout when the site sends nothing', async () => {
    sandbox.reset({ preview: { sites: { hanging: { before: 'hang', readyAfterMs: null } } } })
    const seen = await probe({
      url: new URL(`${sandbox.url}/preview/hanging/`),
      headers: {},
      timeoutMs: 100,
      signal: new AbortController().signal,
      now: Date.now
    })
    expect(seen).toEqual({ kind: 'failure', failure: 'timeout', code: undefined })
  })

  it('reads the status and the headers the rules need', async () => {
    sandbox.reset({ preview: { sites: { slow: { readyAfterMs: null, retryAfter: 7 }, vercel: { vercel: {} } } } })
    const slow = await probe({
      url: new URL(`${sandbox.url}/preview/slow/`),
      headers: {},
      timeoutMs: 5_000,
      signal: new AbortController().signal,
      now: Date.now
    })
    expect(slow).toEqual({
      kind: 'answer',
      status: 503,
      location: undefined,
      retryAfterMs: 7_000,
      fromVercel: false,
      authScheme: undefined
    })
    const vercel = await probe({
      url: new URL(`${sandbox.url}/preview/vercel/`),
      headers: {},
      timeoutMs: 5_000,
      signal: new AbortController().signal,
      now: Date.now
    })
    expect(vercel).toMatchObject({ kind: 'answer', status: 401, fromVercel: true })
  })
})
