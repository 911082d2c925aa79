// The built-in checks, pure: the new revision's 5xx rate and p99 response time from its load balancer target
// group, judged against absolute limits and against the stable revision over the same periods, and whether it
// has served enough requests for its step to pass. Why the defaults are what they are: docs/metric-gates.md.

import type { BuiltInChecks } from '../config/metric-inputs.js'
import type { MetricReading } from './metric-readings.js'
import { statisticalP99 } from './latency-judge.js'
import { formatMetric } from './metric-values.js'
import type { BuiltInSeries, Layout, MetricSamples, MetricSeries } from './ports.js'

export type { Layout } from './ports.js'

/** The most recent periods a rate or a percentile is judged over: long bakes judge the recent past. */
export const JUDGED_PERIODS = 10
/** Fewer requests than this in the judged periods say nothing about a rate: the verdict is nodata. */
export const MIN_JUDGED_REQUESTS = 20
/** One or two failed requests are not a trend: a 5xx check fails only on at least this many. */
export const MIN_ERRORS = 3
/** A p99 this little above the stable revision's is noise whatever the ratio (a 4 ms p99 against 2 ms). */
export const MIN_P99_GAP_SECONDS = 0.05

interface Window {
  now: number
  since: number
  periodMs: number
  layout: Layout
}

/** The 5xx rate and p99 readings. */
export function judgeBuiltIn(samples: MetricSamples, w: Window & { checks: BuiltInChecks }): MetricReading[] {
  const from = Math.max(
    floor(w.since, w.periodMs),
    floor(w.now, w.periodMs) - (JUDGED_PERIODS - 1) * w.periodMs
  )
  const s = (key: BuiltInSeries) => after(samples.series[key], from)
  const error = samples.errors['*']
  const shared = w.layout === 'shared'
  const whole = shared ? ' to the target group both revisions share' : ''
  const readings = [
    errorRate(
      s('newRequests'),
      s('new5xx'),
      shared ? undefined : [s('stableRequests'), s('stable5xx')],
      w.checks,
      whole,
      error
    ),
    statistically(
      p99(s('newRequests'), s('newP99'), shared ? undefined : s('stableP99'), w.checks, whole, error),
      shared ? undefined : samples,
      floor(w.since, w.periodMs)
    )
  ]
  return shared ? readings.map(r => ({ ...r, shared: true })) : readings
}

/**
 * The p99 judged by the Mann-Whitney comparison over the whole step, once there are enough periods of both
 * revisions; otherwise the ratio check's reading says why it was not. An absolute limit that failed stands.
 */
function statistically(r: MetricReading, samples: MetricSamples | undefined, from: number): MetricReading {
  if (!samples || r.verdict === 'nodata' || (r.verdict === 'fail' && r.judgement === 'threshold')) return r
  const judged = statisticalP99(after(samples.series.newP99, from), after(samples.series.stableP99, from))
  if (!judged) return r
  if ('reading' in judged) return judged.reading
  return { ...r, detail: `${r.detail}; judged by ratio: ${judged.why}` }
}

function errorRate(
  requests: MetricSeries,
  errors: MetricSeries,
  stable: [MetricSeries, MetricSeries] | undefined,
  checks: BuiltInChecks,
  whole: string,
  readError: string | undefined
): MetricReading {
  const base = { name: '5xx-rate', unit: '%', judgement: stable ? 'ratio' : 'threshold' } as const
  const served = sum(requests)
  // HTTPCode_Target_5XX_Count has no datapoint in a period without errors: missing is zero, not unknown.
  const failed = sum(errors)
  if (readError) return { ...base, verdict: 'nodata', detail: `could not be read: ${readError}` }
  if (served < MIN_JUDGED_REQUESTS)
    return {
      ...base,
      verdict: 'nodata',
      detail: `${Math.round(served)} requests so far${whole}, fewer than the ${MIN_JUDGED_REQUESTS} a rate needs`
    }
  const rate = (100 * failed) / served
  const stableServed = stable ? sum(stable[0]) : 0
  const stableRate =
    stable && stableServed >= MIN_JUDGED_REQUESTS ? (100 * sum(stable[1])) / stableServed : undefined
  const reading = { ...base, new: rate, stable: stableRate }
  // The load balancer counts whole requests; sums of a simulation's (or a SampleCount's) fractions are rounded.
  const of = `${Math.round(failed)} of ${Math.round(served)} requests${whole}`
  if (failed >= MIN_ERRORS && rate > checks.maxErrorRate)
    return {
      ...reading,
      verdict: 'fail',
      judgement: 'threshold',
      detail: `${of}, above max-error-rate ${checks.maxErrorRate} %`
    }
  if (stableRate !== undefined && failed >= MIN_ERRORS && rate - stableRate > checks.maxErrorRateIncrease)
    return {
      ...reading,
      verdict: 'fail',
      detail: `${formatMetric(rate, '%')} vs stable ${formatMetric(stableRate, '%')}: more than max-error-rate-increase ${points(checks.maxErrorRateIncrease)} above`
    }
  const against = stableRate === undefined ? '' : ` vs stable ${formatMetric(stableRate, '%')}`
  return {
    ...reading,
    judgement: stableRate === undefined ? 'threshold' : 'ratio',
    verdict: 'pass',
    detail: `${of}${against}, within the limits`
  }
}

