// The `metrics` input: custom metric gates as YAML, each a list of GetMetricData queries (metric math allowed,
// in the API's own shape so a query can be pasted from the AWS docs), a success and/or failure condition on
// the value they return, and Argo Rollouts' counting (interval, count, failure-limit, consecutive-error-limit,
// inconclusive-limit). Every problem is found before anything changes and names the metric and the field.

import { parse as parseYaml } from 'yaml'
import { InputError, parseDuration, show } from './parse.js'

/** Values a query may use, filled in when the rollout's resources are known. */
export const PLACEHOLDERS = [
  'new-target-group',
  'stable-target-group',
  'load-balancer',
  'service',
  'cluster',
  'task-set'
] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

export interface MetricQuery {
  id: string
  expression?: string
  metricStat?: {
    namespace: string
    metricName: string
    dimensions: { name: string; value: string }[]
    /** Seconds; metric-period when not given. */
    period?: number
    stat: string
    unit?: string
  }
  label?: string
  /** Seconds, for an expression. */
  period?: number
}

/** `result > 2 && result < 10 || result == 0`: comparisons joined by && inside ||. */
export type Condition = { op: '<' | '<=' | '>' | '>=' | '==' | '!='; value: number }[][]

/** How a measurement's value is taken from the returned series' datapoints in the window. */
export const REDUCES = ['average', 'last', 'max', 'min', 'sum'] as const
export type Reduce = (typeof REDUCES)[number]

export interface CustomMetric {
  name: string
  queries: MetricQuery[]
  /** The id of the query whose series is the metric. */
  returns: string
  successCondition?: Condition
  failureCondition?: Condition
  /** The text of the conditions, for the summary. */
  conditionText: { success?: string; failure?: string }
  /** ms between measurements; undefined: every poll. */
  intervalMs?: number
  /** Measurements after which the metric has passed and is no longer read; undefined: for the whole rollout. */
  count?: number
  failureLimit: number
  consecutiveErrorLimit: number
  inconclusiveLimit: number
  /** How far back each measurement looks, ms. */
  windowMs: number
  reduce: Reduce
}

/** GetMetricData's limit on queries per call; the built-in checks need up to 6 of them. */
export const MAX_QUERIES = 500
export const BUILT_IN_QUERIES = 6

const METRIC_KEYS = [
  'name',
  'queries',
  'success-condition',
  'failure-condition',
  'interval',
  'count',
  'failure-limit',
  'consecutive-error-limit',
  'inconclusive-limit',
  'window',
  'reduce'
]
const QUERY_KEYS = ['Id', 'Expression', 'MetricStat', 'Label', 'ReturnData', 'Period']
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const QUERY_ID = /^[a-z][A-Za-z0-9_]{0,254}$/

