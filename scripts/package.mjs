#!/usr/bin/env node
/**
 * `npm run package`: bundles every action of the repository with ncc, one entry each, into
 * dist/ (or the folder given with --out). `--check` builds into a temporary folder instead and
 * exits 1 with one line when the committed dist/ is not byte for byte what the sources build to.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/**
 * Each action's entry file and the folder under dist/ its bundle goes to, read from the action.yml
 * files: `dist/index.js` is built from `src/index.ts`, `dist/<name>/index.js` from `src/<name>/index.ts`.
 */
export const ENTRIES = ['.', ...readdirSync(root)]
  .filter(folder => !folder.startsWith('.') || folder === '.')
  .filter(folder => existsSync(join(root, folder, 'action.yml')))
  .map(folder => {
    const main = /^\s*main:\s*['"]?([^'"\s#]+)/m.exec(readFileSync(join(root, folder, 'action.yml'), 'utf8'))?.[1]
    const out = relative(join(root, 'dist'), join(root, folder, main ?? 'dist/index.js'))
    const name = dirname(out)
    return { entry: name === '.' ? 'src/index.ts' : `src/${name}/index.ts`, out: name }
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

/**
 * A build is the same when its inputs are: the sources, the build configuration, the locked
 * dependencies and the action.yml files. Hashed by content — a fresh clone writes every file at
 * once, so file times say nothing.
 */
function inputsHash() {
  const hash = createHash('sha256')
  const add = path =>
    hash
      .update(`${relative(root, path)}\0`)
      .update(readFileSync(path))
      .update('\0')
  for (const [name] of [...files(join(root, 'src'))].sort()) add(join(root, 'src', name))
  for (const name of ['tsconfig.json', 'package.json', 'package-lock.json', 'scripts/package.mjs'])
    add(join(root, name))
  for (const { out } of ENTRIES) add(join(root, out === '.' ? '.' : out, 'action.yml'))
  return hash.digest('hex')
}

function treeHash(dir) {
  const hash = createHash('sha256')
  for (const [name, content] of [...files(dir)].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\0`).update(content)
  return hash.digest('hex')
}

/** Where a verified build is remembered: its inputs and the dist/ they built. */
const CACHE = join(root, 'node_modules', '.cache', 'dist-check.json')

function remember() {
  mkdirSync(dirname(CACHE), { recursive: true })
  writeFileSync(CACHE, JSON.stringify({ inputs: inputsHash(), dist: treeHash(join(root, 'dist')) }))
}

function remembered() {
  try {
    const { inputs, dist } = JSON.parse(readFileSync(CACHE, 'utf8'))
    return inputs === inputsHash() && dist === treeHash(join(root, 'dist'))
  } catch {
    return false
  }
}

/**
 * The files of dist/ that differ from a fresh build, added or missing; empty when it is fresh.
 * A build whose inputs and output are those of the last verified one is not repeated.
 */
export function staleDistFiles() {
  if (remembered()) return []
  const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'))
  try {
    build(fresh)
    const [built, committed] = [files(fresh), files(join(root, 'dist'))]
    const names = new Set([...built.keys(), ...committed.keys()])
    const stale = [...names].filter(name => !built.get(name)?.equals(committed.get(name) ?? Buffer.alloc(0))).sort()
    if (stale.length === 0) remember()
    return stale
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
    if (at === -1) {
      // A fresh dist/ leaves nothing stale behind: chunks of an earlier build would linger.
      rmSync(join(root, 'dist'), { recursive: true, force: true })
      build(join(root, 'dist'))
      remember()
      console.log(
        `Built ${ENTRIES.map(({ out }) => (out === '.' ? 'dist/index.js' : `dist/${out}/index.js`)).join(', ')}.`
      )
    } else {
      build(process.argv[at + 1])
    }
  }
}
