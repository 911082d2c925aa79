// The reconciler against a simulated fleet on a fake clock: every strategy, gate and failure path, with
// capacity checked at every moment of the simulation.

import { describe, expect, it } from '@jest/globals'
import type { PlanConfig, StrategyConfig } from '../../src/config/types.js'
import { Status } from '../../src/constants.js'
import type { EngineState } from '../../src/engine/decide.js'
import type { FleetPort } from '../../src/engine/ports.js'
import { Reconciler, type EngineSettings, type Hooks } from '../../src/engine/reconciler.js'
import { decodeRecord, encodeRecord, type RolloutRecord } from '../../src/record/record.js'
import { takeOverAfterLook } from '../helpers/engine-fixtures.js'
import {
  EventLog,
  FakeGates,
  FakeRecords,
  FakeTraffic,
  FakeWorld,
  type WorldOptions
} from '../helpers/fake-world.js'

const MIN = 60_000

function planConfig(strategy: StrategyConfig, over: Partial<PlanConfig> = {}): PlanConfig {
  return {
    strategy,
    traffic: 'replicas',
    stableScale: 'shrink',
    maxSurge: { kind: 'percent', value: 25 },
    maxUnavailable: { kind: 'count', value: 0 },
    bakeMs: 5 * MIN,
    ...over
  }
}

interface Setup {
  plan: PlanConfig
  world?: Partial<WorldOptions>
  alarmAt?: number
  settings?: Partial<EngineSettings>
  step?: number
  abortAfterMs?: number
  traffic?: FakeTraffic
  hooks?: Hooks
  /** The fleet port the engine is given, over the simulated one. */
  fleet?: (world: FakeWorld) => FleetPort
  /** The record store, over the simulated one. */
  records?: (world: FakeWorld) => FakeRecords
}

async function rollout(setup: Setup) {
  const world = new FakeWorld({ desired: 10, ...setup.world })
  const clock = world.clock
  const gates = new FakeGates(
    clock,
    setup.alarmAt === undefined ? {} : { 'web-5xx': clock.now() + setup.alarmAt }
  )
  const traffic = setup.traffic ?? new FakeTraffic(setup.plan.traffic)
  const records = setup.records?.(world) ?? new FakeRecords(world)
  const events = new EventLog()
  const settings: EngineSettings = {
    plan: setup.plan,
    pollIntervalMs: 10_000,
    stepTimeoutMs: 10 * MIN,
    timeoutMs: 6 * 60 * MIN,
    onFailure: 'rollback',
    onCancel: 'rollback',
    ...setup.settings
  }
  const record: RolloutRecord = {
    id: 'r-1',
    phase: 'Active',
    stage: 'executing',
    step: 1,
    steps: 0,
    newTaskDefinition: 'web:2',
    stableTaskDefinition: 'web:1',
    plan: setup.plan,
    actor: 'octocat',
    runUrl: 'https://github.com/acme/shop/actions/runs/1',
    commit: 'abc',
    startedAt: clock.now(),
    heartbeat: clock.now()
  }
  const state: EngineState = {
    mode: 'forward',
    step: setup.step ?? 1,
    phase: 'moving',
    stepStartedAt: clock.now(),
    trafficPercent: 0,
    promoted: false
  }
  const controller = new AbortController()
  if (setup.abortAfterMs !== undefined) {
    const at = clock.now() + setup.abortAfterMs
    const previous = clock.onSleep
    clock.onSleep = t => {
      previous?.(t)
      if (t >= at && !controller.signal.aborted) controller.abort('SIGINT')
    }
  }
  // The session saves the record on the service before the engine starts.
  world.tags = encodeRecord(record)
  await world.ensureNew()
  const started = clock.now()
  const result = await new Reconciler(
    record,
    state,
    {
      fleet: setup.fleet?.(world) ?? world,
      traffic,
      gates,
      records,
      events,
      clock,
      cancel: controller.signal,
      hooks: setup.hooks
    },
    settings,
    started
  ).run()
  return { result, world, traffic, records, events, gates, elapsed: clock.now() - started }
}

