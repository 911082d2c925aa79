// Rollout event sequences written by hand, as the engine would emit them, for the report tests.

import type { PlanConfig, StrategyConfig } from '../../src/config/types.js'
import { Status } from '../../src/constants.js'
import type { FailureReason, RolloutEvent } from '../../src/engine/events.js'
import { buildPlan } from '../../src/plan/planner.js'
import type { Plan } from '../../src/plan/types.js'

/** 2026-11-03 12:00:00 UTC */
export const T0 = Date.UTC(2026, 10, 3, 12, 0, 0)

type Without<E> = E extends unknown ? Omit<E, 'at'> : never
type StartEvent = Extract<RolloutEvent, { kind: 'start' }>

export function plan(strategy: StrategyConfig, desired = 10, over: Partial<PlanConfig> = {}): Plan {
  return buildPlan(
    {
      strategy,
      traffic: 'replicas',
      stableScale: 'shrink',
      maxSurge: { kind: 'percent', value: 25 },
      maxUnavailable: { kind: 'count', value: 0 },
      bakeMs: 300_000,
      ...over
    },
    desired
  )
}

export const canary = (): Plan => plan({ name: 'canary', canaryPercent: 10, canaryBakeMs: 300_000 })
export const linear = (): Plan => plan({ name: 'linear', stepPercent: 10, stepBakeMs: 60_000 })

/** A clock and the events so far; each method emits what the engine would, in order. */
export class Story {
  readonly events: RolloutEvent[] = []
  at = T0
  private step = 0

  constructor(
    readonly plan: Plan,
    start: Partial<Omit<StartEvent, 'kind' | 'at' | 'plan'>> = {}
  ) {
    this.emit({
      kind: 'start',
      rolloutId: 'r-1',
      cluster: 'prod',
      service: 'web',
      region: 'eu-west-1',
      from: { arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:41', label: 'web:41' },
      to: { arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42', label: 'web:42' },
      plan: this.plan,
      fromStep: 1,
      ...start
    })
  }

  emit(event: Without<RolloutEvent>): this {
    this.events.push({ ...event, at: this.at } as RolloutEvent)
    return this
  }

  wait(ms: number): this {
    this.at += ms
    return this
  }

  /** Starts step `index` and scales to its counts; the step is stable `stableMs` later and bakes. */
  beginStep(index: number, stableMs = 41_000): this {
    const s = this.plan.steps[index - 1]
    const target = { new: s.new, stable: s.stable }
    this.step = index
    this.emit({ kind: 'step-start', step: index, label: s.label, target, trafficPercent: s.trafficPercent })
    this.emit({ kind: 'move', step: index, counts: target })
    return this.wait(stableMs).emit({ kind: 'bake-start', step: index, ms: s.bakeMs })
  }

  /** A whole step that passes its bake. */
  passStep(index: number, stableMs = 41_000): this {
    const s = this.plan.steps[index - 1]
    return this.beginStep(index, stableMs).wait(s.bakeMs).emit({ kind: 'step-done', step: index })
  }

  passAll(): this {
    for (const s of this.plan.steps) this.passStep(s.index)
    return this
  }

  /** After the last step: promote, watch, retire the old revision, succeed. */
  succeed(): this {
    return this.wait(5_000)
      .emit({ kind: 'promoted' })
      .emit({ kind: 'final-bake', ms: this.plan.finalBakeMs })
      .wait(this.plan.finalBakeMs)
      .emit({ kind: 'step-done', step: this.plan.steps.length + 1 })
      .emit({ kind: 'end', status: Status.Succeeded, trafficPercent: 100 })
  }

  /** A failure mid-step, then traffic and capacity back on the stable revision. */
  rollBack(reason: FailureReason, from: { new: number; stable: number }, trafficPercent: number): this {
    const status =
      reason.kind === 'requested' || reason.kind === 'cancelled' ? Status.Aborted : Status.RolledBack
    return this.emit({ kind: 'rollback-start', reason, from, trafficPercent })
      .wait(2_000)
      .emit({ kind: 'move', step: this.step, counts: { new: 0, stable: this.plan.desiredCount } })
      .wait(10_000)
      .emit({ kind: 'traffic-restored', mutatingCalls: 3 })
      .wait(33_000)
      .emit({ kind: 'rollback-done' })
      .emit({ kind: 'end', status, reason: 'engine reason', trafficPercent: 0 })
  }
}
