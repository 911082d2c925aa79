// command: deploy. One pipeline (deploy-pipeline.ts) for every service; the service's deployment controller
// picks the object that supplies what differs: EXTERNAL → task sets (deploy-task-sets.ts), ECS → ECS's own
// deployments (deploy-ecs.ts). CODE_DEPLOY is refused, and so are inputs of the other controller.

import { readService, sharedService, type ServiceInfo } from '../aws/service.js'
import { RECENT_MS } from '../aws/shared-reads.js'
import { checkTaskSetInputs } from '../config/controller-inputs.js'
import type { Config } from '../config/types.js'
import { actionContext } from '../github/context.js'
import { checkForkSafety } from '../github/fork-safety.js'
import type { DeployPipeline } from './deploy-pipeline.js'
import { EcsControllerDeploy } from './deploy-ecs.js'
import { awaitDeployWindow } from './deploy-window-check.js'
import { TaskSetDeploy } from './deploy-task-sets.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './session-deps.js'

export async function deployCommand(
  config: Config,
  deps: SessionDeps,
  taskDefinitionRef = config.taskDefinition as string
): Promise<Outcome> {
  checkForkSafety(config, actionContext())
  await awaitDeployWindow(config, deps)
  const { cluster, service: name } = config
  const shared = sharedService(deps.clients.shared, cluster, name, RECENT_MS)
  const service = await readService(deps.clients.ecs, cluster, name, shared)
  return pipelineFor(config, deps, service).run(taskDefinitionRef)
}

function pipelineFor(config: Config, deps: SessionDeps, service: ServiceInfo): DeployPipeline {
  if (service.controller === 'EXTERNAL') {
    checkTaskSetInputs(config)
    return new TaskSetDeploy(config, deps, service)
  }
  if (service.controller === 'ECS') return new EcsControllerDeploy(config, deps, service)
  throw new Error(
    `service ${config.service} uses the ${service.controller} deployment controller, which CodeDeploy drives: ecs-rollout deploys to services with the ECS deployment controller (rolling, all-at-once, and ECS's native linear, canary and blue-green) and with the EXTERNAL controller (task sets, every strategy). Deploy this service through CodeDeploy, or use a service with the ECS or EXTERNAL controller. Nothing was changed`
  )
}