function minHealthy(world: FakeWorld): number {
  return Math.min(...world.history.map(h => h.healthy))
}

const linear = (stepPercent: number, stepBakeMs = MIN): StrategyConfig => ({
  name: 'linear',
  stepPercent,
  stepBakeMs
})
const canary: StrategyConfig = { name: 'canary', canaryPercent: 10, canaryBakeMs: 5 * MIN }

describe('healthy rollouts', () => {
  it.each<[string, PlanConfig]>([
    ['rolling', planConfig({ name: 'rolling', batchIntervalMs: 0 })],
    [
      'rolling with max-unavailable',
      planConfig(
        { name: 'rolling', batchIntervalMs: MIN },
        { maxSurge: { kind: 'count', value: 0 }, maxUnavailable: { kind: 'count', value: 2 } }
      )
    ],
    ['linear 10%', planConfig(linear(10))],
    ['canary 10%', planConfig(canary)],
    ['all-at-once', planConfig({ name: 'all-at-once' }, { maxSurge: { kind: 'percent', value: 100 } })],
    [
      'custom',
      planConfig({
        name: 'custom',
        steps: [
          { kind: 'step', percent: 20, bakeMs: MIN },
          { kind: 'step', percent: 60, bakeMs: MIN }
        ]
      })
    ],
    ['linear by weights, stable kept', planConfig(linear(25), { traffic: 'weights', stableScale: 'keep' })],
    ['blue-green', planConfig({ name: 'blue-green' }, { traffic: 'weights', stableScale: 'keep' })]
  ])('%s ends succeeded with only the new revision, primary', async (_name, plan) => {
    const { result, world, records, events } = await rollout({ plan })
    expect(result.status).toBe(Status.Succeeded)
    expect(world.sets.stable).toBeUndefined()
    expect(world.sets.new).toMatchObject({ desired: 10, primary: true })
    expect(records.last).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
    expect(events.kinds()).toContain('promoted')
    expect(events.kinds().at(-1)).toBe('end')
    const floor = 10 - (plan.maxUnavailable.kind === 'count' ? plan.maxUnavailable.value : 0)
    expect(minHealthy(world)).toBeGreaterThanOrEqual(floor)
  })

  it('waits each step bake and the final bake: linear 10% with 1m bakes takes 9 bakes + 5m + task starts', async () => {
    const { elapsed, events } = await rollout({ plan: planConfig(linear(10)) })
    const bakes = events.events.filter(e => e.kind === 'bake-start')
    expect(bakes).toHaveLength(10)
    // 9 step bakes (1m) + final bake (5m) + 10 scale-ups of 5 s each, plus at most a poll of slack per step
    expect(elapsed).toBeGreaterThanOrEqual(9 * MIN + 5 * MIN + 10 * 5000)
    expect(elapsed).toBeLessThan(9 * MIN + 5 * MIN + 10 * 5000 + 11 * 10_000)
  })

  it('with weights moves capacity before traffic and verifies each weight in plan order', async () => {
    const { traffic, world } = await rollout({
      plan: planConfig(canary, { traffic: 'weights', stableScale: 'keep' })
    })
    expect(traffic.weights).toEqual([10, 100])
    // the new task set had its canary tasks before any weight moved
    const firstScale = world.calls.indexOf('scale 1/10')
    expect(firstScale).toBeGreaterThan(-1)
  })

  it('ends a bake when it is due, not at the next poll, and reads the gates once more before moving on', async () => {
    const plan = planConfig(linear(50))
    const settings = { pollIntervalMs: 25_000 }
    const healthy = await rollout({ plan, settings })
    const bake = healthy.events.events.find(e => e.kind === 'bake-start')
    const done = healthy.events.events.find(e => e.kind === 'step-done')
    if (bake?.kind !== 'bake-start' || done?.kind !== 'step-done') throw new Error('expected a bake')
    expect(done.at - bake.at).toBe(MIN)
    // An alarm that fires a moment before the bake is over, after its last regular poll, still stops the step.
    const late = await rollout({ plan, settings, alarmAt: bake.at + MIN - 1 - 1_700_000_000_000 })
    expect(late.result.status).toBe(Status.RolledBack)
    expect(late.events.events.some(e => e.kind === 'step-start' && e.step === 2)).toBe(false)
  })

  it('spends two reads per poll during a bake: one service read and one alarm read', async () => {
    const { world, gates, elapsed } = await rollout({ plan: planConfig(canary) })
    const detailed = world.calls.filter(c => c === 'observe-detailed').length
    expect(gates.reads).toBe(detailed)
    expect(detailed).toBeLessThanOrEqual(Math.ceil(elapsed / 10_000) + 2)
  })
})

