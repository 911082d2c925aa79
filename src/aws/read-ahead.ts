// The read ahead: the first AWS request of a command that acts on a service's rollout — the service, with its
// tags — sent by the entry (index.ts) before the rest of the action loads (@actions/core alone brings undici,
// 0.4 MB). describeService takes the answer, once, for that service; the session's ECS client is the one that
// asked, so the credentials are resolved once. A failed read ahead fails that describeService as it would have.

import { DescribeServicesCommand, ECSClient, type DescribeServicesCommandOutput } from '@aws-sdk/client-ecs'
import { CLIENT_OPTIONS } from './client-options.js'

let client: ECSClient | undefined
let ahead: { cluster: string; service: string; answer: Promise<DescribeServicesCommandOutput> } | undefined

/** Asks for the service and resolves once ECS has answered (or the request failed: the command will say so). */
export async function readAhead(
  cluster: string,
  service: string,
  ecs: ECSClient = new ECSClient(CLIENT_OPTIONS)
): Promise<void> {
  client = ecs
  const answer = ecs.send(new DescribeServicesCommand({ cluster, services: [service], include: ['TAGS'] }))
  ahead = { cluster, service, answer }
  await answer.catch(() => undefined)
}

/** The answer for this service, if it was read ahead and not taken yet. */
export function takeReadAhead(
  cluster: string,
  service: string
): Promise<DescribeServicesCommandOutput> | undefined {
  if (!ahead || ahead.cluster !== cluster || ahead.service !== service) return undefined
  const { answer } = ahead
  ahead = undefined
  return answer
}

/** The ECS client that read ahead, for the session to go on with. */
export function readAheadClient(): ECSClient | undefined {
  return client
}
