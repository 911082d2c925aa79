// The follower (ECS-controller services) on a scripted ECS and a fake clock: steps followed as ECS reaches them,
// the same gates as task-set rollouts, a rollback asked for once and followed to its end, ECS's own rollback
// reported as a failure, and the summary rendered from the same events.

import { describe, expect, it } from '@jest/globals'
import { Status } from '../../src/constants.js'
import type { RolloutEvent } from '../../src/engine/events.js'
import {
  decideFollow,
  Follower,
  type DeploymentObservation,
  type DeploymentPort,
  type FollowState
} from '../../src/engine/follow.js'
import type { AlarmState, GatesPort } from '../../src/engine/ports.js'
import type { FailureReason } from '../../src/engine/events.js'
import type { EngineResult } from '../../src/engine/loop-types.js'
import { ecsControllerPlan } from '../../src/plan/ecs-plan.js'
import type { Plan } from '../../src/plan/types.js'
import type { PlanConfig } from '../../src/config/types.js'
import { encodeRecord, type RolloutRecord } from '../../src/record/record.js'
import { renderSummary } from '../../src/report/summary.js'
import { deploymentObservation, takeOverAfterLook } from '../helpers/engine-fixtures.js'
import { FakeClock } from '../helpers/fake-world.js'

const ROLLING: PlanConfig = {
  strategy: { name: 'rolling', batchIntervalMs: 0 },
  traffic: 'replicas',
  stableScale: 'shrink',
  maxSurge: { kind: 'percent', value: 25 },
  maxUnavailable: { kind: 'count', value: 0 },
  bakeMs: 10_000
}
const CANARY: PlanConfig = {
  ...ROLLING,
  strategy: { name: 'canary', canaryPercent: 20, canaryBakeMs: 60_000 },
  bakeMs: 120_000
}

const observation = deploymentObservation

/** ECS as a script: each observation is the next one of `script` (the last repeats). */
class ScriptedEcs implements DeploymentPort {
  calls: string[] = []
  private i = 0
  constructor(
    private readonly script: (DeploymentObservation | ((calls: string[]) => DeploymentObservation))[]
  ) {}
  /** What adopt() finds: a rollback under way already. */
  rollingBack = false
  async start(): Promise<void> {
    this.calls.push('start')
  }
  /** Errors adopt() throws first, one a call (AWS not answering after the SDK's retries). */
  adoptFailures: Error[] = []
  async adopt(rollback: boolean): Promise<{ rollingBack: boolean }> {
    this.calls.push(rollback ? 'adopt for a rollback' : 'adopt')
    const failure = this.adoptFailures.shift()
    if (failure) throw failure
    return { rollingBack: rollback && this.rollingBack }
  }
  /** From now on every look shows the stable revision alone again. */
  restoredNow = false
  async observe(): Promise<DeploymentObservation> {
    if (this.restoredNow) return deploymentObservation({ restored: true })
    const next = this.script[Math.min(this.i++, this.script.length - 1)]
    return typeof next === 'function' ? next(this.calls) : { ...next, events: [...next.events] }
  }
  async rollback(): Promise<string> {
    this.calls.push('rollback')
    return 'StopServiceDeployment ROLLBACK of arn:sd'
  }
  /** Hook ids ECS refuses to continue (a ClientException). */
  refuse = new Set<string>()
  async proceed(hookId: string): Promise<boolean> {
    const refused = this.refuse.has(hookId)
    this.calls.push(`${refused ? 'refused' : 'proceed'} ${hookId}`)
    return !refused
  }
  restored = 0
  /** Restores that fail first (a 5xx burst outlasting the SDK's retries). */
  restoreFailures = 0
  async restore(): Promise<string | undefined> {
    this.restored++
    if (this.restoreFailures-- > 0)
      throw Object.assign(new Error('We encountered an internal error.'), { name: 'ServerException' })
    return undefined
  }
}

class Gates implements GatesPort {
  alarms: AlarmState[] = [{ name: 'web-5xx', state: 'OK', reason: 'fine', since: 0 }]
  async missing(): Promise<string[]> {
    return []
  }
  async read() {
    return { alarms: this.alarms, warnings: [] }
  }
}

const RECORD: RolloutRecord = {
  id: 'r1',
  phase: 'Active',
  stage: 'executing',
  step: 1,
  steps: 1,
  newTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
  stableTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
  plan: ROLLING,
  actor: 'octocat',
  runUrl: '',
  commit: '',
  startedAt: 0,
  heartbeat: 0
}

