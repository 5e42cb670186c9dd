/**
 * Markdown written by a service's agent (QA.tech's change review), made safe to show inside the
 * job summary. Pure, and free of anything QA.tech-specific, so the summary renderer can call it.
 *
 * The text is untrusted, so:
 * - control characters, ANSI escapes and bidi overrides are stripped;
 * - no raw HTML survives: every `<` outside a fenced code block becomes `&lt;`. An inline code span
 *   that holds a `<` is written as `<code>` with its content entity-encoded, so it still reads
 *   right; those two tags are the only HTML in the result, and they are ours;
 * - fenced code blocks are written again with fences of our own, at the left margin and longer
 *   than any backtick run inside, so the text cannot close them early, and an unclosed fence
 *   cannot swallow what the summary shows after the text;
 * - headings are moved down below the summary's own (`#` becomes `####`);
 * - the result stays within a byte budget: whole lines are kept while they fit, then a line says
 *   the text is cut and links to all of it.
 * Markdown itself (lists, tables, emphasis, links) is kept: it is what the agent meant to show.
 */
import { byteLength, safeUrl, truncateToBytes } from './markdown.js'
import { stripControls } from '../util/untrusted-text.js'

export interface AgentMarkdownOptions {
  /** The most UTF-8 bytes the result may take, the line that says it is cut included. */
  readonly maxBytes: number
  /** Where the whole text can be read, linked from the line that says it is cut. */
  readonly fullTextUrl?: string
  /** That link's text, as markdown (escape it first), e.g. "Read the whole review in QA.tech". */
  readonly fullTextLabel: string
  /** The level the text's `#` headings get: the summary's own headings sit above it. */
  readonly topHeadingLevel?: number
}

/** A fenced code block as the text opened it, or a line of markdown. */
type Block =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'code'; readonly info: string; readonly lines: readonly string[] }

/** The agent's markdown, safe to put between two blank lines of the summary. Empty for blank text. */
export function renderAgentMarkdown(text: string, options: AgentMarkdownOptions): string {
  const topLevel = options.topHeadingLevel ?? 4
  const blocks = parseBlocks(clean(text))
  const rendered = blocks.map(block => renderBlock(block, topLevel))
  const whole = rendered.join('')
  if (byteLength(whole) <= options.maxBytes) return whole
  return truncate(blocks, topLevel, options)
}

function clean(text: string): string {
  return stripControls(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
    .replace(/\ufeff/g, '')
    .replace(/^\s*\n/, '')
    .trimEnd()
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/

function parseBlocks(text: string): Block[] {
  if (text === '') return []
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    const open = FENCE_OPEN.exec(line)
    const fence = open?.[2] ?? ''
    const info = open?.[3] ?? ''
    // CommonMark: a backtick fence's info string cannot hold a backtick; then it is no fence.
    if (!open || (fence.startsWith('`') && info.includes('`'))) {
      blocks.push({ kind: 'line', text: line })
      continue
    }
    const indent = open[1]?.length ?? 0
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`)
    const content: string[] = []
    for (index += 1; index < lines.length && !closing.test(lines[index] ?? ''); index += 1) {
      content.push(dedent(lines[index] ?? '', indent))
    }
    blocks.push({ kind: 'code', info: languageOf(info), lines: content })
  }
  return blocks
}

/** Removes up to `indent` leading spaces, as CommonMark does for a fence's content. */
function dedent(line: string, indent: number): string {
  let cut = 0
  while (cut < indent && line[cut] === ' ') cut += 1
  return line.slice(cut)
}

/** The info string's language word, restricted to characters that cannot mean anything else. */
function languageOf(info: string): string {
  const word = info.trim().split(/\s+/, 1)[0] ?? ''
  return /^[A-Za-z0-9_+#.-]{1,30}$/.test(word) ? word : ''
}

function renderBlock(block: Block, topLevel: number): string {
  if (block.kind === 'line') return `${renderLine(block.text, topLevel)}\n`
  const fence = fenceFor(block.lines)
  return `${fence}${block.info}\n${block.lines.map(line => `${line}\n`).join('')}${fence}\n`
}

/** Backticks longer than any run in the content, so no line of it can close the block. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.flatMap(line => (line.match(/`+/g) ?? []).map(run => run.length)))
  return '`'.repeat(Math.max(3, longest + 1))
}

const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/

function renderLine(line: string, topLevel: number): string {
  const heading = ATX_HEADING.exec(line)
  const shifted = heading
    ? `${heading[1] ?? ''}${'#'.repeat(Math.min(6, (heading[2]?.length ?? 1) + topLevel - 1))}${line.slice(heading[0].length)}`
    : line
  return neutraliseHtml(shifted)
}

/**
 * Every `<` that could open a tag, a comment or an autolink becomes `&lt;`. Code spans are found
 * as CommonMark pairs them (on this line): one with a `<` in it becomes `<code>…</code>` so that
 * its text still reads as written. Getting a pairing wrong only changes how a span looks: the
 * text's own `<` is escaped either way.
 */
