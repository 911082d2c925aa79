// A service's versions as ECS keeps them: its task definition family's revisions, newest first, each with the
// deployment facts a rollout of it wrote as tags on it when it ended (who, which commit and run, how it ended),
// so they outlive the service's own record of the latest rollout.

import { ListTaskDefinitionsCommand, TagResourceCommand, type ECSClient } from '@aws-sdk/client-ecs'
import { TAG_PREFIX, tagValue, type RolloutRecord } from '../record/record.js'
import type { ServiceInfo } from './service.js'
import { tagList } from './tags.js'
import { describeTaskDefinition, taskDefinitionLabel } from './task-definition.js'

const HISTORY_MAX = 20

export interface Version {
  arn: string
  label: string
  revision: number
  status: string
  registeredAt?: number
  deployedAt?: number
  actor?: string
  commit?: string
  run?: string
  outcome?: string
  current: boolean
}

/** Marks a task definition with how its rollout ended: history reads these tags back. */
export async function recordVersion(
  ecs: ECSClient,
  record: RolloutRecord,
  outcome: string,
  at: number
): Promise<void> {
  const fields = {
    'deployed-at': String(at),
    actor: record.actor,
    commit: record.commit,
    run: record.runUrl,
    outcome,
    'rollout-id': record.id
  }
  // The commit a version was built from stays with it: a later rollout of it (a rollback) runs elsewhere.
  const existing = await describeTaskDefinition(ecs, record.newTaskDefinition, { tags: true })
    .then(out => out.tags)
    .catch(() => ({}) as Record<string, string>)
  if (existing[TAG_PREFIX + 'commit']) fields.commit = ''
  const tags = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v)
      .map(([k, v]) => [TAG_PREFIX + k, tagValue(v)])
  )
  await ecs.send(new TagResourceCommand({ resourceArn: record.newTaskDefinition, tags: tagList(tags) }))
}

export async function listVersions(ecs: ECSClient, service: ServiceInfo): Promise<Version[]> {
  if (!service.taskDefinition) return []
  const family = taskDefinitionLabel(service.taskDefinition).split(':')[0]
  const arns: string[] = []
  for (const status of ['ACTIVE', 'INACTIVE'] as const) {
    const out = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status, maxResults: HISTORY_MAX })
    )
    arns.push(...(out.taskDefinitionArns ?? []))
  }
  const revisionOf = (arn: string): number => Number(arn.split(':').pop())
  // familyPrefix is a prefix to some implementations: "web" would list "web-admin" too.
  const ours = arns.filter(arn => taskDefinitionLabel(arn).split(':')[0] === family)
  const newest = [...new Set(ours)].sort((a, b) => revisionOf(b) - revisionOf(a)).slice(0, HISTORY_MAX)
  return Promise.all(
    newest.map(async arn => {
      const { definition, tags } = await describeTaskDefinition(ecs, arn, { tags: true })
      const get = (k: string): string | undefined => tags[TAG_PREFIX + k] || undefined
      return {
        arn,
        label: taskDefinitionLabel(arn),
        revision: revisionOf(arn),
        status: definition.status ?? 'UNKNOWN',
        registeredAt: definition.registeredAt?.getTime(),
        deployedAt: get('deployed-at') ? Number(get('deployed-at')) : undefined,
        actor: get('actor'),
        commit: get('commit'),
        run: get('run'),
        outcome: get('outcome'),
        current: arn === service.taskDefinition
      }
    })
  )
}
