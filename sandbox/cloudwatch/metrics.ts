import type { World } from '../core/world.js'
import type { Datapoint, Dimension, Series } from './model.js'

/** Datapoints older than this are dropped (the sandbox is for short runs; CloudWatch keeps far longer). */
const RETENTION_MS = 3 * 60 * 60 * 1000

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
  const cutoff = point.t - RETENTION_MS
  if (series.points.length > 0 && series.points[0].t < cutoff) {
    series.points = series.points.filter(p => p.t >= cutoff)
  }
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
  const percentile = /^p(\d+(?:\.\d+)?)$/.exec(stat)
  if (percentile) return weightedPercentile(points, Number(percentile[1]))
  return undefined
}

function weightedPercentile(points: Datapoint[], p: number): number | undefined {
  if (points.some(pt => !pt.values)) return undefined
  const values = points.flatMap(pt => pt.values!).sort((a, b) => a.value - b.value)
  const total = values.reduce((n, v) => n + v.count, 0)
  if (total === 0) return undefined
  const rank = (p / 100) * total
  let seen = 0
  for (const v of values) {
    seen += v.count
    if (seen >= rank) return v.value
  }
  return values[values.length - 1].value
}

export const isSupportedStatistic = (stat: string) =>
  ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'].includes(stat) ||
  /^p(\d{1,2}(\.\d+)?|100)$/.test(stat)

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