async function follow(
  config: PlanConfig,
  ecs: ScriptedEcs,
  options: {
    gates?: Gates
    maxFailedTasks?: number
    stepTimeoutMs?: number
    onTick?: (n: number) => void
    cancel?: AbortSignal
    /** Follow a deployment another run started, from this step (and roll it back with this reason). */
    adopt?: { step: number; rollback?: FailureReason }
    clock?: FakeClock
    pollIntervalMs?: number
    /** The record as the service holds it, read back by the fence; the last one saved unless given. */
    load?: () => RolloutRecord | undefined
    /** A save fails as ECS's TagResource would after the SDK's retries, when this says so. */
    saveFails?: (record: RolloutRecord) => boolean
    /** The run ends on an error while ECS may go on: handed over as ecs-session.ts does, the error returned. */
    handsOver?: boolean
  } = {}
) {
  const clock = options.clock ?? new FakeClock()
  const events: RolloutEvent[] = []
  const saved: RolloutRecord[] = []
  const plan = ecsControllerPlan(config, 4)
  let polls = 0
  clock.onSleep = () => options.onTick?.(++polls)
  const start: RolloutEvent = {
    kind: 'start',
    at: clock.now(),
    rolloutId: 'r1',
    cluster: 'prod',
    service: 'web',
    region: 'us-east-1',
    from: { arn: RECORD.stableTaskDefinition!, label: 'web:1' },
    to: { arn: RECORD.newTaskDefinition, label: 'web:2' },
    plan,
    fromStep: 1,
    controller: 'ECS'
  }
  events.push(start)
  const follower = new Follower(
    { ...RECORD, plan: config },
    {
      deployment: ecs,
      gates: options.gates ?? new Gates(),
      records: {
        save: async r => {
          if (options.saveFails?.(r))
            throw Object.assign(new Error('We encountered an internal error.'), { name: 'ServerException' })
          saved.push({ ...r })
        },
        load: async () => ({ record: options.load ? options.load() : saved[saved.length - 1] })
      },
      events: { emit: e => void events.push(e) },
      clock,
      cancel: options.cancel
    },
    {
      plan,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      stepTimeoutMs: options.stepTimeoutMs ?? 600_000,
      timeoutMs: 3_600_000,
      maxFailedTasks: options.maxFailedTasks,
      onFailure: 'rollback',
      onCancel: 'rollback'
    },
    clock.now()
  )
  const running = options.adopt ? follower.adopt(options.adopt.step, options.adopt.rollback) : follower.run()
  let error: unknown
  const result = (await running.catch(async (e: unknown) => {
    if (!options.handsOver) throw e
    await follower.handOverAfter(e)
    error = e
  })) as EngineResult
  return { result, error, events, saved, kinds: events.map(e => e.kind), summary: renderSummary(events) }
}

/**
 * ECS's native canary held by the action's pause hook (scaled up, 20 %, 100 %), each look a function of the hooks
 * released so far: held before the canary step (h1), before the rest (h2), after all traffic moved (h3), then done.
 */
function heldCanary(at: (calls: string[]) => void = () => undefined) {
  const held = (hookId: string, where: 'before-step' | 'all-traffic') => ({ hookId, at: where })
  const base = { counts: { new: 4, stable: 4 }, scaledUp: true, holding: true }
  return new ScriptedEcs([
    calls => {
      at(calls)
      if (calls.includes('proceed h3')) return observation({ ...base, trafficPercent: 100, completed: true })
      if (calls.includes('proceed h2'))
        return observation({ ...base, trafficPercent: 100, held: held('h3', 'all-traffic') })
      if (calls.includes('proceed h1'))
        return observation({ ...base, trafficPercent: 20, held: held('h2', 'before-step') })
      return observation({ ...base, held: held('h1', 'before-step') })
    }
  ])
}

