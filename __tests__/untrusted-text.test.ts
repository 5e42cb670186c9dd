import { firstLine, inline, quote } from '../src/util/untrusted-text.js'

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
})
