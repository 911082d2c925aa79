// decide: the engine's one pure function. Given where the rollout is (state), what ECS and the gates say
// (observation) and the plan for the service's size right now, it names the single next thing to do.
// The reconciler carries it out, idempotently, and asks again. Nothing here performs I/O or reads a clock.

import { formatDuration } from '../config/parse.js'
import type { OnFailure } from '../config/types.js'
import { planMoves } from '../plan/moves.js'
import type { Counts, Limits as PlanLimits, Plan, PlanStep } from '../plan/types.js'
import type { Request } from '../record/record.js'
import type { FailureReason, PauseWhy } from './events.js'
import type { MetricVerdicts } from './metric-gates.js'
import type { AlarmState, FleetObservation, RevisionState } from './ports.js'

export type Mode = 'forward' | 'final' | 'rollback'

/** Where a rollout is, whatever its controller. */
export interface LoopState {
  mode: Mode
  /** 1-based index of the step being worked on (forward mode). */
  step: number
  /** Moving: on the way to the step's counts. Baking: the step is reached and stable, the gates are watched. */
  phase: 'moving' | 'baking'
  stepStartedAt: number
  bakeStartedAt?: number
  /** Production traffic on the new revision, as last set (weights) or implied by task counts (replicas). */
  trafficPercent: number
  failure?: FailureReason
}

/** Where a task-set rollout is. */
export interface EngineState extends LoopState {
  /** Whether the new revision has been made the service's primary. */
  promoted: boolean
}

export interface Limits {
  stepTimeoutMs: number
  /** Epoch ms by which the whole run must end. */
  deadline: number
  timeoutMs: number
  maxFailedTasks: number
  onFailure: OnFailure
}

/** What every controller's decision sees besides its fleet: the gates, a request, the time. */
export interface Watch {
  /** Gate alarms as of the last poll. */
  alarms: AlarmState[]
  /** The metric gates' verdicts as of the last poll that read them (none while the new revision has no traffic). */
  metrics?: MetricVerdicts
  /** A control run's request found on the record. */
  request?: Request
  now: number
}

export interface Observation extends Watch {
  fleet: FleetObservation
}

export type Decision =
  | { kind: 'wait'; for: string }
  | { kind: 'scale'; counts: Counts }
  | { kind: 'traffic'; percent: number }
  | { kind: 'bake' }
  | { kind: 'next-step'; to: number }
  /** A promote request: go to a step (plan.steps.length + 1 means the final phase) without baking the rest. */
  | { kind: 'jump'; to: number }
  | { kind: 'pause'; why: PauseWhy; reason?: FailureReason }
  | { kind: 'promote' }
  | { kind: 'retire' }
  | { kind: 'rollback'; reason: FailureReason }
  | { kind: 'make-stable-primary' }
  | { kind: 'finish-rollback' }

/** ECS's circuit-breaker rule: half the desired count, at least 3 and at most 200 failed tasks. */
export function defaultMaxFailedTasks(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desired / 2)))
}

export function decide(state: EngineState, obs: Observation, plan: Plan, limits: Limits): Decision {
  if (state.mode === 'rollback') return decideRollback(state, obs, plan)

  const failure = failedGate(state, obs, limits) ?? starved(state, obs, plan, limits)
  if (failure)
    return limits.onFailure === 'pause'
      ? (coverFloor(failure, state, obs, plan) ?? { kind: 'pause', why: 'on-failure', reason: failure })
      : { kind: 'rollback', reason: failure }
  if (obs.request === 'abort')
    return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } }
  if (obs.request === 'pause') return { kind: 'pause', why: 'requested' }
  if (obs.metrics?.inconclusive)
    return { kind: 'pause', why: 'inconclusive', reason: obs.metrics.inconclusive }
  if (obs.request?.startsWith('promote:'))
    return { kind: 'jump', to: promoteTarget(obs.request, state, plan) }

  return state.mode === 'final' ? decideFinal(state, obs, plan) : decideForward(state, obs, plan)
}

/**
 * Before a rollout pauses because its new tasks keep failing, the stable revision goes back to the full desired
 * count, and with traffic by weights takes the traffic back: tasks that stop after passing their health checks
 * cannot be counted on, and a pause must not leave the service below its floor (with all-at-once, at none) until
 * a person comes. The new revision's tasks stay as they are, for that person to look at.
 */
function coverFloor(
  failure: FailureReason,
  state: EngineState,
  obs: Observation,
  plan: Plan
): Decision | undefined {
  if (failure.kind !== 'tasks' || !obs.fleet.stable) return undefined
  const current = counts(obs.fleet)
  if (current.stable < plan.desiredCount)
    return { kind: 'scale', counts: { new: current.new, stable: plan.desiredCount } }
  if (!steady(obs.fleet.stable)) return { kind: 'wait', for: 'stable revision' }
  if (plan.traffic === 'weights' && state.trafficPercent > 0) return { kind: 'traffic', percent: 0 }
  return undefined
}

