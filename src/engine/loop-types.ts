// The engine loop's contract with the controllers and the commands: what it needs, how it is set, what it returns.

import type { OnFailure, PlanConfig } from '../config/types.js'
import type { Status } from '../constants.js'
import type { RecordPort } from '../record/record.js'
import type { EventSink, FailureReason } from './events.js'
import type { Hooks } from './hooks.js'
import type { MetricGateJudge } from './metric-gates.js'
import type { Clock, GatesPort } from './ports.js'

/** How often, at most, a quick look (no gates: they stay at poll-interval) is taken while ECS has a change due. */
export const QUICK_POLL_MS = 1000
/** The first quick look after a change; later ones back off (200, 400, 800 ms …) up to QUICK_POLL_MS. */
export const FIRST_QUICK_POLL_MS = 200
/** The oldest a read of the new target group's health may be when weight moves onto it. */
export const HEALTH_READ_MS = 500

export interface LoopDeps {
  gates: GatesPort
  records: RecordPort
  events: EventSink
  clock: Clock
  hooks?: Hooks
  /** The metric gates' judge; their series ride along on the gates' read (GatesPort.read with a window). */
  metrics?: MetricGateJudge
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  cancel?: AbortSignal
}

export interface EngineSettings {
  plan: PlanConfig
  pollIntervalMs: number
  stepTimeoutMs: number
  timeoutMs: number
  maxFailedTasks?: number
  onFailure: OnFailure
  onCancel: OnFailure
}

export interface EngineResult {
  status: Status
  /** Why the rollout did not succeed; a paused result with a reason means a gate failed (on-failure: pause). */
  reason?: FailureReason
  trafficPercent: number
  step: number
}

/** A controller's turn ends the run, or says how long to wait before the next look. */
export type Turn = EngineResult | { sleepMs: number }
