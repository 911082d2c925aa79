import type { LoadBalancer, NetworkConfiguration } from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { targetGroupInUse } from '../elbv2/usage.js'
import type { TaskDefinitionRecord } from './model.js'

/** What ECS checks before a service, deployment or task set may launch tasks of a task definition. */
export interface LaunchInput {
  launchType?: string
  networkConfiguration?: NetworkConfiguration
  loadBalancers?: LoadBalancer[]
}

export function validateLaunch(ctx: Ctx, record: TaskDefinitionRecord, input: LaunchInput): void {
  const td = record.definition
  if (
    input.launchType !== undefined &&
    !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(input.launchType)
  ) {
    throw ecsErrors.invalidParameter(`launchType ${String(input.launchType)} is not valid.`)
  }
  if (input.launchType === 'FARGATE' && !td.compatibilities?.includes('FARGATE')) {
    throw ecsErrors.invalidParameter('Task definition does not support launch_type FARGATE.')
  }
  const awsvpc = td.networkMode === 'awsvpc'
  const vpc = input.networkConfiguration?.awsvpcConfiguration
  if (awsvpc && !vpc) {
    throw ecsErrors.invalidParameter(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."
    )
  }
  if (!awsvpc && input.networkConfiguration) {
    throw ecsErrors.invalidParameter(
      'Network Configuration is not valid for the given networkMode of this task definition.'
    )
  }
  if (vpc && list(vpc.subnets).length === 0) throw ecsErrors.invalidParameter('subnets can not be empty.')
  validateLoadBalancers(ctx, record, list(input.loadBalancers))
}

function validateLoadBalancers(ctx: Ctx, record: TaskDefinitionRecord, loadBalancers: LoadBalancer[]): void {
  const td = record.definition
  for (const lb of loadBalancers) {
    if (!lb.targetGroupArn) {
      throw ecsErrors.invalidParameter('targetGroupArn must be specified for an Application Load Balancer.')
    }
    const tg = ctx.world.elb.targetGroups.get(lb.targetGroupArn)
    if (!tg) throw ecsErrors.invalidParameter(`Unable to find target group ${lb.targetGroupArn}.`)
    if (!targetGroupInUse(ctx.world, tg.arn)) {
      throw ecsErrors.invalidParameter(
        `The target group with targetGroupArn ${tg.arn} does not have an associated load balancer.`
      )
    }
    if (td.networkMode === 'awsvpc' && tg.targetType !== 'ip') {
      throw ecsErrors.invalidParameter(
        `The provided target group ${tg.arn} has target type ${tg.targetType}, which is incompatible with the awsvpc network mode specified in the task definition.`
      )
    }
    const container = td.containerDefinitions?.find(c => c.name === lb.containerName)
    if (!container) {
      throw ecsErrors.invalidParameter(
        `The container ${String(lb.containerName)} does not exist in the task definition.`
      )
    }
    if (!list(container.portMappings).some(p => p.containerPort === lb.containerPort)) {
      throw ecsErrors.invalidParameter(
        `The container ${container.name} did not have a container port ${String(lb.containerPort)} defined.`
      )
    }
  }
}
