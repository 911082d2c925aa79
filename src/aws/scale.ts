// Task set sizes are PERCENT scales of the service's desired count, and ECS runs
// computedDesiredCount = ceil(desiredCount × scale / 100) tasks. This picks the scale for an exact count.

/** What ECS computes from a scale, by its documented formula. */
export function computedCount(desiredCount: number, percent: number): number {
  return Math.ceil((desiredCount * percent) / 100)
}

/** The PERCENT scale for which ECS runs exactly `target` of `desiredCount` tasks. */
export function scalePercent(target: number, desiredCount: number): number {
  if (!Number.isInteger(target) || target < 0 || target > desiredCount)
    throw new Error(
      `cannot size a task set at ${target} tasks of a service whose desired count is ${desiredCount}`
    )
  if (target === desiredCount) return desiredCount === 0 ? 0 : 100
  // The share target × 100 / desired, rounded down to 4 decimals, stays proportional when an autoscaler
  // changes the desired count. When it is exact, floating point can still tip the product a hair above
  // target (25 × (28 / 100) = 7.000000000000001, ceil 8), depending on how ECS orders the operations: then
  // take the next value down, 0.0001 below, which is still far above the share of target − 1.
  const units = Math.floor((target * 1_000_000) / desiredCount)
  const fits = (percent: number): boolean =>
    computedCount(desiredCount, percent) === target && Math.ceil(desiredCount * (percent / 100)) === target
  return fits(units / 10_000) ? units / 10_000 : (units - 1) / 10_000
}