describe('Follower on a native deployment held by the action at every step', () => {
  it('releases each step only after its bake, timed by the action; the final bake too; then restores', async () => {
    const times: Record<string, number> = {}
    let now = 0
    const ecs = heldCanary(calls => {
      for (const c of calls) times[c] ??= now
      now += 1000
    })
    const { result, events } = await follow(CANARY, ecs)
    expect(result).toMatchObject({ status: Status.Succeeded, trafficPercent: 100 })
    expect(ecs.calls).toEqual(['start', 'proceed h1', 'proceed h2', 'proceed h3'])
    // h1 at once (nothing to bake before the canary), h2 after the canary's 60 s, h3 after the final 120 s.
    expect(times['proceed h2'] - times['proceed h1']).toBeGreaterThanOrEqual(60_000)
    expect(times['proceed h2'] - times['proceed h1']).toBeLessThanOrEqual(62_000)
    expect(times['proceed h3'] - times['proceed h2']).toBeGreaterThanOrEqual(120_000)
    expect(times['proceed h3'] - times['proceed h2']).toBeLessThanOrEqual(122_000)
    const bakes = events.filter(e => e.kind === 'bake-start' || e.kind === 'final-bake')
    expect(bakes.map(e => ('ms' in e ? e.ms : undefined))).toEqual([60_000, 0, 120_000])
    expect(ecs.restored).toBe(1)
  })

  it('an alarm during the canary bake rolls back at the next look, the step never released', async () => {
    const gates = new Gates()
    const ecs = heldCanary()
    const { result } = await follow(CANARY, ecs, {
      gates,
      onTick: n => {
        if (n === 5)
          gates.alarms = [{ name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: 5 }]
        if (n > 6) ecs.restoredNow = true
      }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(ecs.calls).toEqual(['start', 'proceed h1', 'rollback'])
    expect(ecs.restored).toBe(1)
  })

  it('a record save that fails twice after the SDK retries (a 5xx burst) is tried again: the rollout goes on', async () => {
    const ecs = heldCanary()
    // The save of step 2 reached (an act, after the canary's bake) fails twice.
    let failures = 0
    const saveFails = (r: RolloutRecord) => r.step === 2 && failures++ < 2
    const { result, events } = await follow(CANARY, ecs, { saveFails })
    expect(result.status).toBe(Status.Succeeded)
    expect(ecs.calls).toEqual(['start', 'proceed h1', 'proceed h2', 'proceed h3'])
    const warnings = events.flatMap(e => (e.kind === 'warning' ? [e.message] : []))
    expect(warnings.filter(w => /^Could not \S+ \(ServerException/.test(w))).toHaveLength(2)
  })

  it("putting the service's settings back is tried again when it fails (a 5xx burst): done on the third try", async () => {
    const ecs = heldCanary()
    ecs.restoreFailures = 2
    const { result, events } = await follow(CANARY, ecs)
    expect(result.status).toBe(Status.Succeeded)
    expect(ecs.restored).toBe(3)
    const warnings = events.flatMap(e => (e.kind === 'warning' ? [e.message] : []))
    expect(warnings.filter(w => w.includes('deploymentConfiguration back'))).toEqual([])
  })

  it('ECS refusing to continue is looked at again, and rolls back when it persists', async () => {
    const ecs = heldCanary()
    ecs.refuse.add('h1')
    const { result } = await follow(CANARY, ecs, { onTick: n => void (n > 4 && (ecs.restoredNow = true)) })
    expect(ecs.calls).toEqual(['start', 'refused h1', 'refused h1', 'refused h1', 'rollback'])
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'api' })
  })
})

describe('Follower on a rolling deployment', () => {
  it('follows ECS to COMPLETED, bakes, and succeeds; ECS events and task counts are reported', async () => {
    const ecs = new ScriptedEcs([
      observation({
        events: [{ id: 'e1', at: 1_700_000_000_500, message: '(service web) has started 1 tasks: (task a).' }]
      }),
      observation({ counts: { new: 2, stable: 3 }, trafficPercent: 40 }),
      observation({ counts: { new: 4, stable: 0 }, trafficPercent: 100, completed: true, scaledUp: true })
    ])
    const { result, kinds, events, saved, summary } = await follow(ROLLING, ecs)
    expect(result).toMatchObject({ status: Status.Succeeded, trafficPercent: 100 })
    expect(ecs.calls).toEqual(['start'])
    expect(kinds).toEqual([
      'start',
      'step-start',
      'service-event',
      'move',
      'move',
      'move',
      'bake-start',
      'step-done',
      'final-bake',
      'step-done',
      'end'
    ])
    expect(events.find(e => e.kind === 'move')).toMatchObject({ by: 'ecs', counts: { new: 0, stable: 4 } })
    expect(saved[saved.length - 1]).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
    expect(summary).toContain('<h3>ECS service events</h3>')
    expect(summary).toContain('(service web) has started 1 tasks: (task a).')
    expect(summary).toContain('<h2>✅ Succeeded: web:2 on web</h2>')
  })

  it('an alarm rolls it back: ECS is asked once, the run ends when the stable revision serves alone', async () => {
    const gates = new Gates()
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 2, stable: 3 }, trafficPercent: 40 }),
      calls => observation({ counts: { new: 2, stable: 3 }, restored: calls.includes('rollback') && false }),
      observation({ counts: { new: 0, stable: 4 } }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    const { result, kinds, summary } = await follow(ROLLING, ecs, {
      gates,
      onTick: n => {
        if (n === 1)
          gates.alarms = [{ name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: 5 }]
      }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'alarm' })
    expect(ecs.calls).toEqual(['start', 'rollback'])
    expect(kinds.filter(k => k !== 'move').slice(-4)).toEqual([
      'rollback-start',
      'traffic-restored',
      'rollback-done',
      'end'
    ])
    expect(summary).toContain('Alarm web-5xx went into ALARM during step 1 of 1 (rolling update by ECS)')
    expect(summary).toContain('after 1 mutating call')
  })

  it("ECS's circuit breaker rolls it back by itself: a failure with ECS's reason and the stopped tasks, nothing asked", async () => {
    const task = {
      taskArn: 'arn:aws:ecs:us-east-1:1:task/prod/abc',
      reason: 'Essential container in task exited',
      at: 1,
      exitCode: 1
    }
    const ecs = new ScriptedEcs([
      observation({ failedNewTasks: [task] }),
      observation({
        failedNewTasks: [task, task],
        ecs: {
          cause: 'circuit-breaker',
          reason: 'ECS deployment circuit breaker: tasks failed to start.',
          rolledBack: true
        }
      }),
      observation({ restored: true })
    ])
    const { result, summary } = await follow(ROLLING, ecs, { maxFailedTasks: 50 })
    expect(result.status).toBe(Status.RolledBack)
    expect(result.reason).toMatchObject({ kind: 'ecs', cause: 'circuit-breaker', rolledBack: true })
    expect(ecs.calls).toEqual(['start'])
    expect(summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
    expect(summary).toContain("<b>ECS's reason:</b> ECS deployment circuit breaker: tasks failed to start.")
    expect(summary).toContain('<td>Essential container in task exited</td>')
    expect(summary).toContain('after 0 mutating calls')
  })

  it('ECS failing the deployment without a rollback: the action rolls back', async () => {
    const ecs = new ScriptedEcs([
      observation({
        ecs: {
          cause: 'circuit-breaker',
          reason: 'ECS deployment circuit breaker: tasks failed to start.',
          rolledBack: false
        }
      }),
      observation({ restored: true })
    ])
    const { result } = await follow(ROLLING, ecs)
    expect(result.status).toBe(Status.RolledBack)
    expect(ecs.calls).toEqual(['start', 'rollback'])
  })

  it('a rollback that does not finish within step-timeout fails the run', async () => {
    const ecs = new ScriptedEcs([observation({ failedNewTasks: failed(3) }), observation({})])
    const { result, events } = await follow(ROLLING, ecs, { stepTimeoutMs: 5000 })
    expect(result.status).toBe(Status.Failed)
    expect(events[events.length - 1]).toMatchObject({ kind: 'end', status: Status.Failed })
  })

  it('a failing pre-traffic hook: ECS is never asked for anything', async () => {
    const ecs = new ScriptedEcs([observation()])
    const clock = new FakeClock()
    const failure: FailureReason = { kind: 'hook', hook: 'pre-traffic', exitCode: 1, output: ['no'] }
    const result = await new Follower(
      RECORD,
      {
        deployment: ecs,
        gates: new Gates(),
        records: { save: async () => undefined, load: async () => ({}) },
        events: { emit: () => undefined },
        clock,
        hooks: { run: async name => (name === 'pre-traffic' ? failure : undefined) }
      },
      {
        plan: ecsControllerPlan(ROLLING, 4),
        pollIntervalMs: 1000,
        stepTimeoutMs: 60_000,
        timeoutMs: 600_000,
        onFailure: 'rollback',
        onCancel: 'rollback'
      },
      clock.now()
    ).run()
    expect(result).toMatchObject({ status: Status.RolledBack, reason: failure })
    expect(ecs.calls).toEqual([])
  })
})

