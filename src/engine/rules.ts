// The loop's own rules, the same for every deployment controller: who owns the rollout, what a cancelled run
// does, when a rollback is stuck. Pure, so engine-decisions.test.ts tables them; loop.ts carries them out.

import type { OnFailure } from '../config/types.js'
import type { Request, RolloutRecord } from '../record/record.js'
import type { Mode } from './decide.js'
import type { FailureReason } from './events.js'

/** How often, at most, the owner proves it is alive on the record (it does so at each gate poll). */
export const HEARTBEAT_MS = 10_000
/** Consecutive failed observations, or failed actions, (after the SDK's own retries) before the rollout stops safely. */
export const MAX_OBSERVE_ERRORS = 3
/** After a cancel, how long the run keeps rolling back before it hands the rest to the next run. */
export const CANCEL_GRACE_MS = 5000

/**
 * Who took the rollout over, when the record read from the service is no longer this run's: another rollout's
 * id, or a heartbeat newer than this run's last (a control run wrote it as its own). Undefined while it is ours.
 * The service's tags are eventually consistent: right after this rollout's record was first written, a read may
 * still show the rollout before it. Another rollout whose last heartbeat is older than this one's start is that
 * earlier one seen late, not a taker (a taker writes its heartbeat when it takes over, after this one began).
 */
export function takenOverBy(
  recorded: RolloutRecord | undefined,
  own: { id: string; heartbeat: number; startedAt: number }
): string | undefined {
  if (!recorded || (recorded.id === own.id && recorded.heartbeat <= own.heartbeat)) return undefined
  if (recorded.id !== own.id && recorded.heartbeat < own.startedAt) return undefined
  return recorded.owner || recorded.runUrl || recorded.actor
}

/**
 * A request the owner acted on and removed from the record, with the heartbeat of the save that removed it; or,
 * without `request`, the record a run started from, which had none: every request older than it was dealt with.
 */
export interface ClearedRequest {
  request?: Request
  by?: string
  heartbeat: number
}

/**
 * Whether a record read still shows a request the owner has cleared: the service's tags are eventually
 * consistent, and a read older than the clearing save must not get the request acted on twice (a promote
 * skipping a second step). The save writes its heartbeat before removing the request, so the same request at
 * that heartbeat or an older one predates the removal; at a newer heartbeat it was asked again.
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 40 → cleared already (a lagging read)
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 50 → cleared already (between the two calls)
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 60 → asked again
 *   cleared promote:2 at heartbeat 50; read pause at heartbeat 40      → a new request
 *   started from heartbeat 50, no request; read pause at heartbeat 40  → cleared already (before this run began:
 *                                   a run carrying on after the owner paused must not pause again on its request)
 *   started from heartbeat 50, no request; read pause at heartbeat 50  → a new request (written onto that record)
 */
export function clearedAlready(
  recorded: RolloutRecord | undefined,
  cleared: ClearedRequest | undefined
): boolean {
  if (!cleared || !recorded?.request) return false
  if (cleared.request === undefined) return recorded.heartbeat < cleared.heartbeat
  const same = recorded.request === cleared.request && recorded.requestedBy === cleared.by
  return same && recorded.heartbeat <= cleared.heartbeat
}

export type CancelVerdict =
  /** on-cancel: pause — the rollout stops where it is, for a later run. */
  | { kind: 'pause'; reason: FailureReason }
  /** on-cancel: rollback — the rollback starts at once. */
  | { kind: 'rollback'; reason: FailureReason }
  /** The rollback goes on through the grace period (a rollback is never paused halfway). */
  | { kind: 'carry-on' }
  /** The grace is over: the record is handed to the next run (or the post step), which carries the rollback on. */
  | { kind: 'hand-over' }

export interface CancelFacts {
  signal: string
  /** When this run first saw the cancel; undefined the first time. */
  seenAt?: number
  now: number
  onCancel: OnFailure
  mode: Mode
}

/** What a cancelled run does next. */
export function afterCancel(c: CancelFacts): CancelVerdict {
  if (c.seenAt !== undefined)
    return c.now - c.seenAt >= CANCEL_GRACE_MS ? { kind: 'hand-over' } : { kind: 'carry-on' }
  if (c.mode === 'rollback') return { kind: 'carry-on' }
  const reason: FailureReason = { kind: 'cancelled', signal: c.signal }
  return c.onCancel === 'pause' ? { kind: 'pause', reason } : { kind: 'rollback', reason }
}

/**
 * A rollback that has made no progress (no action taken, or ECS asked) for step-timeout is stuck: the run ends
 * failed rather than wait for ever. `progressAt` is undefined until the rollback's first action.
 */
export function stuckRollback(
  progressAt: number | undefined,
  now: number,
  stepTimeoutMs: number
): FailureReason | undefined {
  if (progressAt === undefined || now - progressAt <= stepTimeoutMs) return undefined
  return { kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs }
}

/** A request from a control run carries the name of who asked, as the record has it. */
export function namedRequest(reason: FailureReason, requestedBy: string | undefined): FailureReason {
  return reason.kind === 'requested' && requestedBy ? { ...reason, by: requestedBy } : reason
}
