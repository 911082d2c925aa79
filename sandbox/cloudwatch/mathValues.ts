import { MathError } from './mathSyntax.js'

/** Values by aligned timestamp (epoch ms); a timestamp without a value is missing data. */
export type SeriesPoints = Map<number, number>

export interface TimeSeries {
  label: string
  points: SeriesPoints
}

/** What a metric math (sub)expression yields: S, TS, TS[], a "string" or a bare word (REPEAT, LINEAR). */
export type MathValue =
  | { kind: 'S'; value: number }
  | { kind: 'TS'; series: TimeSeries }
  | { kind: 'TS[]'; list: TimeSeries[] }
  | { kind: 'string'; value: string }
  | { kind: 'word'; name: string }

export type Kind = MathValue['kind']

/** What evaluation needs besides the expression: other queries' results and the period grid. */
export interface MathContext {
  /** Another query's result; undefined when no query has that id. */
  lookup: (id: string) => MathValue | undefined
  /** Ids of the request's metric (MetricStat) queries, in request order, for METRICS(). */
  metricIds: string[]
  /** Every period start in the queried range, ascending: what FILL and TIME_SERIES fill in. */
  grid: number[]
  periodMs: number
}

export const scalar = (value: number): MathValue => ({ kind: 'S', value })
export const series = (points: SeriesPoints, label = ''): MathValue => ({
  kind: 'TS',
  series: { label, points }
})

/** Keep only finite results: CloudWatch drops a datapoint whose computation divides by zero. */
export function finite(points: SeriesPoints): SeriesPoints {
  for (const [t, v] of points) if (!Number.isFinite(v)) points.delete(t)
  return points
}

/** Apply f to each value of a series, dropping what is not finite. */
export function mapPoints(points: SeriesPoints, f: (v: number, t: number) => number): SeriesPoints {
  const out: SeriesPoints = new Map()
  for (const [t, v] of points) out.set(t, f(v, t))
  return finite(out)
}

/** All timestamps present in any of the series, ascending. */
export function unionTimes(list: SeriesPoints[]): number[] {
  const times = new Set<number>()
  for (const points of list) for (const t of points.keys()) times.add(t)
  return [...times].sort((a, b) => a - b)
}

/** Apply a per-series function to a TS or to each member of a TS[]. */
export function eachSeries(value: MathValue, fn: string, f: (s: TimeSeries) => SeriesPoints): MathValue {
  if (value.kind === 'TS') return series(f(value.series), value.series.label)
  if (value.kind === 'TS[]')
    return { kind: 'TS[]', list: value.list.map(s => ({ label: s.label, points: f(s) })) }
  throw new MathError(`${fn} takes a time series or an array of time series, not ${kindName(value.kind)}`)
}

export function kindName(kind: Kind): string {
  switch (kind) {
    case 'S':
      return 'a scalar'
    case 'TS':
      return 'a time series'
    case 'TS[]':
      return 'an array of time series'
    case 'string':
      return 'a string'
    case 'word':
      return 'a bare word'
  }
}
