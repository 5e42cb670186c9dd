import { cell, htmlText, paragraph } from '../../src/report/markdown.js'
import { firstLine, inertJson, inline, quote, stripControls } from '../../src/util/untrusted-text.js'

/** The runner treats a line as a command when it starts with `::` after trimming, or has `##[`. */
function runnerWouldRead(log: string): boolean {
  return log.split('\n').some(line => line.trim().startsWith('::') || line.includes('##['))
}

describe('untrusted text', () => {
  const hostile = [
    '::error::x',
    'fix\n::add-mask::secret',
    'a\r\n::stop-commands::token',
    '##[set-output name=x]y',
    '  ::warning::z'
  ]

  it.each(hostile)('quote makes %j inert', text => {
    expect(runnerWouldRead(`commit message: ${quote(text)}`)).toBe(false)
    expect(runnerWouldRead(quote(text))).toBe(false)
    expect(JSON.parse(quote(text).replace('##\\u005b', '##['))).toBe(text)
  })

  it.each(hostile)('inline makes %j inert even at the start of a line', text => {
    expect(runnerWouldRead(inline(text))).toBe(false)
  })

  it('inline folds and shortens', () => {
    expect(inline('a\n\n  b', 10)).toBe('a b')
    expect(inline('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('firstLine', () => {
    expect(firstLine('Fix it\r\n\nDetails')).toBe('Fix it')
    expect(firstLine('')).toBe('')
  })

  describe('control characters from an API or the event', () => {
    const styled = '\x1b[31mPay\x1b[0m with \x1b[2Ka card\u202e tnuocca \x07\x00\x9b1m \x1b]0;title\x07done'
    const visible = 'Pay with a card tnuocca done'

    it('are stripped everywhere text is printed: log lines, quoted values, JSON and markdown', () => {
      expect(stripControls(styled).replace(/\s+/g, ' ')).toBe(visible)
      for (const text of [
        inline(styled),
        quote(styled),
        inertJson({ name: styled }),
        cell(styled),
        htmlText(styled),
        paragraph(styled)
      ]) {
        // eslint-disable-next-line no-control-regex -- control characters are what must not appear
        expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/)
        expect(text).not.toMatch(/\\u001b|\\u0007/)
      }
      expect(inline(styled)).toBe(visible)
    })

    it('keep tabs and line breaks for the helpers that fold them', () => {
      expect(stripControls('a\tb\nc\r\n')).toBe('a\tb\nc\r\n')
    })
  })
})
