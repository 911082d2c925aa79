// The plan table with what actually happened: each step's start, duration, counts, traffic and gate
// verdict. It extends the plan view's rows, so the plan reads the same before and during a rollout.

import { formatDuration } from '../config/parse.js'
import { Status } from '../constants.js'
import type { Plan } from '../plan/types.js'
import { alarmUrl } from './console-links.js'
import { type Cell, Html, code, safe, link, table } from './html.js'
import { PLAN_HEADERS, planRows, trafficText } from './plan-view.js'
import type { Progress, StepRun } from './progress.js'
import { reasonTitle } from './reason.js'
import { timeOfDay } from './text.js'

export const PROGRESS_HEADERS = [
  ...PLAN_HEADERS.slice(0, 2),
  'Started',
  'Duration',
  ...PLAN_HEADERS.slice(2),
  'Gate'
]

/** Plans longer than this show the first and last steps and those around the current one. */
const MAX_ROWS = 40
const EDGE = 3

export function progressTable(p: Progress, plan: Plan): Html {
  const rows = planRows(plan).map((row, i): Cell[] => {
    const index = i < plan.steps.length ? i + 1 : 'final'
    const [step, what, newTasks, stableTasks, traffic, wait] = row
    const run = index === 'final' ? undefined : p.steps.get(index)
    const pausedHere = p.paused?.step === index ? p.paused.at : undefined
    const started = index === 'final' ? p.finalStartedAt : (run?.startedAt ?? pausedHere)
    const counts = run ? [countCell(run, p), String(run.counts.stable)] : [newTasks, stableTasks]
    return [
      step,
      what,
      started === undefined ? '' : timeOfDay(started),
      started === undefined ? '' : durationCell(p, index, started, run),
      ...counts,
      run && index !== 'final'
        ? trafficText(plan, { ...plan.steps[index - 1], trafficPercent: run.trafficPercent })
        : traffic,
      wait,
      verdict(p, index, run)
    ]
  })
  const focus = p.rollback?.during ?? p.step
  return table(PROGRESS_HEADERS, elide(rows, focus === 'final' ? rows.length : focus))
}

/** "3", or "2 (→ 3)" while a step is still scaling towards its target. */
function countCell(run: StepRun, p: Progress): string {
  const reaching = run.doneAt === undefined && !p.end && !p.rollback && run.counts.new !== run.target.new
  return reaching ? `${run.counts.new} (→ ${run.target.new})` : String(run.counts.new)
}

function durationCell(p: Progress, index: number | 'final', started: number, run?: StepRun): string {
  const next = index === 'final' ? undefined : p.steps.get(index + 1)?.startedAt
  const interrupted = p.rollback?.during === index ? p.rollback.at : undefined
  const done = index === 'final' ? p.retiredAt : run?.doneAt
  const until = done ?? interrupted ?? next ?? p.end?.at ?? p.lastAt ?? started
  const stable =
    run?.stableAt === undefined ? '' : ` (stable after ${formatDuration(run.stableAt - started)})`
  return formatDuration(until - started) + stable
}

function verdict(p: Progress, index: number | 'final', run?: StepRun): Cell {
  const region = p.start?.region ?? ''
  if (p.rollback && p.rollback.during === index) {
    const r = p.rollback.reason
    if (r.kind === 'alarm') {
      const url = alarmUrl(region, r.alarm.name)
      return safe`⛔ failed: alarm ${url ? link(r.alarm.name, url) : code(r.alarm.name)}`
    }
    return r.kind === 'requested' ? `🛑 ${reasonTitle(r)}` : `⛔ ${reasonTitle(r)}`
  }
  if (p.paused && p.paused.step === index) {
    if (p.paused.reason) return `⛔ ${reasonTitle(p.paused.reason)} (paused)`
    return p.paused.why === 'manual-step' ? '⏸️ waiting for promotion' : '⏸️ paused on request'
  }
  if (index !== 'final' && p.start && index < p.start.fromStep) return 'passed in an earlier run'
  // After a rollback or a failure, nothing further will run; after a pause, it may.
  const over = p.rollback !== undefined || (p.end !== undefined && p.end.status !== Status.Paused)
  const done = index === 'final' ? p.end?.status === Status.Succeeded : run?.doneAt !== undefined
  if (done) return '✅ passed'
  const begun = index === 'final' ? p.finalStartedAt !== undefined : run !== undefined
  if (begun) {
    if (over) return 'stopped'
    return (index === 'final' ? p.finalBake : run?.stableAt) === undefined ? '🔄 scaling' : '🔄 baking'
  }
  return over ? 'skipped' : 'pending'
}

/** Keeps the first and last few rows and those around `focus` (1-based), with a row saying what was left out. */
function elide(rows: Cell[][], focus: number): Cell[][] {
  if (rows.length <= MAX_ROWS) return rows
  const keep = (i: number): boolean =>
    i < EDGE || i >= rows.length - EDGE || Math.abs(i - (focus - 1)) <= EDGE
  const out: Cell[][] = []
  let gap = 0
  rows.forEach((row, i) => {
    if (keep(i)) {
      if (gap > 0) out.push(['…', `${gap} steps not shown`, ...row.slice(2).map(() => '')])
      gap = 0
      out.push(row)
    } else gap++
  })
  return out
}
