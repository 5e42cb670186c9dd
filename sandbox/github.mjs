/**
 * The GitHub REST API, as much of it as the actions call, for the sandbox (sandbox/server.mjs).
 * The action reaches it through GITHUB_API_URL, as on GitHub Enterprise Server.
 *   GET   /user                                            who the token is: a person's token only (403 for installation tokens)
 *   POST  /graphql                                         `{ viewer { login } }`, for every kind of token
 *   GET   /repos/{owner}/{repo}/commits?sha={branch}       a branch's commits, newest first, paginated (scenario.github.branches)
 *   GET   /repos/{owner}/{repo}/commits/{ref}              the commit message (scenario.commits, by SHA)
 *   GET   /repos/{owner}/{repo}/commits/{commit_sha}/pulls pull requests with that commit (scenario.github.pulls)
 *   GET   /repos/{owner}/{repo}/pulls/{pull_number}        one pull request (scenario.github.pulls)
 *   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments   a pull request's comments, paginated (Link)
 *   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments   a new comment
 *   GET   /repos/{owner}/{repo}/issues/comments/{comment_id}     one comment
 *   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}     an edited comment
 *   POST  /repos/{owner}/{repo}/statuses/{sha}                   a commit status
 *   GET   /repos/{owner}/{repo}/commits/{ref}/statuses           a commit's statuses, newest first, paginated
 *
 * Every REST request is checked against GitHub's own OpenAPI description (the @octokit/openapi
 * package): path and query parameters and the JSON body, closed to unknown keys so a typo fails
 * here. GraphQL, which that description does not cover, answers the one query the action sends. The description is large: it is read on the first GitHub request, and only the
 * operations above are kept. Invalid requests get GitHub's 422 (400 for malformed JSON); writes
 * with `scenario.github.readOnly` get GitHub's 403 "Resource not accessible by integration", as
 * a workflow token without `pull-requests: write` or `statuses: write` (or on a fork's pull
 * request) does. Comments and statuses live in the scenario's arrays, which this module copies
 * when a test sets them and then adds to; they can be anyone's (ACCOUNTS has a few), and carry
 * any workflow's markers and contexts.
 *
 * The token (`scenario.github.user`) is one of GitHub's three kinds, and answers as GitHub does:
 *   null                        the workflow token: writes as github-actions[bot]; GET /user 403
 *   { login, type: 'Bot' }      a GitHub App's installation token: writes as that bot; GET /user 403
 *   { login, type?: 'User' }    a person's token: writes as that person; GET /user answers
 * GraphQL's `viewer` names the token's own account for all three.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'

/** This module's part of the scenario (`scenario.github`). */
export function githubDefaults() {
  return {
    /**
     * Pull requests, in the REST API's shape: { number, state, title, body, html_url,
     * head: { ref, sha }, base: { ref }, commits?: [sha…] } (commits: other SHAs it contains).
     */
    pulls: [],
    /**
     * Who the token writes as: null for the workflow token (github-actions[bot]), { login, type:
     * 'Bot' } for an app's installation token, { login } for a person's token. GET /user answers
     * only the last (403 for installation tokens, as on GitHub).
     */
    user: null,
    /** The token cannot write: every POST and PATCH gets 403 "Resource not accessible by integration". */
    readOnly: false,
    /** Comments already there: { id?, issue_number, body, user?: { login, type? }, created_at?, updated_at? }. */
    comments: [],
    /**
     * Commit statuses already there, oldest first (GitHub lists a commit's newest first): { sha,
     * state, context, description?, target_url?, creator?: { login, type? } }.
     */
    statuses: [],
    /**
     * Branches' commits, newest first, as `GET /repos/{owner}/{repo}/commits?sha=<branch>` lists
     * them: { main: ['c3…', 'c2…', 'c1…'] }. A SHA's first parent is the next one in the list; a
     * merge commit, or a commit of a merged branch listed among the branch's own, is { sha,
     * parents: [sha…] }. Without `sha` the request lists `main`; a SHA in a list lists from it on.
     */
    branches: {},
    /** The largest page GitHub gives (100); smaller makes pagination cheap to test. */
    maxPerPage: 100
  }
}

