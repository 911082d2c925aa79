// Which services go in which wave: pure, so the table test pins it (__tests__/unit/waves.test.ts). A wave is a
// list of indexes into `services`, in the order they were given. Sizes are totals so far, not increments, as the
// AWS Builders' Library describes waves of growing size: "1, 25%, 100%" is one service first, then up to a
// quarter of them, then every one left.

import type { WaveSpec } from '../config/wave-inputs.js'
import type { Quantity } from '../config/types.js'

/**
 * Worked examples:
 * - 20 services, "1, 25%, 100%" → [0], [1..4], [5..19]: 25% of 20 is 5 in all, so 4 more in the second wave.
 * - 3 services, "1, 100%" → [0], [1, 2].
 * - 3 services, "1, 25%, 100%" → [0], [1, 2]: 25% of 3 rounds up to 1, no more than the first wave, so no wave.
 * - 4 services, "2" → [0, 1], [2, 3]: the services no size reaches go in one last wave.
 * - groups "web" / "worker, api" of services web, api, worker → [0], [2, 1], as the lines name them.
 */
export function planWaves(count: number, spec: WaveSpec): number[][] {
  if (spec.kind === 'groups') return spec.groups.filter(g => g.length > 0)
  const waves: number[][] = []
  let done = 0
  for (const size of spec.sizes) {
    const total = Math.min(count, totalOf(size, count))
    if (total > done) waves.push(range(done, total))
    done = Math.max(done, total)
  }
  if (done < count) waves.push(range(done, count))
  return waves
}

/** A percentage rounds up, so every wave named has at least one service. */
function totalOf(size: Quantity, count: number): number {
  if (size.kind === 'count') return size.value
  return Math.max(1, Math.ceil(Math.round(((count * size.value) / 100) * 1e9) / 1e9))
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i)
}
