import type {
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  Tag,
  TagResourceRequest,
  UntagResourceRequest
} from '@aws-sdk/client-ecs'
import { arnResource, isArn } from '../core/arn.js'
import { ecsErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { findCluster, findTaskDefinition } from './lookup.js'

const MAX_TAGS = 50

/** ECS tag rules: ≤50 per resource (aws: tags excluded), key 1–128, value ≤256, aws: prefix reserved. */
export function validateTags(tags: Tag[]): Tag[] {
  for (const tag of tags) {
    if (!tag || typeof tag.key !== 'string' || tag.key.length < 1 || tag.key.length > 128) {
      throw ecsErrors.invalidParameter('Tag keys must be between 1 and 128 characters.')
    }
    if (tag.value !== undefined && (typeof tag.value !== 'string' || tag.value.length > 256)) {
      throw ecsErrors.invalidParameter('Tag values must be at most 256 characters.')
    }
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw ecsErrors.invalidParameter('Tag keys beginning with aws: are reserved.')
    }
  }
  return tags.map(t => ({ key: t.key, value: t.value ?? '' }))
}

export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = new Map(existing.map(t => [t.key, t.value]))
  for (const tag of validateTags(added)) merged.set(tag.key, tag.value)
  if (merged.size > MAX_TAGS) {
    throw ecsErrors.invalidParameter(`Too many tags: a resource can have at most ${MAX_TAGS} tags.`)
  }
  return [...merged].map(([key, value]) => ({ key, value }))
}

export function initialTags(tags: Tag[] | undefined): Tag[] {
  return mergeTags([], list(tags))
}

interface Taggable {
  tags: Tag[]
}

function resolve(ctx: Ctx, arn: string): Taggable {
  if (!isArn(arn) || !arn.startsWith('arn:aws:ecs:')) {
    throw ecsErrors.invalidParameter('The ARN provided is invalid.')
  }
  const resource = arnResource(arn)
  const kind = resource.split('/')[0]
  const world = ctx.world
  if (kind === 'cluster') {
    const cluster = findCluster(ctx, arn)
    if (!cluster) throw ecsErrors.clusterNotFound()
    return cluster
  }
  if (kind === 'service') {
    const service = world.ecs.services.get(arn)
    if (!service || service.status === 'INACTIVE') throw ecsErrors.serviceNotFound()
    return service
  }
  if (kind === 'task-set') {
    for (const service of world.ecs.services.values()) {
      const taskSet = service.taskSets.find(ts => ts.arn === arn)
      if (taskSet) return taskSet
    }
    throw ecsErrors.taskSetNotFound()
  }
  if (kind === 'task-definition') {
    const record = findTaskDefinition(ctx, arn)
    if (!record) throw ecsErrors.client('Unable to describe task definition.')
    return record
  }
  if (kind === 'task') {
    const task = world.ecs.tasks.get(arn)
    if (!task) throw ecsErrors.invalidParameter('The specified task was not found.')
    return { tags: [] }
  }
  throw ecsErrors.invalidParameter('The ARN provided is invalid.')
}

export function tagResource(ctx: Ctx, input: TagResourceRequest): object {
  const target = resolve(ctx, requireString(input.resourceArn, 'resourceArn', ecsErrors.missing))
  if (!Array.isArray(input.tags)) throw ecsErrors.missing('tags')
  target.tags = mergeTags(target.tags, input.tags)
  return {}
}

export function untagResource(ctx: Ctx, input: UntagResourceRequest): object {
  const target = resolve(ctx, requireString(input.resourceArn, 'resourceArn', ecsErrors.missing))
  if (!Array.isArray(input.tagKeys)) throw ecsErrors.missing('tagKeys')
  const remove = new Set(input.tagKeys)
  target.tags = target.tags.filter(t => !remove.has(t.key ?? ''))
  return {}
}

export function listTagsForResource(
  ctx: Ctx,
  input: ListTagsForResourceRequest
): ListTagsForResourceResponse {
  const target = resolve(ctx, requireString(input.resourceArn, 'resourceArn', ecsErrors.missing))
  return { tags: target.tags }
}
