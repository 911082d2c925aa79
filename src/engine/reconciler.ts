// The reconciler: the engine loop (loop.ts) for task sets. Each turn asks decide() for the next thing to do and
// does it through the FleetPort and TrafficPort, idempotently; quick looks while a step moves, gates and record
// once per poll-interval and at a bake's end.

import { Status } from '../constants.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import type { RolloutRecord } from '../record/record.js'
import { counts, decide, defaultMaxFailedTasks, type Decision, type EngineState } from './decide.js'
import type { FailureReason } from './events.js'
import { ActingLoop } from './acting-loop.js'
import type { EngineResult, EngineSettings, LoopDeps, Turn } from './loop-types.js'
import { FIRST_QUICK_POLL_MS, HEALTH_READ_MS, QUICK_POLL_MS } from './loop-types.js'
import type { FleetObservation, FleetPort, TrafficPort } from './ports.js'
import { reasonText } from './reasons.js'

// Names the commands and the hook runner import from here.
export type { HookContext, HookName, Hooks } from './hooks.js'
export type { EngineResult, EngineSettings } from './loop-types.js'
export { CANCEL_GRACE_MS, HEARTBEAT_MS, MAX_OBSERVE_ERRORS } from './rules.js'

export interface EngineDeps extends LoopDeps {
  fleet: FleetPort
  traffic: TrafficPort
}

export class Reconciler extends ActingLoop<FleetObservation, EngineState> {
  protected readonly gatesInRollback = false
  /** When the engine last changed something (a move, a weight, a step): quick polls back off from there. */
  private changedAt = -Infinity
  /** The last act (as JSON) with no wait since: the same again means a look that lags has not shown it yet. */
  private lastAct?: string
  private announced = false
  private preTrafficDone = false
  private leftNew = false
  private rollbackSaved = false

  constructor(
    record: RolloutRecord,
    state: EngineState,
    private readonly ports: EngineDeps,
    private readonly engine: EngineSettings,
    startedAt: number
  ) {
    super(record, state, ports, engine, startedAt)
  }

  run(): Promise<EngineResult> {
    return this.loop()
  }

  private planFor(desired: number): Plan {
    return buildPlan(this.engine.plan, desired)
  }

  protected async observe(detail: boolean): Promise<FleetObservation> {
    const observation = await this.ports.fleet.observe(detail)
    this.ports.metrics?.noteTaskSet(observation.new?.id)
    return observation
  }

  protected tagsOf(observation: FleetObservation): Record<string, string> | undefined {
    return observation.tags
  }

  protected override canFailSafely(): boolean {
    return this.lastObservation !== undefined
  }

  protected startCounts(): { new: number; stable: number } {
    return this.lastObservation ? counts(this.lastObservation) : { new: 0, stable: 0 }
  }

  protected async seen(fleet: FleetObservation, now: number): Promise<undefined> {
    if (!this.announced && this.state.mode === 'forward')
      this.announceStep(this.planFor(fleet.desiredCount), now)
    this.announced = true
    return undefined
  }

  protected async advance(fleet: FleetObservation, now: number): Promise<Turn> {
    const plan = this.planFor(fleet.desiredCount)
    const limits = this.limits(plan, defaultMaxFailedTasks(plan.desiredCount), this.settings.onFailure)
    const observation = {
      fleet,
      alarms: this.alarms,
      metrics: this.deps.metrics?.latest,
      request: this.request,
      now
    }
    const decision = decide(this.state, observation, plan, limits)
    const result = await this.acting(decision.kind, () => this.act(decision, fleet, plan))
    if (result) return result
    if (decision.kind !== 'wait') {
      this.changedAt = this.deps.clock.now()
      // Acted on again (a lagging read, a task set created but not shown yet): once a quick poll, not a busy loop.
      const again = this.lastAct === (this.lastAct = JSON.stringify(decision))
      return { sleepMs: again ? QUICK_POLL_MS : 0 }
    }
    this.lastAct = undefined
    return { sleepMs: this.waitMs(now, decision, plan) }
  }