describe('Follower: when it looks (poll-interval 12 s, the default)', () => {
  /** ECS as a function of the fake clock's time since the start; counts the looks and the gate reads. */
  function timed(clock: FakeClock, at: (sinceStart: number) => DeploymentObservation) {
    const t0 = clock.now()
    const ecs = new ScriptedEcs([() => at(clock.now() - t0)])
    const gates = new Gates()
    const reads: number[] = []
    const read = gates.read.bind(gates)
    gates.read = async () => (reads.push(clock.now() - t0), read())
    return { t0, ecs, gates, reads }
  }
  const running = observation({ counts: { new: 2, stable: 2 }, trafficPercent: 50 })
  const completed = observation({
    counts: { new: 4, stable: 0 },
    trafficPercent: 100,
    completed: true,
    scaledUp: true
  })

  it('while ECS deploys it looks every second, so the run ends within a second of COMPLETED; the gates stay at 12 s', async () => {
    const clock = new FakeClock()
    const { t0, ecs, gates, reads } = timed(clock, t => (t >= 30_500 ? completed : running))
    const { result } = await follow({ ...ROLLING, bakeMs: 0 }, ecs, { clock, gates, pollIntervalMs: 12_000 })
    expect(result.status).toBe(Status.Succeeded)
    const endedAfter = clock.now() - t0 - 30_500
    expect(endedAfter).toBeGreaterThanOrEqual(0)
    expect(endedAfter).toBeLessThanOrEqual(1000)
    expect(reads).toEqual([0, 12_000, 24_000])
  })

  it('a bake ends when it is over, not at the next poll, with the gates read at its end', async () => {
    const clock = new FakeClock()
    const { t0, ecs, gates, reads } = timed(clock, () => completed)
    const { result } = await follow({ ...ROLLING, bakeMs: 20_000 }, ecs, {
      clock,
      gates,
      pollIntervalMs: 12_000
    })
    expect(result.status).toBe(Status.Succeeded)
    expect(clock.now() - t0).toBe(20_000)
    expect(reads).toEqual([0, 12_000, 20_000])
  })

  it("ECS's circuit breaker: its rollback is looked at every second, and the run ends within a second of it", async () => {
    const clock = new FakeClock()
    const verdict = { cause: 'circuit-breaker', reason: 'tasks failed to start', rolledBack: true } as const
    const { t0, ecs, gates, reads } = timed(clock, t =>
      t < 5_000 ? running : t < 17_300 ? observation({ ecs: verdict }) : observation({ restored: true })
    )
    const { result } = await follow(ROLLING, ecs, {
      clock,
      gates,
      pollIntervalMs: 12_000,
      maxFailedTasks: 50
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(clock.now() - t0 - 17_300).toBeLessThanOrEqual(1000)
    expect(reads).toEqual([0, 12_000])
  })
  it("native canary: looks at poll-interval during ECS's bakes, every second around their ends; ends within a second of SUCCESSFUL", async () => {
    const clock = new FakeClock()
    // ECS: up at 2 s, 20 % until its canary bake (1 min) ends at 62 s, then its final bake (2 min) to 182.4 s.
    const { t0, ecs, gates } = timed(clock, t => {
      const up = { counts: { new: 4, stable: 4 }, scaledUp: true }
      if (t < 2_000) return observation({ counts: { new: 2, stable: 4 } })
      if (t < 62_000) return observation({ ...up, trafficPercent: 20 })
      if (t < 182_400) return observation({ ...up, trafficPercent: 100, baking: true })
      return observation({
        counts: { new: 4, stable: 0 },
        scaledUp: true,
        trafficPercent: 100,
        completed: true
      })
    })
    let looks = 0
    const observe = ecs.observe.bind(ecs)
    ecs.observe = async () => (looks++, observe())
    const { result } = await follow(CANARY, ecs, { clock, gates, pollIntervalMs: 12_000 })
    expect(result.status).toBe(Status.Succeeded)
    expect(clock.now() - t0 - 182_400).toBeLessThanOrEqual(1000)
    // About 15 gate polls in 3 minutes, and a few quick looks around each change.
    expect(looks).toBeLessThanOrEqual(30)
  })
})

describe('Follower: requests and cancellation', () => {
  it('an abort left on the record by a control run rolls back and ends aborted', async () => {
    const tags = encodeRecord({ ...RECORD, request: 'abort' })
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 1, stable: 4 } }),
      observation({ counts: { new: 1, stable: 4 }, tags }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    const { result, saved } = await follow(ROLLING, ecs)
    expect(result).toMatchObject({ status: Status.Aborted, reason: { kind: 'requested', command: 'abort' } })
    expect(ecs.calls).toEqual(['start', 'rollback'])
    expect(saved[saved.length - 1]).toMatchObject({ phase: 'Completed', outcome: 'aborted' })
  })

  it('pause and promote do not apply: a warning, and the request is cleared', async () => {
    const tags = encodeRecord({ ...RECORD, request: 'promote:full' })
    const ecs = new ScriptedEcs([
      observation({ tags }),
      observation({ counts: { new: 4, stable: 0 }, trafficPercent: 100, completed: true })
    ])
    const { result, events, saved } = await follow(ROLLING, ecs)
    expect(result.status).toBe(Status.Succeeded)
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'warning',
        message: expect.stringMatching(/^promote:full was asked, but ECS carries/)
      })
    )
    expect(saved.some(r => r.request === null)).toBe(true)
  })

  it('a cancelled run asks ECS to roll back at once and hands the rest to ECS after the grace period', async () => {
    const cancel = new AbortController()
    const ecs = new ScriptedEcs([observation({ counts: { new: 2, stable: 3 } })])
    const { result, saved } = await follow(ROLLING, ecs, {
      cancel: cancel.signal,
      onTick: n => {
        if (n === 2) cancel.abort('SIGINT')
      }
    })
    expect(result).toMatchObject({ status: Status.Aborted, reason: { kind: 'cancelled', signal: 'SIGINT' } })
    expect(ecs.calls).toEqual(['start', 'rollback'])
    // Handed over as the task-set engine does: no owner any more (heartbeat 0), rolling back, for the post step.
    expect(saved[saved.length - 1]).toMatchObject({
      phase: 'Active',
      stage: 'rolling-back',
      heartbeat: 0,
      reason: 'the run was cancelled (SIGINT)'
    })
  })
})

