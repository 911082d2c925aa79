// The statistical canary judge (src/engine/canary-judge.ts) as tables: samples in, classification and verdict
// out, each row with its worked example. Latency samples are lognormal (median m, log-σ s) from a seeded PRNG, so
// every number below is the same on every run. The Mann-Whitney arithmetic itself is checked against an
// independent implementation (scipy's rankdata, brentq and mannwhitneyu) on two textbook samples.

import { describe, expect, it } from '@jest/globals'
import { Rng } from '../../sandbox/core/rng.js'
import {
  classifyMetric,
  judgeCanary,
  judgedReadings,
  JUDGE_DEFAULTS,
  type JudgeSettings,
  type MetricSamples
} from '../../src/engine/canary-judge.js'
import { normalQuantile, shiftInterval } from '../../src/engine/mann-whitney.js'

/** n lognormal samples with the given median and log-σ (Box–Muller over the seeded PRNG). */
function lognormal(rng: Rng, median: number, sigma: number, n: number): number[] {
  return Array.from({ length: n }, () => {
    const u = 1 - rng.next()
    const v = rng.next()
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  })
}

/** Latency of a baseline (median 100 ms) and a canary `factor` times slower, n samples each, log-σ 0.25. */
function latency(seed: number, factor: number, n = 60, extra: Partial<MetricSamples> = {}): MetricSamples {
  const rng = new Rng(seed)
  const baseline = lognormal(rng, 100, 0.25, n)
  const canary = lognormal(rng, 100 * factor, 0.25, n)
  return { name: 'latency', direction: 'increase', canary, baseline, ...extra }
}

/** A metric whose two sides come from the same distribution. */
const steady = (name: string, seed: number, extra: Partial<MetricSamples> = {}): MetricSamples => ({
  ...latency(seed, 1),
  name,
  ...extra
})

const S: JudgeSettings = JUDGE_DEFAULTS

describe('Mann-Whitney shift and interval (R wilcox.test, normal approximation, continuity-corrected)', () => {
  // Expected values from scipy 1.17: rankdata + brentq(xtol 1e-13) on Kayenta's wilcoxonDiff for the interval,
  // the median of the pairwise differences for the estimate, mannwhitneyu(method='asymptotic') for p.
  const rCase = {
    x: [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
    y: [1.15, 0.88, 0.9, 0.74, 1.21]
  }
  // Integers with ties inside and across the samples: the tie correction matters here.
  const tied = {
    x: [12, 15, 15, 18, 20, 22, 22, 22, 25, 30],
    y: [10, 11, 15, 15, 16, 18, 18, 19, 21, 22, 22]
  }
  it.each([
    ['R example, 95 %', rCase, 0.95, { estimate: 0.305, low: -0.15, high: 0.76, pValue: 0.244624 }],
    ['R example, 98 %', rCase, 0.98, { estimate: 0.305, low: -0.32, high: 0.99, pValue: 0.244624 }],
    ['ties, 98 %', tied, 0.98, { estimate: 3, low: -3, high: 9, pValue: 0.18772 }]
  ])('%s', (_label, { x, y }, confidence, want) => {
    const got = shiftInterval(x, y, confidence)
    expect(got.estimate).toBeCloseTo(want.estimate, 4)
    expect(got.low).toBeCloseTo(want.low, 4)
    expect(got.high).toBeCloseTo(want.high, 4)
    expect(got.pValue).toBeCloseTo(want.pValue, 5)
  })

  it('one repeated value on each side: the shift is exact, with no width', () => {
    // 30 × 5 against 30 × 4: every pairwise difference is 1.
    expect(shiftInterval(Array(30).fill(5), Array(30).fill(4), 0.98)).toMatchObject({
      estimate: 1,
      low: 1,
      high: 1
    })
  })

  it.each([
    [0.99, 2.3263478740408408],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722]
  ])('Φ⁻¹(%d) to 1e-6 (simple-statistics probit is 0.2 %% off before the Newton steps)', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-6)
  })
})

