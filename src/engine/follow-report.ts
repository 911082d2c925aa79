// What the follower (follow.ts) reports of ECS's deployment as it goes: ECS's service events, task counts and
// production weights, and the steps ECS passed while the action looked elsewhere. Split from follow.ts, which
// decides and acts; this only turns looks into the events the log and the job summary are made of.

import type { Counts, Plan } from '../plan/types.js'
import { EPSILON, type FollowState } from './decide-follow.js'
import { ActingLoop } from './acting-loop.js'
import type { DeploymentObservation } from './ports.js'

export abstract class FollowReport extends ActingLoop<DeploymentObservation, FollowState> {
  private lastCounts?: Counts

  protected abstract get plan(): Plan

  /** What ECS did since the last look: its service events, task counts and (native) traffic weight. */
  protected report(obs: DeploymentObservation): void {
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
  protected catchUpSteps(obs: DeploymentObservation | undefined): void {
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
  protected syncTraffic(obs: DeploymentObservation | undefined): void {
    if (!obs || this.plan.traffic !== 'weights') return
    if (Math.abs(obs.trafficPercent - this.state.trafficPercent) <= EPSILON) return
    this.setTraffic(obs.trafficPercent)
  }

  protected setTraffic(percent: number): void {
    this.state.trafficPercent = percent
    this.deps.events.emit({ kind: 'traffic', at: this.deps.clock.now(), percent })
  }
}