describe('Follower: a cancel whose rollback cannot start at once', () => {
  it('the save that starts the rollback fails past the retries: tried again, never ends the run with an error', async () => {
    const cancel = new AbortController()
    const ecs = new ScriptedEcs([observation({ counts: { new: 2, stable: 3 } })])
    let failures = 0
    const { result, saved } = await follow(ROLLING, ecs, {
      cancel: cancel.signal,
      onTick: n => {
        if (n === 2) cancel.abort('SIGINT')
      },
      saveFails: r => r.stage === 'rolling-back' && failures++ < 1
    })
    expect(failures).toBe(2)
    expect(result).toMatchObject({ status: Status.Aborted, reason: { kind: 'cancelled', signal: 'SIGINT' } })
    expect(ecs.calls).toEqual(['start', 'rollback'])
    expect(saved[saved.length - 1]).toMatchObject({ phase: 'Active', stage: 'rolling-back', heartbeat: 0 })
  })
})

describe('Follower: the loop it shares with the reconciler', () => {
  it('another run took the rollout over: the follower stops at once, asking nothing of ECS', async () => {
    const tags = encodeRecord({
      ...RECORD,
      heartbeat: Date.UTC(2030, 0),
      owner: 'https://example.test/runs/9'
    })
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 1, stable: 4 } }),
      observation({ counts: { new: 2, stable: 3 }, tags })
    ])
    const { result, saved } = await follow(ROLLING, ecs)
    expect(result).toMatchObject({
      status: Status.Failed,
      reason: { kind: 'taken-over', by: 'https://example.test/runs/9' }
    })
    expect(ecs.calls).toEqual(['start'])
    expect(saved.some(r => r.phase === 'Completed' || r.stage === 'rolling-back')).toBe(false)
  })

  it('a request it cannot apply is cleared by a save that ends before the next begins', async () => {
    const tags = encodeRecord({ ...RECORD, request: 'pause' })
    const ecs = new ScriptedEcs([
      observation({ tags }),
      observation({ counts: { new: 4, stable: 0 }, trafficPercent: 100, completed: true })
    ])
    let writing = 0
    let overlapped = false
    const writes: (string | null | undefined)[] = []
    const clock = new FakeClock()
    const follower = new Follower(
      RECORD,
      {
        deployment: ecs,
        gates: new Gates(),
        records: {
          save: async r => {
            overlapped ||= writing > 0
            writing++
            writes.push(r.request)
            await new Promise(resolve => setImmediate(resolve))
            writing--
          },
          load: async () => ({})
        },
        events: { emit: () => undefined },
        clock
      },
      {
        plan: ecsControllerPlan(ROLLING, 4),
        pollIntervalMs: 1000,
        stepTimeoutMs: 600_000,
        timeoutMs: 3_600_000,
        onFailure: 'rollback',
        onCancel: 'rollback'
      },
      clock.now()
    )
    expect((await follower.run()).status).toBe(Status.Succeeded)
    expect(writes).toContain(null)
    expect(overlapped).toBe(false)
  })
})