describe('one metric classified', () => {
  // Row: [label, samples, classification, evidence the why must contain].
  const rows: [string, MetricSamples, string, RegExp][] = [
    // Seed 7: medians 125 vs 105 ms, shift +19.8 ms (98 % CI +7.61 to +33.8); the CI's low end clears a quarter of
    // the shift (4.96) and the mean ratio 1.21 ≥ 1: High.
    [
      '30 % slower, 60 samples each',
      latency(7, 1.3),
      'High',
      /shift \+19\.8 \(98 % CI \+7\.61 to \+33\.8\), p 0\.000478, mean ratio 1\.21: higher/
    ],
    // Seed 3, same distribution on both sides: the CI straddles 0.
    ['same distribution', latency(3, 1), 'Pass', /no significant difference/],
    ['identical samples', { ...latency(3, 1), canary: latency(3, 1).baseline }, 'Pass', /identical/],
    [
      'every sample the same value',
      { name: 'errors', direction: 'increase', canary: Array(40).fill(0), baseline: Array(35).fill(0) },
      'Pass',
      /every sample is 0/
    ],
    // Seed 7 again, 30 % slower, but the metric is allowed 50 % more: the CI is above 0 and the ratio 1.21 < 1.5.
    [
      '30 % slower within an allowed 50 % increase',
      latency(7, 1.3, 60, { allowedIncreasePercent: 50 }),
      'Pass',
      /within the allowed increase of 50 %/
    ],
    // A faster canary (factor 1/1.3) where only an increase is bad: reported, not judged.
    [
      '30 % faster, direction increase',
      latency(7, 1 / 1.3),
      'Pass',
      /lower, which direction: increase does not judge/
    ],
    [
      '30 % faster, direction either',
      latency(7, 1 / 1.3, 60, { direction: 'either' }),
      'Low',
      /lower than the baseline/
    ],
    // Throughput: a drop is what matters.
    [
      '30 % lower, direction decrease',
      latency(7, 1 / 1.3, 60, { direction: 'decrease' }),
      'Low',
      /lower than/
    ],
    [
      '30 % higher, direction decrease',
      latency(7, 1.3, 60, { direction: 'decrease' }),
      'Pass',
      /does not judge/
    ],
    // Error rate: the baseline never errs, so its mean is 0 and the ratio is undefined; the interval alone decides.
    // Canary: 10 of 40 minutes at 2 %. Three quarters of the pairwise differences are 0, so the shift is 0, and
    // the interval is [0, 0], though the rank test alone calls it significant (p 0.0008): 0 is not above a quarter
    // of 0, Pass, as in Kayenta. The metric gate's threshold and ratio checks are what catch rare errors.
    [
      'rare errors against none',
      {
        name: '5xx',
        direction: 'increase',
        canary: [...Array(30).fill(0), ...Array(10).fill(0.02)],
        baseline: Array(40).fill(0)
      },
      'Pass',
      /shift 0 \(98 % CI 0 to 0\), p 0\.000805: the ranks differ, but the shift is too small to be sure of/
    ],
    // 30 of 40 minutes at 2 %: three quarters of the differences are 0.02, so shift 0.02 with the interval's low
    // end at 0.02 > 0.005: High without a ratio.
    [
      'errors in most minutes against none',
      {
        name: '5xx',
        direction: 'increase',
        canary: [...Array(10).fill(0), ...Array(30).fill(0.02)],
        baseline: Array(40).fill(0)
      },
      'High',
      /higher than the baseline/
    ],
    ['no canary samples', { ...latency(3, 1), canary: [] }, 'Nodata', /no canary samples/],
    [
      'no samples at all',
      { ...latency(3, 1), canary: [], baseline: [NaN] },
      'Nodata',
      /no canary and baseline samples/
    ]
  ]
  it.each(rows.map(([label, samples, classification, why]) => ({ label, samples, classification, why })))(
    '$label → $classification',
    ({ samples, classification, why }) => {
      const got = classifyMetric(samples, S.confidence)
      expect(got.classification).toBe(classification)
      expect(got.why).toMatch(why)
    }
  )

  it('NaNs are dropped, not counted as samples', () => {
    const m = latency(3, 1)
    const got = classifyMetric({ ...m, canary: [...m.canary, NaN, Infinity] }, S.confidence)
    expect(got.canarySamples).toBe(60)
  })

  it('a revision 30 % slower is found in every one of 50 seeded bakes of 60 samples, and a healthy one never', () => {
    const high = Array.from({ length: 50 }, (_, i) => classifyMetric(latency(100 + i, 1.3), S.confidence))
    const same = Array.from({ length: 50 }, (_, i) => classifyMetric(latency(100 + i, 1), S.confidence))
    expect(high.filter(r => r.classification === 'High')).toHaveLength(50)
    expect(same.filter(r => r.classification !== 'Pass')).toHaveLength(0)
  })
})

