// command: wave-gate, the first step of a later wave's job: it passes only when every service of the earlier
// wave (services) has completed this commit's rollout successfully, has run it for at least min-bake-time since,
// and has none of its gate alarms (alarms) in ALARM. Everything it needs is on the ECS services (their rollout
// records) and in CloudWatch: GitHub's needs: orders the jobs, this checks that the earlier wave is healthy.
// Given a timeout, it waits (within it) for a gate that is not yet met instead of failing at once.

import * as core from '@actions/core'
import { describeServiceTags, serviceReads, type ServiceTags } from '../aws/services-batch.js'
import { formatDuration } from '../config/parse.js'
import type { ServiceRef } from '../config/wave-inputs.js'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { firingGates, servicesOutcome, type ServiceResult, type ServicesDeps } from './service-runs.js'

/** Why a service does not pass yet, and whether time alone will fix it (then when). */
export interface GateCheck {
  reason?: string
  /** Only the bake is missing: it passes at this instant. */
  bakedAt?: number
}

/**
 * Pure: one service's gate from its record and its gate alarms in ALARM.
 * Worked example: record Completed/succeeded for commit abc at 10:00, min-bake-time 10m, now 10:04, no alarm →
 * "has baked 4m of 10m since its rollout succeeded", passes at 10:10.
 */
export function checkGate(
  record: RolloutRecord | undefined,
  firing: string[],
  o: { commit: string; minBakeMs: number; now: number }
): GateCheck {
  const short = (c: string) => c.slice(0, 12)
  if (!record) return { reason: 'has no ecs-rollout record: it was never rolled out by ecs-rollout' }
  if (o.commit && record.commit !== o.commit)
    return {
      reason: `has not rolled out commit ${short(o.commit)}: its latest rollout (${record.id}) is of ${short(record.commit) || 'no commit'}`
    }
  if (record.phase !== 'Completed')
    return {
      reason: `is still rolling out (rollout ${record.id}, ${record.stage ?? 'active'} at step ${record.step} of ${record.steps})`
    }
  if (record.outcome !== 'succeeded')
    return {
      reason: `rollout ${record.id} ended ${record.outcome ?? 'without an outcome'}${record.reason ? `: ${record.reason}` : ''}`
    }
  if (firing.length) return { reason: `gate alarm ${firing.join(', ')} is in ALARM` }
  const baked = o.now - record.heartbeat
  if (baked < o.minBakeMs)
    return {
      reason: `has baked ${formatDuration(baked)} of ${formatDuration(o.minBakeMs)} since its rollout succeeded`,
      bakedAt: record.heartbeat + o.minBakeMs
    }
  return {}
}

export async function waveGateCommand(config: Config, deps: ServicesDeps): Promise<Outcome> {
  const services: ServiceRef[] = config.waves.services.length
    ? config.waves.services
    : [{ text: config.service, cluster: config.cluster, service: config.service }]
  const wait = config.given.has('timeout')
  const deadline = deps.clock.now() + config.timeoutMs
  for (;;) {
    const checks = await checkAll(config, deps, services)
    const open = checks.filter(c => c.check.reason)
    const now = deps.clock.now()
    if (open.length === 0 || !wait || now >= deadline || deps.cancel?.aborted)
      return servicesOutcome(
        `wave-gate on ${services.length} services`,
        checks.map(c => c.row)
      )
    for (const c of open) core.info(`Waiting: ${c.ref.text} ${c.check.reason}`)
    // Only bakes left: sleep until the last one is done, polling the alarms meanwhile.
    const next = Math.max(...open.map(c => c.check.bakedAt ?? now + config.pollIntervalMs))
    await deps.clock.sleep(
      Math.max(0, Math.min(next - now, config.pollIntervalMs, deadline - now)),
      deps.cancel
    )
  }
}

async function checkAll(config: Config, deps: ServicesDeps, services: ServiceRef[]) {
  // One DescribeServices per 10 services of a cluster, one DescribeAlarms per region.
  const groups = new Map<string, ServiceRef[]>()
  for (const ref of services) {
    const key = `${ref.region ?? ''} ${ref.cluster}`
    groups.set(key, [...(groups.get(key) ?? []), ref])
  }
  const tags = new Map<ServiceRef, ServiceTags>()
  for (const refs of groups.values()) {
    const clients = deps.clientsFor(refs[0].region)
    const cluster = refs[0].cluster
    const reads = clients.shared?.services(cluster) ?? serviceReads(clients.ecs, cluster, deps.clock)
    const found = await describeServiceTags(
      reads,
      cluster,
      refs.map(r => r.service)
    )
    for (const ref of refs) tags.set(ref, found.get(ref.service)!)
  }
  const firing = await firingGates(config, deps, services)
  const now = deps.clock.now()
  return Promise.all(
    services.map(async ref => {
      const t = tags.get(ref)!
      const check: GateCheck =
        'missing' in t
          ? { reason: t.missing }
          : checkGate(
              decodeRecord(t.tags),
              (firing.get(ref) ?? []).map(a => a.name),
              {
                commit: deps.run.commit,
                minBakeMs: config.waves.minBakeMs,
                now
              }
            )
      const row: ServiceResult = {
        wave: 0,
        service: ref.service,
        cluster: ref.cluster,
        region: ref.region ?? (await deps.clientsFor(undefined).ecs.config.region()),
        status: check.reason ? Status.Failed : Status.Succeeded,
        reason: check.reason ?? 'passed',
        failed: check.reason !== undefined
      }
      return { ref, check, row }
    })
  )
}
