// What happened during a run, in order. The job summary and the log are rendered from these events alone,
// so a summary can always be rebuilt from the rollout's history.

import type { Counts, Plan } from '../plan/types.js'
import type { Status } from '../constants.js'
import type { MetricReading, MetricsEvent } from './metric-readings.js'

export type { MetricReading, MetricsEvent, MetricVerdict, Judgement } from './metric-readings.js'
import type { AlarmState, FailedTask } from './ports.js'

/** Why a rollout stopped going forward, with what a person needs to see. */
export type FailureReason =
  | { kind: 'alarm'; alarm: AlarmState }
  | { kind: 'tasks'; tasks: FailedTask[]; threshold: number }
  | { kind: 'timeout'; scope: 'step' | 'run'; limitMs: number; step?: number }
  | { kind: 'hook'; hook: string; exitCode: number | null; output: string[] }
  | { kind: 'cancelled'; signal: string }
  | { kind: 'api'; message: string }
  | { kind: 'requested'; by: string; command: 'abort' | 'rollback' }
  | { kind: 'orphan'; owner: string }
  /**
   * A metric gate failed, or (paused) was inconclusive, or the new revision served too few requests within
   * step-timeout: the reading names the metric, the new revision's value and the stable's.
   */
  | { kind: 'metric'; reading: MetricReading }
  /** Another run took the rollout over (takeover: true after takeover-after without a heartbeat). */
  | { kind: 'taken-over'; by: string }
  /**
   * ECS stopped or rolled back the deployment itself: its deployment circuit breaker, its deployment alarms, or a
   * StopServiceDeployment someone else sent. `reason` is ECS's own (rolloutStateReason or statusReason).
   */
  | {
      kind: 'ecs'
      cause: 'circuit-breaker' | 'alarms' | 'stopped' | 'failed'
      reason: string
      /** ECS's deployment alarms that fired. */
      alarms?: string[]
      /** The new revision's stopped tasks, as far as they were found. */
      tasks: FailedTask[]
      /** Whether ECS rolled the service back itself (otherwise the action did). */
      rolledBack: boolean
    }

/** Why a rollout paused: the plan, a control run, a gate under on-failure: pause, or an inconclusive metric. */
export type PauseWhy = 'manual-step' | 'requested' | 'on-failure' | 'inconclusive'

export interface RevisionInfo {
  arn: string
  /** "web:42" */
  label: string
}

export type RolloutEvent =
  | {
      kind: 'start'
      at: number
      rolloutId: string
      cluster: string
      service: string
      region: string
      from?: RevisionInfo
      to: RevisionInfo
      plan: Plan
      /** The step to start from (a resumed rollout continues where it was). */
      fromStep: number
      /** The alarms watched, so the summary can name and link them even when none fires. */
      gates?: {
        alarms: string[]
        warningAlarms: string[]
        /** What the metric gates judge on this service, and what they cannot (one target group for both). */
        metrics?: string[]
      }
      /** ECS: the service's ECS deployment controller carries the deployment out (task sets when absent). */
      controller?: 'ECS'
    }
  | { kind: 'step-start'; at: number; step: number; label: string; target: Counts; trafficPercent: number }
  /** Counts asked for (task sets), or, with `by: 'ecs'`, what ECS runs now while it carries out a deployment. */
  | { kind: 'move'; at: number; step: number; counts: Counts; by?: 'ecs' }
  | { kind: 'traffic'; at: number; percent: number }
  | { kind: 'bake-start'; at: number; step: number; ms: number }
  | { kind: 'step-done'; at: number; step: number }
  | { kind: 'warning'; at: number; message: string; alarm?: AlarmState }
  | {
      kind: 'paused'
      at: number
      step: number
      why: PauseWhy
      reason?: FailureReason
    }
  | { kind: 'promoted'; at: number }
  | { kind: 'final-bake'; at: number; ms: number }
  | { kind: 'rollback-start'; at: number; reason: FailureReason; from: Counts; trafficPercent: number }
  | { kind: 'traffic-restored'; at: number; mutatingCalls: number }
  | { kind: 'rollback-done'; at: number }
  | { kind: 'hook'; at: number; hook: string; exitCode: number | null; output: string[] }
  /** An ECS service event written during the rollout (ECS-controller services), at ECS's own time. */
  | { kind: 'service-event'; at: number; id: string; message: string }
  | { kind: 'end'; at: number; status: Status; reason?: string; trafficPercent: number }
  /**
   * One poll's metric readings (metric gates), in the shape the summary's pictures read (metric-readings.ts);
   * `kind` beside its `type` keeps it in the union every reader switches on.
   */
  | (MetricsEvent & { kind: 'metrics' })

export interface EventSink {
  emit(event: RolloutEvent): void
}