describe('the run judged and scored', () => {
  it('30 % slower: judged High, score 0, verdict fail', () => {
    const got = judgeCanary([latency(7, 1.3)], S)
    expect(got).toMatchObject({ judged: true, score: 0, verdict: 'fail' })
    expect(got.why).toBe('score 0 (pass ≥ 95, marginal ≥ 75): 0 of 1 metrics passed; latency High')
  })

  it('identical distributions: score 100, pass', () => {
    expect(judgeCanary([steady('latency', 3), steady('cpu', 4)], S)).toMatchObject({
      score: 100,
      verdict: 'pass'
    })
  })

  it('too few samples: not judged, and says which metric has how many', () => {
    // 12 one-minute datapoints a side, the judge wants 30: the caller falls back to ratio and threshold checks.
    const got = judgeCanary([latency(7, 1.3, 12), steady('cpu', 4)], S)
    expect(got.judged).toBe(false)
    expect(got.verdict).toBeUndefined()
    expect(got.why).toBe(
      'too few samples for the Mann-Whitney comparison: latency has 12 canary and 12 baseline; it needs 30 on each side'
    )
  })

  it('no metrics: not judged', () => {
    expect(judgeCanary([], S)).toMatchObject({ judged: false, why: 'no metrics to judge' })
  })

  // Twenty steady metrics and one High: 20 / 21 = 95.24 ≥ 95, a pass. The same High marked critical: 0, a fail.
  const twenty = Array.from({ length: 20 }, (_, i) => steady(`m${i}`, 200 + i))
  it('one High among 21 metrics: score 95.24, still a pass', () => {
    expect(judgeCanary([...twenty, latency(7, 1.3)], S)).toMatchObject({ score: 95.24, verdict: 'pass' })
  })
  it('the same High on a critical metric fails the run whatever the score', () => {
    const got = judgeCanary([...twenty, latency(7, 1.3, 60, { critical: true })], S)
    expect(got).toMatchObject({ score: 0, verdict: 'fail' })
    expect(got.why).toMatch(/critical metric latency is High/)
  })

  it('3 of 4 pass: score 75, marginal', () => {
    const got = judgeCanary([steady('a', 1), steady('b', 2), steady('c', 3), latency(7, 1.3)], S)
    expect(got).toMatchObject({ score: 75, verdict: 'marginal' })
  })

  it('Nodata is left out of the score while under half the metrics', () => {
    // 3 Pass + 1 Nodata: 3 / 3 counted = 100.
    const got = judgeCanary(
      [steady('a', 1), steady('b', 2), steady('c', 3), { ...steady('d', 4), canary: [] }],
      S
    )
    expect(got).toMatchObject({ score: 100, verdict: 'pass' })
    expect(got.metrics.map(m => m.classification)).toEqual(['Pass', 'Pass', 'Pass', 'Nodata'])
  })
  it('Nodata on half the metrics or more fails the run', () => {
    const got = judgeCanary([steady('a', 1), { ...steady('b', 2), baseline: [] }], S)
    expect(got).toMatchObject({ score: 0, verdict: 'fail' })
    expect(got.why).toMatch(/1 of 2 metrics have no data \(b\)/)
  })
  it('a critical metric without data fails the run', () => {
    const got = judgeCanary(
      [steady('a', 1), steady('b', 2), steady('c', 3), { ...steady('d', 4), canary: [], critical: true }],
      S
    )
    expect(got).toMatchObject({ score: 0, verdict: 'fail' })
    expect(got.why).toMatch(/critical metric d is Nodata/)
  })

  it('groups: weighted group scores; unweighted groups share what is left of 100', () => {
    // latency group (weight 70): 1 Pass, 1 High → 50. errors group (no weight → 30): 1 Pass → 100.
    // 50 · 0.7 + 100 · 0.3 = 65: below marginal 75, a fail. Unweighted, the same metrics score 2 / 3 = 66.67 in
    // one group.
    const metrics = [
      steady('p50', 1, { group: 'latency' }),
      latency(7, 1.3, 60, { name: 'p99', group: 'latency' }),
      steady('5xx', 2, { group: 'errors' })
    ]
    expect(judgeCanary(metrics, { ...S, groupWeights: { latency: 70 } })).toMatchObject({
      score: 65,
      verdict: 'fail'
    })
    const ungrouped = metrics.map(m => ({ ...m, group: undefined }))
    expect(judgeCanary(ungrouped, S)).toMatchObject({ score: 66.67, verdict: 'fail' })
  })
})

