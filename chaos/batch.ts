// Many scenarios against one sandbox, a few at a time: each plays on its own service, so they run side by
// side; API faults are global to the sandbox and hit whichever run calls next, as a regional outage would.
// Prints a line per run and, at the end, runs, outcomes, faults injected by kind, and every violation with the
// seed that replays it.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SandboxControl } from '../sandbox/client.js'
import type { Played } from './driver.js'
import { playScenario } from './driver.js'
import { checkInvariants } from './invariants.js'
import { removeScene } from './harness.js'
import { describeScenario, faultKinds, kindLabel, scenarioFor, type FaultKind } from './scenario.js'

export interface RunReport {
  seed: number
  index: number
  /** The kind of rollout played (scenario.ts's ROLLOUT_KINDS). */
  kind: string
  ms: number
  /** Status of each run of the chain, in order ('post' for the post step). */
  statuses: string[]
  /** How the rollout ended, from its record: succeeded, rolled-back, aborted, or unchanged (no rollout began). */
  end?: string
  faults: FaultKind[]
  violations: string[]
  /** Where the runs' logs were saved, for a run with violations. */
  logs?: string
  /** The harness itself failed (not a finding about the action). */
  error?: string
}

export interface BatchReport {
  runs: RunReport[]
  kinds: Record<string, number>
  faults: Record<string, number>
  outcomes: Record<string, number>
  violations: { seed: number; message: string }[]
  errors: { seed: number; message: string }[]
  ms: number
}

export interface BatchOptions {
  url: string
  /** A sandbox with realism on, for the scenarios that draw it; without one they play on `url` without it. */
  realismUrl?: string
  seeds: number[]
  concurrency: number
  log?: (line: string) => void
  /** Each run's report as it finishes, so a batch stopped early can still be summed up (`summarise`). */
  onRun?: (report: RunReport) => void
}

export async function runBatch(o: BatchOptions): Promise<BatchReport> {
  const log = o.log ?? (() => undefined)
  const started = Date.now()
  const runs: RunReport[] = []
  let nextIndex = 0
  const worker = async () => {
    while (nextIndex < o.seeds.length) {
      const index = nextIndex++
      const report = await runOne(o, o.seeds[index], index)
      runs.push(report)
      o.onRun?.(report)
      log(formatRun(report, o.seeds.length))
    }
  }
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.seeds.length) }, worker))
  return summarise(runs, Date.now() - started)
}

/** Runs, kinds, outcomes, faults and findings of the runs done, in seed order, over `ms` of the harness's time. */
export function summarise(done: RunReport[], ms: number): BatchReport {
  const runs = [...done].sort((a, b) => a.index - b.index)
  const count = (items: string[]) =>
    items.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {})
  return {
    runs,
    kinds: count(runs.map(r => r.kind)),
    faults: count(runs.flatMap(r => r.faults)),
    outcomes: count(runs.map(r => r.end ?? 'unknown')),
    violations: runs.flatMap(r => r.violations.map(message => ({ seed: r.seed, message }))),
    errors: runs.filter(r => r.error).map(r => ({ seed: r.seed, message: r.error! })),
    ms
  }
}

async function runOne(o: BatchOptions, seed: number, index: number): Promise<RunReport> {
  const drawn = scenarioFor(seed)
  // Realism is a sandbox's: a scenario that draws it plays on the realism sandbox, if there is one.
  const scenario = { ...drawn, realism: drawn.realism && o.realismUrl !== undefined }
  const url = scenario.realism ? o.realismUrl! : o.url
  const control = new SandboxControl(url)
  const started = Date.now()
  const faults = faultKinds(scenario)
  const report: RunReport = {
    seed,
    index,
    kind: kindLabel(scenario),
    ms: 0,
    statuses: [],
    faults,
    violations: []
  }
  try {
    const played = await playScenario(url, scenario)
    report.statuses = played.runs.map(r =>
      r.kind === 'post'
        ? 'post'
        : `${r.kind}:${r.interrupted ?? r.result.outputs.status ?? `exit ${r.result.code}`}`
    )
    const verdict = await checkInvariants(control, played)
    report.end = verdict.record ? (verdict.record.outcome ?? verdict.record.phase) : 'unchanged'
    report.violations = verdict.violations
    if (verdict.violations.length || process.env.CHAOS_KEEP_LOGS) report.logs = saveLogs(played)
    for (const svc of played.services) await removeScene(svc)
  } catch (error) {
    report.error = (error as Error).stack ?? String(error)
  }
  report.ms = Date.now() - started
  return report
}

export function formatRun(r: RunReport, total: number): string {
  const mark = r.error ? '⚠' : r.violations.length ? '✗' : '✓'
  const head = `${mark} run ${r.index + 1}/${total} seed ${r.seed} ${(r.ms / 1000).toFixed(1)}s ${r.statuses.join(' → ') || '-'}`
  const faults = r.faults.length ? ` [${r.faults.join(', ')}]` : ''
  const lines = [`${head}${faults}\n    ${describeScenario(scenarioFor(r.seed))}`]
  for (const v of r.violations) lines.push(`    VIOLATION ${v}`)
  if (r.logs) lines.push(`    logs: ${r.logs}`)
  if (r.error) lines.push(`    HARNESS ERROR ${r.error.split('\n')[0]}${whereInHarness(r.error)}`)
  return lines.join('\n')
}

/** The harness's own frame a harness error came from, so a batch's log says which step of a run failed. */
function whereInHarness(stack: string): string {
  const frame = stack.split('\n').find(line => /\/(chaos|sandbox)\/[\w-]+\.ts/.test(line))
  const at = frame
    ?.trim()
    .replace(/\(?[^ ]*\/(chaos|sandbox)\//, '$1/')
    .replace(/\)$/, '')
  return at ? ` (${at})` : ''
}

export function formatSummary(b: BatchReport): string {
  const kv = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  const replay = (seed: number) => `(replay: npm run chaos -- --seed ${seed} --runs 1)`
  const lines = [
    `chaos: ${b.runs.length} runs in ${(b.ms / 1000).toFixed(0)}s (the harness's own runtime), ${b.violations.length} violations, ${b.errors.length} harness errors`,
    `  runs by kind: ${kv(b.kinds)}`,
    `  rollouts ended: ${kv(b.outcomes)}`,
    `  faults injected: ${kv(b.faults)}`
  ]
  for (const v of b.violations) lines.push(`  VIOLATION seed ${v.seed}: ${v.message} ${replay(v.seed)}`)
  for (const e of b.errors)
    lines.push(`  HARNESS ERROR seed ${e.seed}: ${e.message.split('\n')[0]} ${replay(e.seed)}`)
  return lines.join('\n')
}

/** Each run's stdout, stderr and summary under .tmp/chaos/SEED/, for whoever investigates. */
function saveLogs(played: Played): string {
  const dir = resolve(import.meta.dirname, '../.tmp/chaos', String(played.scenario.seed))
  mkdirSync(dir, { recursive: true })
  played.runs.forEach((r, i) => {
    const text = [
      `${r.kind}: exit ${r.result.code} ${r.result.signal ?? ''} interrupted ${r.interrupted ?? '-'}`,
      `outputs ${JSON.stringify(r.result.outputs)}`,
      `record after ${JSON.stringify(r.record)}`,
      '--- stdout',
      r.result.stdout,
      '--- stderr',
      r.result.stderr
    ].join('\n')
    writeFileSync(join(dir, `${i + 1}-${r.kind}.log`), text)
  })
  return dir
}
