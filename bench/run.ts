// npm run bench: every benchmark of issue 9 (and issue 17's report delay, finish) against the sandbox, one after the other, then bench/results.json
// and bench/RESULTS.md. `--only a,b` runs some of them and writes to a temporary directory instead, so a partial
// run never replaces the committed results.

import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { execFileSync } from 'node:child_process'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { apiBudget } from './api-budget.js'
import { coldStart } from './cold-start.js'
import { detection } from './detection.js'
import { finish } from './finish.js'
import { ENTRY } from './lib/action.js'
import { machine } from './lib/machine.js'
import { metricDetection } from './metric-detection.js'
import { ROOT } from './lib/sandbox.js'
import { overhead } from './overhead.js'
import { rollback } from './rollback.js'
import { scale } from './scale.js'
import { waves } from './waves.js'
import { writeResults, type BenchResult } from './lib/report.js'

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  detection: () => detection({ trials: 30, pollIntervalsMs: [1000, 5000], concurrency: 5 }),
  rollback: () => rollback({ trialsPerMode: 9, concurrency: 3 }),
  overhead: () => overhead({ trials: 2, stepBake: '10s', finalBake: '10s' }),
  'api-budget': () => apiBudget({ alarmCounts: [1, 10, 100], bake: '75s', finalBake: '15s' }),
  'cold-start': () => coldStart({ trials: 20 }),
  scale: () => scale({ concurrent: 20, bake: '2s', reference: referencePerStep() }),
  'metric-detection': () => metricDetection({ trials: 12, concurrency: 3, pollMs: 1000, periodS: 1 }),
  finish: () => finish({ trials: 10, concurrency: 5 }),
  waves: () => waves({ services: 20, bake: '3s', bakeMs: 3000, trials: 3 })
}

const { values } = parseArgs({ options: { only: { type: 'string' } } })
const only = values.only?.split(',').map(s => s.trim())
for (const name of only ?? []) if (!BENCHMARKS[name]) throw new Error(`no benchmark "${name}"`)

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dist'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    return dirty.trim() ? `${head} (src/ or dist/ modified)` : head
  } catch {
    return 'unknown'
  }
}

/** Benchmark 3's median per-step overhead, the reference for benchmark 6, once it has run. */
function referencePerStep(): { perStepMs: number } | undefined {
  const f = results.find(r => r.id === 'overhead')?.figures.find(f => f.id === 'step-overhead')
  return f ? { perStepMs: f.summary.median } : undefined
}

const began = Date.now()
const host = machine()
const measured = commit()
let failed = false
const results: BenchResult[] = []
for (const [name, bench] of Object.entries(BENCHMARKS)) {
  if (only && !only.includes(name)) continue
  const t0 = Date.now()
  console.log(`▸ ${name}`)
  // A benchmark that fails is reported as failed; the others still run and the files are still written.
  const result = await bench().catch((error: unknown): BenchResult => ({
    id: name,
    title: name,
    method: '',
    figures: [],
    notes: [`**Failed**: ${error instanceof Error ? error.message : String(error)}`],
    durationMs: Date.now() - t0
  }))
  results.push(result)
  if (!result.figures.length) {
    failed = true
    console.log(`  ${result.notes.join('\n  ')}`)
  }
  for (const f of result.figures)
    console.log(
      `  ${f.label}: median ${f.summary.median} ${f.unit}, p95 ${f.summary.p95} ${f.unit}` +
        (f.target
          ? ` — target ${f.target.text} (${f.target.stat}): ratio ${f.ratio} ${f.met ? 'met' : 'MISSED'}`
          : '')
    )
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
}
host.loadAverageAtEnd = loadavg()
const dir = only ? mkdtempSync(join(tmpdir(), 'ecs-rollout-bench-')) : resolve(import.meta.dirname)
writeResults(
  {
    date: new Date(began).toISOString(),
    commit: measured,
    bundle: relative(ROOT, ENTRY),
    machine: host,
    durationMs: Date.now() - began,
    benchmarks: results
  },
  join(dir, 'results.json'),
  join(dir, 'RESULTS.md')
)
console.log(
  `wrote ${join(dir, 'results.json')} and RESULTS.md in ${((Date.now() - began) / 60_000).toFixed(1)} min`
)
if (failed) process.exitCode = 1
