// npm run lint:actions (part of npm run lint): action.yml and every workflow under .github/workflows checked by
// GitHub's own Actions language service (@actions/languageservice, what the GitHub Actions extension for VS Code
// runs): the schemas GitHub parses them with (runs.using: node24, permissions, triggers, expressions and the
// contexts they may read). actionlint runs beside it in the same script for its deeper workflow checks.
// Every diagnostic is printed as FILE:LINE:COLUMN; any error or warning fails the run.

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { validate } from '@actions/languageservice'
import { TextDocument } from 'vscode-languageserver-textdocument'

const ROOT = resolve(import.meta.dirname, '..')
const WORKFLOWS = '.github/workflows'
// Severity 1 is an error, 2 a warning (the Language Server Protocol's numbering); hints and information pass.
const FAILING = new Set([undefined, 1, 2])

const files = [
  'action.yml',
  ...readdirSync(join(ROOT, WORKFLOWS))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${WORKFLOWS}/${name}`)
]

let failures = 0
for (const file of files) {
  const document = TextDocument.create(
    `file://${join(ROOT, file)}`,
    'yaml',
    1,
    readFileSync(join(ROOT, file), 'utf8')
  )
  for (const diagnostic of await validate(document)) {
    if (!FAILING.has(diagnostic.severity)) continue
    failures++
    const { line, character } = diagnostic.range.start
    console.error(`${relative(ROOT, join(ROOT, file))}:${line + 1}:${character + 1}: ${diagnostic.message}`)
  }
}
if (failures > 0) {
  console.error(`${failures} problem${failures === 1 ? '' : 's'} in action.yml or the workflows`)
  process.exit(1)
}
console.log(`action.yml and ${files.length - 1} workflow files follow GitHub's schemas`)
