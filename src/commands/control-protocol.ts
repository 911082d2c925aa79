// The protocol between runs over one rollout: what a later run does with a rollout another run started. Every
// choice here is a pure function of the record on the service, this run (its inputs and the time) and what it
// asks; control.ts and post-main.ts carry the choices out. Who owns a rollout, and when a deploy may take one
// over, is rollout-owner.ts.
//
// A rollout is owned by the run that executes it; the owner heart-beats on the record (every HEARTBEAT_MS at
// most) and stops when another run has taken the rollout over. An owner whose heartbeat is older than
// takeover-after is gone, and so is one that a later attempt of the same job finds (GitHub starts a re-run only
// after the earlier attempt has ended). A paused rollout has no owner: any control run may act on it.
// - The owner is alive: a control run leaves a request on the record and waits for the owner to act on it.
// - The owner is gone (or the rollout is paused): the control run takes the rollout over and carries it on.
// - A run cancelled with its rollout unfinished hands it off (heartbeat 0); its post step applies on-cancel.

import { InputError, show } from '../config/parse.js'
import { nativeName } from '../config/native-shape.js'
import type { Config, OnFailure, PlanConfig } from '../config/types.js'
import type { Request, RolloutRecord } from '../record/record.js'
import { changePlan, fixedInputError, stepsChanged } from './plan-change.js'
import { ownerIsAlive, ownerOf, type RunIdentity } from './rollout-owner.js'

/** Where a carried-on rollout continues: a step number, or the first step beyond the new tasks running. */
export type StepChoice = number | 'by-counts'

export type ControlChoice =
  /** Changes nothing: the rollout's status, with a note on why. */
  | { kind: 'report'; note: string }
  /** Refused, with the error that says why and what to do instead. */
  | { kind: 'refuse'; error: Error }
  /** The owner is gone: the record is marked paused, as this run's, and nothing else changes. */
  | { kind: 'pause-in-place' }
  /** The owner is alive: leave the request on the record and wait until it has acted. */
  | { kind: 'ask-owner'; request: Request }
  /** The owner plans with its own steps: ask it to pause, then carry on with the new steps from `step`. */
  | { kind: 'ask-pause-then-carry-on'; step: StepChoice }
  /** Take the task-set rollout over and execute it forward from `step`, or roll it back. */
  | { kind: 'carry-on'; mode: 'forward'; step: StepChoice }
  | { kind: 'carry-on'; mode: 'rollback' }
  /**
   * Take the ECS deployment over and follow it from `step`, rolling it back when `rollback` says why; a promote
   * releases the steps before `promotedTo` without their bakes.
   */
  | { kind: 'follow-ecs'; rollback?: 'abort' | 'orphan'; step?: number; promotedTo?: number }

export type ControlCommand = 'pause' | 'resume' | 'promote' | 'abort'

/** What of this run's config the protocol reads. */
export type ControlInputs = Pick<
  Config,
  'service' | 'given' | 'plan' | 'promoteFull' | 'to' | 'takeoverAfterMs'
> & {
  command: string
}

/**
 * What a control run does with the rollout on record.
 * Worked examples (takeover-after 15m, the owner's last heartbeat 1 minute ago unless said otherwise):
 *   pause, executing                        → ask the owner to pause
 *   pause, executing, heartbeat 20m ago     → pause it in place (the owner is gone)
 *   abort, executing                        → ask the owner to abort
 *   abort, owner gone                       → carry it on as a rollback
 *   abort of a rollback, owner alive        → report it: the rollback already goes where an abort would
 *   abort of a rollback, owner gone         → carry the rollback on forward (reversing it would undo it)
 *   resume, paused at step 2                → carry it on forward from step 2
 *   resume, paused at a manual step 2       → (stage batch-completed) carry on forward from step 3
 *   resume with step-percent, owner alive   → ask the owner to pause, then carry on by counts
 *   promote, paused at step 2 of 4          → carry on from step 3; with to: 4 from step 4
 *   promote, rolling back                   → refused: there is nothing to promote
 *   resume, ECS deployment, owner gone      → follow ECS's deployment again
 *   abort, owned by attempt 1 of this job   → (this run is attempt 2: the owner has ended) carry it on as a rollback
 *   promote, native ECS deployment paused at a manual step 2 of 4 → follow it from step 3, released at once
 */