describe('Follower adopting a deployment whose run is gone', () => {
  const ABORT: FailureReason = { kind: 'requested', by: 'octocat', command: 'abort' }

  it('an abort: ECS is asked to roll back at the first look, nothing is started, the run ends aborted', async () => {
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    const { result, events, summary } = await follow(CANARY, ecs, { adopt: { step: 1, rollback: ABORT } })
    expect(ecs.calls).toEqual(['adopt for a rollback', 'rollback'])
    expect(result).toMatchObject({ status: Status.Aborted, reason: ABORT })
    expect(events.find(e => e.kind === 'rollback-start')).toMatchObject({ trafficPercent: 20 })
    expect(summary).toContain('after 1 mutating call')
  })

  const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })

  it("an abort whose first read AWS throttles past the SDK's retries reads again after a pause, as a look does", async () => {
    // Seed 100383: the abort run's DescribeServices was throttled five times and the run ended, the deployment held.
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    ecs.adoptFailures = [throttled(), throttled()]
    const { result, events } = await follow(CANARY, ecs, { adopt: { step: 1, rollback: ABORT } })
    expect(ecs.calls).toEqual([
      'adopt for a rollback',
      'adopt for a rollback',
      'adopt for a rollback',
      'rollback'
    ])
    expect(result).toMatchObject({ status: Status.Aborted, reason: ABORT })
    expect(events.filter(e => e.kind === 'warning').map(e => ('message' in e ? e.message : ''))).toEqual([
      'Could not read the service (ThrottlingException: Rate exceeded); trying again',
      'Could not read the service (ThrottlingException: Rate exceeded); trying again'
    ])
  })

  it('AWS still not answering: the run ends on the error and hands the rollout over (heartbeat 0), stage kept', async () => {
    const ecs = new ScriptedEcs([observation({ counts: { new: 4, stable: 4 } })])
    ecs.adoptFailures = [throttled(), throttled(), throttled()]
    const { error, saved } = await follow(CANARY, ecs, {
      adopt: { step: 1, rollback: ABORT },
      handsOver: true
    })
    expect(error).toMatchObject({ name: 'ThrottlingException' })
    expect(ecs.calls).toHaveLength(3)
    expect(saved).toEqual([
      expect.objectContaining({
        phase: 'Active',
        stage: 'executing',
        heartbeat: 0,
        reason: 'ThrottlingException: Rate exceeded'
      })
    ])
  })

  it('a refusal that will not pass by itself is not read again', async () => {
    const ecs = new ScriptedEcs([observation({ counts: { new: 4, stable: 4 } })])
    ecs.adoptFailures = [new Error('ECS no longer shows a deployment of web:2 on web')]
    await expect(follow(CANARY, ecs, { adopt: { step: 2 } })).rejects.toThrow(/no longer shows/)
    expect(ecs.calls).toEqual(['adopt'])
  })

  it('a rollback the gone run had asked for is followed to its end, not asked again', async () => {
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 2, stable: 4 }, trafficPercent: 0 }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    ecs.rollingBack = true
    const { result } = await follow(CANARY, ecs, {
      adopt: { step: 2, rollback: { kind: 'orphan', owner: 'run 1' } }
    })
    expect(ecs.calls).toEqual(['adopt for a rollback'])
    expect(result.status).toBe(Status.RolledBack)
  })

  it("a resume follows ECS on from the gone run's step to SUCCESSFUL, without the pre-traffic hook", async () => {
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 100 }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 100, baking: true }),
      observation({ counts: { new: 4, stable: 0 }, scaledUp: true, trafficPercent: 100, completed: true })
    ])
    const { result, events } = await follow(CANARY, ecs, { adopt: { step: 2 } })
    expect(ecs.calls).toEqual(['adopt'])
    expect(result).toMatchObject({ status: Status.Succeeded, trafficPercent: 100 })
    const steps = events.filter(e => e.kind === 'step-start').map(e => ('step' in e ? e.step : 0))
    expect(steps).toEqual([2])
  })
})

