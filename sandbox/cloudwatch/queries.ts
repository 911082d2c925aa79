import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { ApiError, cwErrors } from '../core/errors.js'
import { list, optionalNumber, requireString } from '../core/validate.js'
import type { World } from '../core/world.js'
import { evaluateMath } from './expression.js'
import { bucketed, findSeries, isSupportedStatistic } from './metrics.js'
import { MathError, parseMath, type MathNode } from './mathSyntax.js'
import { kindName, series, type MathContext, type MathValue, type SeriesPoints } from './mathValues.js'
import type { Dimension } from './model.js'

const ID = /^[a-z][a-zA-Z0-9_]*$/

export function dimensionsOf(value: unknown): Dimension[] {
  return list(value as Dimension[]).map(d => ({
    Name: requireString(d?.Name, 'Dimensions.member.N.Name', cwErrors.missing),
    Value: requireString(d?.Value, 'Dimensions.member.N.Value', cwErrors.missing)
  }))
}

export interface CheckedQuery {
  id: string
  label?: string
  returnData: boolean
  periodMs: number
  metric?: { namespace: string; metricName: string; dimensions: Dimension[]; stat: string }
  expression?: { text: string; node: MathNode }
  /** What the query yields: one time series, or (an expression over METRICS() or an array) several. */
  kind: 'TS' | 'TS[]'
}

/**
 * CloudWatch answers an expression it cannot evaluate with a ValidationError naming the query: ValidationException
 * in its JSON protocol, whose awsQueryError code (what the CLI and the query protocol show) is ValidationError.
 */
export const expressionError = (id: string, detail: string) =>
  new ApiError('ValidationException', `Error in expression ${id}: ${detail}.`, 400, 'ValidationError')

/**
 * Validate queries as GetMetricData and PutMetricAlarm (Metrics) do: ids, MetricStat or Expression, and every
 * expression parsed and evaluated once over empty series, so an id it names that does not exist, a function the
 * sandbox does not compute, a kind mismatch or a circular reference is refused before anything is stored.
 */
export function checkQueries(queries: MetricDataQuery[] | undefined): CheckedQuery[] {
  const checked = list(queries).map((q): CheckedQuery => {
    const id = requireString(q?.Id, 'MetricDataQueries.member.N.Id', cwErrors.missing)
    if (!ID.test(id))
      throw cwErrors.invalidValue(
        `The value ${id} for parameter Id is invalid: it must start with a lowercase letter.`
      )
    const returnData =
      q.ReturnData === undefined || (q.ReturnData as unknown) === '' || String(q.ReturnData) === 'true'
    if (q.MetricStat && q.Expression)
      throw cwErrors.invalidCombination(`Query ${id} can have MetricStat or Expression, not both.`)
    if (q.MetricStat) {
      const stat = requireString(q.MetricStat.Stat, 'MetricStat.Stat', cwErrors.missing)
      if (!isSupportedStatistic(stat))
        throw cwErrors.invalidValue(`The value ${stat} for parameter Stat is not supported.`)
      const period = optionalNumber(q.MetricStat.Period, 'Period', cwErrors.invalidValue)
      if (period === undefined || period < 1 || !Number.isInteger(period)) {
        throw cwErrors.invalidValue('The parameter MetricStat.Period must be a positive integer.')
      }
      const metric = q.MetricStat.Metric
      return {
        id,
        label: q.Label,
        returnData,
        periodMs: period * 1000,
        kind: 'TS',
        metric: {
          namespace: requireString(metric?.Namespace, 'MetricStat.Metric.Namespace', cwErrors.missing),
          metricName: requireString(metric?.MetricName, 'MetricStat.Metric.MetricName', cwErrors.missing),
          dimensions: dimensionsOf(metric?.Dimensions),
          stat
        }
      }
    }
    if (q.Expression) {
      const period = optionalNumber(q.Period, 'Period', cwErrors.invalidValue)
      let node: MathNode
      try {
        node = parseMath(q.Expression)
      } catch (e) {
        throw e instanceof MathError ? expressionError(id, e.message) : e
      }
      return {
        id,
        label: q.Label,
        returnData,
        periodMs: (period ?? 60) * 1000,
        kind: 'TS',
        expression: { text: q.Expression, node }
      }
    }
    throw cwErrors.missing(`MetricStat or Expression (query ${id})`)
  })
  const ids = new Set<string>()
  for (const q of checked) {
    if (ids.has(q.id)) throw cwErrors.invalidValue(`The Id ${q.id} is used more than once.`)
    ids.add(q.id)
  }
  const kinds = evaluateQueries(checked, () => new Map(), [])
  for (const q of checked) q.kind = kinds.get(q.id)!.kind === 'TS[]' ? 'TS[]' : 'TS'
  return checked
}

