// Several services of one cluster described together: DescribeServices takes at most 10 services a call
// (ECS API reference, DescribeServices: "You may specify up to 10 services to describe"), so 20 services of a
// cluster cost 2 calls, not 20. One reader per cluster (shared-reads.ts) serves the run's every look at them.

import {
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
  type ECSClient
} from '@aws-sdk/client-ecs'
import type { Clock } from '../engine/ports.js'
import { SharedReads } from './shared-reads.js'
import { tagRecord } from './tags.js'

export const SERVICES_PER_CALL = 10

/**
 * The services of one cluster, described with their tags, 10 a call. Each service's answer is the call's answer
 * narrowed to it, as if it had been described alone: its service, or its entry of failures[] (MISSING).
 */
export function serviceReads(ecs: ECSClient, cluster: string, clock: Pick<Clock, 'now'>) {
  return new SharedReads<DescribeServicesCommandOutput>({
    clock,
    perCall: SERVICES_PER_CALL,
    async fetch(names) {
      const out = await ecs.send(new DescribeServicesCommand({ cluster, services: names, include: ['TAGS'] }))
      return new Map(
        names.map(name => [
          name,
          {
            $metadata: out.$metadata,
            services: out.services?.filter(s => s.serviceName === name || s.serviceArn === name) ?? [],
            failures: out.failures?.filter(f => f.arn === name || f.arn?.endsWith(`/${name}`)) ?? []
          }
        ])
      )
    }
  })
}

export type ServiceReads = ReturnType<typeof serviceReads>

/** A service's tags (its rollout record), or why it cannot be read. */
export type ServiceTags = { tags: Record<string, string> } | { missing: string }

/** Each name's tags, or why it is missing; `names` are service names (or ARNs) of `cluster`, read now. */
export async function describeServiceTags(
  reads: ServiceReads,
  cluster: string,
  names: string[]
): Promise<Map<string, ServiceTags>> {
  const found = new Map<string, ServiceTags>()
  const answers = await Promise.all(names.map(name => reads.read(name, { maxAgeMs: 0 })))
  names.forEach((name, i) => {
    const service = answers[i].value.services?.[0]
    found.set(
      name,
      !service
        ? { missing: `service "${name}" was not found in cluster "${cluster}"` }
        : service.status !== 'ACTIVE'
          ? { missing: `service "${name}" in cluster "${cluster}" is ${service.status}` }
          : { tags: tagRecord(service.tags) }
    )
  })
  return found
}
