// Who owns a rollout (control-protocol.ts says how the protocol between runs uses it): the run executing it,
// whether that run is still alive (its heartbeat, or a later attempt of the same job has started), the record as
// a run that takes the rollout over writes it, and what a deploy does with a rollout already active. Pure.

import type { Config } from '../config/types.js'
import type { RolloutRecord, RunAttempt } from '../record/record.js'
import { runAttempt, type RunContext } from '../run-context.js'

/** The run executing the rollout now (or last), for messages. */
export function ownerOf(record: RolloutRecord): string {
  return record.owner || record.runUrl || record.actor
}

/** What of this run identifies it as a rollout's owner. */
export type RunIdentity = Partial<Pick<RunContext, 'runUrl' | 'runId' | 'runAttempt' | 'job'>> & {
  actor: string
}

/**
 * The owner has ended because this run is a later attempt of the very job that owns the rollout: a re-run.
 * Another job of the same run (another GITHUB_JOB) may be running still, and a record without the owner's
 * attempt (written by an older version) proves nothing: both are left to the heartbeat.
 */
export function ownerReRun(record: RolloutRecord, run: Omit<RunIdentity, 'actor'> | undefined): boolean {
  const owner = record.ownerRun
  const self = run && runAttempt(run)
  return (
    !!owner && !!self && owner.runId === self.runId && owner.job === self.job && self.attempt > owner.attempt
  )
}

export function ownerIsAlive(
  record: RolloutRecord,
  config: Pick<Config, 'takeoverAfterMs'>,
  now: number,
  run?: Omit<RunIdentity, 'actor'>
): boolean {
  const running = record.stage === 'executing' || record.stage === 'rolling-back'
  return running && now - record.heartbeat < config.takeoverAfterMs && !ownerReRun(record, run)
}

/** The owner fields of a record this run executes (or holds paused) now. */
export function ownedBy(run: RunIdentity): { owner: string; ownerRun?: RunAttempt } {
  return { owner: run.runUrl || run.actor, ownerRun: runAttempt(run) }
}

/** The record as this run's, which now executes the rollout forward or rolls it back. */
export function takeOver(
  record: RolloutRecord,
  deps: { run: RunIdentity; clock: { now(): number } },
  mode: 'forward' | 'rollback'
): RolloutRecord {
  return {
    ...record,
    ...ownedBy(deps.run),
    heartbeat: deps.clock.now(),
    stage: mode === 'rollback' ? 'rolling-back' : 'executing',
    request: null
  }
}

export type DeployOverChoice =
  /** Its owner is alive: refused, it is the owner's. */
  | { kind: 'refuse-live' }
  /** Its owner is gone, but this run was not told to take it over (takeover: false). */
  | { kind: 'refuse-orphan' }
  /** This run deals with it first: on-orphan. `reRun`: its owner was an earlier attempt of this very job. */
  | { kind: 'take-over'; reRun: boolean }

/**
 * What a deploy does with a rollout already active on the service.
 *   owner alive (heartbeat 1m ago, takeover-after 15m)            → refused, whatever takeover says
 *   owner gone (heartbeat 20m ago), takeover: false                → refused: resume, abort, or takeover: true
 *   owner gone, takeover: true                                     → take it over (on-orphan)
 *   owned by attempt 1 of this job, this is attempt 2 (a re-run)   → take it over at once, without takeover
 *   owned by attempt 1 of another job of this run                  → refused while its heartbeat is fresh
 */
export function chooseDeployOver(
  record: RolloutRecord,
  config: Pick<Config, 'takeoverAfterMs' | 'takeover'>,
  now: number,
  run: Omit<RunIdentity, 'actor'>
): DeployOverChoice {
  const reRun = ownerReRun(record, run)
  if (ownerIsAlive(record, config, now, run)) return { kind: 'refuse-live' }
  if (!reRun && !config.takeover) return { kind: 'refuse-orphan' }
  return { kind: 'take-over', reRun }
}

/** What a deploy with takeover: true does with a rollout whose owner is gone (on-orphan). */
export function orphanMode(record: RolloutRecord, onOrphan: Config['onOrphan']): 'forward' | 'rollback' {
  return record.stage === 'rolling-back' || onOrphan === 'rollback' ? 'rollback' : 'forward'
}
