import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { cwErrors } from '../core/errors.js'
import { list, optionalNumber, requireString } from '../core/validate.js'
import type { World } from '../core/world.js'
import { evaluateExpression, type SeriesPoints } from './expression.js'
import { bucketed, findSeries, isSupportedStatistic } from './metrics.js'
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
  expression?: string
}

/** Validate queries as GetMetricData and PutMetricAlarm (Metrics) do. */
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
      return { id, label: q.Label, returnData, periodMs: (period ?? 60) * 1000, expression: q.Expression }
    }
    throw cwErrors.missing(`MetricStat or Expression (query ${id})`)
  })
  const ids = new Set<string>()
  for (const q of checked) {
    if (ids.has(q.id)) throw cwErrors.invalidValue(`The Id ${q.id} is used more than once.`)
    ids.add(q.id)
  }
  return checked
}

/** Run the queries over [start, end); expressions may refer to any other query by id. */
export function runQueries(
  world: World,
  region: string,
  queries: CheckedQuery[],
  start: number,
  end: number
): Map<string, SeriesPoints> {
  const results = new Map<string, SeriesPoints>()
  const byId = new Map(queries.map(q => [q.id, q]))
  const resolving = new Set<string>()
  const resolve = (id: string): SeriesPoints | undefined => {
    const cached = results.get(id)
    if (cached) return cached
    const query = byId.get(id)
    if (!query) return undefined
    if (resolving.has(id)) throw cwErrors.invalidValue(`Expression ${id} refers to itself.`)
    resolving.add(id)
    let points: SeriesPoints
    if (query.metric) {
      const m = query.metric
      const series = findSeries(world, region, m.namespace, m.metricName, m.dimensions)
      points = new Map(bucketed(series, start, end, query.periodMs, m.stat).map(p => [p.t, p.value]))
    } else {
      try {
        points = evaluateExpression(query.expression!, resolve)
      } catch (e) {
        throw cwErrors.invalidValue(`Error in expression ${id}: ${(e as Error).message}`)
      }
    }
    resolving.delete(id)
    results.set(id, points)
    return points
  }
  for (const q of queries) resolve(q.id)
  return results
}
