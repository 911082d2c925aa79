// The reconciler: observe → decide → act → record, until the rollout is done, paused or rolled back.
// It holds no AWS knowledge: the ports do the talking. Quick observations (1 s) while a step is moving keep
// the time between "stable" and "bake starts" short; gates and the record are read once per poll-interval.

import type { OnFailure, PlanConfig } from '../config/types.js'
import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import {
  decodeRecord,
  type RecordPort,
  type Request,
  type RolloutRecord,
  type Stage
} from '../record/record.js'
import {
  counts,
  decide,
  defaultMaxFailedTasks,
  type Decision,
  type EngineState,
  type Limits
} from './decide.js'
import type { EventSink, FailureReason } from './events.js'
import type { AlarmState, Clock, FleetObservation, FleetPort, GatesPort, TrafficPort } from './ports.js'

/** How often a moving step looks at its task sets, at most. */
export const QUICK_POLL_MS = 1000
/** How often, at most, the owner proves it is alive on the record (it does so at each gate poll). */
export const HEARTBEAT_MS = 10_000
/** Consecutive failed observations (after the SDK's own retries) before the rollout stops safely. */
export const MAX_OBSERVE_ERRORS = 3
/** After a cancel, how long the run keeps rolling back before it hands the rest to the next run. */
export const CANCEL_GRACE_MS = 5000

export type HookName = 'pre-traffic' | 'post-step' | 'post-deploy' | 'on-rollback'

export interface Hooks {
  /** Runs a lifecycle hook; resolves with a failure reason, or undefined when it passed. */
  run(name: HookName, context: HookContext): Promise<FailureReason | undefined>
}
export interface HookContext {
  step: number
  trafficPercent: number
}

export interface EngineDeps {
  fleet: FleetPort
  traffic: TrafficPort
  gates: GatesPort
  records: RecordPort
  events: EventSink
  clock: Clock
  hooks?: Hooks
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  cancel?: AbortSignal
}

export interface EngineSettings {
  plan: PlanConfig
  pollIntervalMs: number
  stepTimeoutMs: number
  timeoutMs: number
  maxFailedTasks?: number
  onFailure: OnFailure
  onCancel: OnFailure
}

export interface EngineResult {
  status: Status
  /** Why the rollout did not succeed; a paused result with a reason means a gate failed (on-failure: pause). */
  reason?: FailureReason
  trafficPercent: number
  step: number
}

export class Reconciler {
  private lastDetailed = -Infinity
  private lastHeartbeat: number
  private alarms: AlarmState[] = []
  private warned = new Set<string>()
  private request?: Request
  private observeErrors = 0
  private cancelledAt?: number
  private rollbackStarted = false
  private rollbackActions = 0
  private rollbackProgressAt = 0
  private restoredReported = false
  private preTrafficDone = false
  private lastObservation?: FleetObservation

  constructor(
    private record: RolloutRecord,
    private state: EngineState,
    private readonly deps: EngineDeps,
    private readonly settings: EngineSettings,
    private readonly startedAt: number
  ) {
    this.lastHeartbeat = deps.clock.now()
  }

  async run(): Promise<EngineResult> {
    const { clock, events } = this.deps
    let announced = false
    for (;;) {
      const now = clock.now()
      const fleet = await this.observe(now)
      if (!fleet) continue
      const plan = this.planFor(fleet.desiredCount)
      if (!announced && this.state.mode === 'forward')
        events.emit({ kind: 'step-start', at: now, ...this.stepInfo(plan) })
      announced = true
      const cancelled = this.checkCancel(now)
      if (cancelled) return cancelled
      const decision = this.decideNext(fleet, plan, now)
      const result = await this.act(decision, fleet, plan)
      if (result) return result
      // Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop.
      if (decision.kind === 'wait') await clock.sleep(this.waitMs(now, decision), this.liveCancelSignal())
    }
  }

  private liveCancelSignal(): AbortSignal | undefined {
    return this.cancelledAt === undefined ? this.deps.cancel : undefined
  }

  private planFor(desired: number): Plan {
    return buildPlan(this.settings.plan, desired)
  }

  private decideNext(fleet: FleetObservation, plan: Plan, now: number): Decision {
    const limits: Limits = {
      stepTimeoutMs: this.settings.stepTimeoutMs,
      timeoutMs: this.settings.timeoutMs,
      deadline: this.startedAt + this.settings.timeoutMs,
      maxFailedTasks: this.settings.maxFailedTasks ?? defaultMaxFailedTasks(plan.desiredCount),
      onFailure: this.settings.onFailure
    }
    return decide(this.state, { fleet, alarms: this.alarms, request: this.request, now }, plan, limits)
  }

