// decideFollow: the pure decision for services with the ECS deployment controller. ECS carries the deployment
// out; from where the rollout is and what ECS and the gates show, this names the next thing the follower does:
// wait for ECS, start a step's bake, move on, release the step ECS holds at the action's pause hook, retire, or
// roll back (asked of ECS, or recognised as ECS's own). The gates are judged by the very rule task-set rollouts
// use (failedGate). A native deployment that carries the action's pause hook (obs.holding) waits at every step
// until released, so the action times every bake itself; one without it (started by an older version) moves on
// by ECS's own bake timer and is followed as before.

import type { Plan } from '../plan/types.js'
import {
  failedGate,
  promoteTarget,
  starved,
  type EngineState,
  type Limits,
  type LoopState,
  type Watch
} from './decide.js'
import type { FailureReason, PauseWhy } from './events.js'
import type { DeploymentObservation } from './ports.js'

export interface FollowState extends LoopState {
  /** Final stage: the post-deploy hook has run and the final bake is announced. */
  finalBakeStarted: boolean
  /** The rollback is ECS's, or the action has asked for it. */
  rollbackAsked: boolean
  /** The pause hook the action released last: ECS may show it awaiting for one more look. */
  released?: string
  /** A promote: the steps before this one are released without their bakes or manual pauses. */
  promotedTo?: number
}

export interface FollowObservation extends Watch {
  deployment: DeploymentObservation
}

export type FollowDecision =
  | { kind: 'wait'; for: string }
  /** The step is reached: its bake begins (ECS bakes a native step itself). */
  | { kind: 'bake' }
  | { kind: 'next-step' }
  | { kind: 'final-bake' }
  /** ECS waits at the action's pause hook, and the gates held for the bake: release it (ContinueServiceDeployment). */
  | { kind: 'proceed'; hookId: string }
  | { kind: 'retire' }
  /** Held deployments: stop here, ECS waiting at the action's hook (a manual step, a request, on-failure). */
  | { kind: 'pause'; why: PauseWhy; reason?: FailureReason }
  /** Held deployments: a promote request, to this step (the steps' count + 1: the final bake). */
  | { kind: 'jump'; to: number }
  | { kind: 'rollback'; reason: FailureReason }
  /** ECS failed, stopped or rolled back the deployment on its own. */
  | { kind: 'ecs'; reason: Extract<FailureReason, { kind: 'ecs' }> }
  | { kind: 'ask-rollback' }
  | { kind: 'finish-rollback' }
  | { kind: 'rollback-failed'; reason: string }
  /** The deployment can be neither followed nor rolled back (another deployment replaced it). */
  | { kind: 'fail'; reason: string }

/** Weights as ECS reports them are compared with this much slack. */
export const EPSILON = 1e-6

