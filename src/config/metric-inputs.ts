// The metric gates' inputs: the built-in checks of the new revision's load balancer metrics (on by default,
// docs/metric-gates.md says why each default is what it is), the request minimum, the metric period, and the
// custom `metrics` (custom-metrics.ts). Read with every other input, so all bad values are reported at once.

import { parseCustomMetrics, type CustomMetric } from './custom-metrics.js'
import type { InputName } from './input-defaults.js'
import { InputError, parseBoolean, parseCount, parseDuration, show } from './parse.js'
import type { InputProblems } from './problems.js'

export type { Condition, CustomMetric, MetricQuery, Reduce } from './custom-metrics.js'

/** The built-in checks of the new revision's 5xx rate and p99 latency, and the request minimum. */
export interface BuiltInChecks {
  /** Off with metric-checks: false. */
  enabled: boolean
  /** Percent of the new revision's requests answered 5xx by its targets. */
  maxErrorRate: number
  /** Percentage points the new revision's 5xx rate may exceed the stable revision's by. */
  maxErrorRateIncrease: number
  /** Seconds; undefined: no absolute limit on p99 latency. */
  maxP99?: number
  /** Percent the new revision's p99 latency may exceed the stable revision's by. */
  maxP99Increase: number
  /** Requests the new revision must serve before a step passes; 0 turns the minimum off. */
  minRequests: number
}

export interface MetricGatesConfig {
  builtIn: BuiltInChecks
  custom: CustomMetric[]
  /** The period every metric gate's query is read at (GetMetricData Period), ms. */
  periodMs: number
}

/** The periods CloudWatch accepts below a minute (high-resolution data); above, whole minutes. */
const SUB_MINUTE_PERIODS = [1, 5, 10, 30]

export function readMetricInputs(raw: Record<InputName, string>, problems: InputProblems): MetricGatesConfig {
  const a = problems.attempt.bind(problems)
  const percent = (name: InputName, fallback: number): number =>
    a(() => parseNumber(name, raw[name], 0, 100), fallback)
  const periodMs = a(() => parsePeriod(raw['metric-period']), 60_000)
  return {
    builtIn: {
      enabled: a(() => parseBoolean('metric-checks', raw['metric-checks']), true),
      maxErrorRate: percent('max-error-rate', 5),
      maxErrorRateIncrease: percent('max-error-rate-increase', 1),
      maxP99:
        raw['max-p99-latency'] === ''
          ? undefined
          : a(() => parseDuration('max-p99-latency', raw['max-p99-latency'], { min: 1, max: 3_600_000 }), 0) /
            1000,
      maxP99Increase: a(() => parseNumber('max-p99-increase', raw['max-p99-increase'], 0, 10_000), 50),
      minRequests: a(() => parseCount('min-requests', raw['min-requests'], 0, 1_000_000_000), 100)
    },
    custom: a(() => parseCustomMetrics(raw.metrics, periodMs), []),
    periodMs
  }
}

function parseNumber(input: string, raw: string, min: number, max: number): number {
  const value = Number(raw.trim().replace(/%$/, ''))
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    throw new InputError(input, `${show(raw)} is not a number from ${min} to ${max}`)
  return value
}

/** 1s, 5s, 10s, 30s or whole minutes, as GetMetricData's Period allows. */
export function parsePeriod(raw: string): number {
  const ms = parseDuration('metric-period', raw, { min: 1000, max: 86_400_000 })
  const seconds = ms / 1000
  if (!(SUB_MINUTE_PERIODS.includes(seconds) || (Number.isInteger(seconds) && seconds % 60 === 0)))
    throw new InputError(
      'metric-period',
      `${show(raw)} is not a period CloudWatch accepts: 1s, 5s, 10s, 30s or a whole number of minutes (load balancer metrics are published per minute: 1m)`
    )
  return ms
}
