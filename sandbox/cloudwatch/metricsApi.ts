import type {
  GetMetricDataInput,
  GetMetricDataOutput,
  ListMetricsInput,
  ListMetricsOutput,
  MetricDataResult,
  PutMetricDataInput
} from '@aws-sdk/client-cloudwatch'
import { cwErrors } from '../core/errors.js'
import { list, optionalNumber, requireString, toDate } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { pointFromValues, putPoint } from './metrics.js'
import { checkQueries, dimensionsOf, runQueries } from './queries.js'

const num = (value: unknown, name: string) => optionalNumber(value, name, cwErrors.invalidValue)

export function putMetricData(ctx: Ctx, input: PutMetricDataInput): object {
  const namespace = requireString(input.Namespace, 'Namespace', cwErrors.missing)
  if (namespace.startsWith('AWS/'))
    throw cwErrors.invalidValue(`The value ${namespace} for parameter Namespace is invalid.`)
  const data = list(input.MetricData)
  if (data.length === 0) throw cwErrors.missing('MetricData')
  if (data.length > 1000) throw cwErrors.invalidValue('MetricData can have at most 1000 items.')
  for (const datum of data) {
    const name = requireString(datum.MetricName, 'MetricData.member.N.MetricName', cwErrors.missing)
    const dims = dimensionsOf(datum.Dimensions)
    if (dims.length > 30) throw cwErrors.invalidValue('A metric can have at most 30 dimensions.')
    const t = (toDate(datum.Timestamp, 'Timestamp', cwErrors.invalidValue) ?? new Date(ctx.now)).getTime()
    const stats = datum.StatisticValues
    let point
    if (stats) {
      const sampleCount = num(stats.SampleCount, 'SampleCount') ?? 0
      point = {
        t,
        sampleCount,
        sum: num(stats.Sum, 'Sum') ?? 0,
        min: num(stats.Minimum, 'Minimum') ?? 0,
        max: num(stats.Maximum, 'Maximum') ?? 0
      }
    } else if (list(datum.Values).length) {
      const counts = list(datum.Counts).map(c => num(c, 'Counts') ?? 1)
      const values = list(datum.Values).map((v, i) => ({
        value: num(v, 'Values') ?? 0,
        count: counts[i] ?? 1
      }))
      point = pointFromValues(t, values)
    } else {
      const value = num(datum.Value, 'Value')
      if (value === undefined) throw cwErrors.missing('MetricData.member.N.Value')
      point = pointFromValues(t, [{ value, count: 1 }])
    }
    putPoint(ctx.world, ctx.region, namespace, name, dims, point, datum.Unit)
  }
  return {}
}

export function getMetricData(ctx: Ctx, input: GetMetricDataInput): GetMetricDataOutput {
  const queries = checkQueries(input.MetricDataQueries)
  if (queries.length === 0) throw cwErrors.missing('MetricDataQueries')
  if (queries.length > 500) throw cwErrors.invalidValue('MetricDataQueries can have at most 500 items.')
  const start = toDate(input.StartTime, 'StartTime', cwErrors.invalidValue)
  const end = toDate(input.EndTime, 'EndTime', cwErrors.invalidValue)
  if (!start) throw cwErrors.missing('StartTime')
  if (!end) throw cwErrors.missing('EndTime')
  if (+start >= +end)
    throw cwErrors.invalidValue('The parameter StartTime must be less than the parameter EndTime.')
  const max = num(input.MaxDatapoints, 'MaxDatapoints') ?? DEFAULT_MAX_DATAPOINTS
  if (!Number.isInteger(max) || max < 1)
    throw cwErrors.invalidValue('The parameter MaxDatapoints must be a positive integer.')
  const skip = input.NextToken ? readToken(input.NextToken) : 0
  const results = runQueries(ctx.world, ctx.region, queries, +start, +end)
  const ascending = input.ScanBy === 'TimestampAscending'
  const series = queries
    .filter(q => q.returnData)
    .flatMap(q => {
      const value = results.get(q.id)!
      const list = value.kind === 'TS' ? [value.series] : value.kind === 'TS[]' ? value.list : []
      return list.map(s => ({
        id: q.id,
        // An array's members are labelled "<expression label> <metric label>", as in the console's legend.
        label: value.kind === 'TS[]' ? [q.label, s.label].filter(Boolean).join(' ') : s.label,
        points: [...s.points].sort((a, b) => (ascending ? a[0] - b[0] : b[0] - a[0]))
      }))
    })
  // Pages hold at most MaxDatapoints datapoints over all results, in result order; a result cut by the page
  // end is PartialData and goes on in the next page, whose NextToken says how many datapoints were sent.
  let offset = 0
  const out: MetricDataResult[] = series.map(s => {
    const from = Math.min(Math.max(skip - offset, 0), s.points.length)
    const to = Math.min(Math.max(skip + max - offset, 0), s.points.length)
    offset += s.points.length
    const page = s.points.slice(from, to)
    return {
      Id: s.id,
      Label: s.label,
      Timestamps: page.map(([t]) => new Date(t)),
      Values: page.map(([, v]) => v),
      StatusCode: to < s.points.length ? 'PartialData' : 'Complete',
      Messages: []
    }
  })
  const sent = skip + max
  return {
    MetricDataResults: out,
    NextToken: sent < offset ? Buffer.from(JSON.stringify({ sent })).toString('base64url') : undefined,
    Messages: []
  }
}

/** GetMetricData's default MaxDatapoints (API reference). */
const DEFAULT_MAX_DATAPOINTS = 100_800

function readToken(token: string): number {
  try {
    const { sent } = JSON.parse(Buffer.from(token, 'base64url').toString()) as { sent?: unknown }
    if (Number.isInteger(sent) && (sent as number) > 0) return sent as number
  } catch {
    // fall through to the error CloudWatch gives for a token it did not issue
  }
  throw cwErrors.invalidNextToken()
}

export function listMetrics(ctx: Ctx, input: ListMetricsInput): ListMetricsOutput {
  const filters = list(input.Dimensions)
  const metrics = [...ctx.world.cw.series.values()]
    .filter(s => s.region === ctx.region)
    .filter(s => !input.Namespace || s.namespace === input.Namespace)
    .filter(s => !input.MetricName || s.metricName === input.MetricName)
    .filter(s =>
      filters.every(f =>
        s.dimensions.some(d => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))
      )
    )
    .map(s => ({ Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions }))
  return { Metrics: metrics }
}