describe('several services sharing reads', () => {
  /** Each detailed look answered by a read sent `ageMs` before it, as another service's look sent it. */
  async function looksWithReadsOf(ageMs: number): Promise<number[]> {
    const looks: number[] = []
    const result = await rollout({
      plan: planConfig(canary),
      fleet: world => ({
        ensureNew: () => world.ensureNew(),
        scale: target => world.scale(target),
        makePrimary: which => world.makePrimary(which),
        remove: which => world.remove(which),
        async observe(detail) {
          const seen = await world.observe(detail)
          if (!detail) return seen
          looks.push(world.clock.now())
          return { ...seen, readAt: world.clock.now() - ageMs }
        }
      })
    })
    expect(result.result.status).toBe(Status.Succeeded)
    return looks.slice(1).map((t, i) => t - looks[i])
  }

  it('a look answered by an older read is due again a poll-interval after that read, not after the look', async () => {
    // Alone (reads sent by the look itself), looks in a bake are a poll-interval (10 s) apart.
    expect(Math.max(...(await looksWithReadsOf(0)))).toBe(10_000)
    // Answered by reads sent 4 s earlier, the next look comes 6 s after: what it sees is never older than 10 s.
    const gaps = await looksWithReadsOf(4000)
    expect(Math.max(...gaps)).toBe(6000)
    expect(gaps.filter(g => g === 6000).length).toBeGreaterThan(40)
  })
})

