// The planner: pure functions from (strategy, capacity rules, desired count) to a Plan. The engine calls it
// again whenever a step starts, with the desired count of that moment, so percentages always apply to the
// service's actual size (scaling during a rollout is honoured, as update plans do).
//
// How the stable revision's capacity behaves:
// - traffic: replicas, stable-scale: shrink (the default with replicas) — stable gives up one task for each
//   new task; healthy capacity never drops below desired − max-unavailable and the fleet never exceeds
//   desired + max-surge (see moves.ts). Traffic follows task counts.
// - stable-scale: keep (the default with weights) — stable stays at full size until the new revision is
//   primary and baked, so a rollback needs no task to start; it costs up to twice the tasks.
// - traffic: weights — the load balancer splits traffic by weight; the new revision gets enough tasks for
//   its share (at least one) before weight moves to it.
// - blue-green — the new revision at full size beside the stable one (2 × desired), test traffic first,
//   then all production traffic at once.

import { resolveQuantity } from '../config/parse.js'
import type { PlanConfig, StrategyConfig } from '../config/types.js'
import { planMoves } from './moves.js'
import type { Counts, Limits, Plan, PlanStep } from './types.js'

/** What a scale-up is assumed to cost when estimating a plan's duration (Fargate tasks start in about a minute). */
export const TASK_START_ESTIMATE_MS = 60_000

/** A step before indexing: the share of the new revision and how long to watch it. */
interface Shift {
  kind: 'shift'
  label: string
  /** Share of the desired count given to the new revision, 0–100 (weights: also the traffic weight). */
  percent: number
  /** Exact task count of the new revision (rolling batches and partitions are counts, not shares). */
  newCount?: number
  bakeMs: number
  testTraffic?: boolean
}
interface Pause {
  kind: 'pause'
  durationMs?: number
}
export type StepSpec = Shift | Pause

export function buildPlan(config: PlanConfig, desiredCount: number): Plan {
  if (!Number.isInteger(desiredCount) || desiredCount < 0)
    throw new Error(`desired count must be a whole number of tasks, got ${desiredCount}`)
  const limits = capacityLimits(config, desiredCount)
  const specs = stepSpecs(config, desiredCount)
  const steps = resolveSteps(specs, config, desiredCount)

  let current: Counts = { new: 0, stable: desiredCount }
  let peak = desiredCount
  let moves = 0
  let estimatedMs = config.bakeMs
  for (const step of steps) {
    const path = planMoves(current, step, limits)
    for (const m of path) peak = Math.max(peak, m.new + m.stable)
    moves += path.filter((m, i) => m.new > (i === 0 ? current : path[i - 1]).new).length
    current = step
    estimatedMs += step.pause === 'manual' ? 0 : step.bakeMs
  }
  estimatedMs += moves * TASK_START_ESTIMATE_MS

  return {
    strategy: config.strategy.name,
    traffic: config.traffic,
    stableScale: config.stableScale,
    desiredCount,
    limits,
    steps,
    finalBakeMs: config.bakeMs,
    peakExtraTasks: peak - desiredCount,
    estimatedMs,
    hasManualPause: steps.some(s => s.pause === 'manual')
  }
}

/**
 * max-surge and max-unavailable as task counts at this desired count: the one envelope both controllers plan
 * within (task sets through capacityLimits, ECS through its percentages in ecs-plan.ts). Surge rounds up and
 * unavailable rounds down, as Kubernetes and ECS do, so a percentage never allows fewer extra tasks or more
 * missing ones than it says; no more tasks than there are can be unavailable.
 * Examples: desired 10, surge 25 %, unavailable 0     → surge 3, unavailable 0
 *           desired 6,  surge 2,    unavailable 50 %  → surge 2, unavailable 3
 *           desired 3,  surge 0,    unavailable 5     → surge 0, unavailable 3
 */
export function capacityEnvelope(
  config: PlanConfig,
  desired: number
): { surge: number; unavailable: number } {
  return {
    surge: resolveQuantity(config.maxSurge, desired, 'up'),
    unavailable: Math.min(desired, resolveQuantity(config.maxUnavailable, desired, 'down'))
  }
}

