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
import { WarningAlarms } from './warning-alarms.js'
import type { AlarmState, Clock, FleetObservation, FleetPort, GatesPort, TrafficPort } from './ports.js'

/** How often a moving step looks at its task sets, at most. */
export const QUICK_POLL_MS = 1000
/**
 * The first quick observation after a change, at the soonest. Later ones wait as long as it has been since the
 * change (200, 400, 800 ms …) up to QUICK_POLL_MS: a change that settles at once (a scale-in) is seen at once,
 * and one that takes a while costs a few calls more than a steady 1 s cadence.
 */
export const FIRST_QUICK_POLL_MS = 200
/** How often, at most, the owner proves it is alive on the record (it does so at each gate poll). */
export const HEARTBEAT_MS = 10_000
/** Consecutive failed observations, or failed actions, (after the SDK's own retries) before the rollout stops safely. */
export const MAX_OBSERVE_ERRORS = 3
/** After a cancel, how long the run keeps rolling back before it hands the rest to the next run. */
export const CANCEL_GRACE_MS = 5000

export type HookName = 'pre-traffic' | 'post-step' | 'post-deploy' | 'on-rollback'

export interface Hooks {
  /** Runs a lifecycle hook; resolves with a failure reason, or undefined when it passed. */
  run(name: HookName, context: HookContext): Promise<FailureReason | undefined>
  /** Once per rollback, before the new revision's tasks start to go: test traffic follows production back. */
  leavingNew?(): Promise<void>
}
export interface HookContext {
  step: number
  trafficPercent: number
  /** Read between attempts of a hook in progress (exit 75): a failed gate ends the wait. */
  interrupt?: () => Promise<FailureReason | undefined>
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
  /** When the bake being waited out ends: the gates are read then, so a step never moves on with older ones. */
  private bakeEndsAt?: number
  /** When the engine last changed something (a move, a weight, a step): quick polls back off from there. */
  private changedAt = -Infinity
  private lastHeartbeat: number
  private alarms: AlarmState[] = []
  private readonly warningAlarms: WarningAlarms
  private request?: Request
  private requestedBy?: string
  private observeErrors = 0
  private actErrors = 0
  /** Set when AWS kept failing and on-failure paused the rollout: run() returns it. */
  private stopped?: EngineResult
  private rollbackBeganAt = 0
  private cancelledAt?: number
  private rollbackStarted = false
  private rollbackActions = 0
  private rollbackProgressAt = 0
  private restoredReported = false
  private preTrafficDone = false
  private leftNew = false
  private lastObservation?: FleetObservation

  constructor(
    private record: RolloutRecord,
    private state: EngineState,
    private readonly deps: EngineDeps,
    private readonly settings: EngineSettings,
    private readonly startedAt: number
  ) {
    this.lastHeartbeat = deps.clock.now()
    this.warningAlarms = new WarningAlarms(deps.events)
  }

