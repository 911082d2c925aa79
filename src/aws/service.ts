// Reading the ECS service itself, with errors that say which service and cluster were looked for.

import {
  DescribeServicesCommand,
  ECSClient,
  type DeploymentControllerType,
  type DescribeServicesCommandOutput,
  type LoadBalancer,
  type Service
} from '@aws-sdk/client-ecs'
import { takeReadAhead } from './read-ahead.js'
import { SharedRead, type RunReads } from './shared-reads.js'
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

/** Where a look gets the service from in a run of several services: their shared reader, and how old a read it takes. */
export interface SharedService {
  read: SharedRead<DescribeServicesCommandOutput>
  maxAgeMs: number
}

/** A look's way to the run's shared reader of `service` (none in a run of one service); maxAgeMs 0: a read sent now. */
export function sharedService(
  shared: RunReads | undefined,
  cluster: string,
  service: string,
  maxAgeMs: number
): SharedService | undefined {
  return shared && { read: new SharedRead(shared.services(cluster), [service]), maxAgeMs }
}

/** One DescribeServices with tags (or its answer read ahead); throws when the cluster or the service does not exist or is being deleted. */
export async function describeService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  shared?: SharedService
): Promise<Service> {
  return (await describeServiceRead(ecs, cluster, service, shared)).found
}

/** describeService, with when a shared read was sent (undefined: this call sent it). */
export async function describeServiceRead(
  ecs: ECSClient,
  cluster: string,
  service: string,
  shared?: SharedService
): Promise<{ found: Service; at?: number }> {
  let out
  let at: number | undefined
  try {
    if (shared) {
      const read = await shared.read.take(shared.maxAgeMs)
      out = read.values.get(shared.read.keys[0])!
      at = read.at
    } else
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
  return { found, at }
}

export async function readService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  shared?: SharedService
): Promise<ServiceInfo> {
  const found = await describeService(ecs, cluster, service, shared)
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
