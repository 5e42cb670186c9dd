#!/usr/bin/env node
/**
 * Writes every action's inputs and outputs tables from its own action.yml, so the docs and the
 * actions cannot drift.
 *   npm run docs            rewrite the tables in README.md and docs/*.md
 *   npm run docs -- --check fail when a table is not what its action.yml gives, or an action has none
 *
 * A table lives between two markers that name the action by its folder (none for the root action):
 *   <!-- inputs:start change-review (generated from change-review/action.yml by npm run docs) -->
 *   <!-- inputs:end change-review -->
 * and the same with `outputs`. Every action of the repository (each `action.yml`, as
 * scripts/package.mjs finds them) must have both tables somewhere, once.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const KINDS = ['inputs', 'outputs']

/** The actions: the root one ('') and each folder with an action.yml, as scripts/package.mjs finds them. */
const actions = [
  '',
  ...readdirSync(root)
    .filter(folder => !folder.startsWith('.'))
    .filter(folder => existsSync(join(root, folder, 'action.yml')))
    .sort()
]

/** The documents that may hold tables: the README and the reference pages. */
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter(name => name.endsWith('.md'))
    .sort()
    .map(name => `docs/${name}`)
]

const actionFile = folder => (folder === '' ? 'action.yml' : `${folder}/action.yml`)
const actionName = folder => (folder === '' ? 'the root action' : folder)

const cell = text => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const fallback = spec.required ? '**required**' : spec.default === undefined ? '' : `\`${cell(spec.default)}\``
    const deprecated = spec.deprecationMessage ? ` **Deprecated:** ${cell(spec.deprecationMessage)}` : ''
    return `| \`${name}\` | ${fallback} | ${cell(spec.description ?? '')}${deprecated} |`
  })
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n')
}

function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

const tables = new Map(
  actions.map(folder => {
    const action = parse(readFileSync(join(root, actionFile(folder)), 'utf8'))
    return [folder, { inputs: inputsTable(action), outputs: outputsTable(action) }]
  })
)

const startMarker = (kind, folder) =>
  `<!-- ${kind}:start${folder ? ` ${folder}` : ''} (generated from ${actionFile(folder)} by npm run docs) -->`
const endMarker = (kind, folder) => `<!-- ${kind}:end${folder ? ` ${folder}` : ''} -->`

/** A start marker, whatever its note says: kind, then the action's folder when it is not the root. */
const START = /<!-- (inputs|outputs):start(?: ([a-z0-9][\w.-]*))?(?: \([^)]*\))? -->/g

const problems = []
/** Where each table was found, `kind folder` → document, to find missing and doubled tables. */
const found = new Map()

/** The document with every table in it regenerated; problems for markers that do not pair up. */
function regenerate(path, text) {
  let next = ''
  let from = 0
  for (const match of text.matchAll(START)) {
    if (match.index < from) continue
    const [, kind, folder = ''] = match
    const key = `${kind} ${folder}`
    if (!tables.has(folder)) {
      problems.push(`${path}: ${match[0]} names no action (there is no ${actionFile(folder)}).`)
      continue
    }
    const end = endMarker(kind, folder)
    const to = text.indexOf(end, match.index + match[0].length)
    const nested = text.slice(match.index + match[0].length, to).search(START)
    if (to === -1 || nested !== -1) {
      problems.push(`${path}: ${match[0]} has no ${end} after it.`)
      continue
    }
    if (found.has(key)) {
      problems.push(`${path}: the ${kind} of ${actionName(folder)} are already generated in ${found.get(key)}.`)
    }
    found.set(key, path)
    next += `${text.slice(from, match.index)}${startMarker(kind, folder)}\n\n${tables.get(folder)[kind]}\n\n`
    from = to
  }
  return next + text.slice(from)
}

const changed = []
for (const path of documents) {
  const file = join(root, path)
  const current = readFileSync(file, 'utf8')
  if (current.search(START) === -1) continue
  // Formatted as `npm run lint` expects, so the two checks agree.
  const config = (await prettier.resolveConfig(file)) ?? {}
  const next = await prettier.format(regenerate(path, current), { ...config, filepath: file })
  if (next !== current) changed.push({ path, file, next })
}

for (const folder of actions) {
  for (const kind of KINDS) {
    if (!found.has(`${kind} ${folder}`)) {
      problems.push(
        `No document has the ${kind} table of ${actionName(folder)}: add ${startMarker(kind, folder)} and ${endMarker(kind, folder)} to README.md or a page in docs/.`
      )
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}

if (process.argv.includes('--check')) {
  if (changed.length > 0) {
    for (const { path } of changed) {
      console.error(`${path}: its inputs/outputs tables differ from the action.yml they come from.`)
    }
    console.error(`Run \`npm run docs\` and commit ${changed.map(({ path }) => path).join(', ')}.`)
    process.exit(1)
  }
  console.log(`The inputs and outputs tables of ${actions.length} actions match their action.yml files.`)
} else {
  for (const { file, next } of changed) writeFileSync(file, next)
  console.log(
    changed.length > 0
      ? `Wrote ${changed.map(({ path }) => path).join(', ')}.`
      : `The inputs and outputs tables of ${actions.length} actions were already up to date.`
  )
}
