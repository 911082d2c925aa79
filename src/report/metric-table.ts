// The metric gates per step in the job summary: the requests each revision served in the step (what the
// request minimum counted) and each metric's last reading there, the new revision's value beside the stable's.

import type { MetricReading } from '../engine/events.js'
import { formatMetric } from '../engine/reasons.js'
import { Html, link, safe, table, type Cell } from './html.js'
import type { Progress } from './progress.js'

const ICONS: Record<MetricReading['verdict'], string> = {
  pass: '✅',
  fail: '⛔',
  inconclusive: '❔',
  nodata: '…'
}

/** '' when no step has metric readings (no metric gates, or the new revision never had traffic). */
export function metricTable(p: Progress): string {
  const rows: Cell[][] = []
  for (const [step, run] of [...p.steps].sort(([a], [b]) => a - b)) {
    const m = run.metrics
    if (!m) continue
    const stable =
      m.requests.stable === undefined ? '' : ` (stable ${formatMetric(m.requests.stable, 'requests')})`
    rows.push([
      step,
      `${Math.round(m.trafficPercent)}%`,
      `${formatMetric(m.requests.new, 'requests')}${stable}`,
      new Html(m.readings.map(r => reading(r).html).join('<br>'))
    ])
  }
  if (rows.length === 0) return ''
  return `<h3>Metric gates</h3>\n${table(['Step', 'Traffic', 'Requests to new', 'Last readings'], rows).html}`
}

function reading(r: MetricReading): Html {
  const stable = r.stable === undefined ? '' : ` vs stable ${formatMetric(r.stable, r.unit)}`
  const name = r.consoleUrl ? link(r.name, r.consoleUrl) : r.name
  return safe`${ICONS[r.verdict]} ${name}: ${formatMetric(r.new, r.unit)}${stable} (${r.judgement}) — ${r.detail}`
}
