import { MathError } from './mathSyntax.js'
import {
  eachSeries,
  kindName,
  mapPoints,
  scalar,
  series,
  unionTimes,
  type MathContext,
  type MathValue,
  type SeriesPoints,
  type TimeSeries
} from './mathValues.js'

/**
 * The functions of the CloudWatch metric math reference that alarms over load balancer and ECS metrics use.
 * Each checks its arguments' kinds and throws a MathError naming what it takes, so an expression evaluated over
 * empty series at PutMetricAlarm/GetMetricData is validated by the same code that later computes it.
 */
type MathFunction = (args: MathValue[], ctx: MathContext) => MathValue

/** Functions of the reference the sandbox does not compute: refused by name rather than as unknown. */
const NOT_SIMULATED = [
  'ANOMALY_DETECTION_BAND',
  'DIFF_TIME',
  'INSIGHT_RULE_METRIC',
  'LAMBDA',
  'MINUTE',
  'HOUR',
  'DAY',
  'DATE',
  'MONTH',
  'YEAR',
  'EPOCH',
  'REMOVE_EMPTY',
  'RUNNING_SUM',
  'SEARCH',
  'SERVICE_QUOTA',
  'SLICE',
  'SORT'
]

function arity(fn: string, args: MathValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const wanted = min === max ? `${min}` : `${min} to ${max}`
    throw new MathError(`${fn} takes ${wanted} argument${max === 1 ? '' : 's'}, not ${args.length}`)
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const mean = (values: number[]) => (values.length ? sum(values) / values.length : NaN)
const stddev = (values: number[]) => {
  const m = mean(values)
  return Math.sqrt(mean(values.map(v => (v - m) ** 2)))
}

/**
 * SUM, AVG, MIN, MAX, STDDEV: of one series, a scalar over its datapoints; of an array, one series over every
 * timestamp any member has. SUM and AVG count a member's missing value as 0 (the reference says so for AVG, and
 * of arithmetic generally); MIN, MAX and STDDEV take only the values present.
 */
function aggregate(fn: string, f: (values: number[]) => number, missingAsZero: boolean): MathFunction {
  return args => {
    arity(fn, args, 1)
    const [arg] = args
    if (arg.kind === 'TS') return scalar(f([...arg.series.points.values()]))
    if (arg.kind !== 'TS[]')
      throw new MathError(`${fn} takes a time series or an array of time series, not ${kindName(arg.kind)}`)
    const out: SeriesPoints = new Map()
    for (const t of unionTimes(arg.list.map(s => s.points))) {
      const values = arg.list
        .map(s => s.points.get(t) ?? (missingAsZero ? 0 : undefined))
        .filter((v): v is number => v !== undefined)
      out.set(t, f(values))
    }
    return series(mapPoints(out, v => v))
  }
}

const pointwise =
  (fn: string, f: (v: number) => number): MathFunction =>
  args => {
    arity(fn, args, 1)
    return eachSeries(args[0], fn, s => mapPoints(s.points, f))
  }

/** DIFF and RATE: each value against the previous datapoint of the same series; the first has none. */
const stepwise =
  (fn: string, f: (dv: number, dtSeconds: number) => number): MathFunction =>
  args => {
    arity(fn, args, 1)
    return eachSeries(args[0], fn, s => {
      const out: SeriesPoints = new Map()
      let previous: [number, number] | undefined
      for (const t of [...s.points.keys()].sort((a, b) => a - b)) {
        const v = s.points.get(t)!
        if (previous) out.set(t, f(v - previous[1], (t - previous[0]) / 1000))
        previous = [t, v]
      }
      return mapPoints(out, v => v)
    })
  }

/** FILL(TS|TS[], S | TS | REPEAT | LINEAR): give every period of the range a value. */
function fill(args: MathValue[], ctx: MathContext): MathValue {
  arity('FILL', args, 2)
  const [target, filler] = args
  let valueAt: (s: TimeSeries, t: number) => number | undefined
  if (filler.kind === 'S') valueAt = () => filler.value
  else if (filler.kind === 'TS') valueAt = (_s, t) => filler.series.points.get(t)
  else if (filler.kind === 'word' && (filler.name === 'REPEAT' || filler.name === 'LINEAR')) {
    valueAt = filler.name === 'REPEAT' ? repeatFrom : linearFrom
  } else {
    throw new MathError(
      `FILL's second argument is a scalar, a time series, REPEAT or LINEAR, not ${kindName(filler.kind)}`
    )
  }
  return eachSeries(target, 'FILL', s => {
    const out: SeriesPoints = new Map()
    for (const t of new Set([...ctx.grid, ...s.points.keys()])) {
      const value = s.points.get(t) ?? valueAt(s, t)
      if (value !== undefined) out.set(t, value)
    }
    return new Map([...out].sort((a, b) => a[0] - b[0]))
  })
}

/** REPEAT: the latest value before the gap; a gap at the start stays empty. */
function repeatFrom(s: TimeSeries, t: number): number | undefined {
  const before = [...s.points.keys()].filter(k => k < t)
  return before.length ? s.points.get(Math.max(...before)) : undefined
}

/** LINEAR: interpolate between the values either side of the gap; a gap at either end stays empty. */
function linearFrom(s: TimeSeries, t: number): number | undefined {
  const times = [...s.points.keys()]
  const before = times.filter(k => k < t)
  const after = times.filter(k => k > t)
  if (!before.length || !after.length) return undefined
  const t0 = Math.max(...before)
  const t1 = Math.min(...after)
  const v0 = s.points.get(t0)!
  return v0 + ((s.points.get(t1)! - v0) * (t - t0)) / (t1 - t0)
}

/** METRICS() and METRICS("text"): the request's metric queries (not expressions), optionally by id substring. */
function metrics(args: MathValue[], ctx: MathContext): MathValue {
  arity('METRICS', args, 0, 1)
  const filter = args[0]
  if (filter && filter.kind !== 'string')
    throw new MathError(`METRICS takes a string, not ${kindName(filter.kind)}`)
  const list = ctx.metricIds
    .filter(id => !filter || id.includes(filter.value))
    .map(id => ctx.lookup(id))
    .filter((v): v is Extract<MathValue, { kind: 'TS' }> => v?.kind === 'TS')
    .map(v => v.series)
  return { kind: 'TS[]', list }
}

function timeSeries(args: MathValue[], ctx: MathContext): MathValue {
  arity('TIME_SERIES', args, 1)
  const [value] = args
  if (value.kind !== 'S') throw new MathError(`TIME_SERIES takes a scalar, not ${kindName(value.kind)}`)
  return series(new Map(ctx.grid.map(t => [t, value.value])))
}

function period(args: MathValue[], ctx: MathContext): MathValue {
  arity('PERIOD', args, 1)
  if (args[0].kind !== 'TS') throw new MathError(`PERIOD takes a time series, not ${kindName(args[0].kind)}`)
  return scalar(ctx.periodMs / 1000)
}

function metricCount(args: MathValue[]): MathValue {
  arity('METRIC_COUNT', args, 1)
  const [arg] = args
  if (arg.kind !== 'TS[]')
    throw new MathError(`METRIC_COUNT takes an array of time series, not ${kindName(arg.kind)}`)
  return scalar(arg.list.length)
}

const pick =
  (fn: string, last: boolean): MathFunction =>
  args => {
    arity(fn, args, 1)
    const [arg] = args
    if (arg.kind !== 'TS[]')
      throw new MathError(`${fn} takes an array of time series, not ${kindName(arg.kind)}`)
    const chosen = last ? arg.list[arg.list.length - 1] : arg.list[0]
    return chosen ? { kind: 'TS', series: chosen } : series(new Map())
  }

const FUNCTIONS: Record<string, MathFunction> = {
  SUM: aggregate('SUM', sum, true),
  AVG: aggregate('AVG', mean, true),
  MIN: aggregate('MIN', values => Math.min(...values), false),
  MAX: aggregate('MAX', values => Math.max(...values), false),
  STDDEV: aggregate('STDDEV', stddev, false),
  ABS: pointwise('ABS', Math.abs),
  CEIL: pointwise('CEIL', Math.ceil),
  FLOOR: pointwise('FLOOR', Math.floor),
  LOG: pointwise('LOG', Math.log),
  LOG10: pointwise('LOG10', Math.log10),
  DIFF: stepwise('DIFF', dv => dv),
  RATE: stepwise('RATE', (dv, dt) => dv / dt),
  FILL: fill,
  METRICS: metrics,
  TIME_SERIES: timeSeries,
  PERIOD: period,
  DATAPOINT_COUNT: aggregate('DATAPOINT_COUNT', values => values.length, false),
  METRIC_COUNT: metricCount,
  FIRST: pick('FIRST', false),
  LAST: pick('LAST', true)
}

/** The function IF is not here: it needs its arguments point by point (see expression.ts). */
export function callFunction(fn: string, args: MathValue[], ctx: MathContext): MathValue {
  const f = FUNCTIONS[fn]
  if (f) return f(args, ctx)
  if (NOT_SIMULATED.includes(fn)) throw new MathError(`the function ${fn} is not supported by the sandbox`)
  throw new MathError(`unknown function ${fn}`)
}
