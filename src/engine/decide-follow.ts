// decideFollow: the pure decision for services with the ECS deployment controller. ECS carries the deployment
// out; from where the rollout is and what ECS and the gates show, this names the next thing the follower does:
// wait for ECS, start a step's bake, move on, retire, or roll back (asked of ECS, or recognised as ECS's own).
// The gates are judged by the very rule task-set rollouts use (failedGate).

import type { Plan } from '../plan/types.js'
import { failedGate, type EngineState, type Limits, type LoopState, type Watch } from './decide.js'
import type { FailureReason } from './events.js'
import type { DeploymentObservation } from './ports.js'

export interface FollowState extends LoopState {
  /** Final stage: the post-deploy hook has run and the final bake is announced. */
  finalBakeStarted: boolean
  /** The rollback is ECS's, or the action has asked for it. */
  rollbackAsked: boolean
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
  | { kind: 'retire' }
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
  const failure = failedGate(
    engineState(state),
    {
      fleet: { desiredCount: d.desiredCount, failedNewTasks: d.failedNewTasks },
      alarms: obs.alarms,
      metrics: obs.metrics,
      now: obs.now
    },
    limits
  )
  if (failure) return { kind: 'rollback', reason: failure }
  // ECS's deployment cannot be held for a person: an inconclusive metric rolls it back (docs/metric-gates.md).
  if (obs.metrics?.inconclusive) return { kind: 'rollback', reason: obs.metrics.inconclusive }
  if (obs.request === 'abort')
    return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } }
  const native = plan.traffic === 'weights'
  if (state.mode === 'final') {
    if (!state.finalBakeStarted)
      return !native || d.baking || d.completed ? { kind: 'final-bake' } : { kind: 'wait', for: 'ECS' }
    if (native) return d.completed ? { kind: 'retire' } : { kind: 'wait', for: 'ECS bake time' }
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs
    return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' }
  }
  const step = plan.steps[state.step - 1]
  if (state.phase === 'moving') {
    const reached = native
      ? d.completed || (d.scaledUp && (step.testTraffic || d.trafficPercent >= step.trafficPercent - EPSILON))
      : d.completed
    return reached ? { kind: 'bake' } : { kind: 'wait', for: 'ECS' }
  }
  if (native) {
    // ECS bakes each step itself and then moves on: the step is over once the weight has moved past it.
    const last = state.step === plan.steps.length
    const movedOn = last || d.completed || d.baking || d.trafficPercent > step.trafficPercent + EPSILON
    // ECS moves on by itself after its bake: a step whose new revision served too few requests is rolled back.
    const short = obs.metrics?.shortOfTraffic
    if (movedOn && short?.kind === 'metric')
      return { kind: 'rollback', reason: { kind: 'metric', reading: { ...short.reading, verdict: 'fail' } } }
    return movedOn ? { kind: 'next-step' } : { kind: 'wait', for: 'ECS step bake' }
  }
  const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs
  return baked ? { kind: 'next-step' } : { kind: 'wait', for: 'bake' }
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
