import type { StableScale, StrategyName, TrafficMode } from '../config/types.js'

/** Task counts of the two revisions at one moment. */
export interface Counts {
  /** Tasks of the revision being rolled out. */
  new: number
  /** Tasks of the revision serving today. */
  stable: number
}

export interface PlanStep extends Counts {
  /** 1-based position in the plan. */
  index: number
  /** What a person calls this step: "canary", "batch 2 of 4", "30%", "pause". */
  label: string
  /** Share of production traffic on the new revision, 0–100. */
  trafficPercent: number
  /** Time to watch the gates once the step's counts are reached and stable. */
  bakeMs: number
  /** 'manual' waits for a promote run; 'timed' waits bakeMs; 'none' moves on after the bake. */
  pause: 'none' | 'timed' | 'manual'
  /** Blue/green's first step: the new revision is reachable only through the test listener. */
  testTraffic?: boolean
}

/** The capacity envelope every move between steps must stay within. */
export interface Limits {
  desired: number
  /** Healthy tasks (both revisions) never fall below this: desired − max-unavailable. */
  minHealthy: number
  /** Tasks (both revisions) never exceed this: desired + max-surge, or 2 × desired when stable is kept. */
  maxTotal: number
}

export interface Plan {
  strategy: StrategyName
  traffic: TrafficMode
  stableScale: StableScale
  desiredCount: number
  limits: Limits
  steps: PlanStep[]
  /** Watch after the new revision is primary, with the old task set still there for an instant rollback. */
  finalBakeMs: number
  /** Most tasks above the desired count at any moment, over every move of the plan. */
  peakExtraTasks: number
  /** Bakes and timed pauses plus an allowance for task start-up per move; manual pauses excluded. */
  estimatedMs: number
  /** Whether the plan stops for a person at some step. */
  hasManualPause: boolean
  /** ECS-controller plans: how far the action's gates hold ECS's deployment, said in the plan and the summary. */
  gating?: string
}
