// The reconciler with traffic by weights when the stable revision shrinks (stable-scale: shrink): under a
// max-surge too small to start a step's new tasks beside every stable one, weight and capacity leapfrog, so no
// side ever carries more traffic than its running tasks can, the fleet stays within max-surge and
// max-unavailable, and the rollout (or its rollback) gets there instead of stopping with "cannot move".

import { describe, expect, it } from '@jest/globals'
import type { PlanConfig, Quantity, StrategyConfig } from '../../src/config/types.js'
import { Status } from '../../src/constants.js'
import type { EngineState } from '../../src/engine/decide.js'
import { Reconciler } from '../../src/engine/reconciler.js'
import type { Counts } from '../../src/plan/types.js'
import type { RolloutRecord } from '../../src/record/record.js'
import { EventLog, FakeGates, FakeRecords, FakeTraffic, FakeWorld } from '../helpers/fake-world.js'

const MIN = 60_000

interface Moment {
  what: string
  weight: number
  desired: Counts
  running: Counts
}

async function rollout(o: {
  strategy: StrategyConfig
  desired: number
  maxSurge: Quantity
  maxUnavailable: Quantity
  alarmAt?: number
}) {
  const plan: PlanConfig = {
    strategy: o.strategy,
    traffic: 'weights',
    stableScale: 'shrink',
    maxSurge: o.maxSurge,
    maxUnavailable: o.maxUnavailable,
    bakeMs: MIN
  }
  const world = new FakeWorld({ desired: o.desired })
  const clock = world.clock
  const traffic = new FakeTraffic('weights')
  const timeline: Moment[] = []
  const moment = async (what: string): Promise<void> => {
    const seen = await world.observe(false)
    timeline.push({
      what,
      weight: traffic.current,
      desired: { new: seen.new?.desired ?? 0, stable: seen.stable?.desired ?? 0 },
      running: { new: seen.new?.running ?? 0, stable: seen.stable?.running ?? 0 }
    })
  }
  const setWeight = traffic.setWeight.bind(traffic)
  traffic.setWeight = async percent => {
    await setWeight(percent)
    await moment(`weight ${percent}`)
  }
  const scale = world.scale.bind(world)
  world.scale = async target => {
    await scale(target)
    await moment(`scale ${target.new}/${target.stable}`)
  }
  const gates = new FakeGates(clock, o.alarmAt === undefined ? {} : { 'web-5xx': clock.now() + o.alarmAt })
  const records = new FakeRecords(world)
  const events = new EventLog()
  const record: RolloutRecord = {
    id: 'r-1',
    phase: 'Active',
    stage: 'executing',
    step: 1,
    steps: 0,
    newTaskDefinition: 'web:2',
    stableTaskDefinition: 'web:1',
    plan,
    actor: 'octocat',
    runUrl: '',
    commit: 'abc',
    startedAt: clock.now(),
    heartbeat: clock.now()
  }
  const state: EngineState = {
    mode: 'forward',
    step: 1,
    phase: 'moving',
    stepStartedAt: clock.now(),
    trafficPercent: 0,
    promoted: false
  }
  await world.ensureNew()
  const result = await new Reconciler(
    record,
    state,
    { fleet: world, traffic, gates, records, events, clock },
    {
      plan,
      pollIntervalMs: 10_000,
      stepTimeoutMs: 10 * MIN,
      timeoutMs: 6 * 60 * MIN,
      onFailure: 'rollback',
      onCancel: 'rollback'
    },
    clock.now()
  ).run()
  return { result, world, traffic, timeline, events }
}

/** Tasks a share of traffic needs: at least one, give or take the 0.1 % a weight cannot express. */
const needed = (percent: number, desired: number) =>
  percent <= 0 ? 0 : Math.max(1, Math.ceil((desired * (percent - 0.1)) / 100 - 1e-9))

/** At every change: within the ceiling, and each side has the tasks for its share (less max-unavailable). */
function expectEveryMomentCarried(
  timeline: Moment[],
  desired: number,
  maxTotal: number,
  unavailable: number
) {
  for (const m of timeline) {
    const context = JSON.stringify(m)
    expect([context, m.desired.new + m.desired.stable <= maxTotal]).toEqual([context, true])
    // Weight moves only onto tasks that run; a shrinking side keeps what its remaining share needs.
    const side = m.what.startsWith('weight') ? m.running : m.desired
    expect([context, side.new >= needed(m.weight, desired) - unavailable]).toEqual([context, true])
    expect([context, side.stable >= needed(100 - m.weight, desired) - unavailable]).toEqual([context, true])
  }
}