/** The first failed gate, in the order a person would want to hear about it. */
export function failedGate(state: EngineState, obs: Observation, limits: Limits): FailureReason | undefined {
  const firing = obs.alarms.find(a => a.state === 'ALARM')
  if (firing) return { kind: 'alarm', alarm: firing }
  if (obs.metrics?.failure) return obs.metrics.failure
  if (obs.fleet.failedNewTasks.length >= limits.maxFailedTasks)
    return { kind: 'tasks', tasks: obs.fleet.failedNewTasks, threshold: limits.maxFailedTasks }
  if (obs.now >= limits.deadline) return { kind: 'timeout', scope: 'run', limitMs: limits.timeoutMs }
  if (
    state.mode === 'forward' &&
    state.phase === 'moving' &&
    obs.now - state.stepStartedAt > limits.stepTimeoutMs
  )
    return { kind: 'timeout', scope: 'step', limitMs: limits.stepTimeoutMs, step: state.step }
  return undefined
}

/**
 * A baked step still waiting for the new revision's requests fails once step-timeout has passed since its bake
 * ended: the new revision is not getting the traffic its step sends it, and more waiting will not change that.
 */
export function starved(state: LoopState, obs: Watch, plan: Plan, limits: Limits): FailureReason | undefined {
  const short = obs.metrics?.shortOfTraffic
  if (!short || short.kind !== 'metric' || state.mode !== 'forward' || state.phase !== 'baking')
    return undefined
  const bakeMs = plan.steps[state.step - 1]?.bakeMs ?? 0
  if (obs.now - (state.bakeStartedAt ?? obs.now) < bakeMs + limits.stepTimeoutMs) return undefined
  const detail = `${short.reading.detail}, still ${formatDuration(limits.stepTimeoutMs)} (step-timeout) after the bake`
  return { kind: 'metric', reading: { ...short.reading, verdict: 'fail', detail } }
}

function decideForward(state: EngineState, obs: Observation, plan: Plan): Decision {
  const step = plan.steps[Math.min(state.step, plan.steps.length) - 1]
  if (state.phase === 'baking') {
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs
    if (!baked) return { kind: 'wait', for: 'bake' }
    // A canary that gets nothing cannot pass by staying silent: the step waits for requests (see starved).
    if (obs.metrics?.shortOfTraffic) return { kind: 'wait', for: 'requests' }
    if (step.pause === 'manual') return { kind: 'pause', why: 'manual-step' }
    return { kind: 'next-step', to: state.step + 1 }
  }
  return approach(state, obs, plan, step) ?? { kind: 'bake' }
}

/**
 * Moves counts and traffic toward a step; undefined once the step is reached and stable.
 * With weights the new revision grows before weight moves to it, and stable shrinks only after the weight
 * has left it, so neither side is ever asked to serve more than its tasks can.
 */
function approach(
  state: EngineState,
  obs: Observation,
  plan: Plan,
  step: Counts & { trafficPercent: number }
): Decision | undefined {
  const current = counts(obs.fleet)
  if (!steady(obs.fleet.new) || !steady(obs.fleet.stable)) return { kind: 'wait', for: 'stability' }
  const weighted = plan.traffic === 'weights'
  const trafficDone = !weighted || state.trafficPercent === step.trafficPercent
  const target =
    weighted && !trafficDone ? { new: step.new, stable: Math.max(step.stable, current.stable) } : step
  if (current.new !== target.new || current.stable !== target.stable) {
    const path = movesWithin(current, target, plan.limits)
    // With weights, a ceiling too low for the step's new tasks beside today's stable ones: leapfrog.
    if (!path && !trafficDone) return leapfrog(current, state.trafficPercent, step, plan.limits)
    return { kind: 'scale', counts: (path ?? planMoves(current, target, plan.limits))[0] }
  }
  if (!trafficDone) return { kind: 'traffic', percent: step.trafficPercent }
  return undefined
}

/** The moves from one set of counts to another within the limits, or undefined when there is no way. */
function movesWithin(from: Counts, to: Counts, limits: PlanLimits): Counts[] | undefined {
  try {
    return planMoves(from, to, limits)
  } catch {
    return undefined
  }
}

/**
 * Weights under a ceiling too low for the gaining side's tasks next to all of the losing side's (stable-scale:
 * shrink with a small max-surge): capacity and weight leapfrog, so neither side ever serves more than its
 * tasks can and the fleet stays within max-surge and max-unavailable. The gaining side grows into the room
 * there is; weight moves as far as its tasks can carry; the losing side gives up the tasks its remaining share
 * no longer needs; and again. Forward the new revision gains, in a rollback the stable one.
 */
