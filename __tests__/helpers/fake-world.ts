// A simulated service for engine unit tests: two task sets whose tasks start after a delay on a fake clock,
// gates whose alarms fire at chosen moments, weights, and a record store. Time only moves when the engine
// sleeps, so a rollout with hours of bakes runs in milliseconds. Every change is kept in `history` so tests
// can check capacity at every moment.

import type {
  FailedTask,
  FleetObservation,
  FleetPort,
  GatesPort,
  RevisionState,
  TrafficPort,
  AlarmState,
  Clock
} from '../../src/engine/ports.js'
import type { RolloutEvent } from '../../src/engine/events.js'
import type { Counts } from '../../src/plan/types.js'
import { decodeRecord, encodeRecord, type RecordPort, type RolloutRecord } from '../../src/record/record.js'

export class FakeClock implements Clock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return
    this.t += ms
    this.onSleep?.(this.t)
  }
  onSleep?: (t: number) => void
}

interface SimTaskSet {
  desired: number
  /** Start times of tasks asked for, in order; a task is running once its start time has passed. */
  starts: number[]
  primary: boolean
}

export interface WorldOptions {
  desired: number
  startMs?: number
  /** The new revision's tasks crash this long after starting (never running). */
  newCrashes?: boolean
  /** The new revision never becomes steady (e.g. fails health checks without stopping). */
  newNeverSteady?: boolean
  stable?: boolean
}

export class FakeWorld implements FleetPort {
  readonly clock = new FakeClock()
  desired: number
  startMs: number
  sets: { new?: SimTaskSet; stable?: SimTaskSet } = {}
  failed: FailedTask[] = []
  history: { at: number; healthy: number; total: number; counts: Counts }[] = []
  calls: string[] = []
  tags: Record<string, string> = {}

  constructor(private readonly options: WorldOptions) {
    this.desired = options.desired
    this.startMs = options.startMs ?? 5000
    if (options.stable !== false)
      this.sets.stable = { desired: options.desired, starts: Array(options.desired).fill(0), primary: true }
    this.clock.onSleep = () => this.tick()
  }

  private running(set: SimTaskSet | undefined, which: 'new' | 'stable'): number {
    if (!set) return 0
    if (which === 'new' && (this.options.newCrashes || this.options.newNeverSteady)) return 0
    return set.starts.filter(s => s <= this.clock.now()).length
  }

  /** Records capacity; crashing tasks are reported as failed as their start time passes. */
  tick(): void {
    const now = this.clock.now()
    if (this.options.newCrashes && this.sets.new) {
      for (const start of this.sets.new.starts.filter(s => s <= now)) {
        this.failed.push({
          taskArn: `task/${this.failed.length}`,
          reason: 'Essential container in task exited',
          at: start,
          exitCode: 1
        })
      }
      this.sets.new.starts = this.sets.new.starts.map(s => (s <= now ? now + this.startMs : s))
    }
    const healthy = this.running(this.sets.new, 'new') + this.running(this.sets.stable, 'stable')
    const counts = { new: this.sets.new?.desired ?? 0, stable: this.sets.stable?.desired ?? 0 }
    this.history.push({ at: now, healthy, total: counts.new + counts.stable, counts })
  }

  private state(which: 'new' | 'stable'): RevisionState | undefined {
    const set = this.sets[which]
    if (!set) return undefined
    const running = this.running(set, which)
    return {
      taskDefinition:
        which === 'new'
          ? 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2'
          : 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
      id: `ecs-svc/${which}`,
      desired: set.desired,
      running,
      pending: set.desired - running,
      steady: running === set.desired,
      primary: set.primary
    }
  }

  async observe(detail: boolean): Promise<FleetObservation> {
    this.calls.push(detail ? 'observe-detailed' : 'observe')
    return {
      desiredCount: this.desired,
      new: this.state('new'),
      stable: this.state('stable'),
      failedNewTasks: [...this.failed],
      tags: detail ? { ...this.tags } : undefined
    }
  }

  async ensureNew(): Promise<void> {
    this.calls.push('ensureNew')
    this.sets.new ??= { desired: 0, starts: [], primary: false }
  }

  async scale(target: Counts): Promise<void> {
    this.calls.push(`scale ${target.new}/${target.stable}`)
    for (const which of ['new', 'stable'] as const) {
      const set = this.sets[which]
      if (!set) continue
      const want = target[which]
      if (want < set.desired) set.starts = set.starts.slice(0, want)
      else set.starts.push(...Array(want - set.desired).fill(this.clock.now() + this.startMs))
      set.desired = want
    }
    this.tick()
  }

  async makePrimary(which: 'new' | 'stable'): Promise<void> {
    this.calls.push(`primary ${which}`)
    for (const w of ['new', 'stable'] as const) if (this.sets[w]) this.sets[w]!.primary = w === which
  }

  async remove(which: 'new' | 'stable'): Promise<void> {
    this.calls.push(`remove ${which}`)
    delete this.sets[which]
  }
}

/** Alarms whose state is a function of time. */
export class FakeGates implements GatesPort {
  reads = 0
  constructor(
    private readonly clock: FakeClock,
    public firing: Record<string, number> = {},
    public names: string[] = ['web-5xx'],
    public warningNames: string[] = []
  ) {}
  async missing(): Promise<string[]> {
    return []
  }
  private stateOf(name: string): AlarmState {
    const since = this.firing[name]
    const alarm = since !== undefined && this.clock.now() >= since
    return alarm
      ? {
          name,
          state: 'ALARM',
          reason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
          since
        }
      : { name, state: 'OK', reason: 'Threshold Crossed: no datapoints were breaching.', since: 0 }
  }
  async read(): Promise<{ alarms: AlarmState[]; warnings: AlarmState[] }> {
    this.reads++
    return {
      alarms: this.names.map(n => this.stateOf(n)),
      warnings: this.warningNames.map(n => this.stateOf(n))
    }
  }
}

export class FakeTraffic implements TrafficPort {
  weights: number[] = []
  current = 0
  /** The load balancer's health check of the new target group; absent, weight moves without one. */
  ready?: (expected: number) => Promise<boolean>
  constructor(readonly mode: 'replicas' | 'weights') {}
  async setWeight(percent: number): Promise<void> {
    this.weights.push(percent)
    this.current = percent
  }
  async weight(): Promise<number> {
    return this.current
  }
}

export class FakeRecords implements RecordPort {
  saved: RolloutRecord[] = []
  constructor(private readonly world?: FakeWorld) {}
  async save(record: RolloutRecord): Promise<void> {
    this.saved.push(record)
    if (this.world) this.world.tags = encodeRecord(record)
  }
  async load(): Promise<{ record?: RolloutRecord }> {
    this.loads++
    return { record: this.world ? decodeRecord(this.world.tags) : this.last }
  }
  loads = 0
  get last(): RolloutRecord | undefined {
    return this.saved[this.saved.length - 1]
  }
}

export class EventLog {
  events: RolloutEvent[] = []
  emit(e: RolloutEvent): void {
    this.events.push(e)
  }
  kinds(): string[] {
    return this.events.map(e => e.kind)
  }
}