const percent = (value: number): Quantity => ({ kind: 'percent', value })
const count = (value: number): Quantity => ({ kind: 'count', value })

describe('traffic by weights with stable-scale: shrink', () => {
  it('linear 50 % on 4 tasks with max-surge 25 % (one extra task): weight moves in sub-steps, never overshooting', async () => {
    const { result, traffic, timeline, world } = await rollout({
      strategy: { name: 'linear', stepPercent: 50, stepBakeMs: MIN },
      desired: 4,
      maxSurge: percent(25),
      maxUnavailable: count(0)
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(traffic.weights).toEqual([25, 50, 75, 100])
    expect(Math.max(...world.history.map(h => h.total))).toBe(5)
    expect(Math.min(...world.history.map(h => h.healthy))).toBeGreaterThanOrEqual(4)
    expectEveryMomentCarried(timeline, 4, 5, 0)
  })

  it('linear 50 % on 4 tasks with max-surge 0 and max-unavailable 1: the losing side may run one short', async () => {
    const { result, traffic, timeline, world } = await rollout({
      strategy: { name: 'linear', stepPercent: 50, stepBakeMs: MIN },
      desired: 4,
      maxSurge: count(0),
      maxUnavailable: count(1)
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(traffic.weights).toEqual([25, 50, 75, 100])
    expect(Math.max(...world.history.map(h => h.total))).toBe(4)
    expect(Math.min(...world.history.map(h => h.healthy))).toBeGreaterThanOrEqual(3)
    expectEveryMomentCarried(timeline, 4, 4, 1)
  })

  it('a third of three tasks carries 33.3 %, and the other two carry the rest: weights in 0.1 % steps', async () => {
    const { result, traffic, timeline } = await rollout({
      strategy: { name: 'canary', canaryPercent: 60, canaryBakeMs: MIN },
      desired: 3,
      maxSurge: count(1),
      maxUnavailable: count(0)
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(traffic.weights).toEqual([33.3, 60, 66.6, 100])
    expectEveryMomentCarried(timeline, 3, 4, 0)
  })

  it('a rollback from 50 % brings stable back whole first (up to twice the tasks), then one weight change', async () => {
    // Step 1 (50 %) is reached after a few task starts of 5 s; the alarm fires during its 1 m bake.
    const { result, traffic, timeline, world } = await rollout({
      strategy: { name: 'linear', stepPercent: 50, stepBakeMs: MIN },
      desired: 4,
      maxSurge: percent(25),
      maxUnavailable: count(0),
      alarmAt: 0.75 * MIN
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(traffic.weights).toEqual([25, 50, 0])
    expect(world.sets.new).toBeUndefined()
    expect(world.sets.stable).toMatchObject({ desired: 4, primary: true })
    expect(Math.min(...world.history.map(h => h.healthy))).toBeGreaterThanOrEqual(4)
    const rollback = timeline.findIndex(m => m.what === 'scale 2/4')
    expect(rollback).toBeGreaterThan(0)
    expectEveryMomentCarried(timeline.slice(0, rollback), 4, 5, 0)
    // A rollback may use twice the tasks for a moment (see rollbackLimits): stable serves 100 % only when whole.
    expectEveryMomentCarried(timeline.slice(rollback), 4, 8, 0)
    expect(timeline.slice(rollback).map(m => m.what)).toEqual(['scale 2/4', 'weight 0', 'scale 0/4'])
  })

  it('with max-surge of the step size, weight moves in the plan steps only, as with stable kept', async () => {
    const { result, traffic, timeline } = await rollout({
      strategy: { name: 'linear', stepPercent: 25, stepBakeMs: MIN },
      desired: 4,
      maxSurge: count(1),
      maxUnavailable: count(0)
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(traffic.weights).toEqual([25, 50, 75, 100])
    expectEveryMomentCarried(timeline, 4, 5, 0)
  })
})
