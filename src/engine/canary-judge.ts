// The canary judged against its baseline statistically, after Kayenta's NetflixACAJudge-v1.0 (spinnaker/kayenta,
// kayenta-judge: MannWhitneyClassifier, WeightedSumScorer, ThresholdScoreClassifier). Pure: samples in, verdict
// out. docs/canary-judge.md says when the metric gates use it and when they fall back to ratio and threshold checks.
//
// Per metric: drop NaNs (Kayenta's default nanStrategy); a side with no samples is Nodata; identical samples
// Pass; otherwise a Mann-Whitney comparison gives the shift canary − baseline with a confidence interval
// (confidence 0.98), and the metric is
//   High when an increase counts (direction increase or either), the whole interval lies above a quarter of the
//        estimated shift, and the canary's mean is at least (1 + allowed increase) × the baseline's;
//   Low  likewise below, with the mean at most (1 − allowed decrease) × the baseline's;
//   Pass otherwise. When a mean is 0 the ratio is undefined and only the interval decides (as in Kayenta).
// Score: 100 · Pass / (Pass + High + Low) per group (Nodata left out; a group with nothing counted scores 100),
// groups weighted (unweighted groups share what explicit weights leave of 100), rounded to 2 decimals. A critical
// metric that is not Pass (High, Low, or Nodata) scores the whole run 0, and so does Nodata on half the metrics or
// more. score ≥ passScore: pass; ≥ marginalScore: marginal; else fail.
//
// Not from Kayenta: below minSamples on either side of any metric the judge does not judge at all (judged: false,
// with the reason), because a rank test over a handful of one-minute datapoints says more about noise than about
// the revision; the caller falls back to ratio and threshold checks. Kayenta's outlier removal, muted metrics and
// separate critical effect sizes are left out: a critical High or Low fails the run.

import { mean, median } from 'simple-statistics'
import { shiftInterval } from './mann-whitney.js'
import type { MetricReading } from './metric-readings.js'

export type Direction = 'increase' | 'decrease' | 'either'
export type Classification = 'High' | 'Low' | 'Pass' | 'Nodata'

export interface MetricSamples {
  name: string
  /** A critical metric that is not Pass fails the whole run, whatever the score. */
  critical?: boolean
  /** Which change is bad: latency and errors 'increase', throughput 'decrease'. Kayenta's default is 'either'. */
  direction: Direction
  canary: number[]
  baseline: number[]
  /** How much higher the canary's mean may be before a significant increase counts as High (default 0). */
  allowedIncreasePercent?: number
  /** How much lower the canary's mean may be before a significant decrease counts as Low (default 0). */
  allowedDecreasePercent?: number
  /** Scoring group (default "metrics"): the score is the weighted mean of the groups' scores. */
  group?: string
  /** The samples' unit ("ms", "%"), for the words only. */
  unit?: string
}

export interface JudgeSettings {
  /** Kayenta's typical thresholds: pass 95, marginal 75. */
  passScore: number
  marginalScore: number
  /** Fewest samples on each side of every metric for the judge to judge. */
  minSamples: number
  /** Confidence of the interval on the shift; Kayenta's judge uses 0.98. */
  confidence: number
  /** Group weights in percent; groups without one share what is left of 100 equally. */
  groupWeights?: Record<string, number>
}

/**
 * Kayenta's thresholds and confidence, and 30 samples a side: a 30-minute bake of one-minute load balancer
 * datapoints (high-resolution metrics get there sooner). The rank sum's normal approximation is sound well before
 * that; what 30 buys is power under Kayenta's tolerance rule: a revision 30 % slower (lognormal latency, log-σ
 * 0.25) is classified High in 154 of 200 seeded bakes at 30 a side and in all 200 at 60, a healthy one in none.
 */
export const JUDGE_DEFAULTS: JudgeSettings = {
  passScore: 95,
  marginalScore: 75,
  minSamples: 30,
  confidence: 0.98
}

export interface MetricClassification {
  name: string
  classification: Classification
  critical: boolean
  group: string
  unit?: string
  canarySamples: number
  baselineSamples: number
  /** Two-sided p-value of "no shift" (Mann-Whitney, normal approximation). */
  pValue?: number
  canaryMedian?: number
  baselineMedian?: number
  /** Hodges–Lehmann estimate of canary − baseline and its confidence interval. */
  shift?: { estimate: number; low: number; high: number }
  /** mean(canary) / mean(baseline); absent when either mean is 0. */
  meanRatio?: number
  /** One line: the evidence, then the classification's reason. */
  why: string
}

export interface JudgeResult {
  /** false: too few samples (or no metrics) to judge; the caller falls back to ratio and threshold checks. */
  judged: boolean
  /** Why the judge did not judge, or how it reached its verdict. */
  why: string
  score?: number
  verdict?: 'pass' | 'marginal' | 'fail'
  metrics: MetricClassification[]
}

