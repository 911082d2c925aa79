// The engine loop, written once for every deployment controller: observe → decide (pure) → act (idempotent) →
// record, until the rollout is done, paused or rolled back. Here: observing with retries and a fail-safe after
// repeated errors, the gates and warning alarms, the heartbeat, take-over detection, a control run's request,
// cancel handling, starting, finishing and timing out a rollback, retirement, and saving the record. What differs
// between controllers — what is observed, decided and done — is a subclass's: Reconciler (task sets, through a
// FleetPort) and Follower (ECS's own deployments, through a DeploymentPort).

import type { OnFailure } from '../config/types.js'
import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type Request, type RolloutRecord } from '../record/record.js'
import type { LoopState } from './decide.js'
import type { FailureReason, PauseWhy } from './events.js'
import { OwnerFence, passTakenOver, TakenOver } from './fence.js'
import { readGates } from './metric-gates.js'
import { recordedOutcome, rollbackStatus } from './outcome.js'
import type { AlarmState } from './ports.js'
import { reasonText } from './reasons.js'
import {
  afterCancel,
  clearedAlready,
  HEARTBEAT_MS,
  MAX_OBSERVE_ERRORS,
  namedRequest,
  stuckRollback,
  type ClearedRequest
} from './rules.js'
import { WarningAlarms } from './warning-alarms.js'
import type { EngineResult, EngineSettings, LoopDeps, Turn } from './loop-types.js'

export abstract class EngineLoop<O extends { readAt?: number }, S extends LoopState> {
  protected alarms: AlarmState[] = []
  protected request?: Request
  private requestedBy?: string
  protected lastObservation?: O
  protected lastDetailed = -Infinity
  /** When the bake being waited out ends: the gates are read then, so a step never moves on with older ones. */
  protected bakeEndsAt?: number
  /** When the rollback last made progress; undefined until its first action. */
  protected rollbackProgressAt?: number
  protected rollbackBeganAt = 0
  /** Mutating calls the rollback took until production traffic was back on the stable revision. */
  protected rollbackActions = 0
  protected restoredReported = false
  private lastHeartbeat: number
  /** The last request read from the record; then the one this run cleared, with the heartbeat of that save. */
  private seenRequest?: { request: Request; by?: string }
  private cleared?: ClearedRequest
  private readonly fenceOf: OwnerFence
  private observeErrors = 0
  private cancelledAt?: number
  private stopped?: EngineResult
  private readonly warningAlarms: WarningAlarms

  constructor(
    protected record: RolloutRecord,
    protected readonly state: S,
    protected readonly deps: LoopDeps,
    protected readonly settings: Omit<EngineSettings, 'plan'>,
    protected readonly startedAt: number
  ) {
    this.lastHeartbeat = deps.clock.now()
    // A lagging read older than the record this run starts from may show a request dealt with before it began.
    if (!record.request) this.cleared = { heartbeat: record.heartbeat }
    this.warningAlarms = new WarningAlarms(deps.events)
    // This run's token, as the fence and a detailed look compare the record with it.
    const { id, startedAt: started } = record
    this.fenceOf = new OwnerFence(deps.records, deps.clock, () => ({
      id,
      heartbeat: this.lastHeartbeat,
      startedAt: started
    }))
  }

  // ---- what a controller supplies ----
  /** One look at the fleet; a detailed one carries the record (the service's tags). */
  protected abstract observe(detail: boolean): Promise<O>
  protected abstract tagsOf(observation: O): Record<string, string> | undefined
  /** Reads gates and record: once per poll-interval, and from a bake's end until a look has read them after it. */
  protected wantsDetail(now: number): boolean {
    const bakeOver =
      this.bakeEndsAt !== undefined && now >= this.bakeEndsAt && this.lastDetailed < this.bakeEndsAt
    return bakeOver || now - this.lastDetailed >= this.settings.pollIntervalMs
  }
  /** Whether the gates are read while rolling back (the controller's rollback may still need them). */
  protected abstract readonly gatesInRollback: boolean
  /** Reports what a look found, before the loop's own rules; may end the run. */
  protected abstract seen(observation: O, now: number): Promise<EngineResult | undefined>
  /** Decides (purely) and acts on the decision. */
  protected abstract advance(observation: O, now: number): Promise<Turn>
  /** What the rollback starts from, for the summary. */
  protected abstract startCounts(): { new: number; stable: number }
  /** Whether repeated failed looks may fail the rollout (it has been seen once at least). */
  protected canFailSafely(): boolean {
    return true
  }

  /** Another run's record, seen by a look or by the fence before an act: this run stops, changing nothing more. */
  protected loop(): Promise<EngineResult> {
    return this.turns().catch((error: unknown) => {
      if (error instanceof TakenOver) return this.endWith(Status.Failed, { kind: 'taken-over', by: error.by })
      throw error
    })
  }