  private async act(
    decision: Decision,
    fleet: FleetObservation,
    plan: Plan
  ): Promise<EngineResult | undefined> {
    const { fleet: port, events, clock } = this.ports
    const at = clock.now()
    const state = this.state
    switch (decision.kind) {
      case 'wait':
        return this.checkRollbackStuck(at)
      case 'scale': {
        // By replicas, production traffic reaches the new revision as soon as its first tasks run.
        const first = plan.traffic === 'replicas' && decision.counts.new > 0 && counts(fleet).new === 0
        if (first && state.mode !== 'rollback') {
          const failure = await this.preTraffic()
          if (failure) return this.fail(failure)
        }
        if (state.mode === 'rollback' && decision.counts.new < counts(fleet).new) await this.leavingNew()
        await this.fence()
        await port.scale(decision.counts, plan.desiredCount)
        events.emit({ kind: 'move', at, step: state.step, counts: decision.counts })
        if (plan.traffic === 'replicas') state.trafficPercent = replicaShare(decision.counts)
        return this.afterRollbackAction()
      }
      case 'traffic':
        return this.moveTraffic(decision.percent, fleet)
      case 'bake': {
        const hookFailure = await this.runHook('post-step', state.trafficPercent)
        if (hookFailure) return this.fail(hookFailure)
        state.phase = 'baking'
        state.bakeStartedAt = clock.now()
        const ms = plan.steps[state.step - 1].bakeMs
        events.emit({ kind: 'bake-start', at: state.bakeStartedAt, step: state.step, ms })
        return undefined
      }
      case 'next-step':
      case 'jump':
        events.emit({ kind: 'step-done', at, step: state.step })
        if (decision.kind === 'jump') this.request = undefined
        if (decision.to > plan.steps.length) {
          // A promote during the final phase finds it there already: its bake goes on.
          if (state.mode !== 'final') this.enterFinal(at)
        } else {
          Object.assign(state, {
            step: decision.to,
            phase: 'moving',
            stepStartedAt: at,
            bakeStartedAt: undefined
          })
          this.announceStep(plan, at)
        }
        await this.save({ stage: 'executing', request: decision.kind === 'jump' ? null : undefined })
        return undefined
      case 'pause':
        return this.pause(decision.why, decision.reason)
      case 'promote': {
        await this.fence()
        await port.makePrimary('new')
        state.promoted = true
        events.emit({ kind: 'promoted', at })
        const hookFailure = await this.runHook('post-deploy', 100)
        if (hookFailure) return this.fail(hookFailure)
        state.bakeStartedAt = clock.now()
        events.emit({ kind: 'final-bake', at: state.bakeStartedAt, ms: plan.finalBakeMs })
        await this.save({ stage: 'executing' })
        return undefined
      }
      case 'retire':
        await this.fence()
        await port.remove('stable')
        events.emit({ kind: 'step-done', at, step: plan.steps.length + 1 })
        return this.complete(Status.Succeeded, undefined, state.trafficPercent)
      case 'rollback':
        return this.beginRollback(decision.reason)
      case 'make-stable-primary':
        await this.fence()
        await port.makePrimary('stable')
        state.promoted = false
        return this.afterRollbackAction()
      case 'finish-rollback':
        await this.leavingNew()
        this.trafficRestored()
        await this.fence()
        // Even unseen: a lagging read may not show the task set this run has just created (remove is idempotent).
        await port.remove('new')
        return this.finishRollback()
    }
  }

