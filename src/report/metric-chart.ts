// Mermaid charts of a rollout's metric readings, for the job summary (GitHub renders ```mermaid blocks there):
// the share of traffic on the new revision over time, and each key metric for the new revision (bars) against the
// stable one (line). xychart-beta has one y-axis and no legend, hence one chart per unit and bars versus a line
// instead of two lines. Every label from outside goes through mermaidLabel: a chart sits in a code fence outside
// the summary's HTML, where escaping does not apply and a quote, a bracket or a backtick would break the chart or
// the fence.

import type { MetricsEvent } from '../engine/events.js'
import { oneLine, timeOfDay } from './text.js'

/** Points per chart: more than a chart's width shows, so longer rollouts are thinned evenly. */
const MAX_POINTS = 40
/** Charts of metrics besides the traffic chart. */
const MAX_METRIC_CHARTS = 3
const LABEL_WIDTH = 60

export interface ChartLabels {
  /** The new revision, e.g. "web:42". */
  fresh: string
  /** The stable revision, e.g. "web:41". */
  stable: string
}

/** The charts' Mermaid sources (without fences): traffic first, then up to three key metrics. */
export function metricCharts(events: readonly MetricsEvent[], labels: ChartLabels): string[] {
  if (events.length === 0) return []
  const polls = thin(events)
  const traffic = chart(
    `Traffic on ${labels.fresh} (%)`,
    polls.map(e => e.at),
    '%',
    [{ kind: 'line', values: polls.map(e => e.trafficPercent) }],
    '0 --> 100'
  )
  return [traffic, ...keyMetrics(events).map(name => metricChart(events, name, labels))]
}

/**
 * The metrics worth a chart: those that ever failed or were inconclusive first (the chart shows what went wrong),
 * then the rest in the order the gates report them, each with a value for the new revision.
 */
function keyMetrics(events: readonly MetricsEvent[]): string[] {
  const readings = events.flatMap(e => e.readings).filter(r => finite(r.new))
  const names = [...new Set(readings.map(r => r.name))]
  const troubled = new Set(
    readings.filter(r => r.verdict === 'fail' || r.verdict === 'inconclusive').map(r => r.name)
  )
  return [...names.filter(n => troubled.has(n)), ...names.filter(n => !troubled.has(n))].slice(
    0,
    MAX_METRIC_CHARTS
  )
}

function metricChart(events: readonly MetricsEvent[], name: string, labels: ChartLabels): string {
  const points = events.flatMap(e => {
    const r = e.readings.find(x => x.name === name)
    return r && finite(r.new) ? [{ at: e.at, reading: r }] : []
  })
  // The stable line only where every point has one: a series cannot skip a point.
  const withStable = points.every(p => finite(p.reading.stable))
  const shown = thin(points)
  const unit = shown.find(p => p.reading.unit)?.reading.unit ?? ''
  const series: Series[] = [{ kind: 'bar', values: shown.map(p => p.reading.new as number) }]
  if (withStable) series.push({ kind: 'line', values: shown.map(p => p.reading.stable as number) })
  const key = withStable ? `${labels.fresh} bars, ${labels.stable} line` : `${labels.fresh} bars`
  return chart(
    `${name}${unit ? ` (${unit})` : ''}: ${key}`,
    shown.map(p => p.at),
    unit || name,
    series
  )
}

interface Series {
  kind: 'bar' | 'line'
  values: number[]
}

function chart(title: string, times: number[], yTitle: string, series: Series[], range = ''): string {
  const xs = times.map(t => `"${timeOfDay(t).slice(0, 5)}"`).join(', ')
  return [
    'xychart-beta',
    `  title "${mermaidLabel(title)}"`,
    `  x-axis "time (UTC)" [${xs}]`,
    `  y-axis "${mermaidLabel(yTitle)}"${range ? ` ${range}` : ''}`,
    ...series.map(s => `  ${s.kind} [${s.values.map(plain).join(', ')}]`)
  ].join('\n')
}

/**
 * Text that stays text inside a quoted Mermaid label and inside a code fence: letters, digits, spaces and
 * `. , : / + - ( ) %` only (no quote, bracket, brace, backtick, `#`, `;` or line break), at most one `%` in a row
 * (`%%` starts a Mermaid comment), and short.
 */
export function mermaidLabel(text: string): string {
  const kept = oneLine(text)
    .replace(/[^\p{L}\p{N} .,:/+\-()%]/gu, ' ')
    .replace(/%+/g, '%')
    .replace(/\s+/g, ' ')
    .trim()
  return kept.length > LABEL_WIDTH ? `${kept.slice(0, LABEL_WIDTH - 1).trimEnd()}…` : kept
}

/**
 * A number as Mermaid reads it: decimal notation, never an exponent (toFixed gives none below 1e21; beyond 1e15
 * a value is clamped, no metric reaches it), about four significant digits.
 */
function plain(value: number): string {
  const v = Math.max(-1e15, Math.min(1e15, value))
  if (v === 0) return '0'
  const digits = Math.min(20, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v)))))
  const fixed = v.toFixed(digits)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

function finite(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v)
}

/** At most MAX_POINTS, evenly spread, the first and the last always among them. */
function thin<T>(items: readonly T[]): T[] {
  if (items.length <= MAX_POINTS) return [...items]
  return Array.from(
    { length: MAX_POINTS },
    (_, i) => items[Math.round((i * (items.length - 1)) / (MAX_POINTS - 1))]
  )
}
