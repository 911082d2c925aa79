// What every command over several services (services) shares: each service's own Config and session, in its
// region, and its result as a row of the summary and of the services-status output. Each service runs the same
// single-service command a `service` run would (deploy, status, promote, …): nothing of it is copied here.

import { AlarmGates } from '../aws/alarm-gates.js'
import type { Clients } from '../aws/clients.js'
import type { ServiceRef } from '../config/wave-inputs.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import type { Clock } from '../engine/ports.js'
import { describeError } from '../errors.js'
import { servicesJson, servicesSummary, worstStatus, type ServiceRow } from '../report/services-summary.js'
import type { RunContext } from '../run-context.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './session-deps.js'

export interface ServicesDeps {
  /** The clients of a region (undefined: the environment's), built once per region. */
  clientsFor(region?: string): Clients
  clock: Clock
  run: RunContext
  cancel?: AbortSignal
}

/** The run's Config narrowed to one service of `services`: `{service}` in an alarm name is that service's name. */
export function serviceConfig(config: Config, ref: ServiceRef): Config {
  return {
    ...config,
    cluster: ref.cluster,
    service: ref.service,
    alarms: gateAlarms(config, ref),
    warningAlarms: config.warningAlarms.map(a => a.replaceAll('{service}', ref.service))
  }
}

/** A service's gate alarms: one set for every service, `{service}` standing for each one's name. */
export function gateAlarms(config: Config, ref: ServiceRef): string[] {
  return config.alarms.map(a => a.replaceAll('{service}', ref.service))
}

/**
 * Each service's gate alarms in ALARM now, with their reasons: one read of the region's alarms (DescribeAlarms
 * takes 100 names a call), however many services share it.
 */
export async function firingGates(
  config: Config,
  deps: ServicesDeps,
  refs: ServiceRef[]
): Promise<Map<ServiceRef, { name: string; reason: string }[]>> {
  const firing = new Map<ServiceRef, { name: string; reason: string }[]>()
  for (const region of new Set(refs.map(r => r.region))) {
    const here = refs.filter(r => r.region === region)
    const alarms = [...new Set(here.flatMap(r => gateAlarms(config, r)))]
    if (alarms.length === 0) continue
    const gates = new AlarmGates({
      cloudwatch: deps.clientsFor(region).cloudwatch,
      alarms,
      warningAlarms: [],
      reads: deps.clientsFor(region).shared?.alarms
    })
    const inAlarm = (await gates.read()).alarms.filter(a => a.state === 'ALARM')
    for (const ref of here)
      firing.set(
        ref,
        inAlarm.filter(a => gateAlarms(config, ref).includes(a.name))
      )
  }
  return firing
}

export function sessionFor(
  deps: ServicesDeps,
  ref: ServiceRef,
  extra: Partial<SessionDeps> = {}
): SessionDeps {
  return {
    clients: deps.clientsFor(ref.region),
    clock: deps.clock,
    run: deps.run,
    cancel: deps.cancel,
    logLabel: ref.text,
    ...extra
  }
}

/** A service's row, with its Outcome when the command returned one, and whether it failed the service. */
export type ServiceResult = ServiceRow & { outcome?: Outcome; failed: boolean }

/** A service's command run to its Outcome, or a thrown error as a failed row: one service never stops another. */
export async function runFor(
  deps: SessionDeps,
  ref: ServiceRef,
  wave: number,
  command: () => Promise<Outcome>
): Promise<ServiceResult> {
  const row = {
    wave,
    service: ref.service,
    cluster: ref.cluster,
    region: ref.region ?? (await deps.clients.ecs.config.region())
  }
  try {
    const outcome = await command()
    return {
      ...row,
      status: outcome.status,
      reason: outcome.failure ?? outcome.outputs[Output.Reason],
      taskDefinitionArn: outcome.outputs[Output.TaskDefinitionArn],
      rolloutId: outcome.outputs[Output.RolloutId],
      summary: outcome.summary,
      outcome,
      failed: outcome.failure !== undefined
    }
  } catch (error) {
    return { ...row, status: Status.Failed, reason: describeError(error), failed: true }
  }
}

/** The run's Outcome over every service's row: the worst status of those that failed, the table, the JSON. */
export function servicesOutcome(title: string, rows: ServiceResult[], note?: string): Outcome {
  const failing = rows.filter(r => r.failed)
  const skipped = rows.some(r => r.status === 'skipped')
  const status = failing.length ? worstStatus(failing) : skipped ? Status.Failed : worstStatus(rows)
  const outputs = { [Output.ServicesStatus]: servicesJson(rows) }
  if (!failing.length && !skipped)
    return { status: status as Status, outputs, summary: servicesSummary(title, rows, note) }
  const failure = [
    `${failing.length} of ${rows.length} services failed`,
    ...failing.map(
      r => `${r.region}/${r.cluster}/${r.service} ${r.status}${r.reason ? `: ${r.reason}` : ''}`
    ),
    note
  ]
    .filter(Boolean)
    .join('; ')
  return {
    status: status as Status,
    outputs: { ...outputs, [Output.Reason]: failure },
    summary: servicesSummary(title, rows, note),
    failure
  }
}
