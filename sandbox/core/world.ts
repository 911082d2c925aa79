import type { AlarmRecord, HistoryRecord, Series } from '../cloudwatch/model.js'
import type { ClusterRecord, ServiceRecord, TaskDefinitionRecord, TaskRecord } from '../ecs/model.js'
import type { ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord } from '../elbv2/model.js'
import type { JournalTick } from './journalTick.js'
import { createRealism, REALISM_OFF, type RealismSettings, type RealismState } from './realism.js'
import { Rng } from './rng.js'

export interface Settings {
  tickMs: number
  /** Interval of target-group and container health checks, and the target deregistration delay. */
  healthCheckMs: number
  /** Requests per second each load-balanced service receives unless overridden. */
  requestRate: number
  /** How long metric datapoints are kept: CloudWatch's 3 hours for second-resolution data unless shortened. */
  metricRetentionMs: number
}

export interface CallRecord {
  service: 'ecs' | 'cloudwatch' | 'elbv2'
  operation: string
  at: number
  ok: boolean
  error?: string
  mutating: boolean
  region: string
  /** The call took effect but its connection was reset before the answer (realism). */
  connectionReset?: boolean
  /** DescribeServices and DescribeAlarms: how many services or alarm names the call asked for. */
  asked?: number
}

export interface Fault {
  id: number
  operation?: string
  service?: string
  error?: string
  rate?: number
  count?: number
  latencyMs?: number
}

/** Everything the sandbox knows. Reset replaces it wholesale. */
export interface World {
  now: () => number
  rng: Rng
  settings: Settings
  ecs: {
    clusters: Map<string, ClusterRecord>
    /** Keyed by `region/family`; index = revision - 1. */
    families: Map<string, TaskDefinitionRecord[]>
    services: Map<string, ServiceRecord>
    tasks: Map<string, TaskRecord>
  }
  elb: {
    loadBalancers: Map<string, LoadBalancerRecord>
    targetGroups: Map<string, TargetGroupRecord>
    listeners: Map<string, ListenerRecord>
    rules: Map<string, RuleRecord>
  }
  cw: {
    series: Map<string, Series>
    /** Keyed by alarm ARN. */
    alarms: Map<string, AlarmRecord>
    history: HistoryRecord[]
  }
  /** Per-service request rate overrides, keyed by service ARN. */
  trafficRates: Map<string, number>
  /** Keyed by service ARN. */
  journal: Map<string, JournalTick[]>
  calls: CallRecord[]
  faults: Fault[]
  nextFaultId: number
  allow: string[] | null
  nextIp: number
  /** When the simulation last stepped; traffic covers the time since. */
  lastTickAt?: number
  /** Lag, shared throttling, 5xx bursts, resets and clock skew (sandbox/core/realism.ts); off by default. */
  realism: RealismState
}

export function createWorld(
  settings: Settings,
  seed: number,
  allow: string[] | null,
  clock = () => Date.now(),
  realism: RealismSettings = REALISM_OFF
): World {
  const world: World = {
    // AWS's clock: the runner's, off by the skew realism sets.
    now: () => clock() + world.realism.settings.skewMs,
    rng: new Rng(seed),
    settings,
    ecs: { clusters: new Map(), families: new Map(), services: new Map(), tasks: new Map() },
    elb: { loadBalancers: new Map(), targetGroups: new Map(), listeners: new Map(), rules: new Map() },
    cw: { series: new Map(), alarms: new Map(), history: [] },
    trafficRates: new Map(),
    journal: new Map(),
    calls: [],
    faults: [],
    nextFaultId: 1,
    allow,
    nextIp: 10,
    realism: createRealism(realism, seed)
  }
  return world
}

/** What every API handler gets: the world, the caller's region and the request time. */
export interface Ctx {
  world: World
  region: string
  now: number
}