  private async turns(): Promise<EngineResult> {
    const { clock } = this.deps
    for (;;) {
      const now = clock.now()
      const observation = await this.look(now)
      if (this.stopped) return this.stopped
      if (!observation) continue
      const ended = (await this.seen(observation, now)) ?? (await this.checkCancel(now))
      if (ended) return ended
      const turn = await this.advance(observation, now)
      if ('status' in turn) return turn
      if (turn.sleepMs > 0) await clock.sleep(turn.sleepMs, this.liveCancelSignal())
    }
  }

  /** Before every mutating act (a save included): the record must still be this run's (fence.ts). */
  protected fence(): Promise<void> {
    return this.fenceOf.check()
  }

  /** Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop. */
  protected liveCancelSignal(): AbortSignal | undefined {
    return this.cancelledAt === undefined ? this.deps.cancel : undefined
  }

  /** One observation; the gates and the record ride along on a detailed one. */
  private async look(now: number): Promise<O | undefined> {
    const detailed = this.wantsDetail(now)
    try {
      const observation = await this.observe(detailed)
      // Seen, even if the gates cannot be read: a rollout whose gates stay unreadable can still roll back.
      this.lastObservation = observation
      if (detailed) {
        // Services of one run share reads (aws/shared-reads.ts): a look may get one another's look sent, up to a
        // poll-interval old. The next look is due a poll-interval after the oldest read used, so looks fall in step.
        const seenAt = Math.min(now, observation.readAt ?? now)
        let readAt = seenAt
        // A rollback is not gated: it goes on while CloudWatch cannot be read.
        if (this.state.mode !== 'rollback' || this.gatesInRollback) {
          const gates = await readGates(this.deps, this.state, now, this.startedAt)
          this.alarms = gates.alarms
          this.warningAlarms.note(gates.warnings, now)
          readAt = Math.min(readAt, gates.readAt ?? now)
        }
        const tags = this.tagsOf(observation)
        const recorded = tags && decodeRecord(tags)
        this.request = clearedAlready(recorded, this.cleared) ? undefined : recorded?.request || undefined
        this.requestedBy = recorded?.requestedBy
        if (this.request) this.seenRequest = { request: this.request, by: this.requestedBy }
        this.lastDetailed = readAt
        // Cleared only once the gates are read: a throttled read at a bake's end is tried again, detailed.
        this.bakeEndsAt = undefined
        // Another run has taken the rollout over (or started another): TakenOver ends the run.
        this.fenceOf.confirm(recorded, seenAt)
        if (now - this.lastHeartbeat >= HEARTBEAT_MS) await this.save({})
      }
      this.observeErrors = 0
      return observation
    } catch (error) {
      passTakenOver(error)
      // The SDK has already retried with backoff; a few failed looks in a row mean AWS is not answering.
      this.observeErrors++
      this.warn(`Could not read the service (${describeError(error)}); trying again`)
      if (this.observeErrors >= MAX_OBSERVE_ERRORS) {
        if (this.state.mode === 'rollback' || !this.canFailSafely()) throw error
        this.alarms = []
        this.observeErrors = 0
        this.stopped = await this.fail({ kind: 'api', message: describeError(error) })
        return undefined
      }
      await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
      return undefined
    }
  }

  /** On cancel: on-cancel's action at once, kept at for a few seconds, then the rest handed over. */
  private async checkCancel(now: number): Promise<EngineResult | undefined> {
    const cancel = this.deps.cancel
    if (!cancel?.aborted) return undefined
    const verdict = afterCancel({
      signal: String(cancel.reason ?? 'SIGINT'),
      seenAt: this.cancelledAt,
      now,
      onCancel: this.settings.onCancel,
      mode: this.state.mode
    })
    this.cancelledAt ??= now
    switch (verdict.kind) {
      case 'pause':
        return this.pause('requested', verdict.reason)
      case 'rollback':
        // AWS failing past the retries: tried again next look, handed over at the grace's end, never ended here.
        return this.beginRollback(verdict.reason).catch((error: unknown) => {
          passTakenOver(error)
          this.warn(`The rollback could not start (${describeError(error)}); trying again`)
          return undefined
        })
      case 'hand-over':
        return this.handOver()
      case 'carry-on':
        return undefined
    }
  }

  /** Grace over, rollout not done: the record says no owner (heartbeat 0), rolling back, for the next run. */
  private async handOver(): Promise<EngineResult> {
    const result = this.endWith(Status.Aborted, this.state.failure)
    const stage = this.state.mode === 'rollback' ? 'rolling-back' : undefined
    await this.save({ stage, heartbeat: 0, reason: reasonText(this.state.failure) }).catch(() => undefined)
    return result
  }

  /** The limits the gates are judged by. */
  protected limits(plan: Plan, maxFailedTasks: number, onFailure: OnFailure) {
    return {
      stepTimeoutMs: this.settings.stepTimeoutMs,
      timeoutMs: this.settings.timeoutMs,
      deadline: this.startedAt + this.settings.timeoutMs,
      maxFailedTasks: this.settings.maxFailedTasks ?? maxFailedTasks,
      onFailure
    }
  }

