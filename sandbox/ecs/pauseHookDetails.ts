// Whether ECS keeps hookDetails on PAUSE hooks is unverified: the API reference says the field "is not used for
// PAUSE hooks" (docs/ecs-pause-hooks-facts.md). The sandbox keeps and echoes it, unless the realism setting
// `dropPauseHookDetails` asks it to behave the unkind way: DescribeServices and DescribeServiceDeployments then
// show every PAUSE hook without hookDetails (Lambda hooks keep theirs: ECS passes them to the function).

import type { DeploymentConfiguration } from '@aws-sdk/client-ecs'
import type { World } from '../core/world.js'

export function shownConfiguration<C extends DeploymentConfiguration | undefined>(
  world: World,
  config: C
): C {
  if (!config?.lifecycleHooks || !world.realism.settings.dropPauseHookDetails) return config
  const lifecycleHooks = config.lifecycleHooks.map(hook => {
    if (hook.targetType !== 'PAUSE') return hook
    const { hookDetails: _dropped, ...kept } = hook
    return kept
  })
  return { ...config, lifecycleHooks }
}
