// npm run demo: shows what ecs-rollout would do for a sample 10-task service, strategy by strategy, by running
// the bundled action exactly as the runner does (command: plan needs no AWS access with desired-count).

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const dist = resolve(import.meta.dirname, '../dist/index.js')
const examples: [string, Record<string, string>][] = [
  ['rolling, batches of max-surge', { strategy: 'rolling' }],
  ['linear 20% every 2m', { strategy: 'linear', 'step-percent': '20', 'step-bake-time': '2m' }],
  ['canary 10% for 5m', { strategy: 'canary', 'canary-percent': '10' }],
  ['custom steps with a manual pause', { strategy: 'custom', steps: '10:5m, pause, 50:10m, 100' }],
  ['manual batching: partition 3', { partition: '3' }],
  ['blue-green by weights', { strategy: 'blue-green', traffic: 'weights' }],
  ['all at once', { strategy: 'all-at-once' }]
]

const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-demo-'))
for (const [title, inputs] of examples) {
  const summary = join(dir, `${title.replace(/[^a-z0-9]+/gi, '-')}.html`)
  writeFileSync(summary, '')
  writeFileSync(join(dir, 'output'), '')
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: join(dir, 'output') }
  for (const [k, v] of Object.entries({ command: 'plan', service: 'web', 'desired-count': '10', ...inputs }))
    env[`INPUT_${k.toUpperCase()}`] = v
  console.log(`\n=== ${title} ===`)
  const result = spawnSync(process.execPath, [dist], { env, encoding: 'utf8' })
  process.stdout.write(result.stdout)
  if (result.status !== 0) {
    console.error(result.stderr)
    process.exit(result.status ?? 1)
  }
  if (!readFileSync(summary, 'utf8').includes('<table>')) throw new Error(`no plan table in ${summary}`)
}
console.log(`\nJob summaries written to ${dir}`)
