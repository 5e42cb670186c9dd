/**
 * The sandbox's chat endpoints stand in for QA.tech in the change-review tests, so they must
 * answer as QA.tech documents: the API key, the request shapes, the project, the conversation and
 * its messages newest first, scripted replies and injected faults.
 */
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../../sandbox/server.mjs'
import { SANDBOX_REVIEW } from '../../sandbox/chat.mjs'

let sandbox: Sandbox
let nowMs = Date.parse('2026-03-01T12:00:00Z')
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => nowMs })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function call(method: string, path: string, body?: unknown, token = SANDBOX_TOKEN) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const review = {
  mode: 'pr',
  prUrl: 'https://github.com/octo-org/octo-repo/pull/7',
  vcsProviderId: 'github',
  applicationOverrides: [{ applicationShortId: 'app_web', environment: { url: 'https://pr-7.example.com' } }]
}

interface Message {
  role: string
  status: string
  text: string
  isStreaming: boolean
}
const messagesOf = (body: Record<string, unknown>) => body.messages as Message[]

describe('sandbox: QA.tech chat', () => {
  it('starts a change review: 202 with the conversation, its messages empty on creation', async () => {
    sandbox.setScenario({ chat: { replies: [null] } })
    const started = await call('POST', '/v1/chat/change-review', {
      ...review,
      projectShortId: 'proj_sandbox',
      context: 'Focus on checkout.',
      actor: 'octocat',
      branch: 'feature',
      commitHash: 'abc',
      commitMessage: 'Add a coupon field',
      repository: 'octo-org/octo-repo'
    })
    expect(started.status).toBe(202)
    expect(started.body).toEqual({
      shortId: 'chat_sbx001',
      url: `${sandbox.url}/p/sandbox-project/chat/chat_sbx001`,
      title: null,
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
      source: 'api',
      messages: []
    })
    // Before the agent's reply, a read shows the request alone.
    expect(messagesOf((await call('GET', '/v1/chat/chat_sbx001')).body)).toEqual([
      {
        id: 'msg_sbx1',
        role: 'user',
        createdAt: '2026-03-01T12:00:00.000Z',
        text: 'Review the changes in https://github.com/octo-org/octo-repo/pull/7\n\nFocus on checkout.',
        status: 'COMPLETED',
        isStreaming: false
      }
    ])
  })

  it('answers a wrong API key with 401, whatever the chat route', async () => {
    for (const [method, path] of [
      ['POST', '/v1/chat/change-review'],
      ['GET', '/v1/chat/chat_sbx001'],
      ['POST', '/v1/chat']
    ] as const) {
      const answer = await call(method, path, method === 'POST' ? review : undefined, 'wrong-token')
      expect(answer).toEqual({ status: 401, body: { message: 'Invalid or missing API key' } })
    }
    expect((await call('POST', '/v1/chat/change-review', review)).status).toBe(202)
  })

  it('rejects bodies that do not match the documented request, unknown keys included', async () => {
    const bad = await call('POST', '/v1/chat/change-review', {
      mode: 'pr',
      prUrl: 'github.com/o/r/pull/1',
      vcsProviderId: 'bitbucket',
      applicationOverrides: [{ applicationShortId: 'web', environment: {} }],
      prNumber: 1
    })
    expect(bad.status).toBe(400)
    const message = String(bad.body.message)
    expect(message).toMatch(/^Invalid request: /)
    expect(message).toMatch(/\/prUrl must match pattern/)
    expect(message).toMatch(/\/vcsProviderId must be equal to one of the allowed values/)
    expect(message).toMatch(/\/applicationOverrides\/0\/applicationShortId must match pattern/)
    expect(message).toMatch(/\/applicationOverrides\/0\/environment must match a schema in anyOf/)
    expect(message).toMatch(/must NOT have additional properties \(prNumber\)/)

    const empty = await call('POST', '/v1/chat/change-review', { ...review, applicationOverrides: [] })
    expect(empty.body.message).toMatch(/\/applicationOverrides must NOT have fewer than 1 items/)
    const noEnvironment = await call('POST', '/v1/chat/change-review', {
      ...review,
      applicationOverrides: [{ applicationShortId: 'app_web' }]
    })
    expect(noEnvironment.body.message).toMatch(/must have required property 'environment'/)
    const raw = await call('POST', '/v1/chat/change-review', {
      mode: 'rawChanges',
      changes: { changeDescription: 'New coupon field', diff: '' },
      applicationOverrides: review.applicationOverrides
    })
    expect(raw.body.message).toMatch(/\/changes\/diff must NOT have fewer than 1 characters/)
    const malformed = await fetch(`${sandbox.url}/v1/chat/change-review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}` },
      body: '{"mode": "pr"'
    })
    expect([malformed.status, await malformed.json()]).toEqual([400, { message: 'Malformed JSON body' }])
  })

  it('checks the ids against the project: applications, environments and the project itself', async () => {
    const app = await call('POST', '/v1/chat/change-review', {
      ...review,
      applicationOverrides: [{ applicationShortId: 'app_other', environment: { url: 'https://x.example' } }]
    })
    expect(app).toEqual({ status: 404, body: { message: 'Application app_other not found' } })
    const environment = await call('POST', '/v1/chat/change-review', {
      ...review,
      applicationOverrides: [{ applicationShortId: 'app_web', environment: { shortId: 'env_prod' } }]
    })
    expect(environment).toEqual({ status: 404, body: { message: 'Environment env_prod not found' } })
    const project = await call('POST', '/v1/chat/change-review', { ...review, projectShortId: 'proj_other' })
    expect(project.status).toBe(403)

    // An organization API key must name the project in every call: the body of the start, the query of a read.
    sandbox.setScenario({ keyScope: 'organization' })
    expect(await call('POST', '/v1/chat/change-review', review)).toEqual({
      status: 403,
      body: { message: 'projectShortId is required for organization-scoped API keys' }
    })
    const started = await call('POST', '/v1/chat/change-review', { ...review, projectShortId: 'proj_sandbox' })
    expect(started.status).toBe(202)
    expect((await call('GET', '/v1/chat/chat_sbx001')).status).toBe(403)
    expect((await call('GET', '/v1/chat/chat_sbx001?projectShortId=proj_other')).status).toBe(404)
    expect((await call('GET', '/v1/chat/chat_sbx001?projectShortId=proj_sandbox&limit=5')).status).toBe(200)
  })

  it('scripts the reply per GET, newest message first, the last reply repeating', async () => {
    sandbox.setScenario({
      chat: {
        replies: [
          null,
          { status: 'INITIATED' },
          { status: 'PARTIAL', text: 'Reading the diff' },
          { status: 'COMPLETED', text: 'All good' }
        ]
      }
    })
    await call('POST', '/v1/chat/change-review', review)
    const seen = []
    for (let poll = 0; poll < 5; poll += 1) seen.push(messagesOf((await call('GET', '/v1/chat/chat_sbx001')).body))
    expect(seen.map(messages => messages.map(message => [message.role, message.status, message.text]))).toEqual([
      [['user', 'COMPLETED', expect.stringContaining('Review the changes')]],
      [
        ['assistant', 'INITIATED', ''],
        ['user', 'COMPLETED', expect.any(String)]
      ],
      [
        ['assistant', 'PARTIAL', 'Reading the diff'],
        ['user', 'COMPLETED', expect.any(String)]
      ],
      [
        ['assistant', 'COMPLETED', 'All good'],
        ['user', 'COMPLETED', expect.any(String)]
      ],
      [
        ['assistant', 'COMPLETED', 'All good'],
        ['user', 'COMPLETED', expect.any(String)]
      ]
    ])
    expect(seen[2]?.[0]?.isStreaming).toBe(true)
    expect(seen[3]?.[0]?.isStreaming).toBe(false)
  })

  it('scripts the reply by time on its clock, and writes the default review otherwise', async () => {
    sandbox.setScenario({
      chat: { replies: [{ status: 'PARTIAL', text: 'Looking' }, { status: 'FAILED' }], replyEveryMs: 60_000 }
    })
    await call('POST', '/v1/chat/change-review', review)
    const status = async () => messagesOf((await call('GET', '/v1/chat/chat_sbx001')).body)[0]?.status
    expect([await status(), await status()]).toEqual(['PARTIAL', 'PARTIAL'])
    nowMs += 60_000
    expect(await status()).toBe('FAILED')

    sandbox.reset()
    await call('POST', '/v1/chat/change-review', review)
    const done = await call('GET', '/v1/chat/chat_sbx001')
    expect(messagesOf(done.body)[0]).toMatchObject({ role: 'assistant', status: 'COMPLETED', text: SANDBOX_REVIEW })
    expect(done.body.title).toBe('Change review')
  })

  it('keeps to limit, lists earlier messages after the review, and checks the query', async () => {
    sandbox.setScenario({
      chat: {
        earlierMessages: [
          {
            id: 'msg_old',
            role: 'assistant',
            createdAt: '2026-02-01T00:00:00.000Z',
            text: 'An older review',
            status: 'COMPLETED',
            isStreaming: false
          }
        ]
      }
    })
    await call('POST', '/v1/chat/change-review', review)
    expect(messagesOf((await call('GET', '/v1/chat/chat_sbx001?limit=3')).body).map(message => message.text)).toEqual([
      SANDBOX_REVIEW,
      expect.stringContaining('Review the changes'),
      'An older review'
    ])
    expect(messagesOf((await call('GET', '/v1/chat/chat_sbx001?limit=1')).body)).toHaveLength(1)
    expect((await call('GET', '/v1/chat/chat_sbx001?limit=0')).status).toBe(400)
    expect((await call('GET', '/v1/chat/chat_sbx001?limits=5')).body).toEqual({
      message: 'Unknown query parameter limits'
    })
    expect((await call('GET', '/v1/chat/chat_nope')).status).toBe(404)
  })

  it('starts a plain chat and takes a follow-up message, which starts the reply script over', async () => {
    sandbox.setScenario({ chat: { replies: [{ status: 'COMPLETED', text: 'First answer' }] } })
    expect((await call('POST', '/v1/chat', { message: '' })).status).toBe(400)
    const started = await call('POST', '/v1/chat', { message: 'What does the checkout test cover?' })
    expect(started.status).toBe(202)
    await call('GET', '/v1/chat/chat_sbx001')
    const sent = await call('POST', '/v1/chat/chat_sbx001', { message: 'And the coupon?' })
    expect(sent.status).toBe(202)
    expect(messagesOf(sent.body).map(message => [message.role, message.text])).toEqual([
      ['user', 'And the coupon?'],
      ['assistant', 'First answer'],
      ['user', 'What does the checkout test cover?']
    ])
  })

  it('injects faults on the chat routes like on the others', async () => {
    sandbox.setScenario({ faults: [{ method: 'GET', path: '/v1/chat/', status: 503, retryAfter: 2 }] })
    await call('POST', '/v1/chat/change-review', review)
    const first = await fetch(`${sandbox.url}/v1/chat/chat_sbx001`, {
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}` }
    })
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2'])
    expect((await call('GET', '/v1/chat/chat_sbx001')).status).toBe(200)
  })
})
