// Who owns a rollout in flight, and how a later run picks up one whose owner is gone.
// A rollout is owned by the run that executes it; the owner heart-beats on the record at every gate poll.
// A paused rollout has no owner: any control run may act on it.

import type { ServiceInfo } from '../aws/service.js'
import type { Config } from '../config/types.js'
import type { EngineState } from '../engine/decide.js'
import { buildPlan } from '../plan/planner.js'
import type { RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import {
  describeTaskDefinition,
  portsFor,
  runRollout,
  type Ports,
  type SessionDeps
} from './rollout-session.js'

export function ownerIsAlive(record: RolloutRecord, config: Config, now: number): boolean {
  const running = record.stage === 'executing' || record.stage === 'rolling-back'
  return running && now - record.heartbeat < config.takeoverAfterMs
}

/**
 * Where an interrupted rollout stands, rebuilt from its record and what ECS shows: a resumed step is
 * approached again and baked from the start, since nobody watched it while its owner was gone.
 */
export async function resumeState(
  record: RolloutRecord,
  ports: Ports,
  step: number,
  mode: 'forward' | 'rollback',
  now: number
): Promise<EngineState> {
  const fleet = await ports.fleet.observe(true)
  const plan = buildPlan(record.plan, fleet.desiredCount)
  const trafficPercent =
    ports.traffic.mode === 'weights'
      ? await ports.traffic.weight()
      : Math.round(
          (100 * (fleet.new?.desired ?? 0)) /
            Math.max(1, (fleet.new?.desired ?? 0) + (fleet.stable?.desired ?? 0))
        )
  const final = step > plan.steps.length
  return {
    mode: mode === 'rollback' ? 'rollback' : final ? 'final' : 'forward',
    step: Math.min(step, plan.steps.length),
    phase: 'moving',
    stepStartedAt: now,
    trafficPercent,
    promoted: fleet.new?.primary ?? false,
    failure: mode === 'rollback' ? { kind: 'orphan', owner: record.runUrl || record.actor } : undefined
  }
}

/** Takes over a rollout whose owner is gone: finishes it (on-orphan: resume) or rolls it back. */
export async function handleOrphan(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord
): Promise<Outcome> {
  const ports = await portsFor(config, deps.clients, service, record)
  const mode = record.stage === 'rolling-back' || config.onOrphan === 'rollback' ? 'rollback' : 'forward'
  const taken: RolloutRecord = {
    ...record,
    actor: deps.run.actor,
    runUrl: deps.run.runUrl,
    stage: mode === 'rollback' ? 'rolling-back' : 'executing'
  }
  return runRollout({
    config,
    deps,
    record: taken,
    ports,
    state: await resumeState(record, ports, record.step, mode, deps.clock.now()),
    from: await describeTaskDefinition(deps.clients, record.stableTaskDefinition),
    to: await describeTaskDefinition(deps.clients, record.newTaskDefinition)
  })
}
