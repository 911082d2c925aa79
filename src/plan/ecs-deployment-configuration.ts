// What UpdateService is told besides the task definition, for a service with the ECS deployment controller: the
// strategy put into ECS's own settings (deploymentConfiguration). Pure; deploy-ecs.ts sends it.

import { nativeShape, rollingPercents } from './ecs-plan.js'
import {
  holdHook,
  serviceSettings,
  type Configuration,
  type HoldSettings,
  type LifecycleHook,
  type OwnedValues
} from './hold-hook.js'

export type EcsStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY'

/** The part of ECS's DeploymentConfiguration the action sets (the SDK's type accepts it as it is). */
export interface EcsDeploymentConfiguration {
  strategy?: EcsStrategy
  maximumPercent?: number
  minimumHealthyPercent?: number
  bakeTimeInMinutes?: number
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number }
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number }
  lifecycleHooks?: LifecycleHook[]
}

/** What of the service the mapping reads: its size, and the strategy it is set to today. */
export interface EcsServiceSettings {
  desiredCount?: number
  deploymentConfiguration?: Configuration & { strategy?: string }
}

/**
 * The strategy as ECS settings.
 * rolling, desired 6, max-surge 25 %, max-unavailable 0 → maximumPercent 134, minimumHealthyPercent 100
 *   (ECS rounds 6 × 134 % down to 8 tasks: 2 extra, as 25 % of 6 rounded up allows)
 * rolling on a service set to CANARY today             → the same, with strategy ROLLING to set it back
 * linear 25 %, step bake 3m, bake-time 10m             → LINEAR, stepPercent 25, stepBakeTimeInMinutes 0,
 *                                                         bakeTimeInMinutes 0, lifecycleHooks: the service's own
 *                                                         and the action's pause hook (the action bakes 3m, 10m)
 * canary 2.5 %, canary bake 3s                         → CANARY, canaryPercent 2.5, canaryBakeTimeInMinutes 0, …
 * blue-green                                           → BLUE_GREEN, bakeTimeInMinutes 0, …
 * custom "10:5m, pause, 100"                           → CANARY, canaryPercent 10, … (native-shape.ts)
 * `recorded`: the service's own values the rollout record keeps, when a rollout of the action's left them (its
 * hook may still be on the service, with the rollout's values beside it).
 * ECS's own bakes are 0, the least it takes: the action holds each step with its pause hook and times the bake
 * itself, to the second, under its gates (hold-hook.ts).
 */
export function deploymentConfigurationFor(
  config: HoldSettings,
  service: EcsServiceSettings,
  recorded?: OwnedValues
): EcsDeploymentConfiguration {
  const shape = nativeShape(config.plan.strategy)
  // ECS's native strategies: the strategy, no bake of ECS's, and the action's hook beside the service's own.
  const own = serviceSettings(service.deploymentConfiguration, recorded)
  const native = (name: EcsStrategy, held: 'linear' | 'canary' | 'blue-green') => ({
    strategy: name,
    bakeTimeInMinutes: 0,
    lifecycleHooks: [...own.lifecycleHooks, holdHook(held, config, own.values)]
  })
  switch (shape?.name) {
    case 'linear': {
      const linearConfiguration = { stepPercent: shape.stepPercent, stepBakeTimeInMinutes: 0 }
      return { ...native('LINEAR', 'linear'), linearConfiguration }
    }
    case 'canary': {
      const canaryConfiguration = { canaryPercent: shape.canaryPercent, canaryBakeTimeInMinutes: 0 }
      return { ...native('CANARY', 'canary'), canaryConfiguration }
    }
    case 'blue-green':
      return native('BLUE_GREEN', 'blue-green')
    default: {
      const percents = rollingPercents(config.plan, service.desiredCount ?? 0)
      // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
      // emulators without it expect).
      const current = service.deploymentConfiguration?.strategy
      return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents
    }
  }
}
