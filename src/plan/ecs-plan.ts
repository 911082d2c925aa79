// Plans for services with the ECS deployment controller. ECS itself carries the deployment out, so a plan says
// what ECS will do with the settings the action gives it:
// - rolling and all-at-once: one UpdateService; ECS replaces tasks within maximumPercent/minimumHealthyPercent
//   (from max-surge/max-unavailable) without waiting between batches: a single step, then the final bake.
// - linear, canary, blue-green: ECS's native strategies. The new revision starts at full size beside the old one
//   in the alternate target group, then production traffic moves by weights in ECS's steps. The action holds
//   ECS at each step with its pause hook (hold-hook.ts) and times every bake itself, to the second, the final
//   one (before the old revision is scaled in) included.

import { nativeName, nativeShape, type NativeShape } from '../config/native-shape.js'
import type { NativeStrategy, PlanConfig } from '../config/types.js'
import { capacityEnvelope, stepSpecs, TASK_START_ESTIMATE_MS } from './planner.js'
import type { Plan, PlanStep } from './types.js'

// Defined with the inputs they check (config/), and named here too, where the ECS plan uses them.
export { nativeName, nativeShape, type NativeShape, type NativeStrategy }

/** ECS's percentages for the capacity rules: ECS rounds maximumPercent's tasks down and minimumHealthyPercent's up. */
export function rollingPercents(
  config: PlanConfig,
  desired: number
): { maximumPercent: number; minimumHealthyPercent: number } {
  if (desired <= 0) return { maximumPercent: 200, minimumHealthyPercent: 100 }
  const { surge, unavailable } = capacityEnvelope(config, desired)
  const ceiling = Math.min(2 * desired, desired + surge)
  let max = Math.min(200, Math.ceil((100 * ceiling) / desired - 1e-9))
  while (max > 100 && Math.floor((desired * max) / 100 + 1e-9) > ceiling) max--
  const floor = desired - unavailable
  let min = Math.max(0, Math.floor((100 * floor) / desired + 1e-9))
  while (min < 100 && Math.ceil((desired * min) / 100 - 1e-9) < floor) min++
  return { maximumPercent: Math.max(100, max), minimumHealthyPercent: min }
}

/** The tasks ECS allows at most, and keeps healthy at least, for these percentages. */
export function ecsLimits(desired: number, p: { maximumPercent: number; minimumHealthyPercent: number }) {
  return {
    desired,
    minHealthy: Math.ceil((desired * p.minimumHealthyPercent) / 100 - 1e-9),
    maxTotal: Math.floor((desired * p.maximumPercent) / 100 + 1e-9)
  }
}

export function ecsControllerPlan(config: PlanConfig, desired: number): Plan {
  const shape = nativeShape(config.strategy)
  return shape ? nativePlan(config, desired, shape) : rollingPlan(config, desired)
}

function rollingPlan(config: PlanConfig, desired: number): Plan {
  const limits = ecsLimits(desired, rollingPercents(config, desired))
  const batch = Math.max(1, limits.maxTotal - limits.minHealthy)
  const label = config.strategy.name === 'all-at-once' ? 'all at once, by ECS' : 'rolling update by ECS'
  const steps: PlanStep[] = [
    { index: 1, label, new: desired, stable: 0, trafficPercent: 100, bakeMs: 0, pause: 'none' }
  ]
  return {
    strategy: config.strategy.name,
    traffic: 'replicas',
    stableScale: 'shrink',
    desiredCount: desired,
    limits,
    steps,
    finalBakeMs: config.bakeMs,
    peakExtraTasks: Math.max(0, limits.maxTotal - desired),
    estimatedMs: config.bakeMs + Math.ceil(desired / batch) * TASK_START_ESTIMATE_MS,
    hasManualPause: false,
    gating:
      'gates: read throughout, but ECS does not wait for them between batches (its pause hooks fire only before and after the whole scale-up): a failing gate rolls back; use linear or canary for a gate at every step'
  }
}

/**
 * ECS's native strategies step through the same shares as task-set rollouts (planner.ts stepSpecs), with the
 * new revision at full size beside the old one throughout, and the bakes asked for (the action times them).
 * linear 25 %, step bake 3m, desired 4 → 25 %, 50 %, 75 % (each baked 3m), 100 %; 4 new and 4 stable tasks
 * canary 10 %, canary bake 20s          → canary 10 % (baked 20s), 100 %
 * blue-green                            → green up on test traffic only, then switch 100 %
 * linear 25 %, partition 50 %           → 25 %, 50 % (then paused: a later run promotes), 75 %, 100 %
 * canary 10 %, partition 3 of 4 tasks   → canary 10 %, 100 % (then paused): the first step reaching 75 %
 * custom "10:5m, pause, 100"            → 10 % (baked 5m, then paused), 100 %: ECS's canary 10 %
 * custom "25, 50:1m, pause:30s, 75, 100" → 25 %, 50 % (baked 1m30s: a timed pause is a longer bake), 75 %, 100 %
 * A pause step holds ECS at the hook after the step before it: the action's, as a bake is.
 */
function nativePlan(config: PlanConfig, desired: number, shape: NativeShape): Plan {
  const pauseAt = partitionPercent(config, desired)
  const steps: PlanStep[] = []
  for (const spec of stepSpecs(config, desired)) {
    const last = steps.at(-1)
    // customShape refuses a pause before the first step.
    if (spec.kind === 'pause' && last) {
      if (spec.durationMs === undefined) last.pause = 'manual'
      else last.bakeMs += spec.durationMs
    } else if (spec.kind === 'shift')
      steps.push({
        index: steps.length + 1,
        label: spec.label,
        new: desired,
        stable: desired,
        trafficPercent: spec.percent,
        bakeMs: spec.bakeMs,
        pause: 'none',
        ...(spec.testTraffic ? { testTraffic: true } : {})
      })
  }
  // The first step that reaches the partition ends the run paused there, ECS waiting at the action's hook.
  const paused = pauseAt === undefined ? undefined : steps.find(s => s.trafficPercent >= pauseAt - 1e-9)
  if (paused) paused.pause = 'manual'
  const finalBakeMs = config.bakeMs
  const as =
    config.strategy.name === 'custom' ? ` (ECS runs these steps as its native ${described(shape)})` : ''
  return {
    strategy: config.strategy.name,
    traffic: 'weights',
    stableScale: 'keep',
    desiredCount: desired,
    limits: { desired, minHealthy: desired, maxTotal: 2 * desired },
    steps,
    finalBakeMs,
    peakExtraTasks: desired,
    // A manual step bakes before it pauses: its bake counts.
    estimatedMs: steps.reduce((sum, s) => sum + s.bakeMs, finalBakeMs) + TASK_START_ESTIMATE_MS,
    hasManualPause: steps.some(s => s.pause === 'manual'),
    gating: `gates: ECS waits at the action's pause hook before every step until they have held for its bake${as}`
  }
}

/** "linear deployment, 25 % a step", "canary deployment, 10 % first" */
export function described(shape: NativeShape): string {
  if (shape.name === 'linear') return `linear deployment, ${shape.stepPercent}% a step`
  if (shape.name === 'canary') return `canary deployment, ${shape.canaryPercent}% first`
  return 'blue/green deployment'
}

/** A native linear or canary rollout's partition as a share of traffic: a count is a share of the tasks. */
function partitionPercent(config: PlanConfig, desired: number): number | undefined {
  const s = config.strategy
  const partition = s.name === 'linear' || s.name === 'canary' ? s.partition : undefined
  if (!partition) return undefined
  return partition.kind === 'percent' ? partition.value : (100 * partition.value) / Math.max(1, desired)
}