function leapfrog(
  current: Counts,
  weight: number,
  to: Counts & { trafficPercent: number },
  limits: PlanLimits
): Decision {
  const rising = to.trafficPercent > weight
  const gain: keyof Counts = rising ? 'new' : 'stable'
  const lose: keyof Counts = rising ? 'stable' : 'new'
  const total = current.new + current.stable
  const room = limits.maxTotal - total
  if (current[gain] < to[gain] && room > 0) {
    const grown = current[gain] + Math.min(room, to[gain] - current[gain])
    return { kind: 'scale', counts: { ...current, [gain]: grown } }
  }
  // In the 0.1 % steps an ELBv2 weight can express, rounded down: the gaining side never carries more than
  // its tasks' share. The losing side may then keep up to 0.1 % more than its tasks' share (below).
  const carried = Math.min(100, Math.floor((1000 * current[gain]) / limits.desired + 1e-9) / 10)
  const next = rising ? Math.min(to.trafficPercent, carried) : Math.max(to.trafficPercent, 100 - carried)
  if (rising ? next > weight : next < weight) return { kind: 'traffic', percent: next }
  const loserShare = lose === 'new' ? weight : 100 - weight
  const unavailable = limits.desired - limits.minHealthy
  const needed = Math.max(to[lose], tasksFor(loserShare, limits.desired) - unavailable)
  const spare = Math.min(current[lose] - needed, total - limits.minHealthy)
  if (spare > 0) return { kind: 'scale', counts: { ...current, [lose]: current[lose] - spare } }
  throw new Error(
    `cannot move from new ${current.new}/stable ${current.stable} at ${weight}% to new ${to.new}/stable ${to.stable} at ${to.trafficPercent}%: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`
  )
}

/**
 * Tasks a side needs for a share of the traffic, at least one for any share at all, give or take the 0.1 % of
 * traffic a weight cannot express (a third of three tasks is 33.3 %, leaving 66.7 % for two).
 */
function tasksFor(percent: number, desired: number): number {
  if (percent <= 0) return 0
  return Math.max(1, Math.ceil((desired * (percent - WEIGHT_STEP)) / 100 - 1e-9))
}

/** The finest share ELBv2 weights (integers, 0–999) express: per-mille. */
const WEIGHT_STEP = 0.1

function decideFinal(state: EngineState, obs: Observation, plan: Plan): Decision {
  const last: PlanStep = plan.steps[plan.steps.length - 1]
  // promote: full may jump here from any step; reach the last step's counts and traffic first.
  const reach = approach(state, obs, plan, {
    new: plan.desiredCount,
    stable: last?.stable ?? 0,
    trafficPercent: 100
  })
  if (reach) return reach
  if (!state.promoted) return { kind: 'promote' }
  const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs
  return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' }
}

/**
 * Traffic and capacity back to the stable revision first, then the new revision goes.
 * Tasks of the new revision that are not running (crash-looping, still starting) are dropped at once:
 * they carry no traffic, so dropping them costs no healthy capacity.
 */
function decideRollback(state: EngineState, obs: Observation, plan: Plan): Decision {
  const fleet = obs.fleet
  const desired = plan.desiredCount
  const current = counts(fleet)
  const full = { new: current.new, stable: Math.max(current.stable, desired) }
  if (state.trafficPercent > 0 && plan.traffic === 'weights') {
    if (steady(fleet.stable) && current.stable >= desired) return { kind: 'traffic', percent: 0 }
  }
  if (state.promoted) return { kind: 'make-stable-primary' }
  const running = Math.min(current.new, fleet.new?.running ?? 0)
  const from = { new: running, stable: current.stable }
  const weighted = plan.traffic === 'weights' && state.trafficPercent > 0
  const target = weighted ? full : { new: 0, stable: desired }
  if (from.new !== target.new || from.stable !== target.stable) {
    if (current.new !== from.new) return { kind: 'scale', counts: { new: from.new, stable: from.stable } }
    if (!steady(fleet.stable)) return { kind: 'wait', for: 'stable revision' }
    return { kind: 'scale', counts: planMoves(from, target, rollbackLimits(plan))[0] }
  }
  if (!steady(fleet.stable)) return { kind: 'wait', for: 'stable revision' }
  return { kind: 'finish-rollback' }
}

/** promote:full → the final phase; promote:N → step N; the step always lies ahead of the current one. */
export function promoteTarget(request: Request, state: EngineState, plan: Plan): number {
  const final = plan.steps.length + 1
  if (request === 'promote:full') return final
  const n = Number(request.slice('promote:'.length))
  return Math.min(final, Math.max(state.step + 1, Number.isFinite(n) && n > 0 ? n : state.step + 1))
}

/**
 * A rollback may bring the whole stable revision back in one move — up to twice the tasks for a moment — so
 * a late alarm (the stable task set shrunk to zero during the final bake) is answered at once, not in
 * max-surge batches while the bad revision keeps all the traffic. The healthy floor still holds.
 */
export function rollbackLimits(plan: Plan): Plan['limits'] {
  return { ...plan.limits, maxTotal: Math.max(plan.limits.maxTotal, 2 * plan.desiredCount) }
}

export function counts(fleet: FleetObservation): Counts {
  return { new: fleet.new?.desired ?? 0, stable: fleet.stable?.desired ?? 0 }
}

/** A revision that is absent or asked to run nothing is trivially steady. */
function steady(r: RevisionState | undefined): boolean {
  return !r || r.steady || (r.desired === 0 && r.running === 0 && r.pending === 0)
}
