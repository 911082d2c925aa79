// The validated, typed configuration that every other module works from. Raw inputs never travel further
// than config/inputs.ts: everything here has been parsed, range-checked and checked for conflicts.

import type { Command } from './commands.js'
import type { WindowConfig } from './deploy-window-inputs.js'
import type { MetricGatesConfig } from './metric-inputs.js'
import type { Quantity } from './parse.js'
import type { WaveConfig } from './wave-inputs.js'

export { COMMANDS, type Command } from './commands.js'
export type { Quantity } from './parse.js'

export const STRATEGIES = ['rolling', 'linear', 'canary', 'blue-green', 'all-at-once', 'custom'] as const
export type StrategyName = (typeof STRATEGIES)[number]

/** ECS's own deployment strategies, as an ECS-controller service runs them (config/native-shape.ts). */
export type NativeStrategy = 'linear' | 'canary' | 'blue-green'

export const TRAFFIC_MODES = ['replicas', 'weights'] as const
export type TrafficMode = (typeof TRAFFIC_MODES)[number]

export const STABLE_SCALES = ['keep', 'shrink'] as const
export type StableScale = (typeof STABLE_SCALES)[number]

export const ON_FAILURE = ['rollback', 'pause'] as const
export type OnFailure = (typeof ON_FAILURE)[number]

export const ON_ALARM_AT_START = ['fail', 'ignore', 'wait'] as const
export type OnAlarmAtStart = (typeof ON_ALARM_AT_START)[number]

export const ON_ORPHAN = ['resume', 'rollback'] as const
export type OnOrphan = (typeof ON_ORPHAN)[number]

/** One item of `steps:` — a traffic/capacity share with an optional bake, or a pause. */
export type CustomStep =
  { kind: 'step'; percent: number; bakeMs: number } | { kind: 'pause'; durationMs?: number }

export type StrategyConfig =
  | { name: 'rolling'; batchSize?: Quantity; batchIntervalMs: number; partition?: Quantity }
  // partition: ECS-controller services only (the step reaching that share ends the run paused).
  | { name: 'linear'; stepPercent: number; stepBakeMs: number; partition?: Quantity }
  | { name: 'canary'; canaryPercent: number; canaryBakeMs: number; partition?: Quantity }
  | { name: 'blue-green' }
  | { name: 'all-at-once' }
  | { name: 'custom'; steps: CustomStep[] }

/** Everything the planner needs: the strategy and the capacity rules. */
export interface PlanConfig {
  strategy: StrategyConfig
  traffic: TrafficMode
  stableScale: StableScale
  maxSurge: Quantity
  maxUnavailable: Quantity
  bakeMs: number
}

export interface Hooks {
  preTraffic?: string
  postStep?: string
  postDeploy?: string
  onRollback?: string
  retryIntervalMs: number
}

export interface Config {
  command: Command
  cluster: string
  service: string
  taskDefinition?: string
  containerImages: Record<string, string>
  desiredCount?: number
  plan: PlanConfig
  alarms: string[]
  warningAlarms: string[]
  /** The built-in metric checks and the custom metric gates. */
  metricGates: MetricGatesConfig
  pollIntervalMs: number
  onFailure: OnFailure
  onAlarmAtStart: OnAlarmAtStart
  maxFailedTasks?: number
  stepTimeoutMs: number
  timeoutMs: number
  listenerArn?: string
  listenerRuleArn?: string
  targetGroups: string[]
  testListenerArn?: string
  hooks: Hooks
  promoteFull: boolean
  to?: string
  toCompare?: string
  takeover: boolean
  takeoverAfterMs: number
  onCancel: OnFailure
  onOrphan: OnOrphan
  environment?: string
  githubToken?: string
  url?: string
  previewName: string
  previewHost?: string
  previewDesiredCount: number
  /** preview and preview-destroy: the pull request, when the event does not name one. */
  pullRequest?: number
  allowFork: boolean
  showEnvValues: boolean
  /** deploy-window, freeze, on-outside-window: when deploy and promote may make their first change. */
  window: WindowConfig
  /** services and their waves; `services` empty when the run acts on `service` alone. */
  waves: WaveConfig
  /** Whether an input was given explicitly (as opposed to taking its default). */
  given: ReadonlySet<string>
  /** Inputs given that this run does not use, each a message saying so and what the input is for. */
  warnings: readonly string[]
}
