// One healthy rollout from start to end, and where its time went (timeline.ts).

import type { CallRecord } from '../../sandbox/client.js'
import { startAction, transcript, type ActionRun } from './action.js'
import type { SandboxProcess } from './sandbox.js'
import { createService, type BenchService, type ServiceSpec } from './scenes.js'
import { timeline, type Timeline } from './timeline.js'

export interface RolloutOptions {
  sandbox: SandboxProcess
  service: ServiceSpec
  /** Deploy inputs besides command, cluster, service, task-definition and alarms (the service's gate alarms). */
  inputs: Record<string, string>
  rss?: boolean
  timeoutMs?: number
}

export interface Rollout {
  service: BenchService
  run: ActionRun
  /** The rollout's calls (its region), as the sandbox recorded them. */
  calls: CallRecord[]
  timeline: Timeline
}

/** Creates the service, then rolls a new revision out to it; fails unless the rollout succeeds. */
export async function prepareRollout(o: RolloutOptions): Promise<() => Promise<Rollout>> {
  const service = await createService(o.sandbox.url, o.service)
  return async () => {
    const run = await startAction({
      endpoint: o.sandbox.url,
      region: service.region,
      rss: o.rss,
      timeoutMs: o.timeoutMs ?? 600_000,
      inputs: {
        command: 'deploy',
        cluster: service.scene.clusterName,
        service: service.scene.serviceName,
        'task-definition': service.next,
        alarms: service.alarms.join(','),
        ...o.inputs
      }
    }).done
    if (run.outputs.status !== 'succeeded') throw new Error(`the rollout did not succeed\n${transcript(run)}`)
    const calls = (await o.sandbox.control.calls(run.startedAt)).filter(c => c.region === service.region)
    const { ticks } = await o.sandbox.control.journal(service.scene.clusterName, service.scene.serviceName, {
      since: run.startedAt
    })
    return { service, run, calls, timeline: timeline(run, calls, ticks) }
  }
}