/**
 * The task-set controller's limits from the envelope.
 * Examples: desired 10, surge 25 %, unavailable 0 → floor 10, ceiling 13.
 *           desired 10, stable kept → ceiling 20 (both revisions at full size).
 */
export function capacityLimits(config: PlanConfig, desired: number): Limits {
  const { surge, unavailable } = capacityEnvelope(config, desired)
  const fullCopy =
    config.stableScale === 'keep' || ['blue-green', 'all-at-once'].includes(config.strategy.name)
  const maxTotal = fullCopy ? Math.max(2 * desired, desired + surge) : desired + surge
  // A 1-task service with no surge and no unavailability could never move; one extra task is the minimum.
  return {
    desired,
    minHealthy: desired - unavailable,
    maxTotal: Math.max(maxTotal, desired + (unavailable ? 0 : 1))
  }
}

/**
 * The strategy's steps as shares of the desired count.
 * rolling, desired 10, batch 3        → 3, 6, 9, 10 tasks
 * linear 10 %                         → 10 %, 20 %, … 100 %
 * linear 30 %                         → 30 %, 60 %, 90 %, 100 %
 * canary 10 %                         → 10 % (canary bake), 100 %
 * blue-green                          → 100 % on test traffic only, then 100 % of production
 * custom "10:5m, pause, 50:10m"       → 10 % (5 m), pause until promoted, 50 % (10 m), 100 %
 */
export function stepSpecs(config: PlanConfig, desired: number): StepSpec[] {
  const strategy = config.strategy
  switch (strategy.name) {
    case 'rolling':
      return rollingSpecs(strategy, defaultBatch(config, desired), desired)
    case 'linear': {
      const specs: StepSpec[] = []
      for (let k = 1; k * strategy.stepPercent < 100 - 1e-9; k++) {
        const percent = round(k * strategy.stepPercent)
        specs.push({ kind: 'shift', label: `${percent}%`, percent, bakeMs: strategy.stepBakeMs })
      }
      specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 })
      return specs
    }
    case 'canary':
      return [
        {
          kind: 'shift',
          label: `canary ${strategy.canaryPercent}%`,
          percent: strategy.canaryPercent,
          bakeMs: strategy.canaryBakeMs
        },
        { kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }
      ]
    case 'blue-green':
      return [
        {
          kind: 'shift',
          label: 'green up, test traffic',
          percent: 0,
          newCount: desired,
          bakeMs: 0,
          testTraffic: true
        },
        { kind: 'shift', label: 'switch 100%', percent: 100, bakeMs: 0 }
      ]
    case 'all-at-once':
      return [{ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }]
    case 'custom': {
      const specs: StepSpec[] = strategy.steps.map(s =>
        s.kind === 'pause'
          ? { kind: 'pause', durationMs: s.durationMs }
          : { kind: 'shift', label: `${s.percent}%`, percent: s.percent, bakeMs: s.bakeMs }
      )
      const last = [...specs].reverse().find(s => s.kind === 'shift')
      if (!last || last.percent < 100) specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 })
      return specs
    }
  }
}

/**
 * Rolling in batches (automatic batching), or up to a partition (manual batching: partition wins).
 * desired 10, batch 3               → 3, 6, 9, 10
 * desired 10, batch 10 (or more)    → 10: a batch at or above the desired count is a single batch
 * desired 10, no batch size, max-surge 25 %, max-unavailable 0 → batch 3 (surge + unavailable)
 * desired 10, partition 3           → 3, then pause until a promote run raises the partition
 * desired 10, partition 0           → 0: every updated task goes back to the stable revision
 */