/** The workflow token's identity. */
export const WORKFLOW_TOKEN_USER = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/** Accounts that write comments and statuses, for scenarios: the workflow token's, other apps', a person's. */
export const ACCOUNTS = {
  workflow: WORKFLOW_TOKEN_USER,
  /** Another app's bot, which also comments on pull requests and sets statuses. */
  vercel: { login: 'vercel[bot]', id: 35613825, type: 'Bot' },
  /** A GitHub App of the user's own, whose installation token a workflow may pass as github_token. */
  qaApp: { login: 'qa-app[bot]', id: 1100001, type: 'Bot' },
  /** A person. */
  person: { login: 'octocat', id: 583231, type: 'User' }
}

const READ_ONLY = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403'
}

/** The operations served, by GitHub's operationId: method and path as GitHub's OpenAPI file names them. */
const OPERATIONS = [
  ['users/get-authenticated', 'get', '/user'],
  ['repos/list-commits', 'get', '/repos/{owner}/{repo}/commits'],
  ['repos/get-commit', 'get', '/repos/{owner}/{repo}/commits/{ref}'],
  ['repos/list-pull-requests-associated-with-commit', 'get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['pulls/get', 'get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['issues/list-comments', 'get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['issues/create-comment', 'post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['issues/get-comment', 'get', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['issues/update-comment', 'patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['repos/create-commit-status', 'post', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['repos/list-commit-statuses-for-ref', 'get', '/repos/{owner}/{repo}/commits/{ref}/statuses']
].map(([id, method, template]) => ({ id, method, template, pattern: templatePattern(template) }))

function templatePattern(template) {
  const names = []
  const source = template.replace(/\{([^}]+)\}/g, (_match, name) => {
    names.push(name)
    return '([^/]+)'
  })
  return { regex: new RegExp(`^${source}$`), names }
}

/** GitHub's limits that its OpenAPI file does not state. */
const COMMENT_MAX_CHARACTERS = 65_536
const STATUS_DESCRIPTION_MAX_CHARACTERS = 140

/**
 * GitHub's description of the served operations, with the components they use; read once, on
 * the first request that needs it (the whole file is 13 MB).
 */
let description
function githubDescription() {
  if (description) return description
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const document = JSON.parse(readFileSync(file, 'utf8'))
  const operations = {}
  for (const { id, method, template } of OPERATIONS) {
    const operation = document.paths[template]?.[method]
    if (operation?.operationId !== id) throw new Error(`GitHub's OpenAPI file has no ${id} at ${method} ${template}`)
    operations[id] = operation
  }
  const components = {}
  const visit = node => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    if (typeof node.$ref === 'string') {
      const [, , kind, name] = node.$ref.split('/')
      components[kind] ??= {}
      if (!(name in components[kind])) {
        components[kind][name] = document.components[kind][name]
        visit(components[kind][name])
      }
    }
    Object.values(node).forEach(visit)
  }
  visit(operations)
  description = withNullableTypes({ $id: 'github', components, operations })
  return description
}

/**
 * OpenAPI 3.0's `nullable` beside `allOf`/`anyOf` (no `type`) is not JSON Schema: spelled as an
 * `anyOf` with null so Ajv reads it.
 */
function withNullableTypes(node) {
  if (Array.isArray(node)) return node.map(withNullableTypes)
  if (node === null || typeof node !== 'object') return node
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withNullableTypes(value)]))
  if (copy.nullable === true && copy.type === undefined) {
    delete copy.nullable
    return { anyOf: [copy, { type: 'null' }] }
  }
  return copy
}