describe('gates roll back', () => {
  it('an alarm partway through linear rolls back: stable restored, new removed, reason names the alarm', async () => {
    const { result, world, records, events } = await rollout({
      plan: planConfig(linear(10)),
      alarmAt: 3.5 * MIN
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'alarm', alarm: { name: 'web-5xx', state: 'ALARM' } })
    expect(world.sets.new).toBeUndefined()
    expect(world.sets.stable).toMatchObject({ desired: 10, primary: true })
    expect(records.last).toMatchObject({ phase: 'Completed', outcome: 'rolled-back' })
    expect(records.last?.reason).toContain('alarm web-5xx went into ALARM')
    expect(events.kinds()).toContain('rollback-start')
    expect(events.kinds()).not.toContain('promoted')
    expect(minHealthy(world)).toBeGreaterThanOrEqual(10)
  })

  it('detects the alarm within one poll and first gives stable its tasks back', async () => {
    const alarmAt = 2 * MIN + 1234
    const { events } = await rollout({ plan: planConfig(linear(10)), alarmAt })
    const startIndex = events.events.findIndex(e => e.kind === 'rollback-start')
    const start = events.events[startIndex]
    expect(start.at - (1_700_000_000_000 + alarmAt)).toBeLessThanOrEqual(10_000)
    const lastForward = events.events
      .slice(0, startIndex)
      .filter(e => e.kind === 'move')
      .at(-1)
    const firstBack = events.events.slice(startIndex).find(e => e.kind === 'move')
    if (lastForward?.kind !== 'move' || firstBack?.kind !== 'move') throw new Error('expected moves')
    expect(firstBack.counts.stable).toBeGreaterThan(lastForward.counts.stable)
    expect(firstBack.counts.new).toBeLessThanOrEqual(lastForward.counts.new)
  })

  it('an alarm during the final bake rolls back at once: stable becomes primary again', async () => {
    // linear 50% with 1m bakes reaches the final bake after ~2 minutes; fire during it
    const { result, world, events } = await rollout({ plan: planConfig(linear(50)), alarmAt: 4 * MIN })
    expect(events.kinds()).toContain('promoted')
    expect(result.status).toBe(Status.RolledBack)
    expect(world.calls).toContain('primary stable')
    // the stable task set, shrunk to 0 for the final bake, comes back whole in one move
    const startIndex = events.events.findIndex(e => e.kind === 'rollback-start')
    expect(events.events.slice(startIndex).find(e => e.kind === 'move')).toMatchObject({
      counts: { new: 10, stable: 10 }
    })
    expect(world.sets.stable).toMatchObject({ desired: 10, primary: true })
    expect(world.sets.new).toBeUndefined()
  })

  it('a crash-looping revision trips the circuit breaker and lists the stopped reasons', async () => {
    const { result, world } = await rollout({
      plan: planConfig(canary),
      world: { newCrashes: true, startMs: 2000 }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'tasks', threshold: 5 })
    if (result.reason?.kind === 'tasks')
      expect(result.reason.tasks[0].reason).toBe('Essential container in task exited')
    expect(world.sets.new).toBeUndefined()
    expect(minHealthy(world)).toBeGreaterThanOrEqual(10)
  })

  it('a step that never becomes stable times out and rolls back', async () => {
    const { result } = await rollout({
      plan: planConfig(canary),
      world: { newNeverSteady: true },
      settings: { stepTimeoutMs: 2 * MIN, maxFailedTasks: 100 }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toEqual({ kind: 'timeout', scope: 'step', limitMs: 2 * MIN, step: 1 })
  })

  it('the run timeout rolls back too', async () => {
    const { result } = await rollout({
      plan: planConfig(linear(10, 10 * MIN)),
      settings: { timeoutMs: 30 * MIN }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'timeout', scope: 'run' })
  })

  it('with stable kept and weights, traffic goes back with a single weight change before anything else', async () => {
    const { result, traffic, events, world } = await rollout({
      plan: planConfig(linear(20), { traffic: 'weights', stableScale: 'keep' }),
      alarmAt: 3.2 * MIN
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(traffic.weights.at(-1)).toBe(0)
    const restored = events.events.find(e => e.kind === 'traffic-restored')
    expect(restored).toMatchObject({ mutatingCalls: 1 })
    const start = events.events.findIndex(e => e.kind === 'rollback-start')
    expect(events.events.slice(start + 1).find(e => e.kind === 'move' || e.kind === 'traffic')).toMatchObject(
      { kind: 'traffic', percent: 0 }
    )
    expect(world.sets.new).toBeUndefined()
  })

  it('on-failure: pause freezes at the current step and leaves the decision to a person', async () => {
    const { result, world, records } = await rollout({
      plan: planConfig(linear(10)),
      alarmAt: 3.5 * MIN,
      settings: { onFailure: 'pause' }
    })
    expect(result.status).toBe(Status.Paused)
    expect(result.reason).toMatchObject({ kind: 'alarm' })
    expect(world.sets.new?.desired).toBeGreaterThan(0)
    expect(records.last).toMatchObject({ phase: 'Active', stage: 'paused' })
  })
})

describe('traffic by weights', () => {
  /** Traffic by weights whose health reads answer `answers` in turn (then healthy), each read and move logged. */
  function loggedTraffic(answers: boolean[]): { traffic: FakeTraffic; log: string[] } {
    const log: string[] = []
    const traffic = new FakeTraffic('weights')
    traffic.ready = async () => {
      const ready = answers.shift() ?? true
      log.push(`ready ${ready}`)
      return ready
    }
    const setWeight = traffic.setWeight.bind(traffic)
    traffic.setWeight = async percent => {
      log.push(`weight ${percent}`)
      await setWeight(percent)
    }
    return { traffic, log }
  }

  it('the health read before the first weight is taken again after the pre-traffic hook, which may take minutes', async () => {
    // Healthy before the hook, not right after it (a task crashed meanwhile), healthy again at the next look.
    const { traffic, log } = loggedTraffic([true, false, true])
    const hooks: Hooks = {
      run: async name => {
        log.push(name)
        return undefined
      }
    }
    const { result } = await rollout({
      plan: planConfig(canary, { traffic: 'weights', stableScale: 'keep' }),
      traffic,
      hooks
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(log.slice(0, 5)).toEqual(['ready true', 'pre-traffic', 'ready false', 'ready true', 'weight 10'])
    expect(log.filter(l => l === 'pre-traffic')).toHaveLength(1)
  })

  it('the health read is taken again when the fence before the move was slow (a crashing revision dies in seconds)', async () => {
    // Healthy at the first read; dead by the time the fence's slow read of the record is back.
    const { traffic, log } = loggedTraffic([true, false])
    /** Every read of the record takes 2 s (AWS retrying a throttled call). */
    class SlowRecords extends FakeRecords {
      constructor(private readonly w: FakeWorld) {
        super(w)
      }
      override async load() {
        this.w.clock.t += 2000
        return super.load()
      }
    }
    const { result } = await rollout({
      plan: planConfig(canary, { traffic: 'weights', stableScale: 'keep' }),
      traffic,
      records: world => new SlowRecords(world)
    })
    expect(result.status).toBe(Status.Succeeded)
    // The first weight follows a health read taken after the slow fence, never the read before it.
    expect(log.slice(0, 4)).toEqual(['ready true', 'ready false', 'ready true', 'ready true'])
    expect(log.indexOf('weight 10')).toBe(4)
  })
})

describe('pauses, requests and cancellation', () => {
  it('partition 3 ends paused at the manual step with 3 new tasks', async () => {
    const { result, world, records } = await rollout({
      plan: planConfig({ name: 'rolling', batchIntervalMs: 0, partition: { kind: 'count', value: 3 } })
    })
    expect(result.status).toBe(Status.Paused)
    expect(result.reason).toBeUndefined()
    expect(world.sets.new?.desired).toBe(3)
    expect(world.sets.stable?.desired).toBe(7)
    expect(records.last).toMatchObject({ phase: 'Active', stage: 'batch-completed', step: 2 })
  })

  it('an abort request found on the record rolls back and ends aborted', async () => {
    const plan = planConfig(linear(25, 10 * MIN))
    const world = new FakeWorld({ desired: 4 })
    const records = new FakeRecords(world)
    const record: RolloutRecord = {
      id: 'r-2',
      phase: 'Active',
      stage: 'executing',
      step: 1,
      steps: 4,
      newTaskDefinition: 'web:2',
      plan,
      actor: 'octocat',
      runUrl: '',
      commit: '',
      startedAt: world.clock.now(),
      heartbeat: world.clock.now(),
      request: 'abort'
    }
    await records.save(record)
    await world.ensureNew()
    const state: EngineState = {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: world.clock.now(),
      trafficPercent: 0,
      promoted: false
    }
    const deps = {
      fleet: world,
      traffic: new FakeTraffic('replicas'),
      gates: new FakeGates(world.clock),
      records,
      events: new EventLog(),
      clock: world.clock
    }
    const settings: EngineSettings = {
      plan,
      pollIntervalMs: 10_000,
      stepTimeoutMs: 10 * MIN,
      timeoutMs: 60 * MIN,
      onFailure: 'rollback',
      onCancel: 'rollback'
    }
    const result = await new Reconciler(record, state, deps, settings, world.clock.now()).run()
    expect(result.status).toBe(Status.Aborted)
    expect(result.reason).toMatchObject({ kind: 'requested', command: 'abort' })
    expect(world.sets.new).toBeUndefined()
    expect(records.last).toMatchObject({ phase: 'Completed', outcome: 'aborted' })
    expect(records.last?.request).toBeUndefined()
  })

  it('a promote request is acted on once, though lagging reads of the tags show it for a while after it was cleared', async () => {
    const plan = planConfig(linear(25, 10 * MIN))
    const world = new FakeWorld({ desired: 4 })
    const records = new FakeRecords()
    // The service's tags are eventually consistent: each save shows in reads only 25 s later.
    const pending: { tags: Record<string, string>; at: number }[] = []
    records.save = async r => {
      records.saved.push(r)
      pending.push({ tags: encodeRecord(r), at: world.clock.now() + 25_000 })
    }
    const observe = world.observe.bind(world)
    world.observe = async detail => {
      while (pending.length && pending[0].at <= world.clock.now()) world.tags = pending.shift()!.tags
      return observe(detail)
    }
    const record: RolloutRecord = {
      id: 'r-3',
      phase: 'Active',
      stage: 'executing',
      step: 1,
      steps: 4,
      newTaskDefinition: 'web:2',
      stableTaskDefinition: 'web:1',
      plan,
      actor: 'octocat',
      runUrl: '',
      commit: '',
      startedAt: world.clock.now(),
      heartbeat: world.clock.now()
    }
    world.tags = encodeRecord({ ...record, request: 'promote:2', requestedBy: 'carol' })
    await world.ensureNew()
    const state: EngineState = {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: world.clock.now(),
      trafficPercent: 0,
      promoted: false
    }
    const events = new EventLog()
    const deps = {
      fleet: world,
      traffic: new FakeTraffic('replicas'),
      gates: new FakeGates(world.clock),
      records,
      events,
      clock: world.clock
    }
    const settings: EngineSettings = {
      plan,
      pollIntervalMs: 10_000,
      stepTimeoutMs: 10 * MIN,
      timeoutMs: 120 * MIN,
      onFailure: 'rollback',
      onCancel: 'rollback'
    }
    const result = await new Reconciler(record, state, deps, settings, world.clock.now()).run()
    expect(result.status).toBe(Status.Succeeded)
    // Step 1 skipped by the promote; step 2 baked in full, not skipped by a second look at the same request.
    const baked = events.events.flatMap(e => (e.kind === 'bake-start' ? [e.step] : []))
    expect(baked).toEqual([2, 3, 4])
  })

  it('a gate read throttled at the end of a bake is read again before the step moves on', async () => {
    const plan = planConfig(linear(25, 5 * MIN))
    const world = new FakeWorld({ desired: 4 })
    const clock = world.clock
    const events = new EventLog()
    const gates = new FakeGates(clock)
    let throttled = 0
    // The alarm goes off just before step 1's bake ends, and the read at the bake's end is throttled (CloudWatch's
    // DescribeAlarms quota is shared by every client of the account).
    const emit = events.emit.bind(events)
    events.emit = e => {
      if (e.kind === 'bake-start' && e.step === 1) gates.firing['web-5xx'] = e.at + e.ms - 1
      emit(e)
    }
    const read = gates.read.bind(gates)
    gates.read = async () => {
      const since = gates.firing['web-5xx']
      if (since !== undefined && clock.now() >= since && throttled++ === 0)
        throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' })
      return read()
    }
    const records = new FakeRecords(world)
    const record: RolloutRecord = {
      id: 'r-4',
      phase: 'Active',
      stage: 'executing',
      step: 1,
      steps: 4,
      newTaskDefinition: 'web:2',
      stableTaskDefinition: 'web:1',
      plan,
      actor: 'octocat',
      runUrl: '',
      commit: '',
      startedAt: clock.now(),
      heartbeat: clock.now()
    }
    await world.ensureNew()
    const state: EngineState = {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: clock.now(),
      trafficPercent: 0,
      promoted: false
    }
    const deps = { fleet: world, traffic: new FakeTraffic('replicas'), gates, records, events, clock }
    const settings: EngineSettings = {
      plan,
      pollIntervalMs: 60_000,
      stepTimeoutMs: 10 * MIN,
      timeoutMs: 120 * MIN,
      onFailure: 'rollback',
      onCancel: 'rollback'
    }
    const result = await new Reconciler(record, state, deps, settings, clock.now()).run()
    expect(throttled).toBeGreaterThan(0)
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'alarm' })
    // Caught at the end of step 1's bake, not after moving on to step 2 with the gates read before it.
    expect(result.step).toBe(1)
    expect(events.kinds()).not.toContain('step-done')
  })

  it('a cancel starts the rollback at once and hands the rest over after the grace period', async () => {
    const { result, events } = await rollout({ plan: planConfig(linear(10)), abortAfterMs: 2 * MIN })
    expect(result.status).toBe(Status.Aborted)
    expect(result.reason).toMatchObject({ kind: 'cancelled' })
    expect(events.kinds()).toContain('rollback-start')
  })

  it('a cancel with on-cancel: pause freezes instead', async () => {
    const { result, records } = await rollout({
      plan: planConfig(linear(10)),
      abortAfterMs: 2 * MIN,
      settings: { onCancel: 'pause' }
    })
    expect(result.status).toBe(Status.Paused)
    expect(records.last).toMatchObject({ stage: 'paused' })
  })
})

describe('no two owners: a take-over between the last look and the next act', () => {
  const TAKER = 'https://github.com/acme/shop/actions/runs/2'
  const plan = planConfig(linear(25, MIN), { traffic: 'weights' })
  /** How many looks come before the owner's first call that starts with `act`, in a rollout nobody disturbs. */
  async function looksBefore(act: string): Promise<number> {
    const { world } = await rollout({ plan })
    const at = world.calls.findIndex(c => c.startsWith(act))
    expect(at).toBeGreaterThan(0)
    return world.calls.slice(0, at).filter(c => c.startsWith('observe')).length
  }

  it.each(['scale', 'primary new', 'remove stable'])(
    'the owner stalls past takeover-after after its last look, another run takes over: the owner reads the record back and does not %s',
    async act => {
      const nth = await looksBefore(act)
      let claimedAt = -1
      const { result, world, records } = await rollout({
        plan,
        fleet: world =>
          takeOverAfterLook(world, nth, () => {
            // The stall a take-over needs (the taker's takeover-after), then the taker's claim on the service.
            world.clock.t += 15 * MIN
            const own = decodeRecord(world.tags)!
            world.tags = encodeRecord({ ...own, owner: TAKER, heartbeat: world.clock.now() })
            claimedAt = world.calls.length
          })
      })
      expect(claimedAt).toBeGreaterThan(0)
      expect(result).toMatchObject({ status: Status.Failed, reason: { kind: 'taken-over', by: TAKER } })
      // Nothing changed by the old owner after the claim: no act, and its record is not written over the taker's.
      expect(world.calls.slice(claimedAt).filter(c => !c.startsWith('observe'))).toEqual([])
      expect(world.tags['ecs-rollout:owner']).toBe(TAKER)
      expect(records.loads).toBeGreaterThan(0)
    }
  )

  it('acts right after a detailed look need no read of the record: the fence costs a read only after a quiet spell', async () => {
    const { result, records, world } = await rollout({ plan })
    expect(result.status).toBe(Status.Succeeded)
    const acts = world.calls.filter(c => !c.startsWith('observe')).length
    expect(records.loads).toBeLessThanOrEqual(acts + records.saved.length)
  })
})

describe('a look that does not show the last act yet (a lagging read)', () => {
  it('the new task set hidden from every look: the same act is repeated at most once a quick poll, never in a busy loop', async () => {
    const acts: { call: string; at: number }[] = []
    const { result, world } = await rollout({
      plan: planConfig(canary),
      settings: { stepTimeoutMs: MIN },
      fleet: world => ({
        observe: async detail => ({ ...(await world.observe(detail)), new: undefined }),
        ensureNew: () => world.ensureNew(),
        scale: async target => {
          acts.push({ call: `scale ${target.new}/${target.stable}`, at: world.clock.now() })
          // A busy loop never lets the fake clock move: stop it here rather than hang the test.
          if (acts.length > 1000) throw new Error('busy loop')
          return world.scale(target)
        },
        makePrimary: which => world.makePrimary(which),
        remove: which => world.remove(which)
      })
    })
    expect(acts.length).toBeLessThan(1000)
    // Acted at once, again at once (a read right after a write may lag), then once a second at most.
    for (let i = 2; i < acts.length; i++) expect(acts[i].at - acts[i - 2].at).toBeGreaterThanOrEqual(1000)
    // The step never shows its tasks: it times out and the rollout is rolled back.
    expect(result.status).toBe(Status.RolledBack)
    expect(world.sets.new).toBeUndefined()
  })
})
