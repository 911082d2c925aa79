// What a benchmark hands back, and the two files one run writes: results.json and RESULTS.md.

import { writeFileSync } from 'node:fs'
import type { Machine } from './machine.js'
import { summarize, type Summary } from './stats.js'

/** A figure's target: the named statistic must be at most `max`. */
export interface Target {
  stat: 'median' | 'p95' | 'max'
  max: number
  /** How the issue states it, e.g. "p95 ≤ 1.1 × poll-interval + 100 ms". */
  text: string
}

export interface Figure {
  id: string
  label: string
  unit: string
  /** One value per trial (or per step, per process: `per` says what). */
  values: number[]
  per: string
  summary: Summary
  target?: Target
  /** The targeted statistic divided by the target: ≤ 1 is met. */
  ratio?: number
  met?: boolean
}

export interface BenchResult {
  id: string
  title: string
  /** How it was measured, as Markdown. */
  method: string
  figures: Figure[]
  /** Findings, baselines and explanations of misses, as Markdown paragraphs. */
  notes: string[]
  durationMs: number
  /** CPU the sandbox process used during the benchmark (it runs in a separate process). */
  sandboxCpuMs?: number
}

export interface Results {
  date: string
  /** The commit checked out, and the bundle run (dist/index.js unless ECS_ROLLOUT_DIST names another). */
  commit: string
  bundle: string
  machine: Machine
  durationMs: number
  benchmarks: BenchResult[]
}

export function figure(
  id: string,
  label: string,
  unit: string,
  values: number[],
  per: string,
  target?: Target
): Figure {
  const summary = summarize(values)
  const f: Figure = { id, label, unit, values: values.map(round), per, summary: roundSummary(summary) }
  if (target) {
    f.target = target
    const value = summary[target.stat]
    f.ratio = round(target.max === 0 ? (value === 0 ? 0 : Infinity) : value / target.max, 3)
    f.met = value <= target.max
  }
  return f
}

function round(n: number, digits = 2): number {
  const k = 10 ** digits
  return Number.isFinite(n) ? Math.round(n * k) / k : n
}

function roundSummary(s: Summary): Summary {
  return {
    n: s.n,
    median: round(s.median),
    p95: round(s.p95),
    min: round(s.min),
    max: round(s.max),
    mean: round(s.mean)
  }
}

export function writeResults(results: Results, jsonFile: string, markdownFile: string): void {
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(markdownFile, markdown(results))
}

function fmt(n: number | undefined, unit = ''): string {
  if (n === undefined || Number.isNaN(n)) return '—'
  if (!Number.isFinite(n)) return '∞'
  const s = Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2)
  return unit ? `${s} ${unit}` : s
}

/** The target and the statistic it applies to. */
function targetText(f: Figure): string {
  if (!f.target) return '—'
  return f.target.text.startsWith(f.target.stat) ? f.target.text : `${f.target.text} (${f.target.stat})`
}

function verdict(f: Figure): string {
  if (!f.target) return 'info'
  return f.met ? '✅ met' : '❌ missed'
}

function markdown(r: Results): string {
  const m = r.machine
  const lines = [
    '# ecs-rollout benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date}, in ${fmt(r.durationMs / 60_000)} min. ` +
      'Every figure comes from the bundled `dist/index.js` run as a subprocess the way the runner runs it ' +
      '(INPUT_* variables, `AWS_ENDPOINT_URL` at the sandbox), against the sandbox in a separate process.',
    '',
    `Commit ${r.commit}; bundle \`${r.bundle}\`.`,
    '',
    '## Machine',
    '',
    `- ${m.cores} cores (${m.cpuModel}), ${fmt(m.memoryGb)} GB memory, ${m.platform}`,
    `- node ${m.node}`,
    `- load average at start: ${m.loadAverage.map(l => l.toFixed(2)).join(', ')} (1, 5, 15 min)`,
    `- load average at end: ${m.loadAverageAtEnd?.map(l => l.toFixed(2)).join(', ') ?? '—'}`,
    '',
    '## Summary',
    '',
    '| Benchmark | Figure | median | p95 | n | target | ratio | |',
    '|---|---|---|---|---|---|---|---|'
  ]
  for (const b of r.benchmarks)
    for (const f of b.figures)
      lines.push(
        `| ${b.title} | ${f.label} | ${fmt(f.summary.median, f.unit)} | ${fmt(f.summary.p95, f.unit)} | ${f.summary.n} | ${targetText(f)} | ${f.ratio === undefined ? '—' : fmt(f.ratio)} | ${verdict(f)} |`
      )
  lines.push('', 'The ratio is the targeted statistic divided by the target: at most 1 meets it.', '')
  for (const b of r.benchmarks) {
    lines.push(`## ${b.title}`, '', `*${fmt(b.durationMs / 1000)} s*`)
    if (b.sandboxCpuMs !== undefined)
      lines[lines.length - 1] += `*, sandbox CPU ${fmt(b.sandboxCpuMs / 1000)} s*`
    lines.push('', '### Method', '', b.method.trim(), '', '### Figures', '')
    lines.push('| Figure | per | n | median | p95 | min | max | target | ratio | |')
    lines.push('|---|---|---|---|---|---|---|---|---|---|')
    for (const f of b.figures) {
      const s = f.summary
      lines.push(
        `| ${f.label} | ${f.per} | ${s.n} | ${fmt(s.median, f.unit)} | ${fmt(s.p95, f.unit)} | ${fmt(s.min, f.unit)} | ${fmt(s.max, f.unit)} | ${targetText(f)} | ${f.ratio === undefined ? '—' : fmt(f.ratio)} | ${verdict(f)} |`
      )
    }
    if (b.notes.length) lines.push('', '### Findings', '', ...b.notes.flatMap(n => [n.trim(), '']))
    lines.push('')
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}
