import type {
  Cluster,
  CreateClusterRequest,
  CreateClusterResponse,
  DeleteClusterRequest,
  DeleteClusterResponse,
  DescribeClustersRequest,
  DescribeClustersResponse,
  Failure,
  ListClustersRequest,
  ListClustersResponse
} from '@aws-sdk/client-ecs'
import { ApiError, ecsErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { clusterArnFor, findCluster, requireCluster } from './lookup.js'
import type { ClusterRecord } from './model.js'
import { initialTags } from './tags.js'

const NAME = /^[a-zA-Z0-9_-]{1,255}$/

export function clusterView(ctx: Ctx, cluster: ClusterRecord, withTags: boolean): Cluster {
  let running = 0
  let pending = 0
  let services = 0
  for (const task of ctx.world.ecs.tasks.values()) {
    if (task.clusterArn !== cluster.arn || task.lastStatus === 'STOPPED') continue
    if (task.lastStatus === 'RUNNING') running++
    else pending++
  }
  for (const service of ctx.world.ecs.services.values()) {
    if (service.clusterArn === cluster.arn && service.status === 'ACTIVE') services++
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: services,
    statistics: [],
    tags: withTags ? cluster.tags : undefined,
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: []
  }
}

export function createCluster(ctx: Ctx, input: CreateClusterRequest): CreateClusterResponse {
  const name = input.clusterName ?? 'default'
  if (!NAME.test(name)) {
    throw ecsErrors.invalidParameter(
      'Cluster name can only contain letters, numbers, hyphens and underscores, up to 255 characters.'
    )
  }
  const arn = clusterArnFor(ctx, name)
  const existing = findCluster(ctx, arn)
  // CreateCluster is idempotent in ECS: creating an existing cluster returns it.
  if (existing) return { cluster: clusterView(ctx, existing, true) }
  const cluster: ClusterRecord = {
    arn,
    name,
    status: 'ACTIVE',
    tags: initialTags(input.tags),
    createdAt: new Date(ctx.now)
  }
  ctx.world.ecs.clusters.set(arn, cluster)
  return { cluster: clusterView(ctx, cluster, true) }
}

export function describeClusters(ctx: Ctx, input: DescribeClustersRequest): DescribeClustersResponse {
  const refs = list(input.clusters)
  const withTags = list(input.include).includes('TAGS')
  const clusters: Cluster[] = []
  const failures: Failure[] = []
  for (const ref of refs.length ? refs : ['default']) {
    const cluster = findCluster(ctx, ref)
    if (cluster) clusters.push(clusterView(ctx, cluster, withTags))
    else failures.push({ arn: clusterArnFor(ctx, ref), reason: 'MISSING' })
  }
  return { clusters, failures }
}

export function listClusters(ctx: Ctx, _input: ListClustersRequest): ListClustersResponse {
  const clusterArns = [...ctx.world.ecs.clusters.values()]
    .filter(c => c.status === 'ACTIVE' && c.arn.split(':')[3] === ctx.region)
    .map(c => c.arn)
  return { clusterArns }
}

export function deleteCluster(ctx: Ctx, input: DeleteClusterRequest): DeleteClusterResponse {
  const cluster = requireCluster(ctx, input.cluster)
  for (const service of ctx.world.ecs.services.values()) {
    if (service.clusterArn === cluster.arn && service.status !== 'INACTIVE') {
      throw new ApiError(
        'ClusterContainsServicesException',
        'The Cluster cannot be deleted while Services are active.'
      )
    }
  }
  cluster.status = 'INACTIVE'
  return { cluster: clusterView(ctx, cluster, true) }
}
