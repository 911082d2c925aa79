// The follower: the engine loop (loop.ts) for services with the ECS deployment controller. ECS carries the
// deployment out itself (rolling, or its native linear/canary/blue-green), so there is nothing to scale step by
// step; the follower starts ECS's deployment, then each turn asks decideFollow() what to do: follow the
// deployment step by step under the same gates as task-set rollouts (alarms, failed tasks, step-timeout,
// timeout), run the same hooks, ask ECS to roll back when a gate fails, and recognise a rollback ECS did on its
// own (circuit breaker, deployment alarms) as the failure it is. It emits the same events as the reconciler, so
// the job summary, the log and the outputs read the same. It holds no AWS knowledge: the DeploymentPort does
// the talking.

import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import type { Counts, Plan } from '../plan/types.js'
import type { Request, RolloutRecord } from '../record/record.js'
import { defaultMaxFailedTasks } from './decide.js'
import { decideFollow, EPSILON, type FollowDecision, type FollowState } from './decide-follow.js'
import type { FailureReason } from './events.js'
import { EngineLoop, type EngineResult, type EngineSettings, type LoopDeps, type Turn } from './loop.js'
import type { DeploymentObservation, DeploymentPort } from './ports.js'
import { passTakenOver } from './fence.js'
import { reasonText } from './reasons.js'

// Names the tests and the adapter import from here.
export {
  decideFollow,
  type FollowDecision,
  type FollowObservation,
  type FollowState
} from './decide-follow.js'
export type { DeploymentObservation, DeploymentPort, EcsVerdict } from './ports.js'

export interface FollowDeps extends LoopDeps {
  deployment: DeploymentPort
  /** A line for the job log (how the rollback was asked for). */
  log?: (line: string) => void
}

export type FollowSettings = Omit<EngineSettings, 'plan'> & { plan: Plan }

/** Rollback calls that fail (after the SDK's own retries) before the run gives up. */
const MAX_ROLLBACK_ERRORS = 3

export class Follower extends EngineLoop<DeploymentObservation, FollowState> {
  protected readonly gatesInRollback = true
  private rollbackErrors = 0
  private lastCounts?: Counts
  private requestNoted?: Request
  /** A rollback to begin at the first look (an adopted deployment's). */
  private pending?: { reason: FailureReason; underWay: boolean }

  constructor(
    record: RolloutRecord,
    private readonly ports: FollowDeps,
    private readonly follow: FollowSettings,
    startedAt: number
  ) {
    const now = ports.clock.now()
    const state: FollowState = {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: now,
      finalBakeStarted: false,
      trafficPercent: 0,
      rollbackAsked: false
    }
    super(record, state, ports, follow, startedAt)
  }

  private get plan(): Plan {
    return this.follow.plan
  }

  async run(): Promise<EngineResult> {
    this.announceStep(this.plan, this.deps.clock.now())
    // By replicas or by ECS's own steps, production traffic may reach the new revision as soon as its tasks
    // run: the pre-traffic hook runs before ECS starts any.
    const refused = await this.deps.hooks?.run('pre-traffic', { step: 1, trafficPercent: 0 })
    if (refused) return this.nothingStarted(refused)
    const cancel = this.deps.cancel
    if (cancel?.aborted)
      return this.nothingStarted({ kind: 'cancelled', signal: String(cancel.reason ?? 'SIGINT') })
    await this.ports.deployment.start()
    return this.loop()
  }

  /**
   * Follows a deployment this run did not start, whose owner is gone (a control run's abort or resume), from the
   * owner's step: no pre-traffic hook, since traffic may have moved already. With `rollback` (an abort, or a
   * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way.
   */
  async adopt(step: number, rollback?: FailureReason): Promise<EngineResult> {
    const { rollingBack } = await this.ports.deployment.adopt(rollback !== undefined)
    this.state.step = Math.min(Math.max(1, step), this.plan.steps.length)
    this.announceStep(this.plan, this.deps.clock.now())
    this.pending = rollback && { reason: rollback, underWay: rollingBack }
    return this.loop()
  }

  protected observe(): Promise<DeploymentObservation> {
    return this.ports.deployment.observe()
  }

  protected tagsOf(observation: DeploymentObservation): Record<string, string> | undefined {
    return observation.tags
  }

  /** Every look reads the gates and the record: there are no quick looks between polls. */
  protected wantsDetail(): boolean {
    return true
  }

  protected startCounts(): Counts {
    return this.lastObservation?.counts ?? { new: 0, stable: 0 }
  }

  protected async seen(obs: DeploymentObservation): Promise<EngineResult | undefined> {
    this.report(obs)
    const pending = this.pending
    this.pending = undefined
    return pending && this.beginRollback(pending.reason, pending.underWay)
  }

