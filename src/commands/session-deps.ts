// What every command that talks to AWS runs with: the clients, the clock, the GitHub run and the cancel signal.
// A module of its own, so the commands that need it (versions, control, deploy) import no command's code for it.

import type { Clients } from '../aws/clients.js'
import type { ResolvedTaskDefinition } from '../aws/task-definition.js'
import type { Clock } from '../engine/ports.js'
import type { RunContext } from '../run-context.js'

export interface SessionDeps {
  clients: Clients
  clock: Clock
  run: RunContext
  cancel?: AbortSignal
  /** Several services in one run: the revision resolved (or registered) once per family and region, by key. */
  registrations?: Map<string, Promise<ResolvedTaskDefinition>>
  /** Several services in one run: the rollout's log lines name the service. */
  logLabel?: string
}
