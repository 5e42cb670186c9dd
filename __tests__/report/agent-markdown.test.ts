/**
 * The agent's review markdown, made safe for the job summary: what a reader of the summary sees,
 * checked with a real markdown parser (the one Prettier ships) where it matters that no raw HTML
 * survives, whatever the text.
 */
import fc from 'fast-check'
import * as prettier from 'prettier'
import { renderAgentMarkdown, type AgentMarkdownOptions } from '../../src/report/agent-markdown.js'

const options: AgentMarkdownOptions = {
  maxBytes: 100_000,
  fullTextUrl: 'https://app.qa.tech/p/demo/chat/chat_abc',
  fullTextLabel: 'Read the whole review in QA.tech'
}
const render = (text: string, overrides: Partial<AgentMarkdownOptions> = {}) =>
  renderAgentMarkdown(text, { ...options, ...overrides })

interface MdNode {
  type: string
  value?: string
  depth?: number
  children?: MdNode[]
}

/** Every node of the markdown's syntax tree, as Prettier's parser (remark) reads it. */
async function nodes(markdown: string): Promise<MdNode[]> {
  const debug = (prettier as unknown as { __debug: { parse(text: string, options: object): Promise<{ ast: MdNode }> } })
    .__debug
  const { ast } = await debug.parse(markdown, { parser: 'markdown' })
  const all: MdNode[] = []
  const walk = (node: MdNode) => {
    all.push(node)
    node.children?.forEach(walk)
  }
  walk(ast)
  return all
}

/** HTML the parser finds: only our own `<code>` tags may be there. */
async function foreignHtml(markdown: string): Promise<string[]> {
  return (await nodes(markdown))
    .filter(node => node.type === 'html')
    .map(node => node.value ?? '')
    .filter(value => value !== '<code>' && value !== '</code>')
}

