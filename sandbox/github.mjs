/**
 * The GitHub REST API, as much of it as the actions call, for the sandbox (sandbox/server.mjs).
 * The action reaches it through GITHUB_API_URL, as on GitHub Enterprise Server.
 *   GET /repos/{owner}/{repo}/commits/{sha}   the commit message (scenario.commits, by SHA)
 */

/** This module's part of the scenario (`scenario.github`). */
export function githubDefaults() {
  return {}
}

/** @param {{ scenario: () => any, send: Function }} context */
export function createGithubRoutes({ scenario, send }) {
  return {
    handle({ req, res, path }) {
      if (!path.startsWith('/repos/')) return false
      const match = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(path)
      if (req.method !== 'GET' || !match) return send(res, 404, { message: 'Not Found' }) ?? true
      if (!req.headers.authorization) return send(res, 401, { message: 'Requires authentication' }) ?? true
      const message = scenario().commits[match[3]]
      if (message === undefined) return send(res, 404, { message: 'No commit found for SHA: ' + match[3] }) ?? true
      send(res, 200, { sha: match[3], commit: { message } })
      return true
    },
    reset() {}
  }
}