  /** Several decisions may follow from one look (a native step ECS has already passed, a bake of 0). */
  protected async advance(obs: DeploymentObservation): Promise<Turn> {
    const limits = this.limits(this.plan, defaultMaxFailedTasks(this.plan.desiredCount), 'rollback')
    for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
      const now = this.deps.clock.now()
      const request = await this.applicableRequest()
      const decision = decideFollow(
        this.state,
        { deployment: obs, alarms: this.alarms, request, now },
        this.plan,
        limits
      )
      if (decision.kind === 'wait') {
        if (this.state.mode !== 'rollback') this.syncTraffic(obs)
        const stuck = this.checkRollbackStuck(now)
        if (stuck) return stuck
        break
      }
      const result = await this.act(decision, obs)
      if (result) return result
    }
    return { sleepMs: this.settings.pollIntervalMs }
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
        if (s.step >= this.plan.steps.length)
          Object.assign(s, { mode: 'final', stepStartedAt: at, bakeStartedAt: undefined })
        else {
          Object.assign(s, { step: s.step + 1, phase: 'moving', stepStartedAt: at, bakeStartedAt: undefined })
          this.announceStep(this.plan, at)
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
        return this.complete(Status.Succeeded, undefined, 100)
      case 'rollback':
        return this.beginRollback(decision.reason)
      case 'ecs':
        // ECS rolls back by itself: nothing to ask. Failed or stopped without a rollback: the action rolls back.
        return this.beginRollback(decision.reason, decision.reason.rolledBack)
      case 'ask-rollback':
        return this.askRollback()
      case 'finish-rollback':
        this.trafficRestored()
        this.report(obs)
        return this.finishRollback()
      case 'rollback-failed':
        return this.endWith(Status.Failed, s.failure, `the rollback did not finish: ${decision.reason}`)
      case 'fail':
        return this.complete(Status.Failed, undefined, s.trafficPercent, decision.reason)
    }
  }

  /** A failure before ECS was asked for anything: the rollback is done at once. */
  private async nothingStarted(reason: FailureReason): Promise<EngineResult> {
    this.state.failure = reason
    this.state.mode = 'rollback'
    this.deps.events.emit({
      kind: 'rollback-start',
      at: this.deps.clock.now(),
      reason,
      from: { new: 0, stable: this.plan.desiredCount },
      trafficPercent: 0
    })
    this.restoredReported = true
    return this.finishRollback()
  }

  /** ECS's deployment cannot be paused: a failed gate always rolls it back. */
  protected override fail(reason: FailureReason): Promise<EngineResult | undefined> {
    return this.beginRollback(reason)
  }

  /** With `byEcs` the rollback is ECS's own, under way already: nothing is asked of ECS. */
  protected override async beginRollback(
    reason: FailureReason,
    byEcs = false
  ): Promise<EngineResult | undefined> {
    // ECS's own rollback shows in an observation that already has the weights back: keep the last ones seen.
    if (!byEcs) {
      this.catchUpSteps(this.lastObservation)
      this.syncTraffic(this.lastObservation)
    }
    await super.beginRollback(reason)
    this.state.rollbackAsked = byEcs
    this.rollbackProgressAt = this.deps.clock.now()
    await this.save({ stage: 'rolling-back', reason: reasonText(this.state.failure), request: null })
    return byEcs ? undefined : this.askRollback()
  }

  private async askRollback(): Promise<EngineResult | undefined> {
    try {
      await this.fence()
      const how = await this.ports.deployment.rollback()
      this.state.rollbackAsked = true
      this.noteRollbackProgress()
      this.ports.log?.(`Rolling back: ${how}`)
      return undefined
    } catch (error) {
      passTakenOver(error)
      this.rollbackErrors++
      this.warn(`Could not ask ECS to roll back (${describeError(error)}); trying again`)
      if (this.rollbackErrors < MAX_ROLLBACK_ERRORS) return undefined
      const text = `ECS could not be asked to roll back: ${describeError(error)}`
      return this.endWith(Status.Failed, this.state.failure, text)
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
      this.announceStep(this.plan, at)
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

  /**
   * A control run's request: abort is acted on; pause and promote cannot apply to a deployment ECS drives, so
   * they are answered with a warning and cleared from the record (before the next save, which might race it).
   */
  private async applicableRequest(): Promise<Request | undefined> {
    const request = this.request
    if (!request || request === 'abort') return request
    if (this.requestNoted !== request) {
      this.requestNoted = request
      this.warn(
        `${request} was asked, but ECS carries this deployment through on its own: only abort applies to an ECS-controller service`
      )
      await this.save({ request: null }).catch(() => undefined)
    }
    return undefined
  }
}
