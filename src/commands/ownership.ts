// How a later run picks up a rollout whose owner is gone: where it stands, rebuilt from its record and ECS, and a
// deploy's take-over (takeover: true). Who owns a rollout is rollout-owner.ts; what a later run chooses to do
// with it, control-protocol.ts.

import * as core from '@actions/core'
import type { ServiceInfo } from '../aws/service.js'
import { readRevisions } from '../aws/task-definition.js'
import type { Config } from '../config/types.js'
import type { EngineState } from '../engine/decide.js'
import { buildPlan } from '../plan/planner.js'
import type { RolloutRecord } from '../record/record.js'
import { orphanMode, ownerOf, takeOver } from './rollout-owner.js'
import type { Outcome } from './outcome.js'
import { portsFor, runRollout, saveForPostStep, type Ports, type SessionDeps } from './rollout-session.js'

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
  const promoted = fleet.new?.primary ?? false
  // The owner stopped after retiring the stable task set: nothing is left to roll back to, only to finish.
  const retired = promoted && !fleet.stable
  if (retired && mode === 'rollback')
    core.warning(
      `Rollout ${record.id} had already retired ${record.stableTaskDefinition ?? 'the stable revision'}: there is nothing to roll back to, so it is finished instead`
    )
  const final = retired || step > plan.steps.length
  const state: EngineState = {
    mode: mode === 'rollback' && !retired ? 'rollback' : final ? 'final' : 'forward',
    step: Math.min(step, plan.steps.length),
    phase: 'moving',
    stepStartedAt: now,
    trafficPercent,
    promoted,
    failure: mode === 'rollback' ? { kind: 'orphan', owner: ownerOf(record) } : undefined
  }
  // Promoted already: the final bake starts over, since nobody watched it while the owner was gone.
  if (state.mode === 'final' && promoted) state.bakeStartedAt = now
  if (state.mode !== 'rollback') state.failure = undefined
  return state
}

/**
 * Takes over a rollout whose owner is gone (or that waits paused, for a deploy with takeover: true): finishes
 * it (on-orphan: resume) or rolls it back (on-orphan: rollback, and any rollout that was rolling back).
 */
export async function handleOrphan(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord
): Promise<Outcome> {
  const ports = await portsFor(config, deps.clients, service, record)
  const mode = orphanMode(record, config.onOrphan)
  const taken = takeOver(record, deps, mode)
  core.info(
    `Rollout ${record.id} (${record.stage ?? 'active'} at step ${record.step} of ${record.steps}) has no live owner: this run takes it over (on-orphan: ${config.onOrphan})`
  )
  // Taken at once, so that no other run takes it too, and handed to the post step if this run is cancelled.
  await ports.records.save(taken)
  saveForPostStep(config, record.id)
  if (mode === 'forward') await ports.fleet.ensureNew()
  return runRollout({
    config,
    deps,
    record: taken,
    ports,
    state: await resumeState(record, ports, record.step, mode, deps.clock.now()),
    ...(await readRevisions(deps.clients.ecs, record))
  })
}
