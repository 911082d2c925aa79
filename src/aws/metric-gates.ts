// The metric gates' read: every built-in check and custom metric in ONE GetMetricData call per poll (≤ 500
// queries; more pages only if CloudWatch cuts the datapoints), beside the alarms' one DescribeAlarms, both in
// flight at once. The built-in checks read the new and the stable revision's target groups on AWS/ApplicationELB
// (dimensions TargetGroup and LoadBalancer); custom queries get their {{placeholders}} filled in and their ids
// prefixed so that several metrics' ids cannot collide in the one call.

import type {
  CloudWatchClient,
  MetricDataQuery,
  MetricDataResult,
  StandardUnit
} from '@aws-sdk/client-cloudwatch'
import type { MetricGatesConfig, MetricQuery } from '../config/metric-inputs.js'
import { describeError } from '../errors.js'
import {
  customSeries,
  type BuiltInSeries,
  type GateReading,
  type GatesPort,
  type MetricSamples,
  type MetricSeries,
  type MetricWindow
} from '../engine/ports.js'
import type { AlarmGates } from './alarm-gates.js'
import { cloudWatchSdk } from './clients.js'
import type { MetricTargets } from './metric-targets.js'

export class MetricGates implements GatesPort {
  constructor(
    private readonly alarms: AlarmGates,
    private readonly o: {
      cloudwatch: CloudWatchClient
      config: MetricGatesConfig
      targets: MetricTargets
      /** The region the client calls, for console links. */
      region: () => Promise<string>
    }
  ) {}

  missing(): Promise<string[]> {
    return this.alarms.missing()
  }

  async read(window?: MetricWindow): Promise<GateReading> {
    const queries = window && metricQueries(this.o.config, this.o.targets, window)
    const [gates, metrics] = await Promise.all([
      this.alarms.read(),
      queries?.length ? this.readMetrics(queries, window!) : undefined
    ])
    return { ...gates, metrics }
  }

  /** One GetMetricData (and its pages); a failed read is every series' error, not a failed poll. */
  private async readMetrics(queries: Keyed[], window: MetricWindow): Promise<MetricSamples> {
    const results = new Map<string, MetricSeries>()
    const errors: Record<string, string> = {}
    const keyOf = new Map(queries.map(q => [q.query.Id!, q.key]))
    let NextToken: string | undefined
    try {
      do {
        const out = await this.o.cloudwatch.send(
          new (await cloudWatchSdk()).GetMetricDataCommand({
            MetricDataQueries: queries.map(q => q.query),
            StartTime: new Date(window.start),
            EndTime: new Date(window.end),
            ScanBy: 'TimestampAscending',
            NextToken
          })
        )
        for (const r of out.MetricDataResults ?? []) {
          const key = keyOf.get(r.Id ?? '')
          if (!key) continue
          const failed = queryError(r)
          if (failed) errors[key] = failed
          const series = results.get(key) ?? { timestamps: [], values: [] }
          ;(r.Timestamps ?? []).forEach((t, i) => {
            series.timestamps.push(t.getTime())
            series.values.push(r.Values?.[i] ?? NaN)
          })
          results.set(key, series)
        }
        NextToken = out.NextToken
      } while (NextToken)
    } catch (error) {
      return { series: {}, errors: { '*': describeError(error) } }
    }
    const region = await this.o.region()
    const series = Object.fromEntries([...results].map(([k, s]) => [k, ascending(s)]))
    return { series, errors, links: consoleLinks(queries, region) }
  }
}

/**
 * CloudWatch console links to each built-in series' graph, the new and the stable revision's lines together
 * (the console's URL state: `~(…)` objects, `'` before a string, its URL escapes written with `*` for `%`).
 */
export function consoleLinks(queries: Keyed[], region: string): Record<string, string> {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return {}
  const text = (v: string) =>
    `'${encodeURIComponent(v)
      .replace(/[!'()*~]/g, c => `%${c.charCodeAt(0).toString(16)}`)
      .replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => `*${hex.toLowerCase()}`)}`
  const line = (q: MetricDataQuery) => {
    const m = q.MetricStat!.Metric!
    const dims = (m.Dimensions ?? []).flatMap(d => [text(d.Name ?? ''), text(d.Value ?? '')])
    return `~(${[text(m.Namespace ?? ''), text(m.MetricName ?? ''), ...dims].join('~')})`
  }
  const links: Record<string, string> = {}
  for (const side of ['Requests', '5xx', 'P99']) {
    const lines = queries.filter(q => q.key === `new${side}` || q.key === `stable${side}`).map(q => q.query)
    if (!lines.length || !lines[0].MetricStat) continue
    const { Stat = 'Sum', Period = 60 } = lines[0].MetricStat
    const graph = `~(metrics~(${lines.map(line).join('')})~view~'timeSeries~stat~${text(Stat)}~period~${Period}~region~${text(region)})`
    links[`new${side}`] =
      `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#metricsV2:graph=${graph}`
  }
  return links
}

