// Metric math as the CloudWatch reference describes it, table by table. Series are written as arrays over four
// (or five) one-minute periods, `null` for a missing datapoint, the way the reference writes `-`.
import { describe, expect, it } from '@jest/globals'
import { evaluateMath } from '../../sandbox/cloudwatch/expression.js'
import { MathError, parseMath } from '../../sandbox/cloudwatch/mathSyntax.js'
import type { MathContext, MathValue, SeriesPoints } from '../../sandbox/cloudwatch/mathValues.js'

const MINUTE = 60_000
type Row = (number | null)[]

const points = (row: Row): SeriesPoints =>
  new Map(row.flatMap((v, i) => (v === null ? [] : [[i * MINUTE, v] as [number, number]])))

/** Back from points to a row as long as the grid, for comparing with the reference's tables. */
const row = (p: SeriesPoints, length: number): Row =>
  Array.from({ length }, (_, i) => p.get(i * MINUTE) ?? null)

function run(expression: string, metrics: Record<string, Row>, length = 4): MathValue {
  const ctx: MathContext = {
    lookup: id =>
      metrics[id] ? { kind: 'TS', series: { label: id, points: points(metrics[id]) } } : undefined,
    metricIds: Object.keys(metrics),
    grid: Array.from({ length }, (_, i) => i * MINUTE),
    periodMs: MINUTE
  }
  return evaluateMath(parseMath(expression), ctx)
}

const ts = (expression: string, metrics: Record<string, Row>, length = 4): Row => {
  const value = run(expression, metrics, length)
  if (value.kind !== 'TS') throw new Error(`${expression} gave ${value.kind}`)
  return row(value.series.points, length)
}

const failure = (expression: string, metrics: Record<string, Row> = { m1: [1, 2, 3, 4] }) => {
  try {
    run(expression, metrics)
  } catch (e) {
    if (e instanceof MathError) return e.message
    throw e
  }
  return 'no error'
}

// The reference's comparison example: metric1 = [30, 20, 0, 0], metric2 = [20, -, 20, -].
const reference = { metric1: [30, 20, 0, 0], metric2: [20, null, 20, null] }