function p99(
  requests: MetricSeries,
  latency: MetricSeries,
  stable: MetricSeries | undefined,
  checks: BuiltInChecks,
  whole: string,
  readError: string | undefined
): MetricReading {
  const base = { name: 'p99-latency', unit: 's', judgement: stable ? 'ratio' : 'threshold' } as const
  if (readError) return { ...base, verdict: 'nodata', detail: `could not be read: ${readError}` }
  if (sum(requests) < MIN_JUDGED_REQUESTS || latency.values.length === 0)
    return { ...base, verdict: 'nodata', detail: `too few requests so far${whole} for a percentile` }
  // Over the same periods for both revisions, each period weighed by the new revision's requests in it.
  const both = stable ? latency.timestamps.filter(t => stable.timestamps.includes(t)) : latency.timestamps
  const value = weighted(latency, requests, latency.timestamps)
  const stableValue = stable && both.length ? weighted(stable, requests, both) : undefined
  const newOverBoth = stable && both.length ? weighted(latency, requests, both) : value
  const reading = { ...base, new: value, stable: stableValue }
  if (checks.maxP99 !== undefined && value > checks.maxP99)
    return {
      ...reading,
      verdict: 'fail',
      judgement: 'threshold',
      detail: `above max-p99-latency ${formatMetric(checks.maxP99, 's')}`
    }
  if (
    stableValue !== undefined &&
    newOverBoth > stableValue * (1 + checks.maxP99Increase / 100) &&
    newOverBoth - stableValue >= MIN_P99_GAP_SECONDS
  )
    return {
      ...reading,
      verdict: 'fail',
      detail: `${formatMetric(newOverBoth, 's')} vs stable ${formatMetric(stableValue, 's')}: more than max-p99-increase ${checks.maxP99Increase} % above`
    }
  const against = stableValue === undefined ? '' : ` vs stable ${formatMetric(stableValue, 's')}`
  return {
    ...reading,
    judgement: stableValue === undefined ? 'threshold' : 'ratio',
    verdict: 'pass',
    detail: `${formatMetric(value, 's')}${against}${whole}, within the limits`
  }
}

/**
 * Whether the new revision has served enough requests for its step to pass: min-requests, or half of its share
 * of what the whole service served in the step if that is fewer, so a quiet service is not held for hours while
 * a canary that gets nothing never passes. A service with no requests at all since before the rollout (no
 * traffic, no load balancer metrics) is not held: there is nothing to judge, and the reading says so. With one
 * target group for both revisions the new revision's requests cannot be told apart, so there is no minimum.
 */
export function judgeRequests(
  samples: MetricSamples,
  w: Window & { minRequests: number; trafficPercent: number }
): { requests: { new: number; stable?: number }; reading?: MetricReading; short: boolean } {
  const from = floor(w.since, w.periodMs)
  const served = Math.round(sum(after(samples.series.newRequests, from)))
  if (w.layout !== 'split') return { requests: { new: served }, short: false }
  const stable = Math.round(sinceInBucket(after(samples.series.stableRequests, from), w))
  const requests = { new: served, stable }
  if (w.minRequests === 0) return { requests, short: false }
  const base = { name: 'requests', new: served, stable, unit: 'requests', judgement: 'threshold' } as const
  const ever = sum(samples.series.newRequests ?? empty) + sum(samples.series.stableRequests ?? empty)
  if (ever === 0)
    return {
      requests,
      short: false,
      reading: {
        ...base,
        verdict: 'nodata',
        detail: 'the load balancer has counted no requests for this service: no minimum is held'
      }
    }
  const share = Math.max(0, Math.min(100, w.trafficPercent)) / 100
  const needed = Math.min(w.minRequests, Math.ceil(((served + stable) * share) / 2))
  const enough = served >= Math.max(1, needed)
  const detail = enough
    ? `${served} served in this step, at least the ${Math.max(1, needed)} needed`
    : `${served} served in this step, fewer than the ${Math.max(1, needed)} needed (min-requests ${w.minRequests}, or half of ${Math.round(share * 100)} % of the service's requests)`
  return { requests, short: !enough, reading: { ...base, verdict: enough ? 'pass' : 'nodata', detail } }
}

/**
 * A sum of requests since `since`, when the period that holds it began before it: that period's count is taken
 * in proportion to the part of it after `since` (as far as it has gone by `now`). The new revision's requests
 * are counted whole: before `since` it had a smaller share, so it is never held for requests it did not get.
 */
function sinceInBucket(series: MetricSeries, w: Window): number {
  const first = floor(w.since, w.periodMs)
  return series.timestamps.reduce((total, t, i) => {
    const v = series.values[i]
    if (t !== first) return total + v
    const end = Math.min(t + w.periodMs, w.now)
    return total + (end > t ? (v * Math.max(0, end - w.since)) / (end - t) : v)
  }, 0)
}

const empty: MetricSeries = { timestamps: [], values: [] }

function after(series: MetricSeries | undefined, from: number): MetricSeries {
  if (!series) return empty
  const keep = series.timestamps.map((t, i) => [t, series.values[i]] as const).filter(([t]) => t >= from)
  return { timestamps: keep.map(([t]) => t), values: keep.map(([, v]) => v) }
}

function sum(s: MetricSeries): number {
  return s.values.reduce((a, b) => a + b, 0)
}

/** The mean of a percentile's periods, each weighed by the requests in it (at least 1). */
function weighted(series: MetricSeries, requests: MetricSeries, at: number[]): number {
  let total = 0
  let weight = 0
  for (const t of at) {
    const v = series.values[series.timestamps.indexOf(t)]
    const w = Math.max(1, requests.values[requests.timestamps.indexOf(t)] ?? 0)
    if (v === undefined) continue
    total += v * w
    weight += w
  }
  return weight ? total / weight : NaN
}

function floor(t: number, period: number): number {
  return Math.floor(t / period) * period
}

/** "1 point", "2.5 points": percentage points in words. */
export function points(n: number): string {
  return `${n} point${n === 1 ? '' : 's'}`
}
