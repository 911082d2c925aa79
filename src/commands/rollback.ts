// command: rollback — rolls a completed rollout back to an earlier version (previous, a revision number or an
// ARN), through the same guarded rollout as a deploy.

import { readService } from '../aws/service.js'
import type { Config } from '../config/types.js'
import { deployCommand } from './deploy.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './rollout-session.js'
import { resolveVersion } from './versions.js'

export async function rollbackCommand(config: Config, deps: SessionDeps): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const target = await resolveVersion(deps.clients.ecs, service, 'to', config.to ?? 'previous')
  return deployCommand(config, deps, target.taskDefinitionArn as string)
}
