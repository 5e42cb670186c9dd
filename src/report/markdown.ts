/**
 * Escaping for the job summary. Every piece of text from QA.tech or the event goes through one of
 * these: GitHub renders the summary as markdown with inline HTML, so unescaped text could break a
 * table, open a link or inject markup.
 */

import { stripControls } from '../util/untrusted-text.js'

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~]/g
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text inside an HTML element, such as `<summary>`, where markdown is not rendered. */
export function htmlText(text: string, maxLength = 500): string {
  const folded = stripControls(text).replace(/\s+/g, ' ').trim()
  const short = folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded
  // Markdown characters become entities too, in case a renderer reads markdown inside the element.
  return escapeHtml(short).replace(/[\\`*_[\]()|]/g, char => `&#${char.charCodeAt(0)};`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, char => HTML_SPECIAL[char] ?? char)
}

/** Text for a table cell: one line, no pipe, markup or link can escape it. */
export function cell(text: string, maxLength = 500): string {
  const folded = stripControls(text).replace(/\s+/g, ' ').trim()
  const short = folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded
  return escapeHtml(short).replace(MARKDOWN_SPECIAL, char => `\\${char}`)
}

/** Text for a paragraph: newlines kept as line breaks, everything else as for a cell. */
export function paragraph(text: string, maxLength = 4000): string {
  const short = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
  return short
    .split(/\r?\n/)
    .map(line => cell(line, maxLength))
    .join('<br>')
}

/** An http(s) URL safe inside `[text](url)`, or undefined for anything else. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return parsed
    .toString()
    .replace(/[()<>\s]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** `[text](url)` when the URL is safe, else the text alone. `text` must already be escaped. */
export function link(text: string, url: string | null | undefined): string {
  const safe = safeUrl(url)
  return safe ? `[${text}](${safe})` : text
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between characters. */
export function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = byteLength(char)
    if (bytes + size > maxBytes) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}