  /** One observation; gates and the record ride along once per poll-interval. */
  private async observe(now: number): Promise<FleetObservation | undefined> {
    const detailed = now - this.lastDetailed >= this.settings.pollIntervalMs
    try {
      const fleet = await this.deps.fleet.observe(detailed)
      if (detailed) {
        const gates = await this.deps.gates.read()
        this.alarms = gates.alarms
        this.noteWarnings(gates.warnings, now)
        this.request = (fleet.tags && decodeRecord(fleet.tags)?.request) || undefined
        this.lastDetailed = now
        if (now - this.lastHeartbeat >= HEARTBEAT_MS) await this.save({})
      }
      this.observeErrors = 0
      this.lastObservation = fleet
      return fleet
    } catch (error) {
      // The SDK has already retried with backoff; a few failed polls in a row mean AWS is not answering.
      this.observeErrors++
      this.deps.events.emit({
        kind: 'warning',
        at: now,
        message: `Could not read the service (${describeError(error)}); trying again`
      })
      if (this.observeErrors >= MAX_OBSERVE_ERRORS) {
        if (this.state.mode === 'rollback' || !this.lastObservation) throw error
        this.state.failure = { kind: 'api', message: describeError(error) }
        this.alarms = []
        this.observeErrors = 0
        await this.beginRollback(this.state.failure)
        return undefined
      }
      await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
      return undefined
    }
  }

  private noteWarnings(warnings: AlarmState[], now: number): void {
    for (const alarm of warnings) {
      if (alarm.state === 'ALARM' && !this.warned.has(alarm.name)) {
        this.warned.add(alarm.name)
        this.deps.events.emit({
          kind: 'warning',
          at: now,
          message: `Warning alarm ${alarm.name} is in ALARM: ${alarm.reason}`,
          alarm
        })
      } else if (alarm.state !== 'ALARM') this.warned.delete(alarm.name)
    }
  }

  /** On cancel: start on-cancel's action at once, keep at it for a few seconds, then hand over. */
  private checkCancel(now: number): EngineResult | undefined {
    if (!this.deps.cancel?.aborted) return undefined
    if (this.cancelledAt === undefined) {
      this.cancelledAt = now
      const reason: FailureReason = { kind: 'cancelled', signal: String(this.deps.cancel.reason ?? 'SIGINT') }
      if (this.settings.onCancel === 'pause') return undefined // handled below as a pause
      if (this.state.mode !== 'rollback') {
        this.state.failure = reason
        this.state.mode = 'rollback'
        this.deps.events.emit({
          kind: 'rollback-start',
          at: now,
          reason,
          from: this.currentCounts(),
          trafficPercent: this.state.trafficPercent
        })
      }
      return undefined
    }
    if (now - this.cancelledAt >= CANCEL_GRACE_MS) return this.endWith(Status.Aborted, this.state.failure)
    return undefined
  }

