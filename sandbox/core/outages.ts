// Seeded bad weather: bursts of 5xx answers at random times, and connections reset after a call took effect.
import type { RealismState } from './realism.js'

/** An exponential wait with this mean, drawn from the realism stream. */
const exponential = (state: RealismState, mean: number) => -Math.log(1 - state.rng.next()) * mean

/** Whether a call at `now` falls in a burst and is one of the calls the burst fails. */
export function failsInBurst(state: RealismState, now: number): boolean {
  const { burstEveryMs, burstMs, burstFailRate } = state.settings
  if (burstEveryMs <= 0 || burstMs <= 0) return false
  state.burst ??= nextBurst(state, now)
  while (now >= state.burst.until) state.burst = nextBurst(state, state.burst.until)
  return now >= state.burst.from && state.rng.next() < burstFailRate
}

function nextBurst(state: RealismState, after: number): { from: number; until: number } {
  const from = after + exponential(state, state.settings.burstEveryMs)
  return { from, until: from + state.settings.burstMs }
}

/** Whether this call's connection is reset once the call took effect (its answer is lost). */
export const resetsConnection = (state: RealismState) =>
  state.settings.resetRate > 0 && state.rng.next() < state.settings.resetRate