describe('Follower on a native canary', () => {
  it('follows each step as ECS moves the weight, then ECS bake time, then SUCCESSFUL', async () => {
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 2, stable: 4 } }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 100, baking: true }),
      observation({ counts: { new: 4, stable: 0 }, scaledUp: true, trafficPercent: 100, completed: true })
    ])
    const { result, events } = await follow(CANARY, ecs)
    expect(result).toMatchObject({ status: Status.Succeeded, trafficPercent: 100 })
    const flow = events
      .filter(e => ['step-start', 'traffic', 'bake-start', 'step-done', 'final-bake', 'end'].includes(e.kind))
      .map(e =>
        e.kind === 'traffic' ? `traffic ${e.percent}` : 'step' in e ? `${e.kind} ${e.step}` : e.kind
      )
    expect(flow).toEqual([
      'step-start 1',
      'traffic 20',
      'bake-start 1',
      'step-done 1',
      'step-start 2',
      'traffic 100',
      'bake-start 2',
      'step-done 2',
      'final-bake',
      'step-done 3',
      'end'
    ])
  })

  it("an alarm seen in the same look as ECS moving the weight on is the next step's failure", async () => {
    const gates = new Gates()
    const ecs = new ScriptedEcs([
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      observation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 100 }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    const { result, events, summary } = await follow(CANARY, ecs, {
      gates,
      onTick: n => {
        if (n === 1)
          gates.alarms = [{ name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: 5 }]
      }
    })
    expect(result.status).toBe(Status.RolledBack)
    expect(ecs.calls).toEqual(['start', 'rollback'])
    const flow = events
      .filter(e => ['step-start', 'step-done', 'rollback-start'].includes(e.kind))
      .map(e => ('step' in e ? `${e.kind} ${e.step}` : e.kind))
    expect(flow).toEqual(['step-start 1', 'step-done 1', 'step-start 2', 'rollback-start'])
    expect(events.find(e => e.kind === 'rollback-start')).toMatchObject({ trafficPercent: 100 })
    expect(summary).toContain('Alarm web-5xx went into ALARM during step 2 of 2')
  })

  it("ECS's deployment alarms roll it back: reported with the alarm's name", async () => {
    const ecs = new ScriptedEcs([
      observation({ scaledUp: true, trafficPercent: 20, counts: { new: 4, stable: 4 } }),
      observation({
        counts: { new: 2, stable: 4 },
        ecs: {
          cause: 'alarms',
          reason: 'ECS deployment alarms: alarm p99 in ALARM state.',
          alarms: ['p99'],
          rolledBack: true
        }
      }),
      observation({ counts: { new: 0, stable: 4 }, restored: true })
    ])
    const { result, summary, events } = await follow(CANARY, ecs)
    expect(result.status).toBe(Status.RolledBack)
    expect(ecs.calls).toEqual(['start'])
    expect(events.find(e => e.kind === 'rollback-start')).toMatchObject({ trafficPercent: 20 })
    expect(summary).toContain(
      'ECS&#39;s deployment alarms (p99) rolled the deployment back during step 1 of 2 (canary 20%)'
    )
  })
})

