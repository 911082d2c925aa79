// The owner's fence: before a mutating act, the record read back from the service must still be this run's.
// ECS has no conditional writes, so the fence is a read, and a cheap one: a confirmation covers the acts of the
// next FENCE_MS (those of the same turn as a detailed look, which read the record already). A take-over needs
// the owner silent for the taker's takeover-after, so an owner a take-over can overtake is one that stalled
// after its last look; the stall shows on its clock and it reads again. docs/ownership.md says why the one
// window left (a claim landing during the single call between the read and the act) is harmless.

import type { RecordPort, RolloutRecord } from '../record/record.js'
import type { Clock } from './ports.js'
import { takenOverBy } from './rules.js'

/** How long a read of the record showing it as this run's covers the acts that follow it. */
export const FENCE_MS = 1000
/**
 * How old a read another service's look sent (several services in one run) may be to stand for the fence's own:
 * it covers the acts of FENCE_MS from when it was sent, as a read of its own would from now, so the argument above
 * holds unchanged, and half of FENCE_MS is still ahead of it.
 */
export const FENCE_SHARED_MS = FENCE_MS / 2

/** Thrown by the fence when the record read back is another run's: the act is not taken, the run stops. */
export class TakenOver extends Error {
  constructor(readonly by: string) {
    super(`the rollout was taken over by ${by}`)
    this.name = 'TakenOver'
  }
}

/** Lets a TakenOver through a catch that retries or counts every other error. */
export function passTakenOver(error: unknown): void {
  if (error instanceof TakenOver) throw error
}

/** The owner's token: its rollout's id and the last heartbeat it wrote, and when the rollout started. */
type Own = { id: string; heartbeat: number; startedAt: number }

/** A catch's handler that lets a TakenOver through and answers any other error with `fallback`. */
export function unlessTakenOver<T>(fallback: () => T): (error: unknown) => T {
  return error => {
    passTakenOver(error)
    return fallback()
  }
}

export class OwnerFence {
  /** When the record was last read from the service as this run's. */
  private confirmedAt = -Infinity

  /** `own`: the owner's token as it is now (its heartbeat moves on with every save). */
  constructor(
    private readonly records: RecordPort,
    private readonly clock: Clock,
    private readonly own: () => Own
  ) {}

  /** Before an act: reads the record back unless confirmed within FENCE_MS; throws TakenOver if not ours. */
  async check(): Promise<void> {
    const now = this.clock.now()
    if (now - this.confirmedAt < FENCE_MS) return
    const { record, at } = await this.records.load(FENCE_SHARED_MS)
    this.confirm(record, Math.min(now, at ?? now))
  }

  /** The record read at `at` (by a detailed look, or the fence): throws TakenOver unless it is this run's. */
  confirm(recorded: RolloutRecord | undefined, at: number): void {
    const by = takenOverBy(recorded, this.own())
    if (by !== undefined) throw new TakenOver(by)
    this.confirmedAt = at
  }
}
