import type {
  AddTagsInput,
  DescribeTagsInput,
  DescribeTagsOutput,
  RemoveTagsInput,
  Tag
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { ApiError, elbErrors } from '../core/errors.js'
import { list } from '../core/validate.js'
import type { Ctx } from '../core/world.js'

const MAX_TAGS = 50

export function validateTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = new Map(existing.map(t => [t.Key, t.Value]))
  for (const tag of added) {
    if (!tag?.Key || tag.Key.length > 128)
      throw elbErrors.validation('Tag keys must be between 1 and 128 characters')
    if (tag.Value !== undefined && tag.Value.length > 256)
      throw elbErrors.validation('Tag values must be at most 256 characters')
    if (merged.has(tag.Key) && added.filter(t => t.Key === tag.Key).length > 1) {
      throw new ApiError('DuplicateTagKeys', `Tag key '${tag.Key}' specified more than once`)
    }
    merged.set(tag.Key, tag.Value ?? '')
  }
  if (merged.size > MAX_TAGS)
    throw new ApiError('TooManyTags', `A resource can have at most ${MAX_TAGS} tags`)
  return [...merged].map(([Key, Value]) => ({ Key, Value }))
}

function resource(ctx: Ctx, arn: string): { tags: Tag[] } {
  const { loadBalancers, targetGroups, listeners, rules } = ctx.world.elb
  const found = loadBalancers.get(arn) ?? targetGroups.get(arn) ?? listeners.get(arn) ?? rules.get(arn)
  if (found) return found
  if (arn.includes(':targetgroup/')) throw elbErrors.targetGroupNotFound(`Target groups '${arn}' not found`)
  if (arn.includes(':listener-rule/')) throw elbErrors.ruleNotFound(`Rule '${arn}' not found`)
  if (arn.includes(':listener/')) throw elbErrors.listenerNotFound(`Listener '${arn}' not found`)
  throw elbErrors.loadBalancerNotFound(`Load balancer '${arn}' not found`)
}

export function addTags(ctx: Ctx, input: AddTagsInput): object {
  const arns = list(input.ResourceArns)
  if (arns.length === 0) throw elbErrors.missing('ResourceArns')
  const targets = arns.map(arn => resource(ctx, arn))
  for (const target of targets) target.tags = validateTags(target.tags, list(input.Tags))
  return {}
}

export function removeTags(ctx: Ctx, input: RemoveTagsInput): object {
  const keys = new Set(list(input.TagKeys))
  for (const arn of list(input.ResourceArns)) {
    const target = resource(ctx, arn)
    target.tags = target.tags.filter(t => !keys.has(t.Key ?? ''))
  }
  return {}
}

export function describeTags(ctx: Ctx, input: DescribeTagsInput): DescribeTagsOutput {
  const arns = list(input.ResourceArns)
  if (arns.length === 0) throw elbErrors.missing('ResourceArns')
  return { TagDescriptions: arns.map(arn => ({ ResourceArn: arn, Tags: resource(ctx, arn).tags })) }
}
