// Several services of one cluster described together: DescribeServices takes at most 10 services a call
// (ECS API reference, DescribeServices: "You may specify up to 10 services to describe"), so 20 services of a
// cluster cost 2 calls, not 20.

import { DescribeServicesCommand, type ECSClient } from '@aws-sdk/client-ecs'
import { tagRecord } from './tags.js'

const SERVICES_PER_CALL = 10

/** A service's tags (its rollout record), or why it cannot be read. */
export type ServiceTags = { tags: Record<string, string> } | { missing: string }

/** Each name's tags, or why it is missing; `names` are service names (or ARNs) of `cluster`. */
export async function describeServiceTags(
  ecs: ECSClient,
  cluster: string,
  names: string[]
): Promise<Map<string, ServiceTags>> {
  const found = new Map<string, ServiceTags>()
  for (let i = 0; i < names.length; i += SERVICES_PER_CALL) {
    const batch = names.slice(i, i + SERVICES_PER_CALL)
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }))
    for (const name of batch) {
      const service = out.services?.find(s => s.serviceName === name || s.serviceArn === name)
      found.set(
        name,
        !service
          ? { missing: `service "${name}" was not found in cluster "${cluster}"` }
          : service.status !== 'ACTIVE'
            ? { missing: `service "${name}" in cluster "${cluster}" is ${service.status}` }
            : { tags: tagRecord(service.tags) }
      )
    }
  }
  return found
}
