// The follower: the engine for services with the ECS deployment controller. ECS carries the deployment out
// itself (rolling, or its native linear/canary/blue-green), so there is nothing to scale step by step; the
// follower starts ECS's deployment, then observes → decides → acts until it is done: it follows the deployment
// step by step, polls the same gates as task-set rollouts (alarms, failed tasks, step-timeout, timeout), runs
// the same hooks, asks ECS to roll back when a gate fails, and recognises a rollback ECS did on its own (circuit
// breaker, deployment alarms) as the failure it is. It emits the same events as the reconciler, so the job
// summary, the log and the outputs read the same. It holds no AWS knowledge: the DeploymentPort does the talking.

import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import type { Counts, Plan } from '../plan/types.js'
import { decodeRecord, type RecordPort, type Request, type RolloutRecord } from '../record/record.js'
import { defaultMaxFailedTasks, failedGate, type EngineState, type Limits } from './decide.js'
import type { EventSink, FailureReason } from './events.js'
import { WarningAlarms } from './warning-alarms.js'
import type { AlarmState, Clock, FailedTask, GatesPort } from './ports.js'
import {
  CANCEL_GRACE_MS,
  HEARTBEAT_MS,
  MAX_OBSERVE_ERRORS,
  reasonText,
  type EngineResult,
  type EngineSettings,
  type Hooks
} from './reconciler.js'

/** What ECS did on its own: failed the deployment, stopped it, or rolled it back. */
export interface EcsVerdict {
  cause: 'circuit-breaker' | 'alarms' | 'stopped' | 'failed'
  /** ECS's words: rolloutStateReason or statusReason. */
  reason: string
  alarms?: string[]
  /** ECS is rolling (or has rolled) the service back to the stable revision by itself. */
  rolledBack: boolean
}

export interface DeploymentObservation {
  desiredCount: number
  /** Running tasks: of the new revision, and of every other. */
  counts: Counts
  /** Production traffic on the new revision: ECS's weight (native), or its share of running tasks (rolling). */
  trafficPercent: number
  /** ECS has finished putting the new revision in place: COMPLETED (rolling) or SUCCESSFUL (native). */
  completed: boolean
  /** Native: the new revision runs at full size and healthy (past SCALE_UP). */
  scaledUp: boolean
  /** Native: ECS is in its bake time (or cleaning up after it). */
  baking: boolean
  /** ECS failed, stopped or rolled back the deployment on its own. */
  ecs?: EcsVerdict
  /** The stable revision serves again, alone and steady: a rollback is over. */
  restored: boolean
  /** Why the deployment can be neither followed nor rolled back: ECS's rollback failed, or another replaced it. */
  stuck?: string
  /** The new revision's failed tasks seen so far (cumulative). */
  failedNewTasks: FailedTask[]
  /** Service events not reported before, oldest first, at ECS's time. */
  events: { id: string; at: number; message: string }[]
  tags?: Record<string, string>
}

/** The ECS side: one deployment of the new revision on one service. */
export interface DeploymentPort {
  /** Starts ECS's deployment of the new revision (UpdateService). */
  start(): Promise<void>
  /**
   * Finds the deployment of the new revision that another run started (its owner is gone) instead of starting
   * one. With `rollback`, says whether a rollback of it is under way already (asked for by that run, or ECS's).
   */
  adopt(rollback: boolean): Promise<{ rollingBack: boolean }>
  /**
   * One look: a DescribeServices (with tags), a DescribeServiceDeployments for native strategies, and the new
   * revision's stopped tasks only when it is short of running ones.
   */
  observe(): Promise<DeploymentObservation>
  /**
   * Asks ECS to go back to the stable revision: StopServiceDeployment ROLLBACK where the service deployment is
   * in progress and the API exists, otherwise UpdateService to the stable task definition. Says which, for the log.
   */
  rollback(): Promise<string>
}

export interface FollowDeps {
  deployment: DeploymentPort
  gates: GatesPort
  records: RecordPort
  events: EventSink
  clock: Clock
  hooks?: Hooks
  cancel?: AbortSignal
  /** A line for the job log (how the rollback was asked for). */
  log?: (line: string) => void
}

export type FollowSettings = Omit<EngineSettings, 'plan'> & { plan: Plan }

