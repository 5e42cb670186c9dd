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
  let whole = ''
  let bytes = 0
  // Rendered until the budget is spent, not further: the work is bounded by the budget.
  for (const block of blocks) {
    // Rendering never makes a line shorter: one longer than the budget cannot fit.
    if (block.kind === 'line' && byteLength(block.text) > options.maxBytes) return truncate(blocks, topLevel, options)
    const rendered = renderBlock(block, topLevel)
    bytes += byteLength(rendered)
    if (bytes > options.maxBytes) return truncate(blocks, topLevel, options)
    whole += rendered
  }
  return whole
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
  // A loop, not Math.max(...runs): a block of many runs would overflow the call stack.
  let longest = 0
  for (const line of lines) {
    for (const run of line.matchAll(/`+/g)) longest = Math.max(longest, run[0].length)
  }
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
 * text's own `<` is escaped either way. Linear in the line's length, however many spans it holds.
 */
function neutraliseHtml(line: string): string {
  const runs = backtickRuns(line)
  const closers = pairRuns(runs.lengths)
  let out = ''
  let position = 0
  for (let index = 0; index < closers.length; index += 1) {
    const closer = closers[index] ?? -1
    if (closer === -1) continue
    const start = runs.starts[index] ?? 0
    const end = runs.starts[closer] ?? 0
    const after = end + (runs.lengths[closer] ?? 0)
    out += escapeText(line.slice(position, start))
    const content = line.slice(start + (runs.lengths[index] ?? 0), end)
    out += content.includes('<') ? `<code>${encodeCode(content)}</code>` : line.slice(start, after)
    position = after
    index = closer
  }
  return out + escapeText(line.slice(position))
}

/** The backtick runs of a line that can open or close a code span (not backslash-escaped), in order. */
interface Runs {
  readonly starts: number[]
  readonly lengths: number[]
}

function backtickRuns(line: string): Runs {
  const runs: Runs = { starts: [], lengths: [] }
  for (let at = line.indexOf('`'); at !== -1;) {
    let end = at + 1
    while (line.charCodeAt(end) === BACKTICK) end += 1
    // An odd number of backslashes before the run escapes its first backtick.
    const start = precedingBackslashes(line, at) % 2 === 1 ? at + 1 : at
    if (end > start) {
      runs.starts.push(start)
      runs.lengths.push(end - start)
    }
    at = line.indexOf('`', end)
  }
  return runs
}

const BACKTICK = 0x60

/**
 * For each run, the index of the run that closes it, or -1: each opener pairs with the next run
 * of the same length, and the runs between them are code. One pass from the right finds every
 * run's next of the same length, one from the left pairs them: linear in the number of runs, of
 * which one line of the agent's text may hold hundreds of thousands.
 */
function pairRuns(lengths: readonly number[]): Int32Array {
  const nextSame = new Int32Array(lengths.length).fill(-1)
  const seen = new Map<number, number>()
  for (let index = lengths.length - 1; index >= 0; index -= 1) {
    const length = lengths[index] ?? 0
    nextSame[index] = seen.get(length) ?? -1
    seen.set(length, index)
  }
  const closers = new Int32Array(lengths.length).fill(-1)
  for (let index = 0; index < lengths.length; index += 1) {
    const closer = nextSame[index] ?? -1
    if (closer === -1) continue
    closers[index] = closer
    index = closer
  }
  return closers
}

function precedingBackslashes(text: string, at: number): number {
  let count = 0
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count += 1
  return count
}

/**
 * Text outside code spans: every `<` becomes `&lt;`. One the agent escaped (`\<`) loses its
 * backslash instead of keeping it: not every markdown reader honours that escape, and `\&lt;`
 * would show the entity. A scan rather than a regular expression: `(\\*)<` would go over a long
 * run of backslashes again from each of them.
 */
function escapeText(text: string): string {
  let out = ''
  let from = 0
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    let slashes = 0
    while (at - slashes - 1 >= from && text[at - slashes - 1] === '\\') slashes += 1
    out += `${text.slice(from, at - (slashes % 2))}&lt;`
    from = at + 1
  }
  return out + text.slice(from)
}

/**
 * A code span's content inside `<code>`, where markdown would otherwise apply: every ASCII
 * punctuation mark becomes an entity. One space each side is dropped, as CommonMark does.
 */
function encodeCode(content: string): string {
  // Tested piece by piece: /^ .*[^ ].* $/ backtracks over a long span once per character.
  const padded = content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)
  const trimmed = padded ? content.slice(1, -1) : content
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
      // A line longer than what is left cannot fit once rendered: it is not rendered whole.
      if (byteLength(block.text) < left && take(renderBlock(block, topLevel))) continue
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
 * The rendered size grows about evenly with the start's length, so the search guesses where the
 * budget ends (and halves the range when a guess does not narrow it enough): a few renders of a
 * line, not one per halving.
 */
function longestFittingLine(line: string, topLevel: number, maxBytes: number): string {
  // Rendering never makes a line shorter, and a character takes at least a byte: no start longer
  // than maxBytes characters can fit, so a long line costs the budget, not its length.
  const ends = characterEnds(line, maxBytes)
  const start = (count: number) => renderBlock({ kind: 'line', text: line.slice(0, ends[count] ?? 0) }, topLevel)
  // `low` characters fit and `high` do not; the answer lies between.
  let low = 0
  let lowBytes = byteLength(start(0))
  let high = ends.length - 1
  let highBytes = byteLength(start(high))
  if (highBytes <= maxBytes) return start(high)
  for (let guessed = false; high - low > 1;) {
    const span = high - low
    const estimate = low + Math.floor(((maxBytes - lowBytes) * span) / Math.max(1, highBytes - lowBytes))
    const middle = guessed ? low + Math.floor(span / 2) : Math.min(high - 1, Math.max(low + 1, estimate))
    const bytes = byteLength(start(middle))
    if (bytes <= maxBytes) [low, lowBytes] = [middle, bytes]
    else [high, highBytes] = [middle, bytes]
    // A guess that left more than half the range is followed by a halving.
    guessed = !guessed && high - low > span / 2
  }
  return low === 0 ? '' : start(low)
}

/**
 * Where each of the first `count` characters (code points) of a text ends, in UTF-16 units, after
 * a 0 for none: a start of the text is a slice, so no character is ever cut in two.
 */
function characterEnds(text: string, count: number): number[] {
  const ends = [0]
  let end = 0
  for (const char of text) {
    if (ends.length > count) break
    end += char.length
    ends.push(end)
  }
  return ends
}
