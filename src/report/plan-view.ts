// The plan as a person reads it: one row per step, in the log and in the job summary.

import { formatDuration } from '../config/parse.js'
import type { Plan, PlanStep } from '../plan/types.js'
import { Html, escapeHtml, table } from './html.js'

export const PLAN_HEADERS = ['Step', 'What', 'New tasks', 'Stable tasks', 'Traffic to new', 'Bake / pause']

export function planRows(plan: Plan): string[][] {
  const rows = plan.steps.map(s => [
    String(s.index),
    s.label,
    String(s.new),
    String(s.stable),
    trafficText(plan, s),
    waitText(s)
  ])
  const last = plan.steps[plan.steps.length - 1]
  const stable = last && last.stable > 0 ? `${last.stable}, then 0` : '0'
  rows.push([
    'final',
    'promote, watch, retire old',
    String(plan.desiredCount),
    stable,
    '100%',
    formatDuration(plan.finalBakeMs)
  ])
  return rows
}

/** The share of traffic a step sends (or sent) to the new revision. */
export function trafficText(plan: Plan, step: Pick<PlanStep, 'trafficPercent' | 'testTraffic'>): string {
  if (step.testTraffic) return '0% (test listener only)'
  // By replicas the share is what the task counts imply, so a whole percent is as exact as it gets.
  return plan.traffic === 'replicas'
    ? `${Math.round(step.trafficPercent)}% (by tasks)`
    : `${step.trafficPercent}%`
}

function waitText(step: PlanStep): string {
  if (step.pause === 'manual') return 'until promoted'
  return formatDuration(step.bakeMs)
}

export function planFacts(plan: Plan): string[] {
  const capacity =
    plan.limits.minHealthy === plan.desiredCount
      ? `never below ${plan.desiredCount} healthy tasks`
      : `never below ${plan.limits.minHealthy} healthy tasks (max-unavailable allows ${plan.desiredCount - plan.limits.minHealthy} fewer)`
  return [
    `${plan.strategy} over ${plan.desiredCount} tasks, traffic by ${plan.traffic}, stable revision ${plan.stableScale === 'keep' ? 'kept at full size' : 'shrinking as the new one grows'}`,
    `capacity: ${capacity}; at most ${plan.peakExtraTasks} extra task${plan.peakExtraTasks === 1 ? '' : 's'} at the peak`,
    `estimated duration: ${formatDuration(plan.estimatedMs)}${plan.hasManualPause ? ' plus waiting for promotion' : ''} (bakes, plus about 1m per scale-up for tasks to start)`,
    ...(plan.gating ? [plan.gating] : [])
  ]
}

/** A fixed-width table for the log. */
export function planText(plan: Plan): string {
  const rows = [PLAN_HEADERS, ...planRows(plan)]
  const widths = PLAN_HEADERS.map((_, i) => Math.max(...rows.map(r => r[i].length)))
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

export function planHtml(plan: Plan): Html {
  const facts = planFacts(plan)
    .map(f => `<li>${escapeHtml(f)}</li>`)
    .join('')
  return new Html(`${table(PLAN_HEADERS, planRows(plan)).html}<ul>${facts}</ul>\n`)
}
