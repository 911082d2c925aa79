import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'

/** The service's desired count, for `command: plan` run without desired-count. */
export async function readDesiredCount(cluster: string, service: string): Promise<number> {
  const ecs = new ECSClient({ retryMode: 'adaptive' })
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))
  const found = out.services?.[0]
  if (!found)
    throw new Error(
      `service ${service} was not found in cluster ${cluster} (${out.failures?.[0]?.reason ?? 'MISSING'})`
    )
  return found.desiredCount ?? 0
}