  private async moveTraffic(percent: number, fleet: FleetObservation): Promise<EngineResult | undefined> {
    const { traffic, events, clock } = this.ports
    const state = this.state
    const raising = state.mode !== 'rollback' && percent > state.trafficPercent
    /** When the health read this move follows was taken. */
    let healthReadAt = -Infinity
    if (raising) {
      // Weight moves only onto targets the load balancer itself has found healthy.
      if (traffic.ready && !(await traffic.ready(counts(fleet).new))) {
        await clock.sleep(QUICK_POLL_MS, this.liveCancelSignal())
        return this.checkStepTimeout()
      }
      // The hook may take minutes: the health read before it is no read for the move after it.
      const hooked = state.trafficPercent === 0 && !this.preTrafficDone && this.ports.hooks
      if (!hooked) healthReadAt = clock.now()
      const failure = state.trafficPercent === 0 ? await this.preTraffic() : undefined
      if (failure) return this.fail(failure)
    }
    await this.fence()
    // A health read older than HEALTH_READ_MS (a hook ran, or AWS's retries slowed the fence) is taken again right
    // before the move: a crashing revision's targets die within seconds of passing (chaos seed 70193).
    const stale = clock.now() - healthReadAt > HEALTH_READ_MS
    if (raising && stale && traffic.ready && !(await traffic.ready(counts(fleet).new))) return undefined
    await traffic.setWeight(percent)
    state.trafficPercent = percent
    events.emit({ kind: 'traffic', at: clock.now(), percent })
    // Restored once the weight is verified: the record written after it is not part of the restore.
    const restored = state.mode === 'rollback' && percent === 0
    if (restored) {
      this.noteRollbackProgress()
      this.trafficRestored()
    }
    return this.afterRollbackAction(!restored)
  }

  private async leavingNew(): Promise<void> {
    if (this.leftNew) return
    this.leftNew = true
    await this.ports.hooks?.leavingNew?.()
  }

  protected override nothingToRollBackTo(): boolean {
    return this.state.promoted && !this.lastObservation?.stable
  }

  /** The pre-traffic hook, once per run, before the new revision gets its first production traffic. */
  private async preTraffic(): Promise<FailureReason | undefined> {
    if (this.preTrafficDone) return undefined
    this.preTrafficDone = true
    return this.runHook('pre-traffic', this.state.trafficPercent)
  }

  /** A hook at the current step; a gate that fails while it is in progress (exit 75) ends the wait. */
  private runHook(name: 'pre-traffic' | 'post-step' | 'post-deploy', trafficPercent: number) {
    return this.ports.hooks?.run(name, {
      step: this.state.step,
      trafficPercent,
      interrupt: () => this.firingGate()
    })
  }

  /** A gate alarm in ALARM, read now. */
  private async firingGate(): Promise<FailureReason | undefined> {
    const { alarms } = await this.deps.gates.read()
    this.alarms = alarms
    const firing = alarms.find(a => a.state === 'ALARM')
    return firing && { kind: 'alarm', alarm: firing }
  }

  /** Not-ready targets hold a step like unstable tasks do: step-timeout bounds the wait. */
  private async checkStepTimeout(): Promise<EngineResult | undefined> {
    const { stepTimeoutMs } = this.settings
    if (this.deps.clock.now() - this.state.stepStartedAt <= stepTimeoutMs) return undefined
    return this.fail({ kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs, step: this.state.step })
  }

  private enterFinal(at: number): void {
    this.state.mode = 'final'
    this.state.phase = 'moving'
    this.state.stepStartedAt = at
    // Promoted already (a rollout resumed after its promotion): the final bake starts now.
    this.state.bakeStartedAt = this.state.promoted ? at : undefined
  }

  /** The record is saved after the rollback's first action, so that action is the first mutating call. */
  private async afterRollbackAction(count = true): Promise<undefined> {
    if (this.state.mode !== 'rollback') return undefined
    if (count) this.noteRollbackProgress()
    if (!this.rollbackSaved) {
      this.rollbackSaved = true
      await this.save({ stage: 'rolling-back', reason: reasonText(this.state.failure), request: null })
    }
    return undefined
  }

  private waitMs(now: number, decision: Extract<Decision, { kind: 'wait' }>, plan: Plan): number {
    const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now)
    const quick = decision.for === 'stability' || decision.for === 'stable revision'
    if (quick) {
      const since = this.deps.clock.now() - this.changedAt
      return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll, Math.max(FIRST_QUICK_POLL_MS, since)))
    }
    // A bake lasts as long as asked, not until the next poll: wake when it is over, and read the gates then.
    const bakeEnd = this.bakeEnd(plan)
    // A bake over already (its step waits for requests) waits for the next poll like any other wait.
    if (bakeEnd !== undefined && bakeEnd > now && bakeEnd - now < untilPoll) {
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