/** The period expressions are aligned on: the first metric query's, else the first expression's Period. */
export const queriesPeriodMs = (queries: CheckedQuery[]) =>
  (queries.find(q => q.metric) ?? queries[0])?.periodMs ?? 60_000

/** Every period start from the one holding `start` up to `end` (exclusive). */
export function periodGrid(start: number, end: number, periodMs: number): number[] {
  const grid: number[] = []
  for (let t = Math.floor(start / periodMs) * periodMs; t < end; t += periodMs) grid.push(t)
  return grid
}

/**
 * Evaluate every query: metric queries from `metricPoints`, expressions by metric math over the others (in any
 * order, as CloudWatch allows). An expression must come out as a time series or an array of them.
 */
function evaluateQueries(
  queries: CheckedQuery[],
  metricPoints: (query: CheckedQuery) => SeriesPoints,
  grid: number[]
): Map<string, MathValue> {
  const results = new Map<string, MathValue>()
  const byId = new Map(queries.map(q => [q.id, q]))
  const resolving = new Set<string>()
  const ctx: MathContext = {
    metricIds: queries.filter(q => q.metric).map(q => q.id),
    grid,
    periodMs: queriesPeriodMs(queries),
    lookup: id => {
      const cached = results.get(id)
      if (cached) return cached
      const query = byId.get(id)
      if (!query) return undefined
      if (resolving.has(id))
        throw new MathError(`${id} refers to itself through ${[...resolving].join(', ')}`)
      resolving.add(id)
      const value = query.metric
        ? series(metricPoints(query), query.label ?? query.metric.metricName)
        : evaluateExpression(query, ctx)
      resolving.delete(id)
      results.set(id, value)
      return value
    }
  }
  for (const q of queries) ctx.lookup(q.id)
  return results
}

function evaluateExpression(query: CheckedQuery, ctx: MathContext): MathValue {
  const { node } = query.expression!
  let value: MathValue
  try {
    value = evaluateMath(node, ctx)
  } catch (e) {
    if (e instanceof MathError) throw expressionError(query.id, e.message)
    throw e
  }
  if (value.kind !== 'TS' && value.kind !== 'TS[]') {
    throw expressionError(
      query.id,
      `the result must be a time series or an array of time series, not ${kindName(value.kind)}`
    )
  }
  if (value.kind === 'TS') return series(value.series.points, query.label ?? query.id)
  return value
}

/** Run the queries over [start, end) against the stored metrics. */
export function runQueries(
  world: World,
  region: string,
  queries: CheckedQuery[],
  start: number,
  end: number
): Map<string, MathValue> {
  const metricPoints = (query: CheckedQuery): SeriesPoints => {
    const m = query.metric!
    const found = findSeries(world, region, m.namespace, m.metricName, m.dimensions)
    return new Map(bucketed(found, start, end, query.periodMs, m.stat).map(p => [p.t, p.value]))
  }
  return evaluateQueries(queries, metricPoints, periodGrid(start, end, queriesPeriodMs(queries)))
}
