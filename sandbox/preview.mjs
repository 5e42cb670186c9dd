/**
 * A scriptable preview site, under /preview/<name>/..., for the sandbox (sandbox/server.mjs): the
 * site an action's preflight checks before it starts a run. Each site is scripted in
 * `scenario.preview.sites[name]` (see `previewDefaults`); time is the sandbox's clock (`now`), so
 * a test on a virtual clock sees a site come up after minutes in milliseconds.
 *
 * Per request, in this order:
 *   1. `vercel`     Vercel Deployment Protection: 401 with `server: Vercel` and `x-vercel-id` (or a
 *                   redirect to vercel.com/sso-api), unless `x-vercel-protection-bypass` carries the secret
 *   2. `basicAuth`  401 with `WWW-Authenticate: Basic` unless the Authorization header matches
 *   3. readiness    `statuses` (one per check, the last repeats), or `before` until `readyAfterMs`
 *                   has passed since the site's first request (`readyAfterMs: null`: never ready)
 *   4. `redirects`  a chain of that many relative redirects, then `location` (a redirect away) or
 *   5. `status`     the page itself (`endlessBody`: a body that never ends)
 * `delayMs` makes every answer (each hop of a redirect chain) that slow, on the sandbox's clock.
 *
 *   GET /preview/__requests   what the sites received, bypass and authorization headers included
 *
 * A connection that is refused needs a port where nothing listens: `startRefusingSite` below.
 */
import { createServer } from 'node:http'

/** This module's part of the scenario (`scenario.preview`). */
export function previewDefaults() {
  return {
    /**
     * Sites by name, each served at /preview/<name>/:
     * { readyAfterMs? (0), before? (503 | any status | 'reset' | 'hang'), retryAfter?, statuses?,
     *   status? (200), endlessBody?, redirects? (0), location?, delayMs?, basicAuth?: { username, password },
     *   vercel?: { secret?, status? (401), via? ('answer' | 'login-redirect'), serverHeader? (true) } }
     */
    sites: {}
  }
}

const SITE_PATH = /^\/preview\/([^/]+)(\/.*)?$/
const HOP_PATH = /^\/__hop\/(\d+)$/