export interface FollowState {
  mode: 'forward' | 'final' | 'rollback'
  step: number
  phase: 'moving' | 'baking'
  stepStartedAt: number
  bakeStartedAt?: number
  /** Final stage: the post-deploy hook has run and the final bake is announced. */
  finalBakeStarted: boolean
  trafficPercent: number
  failure?: FailureReason
  /** The rollback is ECS's, or the action has asked for it. */
  rollbackAsked: boolean
  rollbackAt?: number
}

export interface FollowObservation {
  deployment: DeploymentObservation
  alarms: AlarmState[]
  request?: Request
  now: number
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

const EPSILON = 1e-6
/** Rollback calls that fail (after the SDK's own retries) before the run gives up. */
const MAX_ROLLBACK_ERRORS = 3

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
      now: obs.now
    },
    limits
  )
  if (failure) return { kind: 'rollback', reason: failure }
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

export class Follower {
  private readonly state: FollowState
  private alarms: AlarmState[] = []
  private readonly warningAlarms: WarningAlarms
  private lastHeartbeat: number
  private observeErrors = 0
  private rollbackErrors = 0
  private rollbackCalls = 0
  private cancelledAt?: number
  private restoredReported = false
  private lastCounts?: Counts
  private lastObservation?: DeploymentObservation
  private requestNoted?: Request

  constructor(
    private record: RolloutRecord,
    private readonly deps: FollowDeps,
    private readonly settings: FollowSettings,
    private readonly startedAt: number
  ) {
    const now = deps.clock.now()
    this.lastHeartbeat = now
    this.warningAlarms = new WarningAlarms(deps.events)
    this.state = {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: now,
      finalBakeStarted: false,
      trafficPercent: 0,
      rollbackAsked: false
    }
  }

  private get plan(): Plan {
    return this.settings.plan
  }

  async run(): Promise<EngineResult> {
    const { clock, events, deployment } = this.deps
    events.emit({ kind: 'step-start', at: clock.now(), ...this.stepInfo() })
    // By replicas or by ECS's own steps, production traffic may reach the new revision as soon as its tasks
    // run: the pre-traffic hook runs before ECS starts any.
    const refused = await this.deps.hooks?.run('pre-traffic', { step: 1, trafficPercent: 0 })
    if (refused) return this.nothingStarted(refused)
    if (this.deps.cancel?.aborted) return this.nothingStarted(this.cancelReason())
    await deployment.start()
    return this.follow()
  }

  /**
   * Follows a deployment this run did not start, whose owner is gone (a control run's abort or resume), from the
   * owner's step: no pre-traffic hook, since traffic may have moved already. With `rollback` (an abort, or a
   * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way.
   */
  async adopt(step: number, rollback?: FailureReason): Promise<EngineResult> {
    const { rollingBack } = await this.deps.deployment.adopt(rollback !== undefined)
    this.state.step = Math.min(Math.max(1, step), this.plan.steps.length)
    this.deps.events.emit({ kind: 'step-start', at: this.deps.clock.now(), ...this.stepInfo() })
    return this.follow(rollback && { reason: rollback, underWay: rollingBack })
  }

  private async follow(rollback?: { reason: FailureReason; underWay: boolean }): Promise<EngineResult> {
    const { clock } = this.deps
    let pending = rollback
    for (;;) {
      const now = clock.now()
      const obs = await this.observe(now)
      if (!obs) continue
      this.report(obs)
      if (pending) {
        const asked = await this.beginRollback(pending.reason, pending.underWay)
        pending = undefined
        if (asked) return asked
      }
      const cancelled = await this.checkCancel(now)
      if (cancelled) return cancelled
      const result = await this.decideAndAct(obs)
      if (result) return result
      // Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop.
      await clock.sleep(
        this.settings.pollIntervalMs,
        this.cancelledAt === undefined ? this.deps.cancel : undefined
      )
    }
  }

