import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { byteLength } from '../../src/report/markdown.js'
import { renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js'
import { largeRun, summaryCases } from '../fixtures/summary-inputs.js'

function build(name: string) {
  const make = summaryCases[name]
  if (!make) throw new Error(`no summary case ${name}`)
  return make()
}

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden')
const update = process.env.UPDATE_GOLDEN === '1'

/** Compares with the committed golden file; `UPDATE_GOLDEN=1 npm test` rewrites them after a deliberate change. */
function expectGolden(name: string, text: string): void {
  const path = join(goldenDir, `${name}.md`)
  if (update || !existsSync(path)) {
    if (!update && process.env.CI) throw new Error(`golden file ${name}.md is missing`)
    mkdirSync(goldenDir, { recursive: true })
    writeFileSync(path, text)
  }
  expect(text).toBe(readFileSync(path, 'utf8'))
}

describe('job summary', () => {
  it.each(Object.keys(summaryCases))('%s matches its golden file', name => {
    expectGolden(name, renderSummary(build(name)))
  })

  it('lists failed tests first, then skipped, then passed', () => {
    const text = renderSummary(build('failed-with-issues'))
    const rows = text.split('\n').filter(line => /^\| (❌|⏭️|✅) (Failed|Skipped|Passed) \| \[/.test(line))
    expect(rows.map(row => row.split(' | ')[0])).toEqual(['| ❌ Failed', '| ❌ Failed', '| ⏭️ Skipped', '| ✅ Passed'])
  })

  it('keeps hostile text inside its cell: no raw HTML, no extra columns, no unsafe links', () => {
    const text = renderSummary(build('hostile'))
    expect(text).not.toMatch(/<script|<img|<b>|<i>|\]\((javascript|data):/i)
    expect(text).not.toContain('</details><')
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length
    const tableRows = text.split('\n').filter(line => line.startsWith('| '))
    for (const row of tableRows) expect([5, 6]).toContain(columns(row))
    expect(text).toContain('Long xxxx')
  })

  it('degrades a 10,000-test run within the budget, naming or counting every failure', () => {
    const input = largeRun(10_000)
    const text = renderSummary(input)
    expect(byteLength(text)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(text).toContain("passing test cases are not listed, to keep this summary under GitHub's 1 MiB limit.")
    const failed = (input.report?.testCases ?? []).filter(testCase => testCase.verdict === 'failed')
    for (const testCase of failed) expect(text).toContain(`[${testCase.name}]`)
    expect(text).toContain('✅ **8900** passed · ❌ **1000** failed · ⏭️ **100** skipped — 10000 test cases')
  })

  it('trims with a visible line linking to the run when even the failures do not fit', () => {
    const input = largeRun(50_000)
    const text = renderSummary(input)
    expect(byteLength(text)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(text).toContain(
      "> ✂️ This summary is trimmed to stay under GitHub's 1 MiB limit. [See every test case in QA.tech]("
    )
    expect(text).toContain('✅ **44500** passed · ❌ **5000** failed · ⏭️ **500** skipped — 50000 test cases')
  })

  it.each([2_000, 20_000, 200_000])('stays within any budget (%i bytes)', budget => {
    const text = renderSummary(largeRun(1_000), budget)
    expect(byteLength(text)).toBeLessThanOrEqual(budget)
  })

  it('drops the passing rows before any failure', () => {
    const input = largeRun(200)
    const full = renderSummary(input)
    expect(full).toContain('| ✅ Passed | [Test case 1](')
    const text = renderSummary(input, byteLength(full) - 100)
    expect(text).not.toContain('| ✅ Passed |')
    expect(text).toContain('passing test cases are not listed')
    expect(text.split('\n').filter(line => line.startsWith('| ❌ Failed |'))).toHaveLength(20)
  })

  it('shows passing rows without the generic "Goal reached", and a few failures open', () => {
    const text = renderSummary(build('failed-with-issues'))
    expect(text).not.toContain('Goal reached')
    expect(text.match(/<details open>/g)).toHaveLength(2)
    expect(renderSummary(largeRun(200))).not.toContain('<details open>')
  })

  it('links the tested commit as code, with its branch and pull request', () => {
    const text = renderSummary(build('failed-with-issues'))
    expect(text).toContain(
      '**Commit:** [<code>8a1c7e3</code>](https://github.com/octo/shop/commit/8a1c7e3f0d9b4c2a6e5f7081923a4b5c6d7e8f90) on <code>feature/cart</code> in [#42](https://github.com/octo/shop/pull/42) — Fix the cart total'
    )
  })

  it('links the run once on a timeout', () => {
    const text = renderSummary(build('timed-out'))
    expect(text.match(/\]\(https:\/\/app\.qa\.tech\/p\/web-shop\/results\/abc123\)/g)).toHaveLength(1)
  })
})