function neutraliseHtml(line: string): string {
  const runs = backtickRuns(line)
  const closerOf = pairRuns(runs)
  let out = ''
  let position = 0
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index]
    const closer = closerOf.get(index)
    if (run === undefined || closer === undefined) continue
    const end = runs[closer]
    if (end === undefined) continue
    out += escapeText(line.slice(position, run.start))
    const content = line.slice(run.start + run.length, end.start)
    out += content.includes('<') ? `<code>${encodeCode(content)}</code>` : line.slice(run.start, end.start + end.length)
    position = end.start + end.length
    index = closer
  }
  return out + escapeText(line.slice(position))
}

interface Run {
  readonly start: number
  readonly length: number
}

/** The backtick runs of a line that can open or close a code span (not backslash-escaped). */
function backtickRuns(line: string): Run[] {
  const runs: Run[] = []
  for (const match of line.matchAll(/`+/g)) {
    let start = match.index
    let length = match[0].length
    // An odd number of backslashes before the run escapes its first backtick.
    if (precedingBackslashes(line, start) % 2 === 1) {
      start += 1
      length -= 1
    }
    if (length > 0) runs.push({ start, length })
  }
  return runs
}

/** Opener index → closer index: each opener pairs with the next run of the same length. */
function pairRuns(runs: readonly Run[]): Map<number, number> {
  const byLength = new Map<number, number[]>()
  runs.forEach((run, index) => byLength.set(run.length, [...(byLength.get(run.length) ?? []), index]))
  const next = new Map<number, number>()
  const pairs = new Map<number, number>()
  for (let index = 0; index < runs.length; index += 1) {
    const length = runs[index]?.length ?? 0
    const same = byLength.get(length) ?? []
    let cursor = next.get(length) ?? 0
    while (cursor < same.length && (same[cursor] ?? 0) <= index) cursor += 1
    next.set(length, cursor)
    const closer = same[cursor]
    if (closer === undefined) continue
    pairs.set(index, closer)
    index = closer
  }
  return pairs
}

function precedingBackslashes(text: string, at: number): number {
  let count = 0
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count += 1
  return count
}

/**
 * Text outside code spans: every `<` becomes `&lt;`. One the agent escaped (`\<`) loses its
 * backslash instead of keeping it: not every markdown reader honours that escape, and `\&lt;`
 * would show the entity.
 */
function escapeText(text: string): string {
  return text.replace(/(\\*)</g, (_match, slashes: string) => `${slashes.slice(slashes.length % 2)}&lt;`)
}

/**
 * A code span's content inside `<code>`, where markdown would otherwise apply: every ASCII
 * punctuation mark becomes an entity. One space each side is dropped, as CommonMark does.
 */
function encodeCode(content: string): string {
  const trimmed = /^ .*[^ ].* $/.test(content) ? content.slice(1, -1) : content
  return trimmed.replace(/[!-/:-@[-`{-~]/g, char => `&#${char.charCodeAt(0)};`)
}

/** Whole lines while they fit, a long line cut where it still fits, then the line that says so. */
function truncate(blocks: readonly Block[], topLevel: number, options: AgentMarkdownOptions): string {
  const url = safeUrl(options.fullTextUrl)
  const more = url ? ` [${options.fullTextLabel}](${url}).` : ''
  const trailer = `\n> ✂️ The rest of this text is cut to fit the job summary.${more}\n`
  let left = options.maxBytes - byteLength(trailer)
  if (left < 0) return ''
  let out = ''
  const take = (text: string): boolean => {
    const size = byteLength(text)
    if (size > left) return false
    out += text
    left -= size
    return true
  }
  for (const block of blocks) {
    if (block.kind === 'line') {
      const line = renderBlock(block, topLevel)
      if (take(line)) continue
      take(longestFittingLine(block.text, topLevel, left))
      break
    }
    const fence = fenceFor(block.lines)
    const closing = `${fence}\n`
    if (byteLength(`${fence}${block.info}\n${closing}`) > left) break
    take(`${fence}${block.info}\n`)
    left -= byteLength(closing)
    let complete = true
    for (const line of block.lines) {
      if (!take(`${line}\n`)) {
        // Inside our fence any text is inert: the line can be cut anywhere between characters.
        take(`${truncateToBytes(line, left - 1)}\n`)
        complete = false
        break
      }
    }
    left += byteLength(closing)
    take(closing)
    if (!complete) break
  }
  return `${out}${trailer}`
}

/**
 * The longest start of a line whose rendering fits in `maxBytes`, cut between characters. The cut
 * is made in the agent's text and rendered again, so a cut code span is escaped like any text.
 */
function longestFittingLine(line: string, topLevel: number, maxBytes: number): string {
  const chars = [...line]
  let low = 0
  let high = chars.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (byteLength(renderBlock({ kind: 'line', text: chars.slice(0, middle).join('') }, topLevel)) <= maxBytes) {
      low = middle
    } else {
      high = middle - 1
    }
  }
  return low === 0 ? '' : renderBlock({ kind: 'line', text: chars.slice(0, low).join('') }, topLevel)
}