/** @param {{ now: () => number, sleep: (ms: number) => Promise<void>, scenario: () => any, send: Function, sendRaw: Function }} context */
export function createPreviewRoutes({ now, sleep, scenario, send, sendRaw }) {
  /** Per site: the time of its first request and how many checks (first hops) it has answered. */
  const state = new Map()
  const received = []

  const html = (res, status, text, headers = {}) => {
    sendRaw(res, status, `<!doctype html><title>${text}</title><p>${text}</p>`, 'text/html; charset=utf-8', headers)
    return true
  }

  return {
    async handle({ req, res, path }) {
      if (path === '/preview/__requests') {
        send(res, 200, { requests: received })
        return true
      }
      const match = SITE_PATH.exec(path)
      if (!match) return false
      const name = decodeURIComponent(match[1])
      const rest = match[2] ?? '/'
      received.push({
        site: name,
        method: req.method,
        path: rest,
        headers: {
          'x-vercel-protection-bypass': req.headers['x-vercel-protection-bypass'],
          authorization: req.headers.authorization,
          'user-agent': req.headers['user-agent']
        },
        at: now()
      })
      const site = scenario().preview.sites[name]
      if (site === undefined) return html(res, 404, `No preview site ${name}`)
      // A slow site: every answer, each hop of a redirect chain included, takes this long.
      if (site.delayMs) await sleep(site.delayMs)

      const vercelHeaders = site.vercel
        ? {
            ...(site.vercel.serverHeader === false ? {} : { server: 'Vercel' }),
            'x-vercel-id': `sbx1::${name}-${received.length}`
          }
        : {}
      const bypassed =
        site.vercel?.secret !== undefined && req.headers['x-vercel-protection-bypass'] === site.vercel.secret
      if (site.vercel && !bypassed) {
        if (site.vercel.via === 'login-redirect') {
          const back = encodeURIComponent(`http://${req.headers.host}${req.url}`)
          res.writeHead(307, { ...vercelHeaders, location: `https://vercel.com/sso-api?url=${back}&nonce=sbx` })
          res.end()
          return true
        }
        return html(res, site.vercel.status ?? 401, 'Authentication Required', vercelHeaders)
      }
      if (site.basicAuth) {
        const expected = `Basic ${Buffer.from(`${site.basicAuth.username}:${site.basicAuth.password}`).toString('base64')}`
        if (req.headers.authorization !== expected) {
          return html(res, 401, 'Unauthorized', { 'www-authenticate': 'Basic realm="Preview"' })
        }
      }

      const hop = Number(HOP_PATH.exec(rest)?.[1] ?? 0)
      if (hop === 0) {
        const seen = state.get(name) ?? { firstAt: now(), checks: 0 }
        seen.checks += 1
        state.set(name, seen)
        const early = earlyAnswer(site, seen, now())
        if (early === 'hang') return true // never answered; the socket closes with the sandbox
        if (early === 'reset') {
          req.socket.destroy()
          return true
        }
        if (early !== undefined) {
          const retryAfter = site.retryAfter === undefined ? {} : { 'retry-after': String(site.retryAfter) }
          return html(res, early, `Status ${early}`, { ...vercelHeaders, ...retryAfter })
        }
      }

      if (hop < (site.redirects ?? 0)) {
        res.writeHead(302, { ...vercelHeaders, location: `/preview/${encodeURIComponent(name)}/__hop/${hop + 1}` })
        res.end()
        return true
      }
      if (site.location) {
        res.writeHead(302, { ...vercelHeaders, location: site.location })
        res.end()
        return true
      }
      if (site.endlessBody) {
        // A page that never ends: a client that reads bodies would wait on it until its timeout.
        res.writeHead(site.status ?? 200, { ...vercelHeaders, 'content-type': 'text/html' })
        const drip = setInterval(() => res.write('<p>more</p>'), 10)
        res.on('close', () => clearInterval(drip))
        return true
      }
      return html(res, site.status ?? 200, `Preview ${name}`, vercelHeaders)
    },
    reset() {
      state.clear()
      received.length = 0
    }
  }
}

/** What the site answers while it is not ready (a status, 'reset' or 'hang'), or undefined once it is. */
function earlyAnswer(site, seen, nowMs) {
  if (Array.isArray(site.statuses) && site.statuses.length > 0) {
    const status = site.statuses[Math.min(seen.checks, site.statuses.length) - 1]
    return status === (site.status ?? 200) ? undefined : status
  }
  const readyAfterMs = site.readyAfterMs === undefined ? 0 : site.readyAfterMs
  if (readyAfterMs !== null && nowMs - seen.firstAt >= readyAfterMs) return undefined
  return site.before ?? 503
}

/**
 * A site on a port of its own where nothing listens yet, so every connection is refused, until
 * `open()` starts answering 200 there (a preview server that comes up late). Returns its `url`.
 * @param {{ host?: string }} options
 */
export async function startRefusingSite(options = {}) {
  const host = options.host ?? '127.0.0.1'
  // Take a free port from the system and give it back: until open(), connections to it are refused.
  const placeholder = createServer()
  await new Promise(resolve => placeholder.listen(0, host, resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (placeholder.address())
  await new Promise(resolve => placeholder.close(resolve))

  let server
  const sockets = new Set()
  return {
    url: `http://${host}:${port}/`,
    /** Starts answering on the port: 200 with a small page, or what `handler` answers. */
    async open(handler) {
      if (server) return
      server = createServer(
        handler ??
          ((req, res) => {
            res.writeHead(200, { 'content-type': 'text/html' })
            res.end('<!doctype html><title>Up</title><p>Up</p>')
          })
      )
      server.on('connection', socket => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      await new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, resolve)
      })
    },
    get opened() {
      return server !== undefined
    },
    close() {
      if (!server) return Promise.resolve()
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}
