// A custom metric's measurement and Argo Rollouts' counting, pure. A measurement is the metric's value over its
// window, judged by its conditions: failure-condition true → failed; success-condition true → passed, false →
// failed, or inconclusive when a failure-condition is given too (the band between them); only a
// failure-condition, false → passed. A query that could not be read is an error; a window without datapoints is
// no measurement at all (CloudWatch's data lags; that is not the revision's fault). The metric fails once its
// failed measurements exceed failure-limit or its errors in a row exceed consecutive-error-limit, and pauses the
// rollout once its inconclusive ones exceed inconclusive-limit; after `count` measurements it has passed.

import type { Condition, CustomMetric } from '../config/metric-inputs.js'
import type { MetricReading } from './metric-readings.js'
import { formatMetric } from './metric-values.js'
import type { MetricSeries } from './ports.js'

export type Sample =
  | { kind: 'value'; value: number; result: 'pass' | 'fail' | 'inconclusive' }
  | { kind: 'error'; message: string }
  | { kind: 'nodata' }

export interface Counts {
  measurements: number
  failures: number
  /** Errors in a row. */
  errors: number
  inconclusive: number
  lastAt?: number
  lastError?: string
}

export function measure(
  metric: CustomMetric,
  series: MetricSeries | undefined,
  error: string | undefined,
  now: number
): Sample {
  if (error) return { kind: 'error', message: error }
  const values = (series?.values ?? []).filter((_, i) => series!.timestamps[i] >= now - metric.windowMs)
  if (values.length === 0) return { kind: 'nodata' }
  const value = reduce(values, metric.reduce)
  return { kind: 'value', value, result: classify(metric, value) }
}

export function classify(metric: CustomMetric, value: number): 'pass' | 'fail' | 'inconclusive' {
  if (metric.failureCondition && holds(metric.failureCondition, value)) return 'fail'
  if (!metric.successCondition) return 'pass'
  if (holds(metric.successCondition, value)) return 'pass'
  return metric.failureCondition ? 'inconclusive' : 'fail'
}

export function holds(condition: Condition, value: number): boolean {
  return condition.some(all =>
    all.every(({ op, value: v }) => {
      switch (op) {
        case '<':
          return value < v
        case '<=':
          return value <= v
        case '>':
          return value > v
        case '>=':
          return value >= v
        case '==':
          return value === v
        case '!=':
          return value !== v
      }
    })
  )
}

function reduce(values: number[], how: CustomMetric['reduce']): number {
  switch (how) {
    case 'last':
      return values[values.length - 1]
    case 'max':
      return Math.max(...values)
    case 'min':
      return Math.min(...values)
    case 'sum':
      return values.reduce((a, b) => a + b, 0)
    case 'average':
      return values.reduce((a, b) => a + b, 0) / values.length
  }
}

/** The counts after a sample (or none: not due, or done), and the reading that says where the metric stands. */
export function tally(
  metric: CustomMetric,
  before: Counts,
  sample: Sample | undefined,
  now: number
): { counts: Counts; reading: MetricReading; failed: boolean } {
  const counts = { ...before }
  const base = { name: metric.name, judgement: 'threshold' as const }
  const limits = `${counts.failures} failed of ${metric.failureLimit} allowed`
  if (sample === undefined || sample.kind === 'nodata') {
    const done = metric.count !== undefined && counts.measurements >= metric.count
    if (done)
      return {
        counts,
        failed: false,
        reading: {
          ...base,
          verdict: 'pass',
          detail: `passed: ${counts.measurements} measurements, ${limits}`
        }
      }
    const detail = sample ? 'no datapoints in the window yet' : 'not due yet'
    return { counts, failed: false, reading: { ...base, verdict: 'nodata', detail: `${detail} (${limits})` } }
  }
  counts.lastAt = now
  if (sample.kind === 'error') {
    counts.errors++
    counts.lastError = sample.message
    const failed = counts.errors > metric.consecutiveErrorLimit
    const detail = `could not be read ${counts.errors} time${counts.errors === 1 ? '' : 's'} in a row (consecutive-error-limit ${metric.consecutiveErrorLimit}): ${sample.message}`
    return { counts, failed, reading: { ...base, verdict: failed ? 'fail' : 'nodata', detail } }
  }
  counts.errors = 0
  counts.measurements++
  if (sample.result === 'fail') counts.failures++
  if (sample.result === 'inconclusive') counts.inconclusive++
  const value = formatMetric(sample.value)
  const reading = { ...base, new: sample.value }
  const conditions = [
    metric.conditionText.success && `success-condition ${metric.conditionText.success}`,
    metric.conditionText.failure && `failure-condition ${metric.conditionText.failure}`
  ]
    .filter(Boolean)
    .join(', ')
  const failed = counts.failures > metric.failureLimit
  if (failed)
    return {
      counts,
      failed,
      reading: {
        ...reading,
        verdict: 'fail',
        detail: `${counts.failures} failed measurements, more than failure-limit ${metric.failureLimit} (${conditions})`
      }
    }
  if (sample.result === 'inconclusive')
    return {
      counts,
      failed,
      reading: {
        ...reading,
        verdict: 'inconclusive',
        detail: `${value} meets neither condition (${conditions}); ${counts.inconclusive} inconclusive of ${metric.inconclusiveLimit} allowed`
      }
    }
  // A failed measurement within failure-limit reads as failed; the metric fails only past the limit.
  const detail =
    sample.result === 'fail'
      ? `${value} failed (${counts.failures} of ${metric.failureLimit} allowed); ${conditions}`
      : `${value} passed (${counts.failures} failed of ${metric.failureLimit} allowed); ${conditions}`
  return { counts, failed, reading: { ...reading, verdict: sample.result, detail } }
}