describe('the result as the metric gates read it (judgedReadings)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => steady(`m${i}`, 200 + i))
  const verdicts = (metrics: MetricSamples[]) =>
    Object.fromEntries(judgedReadings(judgeCanary(metrics, S)).map(r => [r.name, r.verdict]))

  it('a failing run: the High metric fails, with the medians, the unit and the why', () => {
    const [r] = judgedReadings(judgeCanary([latency(7, 1.3, 60, { unit: 'ms' })], S))
    expect(r).toMatchObject({ name: 'latency', unit: 'ms', verdict: 'fail', judgement: 'mann-whitney' })
    expect(r.new).toBeCloseTo(125.1, 1)
    expect(r.stable).toBeCloseTo(105.3, 1)
    expect(r.detail).toBe(
      'High: median 125 ms vs 105 ms, shift +19.8 ms (98 % CI +7.61 to +33.8 ms), p 0.000478, mean ratio 1.21: ' +
        'higher than the baseline; run score 0 (fail)'
    )
  })

  it('a marginal run (3 of 4 pass): the High metric is inconclusive, for a person to decide', () => {
    expect(verdicts([steady('a', 1), steady('b', 2), steady('c', 3), latency(7, 1.3)])).toEqual({
      a: 'pass',
      b: 'pass',
      c: 'pass',
      latency: 'inconclusive'
    })
  })

  it('a passing run (20 of 21): the High metric reads pass, and its detail still says High', () => {
    const readings = judgedReadings(judgeCanary([...twenty, latency(7, 1.3)], S))
    expect(readings.every(r => r.verdict === 'pass')).toBe(true)
    expect(readings.at(-1)?.detail).toMatch(/^High: .*; run score 95\.24 \(pass\)$/)
  })

  it('a run failed by missing data: the Nodata metrics fail, so the gate fails with the judge', () => {
    expect(verdicts([steady('a', 1), { ...steady('b', 2), baseline: [] }])).toEqual({ a: 'pass', b: 'fail' })
  })

  it('Nodata in a passing run reads nodata', () => {
    expect(
      verdicts([steady('a', 1), steady('b', 2), steady('c', 3), { ...steady('d', 4), canary: [] }])
    ).toMatchObject({
      d: 'nodata'
    })
  })

  it('nothing when the judge did not judge: the threshold and ratio readings stand', () => {
    expect(judgedReadings(judgeCanary([latency(7, 1.3, 12)], S))).toEqual([])
  })
})
