import { ecsArn, isArn } from '../core/arn.js'
import { ecsErrors } from '../core/errors.js'
import type { Ctx, World } from '../core/world.js'
import type { ClusterRecord, ServiceRecord, TaskDefinitionRecord, TaskSetRecord } from './model.js'

export const clusterArnFor = (ctx: Ctx, ref: string | undefined) =>
  ref && isArn(ref) ? ref : ecsArn(ctx.region, `cluster/${ref || 'default'}`)

export function findCluster(ctx: Ctx, ref: string | undefined): ClusterRecord | undefined {
  const cluster = ctx.world.ecs.clusters.get(clusterArnFor(ctx, ref))
  return cluster && cluster.status === 'ACTIVE' ? cluster : undefined
}

export function requireCluster(ctx: Ctx, ref: string | undefined): ClusterRecord {
  const cluster = findCluster(ctx, ref)
  if (!cluster) throw ecsErrors.clusterNotFound()
  return cluster
}

/**
 * The cluster a service ARN names (`…:service/CLUSTER/NAME` → `…:cluster/CLUSTER`), for the operations that take it
 * from there when no cluster is given (ListServiceDeployments). Old-format ARNs (`service/NAME`) name none.
 */
export function clusterOfServiceArn(ref: string): string | undefined {
  const match = isArn(ref) ? /^(arn:[^:]+:ecs:[^:]*:[^:]*):service\/([^/]+)\/[^/]+$/.exec(ref) : null
  return match ? `${match[1]}:cluster/${match[2]}` : undefined
}

export const serviceArnFor = (cluster: ClusterRecord, ref: string) =>
  isArn(ref) ? ref : cluster.arn.replace(':cluster/', ':service/') + '/' + ref

/** Services, including DRAINING and INACTIVE ones (DescribeServices shows those). */
export function findService(ctx: Ctx, cluster: ClusterRecord, ref: string): ServiceRecord | undefined {
  const service = ctx.world.ecs.services.get(serviceArnFor(cluster, ref))
  return service && service.clusterArn === cluster.arn ? service : undefined
}

export function requireService(ctx: Ctx, cluster: ClusterRecord, ref: string): ServiceRecord {
  const service = findService(ctx, cluster, ref)
  if (!service || service.status === 'INACTIVE') throw ecsErrors.serviceNotFound()
  return service
}

export function requireActiveService(ctx: Ctx, cluster: ClusterRecord, ref: string): ServiceRecord {
  const service = requireService(ctx, cluster, ref)
  if (service.status !== 'ACTIVE') throw ecsErrors.serviceNotActive()
  return service
}

export function findTaskSet(service: ServiceRecord, ref: string): TaskSetRecord | undefined {
  return service.taskSets.find(ts => ts.arn === ref || ts.id === ref)
}

export function requireTaskSet(service: ServiceRecord, ref: string): TaskSetRecord {
  const taskSet = findTaskSet(service, ref)
  if (!taskSet) throw ecsErrors.taskSetNotFound()
  return taskSet
}

/** `family`, `family:revision` or a full ARN; a bare family means its latest ACTIVE revision. */
export function findTaskDefinition(ctx: Ctx, ref: string): TaskDefinitionRecord | undefined {
  let region = ctx.region
  let name = ref
  if (isArn(ref)) {
    region = ref.split(':')[3]
    name = ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length)
    if (!ref.includes(':task-definition/')) return undefined
  }
  const [family, revisionText] = name.split(':')
  const revisions = ctx.world.ecs.families.get(`${region}/${family}`)
  if (!revisions) return undefined
  if (revisionText === undefined) {
    return [...revisions].reverse().find(r => r.definition.status === 'ACTIVE')
  }
  return revisions[Number(revisionText) - 1]
}

export function taskDefinitionByArn(world: World, arn: string): TaskDefinitionRecord | undefined {
  const region = arn.split(':')[3]
  const [family, revision] = arn.slice(arn.indexOf('task-definition/') + 16).split(':')
  return world.ecs.families.get(`${region}/${family}`)?.[Number(revision) - 1]
}

export function requireTaskDefinition(ctx: Ctx, ref: string): TaskDefinitionRecord {
  const record = findTaskDefinition(ctx, ref)
  if (!record) throw ecsErrors.client('Unable to describe task definition.')
  return record
}

/** For launching: must exist and be ACTIVE, as ECS requires for new services, deployments and task sets. */
export function requireLaunchableTaskDefinition(ctx: Ctx, ref: string): TaskDefinitionRecord {
  const record = findTaskDefinition(ctx, ref)
  if (!record) throw ecsErrors.invalidParameter('TaskDefinition not found.')
  if (record.definition.status !== 'ACTIVE') throw ecsErrors.invalidParameter('TaskDefinition is inactive')
  return record
}
