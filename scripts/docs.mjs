#!/usr/bin/env node
/**
 * Writes the README's inputs and outputs tables from action.yml, so the two cannot drift.
 *   npm run docs            rewrite README.md
 *   npm run docs -- --check fail when README.md is not what action.yml gives
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const readmePath = join(root, 'README.md')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))

const cell = text => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

function inputsTable() {
  const rows = Object.entries(action.inputs).map(([name, spec]) => {
    const fallback = spec.required ? '**required**' : spec.default === undefined ? '' : `\`${cell(spec.default)}\``
    return `| \`${name}\` | ${fallback} | ${cell(spec.description)} |`
  })
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n')
}

function outputsTable() {
  const rows = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

function replaceBetween(text, marker, content) {
  const start = `<!-- ${marker}:start (generated from action.yml by npm run docs) -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${marker} markers`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

const current = readFileSync(readmePath, 'utf8')
const generated = replaceBetween(replaceBetween(current, 'inputs', inputsTable()), 'outputs', outputsTable())
// Formatted as `npm run lint` expects, so the two checks agree.
const config = (await prettier.resolveConfig(readmePath)) ?? {}
const next = await prettier.format(generated, { ...config, filepath: readmePath })

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md inputs/outputs tables differ from action.yml: run `npm run docs` and commit README.md.')
    process.exit(1)
  }
  console.log('README.md tables match action.yml.')
} else {
  writeFileSync(readmePath, next)
}