  /** A gate failed: paused where on-failure says so (and the controller can), otherwise rolled back. */
  protected async fail(reason: FailureReason): Promise<EngineResult | undefined> {
    if (this.settings.onFailure === 'pause') return this.pause('on-failure', reason)
    return this.beginRollback(reason)
  }

  /** The rollback begins: the reason, and where traffic and capacity stand, for the log and summary. */
  protected async beginRollback(reason: FailureReason): Promise<EngineResult | undefined> {
    const at = this.deps.clock.now()
    this.state.failure = namedRequest(reason, this.requestedBy)
    this.state.mode = 'rollback'
    this.rollbackBeganAt = at
    this.deps.events.emit({
      kind: 'rollback-start',
      at,
      reason: this.state.failure,
      from: this.startCounts(),
      trafficPercent: this.state.trafficPercent
    })
    return undefined
  }

  /** A rollback action was taken: `counted` ones are the mutating calls reported when traffic is back. */
  protected noteRollbackProgress(counted = true): void {
    if (counted) this.rollbackActions++
    this.rollbackProgressAt = this.deps.clock.now()
  }

  /** A rollback waiting without progress for step-timeout ends the run as failed. */
  protected checkRollbackStuck(now: number): EngineResult | undefined {
    if (this.state.mode !== 'rollback') return undefined
    const stuck = stuckRollback(this.rollbackProgressAt, now, this.settings.stepTimeoutMs)
    return stuck && this.endWith(Status.Failed, stuck)
  }

  /** All production traffic is on the stable revision again: say how many changes that took. */
  protected trafficRestored(): void {
    if (this.restoredReported) return
    this.restoredReported = true
    this.deps.events.emit({
      kind: 'traffic-restored',
      at: this.deps.clock.now(),
      mutatingCalls: this.rollbackActions
    })
  }

  /** The stable revision serves alone again: the on-rollback hook, then the record says how it ended. */
  protected async finishRollback(): Promise<EngineResult> {
    this.deps.events.emit({ kind: 'rollback-done', at: this.deps.clock.now() })
    await this.deps.hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 })
    const kind = this.state.failure?.kind
    return this.complete(rollbackStatus(kind === 'requested' || kind === 'cancelled'), this.state.failure, 0)
  }

  /** The rollout is over: the record is completed with its outcome, and the run ends. */
  protected async complete(
    status: Status,
    reason: FailureReason | undefined,
    trafficPercent: number,
    text = reasonText(reason)
  ): Promise<EngineResult> {
    const outcome = recordedOutcome(status)
    this.record = { ...this.record, phase: 'Completed', stage: undefined, outcome, reason: text }
    await this.save({ request: null })
    this.state.trafficPercent = trafficPercent
    return this.endWith(status, reason, text)
  }

  protected async pause(why: PauseWhy, reason?: FailureReason): Promise<EngineResult> {
    const at = this.deps.clock.now()
    this.deps.events.emit({ kind: 'paused', at, step: this.state.step, why, reason })
    const stage = why === 'manual-step' ? 'batch-completed' : 'paused'
    await this.save({ stage, reason: reasonText(reason), request: null })
    return this.endWith(Status.Paused, reason)
  }

  protected endWith(status: Status, reason?: FailureReason, text = reasonText(reason)): EngineResult {
    this.deps.events.emit({
      kind: 'end',
      at: this.deps.clock.now(),
      status,
      reason: text,
      trafficPercent: this.state.trafficPercent
    })
    return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step }
  }

  /** Saves the record with a fresh heartbeat, unless the change sets one (a hand-over's 0). */
  protected async save(change: Partial<RolloutRecord>): Promise<void> {
    await this.fence()
    this.record = { ...this.record, heartbeat: this.deps.clock.now(), ...change, step: this.state.step }
    this.lastHeartbeat = this.record.heartbeat
    if (change.request === null && this.seenRequest) {
      this.cleared = { ...this.seenRequest, heartbeat: this.record.heartbeat }
      this.seenRequest = undefined
    }
    await this.deps.records.save(this.record)
    // A request is written once (cleared when acted on); later saves leave the service's value alone.
    this.record.request = undefined
  }

  protected warn(message: string): void {
    this.deps.events.emit({ kind: 'warning', at: this.deps.clock.now(), message })
  }

  /** The step being worked on begins (or is taken up again). */
  protected announceStep(plan: Plan, at: number): void {
    const step = plan.steps[Math.min(this.state.step, plan.steps.length) - 1]
    this.deps.events.emit({
      kind: 'step-start',
      at,
      step: this.state.step,
      label: step.label,
      target: { new: step.new, stable: step.stable },
      trafficPercent: step.trafficPercent
    })
  }
}
