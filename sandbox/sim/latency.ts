/**
 * Response times as a distribution rather than one number, so TargetResponseTime's percentiles (p50, p99, p99.9,
 * tm99) mean something: log-normal with σ = 0.3, which puts p99 at about twice the median, a common shape for a
 * web service. It is deterministic: each tick's requests are spread over fixed probability bins, each reported at
 * the quantile of its upper edge, so a percentile at a bin edge (p10 … p90, p95, p98, p99, p99.5, p99.9, p99.95)
 * comes out exact.
 */
const SIGMA = 0.3

/** [upper edge of the bin, standard normal quantile there] (Python's statistics.NormalDist().inv_cdf); the last
 * bin, up to 1, is reported at its 99.995th percentile. */
const BINS: [number, number][] = [
  [0.1, -1.2816],
  [0.2, -0.8416],
  [0.3, -0.5244],
  [0.4, -0.2533],
  [0.5, 0],
  [0.6, 0.2533],
  [0.7, 0.5244],
  [0.8, 0.8416],
  [0.9, 1.2816],
  [0.95, 1.6449],
  [0.98, 2.0537],
  [0.99, 2.3263],
  [0.995, 2.5758],
  [0.999, 3.0902],
  [0.9995, 3.2905],
  [1, 3.8906]
]

/** Each bin's share of requests and its value relative to the mean, scaled so the mean is exactly 1. */
const SHAPE = (() => {
  const raw = BINS.map(([edge, z], i) => ({
    share: edge - (i ? BINS[i - 1][0] : 0),
    factor: Math.exp(SIGMA * z)
  }))
  const mean = raw.reduce((n, b) => n + b.share * b.factor, 0)
  return raw.map(b => ({ share: b.share, factor: b.factor / mean }))
})()

/** `requests` response times whose mean is `meanSeconds`, as the value/count pairs a datapoint keeps. */
export function latencySamples(meanSeconds: number, requests: number): { value: number; count: number }[] {
  return SHAPE.map(b => ({ value: meanSeconds * b.factor, count: requests * b.share }))
}
