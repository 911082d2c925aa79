// The follower: the engine loop (loop.ts) for ECS-controller services. ECS carries the deployment out (rolling,
// or native linear/canary/blue-green); the follower starts it, then each turn asks decideFollow() what to do:
// follow it step by step under the task sets' gates (alarms, failed tasks, step-timeout, timeout) and hooks,
// release each step ECS holds at the action's pause hook once the gates held for its bake (native), ask ECS to
// roll back when a gate fails, and take a rollback ECS did on its own (circuit breaker, deployment alarms) for
// the failure it is. Over, the service's deploymentConfiguration is put back as the user had it. Its events
// are the reconciler's, so summary, log and outputs read the same. The DeploymentPort does the AWS talking.

import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import type { Counts, Plan } from '../plan/types.js'
import type { Request, RolloutRecord } from '../record/record.js'
import { defaultMaxFailedTasks } from './decide.js'
import { decideFollow, EPSILON, type FollowDecision, type FollowState } from './decide-follow.js'
import type { FailureReason } from './events.js'
import { FollowReport } from './follow-report.js'
import { QUICK_POLL_MS, type EngineResult, type EngineSettings, type LoopDeps } from './loop-types.js'
import type { Turn } from './loop-types.js'
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

/** Rollback calls, or tries at putting the settings back, that fail (after the SDK's retries): then it gives up. */
const MAX_ROLLBACK_ERRORS = 3
/** Looks in a row at which ECS refuses to release the held step before the rollout rolls back. */
const MAX_PROCEED_ERRORS = 3

export class Follower extends FollowReport {
  protected readonly gatesInRollback = true
  private rollbackErrors = 0
  private proceedErrors = 0
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

  protected get plan(): Plan {
    return this.follow.plan
  }

  async run(): Promise<EngineResult> {
    this.announceStep(this.plan, this.deps.clock.now())
    // By replicas or ECS's own steps, traffic may reach new tasks as they run: pre-traffic runs before any.
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
   * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way;
   * a promote releases the steps before `promotedTo` without their bakes.
   */
  async adopt(step: number, rollback?: FailureReason, promotedTo?: number): Promise<EngineResult> {
    const { rollingBack } = await this.retried('read the service', () =>
      this.ports.deployment.adopt(rollback !== undefined)
    )
    this.state.step = Math.min(Math.max(1, step), this.plan.steps.length)
    this.state.promotedTo = promotedTo
    this.announceStep(this.plan, this.deps.clock.now())
    this.pending = rollback && { reason: rollback, underWay: rollingBack }
    return this.loop()
  }

  protected observe(detail: boolean): Promise<DeploymentObservation> {
    return this.ports.deployment.observe(detail)
  }

  protected tagsOf(observation: DeploymentObservation): Record<string, string> | undefined {
    return observation.tags
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
    const limits = this.limits(
      this.plan,
      defaultMaxFailedTasks(this.plan.desiredCount),
      this.settings.onFailure
    )
    for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
      const now = this.deps.clock.now()
      const request = await this.applicableRequest()
      const decision = decideFollow(
        this.state,
        { deployment: obs, alarms: this.alarms, metrics: this.deps.metrics?.latest, request, now },
        this.plan,
        limits
      )
      if (decision.kind === 'wait') {
        if (this.state.mode !== 'rollback') this.syncTraffic(obs)
        const stuck = this.checkRollbackStuck(now)
        if (stuck) return stuck
        return { sleepMs: this.nextLookMs(decision.for, now) }
      }
      const result = await this.acting(decision.kind, () => this.act(decision, obs))
      if (result === 'look-again') break
      if (result) return result
    }
    return { sleepMs: this.settings.pollIntervalMs }
  }

  /**
   * The next look. While ECS has a change due (the step reached, the deployment completed, its rollback over, a
   * native bake's end passed) a quick look every QUICK_POLL_MS — one DescribeServices, the gates stay at
   * poll-interval — so the run ends about a second after ECS. Otherwise the next gate poll, or the end of the
   * bake waited out if that is sooner.
   */
  private nextLookMs(waitingFor: string, now: number): number {
    const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now)
    const s = this.state
    const bakeMs = s.mode === 'final' ? this.plan.finalBakeMs : this.plan.steps[s.step - 1]?.bakeMs
    const bakeEnd = s.bakeStartedAt === undefined ? undefined : s.bakeStartedAt + (bakeMs ?? 0)
    const due = waitingFor === 'ECS' || waitingFor === 'the rollback' || (bakeEnd ?? Infinity) <= now
    if (due) return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll))
    if (bakeEnd !== undefined && bakeEnd - now < untilPoll) {
      this.bakeEndsAt = bakeEnd
      return Math.max(1, bakeEnd - now)
    }
    return Math.max(10, untilPoll)
  }

  /** 'look-again': ECS refused the act; the next look says why. */
  private async act(
    decision: FollowDecision,
    obs: DeploymentObservation
  ): Promise<EngineResult | 'look-again' | undefined> {
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
      case 'proceed':
        return this.proceed(decision.hookId)
      case 'retire':
        events.emit({ kind: 'step-done', at, step: this.plan.steps.length + 1 })
        return this.complete(Status.Succeeded, undefined, 100)
      case 'rollback':
        return this.beginRollback(decision.reason)
      case 'pause':
        // ECS waits at the action's hook meanwhile; a later run resumes, promotes or aborts it.
        return this.pause(decision.why, decision.reason)
      case 'jump':
        s.promotedTo = decision.to
        this.request = undefined
        await this.save({ request: null })
        return undefined
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

  /** Releases the step ECS holds; a refusal is looked at again, and rolls back when it persists. */
  private async proceed(hookId: string): Promise<EngineResult | 'look-again' | undefined> {
    await this.fence()
    if (await this.ports.deployment.proceed(hookId)) {
      this.state.released = hookId
      this.proceedErrors = 0
      return undefined
    }
    if (++this.proceedErrors < MAX_PROCEED_ERRORS) return 'look-again'
    const message = `ECS refused ${MAX_PROCEED_ERRORS} times to continue the deployment held at the action's pause hook ${hookId}`
    return this.beginRollback({ kind: 'api', message })
  }

  /** Over, whichever way: the service's deploymentConfiguration goes back to the user's first. */
  protected override async complete(
    status: Status,
    reason: FailureReason | undefined,
    trafficPercent: number,
    text?: string
  ): Promise<EngineResult> {
    for (let attempt = 1; attempt <= MAX_ROLLBACK_ERRORS; attempt++) {
      try {
        const restored = await this.ports.deployment.restore()
        if (restored) this.ports.log?.(`Restored: ${restored}`)
        break
      } catch (error) {
        if (attempt < MAX_ROLLBACK_ERRORS) await this.deps.clock.sleep(QUICK_POLL_MS)
        else
          this.warn(
            `Could not put the service's deploymentConfiguration back (${describeError(error)}): remove the lifecycle hook whose hookDetails owner is ecs-rollout, or apply your infrastructure code again`
          )
      }
    }
    return super.complete(status, reason, trafficPercent, text)
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

  /**
   * A control run's request: abort is acted on, and pause and promote on a deployment ECS waits for at the
   * action's hook; on one ECS carries through by itself (rolling) they cannot apply, so they are answered with a
   * warning and cleared from the record (before the next save, which might race it).
   */
  private async applicableRequest(): Promise<Request | undefined> {
    const request = this.request
    if (!request || request === 'abort' || this.lastObservation?.holding) return request
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
