// ELBv2 tags, read for many resources at once: DescribeTags takes at most 20 ARNs a call.

import type { ElasticLoadBalancingV2Client, Tag } from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbSdk } from './clients.js'

import { tagList, tagRecord } from './tags.js'

const PER_CALL = 20

/** Each resource's tags as a record, by ARN. */
export async function elbTags(
  elb: ElasticLoadBalancingV2Client,
  arns: string[]
): Promise<Map<string, Record<string, string>>> {
  const tags = new Map<string, Record<string, string>>()
  for (let i = 0; i < arns.length; i += PER_CALL) {
    const out = await elb.send(
      new (await elbSdk()).DescribeTagsCommand({ ResourceArns: arns.slice(i, i + PER_CALL) })
    )
    for (const d of out.TagDescriptions ?? [])
      if (d.ResourceArn) tags.set(d.ResourceArn, elbTagRecord(d.Tags))
  }
  return tags
}

/** ELBv2 spells tags {Key, Value} where ECS has {key, value}; the records are the same. */
export function elbTagRecord(tags: Tag[] | undefined): Record<string, string> {
  return tagRecord(tags?.map(t => ({ key: t.Key, value: t.Value })))
}

export function elbTagList(record: Record<string, string>): Tag[] {
  return tagList(record).map(t => ({ Key: t.key, Value: t.value }))
}
