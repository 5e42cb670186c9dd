#!/usr/bin/env node
/**
 * `npm run package`: bundles every action of the repository with ncc, one entry each, into
 * dist/ (or the folder given with --out). `--check` builds into a temporary folder instead and
 * exits 1 with one line when the committed dist/ is not byte for byte what the sources build to.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/**
 * Each action's entry file and the folder under dist/ its bundle goes to, read from the action.yml
 * files: `dist/index.js` is built from `src/index.ts`, `dist/<name>/index.js` from `src/<name>.ts`.
 */
export const ENTRIES = ['.', ...readdirSync(root)]
  .filter(folder => !folder.startsWith('.') || folder === '.')
  .filter(folder => existsSync(join(root, folder, 'action.yml')))
  .map(folder => {
    const main = /^\s*main:\s*['"]?([^'"\s#]+)/m.exec(readFileSync(join(root, folder, 'action.yml'), 'utf8'))?.[1]
    const out = relative(join(root, 'dist'), join(root, folder, main ?? 'dist/index.js'))
    const name = dirname(out)
    return { entry: name === '.' ? 'src/index.ts' : `src/${name}.ts`, out: name }
  })

export function build(outDir) {
  for (const { entry, out } of ENTRIES) {
    execFileSync(
      process.execPath,
      [ncc, 'build', join(root, entry), '-o', join(outDir, out), '--minify', '--license', 'licenses.txt', '--quiet'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }
    )
  }
}

function files(dir) {
  const found = new Map()
  const walk = folder => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else found.set(relative(dir, path), readFileSync(path))
    }
  }
  walk(dir)
  return found
}

/** The files of dist/ that differ from a fresh build, added or missing; empty when it is fresh. */
export function staleDistFiles() {
  const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'))
  try {
    build(fresh)
    const [built, committed] = [files(fresh), files(join(root, 'dist'))]
    const names = new Set([...built.keys(), ...committed.keys()])
    return [...names].filter(name => !built.get(name)?.equals(committed.get(name) ?? Buffer.alloc(0))).sort()
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = staleDistFiles()
    if (stale.length > 0) {
      console.error(`dist/ is not what src/ builds to (${stale.join(', ')}): run \`npm run package\` and commit dist/.`)
      process.exit(1)
    }
    console.log('dist/ is what src/ builds to.')
  } else {
    const at = process.argv.indexOf('--out')
    build(at === -1 ? join(root, 'dist') : process.argv[at + 1])
  }
}
