/**
 * QA.tech's chat API (/v1/chat/...), for the sandbox (sandbox/server.mjs), as QA.tech documents it:
 *   POST /v1/chat/change-review    start a change review (mode "pr" or "rawChanges"); 202 + conversation
 *   POST /v1/chat                  start a chat; 202 + conversation
 *   GET  /v1/chat/{shortId}        the conversation, messages newest first (?limit=, ?projectShortId=)
 *   POST /v1/chat/{shortId}        send a message; 202 + conversation
 * Request bodies are validated against the documented shapes, closed to unknown keys (400 with a
 * message otherwise). server.mjs checks first what every /v1 call shares: the API key (401), the
 * JSON, and the project a request names in its body or query, against the key's scope
 * (scenario.projectShortId, scenario.keyScope); it injects the faults (scenario.faults) too.
 *
 * What the assistant answers is scripted with `scenario.chat` (see chatDefaults): a reply per GET,
 * or per span of time on the sandbox's clock, so a test on a virtual clock can run an hour-long
 * review in milliseconds.
 */
import { Ajv } from 'ajv'

export const SANDBOX_REVIEW = [
  '## Verdict: pass',
  '',
  'The pull request adds a discount-code field to checkout. On the preview I checked:',
  '',
  '- ✅ Applying `SAVE10` takes 10% off the total.',
  '- ✅ Guest checkout still completes.',
  '- ⚠️ The field accepts a code with trailing spaces (this was so before the change).',
  ''
].join('\n')

/** This module's part of the scenario (`scenario.chat`). */
export function chatDefaults() {
  return {
    /**
     * The assistant's reply as each GET of a conversation sees it: { status, text?, isStreaming? },
     * or null for no reply yet. The Nth GET gets replies[N-1] (the last one repeats); with
     * replyEveryMs set, replies[floor(time since the start / replyEveryMs)] instead.
     */
    replies: [{ status: 'COMPLETED', text: SANDBOX_REVIEW }],
    replyEveryMs: null,
    /** Messages from before the review (newest first), listed after it: an earlier reply, say. */
    earlierMessages: [],
    /** Short IDs for the conversations in the order they are started (past the list: chat_sbx001, …). */
    shortIds: []
  }
}

const shortIdOf = prefix => ({ type: 'string', pattern: `^${prefix}(-.+_.+|_.+)$` })
const text = { type: 'string' }
const environment = {
  anyOf: [
    {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', minLength: 1 }, name: text },
      additionalProperties: false
    },
    { type: 'object', required: ['shortId'], properties: { shortId: shortIdOf('env') }, additionalProperties: false },
    {
      type: 'object',
      required: ['applicationBuildShortId'],
      properties: { applicationBuildShortId: shortIdOf('build') },
      additionalProperties: false
    }
  ]
}
const applicationOverride = {
  type: 'object',
  required: ['applicationShortId', 'environment'],
  properties: {
    applicationShortId: shortIdOf('app'),
    devicePresetShortId: shortIdOf('preset'),
    environment
  },
  additionalProperties: false
}
/** What every start body may carry: the project, and the git fields QAdottech/run-action sends. */
const common = {
  applicationOverrides: { type: 'array', minItems: 1, items: applicationOverride },
  context: text,
  projectShortId: shortIdOf('proj'),
  actor: text,
  branch: text,
  commitHash: text,
  commitMessage: text,
  repository: text
}
const schemas = {
  pr: {
    type: 'object',
    required: ['mode', 'prUrl', 'vcsProviderId', 'applicationOverrides'],
    properties: {
      mode: { const: 'pr' },
      prUrl: { type: 'string', pattern: '^https?://' },
      vcsProviderId: { enum: ['github', 'gitlab'] },
      ...common
    },
    additionalProperties: false
  },
  rawChanges: {
    type: 'object',
    required: ['mode', 'changes', 'applicationOverrides'],
    properties: {
      mode: { const: 'rawChanges' },
      changes: {
        type: 'object',
        required: ['changeDescription', 'diff'],
        properties: { changeDescription: { type: 'string', minLength: 1 }, diff: { type: 'string', minLength: 1 } },
        additionalProperties: false
      },
      ...common
    },
    additionalProperties: false
  },
  message: {
    type: 'object',
    required: ['message'],
    properties: {
      message: { type: 'string', minLength: 1 },
      applicationOverrides: common.applicationOverrides,
      projectShortId: common.projectShortId
    },
    additionalProperties: false
  }
}
const ajv = new Ajv({ allErrors: true, strict: false })
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]))

