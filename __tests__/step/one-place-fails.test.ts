/**
 * The step's result is decided in one place: `runAction()` in src/step/run.ts. A stage that failed the step
 * itself could fail it twice, or end the process before the reports are written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
  )
}

/** Code without its comments, so a comment that names `setFailed` is no call. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
}

describe('the one place that fails the step', () => {
  const files = sourceFiles(SRC).map(path => ({ name: relative(SRC, path), code: code(path) }))

  it('is src/step/run.ts: no other module calls setFailed', () => {
    expect(files.filter(file => /\bsetFailed\s*\(/.test(file.code)).map(file => file.name)).toEqual(['step/run.ts'])
  })

  it('is src/step/run.ts: no other module ends the process', () => {
    const exiting = files.filter(file => /\b(process|deps)\.exit\s*\(|\bexit\s*\(\s*1\s*\)/.test(file.code))
    expect(exiting.map(file => file.name)).toEqual(['step/run.ts'])
  })
})