/** Parses and checks the metrics input; '' is none. Every problem found is reported, one per line. */
export function parseCustomMetrics(raw: string, periodMs: number): CustomMetric[] {
  if (raw.trim() === '') return []
  let doc: unknown
  try {
    doc = parseYaml(raw)
  } catch (error) {
    throw new InputError('metrics', `is not valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!Array.isArray(doc))
    throw new InputError('metrics', 'must be a YAML list of metrics, each with a name and queries')
  const problems: string[] = []
  const metrics: CustomMetric[] = []
  const names = new Set<string>()
  doc.forEach((item: unknown, i) => {
    const where =
      isRecord(item) && typeof item.name === 'string' ? `metric "${item.name}"` : `metric ${i + 1}`
    const fail = (field: string, message: string) => problems.push(`${where}: ${field}: ${message}`)
    const metric = parseMetric(item, periodMs, fail)
    if (!metric) return
    if (names.has(metric.name))
      fail('name', `${show(metric.name)} is used by another metric: names must differ`)
    names.add(metric.name)
    metrics.push(metric)
  })
  const queries = metrics.reduce((n, m) => n + m.queries.length, BUILT_IN_QUERIES)
  if (queries > MAX_QUERIES)
    problems.push(
      `${queries - BUILT_IN_QUERIES} queries in all: one GetMetricData call takes at most ${MAX_QUERIES}, ${BUILT_IN_QUERIES} of them the built-in checks'`
    )
  if (problems.length) throw new InputError('metrics', problems.join('\n  '))
  return metrics
}

type Fail = (field: string, message: string) => void

function parseMetric(item: unknown, periodMs: number, fail: Fail): CustomMetric | undefined {
  if (!isRecord(item)) {
    fail('', 'must be a mapping with name, queries and a success-condition or failure-condition')
    return undefined
  }
  for (const key of Object.keys(item))
    if (!METRIC_KEYS.includes(key))
      fail(key, `is not a field of a metric (allowed: ${METRIC_KEYS.join(', ')})`)
  const name = typeof item.name === 'string' ? item.name : ''
  if (!NAME.test(name))
    fail('name', `${show(String(item.name ?? ''))} must be 1–64 letters, digits, dots, dashes or underscores`)
  const queries = parseQueries(item.queries, fail)
  const text = (key: string): string | undefined =>
    item[key] === undefined || item[key] === null ? undefined : String(item[key])
  const success = text('success-condition')
  const failure = text('failure-condition')
  if (success === undefined && failure === undefined)
    fail('success-condition', 'or failure-condition is required: say what a good (or bad) value is')
  const condition = (key: string, value: string | undefined) => {
    if (value === undefined) return undefined
    try {
      return parseCondition(value)
    } catch (error) {
      fail(key, (error as Error).message)
      return undefined
    }
  }
  const count = (key: string, fallback: number | undefined, min: number): number | undefined => {
    const v = item[key]
    if (v === undefined || v === null) return fallback
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 1_000_000) {
      fail(key, `${show(String(v))} must be a whole number from ${min}`)
      return fallback
    }
    return v
  }
  const duration = (key: string, fallback: number | undefined): number | undefined => {
    if (item[key] === undefined || item[key] === null) return fallback
    try {
      return parseDuration(key, String(item[key]), { min: 1000, max: 86_400_000 })
    } catch (error) {
      fail(key, (error as InputError).message.slice(key.length + 2))
      return fallback
    }
  }
  const reduce = item.reduce === undefined ? 'average' : String(item.reduce)
  if (!(REDUCES as readonly string[]).includes(reduce))
    fail('reduce', `${show(reduce)} must be one of ${REDUCES.join(', ')}`)
  const returned = queries.filter(q => q.returns)
  if (queries.length && returned.length > 1)
    fail('queries', `${returned.length} queries have ReturnData: true; exactly one query is the metric`)
  return {
    name,
    queries: queries.map(q => q.query),
    returns: (returned[0] ?? queries[queries.length - 1])?.query.id ?? '',
    successCondition: condition('success-condition', success),
    failureCondition: condition('failure-condition', failure),
    conditionText: { success, failure },
    intervalMs: duration('interval', undefined),
    count: count('count', undefined, 1),
    failureLimit: count('failure-limit', 0, 0) ?? 0,
    consecutiveErrorLimit: count('consecutive-error-limit', 4, 0) ?? 4,
    inconclusiveLimit: count('inconclusive-limit', 0, 0) ?? 0,
    windowMs: duration('window', 5 * periodMs) ?? 5 * periodMs,
    reduce: reduce as Reduce
  }
}

