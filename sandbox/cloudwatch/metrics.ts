import type { World } from '../core/world.js'
import type { Datapoint, Dimension, Series } from './model.js'

/** CloudWatch keeps datapoints of periods under a minute for 3 hours; the sandbox stores no coarser rollups. */
export const METRIC_RETENTION_MS = 3 * 60 * 60 * 1000

export const seriesKey = (region: string, namespace: string, metricName: string, dimensions: Dimension[]) =>
  JSON.stringify([
    region,
    namespace,
    metricName,
    [...dimensions].sort((a, b) => a.Name.localeCompare(b.Name)).map(d => [d.Name, d.Value])
  ])

export function putPoint(
  world: World,
  region: string,
  namespace: string,
  metricName: string,
  dimensions: Dimension[],
  point: Datapoint,
  unit?: string
): void {
  const key = seriesKey(region, namespace, metricName, dimensions)
  let series = world.cw.series.get(key)
  if (!series) {
    series = { region, namespace, metricName, dimensions: [...dimensions], unit, points: [] }
    world.cw.series.set(key, series)
  }
  series.points.push(point)
  expire(series, point.t - world.settings.metricRetentionMs)
}

/** Drop a series' points older than `cutoff`; false when none is left. */
function expire(series: Series, cutoff: number): boolean {
  if (series.points.length > 0 && series.points[0].t < cutoff)
    series.points = series.points.filter(p => p.t >= cutoff)
  return series.points.length > 0
}

/**
 * Forget datapoints past retention, and series left with none: a deleted target group's series get no new
 * points, so only this sweep ever empties them.
 */
export function expireMetrics(world: World, now: number): void {
  const cutoff = now - world.settings.metricRetentionMs
  for (const [key, series] of world.cw.series) if (!expire(series, cutoff)) world.cw.series.delete(key)
}

/** A datapoint from raw values with counts (PutMetricData Values/Counts or a single Value). */
export function pointFromValues(t: number, values: { value: number; count: number }[]): Datapoint {
  let sampleCount = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (const { value, count } of values) {
    sampleCount += count
    sum += value * count
    min = Math.min(min, value)
    max = Math.max(max, value)
  }
  return { t, sampleCount, sum, min, max, values }
}

export function findSeries(
  world: World,
  region: string,
  namespace: string,
  metricName: string,
  dimensions: Dimension[]
): Series | undefined {
  return world.cw.series.get(seriesKey(region, namespace, metricName, dimensions))
}

/** Aggregate the points of [start, end) into one statistic value, or undefined when there are none. */
export function statistic(points: Datapoint[], stat: string): number | undefined {
  if (points.length === 0) return undefined
  const sampleCount = points.reduce((n, p) => n + p.sampleCount, 0)
  const sum = points.reduce((n, p) => n + p.sum, 0)
  switch (stat) {
    case 'SampleCount':
      return sampleCount
    case 'Sum':
      return sum
    case 'Average':
      return sampleCount > 0 ? sum / sampleCount : undefined
    case 'Minimum':
      return Math.min(...points.map(p => p.min))
    case 'Maximum':
      return Math.max(...points.map(p => p.max))
  }
  const percentile = PERCENTILE.exec(stat)
  if (percentile) return weightedPercentile(points, Number(percentile[1]))
  const trimmed = TRIMMED_MEAN.exec(stat) ?? TRIMMED_RANGE.exec(stat)
  if (trimmed)
    return trimmedMean(
      points,
      trimmed[2] === undefined ? 0 : Number(trimmed[1]),
      Number(trimmed[2] ?? trimmed[1])
    )
  return undefined
}

/** pNN, pNN.N (percentiles); tmNN (trimmed mean of the values up to pNN); TM(a%:b%) (between pa and pb). */
const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?|100)$/
const TRIMMED_MEAN = /^tm(\d{1,2}(?:\.\d+)?|100)$/i
const TRIMMED_RANGE = /^tm\((\d{1,2}(?:\.\d+)?|100)%:(\d{1,2}(?:\.\d+)?|100)%\)$/i

/** The raw values of the points, ascending, with their counts; undefined when a point was sent as statistics only. */
function sortedValues(points: Datapoint[]) {
  if (points.some(pt => !pt.values)) return undefined
  const values = points.flatMap(pt => pt.values!).sort((a, b) => a.value - b.value)
  const total = values.reduce((n, v) => n + v.count, 0)
  return total > 0 ? { values, total } : undefined
}

function weightedPercentile(points: Datapoint[], p: number): number | undefined {
  const sorted = sortedValues(points)
  if (!sorted) return undefined
  // Counts are fractions (a tick's requests spread over targets and bins): allow for rounding in their sum, so a
  // percentile that falls on a boundary between values does not slip to the next one.
  const rank = (p / 100) * sorted.total * (1 - 1e-9)
  let seen = 0
  for (const v of sorted.values) {
    seen += v.count
    if (seen >= rank) return v.value
  }
  return sorted.values[sorted.values.length - 1].value
}

/** The mean of the values between the `from` and `to` percentiles, a value's count split where a bound cuts it. */
function trimmedMean(points: Datapoint[], from: number, to: number): number | undefined {
  const sorted = sortedValues(points)
  if (!sorted || from >= to) return undefined
  const lo = (from / 100) * sorted.total
  const hi = (to / 100) * sorted.total
  let seen = 0
  let weight = 0
  let sum = 0
  for (const v of sorted.values) {
    const inside = Math.min(seen + v.count, hi) - Math.max(seen, lo)
    if (inside > 0) {
      weight += inside
      sum += inside * v.value
    }
    seen += v.count
  }
  return weight > 0 ? sum / weight : undefined
}

export function isSupportedStatistic(stat: string): boolean {
  const range = TRIMMED_RANGE.exec(stat)
  return (
    ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'].includes(stat) ||
    PERCENTILE.test(stat) ||
    TRIMMED_MEAN.test(stat) ||
    (range !== null && Number(range[1]) < Number(range[2]))
  )
}

/** Values per period bucket aligned to multiples of the period, for buckets in [start, end). */
export function bucketed(
  series: Series | undefined,
  start: number,
  end: number,
  periodMs: number,
  stat: string
): { t: number; value: number }[] {
  if (!series) return []
  const buckets = new Map<number, Datapoint[]>()
  for (const point of series.points) {
    if (point.t < start || point.t >= end) continue
    const bucket = Math.floor(point.t / periodMs) * periodMs
    const list = buckets.get(bucket) ?? []
    list.push(point)
    buckets.set(bucket, list)
  }
  const out: { t: number; value: number }[] = []
  for (const [t, points] of buckets) {
    const value = statistic(points, stat)
    if (value !== undefined) out.push({ t, value })
  }
  return out.sort((a, b) => a.t - b.t)
}
