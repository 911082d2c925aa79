// The engine loop with the one policy both controllers apply to an act that fails after the SDK's retries
// (a scale, a weight, a record save, the fence's read, a held step released): acts are idempotent and decided
// afresh, so a transient failure is retried at the next look; a persistent one fails the rollout like a gate.

import { Status } from '../constants.js'
import { describeError, mayPass } from '../errors.js'
import type { LoopState } from './decide.js'
import type { FailureReason } from './events.js'
import { passTakenOver, unlessTakenOver } from './fence.js'
import { EngineLoop } from './loop.js'
import type { EngineResult, Turn } from './loop-types.js'
import { MAX_OBSERVE_ERRORS } from './rules.js'

export abstract class ActingLoop<O extends { readAt?: number }, S extends LoopState> extends EngineLoop<
  O,
  S
> {
  /** Acts failed in a row; an act that goes through sets it back to 0. */
  private actErrors = 0

  /** Nothing left to roll back to (a promoted task set whose stable one is gone): the run can only end. */
  protected nothingToRollBackTo(): boolean {
    return false
  }

  /** Does `act`; its failure is handled as below, and the turn ends there (the next look decides afresh). */
  protected async acting<T>(what: string, act: () => Promise<T>): Promise<T | Turn> {
    try {
      const done = await act()
      this.actErrors = 0
      return done
    } catch (error) {
      return (await this.actFailed(what, error)) ?? { sleepMs: 0 }
    }
  }

  /**
   * A read before the loop's first look (adopting a rollout in flight): AWS not answering after the SDK's retries
   * is tried again after a pause, as a look is, MAX_OBSERVE_ERRORS times in all; any other error ends the run.
   */
  protected async retried<T>(what: string, read: () => Promise<T>): Promise<T> {
    for (let failures = 1; ; failures++) {
      try {
        return await read()
      } catch (error) {
        if (!mayPass(error) || failures >= MAX_OBSERVE_ERRORS) throw error
        this.warn(`Could not ${what} (${describeError(error)}); trying again`)
        await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
      }
    }
  }

  /**
   * The run ends on an error while its rollout may go on (ECS carries a deployment on by itself): the record stays
   * Active and says no owner (heartbeat 0), so the next run takes it over at once and the post step applies
   * on-cancel. Best effort: the error that ended the run is what the run reports.
   */
  async handOverAfter(error: unknown): Promise<void> {
    const stage = this.state.mode === 'rollback' ? 'rolling-back' : this.record.stage
    await this.save({ stage, heartbeat: 0, reason: describeError(error) }).catch(() => undefined)
  }

  /**
   * `what` failed after the SDK's retries: retried after a pause; MAX_OBSERVE_ERRORS in a row fail the rollout
   * (on-failure decides: rollback or pause). A rollback keeps trying until it made no progress for step-timeout.
   */
  private async actFailed(what: string, error: unknown): Promise<EngineResult | undefined> {
    passTakenOver(error)
    const now = this.deps.clock.now()
    const reason: FailureReason = { kind: 'api', message: describeError(error) }
    this.warn(`Could not ${what} (${reason.message}); trying again`)
    if (++this.actErrors >= MAX_OBSERVE_ERRORS) {
      this.actErrors = 0
      if (this.state.mode === 'rollback') {
        const progress = Math.max(this.rollbackProgressAt ?? 0, this.rollbackBeganAt)
        if (now - progress > this.settings.stepTimeoutMs) return this.endWith(Status.Failed, reason)
      } else if (this.nothingToRollBackTo()) {
        return this.endWith(Status.Failed, reason)
      } else {
        const stopped = await this.fail(reason).catch(
          unlessTakenOver(() => this.endWith(Status.Failed, reason))
        )
        if (stopped) return stopped
      }
    }
    await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal())
    return undefined
  }
}