/** Kayenta's tolerance: the interval must clear a quarter of the estimated shift, not just 0. */
const TOLERANCE = 0.25
/** Kayenta's WeightedSumScorer: Nodata on this share of the metrics or more fails the run. */
const NODATA_FAIL_PERCENT = 50
const DEFAULT_GROUP = 'metrics'

export function judgeCanary(metrics: MetricSamples[], settings: JudgeSettings): JudgeResult {
  if (metrics.length === 0) return { judged: false, why: 'no metrics to judge', metrics: [] }
  const clean = metrics.map(m => ({ ...m, canary: finite(m.canary), baseline: finite(m.baseline) }))
  const short = clean.filter(
    m =>
      m.canary.length &&
      m.baseline.length &&
      Math.min(m.canary.length, m.baseline.length) < settings.minSamples
  )
  if (short.length) {
    const counts = short.map(m => `${m.name} has ${m.canary.length} canary and ${m.baseline.length} baseline`)
    return {
      judged: false,
      why: `too few samples for the Mann-Whitney comparison: ${counts.join(', ')}; it needs ${settings.minSamples} on each side`,
      metrics: []
    }
  }
  const results = clean.map(m => classifyMetric(m, settings.confidence))
  const { score, why } = scoreRun(results, settings.groupWeights ?? {})
  const verdict = score >= settings.passScore ? 'pass' : score >= settings.marginalScore ? 'marginal' : 'fail'
  return {
    judged: true,
    why: `score ${score} (pass ≥ ${settings.passScore}, marginal ≥ ${settings.marginalScore}): ${why}`,
    score,
    verdict,
    metrics: results
  }
}

export function classifyMetric(m: MetricSamples, confidence: number): MetricClassification {
  const canary = finite(m.canary)
  const baseline = finite(m.baseline)
  const base = {
    name: m.name,
    critical: m.critical ?? false,
    group: m.group ?? DEFAULT_GROUP,
    ...(m.unit ? { unit: m.unit } : {}),
    canarySamples: canary.length,
    baselineSamples: baseline.length
  }
  if (!canary.length || !baseline.length) {
    const missing = [!canary.length && 'canary', !baseline.length && 'baseline'].filter(Boolean).join(' and ')
    return { ...base, classification: 'Nodata', why: `no ${missing} samples` }
  }
  const medians = { canaryMedian: median(canary), baselineMedian: median(baseline) }
  const sortedCanary = [...canary].sort((a, b) => a - b)
  const sortedBaseline = [...baseline].sort((a, b) => a - b)
  if (sortedCanary.length === sortedBaseline.length && sortedCanary.every((v, i) => v === sortedBaseline[i]))
    return { ...base, ...medians, classification: 'Pass', why: 'canary and baseline samples are identical' }
  if (
    sortedCanary[0] === sortedCanary.at(-1) &&
    sortedBaseline[0] === sortedCanary[0] &&
    sortedBaseline.at(-1) === sortedCanary[0]
  )
    return {
      ...base,
      ...medians,
      classification: 'Pass',
      why: `every sample is ${num(sortedCanary[0], m.unit)}`
    }

  const shift = shiftInterval(canary, baseline, confidence)
  const canaryMean = mean(canary)
  const baselineMean = mean(baseline)
  const ratio = canaryMean === 0 || baselineMean === 0 ? undefined : canaryMean / baselineMean
  const bound = TOLERANCE * Math.abs(shift.estimate)
  const allowedIncrease = 1 + (m.allowedIncreasePercent ?? 0) / 100
  const allowedDecrease = 1 - (m.allowedDecreasePercent ?? 0) / 100
  const above = shift.low > bound
  const below = shift.high < -bound
  const judgesIncrease = m.direction !== 'decrease'
  const judgesDecrease = m.direction !== 'increase'
  const high = judgesIncrease && above && (ratio === undefined || ratio >= allowedIncrease)
  const low = judgesDecrease && below && (ratio === undefined || ratio <= allowedDecrease)
  const classification: Classification = high ? 'High' : low ? 'Low' : 'Pass'

  const evidence =
    `median ${num(medians.canaryMedian, m.unit)} vs ${num(medians.baselineMedian, m.unit)}, ` +
    `shift ${signed(shift.estimate, m.unit)} (${Math.round(confidence * 100)} % CI ${signed(shift.low)} to ${signed(shift.high, m.unit)}), ` +
    `p ${num(shift.pValue)}` +
    (ratio === undefined ? '' : `, mean ratio ${num(ratio)}`)
  const reason = high
    ? 'higher than the baseline'
    : low
      ? 'lower than the baseline'
      : above && judgesIncrease
        ? `higher, but within the allowed increase of ${m.allowedIncreasePercent ?? 0} %`
        : below && judgesDecrease
          ? `lower, but within the allowed decrease of ${m.allowedDecreasePercent ?? 0} %`
          : above || below
            ? `${above ? 'higher' : 'lower'}, which direction: ${m.direction} does not judge`
            : shift.pValue < 1 - confidence
              ? 'the ranks differ, but the shift is too small to be sure of'
              : 'no significant difference'
  return {
    ...base,
    ...medians,
    classification,
    pValue: shift.pValue,
    shift: { estimate: shift.estimate, low: shift.low, high: shift.high },
    ...(ratio === undefined ? {} : { meanRatio: ratio }),
    why: `${evidence}: ${reason}`
  }
}