/** What to do next, from where the rollout is and what ECS and the gates show. Pure. */
export function decideFollow(
  state: FollowState,
  obs: FollowObservation,
  plan: Plan,
  limits: Limits
): FollowDecision {
  const d = obs.deployment
  if (state.mode === 'rollback') {
    if (d.restored) return { kind: 'finish-rollback' }
    if (d.stuck) return { kind: 'rollback-failed', reason: d.stuck }
    if (!state.rollbackAsked) return { kind: 'ask-rollback' }
    return { kind: 'wait', for: 'the rollback' }
  }
  if (d.stuck) return { kind: 'fail', reason: d.stuck }
  if (d.ecs)
    return {
      kind: 'ecs',
      reason: { kind: 'ecs', ...d.ecs, tasks: d.failedNewTasks }
    }
  const gate = failedGate(
    engineState(state),
    {
      fleet: { desiredCount: d.desiredCount, failedNewTasks: d.failedNewTasks },
      alarms: obs.alarms,
      metrics: obs.metrics,
      now: obs.now
    },
    limits
  )
  // ECS waits at the action's hook for a held deployment: it can stop there (on-failure: pause, a pause request).
  const holds = plan.traffic === 'weights' && d.holding === true
  // Held, a step waits for the new revision's requests as a task set's does, within step-timeout (starved).
  const failure = gate ?? (holds ? starved(state, obs, plan, limits) : undefined)
  if (failure)
    return holds && limits.onFailure === 'pause'
      ? { kind: 'pause', why: 'on-failure', reason: failure }
      : { kind: 'rollback', reason: failure }
  // An inconclusive metric waits for a person where ECS waits at the action's hook; otherwise it rolls back.
  if (obs.metrics?.inconclusive)
    return holds
      ? { kind: 'pause', why: 'inconclusive', reason: obs.metrics.inconclusive }
      : { kind: 'rollback', reason: obs.metrics.inconclusive }
  if (obs.request === 'abort')
    return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } }
  if (holds && obs.request === 'pause') return { kind: 'pause', why: 'requested' }
  if (holds && obs.request?.startsWith('promote:'))
    return { kind: 'jump', to: promoteTarget(obs.request, engineState(state), plan) }
  const native = plan.traffic === 'weights'
  const held = d.held && d.held.hookId !== state.released ? d.held : undefined
  const release = (or: string): FollowDecision =>
    held ? { kind: 'proceed', hookId: held.hookId } : { kind: 'wait', for: or }
  if (state.mode === 'final') {
    if (!state.finalBakeStarted)
      return !native || d.baking || d.completed || held?.at === 'all-traffic'
        ? { kind: 'final-bake' }
        : { kind: 'wait', for: 'ECS' }
    if (native && d.completed) return { kind: 'retire' }
    if (native && !d.holding) return { kind: 'wait', for: 'ECS bake time' }
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs
    if (!baked) return { kind: 'wait', for: 'final bake' }
    return native ? release('ECS to finish') : { kind: 'retire' }
  }
  const step = plan.steps[state.step - 1]
  if (state.phase === 'moving') {
    const reached = native
      ? d.completed || (d.scaledUp && (step.testTraffic || d.trafficPercent >= step.trafficPercent - EPSILON))
      : d.completed
    if (reached) return { kind: 'bake' }
    // Held before this step: ECS moves the weight to it once released, but never onto a new revision short of
    // running tasks (they crashed since ECS scaled up): the failed-task gate or step-timeout decides meanwhile.
    if (held && native && d.counts.new < d.desiredCount) return { kind: 'wait', for: 'the new revision' }
    return release('ECS')
  }
  if (native && !d.holding) {
    // ECS bakes each step itself and then moves on: the step is over once the weight has moved past it.
    const last = state.step === plan.steps.length
    const movedOn = last || d.completed || d.baking || d.trafficPercent > step.trafficPercent + EPSILON
    // ECS moves on by itself after its bake: a step whose new revision served too few requests is rolled back.
    const short = obs.metrics?.shortOfTraffic
    if (movedOn && short?.kind === 'metric')
      return { kind: 'rollback', reason: { kind: 'metric', reading: { ...short.reading, verdict: 'fail' } } }
    return movedOn ? { kind: 'next-step' } : { kind: 'wait', for: 'ECS step bake' }
  }
  // The action's own bake (ECS, when it holds, waits at the next step's hook meanwhile); a promote skips it.
  const promoted = state.step < (state.promotedTo ?? 0)
  const baked = promoted || obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs
  if (!baked) return { kind: 'wait', for: 'bake' }
  if (obs.metrics?.shortOfTraffic && !promoted) return { kind: 'wait', for: 'requests' }
  return step.pause === 'manual' && !promoted ? { kind: 'pause', why: 'manual-step' } : { kind: 'next-step' }
}

/** The reconciler's view of the state, so the gates are judged by the very same rule (failedGate). */
function engineState(s: FollowState): EngineState {
  return {
    mode: s.mode,
    step: s.step,
    phase: s.phase,
    stepStartedAt: s.stepStartedAt,
    bakeStartedAt: s.bakeStartedAt,
    trafficPercent: s.trafficPercent,
    promoted: s.mode === 'final',
    failure: s.failure
  }
}
