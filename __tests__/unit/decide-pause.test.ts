// on-failure: pause when the new revision's tasks keep failing: the stable revision is brought back to the full
// desired count (and with weights takes the traffic back) before the rollout freezes, so a pause never leaves
// the service below its floor. Found by the chaos runs (an all-at-once rollout of a revision that crashes after
// passing its health checks paused with no healthy task at all).

import { describe, expect, it } from '@jest/globals'
import type { PlanConfig } from '../../src/config/types.js'
import { decide, type EngineState, type Limits } from '../../src/engine/decide.js'
import type { FleetObservation, RevisionState } from '../../src/engine/ports.js'
import { buildPlan } from '../../src/plan/planner.js'
import { revisionState } from '../helpers/engine-fixtures.js'

const NOW = 1_000_000
const config = (traffic: 'replicas' | 'weights'): PlanConfig => ({
  strategy: { name: 'all-at-once' },
  traffic,
  stableScale: 'shrink',
  maxSurge: { kind: 'percent', value: 100 },
  maxUnavailable: { kind: 'count', value: 0 },
  bakeMs: 0
})
const limits: Limits = {
  stepTimeoutMs: 600_000,
  deadline: NOW + 3_600_000,
  timeoutMs: 3_600_000,
  maxFailedTasks: 3,
  onFailure: 'pause'
}
const state = (trafficPercent: number): EngineState => ({
  mode: 'forward',
  step: 1,
  phase: 'baking',
  stepStartedAt: NOW - 5000,
  bakeStartedAt: NOW - 1000,
  trafficPercent,
  promoted: false
})
const set = revisionState
const failing = (stable: RevisionState): FleetObservation => ({
  desiredCount: 4,
  new: set(4, 1),
  stable,
  failedNewTasks: [1, 2, 3, 4].map(i => ({
    taskArn: `t${i}`,
    reason: 'Essential container in task exited',
    at: NOW
  }))
})

describe('on-failure: pause with failing new tasks keeps the floor', () => {
  const plan = buildPlan(config('replicas'), 4)

  it('brings the stable revision back to the desired count first', () => {
    expect(decide(state(100), { fleet: failing(set(0, 0)), alarms: [], now: NOW }, plan, limits)).toEqual({
      kind: 'scale',
      counts: { new: 4, stable: 4 }
    })
  })

  it('waits for its tasks, then pauses', () => {
    expect(decide(state(50), { fleet: failing(set(4, 2)), alarms: [], now: NOW }, plan, limits)).toEqual({
      kind: 'wait',
      for: 'stable revision'
    })
    expect(
      decide(state(50), { fleet: failing(set(4, 4)), alarms: [], now: NOW }, plan, limits)
    ).toMatchObject({
      kind: 'pause',
      why: 'on-failure',
      reason: { kind: 'tasks' }
    })
  })

  it('with traffic by weights, takes the traffic back before pausing', () => {
    const weighted = buildPlan(config('weights'), 4)
    expect(decide(state(100), { fleet: failing(set(4, 4)), alarms: [], now: NOW }, weighted, limits)).toEqual(
      {
        kind: 'traffic',
        percent: 0
      }
    )
  })

  it('an alarm pauses at once: the tasks are healthy, only their answers are not', () => {
    const alarm = { name: 'web-5xx', state: 'ALARM' as const, reason: 'Threshold Crossed', since: NOW }
    const fleet = { ...failing(set(0, 0)), failedNewTasks: [] }
    expect(decide(state(100), { fleet, alarms: [alarm], now: NOW }, plan, limits)).toMatchObject({
      kind: 'pause'
    })
  })
})