  async run(): Promise<EngineResult> {
    const { clock, events } = this.deps
    let announced = false
    for (;;) {
      const now = clock.now()
      const fleet = await this.observe(now)
      if (this.stopped) return this.stopped
      if (!fleet) continue
      const plan = this.planFor(fleet.desiredCount)
      if (!announced && this.state.mode === 'forward')
        events.emit({ kind: 'step-start', at: now, ...this.stepInfo(plan) })
      announced = true
      const cancelled = this.checkCancel(now)
      if (cancelled) return this.handOver(cancelled)
      const decision = this.decideNext(fleet, plan, now)
      let result: EngineResult | undefined
      try {
        result = await this.act(decision, fleet, plan)
        this.actErrors = 0
      } catch (error) {
        result = await this.actFailed(decision, error)
        if (!result) continue
      }
      if (result) return result
      if (decision.kind !== 'wait') this.changedAt = clock.now()
      // Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop.
      if (decision.kind === 'wait')
        await clock.sleep(this.waitMs(now, decision, plan), this.liveCancelSignal())
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
    const bakeOver = this.bakeEndsAt !== undefined && now >= this.bakeEndsAt
    const detailed = bakeOver || now - this.lastDetailed >= this.settings.pollIntervalMs
    try {
      const fleet = await this.deps.fleet.observe(detailed)
      // Seen, even if the gates cannot be read: a rollout whose gates stay unreadable can still roll back.
      this.lastObservation = fleet
      if (detailed) {
        // A rollback is not gated: it goes on while CloudWatch cannot be read.
        if (this.state.mode !== 'rollback') {
          const gates = await this.deps.gates.read()
          this.alarms = gates.alarms
          this.warningAlarms.note(gates.warnings, now)
        }
        const recorded = fleet.tags && decodeRecord(fleet.tags)
        this.request = recorded?.request || undefined
        this.requestedBy = recorded?.requestedBy
        this.lastDetailed = now
        this.bakeEndsAt = undefined
        // Another run has taken the rollout over (or started another): this one stops, changing nothing more.
        if (recorded && (recorded.id !== this.record.id || recorded.heartbeat > this.lastHeartbeat)) {
          const by = recorded.owner || recorded.runUrl || recorded.actor
          this.stopped = this.endWith(Status.Failed, { kind: 'taken-over', by })
          return fleet
        }
        if (now - this.lastHeartbeat >= HEARTBEAT_MS) await this.save({})
      }
      this.observeErrors = 0
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
        this.alarms = []
        this.observeErrors = 0
        this.stopped = await this.fail({ kind: 'api', message: describeError(error) })
        return undefined
      }
      await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
      return undefined
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

  /**
   * The grace is over and the rollout is not done: the record says it has no owner any more (heartbeat 0), and
   * that it is rolling back, so the next run (or the post step) carries the rollback on at once.
   */
  private async handOver(result: EngineResult): Promise<EngineResult> {
    const stage: Stage | undefined = this.state.mode === 'rollback' ? 'rolling-back' : undefined
    await this.save({ stage, heartbeat: 0, reason: reasonText(this.state.failure) }).catch(() => undefined)
    return result
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
        if (this.state.mode === 'rollback' && decision.counts.new < counts(fleet).new) await this.leavingNew()
        await port.scale(decision.counts, plan.desiredCount)
        events.emit({ kind: 'move', at, step: this.state.step, counts: decision.counts })
        if (plan.traffic === 'replicas') this.state.trafficPercent = replicaShare(decision.counts)
        return this.afterRollbackAction()
      }
      case 'traffic': {
        if (this.state.mode !== 'rollback' && decision.percent > this.state.trafficPercent) {
          // Weight moves only onto targets the load balancer itself has found healthy.
          if (traffic.ready && !(await traffic.ready(counts(fleet).new))) {
            await clock.sleep(QUICK_POLL_MS, this.liveCancelSignal())
            return this.checkStepTimeout()
          }
          const hooked = this.state.trafficPercent === 0 && !this.preTrafficDone && this.deps.hooks
          const failure = this.state.trafficPercent === 0 ? await this.preTraffic() : undefined
          if (failure) return this.fail(failure)
          // The hook may have taken minutes: the health read it followed is stale, so it is read again.
          if (hooked && traffic.ready && !(await traffic.ready(counts(fleet).new))) return undefined
        }
        await traffic.setWeight(decision.percent)
        this.state.trafficPercent = decision.percent
        events.emit({ kind: 'traffic', at, percent: decision.percent })
        // Restored once the weight is verified: the record written after it is not part of the restore.
        const restored = this.state.mode === 'rollback' && decision.percent === 0
        if (restored) {
          this.noteRollbackAction()
          this.trafficRestored()
        }
        await this.afterRollbackAction(!restored)
        return undefined
      }
      case 'bake': {
        const step = plan.steps[this.state.step - 1]
        const hookFailure = await this.deps.hooks?.run('post-step', {
          step: this.state.step,
          trafficPercent: this.state.trafficPercent,
          interrupt: () => this.firingGate()
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
        if (decision.to > plan.steps.length) {
          // A promote during the final phase finds it there already: its bake goes on.
          if (this.state.mode !== 'final') this.enterFinal(at)
        } else {
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
          trafficPercent: 100,
          interrupt: () => this.firingGate()
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
        await this.beginRollback(
          decision.reason.kind === 'requested' && this.requestedBy
            ? { ...decision.reason, by: this.requestedBy }
            : decision.reason
        )
        return undefined
      case 'make-stable-primary':
        await port.makePrimary('stable')
        this.state.promoted = false
        return this.afterRollbackAction()
      case 'finish-rollback':
        await this.leavingNew()
        return this.finishRollback(fleet)
    }
  }

  private async leavingNew(): Promise<void> {
    if (this.leftNew) return
    this.leftNew = true
    await this.deps.hooks?.leavingNew?.()
  }

  /**
   * An action failed after the SDK's own retries. Actions are idempotent and the next one is decided afresh,
   * so a transient failure is retried; a persistent one fails the rollout like a gate (rolled back, or paused
   * per on-failure). Rolling back keeps trying until it has made no progress for step-timeout. Once the stable
   * revision's task set is gone there is nothing to roll back to, and the run ends failed.
   */
  private async actFailed(decision: Decision, error: unknown): Promise<EngineResult | undefined> {
    const now = this.deps.clock.now()
    const reason: FailureReason = { kind: 'api', message: describeError(error) }
    this.actErrors++
    this.deps.events.emit({
      kind: 'warning',
      at: now,
      message: `Could not ${decision.kind} (${reason.message}); trying again`
    })
    if (this.actErrors >= MAX_OBSERVE_ERRORS) {
      this.actErrors = 0
      if (this.state.mode === 'rollback') {
        if (now - Math.max(this.rollbackProgressAt, this.rollbackBeganAt) > this.settings.stepTimeoutMs)
          return this.endWith(Status.Failed, reason)
      } else if (this.state.promoted && !this.lastObservation?.stable) {
        return this.endWith(Status.Failed, reason)
      } else {
        const stopped = await this.fail(reason).catch(() => this.endWith(Status.Failed, reason))
        if (stopped) return stopped
      }
    }
    await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
    return undefined
  }

  /** The pre-traffic hook, once per run, before the new revision gets its first production traffic. */
  private async preTraffic(): Promise<FailureReason | undefined> {
    if (this.preTrafficDone) return undefined
    this.preTrafficDone = true
    return this.deps.hooks?.run('pre-traffic', {
      step: this.state.step,
      trafficPercent: this.state.trafficPercent,
      interrupt: () => this.firingGate()
    })
  }

  /** A gate alarm in ALARM, read now: a hook in progress stops waiting for it. */
  private async firingGate(): Promise<FailureReason | undefined> {
    const { alarms } = await this.deps.gates.read()
    this.alarms = alarms
    const firing = alarms.find(a => a.state === 'ALARM')
    return firing && { kind: 'alarm', alarm: firing }
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
    // Promoted already (a rollout resumed after its promotion): the final bake starts now.
    this.state.bakeStartedAt = this.state.promoted ? at : undefined
  }

  private async beginRollback(reason: FailureReason): Promise<void> {
    this.state.failure = reason
    this.state.mode = 'rollback'
    this.rollbackBeganAt = this.deps.clock.now()
    this.deps.events.emit({
      kind: 'rollback-start',
      at: this.deps.clock.now(),
      reason,
      from: this.currentCounts(),
      trafficPercent: this.state.trafficPercent
    })
  }

  private noteRollbackAction(): void {
    this.rollbackActions++
    this.rollbackProgressAt = this.deps.clock.now()
  }

  /** The record is saved after the rollback's first action, so that action is the first mutating call. */
  private async afterRollbackAction(count = true): Promise<undefined> {
    if (this.state.mode !== 'rollback') return undefined
    if (count) this.noteRollbackAction()
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
    this.record = { ...this.record, heartbeat: this.deps.clock.now(), ...change, step: this.state.step }
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

  private waitMs(now: number, decision: Extract<Decision, { kind: 'wait' }>, plan: Plan): number {
    const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now)
    const quick = decision.for === 'stability' || decision.for === 'stable revision'
    if (quick) {
      const since = this.deps.clock.now() - this.changedAt
      return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll, Math.max(FIRST_QUICK_POLL_MS, since)))
    }
    // A bake lasts as long as it was asked to, not until the first poll after it: wake when it is over, and
    // read the gates then (the poll cycle starts again from that read).
    const bakeEnd = this.bakeEnd(plan)
    if (bakeEnd !== undefined && bakeEnd - now < untilPoll) {
      this.bakeEndsAt = bakeEnd
      return Math.max(1, bakeEnd - this.deps.clock.now())
    }
    return Math.max(10, untilPoll)
  }

  /** When the current step's bake, or the final bake, is over. */
  private bakeEnd(plan: Plan): number | undefined {
    const { mode, phase, bakeStartedAt, step } = this.state
    if (bakeStartedAt === undefined) return undefined
    if (mode === 'final') return this.state.promoted ? bakeStartedAt + plan.finalBakeMs : undefined
    if (mode === 'forward' && phase === 'baking') return bakeStartedAt + (plan.steps[step - 1]?.bakeMs ?? 0)
    return undefined
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
    case 'taken-over':
      return `rollout taken over by ${reason.by}`
    case 'ecs': {
      const first = reason.tasks[0]
      const by = reason.rolledBack ? 'ECS rolled the deployment back' : 'ECS stopped the deployment'
      return `${by}: ${reason.reason}${first ? ` (stopped task: ${first.reason})` : ''}`
    }
  }
}
