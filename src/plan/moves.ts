// How to get from one step's task counts to the next without breaking the capacity envelope.
//
// A move changes both task sets at once. It first stops tasks the target no longer needs, as far as the
// healthy floor allows, then starts tasks the target needs, as far as the ceiling allows. Tasks being
// started are not yet healthy, so during a move healthy capacity is at least what was left running; the
// engine waits for the task sets to be stable before the next move. The same function serves rollouts
// (new grows, stable shrinks) and rollbacks (stable grows back first, then new shrinks).
//
// Worked example, desired 10, max-surge 3, max-unavailable 0 (floor 10, ceiling 13):
//   (new 0, stable 10) → (new 5, stable 5): start 3 new         → (3, 10)
//                                          stop 3 stable, start 2 → (5, 7)
//                                          stop 2 stable          → (5, 5)
//   rollback (5, 5) → (0, 10):             start 3 stable        → (5, 8)
//                                          stop 3 new, start 2 stable → (2, 10)
//                                          stop 2 new            → (0, 10)

import type { Counts, Limits } from './types.js'

export function planMoves(from: Counts, to: Counts, limits: Limits): Counts[] {
  const moves: Counts[] = []
  let current = { ...from }
  while (current.new !== to.new || current.stable !== to.stable) {
    const next = nextMove(current, to, limits)
    if (next.new === current.new && next.stable === current.stable) {
      throw new Error(
        `cannot move from ${describe(current)} to ${describe(to)}: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`
      )
    }
    moves.push(next)
    current = next
  }
  return moves
}

function nextMove(current: Counts, to: Counts, limits: Limits): Counts {
  let removable = Math.max(0, current.new + current.stable - limits.minHealthy)
  const stableDown = Math.min(Math.max(0, current.stable - to.stable), removable)
  removable -= stableDown
  const newDown = Math.min(Math.max(0, current.new - to.new), removable)
  const afterStops = { new: current.new - newDown, stable: current.stable - stableDown }

  let room = Math.max(0, limits.maxTotal - afterStops.new - afterStops.stable)
  const newUp = Math.min(Math.max(0, to.new - afterStops.new), room)
  room -= newUp
  const stableUp = Math.min(Math.max(0, to.stable - afterStops.stable), room)
  return { new: afterStops.new + newUp, stable: afterStops.stable + stableUp }
}

function describe(c: Counts): string {
  return `new ${c.new}/stable ${c.stable}`
}