export function chooseControl(
  record: RolloutRecord | undefined,
  controller: string,
  config: ControlInputs,
  now: number,
  run?: Omit<RunIdentity, 'actor'>
): ControlChoice {
  if (!record || record.phase !== 'Active')
    return refuse(
      `there is no rollout in progress on ${config.service}${record ? ` (the last one, ${record.id}, ended ${record.outcome ?? 'completed'})` : ''}: nothing to ${config.command}`
    )
  const alive = ownerIsAlive(record, config, now, run)
  if (config.command === 'abort' && record.rollback) return carryOnRollback(record, controller, alive)
  if (controller === 'ECS') return chooseForEcsDeployment(record, config, alive)
  const rollingBack = record.stage === 'rolling-back'
  const running = { kind: 'report', note: `is already running in ${ownerOf(record)}` } as const
  switch (config.command) {
    case 'pause':
      if (record.stage === 'paused' || record.stage === 'batch-completed')
        return { kind: 'report', note: 'already paused' }
      if (rollingBack) return refuseWhileRollingBack(config, record, alive)
      return alive ? { kind: 'ask-owner', request: 'pause' } : { kind: 'pause-in-place' }
    case 'abort':
      return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'carry-on', mode: 'rollback' }
    case 'resume':
      if (rollingBack && !alive) return { kind: 'carry-on', mode: 'rollback' }
      if (alive && (rollingBack || !stepsChanged(config))) return running
      // A rollback that lost its owner is carried on above: a resume never turns it forward again.
      if (alive) return { kind: 'ask-pause-then-carry-on', step: 'by-counts' }
      return { kind: 'carry-on', mode: 'forward', step: resumeStep(config, record) }
    case 'promote': {
      if (rollingBack) return refuseWhileRollingBack(config, record, alive)
      let target: { step: StepChoice; request: Request }
      try {
        target = promoteStep(config, record)
      } catch (error) {
        return { kind: 'refuse', error: error as Error }
      }
      if (alive && !stepsChanged(config)) return { kind: 'ask-owner', request: target.request }
      if (alive) return { kind: 'ask-pause-then-carry-on', step: target.step }
      return { kind: 'carry-on', mode: 'forward', step: target.step }
    }
    default:
      return refuse(`command: ${config.command} is not a control command`)
  }
}

/**
 * A rollout on an ECS-controller service is a deployment ECS carries out. A native one (linear, canary,
 * blue-green) waits at the action's pause hook before every step, so it can be paused where it is (ECS keeps
 * waiting), resumed and promoted step by step from later runs, as task sets are; a rolling one ECS carries
 * through by itself: it can only be aborted or followed again. A resume or promote may change what the action
 * times (bakes, pause steps, partition: plan-change.ts), never what ECS holds for the running deployment.
 *   pause, native, owner alive          → ask the owner to pause (ECS keeps waiting at the hook)
 *   promote, native, batch-completed 2  → follow from step 3, its bake skipped (promotedTo 3)
 *   promote-full, native, paused at 2   → follow from step 2, every step released at once (promotedTo 5 of 4)
 *   resume with step-bake-time, paused at 2 → follow from step 2 with the new bakes
 *   resume with step-bake-time, owner alive → ask the owner to pause, then follow with the new bakes
 *   resume with step-percent 20 (25 in flight) → refused, naming both values
 *   pause, rolling                      → refused: ECS would carry on regardless
 */
function chooseForEcsDeployment(record: RolloutRecord, config: ControlInputs, alive: boolean): ControlChoice {
  const rollingBack = record.stage === 'rolling-back'
  const held = nativeName(record.plan.strategy) !== undefined
  // ECS waits before the step after a manual pause; a rollout paused mid-step bakes that step again.
  const from = record.stage === 'batch-completed' ? record.step + 1 : record.step
  const change = changePlan(config, record, 'ECS')
  const [fixed] = change.fixed
  if (config.command !== 'abort' && fixed) {
    const { input, message } = fixedInputError(fixed, { ...config, id: record.id })
    return { kind: 'refuse', error: new InputError(input, message) }
  }
  // The owner bakes by its own plan: it pauses first, ECS waiting at the hook, and this run carries on.
  const newPlan = change.changed && held && !rollingBack
  if (alive && newPlan && (config.command === 'resume' || config.command === 'promote'))
    return { kind: 'ask-pause-then-carry-on', step: from }
  switch (config.command) {
    case 'abort':
      return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'follow-ecs', rollback: 'abort' }
    case 'resume':
      if (alive) return { kind: 'report', note: `is already running in ${ownerOf(record)}` }
      if (rollingBack) return { kind: 'follow-ecs', rollback: 'orphan' }
      return { kind: 'follow-ecs', step: from }
    case 'pause':
    case 'promote': {
      if (!held)
        return refuse(
          `rollout ${record.id} on ${config.service} is a rolling deployment that ECS carries out itself (ECS deployment controller), so it cannot be ${config.command === 'pause' ? 'paused' : 'promoted'}: abort rolls it back, resume follows it again when its run is gone. Native strategies (linear, canary, blue-green) can be paused and promoted`
        )
      if (rollingBack) return refuseWhileRollingBack(config, record, alive)
      const paused = record.stage === 'paused' || record.stage === 'batch-completed'
      if (config.command === 'pause') {
        if (paused) return { kind: 'report', note: 'already paused' }
        return alive ? { kind: 'ask-owner', request: 'pause' } : { kind: 'pause-in-place' }
      }
      let target: { step: StepChoice; request: Request }
      try {
        // ECS keeps its steps: a changed plan still promotes by step number.
        target = promoteStep(config, record, false)
      } catch (error) {
        return { kind: 'refuse', error: error as Error }
      }
      if (alive) return { kind: 'ask-owner', request: target.request }
      const to = Math.min(Number(target.step), record.steps + 1)
      return { kind: 'follow-ecs', step: Math.min(from, to), promotedTo: to }
    }
    default:
      return refuse(`command: ${config.command} is not a control command`)
  }
}