const formats = {
  'date-time': value => !Number.isNaN(Date.parse(value)),
  uri: value => URL.canParse(value),
  email: value => value.includes('@'),
  int64: value => Number.isInteger(value),
  uuid: value => /^[0-9a-f-]{36}$/i.test(value)
}

let ajv
function validators() {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, logger: false, coerceTypes: false })
    for (const [name, validate] of Object.entries(formats)) ajv.addFormat(name, { validate })
    ajv.addSchema(githubDescription())
  }
  return ajv
}

/** Parameters of one location (`path`, `query`) as an object schema, closed to unknown names. */
function parameterSchema(operation, location) {
  const parameters = (operation.parameters ?? []).map(parameter =>
    parameter.$ref ? description.components.parameters[parameter.$ref.split('/').pop()] : parameter
  )
  const own = parameters.filter(parameter => parameter.in === location)
  return {
    type: 'object',
    properties: Object.fromEntries(own.map(parameter => [parameter.name, parameter.schema])),
    required: own.filter(parameter => parameter.required).map(parameter => parameter.name),
    additionalProperties: false
  }
}

/**
 * A request body's schema with every object closed to unknown keys, as the QA.tech bodies are,
 * and its references pointing into GitHub's description.
 */
function closedBody(schema) {
  if (Array.isArray(schema)) return schema.map(closedBody)
  if (schema === null || typeof schema !== 'object') return schema
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closedBody(value)]))
  if (typeof copy.$ref === 'string' && copy.$ref.startsWith('#/')) copy.$ref = `github${copy.$ref}`
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) {
    copy.additionalProperties = false
  }
  return copy
}

const compiled = new Map()
/** The request validators of one operation, compiled on first use. */
function requestValidators(id) {
  if (!compiled.has(id)) {
    const operation = githubDescription().operations[id]
    const schema = operation.requestBody?.content?.['application/json']?.schema
    const coercing = new Ajv({ allErrors: true, strict: false, logger: false, coerceTypes: true })
    for (const [name, validate] of Object.entries(formats)) coercing.addFormat(name, { validate })
    compiled.set(id, {
      path: coercing.compile(parameterSchema(operation, 'path')),
      query: coercing.compile(parameterSchema(operation, 'query')),
      bodyRequired: operation.requestBody?.required === true,
      body: schema ? validators().compile({ $id: `github-body-${id}`, ...closedBody(schema) }) : undefined
    })
  }
  return compiled.get(id)
}

/**
 * A validator of one operation's success response, by GitHub's schema, for the sandbox's own
 * contract tests (the action does not validate responses).
 */
export function githubResponseValidator(id) {
  const operation = githubDescription().operations[id]
  const [status] = Object.keys(operation.responses).filter(code => code.startsWith('2'))
  const pointer = `github#/operations/${id.replace('/', '~1')}/responses/${status}/content/application~1json/schema`
  const validate = validators().getSchema(pointer)
  if (!validate) throw new Error(`no response schema for ${id}`)
  return validate
}

function describeErrors(errors) {
  return (errors ?? [])
    .map(
      error =>
        `${error.instancePath || 'value'} ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`
    )
    .join('; ')
}