  private async act(
    decision: Decision,
    fleet: FleetObservation,
    plan: Plan
  ): Promise<EngineResult | undefined> {
    const { fleet: port, traffic, events, clock } = this.deps
    const at = clock.now()
    if (this.deps.cancel?.aborted && this.settings.onCancel === 'pause' && this.state.mode !== 'rollback') {
      return this.pause('requested', {
        kind: 'cancelled',
        signal: String(this.deps.cancel.reason ?? 'SIGINT')
      })
    }
    switch (decision.kind) {
      case 'wait':
        if (this.state.mode === 'rollback') return this.checkRollbackStuck(at)
        return undefined
      case 'scale': {
        // By replicas, production traffic reaches the new revision as soon as its first tasks run.
        const first = plan.traffic === 'replicas' && decision.counts.new > 0 && counts(fleet).new === 0
        if (first && this.state.mode !== 'rollback') {
          const failure = await this.preTraffic()
          if (failure) return this.fail(failure)
        }
        await port.scale(decision.counts, plan.desiredCount)
        events.emit({ kind: 'move', at, step: this.state.step, counts: decision.counts })
        if (plan.traffic === 'replicas') this.state.trafficPercent = replicaShare(decision.counts)
        return this.afterRollbackAction()
      }
      case 'traffic':
        if (this.state.mode !== 'rollback' && decision.percent > this.state.trafficPercent) {
          // Weight moves only onto targets the load balancer itself has found healthy.
          if (traffic.ready && !(await traffic.ready())) {
            await clock.sleep(QUICK_POLL_MS, this.liveCancelSignal())
            return this.checkStepTimeout()
          }
          const failure = this.state.trafficPercent === 0 ? await this.preTraffic() : undefined
          if (failure) return this.fail(failure)
        }
        await traffic.setWeight(decision.percent)
        this.state.trafficPercent = decision.percent
        events.emit({ kind: 'traffic', at, percent: decision.percent })
        await this.afterRollbackAction()
        if (this.state.mode === 'rollback' && decision.percent === 0) this.trafficRestored()
        return undefined
      case 'bake': {
        const step = plan.steps[this.state.step - 1]
        const hookFailure = await this.deps.hooks?.run('post-step', {
          step: this.state.step,
          trafficPercent: this.state.trafficPercent
        })
        if (hookFailure) return this.fail(hookFailure)
        this.state.phase = 'baking'
        this.state.bakeStartedAt = clock.now()
        events.emit({
          kind: 'bake-start',
          at: this.state.bakeStartedAt,
          step: this.state.step,
          ms: step.bakeMs
        })
        return undefined
      }
      case 'next-step':
      case 'jump':
        events.emit({ kind: 'step-done', at, step: this.state.step })
        if (decision.kind === 'jump') this.request = undefined
        if (decision.to > plan.steps.length) this.enterFinal(at)
        else {
          this.state.step = decision.to
          this.state.phase = 'moving'
          this.state.stepStartedAt = at
          this.state.bakeStartedAt = undefined
          events.emit({ kind: 'step-start', at, ...this.stepInfo(plan) })
        }
        await this.save({ stage: 'executing', request: decision.kind === 'jump' ? null : undefined })
        return undefined
      case 'pause':
        return this.pause(decision.why, decision.reason)
      case 'promote': {
        await port.makePrimary('new')
        this.state.promoted = true
        events.emit({ kind: 'promoted', at })
        const hookFailure = await this.deps.hooks?.run('post-deploy', {
          step: this.state.step,
          trafficPercent: 100
        })
        if (hookFailure) return this.fail(hookFailure)
        this.state.bakeStartedAt = clock.now()
        events.emit({ kind: 'final-bake', at: this.state.bakeStartedAt, ms: plan.finalBakeMs })
        await this.save({ stage: 'executing' })
        return undefined
      }
      case 'retire':
        await port.remove('stable')
        events.emit({ kind: 'step-done', at, step: plan.steps.length + 1 })
        this.record = {
          ...this.record,
          phase: 'Completed',
          stage: undefined,
          outcome: 'succeeded',
          reason: undefined,
          request: null
        }
        await this.save({})
        return this.endWith(Status.Succeeded)
      case 'rollback':
        await this.beginRollback(decision.reason)
        return undefined
      case 'make-stable-primary':
        await port.makePrimary('stable')
        this.state.promoted = false
        return this.afterRollbackAction()
      case 'finish-rollback':
        return this.finishRollback(fleet)
    }
  }

  /** The pre-traffic hook, once per run, before the new revision gets its first production traffic. */
  private async preTraffic(): Promise<FailureReason | undefined> {
    if (this.preTrafficDone) return undefined
    this.preTrafficDone = true
    return this.deps.hooks?.run('pre-traffic', {
      step: this.state.step,
      trafficPercent: this.state.trafficPercent
    })
  }

  /** Not-ready targets hold a step like unstable tasks do: step-timeout bounds the wait. */
  private async checkStepTimeout(): Promise<EngineResult | undefined> {
    if (this.deps.clock.now() - this.state.stepStartedAt <= this.settings.stepTimeoutMs) return undefined
    return this.fail({
      kind: 'timeout',
      scope: 'step',
      limitMs: this.settings.stepTimeoutMs,
      step: this.state.step
    })
  }

  private enterFinal(at: number): void {
    this.state.mode = 'final'
    this.state.phase = 'moving'
    this.state.stepStartedAt = at
    this.state.bakeStartedAt = undefined
  }

  private async beginRollback(reason: FailureReason): Promise<void> {
    this.state.failure = reason
    this.state.mode = 'rollback'
    this.deps.events.emit({
      kind: 'rollback-start',
      at: this.deps.clock.now(),
      reason,
      from: this.currentCounts(),
      trafficPercent: this.state.trafficPercent
    })
  }

  /** The record is saved after the rollback's first action, so that action is the first mutating call. */
  private async afterRollbackAction(): Promise<undefined> {
    if (this.state.mode !== 'rollback') return undefined
    this.rollbackActions++
    this.rollbackProgressAt = this.deps.clock.now()
    if (!this.rollbackStarted) {
      this.rollbackStarted = true
      await this.save({ stage: 'rolling-back', reason: reasonText(this.state.failure), request: null })
    }
    return undefined
  }

  /** All production traffic is on the stable revision again: say how many changes that took. */
  private trafficRestored(): void {
    if (this.restoredReported) return
    this.restoredReported = true
    this.deps.events.emit({
      kind: 'traffic-restored',
      at: this.deps.clock.now(),
      mutatingCalls: this.rollbackActions
    })
  }

