// ECS's service deployments under way on a service: ECS replaces a deployment under way with a new one, so a
// deploy refuses to start while one is (unless told to take over).

import { ListServiceDeploymentsCommand, type ECSClient } from '@aws-sdk/client-ecs'

/** Service-deployment statuses of a deployment still under way. */
const UNDER_WAY = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS'
] as const

/** The first service deployment under way on the service, if any. */
export async function serviceDeploymentUnderWay(
  ecs: ECSClient,
  cluster: string,
  service: string
): Promise<{ arn?: string; status?: string } | undefined> {
  const found = await ecs.send(
    new ListServiceDeploymentsCommand({ cluster, service, status: [...UNDER_WAY] })
  )
  const under = found.serviceDeployments?.[0]
  return under && { arn: under.serviceDeploymentArn, status: under.status }
}
