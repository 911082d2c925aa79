// The new revision's p99 latency against the stable revision's, statistically: once a step has yielded enough
// periods on both sides, their per-period p99s go to the Mann-Whitney judge (canary-judge.ts, after Kayenta), which
// finds a shift that a ratio of two noisy averages misses (a revision 30 % slower is under the 50 % ratio limit).
// Shorter bakes keep the ratio and threshold checks, and the reading says why. The 5xx rate stays on those checks:
// an error rate that is 0 in most periods has no shift for a rank test to find (docs/canary-judge.md).

import { JUDGE_DEFAULTS, judgeCanary, judgedReadings } from './canary-judge.js'
import type { MetricReading } from './metric-readings.js'
import type { MetricSeries } from './ports.js'

/** The judge's reading for the p99 latency, or why the ratio and threshold checks judge it instead. */
export function statisticalP99(
  fresh: MetricSeries,
  stable: MetricSeries
): { reading: MetricReading } | { why: string } | undefined {
  const at = fresh.timestamps.filter(t => stable.timestamps.includes(t))
  if (at.length === 0) return undefined
  // In milliseconds for the judge's words ("median 52 ms vs 40 ms"); the reading goes back to seconds.
  const ms = (s: MetricSeries) => at.map(t => 1000 * s.values[s.timestamps.indexOf(t)])
  const result = judgeCanary(
    [{ name: 'p99-latency', direction: 'increase', canary: ms(fresh), baseline: ms(stable), unit: 'ms' }],
    JUDGE_DEFAULTS
  )
  const [reading] = judgedReadings(result)
  if (!reading) return { why: result.why }
  const seconds = (v: number | undefined) => (v === undefined ? undefined : v / 1000)
  return { reading: { ...reading, new: seconds(reading.new), stable: seconds(reading.stable), unit: 's' } }
}