  /** Several decisions may follow from one look (a native step ECS has already passed, a bake of 0). */
  private async decideAndAct(obs: DeploymentObservation): Promise<EngineResult | undefined> {
    const limits: Limits = {
      stepTimeoutMs: this.settings.stepTimeoutMs,
      timeoutMs: this.settings.timeoutMs,
      deadline: this.startedAt + this.settings.timeoutMs,
      maxFailedTasks: this.settings.maxFailedTasks ?? defaultMaxFailedTasks(this.plan.desiredCount),
      onFailure: 'rollback'
    }
    for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
      const now = this.deps.clock.now()
      const request = this.request(obs)
      const decision = decideFollow(
        this.state,
        { deployment: obs, alarms: this.alarms, request, now },
        this.plan,
        limits
      )
      if (decision.kind === 'wait') {
        if (this.state.mode !== 'rollback') this.syncTraffic(obs)
        return this.checkRollbackStuck(now)
      }
      const result = await this.act(decision, obs)
      if (result) return result
    }
    return undefined
  }

  private async act(decision: FollowDecision, obs: DeploymentObservation): Promise<EngineResult | undefined> {
    const { events, clock, hooks } = this.deps
    const at = clock.now()
    const s = this.state
    switch (decision.kind) {
      case 'wait':
        return undefined
      case 'bake': {
        const step = this.plan.steps[s.step - 1]
        if (this.plan.traffic === 'replicas') s.trafficPercent = 100
        else if (!step.testTraffic && Math.abs(step.trafficPercent - s.trafficPercent) > EPSILON)
          this.setTraffic(step.trafficPercent)
        s.phase = 'baking'
        s.bakeStartedAt = at
        events.emit({ kind: 'bake-start', at, step: s.step, ms: step.bakeMs })
        const failure = await hooks?.run('post-step', { step: s.step, trafficPercent: s.trafficPercent })
        return failure ? this.beginRollback(failure) : undefined
      }
      case 'next-step':
        events.emit({ kind: 'step-done', at, step: s.step })
        if (s.step >= this.plan.steps.length) {
          s.mode = 'final'
          s.stepStartedAt = at
          s.bakeStartedAt = undefined
        } else {
          s.step++
          s.phase = 'moving'
          s.stepStartedAt = at
          s.bakeStartedAt = undefined
          events.emit({ kind: 'step-start', at, ...this.stepInfo() })
        }
        await this.save({ stage: 'executing' })
        return undefined
      case 'final-bake': {
        s.finalBakeStarted = true
        const failure = await hooks?.run('post-deploy', { step: s.step, trafficPercent: 100 })
        if (failure) return this.beginRollback(failure)
        s.bakeStartedAt = clock.now()
        events.emit({ kind: 'final-bake', at: s.bakeStartedAt, ms: this.plan.finalBakeMs })
        return undefined
      }
      case 'retire':
        events.emit({ kind: 'step-done', at, step: this.plan.steps.length + 1 })
        s.trafficPercent = 100
        this.record = {
          ...this.record,
          phase: 'Completed',
          stage: undefined,
          outcome: 'succeeded',
          reason: undefined
        }
        await this.save({ request: null })
        return this.endWith(Status.Succeeded)
      case 'rollback':
        return this.beginRollback(decision.reason)
      case 'ecs':
        // ECS rolls back by itself: nothing to ask. Failed or stopped without a rollback: the action rolls back.
        return this.beginRollback(decision.reason, decision.reason.rolledBack)
      case 'ask-rollback':
        return this.askRollback()
      case 'finish-rollback':
        return this.finishRollback(obs)
      case 'rollback-failed':
        return this.endWith(Status.Failed, s.failure, `the rollback did not finish: ${decision.reason}`)
      case 'fail':
        this.record = {
          ...this.record,
          phase: 'Completed',
          stage: undefined,
          outcome: 'failed',
          reason: decision.reason
        }
        await this.save({ request: null })
        return this.endWith(Status.Failed, undefined, decision.reason)
    }
  }

  /** A failure before ECS was asked for anything: the rollback is done at once. */
  private async nothingStarted(reason: FailureReason): Promise<EngineResult> {
    const { events, clock } = this.deps
    this.state.failure = reason
    this.state.mode = 'rollback'
    events.emit({
      kind: 'rollback-start',
      at: clock.now(),
      reason,
      from: { new: 0, stable: this.plan.desiredCount },
      trafficPercent: 0
    })
    this.restoredReported = true
    return this.finishRollback(undefined)
  }

  private async beginRollback(reason: FailureReason, byEcs = false): Promise<EngineResult | undefined> {
    const s = this.state
    // ECS's own rollback shows in an observation that already has the weights back: keep the last ones seen.
    if (!byEcs) {
      this.catchUpSteps(this.lastObservation)
      this.syncTraffic(this.lastObservation)
    }
    s.failure = reason
    s.mode = 'rollback'
    s.rollbackAt = this.deps.clock.now()
    s.rollbackAsked = byEcs
    this.deps.events.emit({
      kind: 'rollback-start',
      at: s.rollbackAt,
      reason,
      from: this.lastObservation?.counts ?? { new: 0, stable: 0 },
      trafficPercent: s.trafficPercent
    })
    await this.save({ stage: 'rolling-back', reason: reasonText(reason), request: null })
    return byEcs ? undefined : this.askRollback()
  }

  private async askRollback(): Promise<EngineResult | undefined> {
    const { events, clock, deployment } = this.deps
    try {
      const how = await deployment.rollback()
      this.rollbackCalls++
      this.state.rollbackAsked = true
      this.state.rollbackAt = clock.now()
      this.deps.log?.(`Rolling back: ${how}`)
      return undefined
    } catch (error) {
      this.rollbackErrors++
      events.emit({
        kind: 'warning',
        at: clock.now(),
        message: `Could not ask ECS to roll back (${describeError(error)}); trying again`
      })
      if (this.rollbackErrors < MAX_ROLLBACK_ERRORS) return undefined
      return this.endWith(
        Status.Failed,
        this.state.failure,
        `ECS could not be asked to roll back: ${describeError(error)}`
      )
    }
  }

  private async finishRollback(obs: DeploymentObservation | undefined): Promise<EngineResult> {
    const { events, clock, hooks } = this.deps
    this.trafficRestored()
    if (obs) this.report(obs)
    events.emit({ kind: 'rollback-done', at: clock.now() })
    await hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 })
    const kind = this.state.failure?.kind
    const requested = kind === 'requested' || kind === 'cancelled'
    this.record = {
      ...this.record,
      phase: 'Completed',
      stage: undefined,
      outcome: requested ? 'aborted' : 'rolled-back',
      reason: reasonText(this.state.failure)
    }
    await this.save({ request: null })
    this.state.trafficPercent = 0
    return this.endWith(requested ? Status.Aborted : Status.RolledBack, this.state.failure)
  }

  private trafficRestored(): void {
    if (this.restoredReported) return
    this.restoredReported = true
    this.deps.events.emit({
      kind: 'traffic-restored',
      at: this.deps.clock.now(),
      mutatingCalls: this.rollbackCalls
    })
  }

  /** A rollback that makes no progress within step-timeout ends the run as failed, as in task-set rollouts. */
  private checkRollbackStuck(now: number): EngineResult | undefined {
    const s = this.state
    if (s.mode !== 'rollback' || s.rollbackAt === undefined) return undefined
    if (now - s.rollbackAt <= this.settings.stepTimeoutMs) return undefined
    return this.endWith(Status.Failed, {
      kind: 'timeout',
      scope: 'step',
      limitMs: this.settings.stepTimeoutMs
    })
  }

  /** One look at ECS; the gates and the record ride along. Failed looks are retried a few times. */
  private async observe(now: number): Promise<DeploymentObservation | undefined> {
    try {
      const obs = await this.deps.deployment.observe()
      const gates = await this.deps.gates.read()
      this.alarms = gates.alarms
      this.warningAlarms.note(gates.warnings, now)
      if (now - this.lastHeartbeat >= HEARTBEAT_MS) await this.save({})
      this.observeErrors = 0
      this.lastObservation = obs
      return obs
    } catch (error) {
      this.observeErrors++
      this.deps.events.emit({
        kind: 'warning',
        at: now,
        message: `Could not read the service (${describeError(error)}); trying again`
      })
      if (this.observeErrors >= MAX_OBSERVE_ERRORS) {
        if (this.state.mode === 'rollback') throw error
        this.observeErrors = 0
        this.alarms = []
        await this.beginRollback({ kind: 'api', message: describeError(error) })
        return undefined
      }
      await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.deps.cancel)
      return undefined
    }
  }

  /** What ECS did since the last look: its service events, task counts and (native) traffic weight. */
  private report(obs: DeploymentObservation): void {
    const { events, clock } = this.deps
    const now = clock.now()
    for (const e of obs.events) events.emit({ kind: 'service-event', at: e.at, id: e.id, message: e.message })
    obs.events = []
    const c = obs.counts
    if (!this.lastCounts || c.new !== this.lastCounts.new || c.stable !== this.lastCounts.stable) {
      this.lastCounts = c
      events.emit({ kind: 'move', at: now, step: this.state.step, counts: c, by: 'ecs' })
    }
    if (this.plan.traffic === 'weights') {
      // Going forward, each step reports its own share as it is reached (act: bake); a rollback's as it goes.
      if (this.state.mode !== 'rollback') return
      this.syncTraffic(obs)
      if (obs.trafficPercent <= EPSILON && this.state.rollbackAsked) this.trafficRestored()
    } else if (this.state.mode !== 'final') this.state.trafficPercent = obs.trafficPercent
  }

  /**
   * Native strategies: ECS may have moved the weight on to later steps in the very look that shows a gate failing.
   * The failure belongs to the step ECS is in, so the steps it passed are closed first (no hooks: no step began
   * its bake under the action's watch).
   */
  private catchUpSteps(obs: DeploymentObservation | undefined): void {
    const s = this.state
    if (!obs || this.plan.traffic !== 'weights' || s.mode !== 'forward') return
    const { events, clock } = this.deps
    while (
      s.step < this.plan.steps.length &&
      obs.trafficPercent > this.plan.steps[s.step - 1].trafficPercent + EPSILON
    ) {
      const at = clock.now()
      events.emit({ kind: 'step-done', at, step: s.step })
      s.step++
      s.phase = 'baking'
      s.stepStartedAt = at
      s.bakeStartedAt = at
      events.emit({ kind: 'step-start', at, ...this.stepInfo() })
    }
  }

  /** Native strategies: the production weight ECS has set, when it differs from the last one reported. */
  private syncTraffic(obs: DeploymentObservation | undefined): void {
    if (!obs || this.plan.traffic !== 'weights') return
    if (Math.abs(obs.trafficPercent - this.state.trafficPercent) <= EPSILON) return
    this.setTraffic(obs.trafficPercent)
  }

  private setTraffic(percent: number): void {
    this.state.trafficPercent = percent
    this.deps.events.emit({ kind: 'traffic', at: this.deps.clock.now(), percent })
  }

  /** A control run's request: abort is acted on; pause and promote cannot apply to a deployment ECS drives. */
  private request(obs: DeploymentObservation): Request | undefined {
    const request = (obs.tags && decodeRecord(obs.tags)?.request) || undefined
    if (!request || request === 'abort') return request
    if (this.requestNoted !== request) {
      this.requestNoted = request
      this.deps.events.emit({
        kind: 'warning',
        at: this.deps.clock.now(),
        message: `${request} was asked, but ECS carries this deployment through on its own: only abort applies to an ECS-controller service`
      })
      void this.save({ request: null }).catch(() => undefined)
    }
    return undefined
  }

  private cancelReason(): FailureReason {
    return { kind: 'cancelled', signal: String(this.deps.cancel?.reason ?? 'SIGINT') }
  }

  /**
   * On cancel: on-cancel rollback asks ECS to roll back at once and follows it for a few seconds (ECS finishes it
   * without the run); on-cancel pause leaves ECS's deployment to ECS.
   */
  private async checkCancel(now: number): Promise<EngineResult | undefined> {
    if (!this.deps.cancel?.aborted) return undefined
    if (this.cancelledAt === undefined) {
      this.cancelledAt = now
      const reason = this.cancelReason()
      if (this.settings.onCancel === 'pause') {
        this.deps.events.emit({ kind: 'paused', at: now, step: this.state.step, why: 'requested', reason })
        await this.save({ stage: 'paused', reason: reasonText(reason), request: null })
        return this.endWith(Status.Paused, reason)
      }
      if (this.state.mode !== 'rollback') await this.beginRollback(reason)
      return undefined
    }
    if (now - this.cancelledAt >= CANCEL_GRACE_MS) return this.endWith(Status.Aborted, this.state.failure)
    return undefined
  }

  private endWith(status: Status, reason?: FailureReason, text?: string): EngineResult {
    this.deps.events.emit({
      kind: 'end',
      at: this.deps.clock.now(),
      status,
      reason: text ?? (reason ? reasonText(reason) : undefined),
      trafficPercent: this.state.trafficPercent
    })
    return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step }
  }

  private async save(change: Partial<RolloutRecord>): Promise<void> {
    this.record = { ...this.record, ...change, step: this.state.step, heartbeat: this.deps.clock.now() }
    this.lastHeartbeat = this.record.heartbeat
    await this.deps.records.save(this.record)
    this.record.request = undefined
  }

  private stepInfo(): { step: number; label: string; target: Counts; trafficPercent: number } {
    const step = this.plan.steps[this.state.step - 1]
    return {
      step: this.state.step,
      label: step.label,
      target: { new: step.new, stable: step.stable },
      trafficPercent: step.trafficPercent
    }
  }
}