function parseQueries(value: unknown, fail: Fail): { query: MetricQuery; returns: boolean }[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('queries', 'must be a list of GetMetricData queries (Id with Expression or MetricStat)')
    return []
  }
  const ids = new Set<string>()
  return value.flatMap((q: unknown, i) => {
    const field = (f: string) => `queries[${i}]${f ? `.${f}` : ''}`
    if (!isRecord(q)) {
      fail(field(''), 'must be a mapping with Id and Expression or MetricStat')
      return []
    }
    for (const key of Object.keys(q))
      if (!QUERY_KEYS.includes(key))
        fail(field(key), `is not a field of a query (allowed: ${QUERY_KEYS.join(', ')})`)
    const id = typeof q.Id === 'string' ? q.Id : ''
    if (!QUERY_ID.test(id))
      fail(
        field('Id'),
        `${show(String(q.Id ?? ''))} must start with a lowercase letter, then letters, digits or _`
      )
    if (ids.has(id)) fail(field('Id'), `${show(id)} is used twice in this metric`)
    ids.add(id)
    const has = (k: string) => q[k] !== undefined && q[k] !== null
    if (has('Expression') === has('MetricStat'))
      fail(field(''), 'needs exactly one of Expression and MetricStat')
    const period = has('Period') ? checkPeriod(q.Period, field('Period'), fail) : undefined
    for (const text of strings(q)) checkPlaceholders(text, field(''), fail)
    const query: MetricQuery = {
      id,
      expression: has('Expression') ? String(q.Expression) : undefined,
      metricStat: has('MetricStat') ? parseMetricStat(q.MetricStat, field('MetricStat'), fail) : undefined,
      label: has('Label') ? String(q.Label) : undefined,
      period
    }
    return [{ query, returns: q.ReturnData === true }]
  })
}

function parseMetricStat(v: unknown, field: string, fail: Fail): MetricQuery['metricStat'] {
  const stat = isRecord(v) ? v : {}
  const metric = isRecord(stat.Metric) ? stat.Metric : {}
  const text = (o: Record<string, unknown>, k: string, where: string): string => {
    if (typeof o[k] !== 'string' || o[k] === '') fail(`${field}.${where}`, 'is required (text)')
    return String(o[k] ?? '')
  }
  const dimensions = Array.isArray(metric.Dimensions) ? metric.Dimensions : []
  if (metric.Dimensions !== undefined && !Array.isArray(metric.Dimensions))
    fail(`${field}.Metric.Dimensions`, 'must be a list of Name and Value')
  if (dimensions.length > 30) fail(`${field}.Metric.Dimensions`, 'has more than 30 dimensions')
  return {
    namespace: text(metric, 'Namespace', 'Metric.Namespace'),
    metricName: text(metric, 'MetricName', 'Metric.MetricName'),
    dimensions: dimensions.map((d: unknown, j: number) => {
      const dim = isRecord(d) ? d : {}
      return {
        name: text(dim, 'Name', `Metric.Dimensions[${j}].Name`),
        value: text(dim, 'Value', `Metric.Dimensions[${j}].Value`)
      }
    }),
    stat: text(stat, 'Stat', 'Stat'),
    period: stat.Period === undefined ? undefined : checkPeriod(stat.Period, `${field}.Period`, fail),
    unit: typeof stat.Unit === 'string' ? stat.Unit : undefined
  }
}

function checkPeriod(v: unknown, field: string, fail: Fail): number | undefined {
  const ok =
    typeof v === 'number' && ([1, 5, 10, 30].includes(v) || (Number.isInteger(v) && v > 0 && v % 60 === 0))
  if (!ok) fail(field, `${show(String(v))} must be 1, 5, 10, 30 or a multiple of 60 (seconds)`)
  return ok ? (v as number) : undefined
}

/** Every {{…}} names a known placeholder. */
function checkPlaceholders(text: string, field: string, fail: Fail): void {
  for (const [, name] of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g))
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      fail(
        field || 'queries',
        `{{${name}}} is not a placeholder (known: ${PLACEHOLDERS.map(p => `{{${p}}}`).join(', ')})`
      )
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.flatMap(strings)
  if (isRecord(v)) return Object.values(v).flatMap(strings)
  return []
}

const COMPARISON = /^result\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i

/** `result > 2`, `result >= 1 && result < 5`, `result < 1 || result > 9`. */
export function parseCondition(text: string): Condition {
  const condition = text.split('||').map(any =>
    any.split('&&').map(part => {
      const m = COMPARISON.exec(part.trim())
      if (!m)
        throw new Error(
          `${show(part.trim())} is not a comparison: write result < 5, result >= 0.99, joined by && or ||`
        )
      return { op: m[1] as Condition[number][number]['op'], value: Number(m[2]) }
    })
  )
  return condition
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