  private checkRollbackStuck(now: number): EngineResult | undefined {
    if (!this.rollbackStarted || now - this.rollbackProgressAt <= this.settings.stepTimeoutMs)
      return undefined
    return this.endWith(Status.Failed, {
      kind: 'timeout',
      scope: 'step',
      limitMs: this.settings.stepTimeoutMs
    })
  }

  private async finishRollback(fleet: FleetObservation): Promise<EngineResult> {
    const { fleet: port, events, clock } = this.deps
    this.trafficRestored()
    if (fleet.new) await port.remove('new')
    events.emit({ kind: 'rollback-done', at: clock.now() })
    await this.deps.hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 })
    const requested = this.state.failure?.kind === 'requested' || this.state.failure?.kind === 'cancelled'
    const outcome = requested ? 'aborted' : 'rolled-back'
    this.record = {
      ...this.record,
      phase: 'Completed',
      stage: undefined,
      outcome,
      reason: reasonText(this.state.failure),
      request: null
    }
    await this.save({})
    this.state.trafficPercent = 0
    return this.endWith(requested ? Status.Aborted : Status.RolledBack, this.state.failure)
  }

  private async fail(reason: FailureReason): Promise<EngineResult | undefined> {
    if (this.settings.onFailure === 'pause') return this.pause('on-failure', reason)
    await this.beginRollback(reason)
    return undefined
  }

  private async pause(
    why: 'manual-step' | 'requested' | 'on-failure',
    reason?: FailureReason
  ): Promise<EngineResult> {
    const at = this.deps.clock.now()
    const stage: Stage = why === 'manual-step' ? 'batch-completed' : 'paused'
    this.deps.events.emit({ kind: 'paused', at, step: this.state.step, why, reason })
    await this.save({ stage, reason: reason ? reasonText(reason) : undefined, request: null })
    return this.endWith(Status.Paused, reason)
  }

  private endWith(status: Status, reason?: FailureReason): EngineResult {
    this.deps.events.emit({
      kind: 'end',
      at: this.deps.clock.now(),
      status,
      reason: reason ? reasonText(reason) : undefined,
      trafficPercent: this.state.trafficPercent
    })
    return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step }
  }

  private async save(change: Partial<RolloutRecord>): Promise<void> {
    this.record = { ...this.record, ...change, step: this.state.step, heartbeat: this.deps.clock.now() }
    this.lastHeartbeat = this.record.heartbeat
    await this.deps.records.save(this.record)
    // A request is written once (cleared when acted on); later saves leave the service's value alone.
    this.record.request = undefined
  }

  private stepInfo(plan: Plan): {
    step: number
    label: string
    target: { new: number; stable: number }
    trafficPercent: number
  } {
    const step = plan.steps[Math.min(this.state.step, plan.steps.length) - 1]
    return {
      step: this.state.step,
      label: step.label,
      target: { new: step.new, stable: step.stable },
      trafficPercent: step.trafficPercent
    }
  }

  private currentCounts(): { new: number; stable: number } {
    return this.lastObservation ? counts(this.lastObservation) : { new: 0, stable: 0 }
  }

  private waitMs(now: number, decision: Extract<Decision, { kind: 'wait' }>): number {
    const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now)
    const quick = decision.for === 'stability' || decision.for === 'stable revision'
    return Math.max(10, quick ? Math.min(QUICK_POLL_MS, untilPoll) : untilPoll)
  }
}

function replicaShare(c: { new: number; stable: number }): number {
  const total = c.new + c.stable
  return total === 0 ? 0 : Math.round((1000 * c.new) / total) / 10
}

/** A one-line reason for the record and outputs. */
export function reasonText(reason: FailureReason | undefined): string | undefined {
  if (!reason) return undefined
  switch (reason.kind) {
    case 'alarm':
      return `alarm ${reason.alarm.name} is in ALARM since ${new Date(reason.alarm.since).toISOString()}: ${reason.alarm.reason}`
    case 'tasks': {
      const first = reason.tasks[0]
      return `${reason.tasks.length} tasks of the new revision failed (limit ${reason.threshold})${first ? `: ${first.reason}` : ''}`
    }
    case 'timeout':
      return reason.scope === 'run'
        ? `the run took longer than timeout (${reason.limitMs / 1000}s)`
        : `step ${reason.step ?? ''} did not become stable within step-timeout (${reason.limitMs / 1000}s)`.replace(
            'step  ',
            'the rollback '
          )
    case 'hook':
      return `hook ${reason.hook} failed with exit code ${reason.exitCode ?? 'none'}${reason.output.length ? `: ${reason.output[reason.output.length - 1]}` : ''}`
    case 'cancelled':
      return `the run was cancelled (${reason.signal})`
    case 'api':
      return `AWS kept failing: ${reason.message}`
    case 'requested':
      return `${reason.command} requested by ${reason.by}`
    case 'orphan':
      return `the run that owned the rollout stopped (${reason.owner})`
  }
}
