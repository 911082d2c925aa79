// Summary statistics over trials: median and p95 (nearest rank, so p95 is a value that was observed).

export interface Summary {
  n: number
  median: number
  p95: number
  min: number
  max: number
  mean: number
}

/** The q-quantile by nearest rank: the smallest observed value with at least q of the trials at or below it. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function summarize(values: number[]): Summary {
  const finite = values.filter(Number.isFinite)
  return {
    n: finite.length,
    median: median(finite),
    p95: quantile(finite, 0.95),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    mean: finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN
  }
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