function describeErrors(errors) {
  return (errors ?? [])
    .map(
      error =>
        `${error.instancePath || 'body'} ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`
    )
    .join('; ')
}

const QUERY_KEYS = ['limit', 'projectShortId']

/** @param {{ now: () => number, baseUrl: () => string, scenario: () => any, send: Function }} context */
export function createChatRoutes({ now, baseUrl, scenario, send }) {
  const conversations = new Map()
  let chats = 0
  let messages = 0
  const answer = (res, status, body) => {
    send(res, status, body)
    return true
  }
  const iso = ms => new Date(ms).toISOString()

  function applicationProblem(overrides) {
    const { applications, environments, devicePresets } = scenario()
    for (const app of overrides ?? []) {
      if (!applications.some(item => item.shortId === app.applicationShortId)) {
        return `Application ${app.applicationShortId} not found`
      }
      const envId = app.environment?.shortId
      if (
        envId &&
        !environments.some(env => env.shortId === envId && env.applicationShortId === app.applicationShortId)
      ) {
        return `Environment ${envId} not found`
      }
      if (app.devicePresetShortId && !devicePresets.includes(app.devicePresetShortId)) {
        return `Device preset ${app.devicePresetShortId} not found`
      }
    }
    return undefined
  }

  function message(role, body, at, status = 'COMPLETED') {
    messages += 1
    return { id: `msg_sbx${messages}`, role, createdAt: iso(at), text: body, status, isStreaming: false }
  }

  /**
   * Starts a conversation with the user's message; the assistant's reply follows the script. A
   * change review answers with no messages: QA.tech documents them as "empty on creation".
   */
  function start(res, userText, { empty = false } = {}) {
    chats += 1
    const shortId = scenario().chat.shortIds?.[chats - 1] ?? `chat_sbx${String(chats).padStart(3, '0')}`
    const startedAt = now()
    const conversation = {
      shortId,
      startedAt,
      gets: 0,
      script: structuredClone(scenario().chat),
      messages: [message('user', userText, startedAt)]
    }
    conversations.set(shortId, conversation)
    const rendered = render(conversation, 20, false)
    return answer(res, 202, empty ? { ...rendered, messages: [] } : rendered)
  }

  /** The conversation as QA.tech answers it: newest first, the assistant's reply as scripted. */
  function render(conversation, limit, withReply) {
    const reply = withReply ? scriptedReply(conversation) : undefined
    const messages = [
      ...(reply ? [reply] : []),
      ...[...conversation.messages].reverse(),
      ...conversation.script.earlierMessages
    ]
    return {
      shortId: conversation.shortId,
      url: `${baseUrl()}/p/${scenario().project}/chat/${encodeURIComponent(conversation.shortId)}`,
      title: reply?.status === 'COMPLETED' ? 'Change review' : null,
      createdAt: iso(conversation.startedAt),
      updatedAt: iso(now()),
      source: 'api',
      messages: messages.slice(0, limit)
    }
  }

  function scriptedReply(conversation) {
    const { replies, replyEveryMs } = conversation.script
    if (!Array.isArray(replies) || replies.length === 0) return undefined
    const step =
      typeof replyEveryMs === 'number' && replyEveryMs > 0
        ? Math.floor((now() - conversation.startedAt) / replyEveryMs)
        : conversation.gets - 1
    const reply = replies[Math.max(0, Math.min(step, replies.length - 1))]
    if (!reply) return undefined
    return {
      id: `msg_${conversation.shortId}_reply`,
      role: 'assistant',
      createdAt: iso(conversation.startedAt + 1),
      text: reply.text ?? '',
      status: reply.status,
      isStreaming: reply.isStreaming ?? reply.status === 'PARTIAL'
    }
  }

  function startChangeReview(res, body) {
    const validate = body?.mode === 'rawChanges' ? validators.rawChanges : validators.pr
    if (!validate(body)) return answer(res, 400, { message: `Invalid request: ${describeErrors(validate.errors)}` })
    const missing = applicationProblem(body.applicationOverrides)
    if (missing) return answer(res, 404, { message: missing })
    const request =
      body.mode === 'pr'
        ? `Review the changes in ${body.prUrl}`
        : `Review these changes: ${body.changes.changeDescription}`
    return start(res, body.context ? `${request}\n\n${body.context}` : request, { empty: true })
  }

  function startChat(res, body) {
    if (!validators.message(body)) {
      return answer(res, 400, { message: `Invalid request: ${describeErrors(validators.message.errors)}` })
    }
    const missing = applicationProblem(body.applicationOverrides)
    if (missing) return answer(res, 404, { message: missing })
    return start(res, body.message)
  }

  /** The conversation a path names, or true once the answer that there is none is sent. */
  function find(res, shortId) {
    const conversation = conversations.get(shortId)
    return conversation ?? answer(res, 404, { message: `Conversation ${shortId} not found` })
  }

  function getConversation(res, shortId, query) {
    const unknown = [...query.keys()].filter(key => !QUERY_KEYS.includes(key))
    if (unknown.length > 0) return answer(res, 400, { message: `Unknown query parameter ${unknown.join(', ')}` })
    const limitText = query.get('limit') ?? '20'
    const limit = /^[0-9]+$/.test(limitText) ? Number(limitText) : Number.NaN
    if (!(limit >= 1 && limit <= 100))
      return answer(res, 400, { message: 'limit must be a whole number from 1 to 100' })
    const conversation = find(res, shortId)
    if (conversation === true) return true
    conversation.gets += 1
    return answer(res, 200, render(conversation, limit, true))
  }

  function sendMessage(res, shortId, body) {
    if (!validators.message(body)) {
      return answer(res, 400, { message: `Invalid request: ${describeErrors(validators.message.errors)}` })
    }
    const conversation = find(res, shortId)
    if (conversation === true) return true
    // The earlier reply is kept as a message; the script starts over for the new one.
    const reply = scriptedReply(conversation)
    if (reply) conversation.messages.push(reply)
    conversation.messages.push(message('user', body.message, now()))
    conversation.startedAt = now()
    conversation.gets = 0
    return answer(res, 202, render(conversation, 20, false))
  }

  return {
    handle({ req, res, url, path, body }) {
      if (path !== '/v1/chat' && !path.startsWith('/v1/chat/')) return false
      // server.mjs has checked the API key and the JSON before: this only guards against a reorder.
      if (req.headers.authorization !== `Bearer ${scenario().token}` || typeof body === 'symbol') return false
      if (req.method === 'POST' && path === '/v1/chat/change-review') return startChangeReview(res, body ?? {})
      if (req.method === 'POST' && path === '/v1/chat') return startChat(res, body ?? {})
      const conversation = /^\/v1\/chat\/([^/]+)$/.exec(path)
      if (conversation && req.method === 'GET') {
        return getConversation(res, decodeURIComponent(conversation[1]), url.searchParams)
      }
      if (conversation && req.method === 'POST')
        return sendMessage(res, decodeURIComponent(conversation[1]), body ?? {})
      return answer(res, 404, { message: `No route ${req.method} ${path}` })
    },
    reset() {
      conversations.clear()
      chats = 0
      messages = 0
    }
  }
}