/** @param {{ scenario: () => any, send: Function, baseUrl: () => string, now: () => number }} context */
export function createGithubRoutes({ scenario, send, baseUrl, now }) {
  const answer = (res, status, body, headers) => {
    send(res, status, body, headers)
    return true
  }
  const invalid = (res, message) =>
    answer(res, 422, { message, documentation_url: 'https://docs.github.com/rest', status: '422' })

  // What the step wrote, on top of the scenario's seeds; copied again when a test sets new seeds.
  const store = { comments: [], statuses: [], seededComments: undefined, seededStatuses: undefined, nextId: 1 }
  function state() {
    const github = scenario().github
    if (github.comments !== store.seededComments) {
      store.seededComments = github.comments
      store.comments = github.comments.map(seed => toComment(seed, store.nextId++))
    }
    if (github.statuses !== store.seededStatuses) {
      store.seededStatuses = github.statuses
      store.statuses = github.statuses.map(seed => toStatus(seed, store.nextId++))
    }
    return store
  }

  const isoNow = () => new Date(now()).toISOString()
  const api = () => baseUrl()
  const author = () => scenario().github.user ?? WORKFLOW_TOKEN_USER

  function toUser(user) {
    const login = user.login
    const url = `${api()}/users/${encodeURIComponent(login)}`
    return {
      login,
      id: user.id ?? 1000 + login.length,
      node_id: `U_${login}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id ?? 1}?v=4`,
      gravatar_id: '',
      url,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: user.type ?? 'User',
      site_admin: false
    }
  }

  function toComment(seed, id) {
    const at = seed.created_at ?? isoNow()
    return {
      id: seed.id ?? id,
      issue_number: seed.issue_number,
      body: seed.body ?? '',
      user: seed.user ?? WORKFLOW_TOKEN_USER,
      created_at: at,
      updated_at: seed.updated_at ?? at
    }
  }

  function toStatus(seed, id) {
    const at = seed.created_at ?? isoNow()
    return {
      id: seed.id ?? id,
      sha: seed.sha,
      state: seed.state,
      context: seed.context ?? 'default',
      description: seed.description ?? null,
      target_url: seed.target_url ?? null,
      creator: seed.creator ?? WORKFLOW_TOKEN_USER,
      created_at: at,
      updated_at: seed.updated_at ?? at
    }
  }

  function renderComment({ owner, repo }, comment) {
    const repoApi = `${api()}/repos/${owner}/${repo}`
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${repoApi}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issue_number}#issuecomment-${comment.id}`,
      issue_url: `${repoApi}/issues/${comment.issue_number}`,
      body: comment.body,
      user: toUser(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  function renderStatus({ owner, repo }, status) {
    return {
      url: `${api()}/repos/${owner}/${repo}/statuses/${status.sha}`,
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      id: status.id,
      node_id: `SC_${status.id}`,
      state: status.state,
      description: status.description,
      target_url: status.target_url,
      context: status.context,
      created_at: status.created_at,
      updated_at: status.updated_at,
      creator: toUser(status.creator)
    }
  }

  /** A branch's commits from `ref` on (a branch's name, or a SHA in a branch), each with its parents; undefined when unknown. */
  function commitsFrom(ref) {
    const withParents = list =>
      list.map((entry, index) => {
        if (typeof entry !== 'string' && entry.parents !== undefined) return entry
        const next = list[index + 1]
        const parents = next === undefined ? [] : [typeof next === 'string' ? next : next.sha]
        return { sha: typeof entry === 'string' ? entry : entry.sha, parents }
      })
    const branches = scenario().github.branches
    if (Object.hasOwn(branches, ref)) return withParents(branches[ref])
    for (const list of Object.values(branches).map(withParents)) {
      const index = list.findIndex(commit => commit.sha === ref)
      if (index >= 0) return list.slice(index)
    }
    return undefined
  }

  function renderCommit({ owner, repo }, { sha, parents }) {
    const repoApi = `${api()}/repos/${owner}/${repo}`
    const person = { name: 'Mona Lisa', email: 'mona@example.com', date: isoNow() }
    return {
      url: `${repoApi}/commits/${sha}`,
      sha,
      node_id: `C_${sha}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${sha}`,
      comments_url: `${repoApi}/commits/${sha}/comments`,
      commit: {
        url: `${repoApi}/git/commits/${sha}`,
        author: person,
        committer: person,
        message: scenario().commits[sha] ?? `Commit ${sha.slice(0, 7)}`,
        comment_count: 0,
        // The sandbox keeps no trees: the commit's SHA stands in for its tree's.
        tree: { sha, url: `${repoApi}/git/trees/${sha}` }
      },
      author: null,
      committer: null,
      parents: parents.map(parent => ({
        sha: parent,
        url: `${repoApi}/commits/${parent}`,
        html_url: `https://github.com/${owner}/${repo}/commit/${parent}`
      }))
    }
  }

  function renderPull(pull) {
    return Object.fromEntries(Object.entries(pull).filter(([key]) => key !== 'commits'))
  }

  /** One page of `items`, with GitHub's Link header for the others. */
  function page(res, url, items, render) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), scenario().github.maxPerPage, 100)
    const pages = Math.max(1, Math.ceil(items.length / perPage))
    const current = Number(url.searchParams.get('page') ?? 1)
    const link = (number, rel) => {
      const target = new URL(url.pathname, api())
      for (const [key, value] of url.searchParams) target.searchParams.set(key, value)
      target.searchParams.set('page', String(number))
      target.searchParams.set('per_page', String(perPage))
      return `<${target}>; rel="${rel}"`
    }
    const links = []
    if (current < pages) links.push(link(current + 1, 'next'), link(pages, 'last'))
    if (current > 1) links.push(link(1, 'first'), link(current - 1, 'prev'))
    const shown = items.slice((current - 1) * perPage, current * perPage).map(render)
    return answer(res, 200, shown, links.length > 0 ? { link: links.join(', ') } : {})
  }

  /** GraphQL: only `{ viewer { login } }`, the one query the action sends; anything else is a GraphQL error. */
  function graphql(res, body) {
    if (typeof body === 'symbol' || typeof body?.query !== 'string') {
      return answer(res, 400, {
        message: 'Problems parsing JSON',
        documentation_url: 'https://docs.github.com/graphql'
      })
    }
    const query = body.query.replace(/\s+/g, ' ').trim()
    if (!/^(query )?\{ ?viewer ?\{ ?login ?\} ?\}$/.test(query)) {
      return answer(res, 200, { errors: [{ message: `The sandbox answers only { viewer { login } }, not: ${query}` }] })
    }
    return answer(res, 200, { data: { viewer: { login: author().login } } })
  }

  const handlers = {
    'users/get-authenticated': ({ res }) => {
      const user = scenario().github.user
      // An installation token (the workflow token, or an app's) may not ask who it is.
      if (!user || user.type === 'Bot') return answer(res, 403, READ_ONLY)
      const at = isoNow()
      return answer(res, 200, {
        ...toUser(user),
        name: user.name ?? null,
        company: null,
        blog: null,
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: at,
        updated_at: at
      })
    },
    'repos/list-commits': ({ res, url, params }) => {
      const ref = url.searchParams.get('sha') ?? 'main'
      const commits = commitsFrom(ref)
      if (!commits) return answer(res, 404, { message: `No commit found for SHA: ${ref}`, status: '404' })
      return page(res, url, commits, commit => renderCommit(params, commit))
    },
    'repos/get-commit': ({ res, params }) => {
      const message = scenario().commits[params.ref]
      if (message === undefined) return answer(res, 404, { message: 'No commit found for SHA: ' + params.ref })
      return answer(res, 200, { sha: params.ref, commit: { message } })
    },
    'repos/list-pull-requests-associated-with-commit': ({ res, params }) => {
      const sha = params.commit_sha
      const found = scenario().github.pulls.filter(pull => pull.head?.sha === sha || pull.commits?.includes(sha))
      return answer(res, 200, found.map(renderPull))
    },
    'pulls/get': ({ res, params }) => {
      const pull = scenario().github.pulls.find(item => item.number === Number(params.pull_number))
      if (!pull) return answer(res, 404, { message: 'Not Found', status: '404' })
      return answer(res, 200, renderPull(pull))
    },
    'issues/list-comments': ({ res, url, params }) => {
      const comments = state().comments.filter(comment => comment.issue_number === Number(params.issue_number))
      return page(res, url, comments, comment => renderComment(params, comment))
    },
    'issues/create-comment': ({ res, params, body }) => {
      if (body.body.length > COMMENT_MAX_CHARACTERS) {
        return invalid(res, `Validation Failed: body is too long (maximum is ${COMMENT_MAX_CHARACTERS} characters)`)
      }
      const written = state()
      const at = isoNow()
      const comment = {
        id: written.nextId++,
        issue_number: Number(params.issue_number),
        body: body.body,
        user: author(),
        created_at: at,
        updated_at: at
      }
      written.comments.push(comment)
      return answer(res, 201, renderComment(params, comment))
    },
    'issues/get-comment': ({ res, params }) => {
      const comment = state().comments.find(item => item.id === Number(params.comment_id))
      if (!comment) return answer(res, 404, { message: 'Not Found', status: '404' })
      return answer(res, 200, renderComment(params, comment))
    },
    'issues/update-comment': ({ res, params, body }) => {
      const comment = state().comments.find(item => item.id === Number(params.comment_id))
      if (!comment) return answer(res, 404, { message: 'Not Found', status: '404' })
      if (body.body.length > COMMENT_MAX_CHARACTERS) {
        return invalid(res, `Validation Failed: body is too long (maximum is ${COMMENT_MAX_CHARACTERS} characters)`)
      }
      comment.body = body.body
      comment.updated_at = isoNow()
      return answer(res, 200, renderComment(params, comment))
    },
    'repos/create-commit-status': ({ res, params, body }) => {
      if ((body.description ?? '').length > STATUS_DESCRIPTION_MAX_CHARACTERS) {
        return invalid(
          res,
          `Validation Failed: description is too long (maximum is ${STATUS_DESCRIPTION_MAX_CHARACTERS} characters)`
        )
      }
      const written = state()
      const status = toStatus({ ...body, sha: params.sha, creator: author() }, written.nextId++)
      written.statuses.push(status)
      return answer(res, 201, renderStatus(params, status))
    },
    'repos/list-commit-statuses-for-ref': ({ res, url, params }) => {
      const statuses = state()
        .statuses.filter(status => status.sha === params.ref)
        .reverse()
      return page(res, url, statuses, status => renderStatus(params, status))
    }
  }

  return {
    handle({ req, res, url, path, body }) {
      if (path !== '/user' && path !== '/graphql' && !path.startsWith('/repos/')) return false
      if (!req.headers.authorization) return answer(res, 401, { message: 'Requires authentication', status: '401' })
      if (path === '/graphql')
        return req.method === 'POST' ? graphql(res, body) : answer(res, 404, { message: 'Not Found' })
      const method = (req.method ?? 'GET').toLowerCase()
      const route = OPERATIONS.map(operation => ({ operation, match: operation.pattern.regex.exec(path) })).find(
        ({ operation, match }) => match && operation.method === method
      )
      if (!route) return answer(res, 404, { message: 'Not Found', status: '404' })
      const { operation, match } = route
      const params = Object.fromEntries(
        operation.pattern.names.map((name, index) => [name, decodeURIComponent(match[index + 1])])
      )

      const validate = requestValidators(operation.id)
      if (!validate.path({ ...params })) return invalid(res, `Invalid path: ${describeErrors(validate.path.errors)}`)
      const query = Object.fromEntries(url.searchParams)
      if (!validate.query(query)) return invalid(res, `Invalid query: ${describeErrors(validate.query.errors)}`)
      if (typeof body === 'symbol') return answer(res, 400, { message: 'Problems parsing JSON', status: '400' })
      if (validate.body) {
        if (body === undefined && validate.bodyRequired) return invalid(res, 'Invalid request: a JSON body is required')
        if (body !== undefined && !validate.body(body)) {
          return invalid(res, `Invalid request: ${describeErrors(validate.body.errors)}`)
        }
      }

      if (method !== 'get' && scenario().github.readOnly) return answer(res, 403, READ_ONLY)
      return handlers[operation.id]({ res, url, params, body })
    },
    reset() {
      store.seededComments = undefined
      store.seededStatuses = undefined
      store.nextId = 1
    }
  }
}
