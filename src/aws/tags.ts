// ECS tags travel as [{key, value}] lists; everything else in the action reads them as a plain record.

import type { Tag } from '@aws-sdk/client-ecs'

export function tagRecord(tags: Tag[] | undefined): Record<string, string> {
  const record: Record<string, string> = {}
  for (const { key, value } of tags ?? []) if (key !== undefined) record[key] = value ?? ''
  return record
}

export function tagList(record: Record<string, string>): Tag[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }))
}
