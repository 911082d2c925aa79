// A rollout's plan changed mid-flight: what a later run (resume, promote) carries the rollout on with when it
// gives step inputs, for both controllers. Task sets take every change: the action moves every task itself.
// On an ECS-controller service ECS carries the deployment out with the deploymentConfiguration it started with,
// so only what the action times itself can change there (bakes, pause steps, partition, bake-time; the gates,
// alarms, max-failed-tasks and metric gates are every run's own inputs anyway); what ECS holds for the running
// deployment (its strategy and step shares, its capacity percentages) cannot, and is named to be refused. Pure.

import { customShares } from '../config/native-shape.js'
import type { Config, PlanConfig, Quantity, StrategyConfig } from '../config/types.js'
import { pausesOnPurpose } from '../plan/hold-hook.js'
import { encodePlan, type RolloutRecord } from '../record/record.js'

/** Inputs that describe the strategy: given to a resume or promote, they replace the rollout's strategy. */
export const STRATEGY_INPUTS = [
  'strategy',
  'batch-size',
  'batch-interval',
  'partition',
  'step-percent',
  'step-bake-time',
  'canary-percent',
  'canary-bake-time',
  'steps'
]
/** Inputs that change the steps' task counts (and so where the rollout stands in the plan). */
export const STEP_INPUTS = [...STRATEGY_INPUTS, 'max-surge', 'max-unavailable', 'stable-scale']

/** A given input whose value the running ECS deployment holds: the value in flight and the value asked. */
export interface FixedInput {
  input: string
  inFlight: string
  asked: string
}

export interface PlanChange {
  /** The plan to carry on with. */
  plan: PlanConfig
  /** Whether it differs from the rollout's. */
  changed: boolean
  /** ECS controller: inputs asking for what ECS holds for its running deployment (the run is refused). */
  fixed: FixedInput[]
  /** ECS controller: what the person should know about the change (a pause added after the hook was set). */
  notes: string[]
}

export function stepsChanged(config: Pick<Config, 'given'>): boolean {
  return STEP_INPUTS.some(i => config.given.has(i))
}

/**
 * The plan to continue with: the record's, with whatever this run's step inputs say instead. A strategy input
 * replaces the strategy; capacity inputs and bake-time replace theirs; the traffic mode stays. On an
 * ECS-controller service, what ECS holds stays the record's, and each given input asking otherwise is `fixed`.
 * Worked examples (in flight: linear 25 %, step bake 1m, max-surge 25 %):
 *   task sets, step-percent 50                      → linear 50 %, step bake 1m (the default): changed
 *   ECS, strategy linear, step-bake-time 5s         → linear 25 %, step bake 5s: changed, nothing fixed
 *   ECS, strategy linear, step-percent 25           → unchanged (the value in flight)
 *   ECS, strategy linear, step-percent 20           → fixed: step-percent 25% in flight, 20% asked
 *   ECS, strategy canary                            → fixed: strategy linear in flight, canary asked
 *   ECS, partition 50% (no strategy)                → linear 25 %, step bake 1m, partition 50 %: changed
 *   ECS, max-surge 50%                              → fixed: max-surge 25% in flight, 50% asked
 *   ECS, custom "10, pause, 100" in flight, steps "10:1m, 100" → the pause gone, 1m bake: changed
 *   ECS, custom "10, pause, 100" in flight, steps "20, 100"    → fixed: steps 10%, 100% in flight, 20%, 100% asked
 */
