// status, pause, resume, promote and abort over services: the single-service control command (control.ts) run on
// each service in turn, each in its region, reported one row per service. One service's refusal (no rollout
// in flight, say) is its row's failure, never a stop for the others: an abort must reach every service.

import type { Config } from '../config/types.js'
import { controlCommand } from './control.js'
import { awaitDeployWindow } from './deploy-window-check.js'
import type { Outcome } from './outcome.js'
import { runFor, serviceConfig, servicesOutcome, sessionFor, type ServicesDeps } from './service-runs.js'

export async function servicesControl(config: Config, deps: ServicesDeps): Promise<Outcome> {
  // A promote waits for (or is refused by) the window once, before any service is asked.
  await awaitDeployWindow(config, deps)
  const rows = []
  for (const ref of config.waves.services) {
    const session = sessionFor(deps, ref)
    rows.push(await runFor(session, ref, 0, () => controlCommand(serviceConfig(config, ref), session)))
  }
  return servicesOutcome(`${config.command} on ${rows.length} services`, rows)
}