describe('metric math', () => {
  it.each<[string, Row]>([
    ['metric1 < metric2', [0, 0, 1, 0]],
    ['metric1 >= 30', [1, 0, 0, 0]],
    ['metric1 > 15 AND metric2 > 15', [1, 0, 0, 0]],
    ['metric1 > 15 && metric2 > 15', [1, 0, 0, 0]],
    ['metric1 > 25 OR metric2 > 15', [1, 0, 1, 0]],
    ['metric1 == 0 || metric2 != 0', [1, 0, 1, 1]],
    // Arithmetic between series treats a missing value as 0 ...
    ['metric1 + metric2', [50, 20, 20, 0]],
    ['metric1 - metric2', [10, 20, -20, 0]],
    // ... and drops a datapoint that divides by zero.
    ['metric2 / metric1', [20 / 30, 0, null, null]],
    ['100 * metric2 / metric1', [(100 * 20) / 30, 0, null, null]],
    ['metric1 / 10 + 1', [4, 3, 1, 1]],
    ['-metric1', [-30, -20, -0, -0]],
    ['2 ^ 3 ^ 2 * metric1 / metric1', [512, 512, null, null]],
    ['(metric1 + 10) * 2', [80, 60, 20, 20]],
    ['ABS(metric2 - metric1)', [10, 20, 20, 0]]
  ])('%s → %j', (expression, expected) => {
    const actual = ts(expression, reference)
    expected.forEach((v, i) => (v === null ? expect(actual[i]).toBeNull() : expect(actual[i]).toBeCloseTo(v)))
  })

  it.each<[string, Row]>([
    // The seed's alarms: totals and maxima across the blue and green target groups. A 5xx count is absent in a
    // minute without errors; the sum over both groups has a datapoint wherever either has one.
    ['SUM([blue5xx, green5xx])', [3, 7, 12, null]],
    ['MAX([blueLatency, greenLatency])', [0.2, 0.9, 0.3, null]],
    ['MIN([blueLatency, greenLatency])', [0.2, 0.9, 0.1, null]],
    ['AVG([blue5xx, green5xx])', [1.5, 3.5, 6, null]],
    ['SUM(METRICS("5xx"))', [3, 7, 12, null]],
    ['SUM(METRICS())', [3.2, 7.9, 12.4, null]],
    ['FILL(SUM([blue5xx, green5xx]), 0)', [3, 7, 12, 0]],
    ['SUM(FILL(METRICS("5xx"), 0))', [3, 7, 12, 0]],
    ['FILL(green5xx, REPEAT)', [null, 7, 5, 5]],
    ['FILL(blue5xx, LINEAR)', [3, 5, 7, null]],
    ['FILL(blue5xx, greenLatency)', [3, 0.9, 7, null]],
    ['DIFF(blue5xx)', [null, null, 4, null]],
    ['RATE(green5xx)', [null, null, -2 / 60, null]],
    ['blue5xx - AVG(blue5xx)', [-2, null, 2, null]],
    ['TIME_SERIES(SUM(blue5xx))', [10, 10, 10, 10]],
    ['green5xx / PERIOD(green5xx)', [null, 7 / 60, 5 / 60, null]],
    ['FIRST(METRICS("Latency")) * 1000', [200, null, 100, null]],
    ['blue5xx * 0 + METRIC_COUNT(METRICS())', [4, null, 4, null]],
    ['DATAPOINT_COUNT(METRICS())', [2, 2, 4, null]]
  ])('%s → %j', (expression, expected) => {
    const metrics = {
      blue5xx: [3, null, 7, null],
      green5xx: [null, 7, 5, null],
      blueLatency: [0.2, null, 0.1, null],
      greenLatency: [null, 0.9, 0.3, null]
    }
    const actual = ts(expression, metrics)
    expected.forEach((v, i) => (v === null ? expect(actual[i]).toBeNull() : expect(actual[i]).toBeCloseTo(v)))
  })

  // The reference's IF tables: metric1 = [1, 1, 0, 0, -], metric2 = [30, -, 0, 0, 30], metric3 = [0, 0, 20, -, 20].
  it.each<[string, Row]>([
    ['IF(metric1, metric2, metric3)', [30, 0, 20, null, null]],
    ['IF(metric1, 5, metric3)', [5, 5, 20, null, null]],
    ['IF(metric1, metric2, 5)', [30, 0, 5, 5, null]],
    ['IF(metric1, metric2)', [30, 0, null, null, null]],
    ['IF(metric2 < 10, 1, 0)', [0, null, 1, 1, 0]],
    ['IF(1, metric2, metric3)', [30, null, 0, 0, 30]],
    ['IF(0, metric2)', [null, null, null, null, null]]
  ])('%s → %j', (expression, expected) => {
    const metrics = {
      metric1: [1, 1, 0, 0, null],
      metric2: [30, null, 0, 0, 30],
      metric3: [0, 0, 20, null, 20]
    }
    expect(ts(expression, metrics, 5)).toEqual(expected)
  })

  it('gives arrays for METRICS() and arithmetic over them', () => {
    const value = run('METRICS()/100', { m1: [100, 200, null, null], m2: [null, 50, null, null] })
    expect(value.kind).toBe('TS[]')
    if (value.kind !== 'TS[]') return
    expect(value.list.map(s => [s.label, row(s.points, 4)])).toEqual([
      ['m1', [1, 2, null, null]],
      ['m2', [null, 0.5, null, null]]
    ])
    expect(run('SUM(m1)', { m1: [1, 2, null, 4] })).toEqual({ kind: 'S', value: 7 })
  })

  it.each<[string, string]>([
    [
      "SEARCH('{AWS/EC2,InstanceId} MetricName=\"CPUUtilization\"', 'Average')",
      'the function SEARCH is not supported by the sandbox'
    ],
    ['ANOMALY_DETECTION_BAND(m1)', 'the function ANOMALY_DETECTION_BAND is not supported by the sandbox'],
    ['SORT(METRICS(), AVG, DESC)', 'the function SORT is not supported by the sandbox'],
    ['FOO(m1)', 'unknown function FOO'],
    ['m1 + m9', 'unknown id m9'],
    ['sum(m1)', 'only functions written in capital letters can be called'],
    ['m1 m1', 'two expressions without an operator between them'],
    ['m1.value', 'unsupported syntax: member access (.)'],
    ['m1 > 0 ? 1 : 0', 'unsupported syntax: the ?: operator'],
    ['!m1', 'syntax error'],
    ['m1 % 2', 'syntax error'],
    ['SUM(m1, m1)', 'SUM takes 1 argument, not 2'],
    [
      'FILL(m1, NOPE)',
      "FILL's second argument is a scalar, a time series, REPEAT or LINEAR, not a bare word"
    ],
    ['[m1, m1] > 1', 'the operator > cannot combine an array of time series and a scalar'],
    ['[m1, 2]', 'an array holds time series, not a scalar'],
    ['METRICS(m1)', 'METRICS takes a string, not a time series'],
    ['TIME_SERIES(m1)', 'TIME_SERIES takes a scalar, not a time series'],
    ['IF(METRICS(), 1, 0)', "IF's condition is a scalar or a time series, not an array of time series"]
  ])('refuses %s (%s)', (expression, message) => {
    expect(failure(expression)).toContain(message)
  })
})
