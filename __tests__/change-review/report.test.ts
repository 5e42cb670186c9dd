/**
 * A change-review conversation in the neutral run model: what the poller, the verdict and the
 * reports are told, including the review text the summary is to show (`narrative`).
 */
import { toRunReport } from '../../src/qatech/change-review/report.js'
import type { ChatMessage, Conversation } from '../../src/qatech/change-review/types.js'

const label = 'QA.tech change review chat_abc'
const conversation = (...messages: Partial<ChatMessage>[]): Conversation => ({
  shortId: 'chat_abc',
  url: 'https://app.qa.tech/p/demo/chat/chat_abc',
  title: undefined,
  messages: messages.map((message, index) => ({
    id: `msg_${index}`,
    role: 'assistant',
    status: undefined,
    text: '',
    ...message
  })),
  raw: { shortId: 'chat_abc' }
})

describe('toRunReport', () => {
  it('no reply yet: pending, a status word of its own, nothing to show', () => {
    const report = toRunReport(conversation({ role: 'user', status: 'COMPLETED', text: 'Review it' }), label)
    expect(report).toMatchObject({ phase: 'pending', status: 'PENDING', statusKnown: true, testCases: [] })
    expect(report).not.toHaveProperty('verdict')
    expect(report).not.toHaveProperty('narrative')
  })

  it('INITIATED waits, PARTIAL is running and shows what is written so far', () => {
    expect(toRunReport(conversation({ status: 'INITIATED' }), label)).toMatchObject({ phase: 'pending' })
    expect(toRunReport(conversation({ status: 'PARTIAL', text: 'Looking at checkout' }), label)).toMatchObject({
      phase: 'running',
      narrative: { title: 'Review by QA.tech so far (PARTIAL)', markdown: 'Looking at checkout' }
    })
  })

  it('COMPLETED passes with the review; FAILED errs; CANCELLED is cancelled; all of them final', () => {
    expect(toRunReport(conversation({ status: 'COMPLETED', text: '## Verdict: pass' }), label)).toMatchObject({
      phase: 'finished',
      verdict: 'passed',
      testCasesUnread: true,
      narrative: { title: 'Review by QA.tech', markdown: '## Verdict: pass' }
    })
    expect(toRunReport(conversation({ status: 'FAILED' }), label)).toMatchObject({
      phase: 'finished',
      verdict: 'errored',
      verdictNote: `${label} failed (status FAILED): QA.tech's agent could not finish the review.`
    })
    expect(toRunReport(conversation({ status: 'CANCELLED' }), label)).toMatchObject({
      verdict: 'cancelled',
      verdictNote: `${label} was cancelled in QA.tech.`
    })
  })

  it('the newest assistant message decides, and an unknown status is no end', () => {
    const report = toRunReport(
      conversation({ status: 'REVIEWING', text: 'New' }, { role: 'user' }, { status: 'COMPLETED', text: 'Old' }),
      label
    )
    expect(report).toMatchObject({ phase: 'pending', status: 'REVIEWING', statusKnown: false })
    expect(report.narrative?.markdown).toBe('New')
  })

  it('keeps the answer as QA.tech sent it, for the results file', () => {
    expect(toRunReport(conversation({ status: 'COMPLETED' }), label).raw).toEqual({ shortId: 'chat_abc' })
  })
})
