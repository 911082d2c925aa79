// Which of ECS's native strategies runs a plan on an ECS-controller service. ECS moves traffic in its own steps:
// linear (steps of one size, then the rest), canary (one step, then the rest) or blue/green; the action holds ECS
// at every step with its pause hook and times each bake itself (plan/hold-hook.ts), so bakes and pauses are the
// action's to choose, and only the traffic shares must be ECS's. A custom plan whose shares are those of a linear
// or canary deployment runs as that deployment, its pause steps held at the hook; any other is refused before
// anything changes. Pure; the config checks (controller-inputs.ts) and the ECS plan (plan/ecs-plan.ts) use it.

import type { CustomStep, NativeStrategy, StrategyConfig } from './types.js'

/** ECS's native strategy and its share: what deploymentConfiguration says of the steps. */
export type NativeShape =
  { name: 'linear'; stepPercent: number } | { name: 'canary'; canaryPercent: number } | { name: 'blue-green' }

/** ECS's bounds (DeploymentConfiguration linearConfiguration.stepPercent, canaryConfiguration.canaryPercent). */
export const LINEAR_STEP = { min: 3, max: 100 } as const
export const CANARY_SHARE = { min: 0.1, max: 100 } as const

/** The native deployment a strategy runs as on an ECS-controller service, if any. */
export function nativeShape(strategy: StrategyConfig): NativeShape | undefined {
  switch (strategy.name) {
    case 'linear':
      return { name: 'linear', stepPercent: strategy.stepPercent }
    case 'canary':
      return { name: 'canary', canaryPercent: strategy.canaryPercent }
    case 'blue-green':
      return { name: 'blue-green' }
    case 'custom': {
      const shaped = customShape(strategy.steps)
      return 'shape' in shaped ? shaped.shape : undefined
    }
    default:
      return undefined
  }
}

/** The native strategy's name a strategy runs as (linear, canary, blue-green), if any. */
export function nativeName(strategy: StrategyConfig): NativeStrategy | undefined {
  return nativeShape(strategy)?.name
}

/** A custom plan's traffic shares: its PERCENT steps, and 100 % when the last is below it (as the planner adds). */
export function customShares(steps: readonly CustomStep[]): number[] {
  const shares = steps.flatMap(s => (s.kind === 'step' ? [s.percent] : []))
  return shares.length > 0 && shares[shares.length - 1] >= 100 ? shares : [...shares, 100]
}

/**
 * A custom plan as ECS's native deployment, or why ECS cannot run it. Bakes (`10:5m`) and pauses (`pause`,
 * `pause:30m`) are the action's, held at the hook; the shares must be ECS's.
 * "10:5m, pause, 100"          → canary 10 %, a manual pause after the canary
 * "50, 100"                    → canary 50 % (two steps: canary, which takes any tenth of a percent)
 * "25, 50, pause, 75, 100"     → linear 25 %, a manual pause at 50 %
 * "25, 50, 75"                 → linear 25 % (the 100 % step is added, as for task sets)
 * "100"                        → linear 100 %: one step
 * "10, 30, 100"                → refused: uneven
 * "1, 2, 3, … 100"             → refused: ECS's linear steps are 3 % at least
 * "pause, 10, 100"             → refused: ECS's first step moves traffic as soon as the new revision runs
 */
export function customShape(steps: readonly CustomStep[]): { shape: NativeShape } | { refused: string } {
  if (steps[0]?.kind === 'pause')
    return {
      refused:
        "it pauses before its first step (ECS's native deployment moves the first step's traffic once the new revision runs: pause after the first step)"
    }
  const shares = customShares(steps)
  const [first] = shares
  if (shares.length === 2 && tenths(first)) return { shape: { name: 'canary', canaryPercent: first } }
  if (sameShares(shares, linearShares(first)) && first >= LINEAR_STEP.min && tenths(first))
    return { shape: { name: 'linear', stepPercent: first } }
  const list = shares.map(s => `${s}%`).join(', ')
  const equal = sameShares(shares, linearShares(first))
  return {
    refused: equal
      ? `its steps of ${first}% are not a step ECS's native linear deployments take (${LINEAR_STEP.min} to ${LINEAR_STEP.max}, in steps of 0.1)`
      : `its shares (${list}) are uneven`
  }
}

/** ECS's linear shares for a step: k × step while below 100, then 100 (rounded as the planner rounds). */
export function linearShares(step: number): number[] {
  const shares: number[] = []
  for (let k = 1; step > 0 && k * step < 100 - 1e-9; k++) shares.push(Math.round(k * step * 100) / 100)
  return [...shares, 100]
}

function sameShares(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-9)
}

/** ECS takes shares in tenths of a percent. */
export function tenths(percent: number): boolean {
  return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9
}
