// The Mann-Whitney U (Wilcoxon rank-sum) test of a canary sample x against a baseline sample y, with a confidence
// interval for the shift x − y: R's wilcox.test(x, y, conf.int = TRUE, correct = TRUE) with the normal
// approximation, as Kayenta's MannWhitney.scala ports it. The rank sum and the normal distribution come from
// simple-statistics; what is here is only the arithmetic that turns them into a test.
//
// How the interval is found: shift x by μ, rank (x − μ) ∪ y with ties averaged and standardise the rank sum
// (continuity and tie corrections included). That number falls as μ grows; the interval's ends are the shifts at
// which it crosses +z and −z (z = Φ⁻¹(1 − α/2)), and the point estimate (the Hodges–Lehmann shift, the median of
// all pairwise differences) is where it crosses 0. Kayenta finds those crossings with Brent's method and an
// absolute tolerance of 1e-4, too coarse for an error rate of 0.001; bisection to a millionth of the search range
// finds the same crossings at any scale, and the same answer every time.

import { errorFunction, max, min, probit, wilcoxonRankSum } from 'simple-statistics'

export interface ShiftInterval {
  /** The Hodges–Lehmann estimate of x − y. */
  estimate: number
  /** The confidence interval for x − y. */
  low: number
  high: number
  /** Two-sided p-value of "no shift" (normal approximation, continuity-corrected). */
  pValue: number
}

/** P(Z ≤ z) for a standard normal Z; simple-statistics' errorFunction is good to about 1e-7. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2))
}

/**
 * Φ⁻¹(p). simple-statistics' probit is Winitzki's closed form, 0.2 % off at p = 0.99 (2.3214 for 2.3263); two
 * Newton steps against normalCdf bring it to the cdf's own accuracy (2.3263478 at p = 0.99).
 */
export function normalQuantile(p: number): number {
  let z = probit(p)
  for (let i = 0; i < 2; i++) z -= (normalCdf(z) - p) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI))
  return z
}

/** Σ(t³ − t) over the groups of tied values: the rank-sum variance's tie correction. */
function tieTerm(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  let sum = 0
  for (let i = 0; i < sorted.length;) {
    let j = i + 1
    while (j < sorted.length && sorted[j] === sorted[i]) j++
    const t = j - i
    sum += t * t * t - t
    i = j
  }
  return sum
}

/**
 * How many standard deviations the rank sum of (x − μ) lies above its mean under "no shift", continuity-corrected
 * toward 0 (Kayenta's wilcoxonDiff with quantile 0). Never increases as μ grows. NaN when every value is tied.
 */
function standardisedRankSum(x: number[], y: number[], mu: number): number {
  const nx = x.length
  const ny = y.length
  const n = nx + ny
  const shifted = x.map(v => v - mu)
  const dz = wilcoxonRankSum(shifted, y) - (nx * (nx + 1)) / 2 - (nx * ny) / 2
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieTerm([...shifted, ...y]) / (n * (n - 1))))
  return (dz - 0.5 * Math.sign(dz)) / sigma
}

/**
 * The μ in [lo, hi] where the non-increasing step function f crosses 0, with Kayenta's end rules: lo when
 * f(lo) ≤ 0 already, hi when f(hi) ≥ 0 still. f steps only where μ is a pairwise difference x − y, so the crossing
 * is one of those: bisection brackets it and `snap` puts it exactly there. That matters where the crossing is at 0,
 * as for an error rate that is 0 in most minutes: a bracket's middle would sit just above 0 and make a zero shift
 * look like an increase. Where f is 0 over a whole stretch (the point estimate, often), the middle of that
 * stretch: the median of the pairwise differences, as R reports it.
 */
function crossing(
  f: (mu: number) => number,
  lo: number,
  hi: number,
  snap: (bracket: Bracket) => number
): number {
  if (!(lo < hi) || f(lo) <= 0) return lo
  if (f(hi) >= 0) return hi
  // A millionth of the search range: far finer than the tolerance the classification compares against.
  const tolerance = 1e-6 * (hi - lo)
  const positiveUpTo = edge(f, lo, hi, tolerance, v => v > 0)
  if (f(positiveUpTo.hi) !== 0) return snap(positiveUpTo)
  return (snap(positiveUpTo) + snap(edge(f, positiveUpTo.hi, hi, tolerance, v => v >= 0))) / 2
}

interface Bracket {
  lo: number
  hi: number
}

/** The one pairwise difference x − y in the bracket, or the bracket's middle when there are several. */
function onlyDifferenceWithin(x: number[], y: number[], { lo, hi }: Bracket): number {
  let found: number | undefined
  for (const a of x)
    for (const b of y) {
      const d = a - b
      if (d < lo || d > hi) continue
      // 1.91 − 1.15 and 1.64 − 0.88 are the same difference, though not the same double.
      if (found !== undefined && Math.abs(d - found) > 1e-12 * Math.max(Math.abs(d), Math.abs(found)))
        return (lo + hi) / 2
      found = d
    }
  return found ?? (lo + hi) / 2
}

/** Bisection down to `tolerance` for the boundary between where `before` holds (at lo) and where it does not. */
function edge(
  f: (mu: number) => number,
  lo: number,
  hi: number,
  tolerance: number,
  before: (v: number) => boolean
): Bracket {
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2
    if (before(f(mid))) lo = mid
    else hi = mid
  }
  return { lo, hi }
}

/**
 * The test and the interval at the given confidence (0.98 in Kayenta's judge). x and y must be non-empty and
 * finite. When x and y are each one repeated value the shift is exact: x₀ − y₀, with no width (Kayenta adds
 * Gaussian noise of σ = value·1e-5 there, which gives the same interval to five digits but not the same answer
 * twice).
 */
export function shiftInterval(x: number[], y: number[], confidence: number): ShiftInterval {
  const lo = min(x) - max(y)
  const hi = max(x) - min(y)
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const snap = (bracket: Bracket) => onlyDifferenceWithin(x, y, bracket)
  const at = (q: number) => crossing(mu => standardisedRankSum(x, y, mu) - q, lo, hi, snap)
  const z0 = standardisedRankSum(x, y, 0)
  return { estimate: at(0), low: at(z), high: at(-z), pValue: 1 - errorFunction(Math.abs(z0) / Math.SQRT2) }
}