/** A query and the series key its result is filed under (only queries that return data have one). */
interface Keyed {
  query: MetricDataQuery
  key?: string
}

/** Every query of this poll: the built-in checks' (where they apply), then each custom metric's. */
export function metricQueries(
  config: MetricGatesConfig,
  targets: MetricTargets,
  window: MetricWindow
): Keyed[] {
  const period = config.periodMs / 1000
  const out: Keyed[] = []
  const { loadBalancer, newTargetGroup, stableTargetGroup } = targets
  if (config.builtIn.enabled && loadBalancer && newTargetGroup) {
    const elb = (key: BuiltInSeries, metric: string, targetGroup: string, stat: string): Keyed => ({
      key,
      query: {
        Id: key,
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/ApplicationELB',
            MetricName: metric,
            Dimensions: [
              { Name: 'TargetGroup', Value: targetGroup },
              { Name: 'LoadBalancer', Value: loadBalancer }
            ]
          },
          Period: period,
          Stat: stat
        }
      }
    })
    const sides: ['new' | 'stable', string][] = [['new', newTargetGroup]]
    if (stableTargetGroup && stableTargetGroup !== newTargetGroup) sides.push(['stable', stableTargetGroup])
    for (const [side, tg] of sides)
      out.push(
        elb(`${side}Requests`, 'RequestCount', tg, 'Sum'),
        elb(`${side}5xx`, 'HTTPCode_Target_5XX_Count', tg, 'Sum'),
        elb(`${side}P99`, 'TargetResponseTime', tg, 'p99')
      )
  }
  config.custom.forEach((metric, i) => {
    const prefix = `c${i}_`
    const fill = placeholders(targets, window)
    for (const q of metric.queries) {
      const returns = q.id === metric.returns
      out.push({
        key: returns ? customSeries(metric.name) : undefined,
        query: customQuery(q, prefix, fill, returns, period, metric.queries)
      })
    }
  })
  return out
}

function customQuery(
  q: MetricQuery,
  prefix: string,
  fill: (text: string) => string,
  returns: boolean,
  period: number,
  siblings: MetricQuery[]
): MetricDataQuery {
  const ids = new Set(siblings.map(s => s.id))
  const query: MetricDataQuery = { Id: prefix + q.id, ReturnData: returns, Label: q.label && fill(q.label) }
  if (q.expression !== undefined) {
    query.Expression = renameIds(fill(q.expression), ids, prefix)
    if (q.period !== undefined) query.Period = q.period
  }
  if (q.metricStat)
    query.MetricStat = {
      Metric: {
        Namespace: fill(q.metricStat.namespace),
        MetricName: fill(q.metricStat.metricName),
        Dimensions: q.metricStat.dimensions.map(d => ({ Name: fill(d.name), Value: fill(d.value) }))
      },
      Period: q.metricStat.period ?? period,
      Stat: q.metricStat.stat,
      Unit: q.metricStat.unit as StandardUnit | undefined
    }
  return query
}

/** The metric's own query ids in an expression, prefixed; quoted text ("…" in METRICS("…")) is left alone. */
export function renameIds(expression: string, ids: Set<string>, prefix: string): string {
  return expression
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/\b[a-z][A-Za-z0-9_]*\b/g, id => (ids.has(id) ? prefix + id : id))
    )
    .join('')
}

function placeholders(t: MetricTargets, window: MetricWindow): (text: string) => string {
  const values: Record<string, string | undefined> = {
    'new-target-group': t.newTargetGroup,
    'stable-target-group': t.stableTargetGroup ?? t.newTargetGroup,
    'load-balancer': t.loadBalancer,
    service: t.service,
    cluster: t.cluster,
    'task-set': window.taskSet
  }
  return text => text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, name: string) => values[name] ?? '')
}

function queryError(r: MetricDataResult): string | undefined {
  if (r.StatusCode !== 'InternalError' && r.StatusCode !== 'Forbidden') return undefined
  const said = (r.Messages ?? [])
    .map(m => m.Value)
    .filter(Boolean)
    .join('; ')
  return `${r.StatusCode}${said ? `: ${said}` : ''}`
}

/** Datapoints oldest first, whatever order the pages came in. */
function ascending(s: MetricSeries): MetricSeries {
  const order = s.timestamps.map((t, i) => [t, s.values[i]] as const).sort((a, b) => a[0] - b[0])
  return { timestamps: order.map(([t]) => t), values: order.map(([, v]) => v) }
}
