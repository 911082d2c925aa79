// The one router: each command's module, loaded only when that command runs, so `plan` and input errors
// start fast without the AWS SDK, and a preview never loads the rollout engine.

import type { Command, Config } from '../config/types.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './rollout-session.js'
import type { ServicesDeps } from './service-runs.js'
import type { Clients } from '../aws/clients.js'

type Route = (config: Config, cancel: AbortSignal) => Promise<Outcome>
type SessionCommand = (config: Config, deps: SessionDeps) => Promise<Outcome>

/** A command that acts on one service's rollout, with the session's clients, clock and run. */
function session(load: () => Promise<SessionCommand>): Route {
  return async (config, cancel) => {
    const [command, { createClients }, { systemClock }, { runContext }] = await Promise.all([
      load(),
      import('../aws/clients.js'),
      import('../engine/ports.js'),
      import('../run-context.js')
    ])
    return command(config, { clients: createClients(), clock: systemClock, run: runContext(), cancel })
  }
}

/** A command over several services (services): the clients of each region they name, built once per region. */
function services(load: () => Promise<(config: Config, deps: ServicesDeps) => Promise<Outcome>>): Route {
  return async (config, cancel) => {
    const [command, { createClients }, { withSharedReads }, { systemClock }, { runContext }] =
      await Promise.all([
        load(),
        import('../aws/clients.js'),
        import('../aws/run-reads.js'),
        import('../engine/ports.js'),
        import('../run-context.js')
      ])
    // The services' rollouts share their reads of services and alarms, region by region (aws/run-reads.ts).
    const clients = new Map<string | undefined, Clients>()
    const clientsFor = (region?: string) => {
      if (!clients.has(region)) clients.set(region, withSharedReads(createClients(region), systemClock))
      return clients.get(region)!
    }
    return command(config, { clientsFor, clock: systemClock, run: runContext(), cancel })
  }
}

/** With services, the command runs once per service; without, on `service` as always. */
function orServices(one: Route, several: Route): Route {
  return (config, cancel) => (config.waves.services.length ? several : one)(config, cancel)
}

const control = orServices(
  session(async () => (await import('./control.js')).controlCommand),
  services(async () => (await import('./services-control.js')).servicesControl)
)

/** The commands whose first AWS request is the service with its tags (readService), which the entry reads ahead. */
export const READS_SERVICE_FIRST: readonly Command[] = [
  'deploy',
  'rollback',
  'history',
  'diff',
  'status',
  'pause',
  'resume',
  'promote',
  'abort'
]

const ROUTES: Record<Command, Route> = {
  plan: async config => {
    const { planCommand } = await import('./plan.js')
    return planCommand(config, async () => {
      const { readDesiredCount } = await import('../aws/service.js')
      return readDesiredCount(config.cluster, config.service)
    })
  },
  deploy: orServices(
    session(async () => (await import('./deploy.js')).deployCommand),
    services(async () => (await import('./deploy-waves.js')).deployWaves)
  ),
  'wave-gate': services(async () => (await import('./wave-gate.js')).waveGateCommand),
  rollback: session(async () => (await import('./rollback.js')).rollbackCommand),
  history: session(async () => (await import('./versions.js')).historyCommand),
  diff: session(async () => (await import('./versions.js')).diffCommand),
  status: control,
  pause: control,
  resume: control,
  promote: control,
  abort: control,
  preview: async (config, cancel) => {
    const [{ previewCommand }, { createClients }] = await Promise.all([
      import('./preview.js'),
      import('../aws/clients.js')
    ])
    const { ecs, elb } = createClients()
    return previewCommand(config, { ecs, elb, cancel })
  },
  'preview-destroy': async config => {
    const [{ previewDestroyCommand }, { createClients }] = await Promise.all([
      import('./preview-destroy.js'),
      import('../aws/clients.js')
    ])
    const { ecs, elb } = createClients()
    return previewDestroyCommand(config, { ecs, elb })
  }
}

export async function runCommand(config: Config, cancel: AbortSignal): Promise<Outcome> {
  return ROUTES[config.command](config, cancel)
}
