// The job summary's "Metrics" section: per step, what the metric gates read at the step's last poll (each metric
// for the new and the stable revision, its verdict, how it was judged and why, linked to CloudWatch) and the
// requests each revision served, then charts of traffic and the key metrics over the rollout.
//
// The charts are Mermaid code fences, which GitHub renders only as Markdown: the section closes the summary's HTML
// block with a blank line, puts each fence between blank lines, and the next section's HTML opens a new block.
// Nothing from outside reaches a fence but through mermaidLabel (metric-chart.ts), and numbers.

import type { MetricReading, MetricsEvent } from '../engine/events.js'
import { formatMetric } from '../engine/reasons.js'
import type { Plan } from '../plan/types.js'
import { isConsoleUrl } from './console-links.js'
import { type Cell, code, link, safe, table } from './html.js'
import { metricCharts } from './metric-chart.js'
import { andMore, oneLine, timeOfDay } from './text.js'

/** The latest steps get a table; a 100-step rollout's first steps say little the last ones don't. */
const MAX_STEPS = 10
const MAX_READINGS = 25
const DETAIL_WIDTH = 300
const NAME_WIDTH = 100

export interface MetricsContext {
  plan: Plan
  region: string
  /** The new and the stable revision's labels, e.g. "web:42" and "web:41". */
  fresh: string
  stable: string
}

const VERDICT: Record<MetricReading['verdict'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  inconclusive: '⚠️ inconclusive',
  nodata: '➖ no data'
}

const JUDGEMENT: Record<MetricReading['judgement'], string> = {
  threshold: 'threshold',
  ratio: 'against stable',
  'mann-whitney': 'Mann-Whitney'
}

/** The section, or '' when no metric gate ran. */
export function metricsSection(events: readonly MetricsEvent[], ctx: MetricsContext): string {
  if (events.length === 0) return ''
  const lastOfStep = new Map<number, MetricsEvent>()
  for (const e of events) lastOfStep.set(e.step, e)
  const steps = [...lastOfStep.values()]
  const shown = steps.slice(-MAX_STEPS)
  const intro = safe`<p>What the metric gates read at each step's last poll: ${ctx.fresh} (new) against ${ctx.stable} (stable). <em>Threshold</em> is an absolute limit, <em>against stable</em> a difference or ratio to the stable revision, <em>Mann-Whitney</em> a statistical comparison of the two revisions' samples, used when the bake yields enough of them. Metric names link to CloudWatch.</p>\n`
  const earlier =
    steps.length > shown.length
      ? safe`<p>${andMore(steps.length - shown.length, 'earlier steps')}.</p>\n`.html
      : ''
  const tables = shown.map(e => stepTable(e, ctx)).join('')
  const charts = metricCharts(events, { fresh: ctx.fresh, stable: ctx.stable })
  const fences = charts.map(c => `\`\`\`mermaid\n${c}\n\`\`\`\n\n`).join('')
  const caption = safe`<p>Traffic on ${ctx.fresh} over the rollout, and the key metrics: ${ctx.fresh} as bars, ${ctx.stable} as a line.</p>\n`
  // The blank line ends the HTML block so that the fences are read as Markdown.
  return `<h3>Metrics</h3>\n${intro.html}${earlier}${tables}${caption.html}\n${fences}`
}

function stepTable(e: MetricsEvent, ctx: MetricsContext): string {
  const stableServed =
    e.requests.stable === undefined ? '' : `, ${formatMetric(e.requests.stable, 'requests')} on ${ctx.stable}`
  // One target group for both revisions (traffic by replicas): its requests are theirs together.
  const servedBy = e.readings.some(r => r.shared) ? `${ctx.fresh} and ${ctx.stable} together` : ctx.fresh
  const heading = safe`<h4>${stageName(ctx.plan, e.step)}: ${Math.round(e.trafficPercent)}% of traffic; ${formatMetric(e.requests.new, 'requests')} on ${servedBy}${stableServed} in the window read at ${timeOfDay(e.at)}</h4>\n`
  const rows = e.readings
    .slice(0, MAX_READINGS)
    .map((r): Cell[] => [
      metricName(r, ctx.region),
      formatMetric(r.new, r.unit),
      r.stable === undefined ? '' : formatMetric(r.stable, r.unit),
      VERDICT[r.verdict],
      JUDGEMENT[r.judgement],
      oneLine(r.detail, DETAIL_WIDTH)
    ])
  if (e.readings.length > MAX_READINGS)
    rows.push([andMore(e.readings.length - MAX_READINGS, 'metrics'), '', '', '', '', ''])
  const headers = ['Metric', `${ctx.fresh} (new)`, `${ctx.stable} (stable)`, 'Verdict', 'Judged by', 'Why']
  return heading.html + table(headers, rows).html
}

function metricName(r: MetricReading, region: string): Cell {
  const name = oneLine(r.name, NAME_WIDTH)
  return r.consoleUrl && isConsoleUrl(r.consoleUrl, region) ? link(name, r.consoleUrl) : code(name)
}

/** "Step 2 of 4 (25%)"; metrics read after the last step belong to the final stage. */
function stageName(plan: Plan, step: number): string {
  const label = plan.steps[step - 1]?.label
  if (label !== undefined) return `Step ${step} of ${plan.steps.length} (${label})`
  return step > plan.steps.length ? 'Final stage' : `Step ${step}`
}
