// The SDK clients, built once per run. Adaptive retry adds client-side rate limiting after throttles, which
// suits a long-running poller; attempts stay bounded so a persistent failure surfaces as an error.
// AWS_ENDPOINT_URL (and the per-service variants) are honoured by the SDK itself.

import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { ECSClient } from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'

export interface Clients {
  ecs: ECSClient
  cloudwatch: CloudWatchClient
  elb: ElasticLoadBalancingV2Client
}

export const MAX_ATTEMPTS = 5

/** `region`: another region than the environment's (a service ARN of `services` named it). */
export function createClients(region?: string): Clients {
  const options = {
    retryMode: 'adaptive',
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: 'ecs-rollout',
    ...(region ? { region } : {})
  }
  return {
    ecs: new ECSClient(options),
    cloudwatch: new CloudWatchClient(options),
    elb: new ElasticLoadBalancingV2Client(options)
  }
}

/** The region the clients call, for console links. */
export async function clientRegion(clients: Pick<Clients, 'ecs'>): Promise<string> {
  return clients.ecs.config.region()
}
