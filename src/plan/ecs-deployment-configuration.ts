// What UpdateService is told besides the task definition, for a service with the ECS deployment controller: the
// strategy put into ECS's own settings (deploymentConfiguration). Pure; deploy-ecs.ts sends it.

import { bakeMinutes } from '../config/parse.js'
import type { PlanConfig } from '../config/types.js'
import { rollingPercents } from './ecs-plan.js'

export type EcsStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY'

/** The part of ECS's DeploymentConfiguration the action sets (the SDK's type accepts it as it is). */
export interface EcsDeploymentConfiguration {
  strategy?: EcsStrategy
  maximumPercent?: number
  minimumHealthyPercent?: number
  bakeTimeInMinutes?: number
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number }
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number }
}

/** What of the service the mapping reads: its size, and the strategy it is set to today. */
export interface EcsServiceSettings {
  desiredCount?: number
  deploymentConfiguration?: { strategy?: string }
}

/**
 * The strategy as ECS settings.
 * rolling, desired 6, max-surge 25 %, max-unavailable 0 → maximumPercent 134, minimumHealthyPercent 100
 *   (ECS rounds 6 × 134 % down to 8 tasks: 2 extra, as 25 % of 6 rounded up allows)
 * rolling on a service set to CANARY today             → the same, with strategy ROLLING to set it back
 * linear 25 %, step bake 3m, bake-time 10m             → LINEAR, stepPercent 25, stepBakeTimeInMinutes 3,
 *                                                         bakeTimeInMinutes 10
 * canary 2.5 %, canary bake 3s, bake-time 5m           → CANARY, canaryPercent 2.5, canaryBakeTimeInMinutes
 *                                                         0.05 (3 s rounded up to 0.01 minute), bakeTimeInMinutes 5
 * blue-green, bake-time 2m                             → BLUE_GREEN, bakeTimeInMinutes 2
 */
export function deploymentConfigurationFor(
  config: { plan: PlanConfig },
  service: EcsServiceSettings
): EcsDeploymentConfiguration {
  const strategy = config.plan.strategy
  // ECS's native strategies: the strategy, its own settings, and the final bake.
  const native = (name: EcsStrategy) => ({
    strategy: name,
    bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs)
  })
  switch (strategy.name) {
    case 'linear': {
      const { stepPercent, stepBakeMs } = strategy
      const linearConfiguration = { stepPercent, stepBakeTimeInMinutes: bakeMinutes(stepBakeMs) }
      return { ...native('LINEAR'), linearConfiguration }
    }
    case 'canary': {
      const { canaryPercent, canaryBakeMs } = strategy
      const canaryConfiguration = { canaryPercent, canaryBakeTimeInMinutes: bakeMinutes(canaryBakeMs) }
      return { ...native('CANARY'), canaryConfiguration }
    }
    case 'blue-green':
      return native('BLUE_GREEN')
    default: {
      const percents = rollingPercents(config.plan, service.desiredCount ?? 0)
      // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
      // emulators without it expect).
      const current = service.deploymentConfiguration?.strategy
      return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents
    }
  }
}