export function changePlan(
  config: Pick<Config, 'given' | 'plan'>,
  record: Pick<RolloutRecord, 'plan'>,
  controller: string
): PlanChange {
  const given = (input: string): boolean => config.given.has(input)
  const was = record.plan
  const ecs = controller === 'ECS'
  const asked: PlanConfig = {
    ...was,
    strategy: !STRATEGY_INPUTS.some(given)
      ? was.strategy
      : ecs && !given('strategy')
        ? partitioned(was.strategy, config)
        : config.plan.strategy,
    maxSurge: given('max-surge') ? config.plan.maxSurge : was.maxSurge,
    maxUnavailable: given('max-unavailable') ? config.plan.maxUnavailable : was.maxUnavailable,
    stableScale: given('stable-scale') ? config.plan.stableScale : was.stableScale,
    bakeMs: given('bake-time') ? config.plan.bakeMs : was.bakeMs
  }
  if (!ecs) return { plan: asked, changed: stepsChanged(config), fixed: [], notes: [] }
  const fixed = ECS_HOLDS.flatMap(({ input, of }) => {
    const [inFlight, now] = [of(was), of(asked)]
    return given(input) && inFlight !== now
      ? [{ input, inFlight: inFlight ?? 'none', asked: now ?? 'none' }]
      : []
  })
  // What ECS holds stays the record's: a share left to its default by a strategy input given without it, say.
  const plan: PlanConfig = {
    ...asked,
    maxSurge: was.maxSurge,
    maxUnavailable: was.maxUnavailable,
    stableScale: was.stableScale,
    strategy: keepShares(asked.strategy, was.strategy)
  }
  const changed = encodePlan(plan) !== encodePlan(was)
  const notes =
    changed && pausesOnPurpose(plan) && !pausesOnPurpose(was)
      ? [
          "this plan now pauses at a step, and the action's pause hook on ECS's deployment keeps the timeout it was given when the deployment started (the run's timeout, or takeover-after plus a minute): ECS ends a hold nobody answers after that, with the hook's action (on-orphan). A plan that pauses from the start gets 14 days"
        ]
      : []
  return { plan, changed, fixed, notes }
}

/** What ECS holds for a running deployment, by the input that sets it, as a person would write the value. */
const ECS_HOLDS: { input: string; of(plan: PlanConfig): string | undefined }[] = [
  { input: 'strategy', of: p => p.strategy.name },
  {
    input: 'step-percent',
    of: p => (p.strategy.name === 'linear' ? `${p.strategy.stepPercent}%` : undefined)
  },
  {
    input: 'canary-percent',
    of: p => (p.strategy.name === 'canary' ? `${p.strategy.canaryPercent}%` : undefined)
  },
  {
    input: 'steps',
    of: p =>
      p.strategy.name === 'custom'
        ? customShares(p.strategy.steps)
            .map(s => `${s}%`)
            .join(', ')
        : undefined
  },
  { input: 'max-surge', of: p => quantity(p.maxSurge) },
  { input: 'max-unavailable', of: p => quantity(p.maxUnavailable) },
  { input: 'stable-scale', of: p => p.stableScale }
]

/**
 * ECS, step inputs without strategy: a partition applies to the strategy in flight (a linear or canary
 * rollout's); the others belong to no strategy but rolling, which ECS-controller rollouts do not step through.
 */
function partitioned(was: StrategyConfig, config: Pick<Config, 'given' | 'plan'>): StrategyConfig {
  const asked = config.plan.strategy
  const partition = 'partition' in asked ? asked.partition : undefined
  return (was.name === 'linear' || was.name === 'canary') && config.given.has('partition') && partition
    ? { ...was, partition }
    : was
}

/** The asked strategy with the shares ECS holds kept from the one in flight (bakes and pauses are the asked). */
function keepShares(asked: StrategyConfig, was: StrategyConfig): StrategyConfig {
  if (asked.name === 'linear' && was.name === 'linear') return { ...asked, stepPercent: was.stepPercent }
  if (asked.name === 'canary' && was.name === 'canary') return { ...asked, canaryPercent: was.canaryPercent }
  if (asked.name === 'custom' && was.name === 'custom')
    return customShares(asked.steps).join() === customShares(was.steps).join() ? asked : was
  return asked.name === was.name ? asked : was
}

function quantity(q: Quantity): string {
  return q.kind === 'percent' ? `${q.value}%` : String(q.value)
}

/** The one wording of a refused change: the input, the value in flight and asked, and what to do. */
export function fixedInputError(
  fixed: FixedInput,
  how: { command: string; service: string; id: string }
): { input: string; message: string } {
  return {
    input: fixed.input,
    message: `${fixed.asked} asks to change what ECS holds for rollout ${how.id} on ${how.service}: its deployment runs with ${fixed.input} ${fixed.inFlight} (the deploymentConfiguration it started with), which ECS cannot change mid-flight, so this ${how.command} changed nothing. A resume or promote may change what the action times itself (step-bake-time, canary-bake-time, bake-time, pause steps, partition, alarms, max-failed-tasks, metric gates); to change ${fixed.input}, abort the rollout and deploy again with ${fixed.input}: ${fixed.asked}`
  }
}
