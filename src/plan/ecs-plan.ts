// Plans for services with the ECS deployment controller. ECS itself carries the deployment out, so a plan says
// what ECS will do with the settings the action gives it:
// - rolling and all-at-once: one UpdateService; ECS replaces tasks within maximumPercent/minimumHealthyPercent
//   (from max-surge/max-unavailable) without waiting between batches: a single step, then the final bake.
// - linear, canary, blue-green: ECS's native strategies. The new revision starts at full size beside the old one
//   in the alternate target group, then production traffic moves by weights in ECS's steps, each baked; the
//   final bake is ECS's bakeTimeInMinutes, before the old revision is scaled in.

import { bakeMinutes, resolveQuantity } from '../config/parse.js'
import { isNativeStrategy, type NativeStrategy, type PlanConfig } from '../config/types.js'
import { TASK_START_ESTIMATE_MS } from './planner.js'
import type { Plan, PlanStep } from './types.js'

// Defined with the inputs they check (config/), and named here too, where the ECS plan uses them.
export { bakeMinutes, isNativeStrategy, type NativeStrategy }

/** ECS's percentages for the capacity rules: ECS rounds maximumPercent's tasks down and minimumHealthyPercent's up. */
export function rollingPercents(
  config: PlanConfig,
  desired: number
): { maximumPercent: number; minimumHealthyPercent: number } {
  if (desired <= 0) return { maximumPercent: 200, minimumHealthyPercent: 100 }
  const surge = resolveQuantity(config.maxSurge, desired, 'up')
  const unavailable = Math.min(desired, resolveQuantity(config.maxUnavailable, desired, 'down'))
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
  const name = config.strategy.name
  return isNativeStrategy(name) ? nativePlan(config, desired, name) : rollingPlan(config, desired)
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
    hasManualPause: false
  }
}

function nativePlan(config: PlanConfig, desired: number, name: NativeStrategy): Plan {
  const baked = (ms: number): number => bakeMinutes(ms) * 60_000
  const step = (label: string, trafficPercent: number, bakeMs = 0): Omit<PlanStep, 'index'> => ({
    label,
    new: desired,
    stable: desired,
    trafficPercent,
    bakeMs,
    pause: 'none'
  })
  const specs: Omit<PlanStep, 'index'>[] = []
  const strategy = config.strategy
  if (strategy.name === 'linear') {
    for (let k = 1; k * strategy.stepPercent < 100 - 1e-9; k++) {
      const percent = Math.round(k * strategy.stepPercent * 100) / 100
      specs.push(step(`${percent}%`, percent, baked(strategy.stepBakeMs)))
    }
    specs.push(step('100%', 100))
  } else if (strategy.name === 'canary') {
    specs.push(
      step(`canary ${strategy.canaryPercent}%`, strategy.canaryPercent, baked(strategy.canaryBakeMs))
    )
    specs.push(step('100%', 100))
  } else {
    specs.push({ ...step('green up, test traffic', 0), testTraffic: true })
    specs.push(step('switch 100%', 100))
  }
  const steps = specs.map((s, i) => ({ ...s, index: i + 1 }))
  const finalBakeMs = baked(config.bakeMs)
  return {
    strategy: name,
    traffic: 'weights',
    stableScale: 'keep',
    desiredCount: desired,
    limits: { desired, minHealthy: desired, maxTotal: 2 * desired },
    steps,
    finalBakeMs,
    peakExtraTasks: desired,
    estimatedMs: steps.reduce((sum, s) => sum + s.bakeMs, finalBakeMs) + TASK_START_ESTIMATE_MS,
    hasManualPause: false
  }
}
