// One rollout that a gate alarm stops during a bake: the action deploys, and once it logs that a step is baking
// the benchmark waits a chosen delay and sets the alarm to ALARM with SetAlarmState. Detection latency and
// rollback time are both read from what the sandbox recorded for this trial's region.

import type { CallRecord, JournalTick } from '../../sandbox/client.js'
import { startAction, transcript, type ActionRun, type LogLine } from './action.js'
import type { SandboxProcess } from './sandbox.js'
import { createService, setAlarm, type BenchService, type ServiceSpec } from './scenes.js'
import { sleep } from './trials.js'

/** How long after the run to read the journal: a few ticks of any tick setting the benchmarks use. */
const SETTLE_MS = 500

export interface AlarmTrialOptions {
  sandbox: SandboxProcess
  region: string
  service: Omit<ServiceSpec, 'region' | 'alarms'>
  /** Deploy inputs besides command, cluster, service, task-definition and alarms. */
  inputs: Record<string, string>
  /** More inputs that name the service's resources (listener, target groups). */
  sceneInputs?: (service: BenchService) => Record<string, string>
  /** How long after the bake starts to set the alarm. */
  delayMs: number
}

export interface AlarmTrial {
  run: ActionRun
  service: BenchService
  /** This trial's calls (its region), in the order the sandbox recorded them. */
  calls: CallRecord[]
  /** Index in `calls` of the SetAlarmState. */
  set: number
  bake: LogLine
  journal: JournalTick[]
}

export async function alarmTrial(o: AlarmTrialOptions): Promise<AlarmTrial> {
  const service = await createService(o.sandbox.url, { ...o.service, region: o.region, alarms: 1 })
  const action = startAction({
    endpoint: o.sandbox.url,
    region: o.region,
    timeoutMs: 120_000,
    inputs: {
      command: 'deploy',
      cluster: service.scene.clusterName,
      service: service.scene.serviceName,
      'task-definition': service.next,
      alarms: service.alarms.join(','),
      ...o.inputs,
      ...o.sceneInputs?.(service)
    }
  })
  const bake = await action.line(/ — .*baking \d/)
  await sleep(o.delayMs)
  await setAlarm(service.scene.clients.cw, service.alarms[0])
  const run = await action.done
  if (run.outputs.status !== 'rolled-back')
    throw new Error(`the rollout was not rolled back by the alarm\n${transcript(run)}`)
  // The journal records a tick after the action's last change: let the rollback's end reach it.
  await sleep(SETTLE_MS)
  const calls = (await o.sandbox.control.calls(run.startedAt)).filter(c => c.region === o.region)
  const set = calls.findIndex(c => c.operation === 'SetAlarmState')
  const { ticks } = await o.sandbox.control.journal(service.scene.clusterName, service.scene.serviceName, {
    since: run.startedAt
  })
  return { run, service, calls, set, bake, journal: ticks }
}

/** The first call after `index` that matches. */
export function firstAfter(
  calls: CallRecord[],
  index: number,
  match: (c: CallRecord) => boolean
): { call: CallRecord; index: number } | undefined {
  for (let i = index + 1; i < calls.length; i++) if (match(calls[i])) return { call: calls[i], index: i }
  return undefined
}
