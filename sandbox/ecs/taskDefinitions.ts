import type {
  Compatibility,
  ContainerDefinition,
  DeregisterTaskDefinitionRequest,
  DeregisterTaskDefinitionResponse,
  DescribeTaskDefinitionRequest,
  DescribeTaskDefinitionResponse,
  ListTaskDefinitionFamiliesRequest,
  ListTaskDefinitionFamiliesResponse,
  ListTaskDefinitionsRequest,
  ListTaskDefinitionsResponse,
  RegisterTaskDefinitionRequest,
  RegisterTaskDefinitionResponse
} from '@aws-sdk/client-ecs'
import { ACCOUNT, ecsArn } from '../core/arn.js'
import { ecsErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { parseBehaviour } from '../sim/behaviour.js'
import { requireTaskDefinition } from './lookup.js'
import type { TaskDefinitionRecord } from './model.js'
import { initialTags } from './tags.js'
import { page } from './paging.js'

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/

function normalizeContainer(container: ContainerDefinition, networkMode: string): ContainerDefinition {
  if (!container || typeof container !== 'object') throw ecsErrors.client('Container definition is invalid.')
  if (!container.name) throw ecsErrors.client('Container.name should not be null or empty.')
  if (!container.image) throw ecsErrors.client('Container.image should not be null or empty.')
  return {
    ...container,
    cpu: container.cpu ?? 0,
    essential: container.essential ?? true,
    portMappings: list(container.portMappings).map(p => ({
      ...p,
      hostPort: p.hostPort ?? (networkMode === 'awsvpc' ? p.containerPort : undefined),
      protocol: p.protocol ?? 'tcp'
    })),
    environment: list(container.environment),
    mountPoints: list(container.mountPoints),
    volumesFrom: list(container.volumesFrom)
  }
}

export function registerTaskDefinition(
  ctx: Ctx,
  input: RegisterTaskDefinitionRequest
): RegisterTaskDefinitionResponse {
  const family = requireString(input.family, 'family', ecsErrors.missing)
  if (!FAMILY.test(family)) {
    throw ecsErrors.client(
      'Family contains invalid characters or is too long (letters, numbers, -, _, max 255).'
    )
  }
  const containers = list(input.containerDefinitions)
  if (containers.length === 0) throw ecsErrors.client('Container list cannot be empty.')
  const networkMode = input.networkMode ?? 'bridge'
  const requires = list(input.requiresCompatibilities)
  if (requires.includes('FARGATE')) {
    if (networkMode !== 'awsvpc') throw ecsErrors.client("Fargate only supports network mode 'awsvpc'.")
    if (!input.cpu) throw ecsErrors.client("Fargate requires that 'cpu' be defined at the task level.")
    if (!input.memory) throw ecsErrors.client("Fargate requires that 'memory' be defined at the task level.")
  }
  const names = new Set<string>()
  const containerDefinitions = containers.map(c => {
    const normalized = normalizeContainer(c, networkMode)
    if (names.has(normalized.name!)) throw ecsErrors.client('Container names must be unique.')
    names.add(normalized.name!)
    return normalized
  })
  if (!containerDefinitions.some(c => c.essential)) {
    throw ecsErrors.client('A task definition must have at least one essential container.')
  }
  const behaviour = parseBehaviour(containerDefinitions)
  const tags = initialTags(input.tags)
  const key = `${ctx.region}/${family}`
  const revisions = ctx.world.ecs.families.get(key) ?? []
  const revision = revisions.length + 1
  const compatibilities: Compatibility[] = ['EC2']
  if (networkMode === 'awsvpc' && input.cpu && input.memory) compatibilities.push('FARGATE')
  const record: TaskDefinitionRecord = {
    definition: {
      taskDefinitionArn: ecsArn(ctx.region, `task-definition/${family}:${revision}`),
      containerDefinitions,
      family,
      taskRoleArn: input.taskRoleArn,
      executionRoleArn: input.executionRoleArn,
      networkMode,
      revision,
      volumes: list(input.volumes),
      status: 'ACTIVE',
      requiresAttributes: [],
      placementConstraints: list(input.placementConstraints),
      compatibilities,
      runtimePlatform: input.runtimePlatform,
      requiresCompatibilities: requires.length ? requires : undefined,
      cpu: input.cpu,
      memory: input.memory,
      pidMode: input.pidMode,
      ipcMode: input.ipcMode,
      proxyConfiguration: input.proxyConfiguration,
      ephemeralStorage: input.ephemeralStorage,
      registeredAt: new Date(ctx.now),
      registeredBy: `arn:aws:iam::${ACCOUNT}:user/sandbox`
    },
    behaviour,
    tags
  }
  revisions.push(record)
  ctx.world.ecs.families.set(key, revisions)
  return { taskDefinition: record.definition, tags: tags.length ? tags : undefined }
}

export function describeTaskDefinition(
  ctx: Ctx,
  input: DescribeTaskDefinitionRequest
): DescribeTaskDefinitionResponse {
  const record = requireTaskDefinition(
    ctx,
    requireString(input.taskDefinition, 'taskDefinition', ecsErrors.missing)
  )
  const withTags = list(input.include).includes('TAGS')
  return { taskDefinition: record.definition, tags: withTags ? record.tags : undefined }
}

export function deregisterTaskDefinition(
  ctx: Ctx,
  input: DeregisterTaskDefinitionRequest
): DeregisterTaskDefinitionResponse {
  const ref = requireString(input.taskDefinition, 'taskDefinition', ecsErrors.missing)
  if (!ref.includes(':task-definition/') && !/:\d+$/.test(ref)) {
    throw ecsErrors.client('The specified task definition does not exist: a revision is required.')
  }
  const record = requireTaskDefinition(ctx, ref)
  if (record.definition.status === 'ACTIVE') {
    record.definition.status = 'INACTIVE'
    record.definition.deregisteredAt = new Date(ctx.now)
  }
  return { taskDefinition: record.definition }
}

function regionFamilies(ctx: Ctx): [string, TaskDefinitionRecord[]][] {
  const prefix = `${ctx.region}/`
  return [...ctx.world.ecs.families]
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, records]) => [key.slice(prefix.length), records])
}

export function listTaskDefinitions(
  ctx: Ctx,
  input: ListTaskDefinitionsRequest
): ListTaskDefinitionsResponse {
  const status = input.status ?? 'ACTIVE'
  const arns: string[] = []
  for (const [family, records] of regionFamilies(ctx).sort(([a], [b]) => a.localeCompare(b))) {
    if (input.familyPrefix && !family.startsWith(input.familyPrefix)) continue
    for (const record of records) {
      if (record.definition.status === status) arns.push(record.definition.taskDefinitionArn)
    }
  }
  if (input.sort === 'DESC') arns.reverse()
  const { items, nextToken } = page(arns, input.maxResults, input.nextToken, 100)
  return { taskDefinitionArns: items, nextToken }
}

export function listTaskDefinitionFamilies(
  ctx: Ctx,
  input: ListTaskDefinitionFamiliesRequest
): ListTaskDefinitionFamiliesResponse {
  const status = input.status ?? 'ACTIVE'
  const families = regionFamilies(ctx)
    .filter(([family, records]) => {
      if (input.familyPrefix && !family.startsWith(input.familyPrefix)) return false
      const anyActive = records.some(r => r.definition.status === 'ACTIVE')
      return status === 'ALL' || (status === 'ACTIVE' ? anyActive : !anyActive)
    })
    .map(([family]) => family)
    .sort()
  const { items, nextToken } = page(families, input.maxResults, input.nextToken, 100)
  return { families: items, nextToken }
}