function rollingSpecs(
  strategy: Extract<StrategyConfig, { name: 'rolling' }>,
  defaultBatchSize: number,
  desired: number
): StepSpec[] {
  if (strategy.partition) {
    const target = Math.min(desired, resolveQuantity(strategy.partition, desired, 'down'))
    const specs: StepSpec[] = [
      {
        kind: 'shift',
        label: `partition ${target}/${desired}`,
        percent: share(target, desired),
        newCount: target,
        bakeMs: 0
      }
    ]
    if (target < desired) specs.push({ kind: 'pause' })
    return specs
  }
  const batch = strategy.batchSize
    ? Math.max(1, resolveQuantity(strategy.batchSize, desired, 'up'))
    : defaultBatchSize
  const batches = Math.max(1, Math.ceil(desired / batch))
  const specs: StepSpec[] = []
  for (let k = 1; k <= batches; k++) {
    const newCount = Math.min(desired, k * batch)
    specs.push({
      kind: 'shift',
      label: batches === 1 ? 'single batch' : `batch ${k} of ${batches}`,
      percent: share(newCount, desired),
      newCount,
      bakeMs: k < batches ? strategy.batchIntervalMs : 0
    })
  }
  return specs
}

/** Without a batch size a batch is max-surge + max-unavailable: as much as one move may change. */
function defaultBatch(config: PlanConfig, desired: number): number {
  const { surge, unavailable } = capacityEnvelope(config, desired)
  return Math.max(1, surge + unavailable)
}

function resolveSteps(specs: StepSpec[], config: PlanConfig, desired: number): PlanStep[] {
  const steps: PlanStep[] = []
  let previous: PlanStep | undefined
  for (const spec of specs) {
    const index = steps.length + 1
    if (spec.kind === 'pause') {
      const base = previous ?? { new: 0, stable: desired, trafficPercent: 0 }
      previous = {
        index,
        label: spec.durationMs === undefined ? 'pause until promoted' : 'pause',
        new: base.new,
        stable: base.stable,
        trafficPercent: base.trafficPercent,
        bakeMs: spec.durationMs ?? 0,
        pause: spec.durationMs === undefined ? 'manual' : 'timed'
      }
    } else {
      previous = {
        index,
        label: spec.label,
        ...countsFor(spec, config, desired),
        bakeMs: spec.bakeMs,
        pause: 'none'
      }
      if (spec.testTraffic) previous.testTraffic = true
    }
    steps.push(previous)
  }
  return steps
}

/**
 * Task counts and traffic share for one step.
 * replicas, shrink, desired 10, 30 %  → new 3, stable 7, traffic 30 %
 * replicas, keep,   desired 10, 30 %  → new 3, stable 10, traffic 23 % (3 of 13 tasks)
 * replicas, any,    desired 10, 100 % → new 10, stable 0, traffic 100 %
 * weights,  keep,   desired 10, 5 %   → new 1 (at least one), stable 10, traffic 5 %
 * weights,  shrink, desired 10, 25 %  → new 3, stable 8 (enough for 75 %), traffic 25 %
 * blue-green test step, desired 10    → new 10, stable 10, traffic 0 %
 */
export function countsFor(
  spec: { percent: number; newCount?: number },
  config: PlanConfig,
  desired: number
): Counts & { trafficPercent: number } {
  const newCount = spec.newCount ?? (spec.percent > 0 ? Math.max(1, ceilShare(desired, spec.percent)) : 0)
  const capped = Math.min(desired, newCount)
  if (config.traffic === 'weights') {
    const stable =
      config.stableScale === 'keep' || config.strategy.name === 'blue-green'
        ? desired
        : spec.percent >= 100
          ? 0
          : Math.max(desired - capped, ceilShare(desired, 100 - spec.percent))
    return { new: capped, stable, trafficPercent: spec.percent }
  }
  // With replicas, traffic follows tasks: the new revision has all of it only once stable has none.
  const stable = spec.percent >= 100 ? 0 : config.stableScale === 'keep' ? desired : desired - capped
  const total = capped + stable
  return { new: capped, stable, trafficPercent: total === 0 ? 0 : round((100 * capped) / total) }
}

function ceilShare(desired: number, percent: number): number {
  return Math.ceil(Math.round(((desired * percent) / 100) * 1e9) / 1e9)
}

function share(count: number, desired: number): number {
  return desired === 0 ? 100 : round((100 * count) / desired)
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