function refuse(message: string): ControlChoice {
  return { kind: 'refuse', error: new Error(message) }
}

function refuseWhileRollingBack(config: ControlInputs, record: RolloutRecord, alive: boolean): ControlChoice {
  return refuse(
    `rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${ownerOf(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`
  )
}

/** A resumed rollout continues at its step; one waiting at a manual pause goes past it. */
/**
 * An abort of a rollout that is itself a rollback (`command: rollback`, a wave's rollback): it already takes the
 * service back, and aborting it would put back the revision it replaces. It goes on, owned or carried on here.
 */
function carryOnRollback(record: RolloutRecord, controller: string, alive: boolean): ControlChoice {
  if (alive)
    return {
      kind: 'report',
      note: `is a rollback already, running in ${ownerOf(record)}: it goes on, as aborting it would undo it`
    }
  const step = record.stage === 'batch-completed' ? record.step + 1 : record.step
  return controller === 'ECS' ? { kind: 'follow-ecs', step } : { kind: 'carry-on', mode: 'forward', step }
}

function resumeStep(config: ControlInputs, record: RolloutRecord): StepChoice {
  if (stepsChanged(config)) return 'by-counts'
  return record.stage === 'batch-completed' ? record.step + 1 : record.step
}

function promoteStep(
  config: ControlInputs,
  record: RolloutRecord,
  byCounts = stepsChanged(config)
): { step: StepChoice; request: Request } {
  if (config.promoteFull) return { step: Number.MAX_SAFE_INTEGER, request: 'promote:full' }
  if (config.to !== undefined) {
    const n = Number(config.to)
    if (!Number.isInteger(n) || n < 1)
      throw new InputError('to', `${show(config.to)} is not a step number for promote`)
    if (n <= record.step)
      throw new InputError(
        'to',
        `${show(config.to)} is not ahead of the rollout, which is at step ${record.step} of ${record.steps}: promote goes forward only (abort, or a partition, goes back)`
      )
    return { step: n, request: `promote:${n}` }
  }
  if (byCounts) return { step: 'by-counts', request: `promote:${record.step + 1}` }
  return { step: record.step + 1, request: `promote:${record.step + 1}` }
}

/**
 * Where a changed plan takes over: with a partition, its one step (up or down to the partition, then the
 * pause); otherwise the first step beyond the new tasks running today, or the final phase past the last.
 */
export function stepByCounts(plan: PlanConfig, steps: { new: number }[], newTasks: number): number {
  if (plan.strategy.name === 'rolling' && plan.strategy.partition) return 1
  const index = steps.findIndex(s => s.new > newTasks)
  return index === -1 ? steps.length + 1 : index + 1
}

export type PostStepChoice =
  /** Not this run's to settle, or settled on purpose by the main step. */
  | { kind: 'nothing' }
  /** on-cancel: pause on a rolling deployment ECS carries out itself: it is left to ECS. */
  | { kind: 'leave-to-ecs'; handedOver: boolean }
  /** Apply on-cancel as a control run would: pause it, or abort (roll it back). */
  | { kind: 'settle'; command: 'pause' | 'abort'; handedOver: boolean }

/**
 * What the post step does with the rollout its main step saved (`id`) and may have left unfinished.
 *   another rollout, or this one completed or paused       → nothing
 *   owned by another run now                                → nothing
 *   the main step finished and kept the heartbeat alive     → nothing (it ended the run on purpose)
 *   handed over (heartbeat 0), or the main step was killed  → on-cancel: abort it, or pause it; a rollback
 *                                                              under way is always carried on
 *   on-cancel: pause on a rolling ECS deployment            → left to ECS (a native one is paused: ECS waits
 *                                                              at the action's hook)
 */
export function choosePostStep(
  id: string,
  record: RolloutRecord | undefined,
  run: { runUrl?: string; mainFinished: boolean; onCancel: OnFailure; controller: string }
): PostStepChoice {
  if (!record || record.id !== id || record.phase !== 'Active') return { kind: 'nothing' }
  if (record.stage === 'paused' || record.stage === 'batch-completed') return { kind: 'nothing' }
  // Another run carries it on now: not this run's to touch.
  if (run.runUrl && ownerOf(record) !== run.runUrl) return { kind: 'nothing' }
  // The main step reported and kept the rollout (heartbeat alive): it ended it on purpose.
  const handedOver = record.heartbeat === 0
  if (run.mainFinished && !handedOver) return { kind: 'nothing' }
  // A rollback under way is carried on whatever on-cancel says: a rollback is never paused halfway.
  const pause = run.onCancel === 'pause' && record.stage !== 'rolling-back'
  if (pause && run.controller === 'ECS' && !nativeName(record.plan.strategy))
    return { kind: 'leave-to-ecs', handedOver }
  return { kind: 'settle', command: pause ? 'pause' : 'abort', handedOver }
}
