// DescribeServiceRevisions: the settings a deployment launched its tasks with. Every deployment of an
// ECS-controller service is one service revision (`…:service-revision/CLUSTER/SERVICE/NUMBER`, sim/rolling.ts).

import type {
  DescribeServiceRevisionsRequest,
  DescribeServiceRevisionsResponse,
  Failure,
  ServiceRevision
} from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { Ctx, World } from '../core/world.js'
import { serviceRevisionArn } from '../sim/rolling.js'
import { taskDefinitionByArn } from './lookup.js'
import type { DeploymentRecord, ServiceRecord } from './model.js'

const DESCRIBE_MAX = 20

function findRevision(
  world: World,
  arn: string
): { service: ServiceRecord; deployment: DeploymentRecord } | undefined {
  for (const service of world.ecs.services.values()) {
    const deployment = service.deployments.find(d => serviceRevisionArn(service, d) === arn)
    if (deployment) return { service, deployment }
  }
  return undefined
}

function revisionView(world: World, service: ServiceRecord, d: DeploymentRecord): ServiceRevision {
  const containers = taskDefinitionByArn(world, d.taskDefinitionArn)?.definition.containerDefinitions ?? []
  return {
    serviceRevisionArn: serviceRevisionArn(service, d),
    serviceArn: service.arn,
    clusterArn: service.clusterArn,
    taskDefinition: d.taskDefinitionArn,
    capacityProviderStrategy: d.capacityProviderStrategy,
    launchType: d.launchType,
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
    loadBalancers: d.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    networkConfiguration: d.networkConfiguration,
    containerImages: containers.map(c => ({ containerName: c.name, image: c.image })),
    guardDutyEnabled: false,
    createdAt: d.createdAt
  }
}

export function describeServiceRevisions(
  ctx: Ctx,
  input: DescribeServiceRevisionsRequest
): DescribeServiceRevisionsResponse {
  const arns = list(input.serviceRevisionArns)
  if (arns.length === 0) throw ecsErrors.missing('serviceRevisionArns')
  if (arns.length > DESCRIBE_MAX)
    throw ecsErrors.invalidParameter(`serviceRevisionArns can have at most ${DESCRIBE_MAX} items.`)
  const serviceRevisions: ServiceRevision[] = []
  const failures: Failure[] = []
  for (const arn of arns) {
    const found = findRevision(ctx.world, arn)
    if (found) serviceRevisions.push(revisionView(ctx.world, found.service, found.deployment))
    else failures.push({ arn, reason: 'MISSING' })
  }
  return { serviceRevisions, failures }
}