describe('renderAgentMarkdown', () => {
  it('keeps the markdown the agent meant: lists, emphasis, links, tables and code', () => {
    const review = [
      '**Verdict:** pass',
      '',
      '- ✅ Checkout works with `SAVE10`',
      '- See [the preview](https://pr-1.example.com)',
      '',
      '| Flow | Result |',
      '| --- | --- |',
      '| Guest checkout | ✅ |',
      '',
      '```ts',
      'const total = price * 0.9',
      '```'
    ].join('\n')
    expect(render(review)).toBe(
      [
        '**Verdict:** pass',
        '',
        '- ✅ Checkout works with `SAVE10`',
        '- See [the preview](https://pr-1.example.com)',
        '',
        '| Flow | Result |',
        '| --- | --- |',
        '| Guest checkout | ✅ |',
        '',
        '```ts',
        'const total = price * 0.9',
        '```',
        ''
      ].join('\n')
    )
  })

  it('neutralises raw HTML, comments and autolinks, but not code', async () => {
    const review = [
      '<img src="https://tracker.example/p.gif"> <details open><summary>Passed</summary>',
      '</details>',
      '<!-- the rest is hidden',
      'Press `<Enter>` to submit, then <b>wait</b>: <https://example.com>',
      '```html',
      '<button onclick="pay()">Pay</button>',
      '```'
    ].join('\n')
    const out = render(review)
    expect(out).toContain(
      '&lt;img src="https://tracker.example/p.gif"> &lt;details open>&lt;summary>Passed&lt;/summary>'
    )
    expect(out).toContain('&lt;!-- the rest is hidden')
    expect(out).toContain(
      'Press <code>&#60;Enter&#62;</code> to submit, then &lt;b>wait&lt;/b>: &lt;https://example.com>'
    )
    expect(out).toContain('```html\n<button onclick="pay()">Pay</button>\n```\n')
    expect(await foreignHtml(out)).toEqual([])
    // An escaped `<` is escaped our way, whatever reader honours backslashes.
    expect(render('\\<img src=x> and \\\\<b>')).toBe('&lt;img src=x> and \\\\&lt;b>\n')
  })

  it('escapes a `<` whichever way code spans pair across lines or table cells', async () => {
    // CommonMark pairs the first two backticks across the line break, so "<img …>" is outside any
    // span there; read a line at a time it is inside one. Either way it is no HTML.
    const acrossLines = render('see `foo\nbar` <img src=x onerror=alert(1)> `baz`')
    expect(acrossLines).not.toMatch(/<img/)
    expect(await foreignHtml(acrossLines)).toEqual([])
    // GFM splits table cells at "|" before it looks for code spans.
    const inTable = render('| a | b |\n| --- | --- |\n| `q | `x` <img src=x> ` |')
    expect(inTable).not.toMatch(/<img/)
  })

  it('moves headings below the summary’s own', async () => {
    const out = render('# Verdict\n## Checked\n###### Deep\nnot # a heading')
    expect(out).toBe('#### Verdict\n##### Checked\n###### Deep\nnot # a heading\n')
    const headings = (await nodes(out)).filter(node => node.type === 'heading').map(node => node.depth)
    expect(headings).toEqual([4, 5, 6])
  })

  it('closes a fence the agent left open, so the rest of the summary is not swallowed', async () => {
    const out = render('Logs:\n```\n<script>x</script>\nstill code')
    expect(out).toBe('Logs:\n```\n<script>x</script>\nstill code\n```\n')
    expect(`${out}\n### After the review\n`).toMatch(/```\n\n### After the review\n$/)
    const tree = await nodes(`${out}\n### After the review\n`)
    expect(tree.filter(node => node.type === 'heading').map(node => node.depth)).toEqual([3])
  })

  it('writes code blocks with a fence longer than any backtick run inside, at the left margin', () => {
    const out = render('- item\n  ~~~\n  ````\n  <i>x</i>\n  ~~~\nafter')
    expect(out).toBe('- item\n`````\n````\n<i>x</i>\n`````\nafter\n')
  })

  it('keeps a code block that a less indented line ends in CommonMark as code, never as HTML', async () => {
    // In CommonMark the list item (and its code block) ends at "<img …>", which is HTML there.
    const out = render('- step\n  ```\n  code\n<img src=x onerror=alert(1)>\n  ```')
    expect(await foreignHtml(out)).toEqual([])
    expect(out).toContain('```\ncode\n<img src=x onerror=alert(1)>\n```\n')
  })

  it('strips control characters, ANSI colours and bidi overrides; keeps emoji joined', () => {
    expect(render('a\u0000b\u001b[31mred\u001b[0m\r\nc\u202Ed\u2066e 👩\u200D💻\u0007')).toBe('abred\ncde 👩\u200D💻\n')
  })

  it('gives nothing for blank text', () => {
    expect(render('')).toBe('')
    expect(render(' \n\n\t\n')).toBe('')
  })

  it('cuts a long review at a line within the budget, closes its code block and links to the rest', async () => {
    const review = [
      'Intro line.',
      '```',
      ...Array.from({ length: 400 }, (_, i) => `log line ${i}`),
      '```',
      'After.'
    ].join('\n')
    const out = render(review, { maxBytes: 2_000 })
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(2_000)
    expect(out).toMatch(/^Intro line\.\n```\nlog line 0\n/)
    expect(out).toMatch(
      /\nlog line \d+\n```\n\n> ✂️ The rest of this text is cut to fit the job summary\. \[Read the whole review in QA\.tech\]\(https:\/\/app\.qa\.tech\/p\/demo\/chat\/chat_abc\)\.\n$/
    )
    expect(out).not.toContain('After.')
    expect(await foreignHtml(out)).toEqual([])
  })

  it('cuts one long line where it fits, between characters, and escapes what is left of a cut code span', async () => {
    const line = `${'é'.repeat(300)} \`<b>bold</b>\``
    const out = render(line, { maxBytes: 700 })
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(700)
    expect(out.startsWith('é'.repeat(300))).toBe(true)
    expect(out).not.toContain('\uFFFD')
    expect(await foreignHtml(out)).toEqual([])
  })

  /**
   * A render that never ends would block the process, a workflow cancel included. Jest's timeout
   * can fail a test only at an await: this one comes after the render, so a render that took
   * minutes fails the test instead of passing late.
   */
  const afterTheRender = () => new Promise(resolve => setTimeout(resolve, 0))

  // A change review of one 240 KB line once ran past 120 s here, and a cancel could not stop it:
  // the work was quadratic in the code spans of a line. This line took about a minute that way.
  it('renders a 1 MB line of many code spans, each span as it should be', async () => {
    const unit = 'Then `a<b` holds; ``c`d`` and \\<e> too, as said here. '
    const shown = 'Then <code>a&#60;b</code> holds; ``c`d`` and &lt;e> too, as said here. '
    const count = Math.ceil(1_000_000 / unit.length)
    const out = render(unit.repeat(count), { maxBytes: 4_000_000 })
    await afterTheRender()
    expect(out).toBe(`${shown.repeat(count).trimEnd()}\n`)
  }, 15_000)

  it('cuts a 1 MB line to the budget, whatever it holds: code spans, a long code span, a run of backslashes', async () => {
    const unit = 'Then `a<b` holds; ``c`d`` and \\<e> too, as said here. '
    const lines = [
      unit.repeat(Math.ceil(1_000_000 / unit.length)),
      `\` <${'a'.repeat(1_000_000)}\``,
      `${'\\'.repeat(1_000_000)}<`
    ]
    for (const line of lines) {
      const out = render(line, { maxBytes: 200_000 })
      await afterTheRender()
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200_000)
      expect(Buffer.byteLength(out)).toBeGreaterThan(190_000)
      expect(out).toMatch(
        /\n> ✂️ The rest of this text is cut to fit the job summary\. \[Read the whole review in QA\.tech\]/
      )
    }
  }, 15_000)

  it('has no link in the cut-off line when the URL is not http(s), and gives up on a budget too small for it', () => {
    const out = render('x'.repeat(500), { maxBytes: 200, fullTextUrl: 'javascript:alert(1)' })
    expect(out).toMatch(/> ✂️ The rest of this text is cut to fit the job summary\.\n$/)
    expect(out).not.toContain('javascript')
    expect(render('x'.repeat(500), { maxBytes: 20 })).toBe('')
  })

  const fragments = fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<details>',
    '</details>',
    '<!--',
    '<https://evil.example>',
    '<b>',
    '`',
    '``',
    '```',
    '~~~',
    '    ',
    '  ',
    '- ',
    '> ',
    '1. ',
    '| ',
    ' | ',
    '\\',
    '\n',
    '\n\n',
    '# ',
    '---',
    '&lt;',
    'text',
    '*',
    '[a](',
    ')',
    ']: ',
    'é',
    '\u0000',
    '\r'
  )
  const hostile = fc.array(fragments, { maxLength: 60 }).map(parts => parts.join(''))

  it('never lets raw HTML through, and stays within the budget, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: 120, max: 2_000 }), async (text, maxBytes) => {
        const out = render(text, { maxBytes })
        expect(Buffer.byteLength(out)).toBeLessThanOrEqual(maxBytes)
        expect(await foreignHtml(out)).toEqual([])
        // Whatever follows in the summary is still the summary's: a heading after the text is one.
        const after = (await nodes(`${out}\n### After\n`)).filter(node => node.type === 'heading' && node.depth === 3)
        expect(after.length).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 300 }
    )
  })
})
