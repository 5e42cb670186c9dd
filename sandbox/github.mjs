/**
 * The GitHub REST API, as much of it as the actions call, for the sandbox (sandbox/server.mjs).
 * The action reaches it through GITHUB_API_URL, as on GitHub Enterprise Server.
 *   GET /repos/{owner}/{repo}/commits/{sha}         the commit message (scenario.commits, by SHA)
 *   GET /repos/{owner}/{repo}/commits/{sha}/pulls   pull requests with that commit (scenario.github.pulls)
 */

/** This module's part of the scenario (`scenario.github`). */
export function githubDefaults() {
  return {
    /**
     * Pull requests, in the REST API's shape: { number, state, title, body, html_url,
     * head: { ref, sha }, base: { ref }, commits?: [sha…] } (commits: other SHAs it contains).
     */
    pulls: []
  }
}

/** @param {{ scenario: () => any, send: Function }} context */
export function createGithubRoutes({ scenario, send }) {
  const answer = (res, status, body) => {
    send(res, status, body)
    return true
  }
  return {
    handle({ req, res, path }) {
      if (!path.startsWith('/repos/')) return false
      if (!req.headers.authorization) return answer(res, 401, { message: 'Requires authentication' })
      const pulls = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/.exec(path)
      if (req.method === 'GET' && pulls) {
        const sha = pulls[3]
        const found = scenario().github.pulls.filter(pull => pull.head?.sha === sha || pull.commits?.includes(sha))
        return answer(
          res,
          200,
          found.map(pull => Object.fromEntries(Object.entries(pull).filter(([key]) => key !== 'commits')))
        )
      }
      const commit = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(path)
      if (req.method === 'GET' && commit) {
        const message = scenario().commits[commit[3]]
        if (message === undefined) return answer(res, 404, { message: 'No commit found for SHA: ' + commit[3] })
        return answer(res, 200, { sha: commit[3], commit: { message } })
      }
      return answer(res, 404, { message: 'Not Found' })
    },
    reset() {}
  }
}
