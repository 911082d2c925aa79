// A task-set rollout run to its end: the reconciler over the rollout's adapters, from a given state, with the
// log, the live job summary and the outputs (run-engine.ts). Deploy, the control commands (resume, promote,
// abort, …) and a take-over of an orphaned rollout all come here.

import type { TaskDefinitionInfo } from '../plan/revision.js'
import type { Config, PlanConfig } from '../config/types.js'
import type { Output } from '../constants.js'
import type { EngineState } from '../engine/decide.js'
import type { GatesPort } from '../engine/ports.js'
import { Reconciler } from '../engine/reconciler.js'
import { buildPlan } from '../plan/planner.js'
import type { RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { engineSettings, runEngine } from './run-engine.js'
import type { SessionDeps } from './session-deps.js'
import { hooksFor, type Ports } from './task-set-ports.js'

// Names the control commands import from here.
export { saveForPostStep } from './run-engine.js'
export type { SessionDeps } from './session-deps.js'
export { portsFor, type Ports } from './task-set-ports.js'

export interface RunOptions {
  config: Config
  deps: SessionDeps
  record: RolloutRecord
  state: EngineState
  ports: Ports
  /** The task definition being replaced, for "what changed". */
  from?: TaskDefinitionInfo
  to?: TaskDefinitionInfo
  /** Gates off: a service's very first task set has nothing to protect. */
  ungated?: boolean
  plan?: PlanConfig
  outputs?: Partial<Record<Output, string>>
}

/** Runs the reconciler from `state` to an Outcome, with the log and a live job summary. */
export async function runRollout(o: RunOptions): Promise<Outcome> {
  const { config, deps, record, ports } = o
  const planConfig = o.plan ?? record.plan
  const observed = await ports.fleet.observe(true)
  return runEngine({
    config,
    deps,
    record,
    plan: buildPlan(planConfig, observed.desiredCount),
    fromStep: o.state.step,
    from: o.from,
    to: o.to,
    outputs: o.outputs,
    metricGates: o.ungated ? undefined : ports.metrics?.describe(),
    engine: events =>
      new Reconciler(
        record,
        o.state,
        {
          fleet: ports.fleet,
          traffic: ports.traffic,
          gates: o.ungated ? noGates : ports.gates,
          metrics: o.ungated ? undefined : ports.metrics,
          records: ports.records,
          events,
          clock: deps.clock,
          hooks: hooksFor(config, deps, record, events, ports),
          cancel: deps.cancel
        },
        engineSettings(config, planConfig),
        deps.clock.now()
      ).run()
  })
}

const noGates: GatesPort = { missing: async () => [], read: async () => ({ alarms: [], warnings: [] }) }
