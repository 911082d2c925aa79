// The SDK clients, built once per run with the settings of client-options.ts.
// AWS_ENDPOINT_URL (and the per-service variants) are honoured by the SDK itself.
// Only the ECS client is loaded up front: a run's first request is ECS's, and the CloudWatch and ELBv2 packages
// (a quarter of a megabyte) are loaded when first called, in a chunk of their own (ncc splits `import()`). The
// ECS client is the one that read the service ahead (read-ahead.ts), when the entry did.

import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { ECSClient } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { CLIENT_OPTIONS, MAX_ATTEMPTS } from './client-options.js'
import { readAheadClient } from './read-ahead.js'
import type { RunReads } from './shared-reads.js'

export interface Clients {
  ecs: ECSClient
  cloudwatch: CloudWatchClient
  elb: ElasticLoadBalancingV2Client
  /** Several services in one run: their looks share reads of services and alarms (run-reads.ts). */
  shared?: RunReads
}

export { MAX_ATTEMPTS }

/** The SDK packages loaded at first use: the adapters take their commands from here. */
export const cloudWatchSdk = () => import('@aws-sdk/client-cloudwatch')
export const elbSdk = () => import('@aws-sdk/client-elastic-load-balancing-v2')

/** `region`: another region than the environment's (a service ARN of `services` named it). */
export function createClients(region?: string): Clients {
  const options = region ? { ...CLIENT_OPTIONS, region } : CLIENT_OPTIONS
  return {
    // The read-ahead client calls the environment's region only.
    ecs: (region ? undefined : readAheadClient()) ?? new ECSClient(options),
    cloudwatch: lazyClient(async () => new (await cloudWatchSdk()).CloudWatchClient(options)),
    elb: lazyClient(async () => new (await elbSdk()).ElasticLoadBalancingV2Client(options))
  }
}

/** A client built at its first `send` (the only method the adapters call), its package loaded then. */
function lazyClient<C extends { send(...args: never[]): Promise<unknown> }>(create: () => Promise<C>): C {
  let client: Promise<C> | undefined
  const send = async (...args: Parameters<C['send']>) => (await (client ??= create())).send(...args)
  return { send } as unknown as C
}

/** The region the clients call, for console links. */
export async function clientRegion(clients: Pick<Clients, 'ecs'>): Promise<string> {
  return clients.ecs.config.region()
}