describe('decideFollow', () => {
  const plan: Plan = ecsControllerPlan(CANARY, 4)
  const limits = {
    stepTimeoutMs: 60_000,
    timeoutMs: 600_000,
    deadline: 1e15,
    maxFailedTasks: 3,
    onFailure: 'rollback' as const
  }
  const state = (over: Partial<FollowState> = {}): FollowState => ({
    mode: 'forward',
    step: 1,
    phase: 'moving',
    stepStartedAt: 0,
    finalBakeStarted: false,
    trafficPercent: 0,
    rollbackAsked: false,
    ...over
  })
  const decide = (s: FollowState, d: Partial<DeploymentObservation>, alarms: AlarmState[] = [], now = 1000) =>
    decideFollow(s, { deployment: observation(d), alarms, now }, plan, limits)

  it('waits for ECS to scale up and shift; bakes once the step weight is reached', () => {
    expect(decide(state(), {})).toEqual({ kind: 'wait', for: 'ECS' })
    expect(decide(state(), { scaledUp: true, trafficPercent: 0 })).toEqual({ kind: 'wait', for: 'ECS' })
    expect(decide(state(), { scaledUp: true, trafficPercent: 20 })).toEqual({ kind: 'bake' })
    expect(decide(state({ phase: 'baking' }), { scaledUp: true, trafficPercent: 20 }).kind).toBe('wait')
    expect(decide(state({ phase: 'baking' }), { scaledUp: true, trafficPercent: 100 })).toEqual({
      kind: 'next-step'
    })
  })

  it('gates first: an alarm, too many failed tasks, the step timeout', () => {
    const firing: AlarmState = { name: 'a', state: 'ALARM', reason: 'r', since: 1 }
    expect(decide(state(), { scaledUp: true, trafficPercent: 20 }, [firing])).toMatchObject({
      kind: 'rollback',
      reason: { kind: 'alarm' }
    })
    expect(decide(state(), { failedNewTasks: failed(3) })).toMatchObject({
      kind: 'rollback',
      reason: { kind: 'tasks' }
    })
    expect(decide(state(), {}, [], 61_001)).toMatchObject({
      kind: 'rollback',
      reason: { kind: 'timeout', scope: 'step' }
    })
  })

  it('in a rollback: ask once, then wait for the stable revision alone', () => {
    const rolling = state({ mode: 'rollback' })
    expect(decide(rolling, {})).toEqual({ kind: 'ask-rollback' })
    expect(decide({ ...rolling, rollbackAsked: true }, {})).toEqual({ kind: 'wait', for: 'the rollback' })
    expect(decide({ ...rolling, rollbackAsked: true }, { restored: true })).toEqual({
      kind: 'finish-rollback'
    })
    expect(decide({ ...rolling, rollbackAsked: true }, { stuck: 'ROLLBACK_FAILED' })).toEqual({
      kind: 'rollback-failed',
      reason: 'ROLLBACK_FAILED'
    })
  })

  it('another deployment replacing ours ends the run as failed, without a rollback', () => {
    expect(decide(state(), { stuck: 'replaced' })).toEqual({ kind: 'fail', reason: 'replaced' })
  })
})

function failed(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    taskArn: `arn:t/${i}`,
    reason: 'Essential container in task exited',
    at: i
  }))
}

describe('Follower: no two owners', () => {
  it('the owner stalls past takeover-after after its last look and another run takes over: it does not ask ECS to roll back', async () => {
    const clock = new FakeClock()
    const gates = new Gates()
    gates.alarms = [{ name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: 0 }]
    const ecs = new ScriptedEcs([observation({ counts: { new: 1, stable: 4 } })])
    let claim: RolloutRecord | undefined
    const taker = 'https://example.test/runs/9'
    // The alarm is read with the first look; before the rollback it decides on, the owner stalls and is taken over.
    const port = takeOverAfterLook(ecs, 1, () => {
      clock.t += 15 * 60_000
      claim = { ...RECORD, owner: taker, heartbeat: clock.now(), stage: 'rolling-back' }
    })
    const { result, saved } = await follow(ROLLING, port, { clock, gates, load: () => claim })
    expect(result).toMatchObject({ status: Status.Failed, reason: { kind: 'taken-over', by: taker } })
    expect(ecs.calls).toEqual(['start'])
    // Nor is the taker's record written over.
    expect(saved.filter(r => r.heartbeat >= claim!.heartbeat)).toEqual([])
  })
})