/**
 * The judge's result as the metric gates' readings (judgement 'mann-whitney'), the medians as the values. The
 * readings carry the run's verdict, so a gate that fails on any failed reading decides as the judge did: when the
 * run fails, every metric that is not Pass reads 'fail'; when it is marginal, High and Low read 'inconclusive' (a
 * person decides); when it passes, they read 'pass' and the detail still says High or Low. Nothing when the judge
 * did not judge: the gates' threshold and ratio readings stand, with `result.why` to say why.
 */
export function judgedReadings(result: JudgeResult): MetricReading[] {
  if (!result.judged) return []
  return result.metrics.map(m => {
    const flagged = m.classification !== 'Pass'
    const shifted = m.classification === 'High' || m.classification === 'Low'
    const verdict: MetricReading['verdict'] = !flagged
      ? 'pass'
      : result.verdict === 'fail'
        ? 'fail'
        : m.classification === 'Nodata'
          ? 'nodata'
          : result.verdict === 'marginal'
            ? 'inconclusive'
            : 'pass'
    const label = `${m.classification}${m.critical ? ' (critical)' : ''}`
    const run = shifted || verdict === 'fail' ? `; run score ${result.score} (${result.verdict})` : ''
    return {
      name: m.name,
      ...(m.canaryMedian === undefined ? {} : { new: m.canaryMedian }),
      ...(m.baselineMedian === undefined ? {} : { stable: m.baselineMedian }),
      ...(m.unit ? { unit: m.unit } : {}),
      verdict,
      judgement: 'mann-whitney',
      detail: `${label}: ${m.why}${run}`
    }
  })
}

/** Kayenta's WeightedSumScorer: the score and a clause saying how it came about. */
function scoreRun(
  results: MetricClassification[],
  weights: Record<string, number>
): { score: number; why: string } {
  const criticalFailure = results.find(r => r.critical && r.classification !== 'Pass')
  if (criticalFailure)
    return { score: 0, why: `critical metric ${criticalFailure.name} is ${criticalFailure.classification}` }
  const nodata = results.filter(r => r.classification === 'Nodata')
  if ((nodata.length / results.length) * 100 >= NODATA_FAIL_PERCENT)
    return {
      score: 0,
      why: `${nodata.length} of ${results.length} metrics have no data (${nodata.map(r => r.name).join(', ')})`
    }

  const groups = [...new Set(results.map(r => r.group))]
  const unweighted = groups.filter(g => weights[g] === undefined)
  const explicitSum = Object.values(weights).reduce((a, b) => a + b, 0)
  const sharedWeight = unweighted.length ? (100 - explicitSum) / unweighted.length : 0
  let sum = 0
  for (const g of groups) {
    const counted = results.filter(r => r.group === g && r.classification !== 'Nodata')
    const passed = counted.filter(r => r.classification === 'Pass').length
    const groupScore = counted.length ? (100 * passed) / counted.length : 100
    sum += (groupScore * (weights[g] ?? sharedWeight)) / 100
  }
  const score = Math.round(sum * 100) / 100
  const counted = results.filter(r => r.classification !== 'Nodata')
  const failing = counted.filter(r => r.classification !== 'Pass')
  const passedCount = counted.length - failing.length
  return {
    score,
    why:
      `${passedCount} of ${counted.length} metrics passed` +
      (failing.length ? `; ${failing.map(r => `${r.name} ${r.classification}`).join(', ')}` : '')
  }
}

function finite(values: number[]): number[] {
  return values.filter(v => Number.isFinite(v))
}

/** Three significant digits, enough to tell 130 ms from 100 ms without pretending to more. */
function num(v: number, unit?: string): string {
  return `${Number(v.toPrecision(3))}${unit ? ` ${unit}` : ''}`
}

function signed(v: number, unit?: string): string {
  return `${v > 0 ? '+' : ''}${num(v, unit)}`
}
