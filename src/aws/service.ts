// Reading the ECS service itself, with errors that say which service and cluster were looked for.

import {
  DescribeServicesCommand,
  ECSClient,
  type DeploymentControllerType,
  type LoadBalancer,
  type Service
} from '@aws-sdk/client-ecs'
import { takeReadAhead } from './read-ahead.js'
import { tagRecord } from './tags.js'

export interface ServiceInfo {
  arn: string
  controller: DeploymentControllerType
  desiredCount: number
  /** The task definition serving today: the PRIMARY task set's, or the service's own without task sets. */
  taskDefinition?: string
  /** The PRIMARY task set's load balancers, for a new task set that serves another target group. */
  loadBalancers: LoadBalancer[]
  tags: Record<string, string>
}

/** One DescribeServices with tags (or its answer read ahead); throws when the cluster or the service does not exist or is being deleted. */
export async function describeService(ecs: ECSClient, cluster: string, service: string): Promise<Service> {
  let out
  try {
    out = await (takeReadAhead(cluster, service) ??
      ecs.send(new DescribeServicesCommand({ cluster, services: [service], include: ['TAGS'] })))
  } catch (error) {
    if ((error as Error).name === 'ClusterNotFoundException')
      throw new Error(`cluster "${cluster}" was not found`, { cause: error })
    throw error
  }
  const found = out.services?.[0]
  if (!found) throw new Error(`service "${service}" was not found in cluster "${cluster}"`)
  if (found.status !== 'ACTIVE')
    throw new Error(
      `service "${service}" in cluster "${cluster}" is ${found.status}: it is being deleted or was deleted`
    )
  return found
}

export async function readService(ecs: ECSClient, cluster: string, service: string): Promise<ServiceInfo> {
  const found = await describeService(ecs, cluster, service)
  const primary = found.taskSets?.find(s => s.status === 'PRIMARY')
  return {
    arn: found.serviceArn ?? '',
    controller: found.deploymentController?.type ?? 'ECS',
    desiredCount: found.desiredCount ?? 0,
    taskDefinition: primary?.taskDefinition ?? found.taskDefinition,
    loadBalancers: primary?.loadBalancers ?? found.loadBalancers ?? [],
    tags: tagRecord(found.tags)
  }
}

/** The service's desired count, for `command: plan` run without desired-count. */
export async function readDesiredCount(cluster: string, service: string): Promise<number> {
  return (await readService(new ECSClient({ retryMode: 'adaptive' }), cluster, service)).desiredCount
}
