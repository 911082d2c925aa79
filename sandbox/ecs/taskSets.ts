import type {
  CreateTaskSetRequest,
  CreateTaskSetResponse,
  DeleteTaskSetRequest,
  DeleteTaskSetResponse,
  DescribeTaskSetsRequest,
  DescribeTaskSetsResponse,
  Failure,
  Scale,
  TaskSet,
  UpdateServicePrimaryTaskSetRequest,
  UpdateServicePrimaryTaskSetResponse,
  UpdateTaskSetRequest,
  UpdateTaskSetResponse
} from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import { list, optionalBoolean, optionalNumber, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { validateLaunch } from './launch.js'
import {
  findTaskSet,
  requireActiveService,
  requireCluster,
  requireLaunchableTaskDefinition,
  requireService,
  requireTaskSet
} from './lookup.js'
import type { ServiceRecord, TaskSetRecord } from './model.js'
import { initialTags } from './tags.js'
import { taskSetView } from './views.js'

function checkScale(scale: Scale | undefined): Required<Scale> {
  if (scale === undefined) return { value: 100, unit: 'PERCENT' }
  const value = optionalNumber(scale.value, 'scale.value', ecsErrors.invalidParameter) ?? 0
  if (value < 0 || value > 100) throw ecsErrors.invalidParameter('The scale value must be between 0 and 100.')
  if (scale.unit !== undefined && scale.unit !== 'PERCENT') {
    throw ecsErrors.invalidParameter('The scale unit must be PERCENT.')
  }
  return { value, unit: 'PERCENT' }
}

function requireExternal(service: ServiceRecord, orCodeDeploy = false): void {
  if (service.controller !== 'EXTERNAL' && !(orCodeDeploy && service.controller === 'CODE_DEPLOY')) {
    throw ecsErrors.invalidParameter(
      'Amazon ECS only supports task set management on services configured to use external deployment controllers.'
    )
  }
}

function buildTaskSet(ctx: Ctx, service: ServiceRecord, input: CreateTaskSetRequest): TaskSetRecord {
  const td = requireLaunchableTaskDefinition(
    ctx,
    requireString(input.taskDefinition, 'taskDefinition', ecsErrors.missing)
  )
  validateLaunch(ctx, td, input)
  const scale = checkScale(input.scale)
  const tags = initialTags(input.tags)
  const id = `ecs-svc/${ctx.world.rng.digits(19)}`
  const now = new Date(ctx.now)
  const launchType =
    input.launchType ?? (input.capacityProviderStrategy ? undefined : (service.launchType ?? 'EC2'))
  return {
    kind: 'taskSet',
    id,
    arn: service.arn.replace(':service/', ':task-set/') + '/' + id,
    serviceArn: service.arn,
    clusterArn: service.clusterArn,
    externalId: input.externalId,
    status: 'ACTIVE',
    taskDefinitionArn: td.definition.taskDefinitionArn,
    scale,
    launchType,
    capacityProviderStrategy: input.capacityProviderStrategy,
    platformVersion: launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : input.platformVersion,
    networkConfiguration: input.networkConfiguration,
    loadBalancers: list(input.loadBalancers),
    serviceRegistries: list(input.serviceRegistries),
    createdAt: now,
    updatedAt: now,
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: now,
    tags,
    clientToken: input.clientToken
  }
}

/** A CODE_DEPLOY service starts with one PRIMARY task set for its task definition, as ECS creates it. */
export function createInitialTaskSet(ctx: Ctx, service: ServiceRecord): void {
  const taskSet = buildTaskSet(ctx, service, {
    service: service.name,
    cluster: service.clusterArn,
    taskDefinition: service.taskDefinitionArn,
    loadBalancers: service.loadBalancers,
    networkConfiguration: service.networkConfiguration,
    launchType: service.launchType
  })
  taskSet.status = 'PRIMARY'
  service.taskSets.push(taskSet)
}

export function createTaskSet(ctx: Ctx, input: CreateTaskSetRequest): CreateTaskSetResponse {
  const serviceRef = requireString(input.service, 'service', ecsErrors.missing)
  const cluster = requireCluster(ctx, requireString(input.cluster, 'cluster', ecsErrors.missing))
  const service = requireActiveService(ctx, cluster, serviceRef)
  requireExternal(service)
  if (input.clientToken) {
    const previous = service.taskSets.find(ts => ts.clientToken === input.clientToken)
    if (previous) return { taskSet: taskSetView(ctx.world, service, previous, true) }
  }
  const taskSet = buildTaskSet(ctx, service, input)
  service.taskSets.push(taskSet)
  return { taskSet: taskSetView(ctx.world, service, taskSet, true) }
}

function locate(ctx: Ctx, input: { cluster?: string; service?: string }): ServiceRecord {
  const serviceRef = requireString(input.service, 'service', ecsErrors.missing)
  const cluster = requireCluster(ctx, requireString(input.cluster, 'cluster', ecsErrors.missing))
  return requireService(ctx, cluster, serviceRef)
}

export function updateTaskSet(ctx: Ctx, input: UpdateTaskSetRequest): UpdateTaskSetResponse {
  const service = locate(ctx, input)
  requireExternal(service)
  const taskSet = requireTaskSet(service, requireString(input.taskSet, 'taskSet', ecsErrors.missing))
  if (input.scale === undefined || input.scale === null) throw ecsErrors.missing('scale')
  if (service.status !== 'ACTIVE') throw ecsErrors.serviceNotActive()
  if (taskSet.status === 'DRAINING')
    throw ecsErrors.invalidParameter('The task set is DRAINING and cannot be updated.')
  taskSet.scale = checkScale(input.scale)
  taskSet.updatedAt = new Date(ctx.now)
  return { taskSet: taskSetView(ctx.world, service, taskSet, false) }
}

export function updateServicePrimaryTaskSet(
  ctx: Ctx,
  input: UpdateServicePrimaryTaskSetRequest
): UpdateServicePrimaryTaskSetResponse {
  const service = locate(ctx, input)
  requireExternal(service)
  if (service.status !== 'ACTIVE') throw ecsErrors.serviceNotActive()
  const taskSet = requireTaskSet(
    service,
    requireString(input.primaryTaskSet, 'primaryTaskSet', ecsErrors.missing)
  )
  if (taskSet.status === 'DRAINING') {
    throw ecsErrors.invalidParameter('A DRAINING task set cannot become the primary task set.')
  }
  const now = new Date(ctx.now)
  for (const other of service.taskSets) {
    if (other.status === 'PRIMARY' && other !== taskSet) {
      other.status = 'ACTIVE'
      other.updatedAt = now
    }
  }
  if (taskSet.status !== 'PRIMARY') {
    taskSet.status = 'PRIMARY'
    taskSet.updatedAt = now
  }
  return { taskSet: taskSetView(ctx.world, service, taskSet, false) }
}

export function deleteTaskSet(ctx: Ctx, input: DeleteTaskSetRequest): DeleteTaskSetResponse {
  const service = locate(ctx, input)
  requireExternal(service)
  const taskSet = requireTaskSet(service, requireString(input.taskSet, 'taskSet', ecsErrors.missing))
  if (taskSet.status !== 'DRAINING') {
    if (taskSet.scale.value > 0 && service.desiredCount > 0 && !optionalBoolean(input.force)) {
      throw ecsErrors.invalidParameter(
        'The task set cannot be deleted because it has not been scaled down to zero. Use force to delete it anyway.'
      )
    }
    taskSet.status = 'DRAINING'
    taskSet.updatedAt = new Date(ctx.now)
  }
  return { taskSet: taskSetView(ctx.world, service, taskSet, false) }
}

export function describeTaskSets(ctx: Ctx, input: DescribeTaskSetsRequest): DescribeTaskSetsResponse {
  const service = locate(ctx, input)
  requireExternal(service, true)
  const withTags = list(input.include).includes('TAGS')
  const refs = list(input.taskSets)
  const taskSets: TaskSet[] = []
  const failures: Failure[] = []
  if (refs.length === 0) {
    for (const ts of service.taskSets) taskSets.push(taskSetView(ctx.world, service, ts, withTags))
  }
  for (const ref of refs) {
    const ts = findTaskSet(service, ref)
    if (ts) taskSets.push(taskSetView(ctx.world, service, ts, withTags))
    else failures.push({ arn: ref, reason: 'MISSING' })
  }
  return { taskSets, failures }
}
