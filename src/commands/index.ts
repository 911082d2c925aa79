// The commands that talk to ECS, by name. main.ts loads this module only when one of them runs, so `plan`
// and input errors start fast without the AWS SDK.

import type { Config } from '../config/types.js'
import { readService } from '../aws/service.js'
import { controlCommand } from './control.js'
import { deployCommand } from './deploy.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './rollout-session.js'
import { diffCommand, historyCommand, resolveVersion } from './versions.js'

export async function run(config: Config, deps: SessionDeps): Promise<Outcome> {
  switch (config.command) {
    case 'deploy':
      return deployCommand(config, deps)
    case 'rollback':
      return rollbackCommand(config, deps)
    case 'history':
      return historyCommand(config, deps)
    case 'diff':
      return diffCommand(config, deps)
    default:
      return controlCommand(config, deps)
  }
}

/** Rolls a completed rollout back to an earlier version, through the same guarded rollout as a deploy. */
async function rollbackCommand(config: Config, deps: SessionDeps): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const target = await resolveVersion(deps.clients.ecs, service, 'to', config.to ?? 'previous')
  return deployCommand(config, deps, target.taskDefinitionArn as string)
}
