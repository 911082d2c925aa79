// An ECS-controller rollout run to its end: the follower over ECS's deployment (aws/ecs-deployment.ts), under the
// same gates, hooks, log, job summary and outputs as a task-set rollout (run-engine.ts). A deploy starts the
// deployment; a control run's abort or resume adopts one whose run is gone.

import * as core from '@actions/core'
import type { AlarmGates } from '../aws/alarm-gates.js'
import { EcsDeployment } from '../aws/ecs-deployment.js'
import { RecordStore } from '../aws/record-store.js'
import { sharedService, type ServiceInfo } from '../aws/service.js'
import { readRevisions } from '../aws/task-definition.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import type { Config, PlanConfig } from '../config/types.js'
import { Status } from '../constants.js'
import { describeError } from '../errors.js'
import { recordedOutcome } from '../engine/outcome.js'
import type { FailureReason } from '../engine/events.js'
import { Follower } from '../engine/follow.js'
import type { EcsDeploymentConfiguration } from '../plan/ecs-deployment-configuration.js'
import { ecsControllerPlan, nativeName } from '../plan/ecs-plan.js'
import { decodeSettings } from '../plan/kept-settings.js'
import type { Plan } from '../plan/types.js'
import type { RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { serviceMetricGates } from './metric-wiring.js'
import { takeOver } from './rollout-owner.js'
import { engineSettings, hookRunner, runEngine, saveForPostStep } from './run-engine.js'
import type { SessionDeps } from './session-deps.js'
import { checkedGates } from './start-checks.js'

export interface FollowOptions {
  config: Config
  deps: SessionDeps
  record: RolloutRecord
  plan: Plan
  /** The service the record is kept on: followRollout saves it there first. */
  serviceArn: string
  gates: AlarmGates
  /** The service's load balancers, where the metric gates read the new and the stable revision. */
  loadBalancers: ServiceInfo['loadBalancers']
  from?: TaskDefinitionInfo
  to?: TaskDefinitionInfo
  deploymentConfiguration: EcsDeploymentConfiguration
  native: boolean
  inFlight?: RolloutRecord
  /** A deployment another run started, followed from a step (a control run's abort, resume or promote). */
  adopt?: { step: number; rollback?: FailureReason; promotedTo?: number }
}

/**
 * A control run's abort or resume of an ECS-controller rollout whose owner is gone: this run follows ECS's
 * deployment from `step` (the owner's by default) under its own gates and, with `rollback`, has ECS roll it
 * back; a promote releases the steps before `promotedTo` without their bakes. `plan` is the record's with this
 * run's bake-time, if given.
 */
export async function carryOnEcsController(
  config: Config,
  deps: SessionDeps,
  info: ServiceInfo,
  record: RolloutRecord,
  how: { plan: PlanConfig; rollback?: FailureReason; step?: number; promotedTo?: number }
): Promise<Outcome> {
  const { clients } = deps
  const gates = await checkedGates(config, clients)
  const taken: RolloutRecord = {
    ...takeOver(record, deps, how.rollback ? 'rollback' : 'forward'),
    plan: how.plan
  }
  return followRollout({
    config,
    deps,
    record: taken,
    plan: ecsControllerPlan(how.plan, info.desiredCount),
    serviceArn: info.arn,
    gates,
    loadBalancers: info.loadBalancers,
    ...(await readRevisions(clients.ecs, record)),
    deploymentConfiguration: {},
    native: nativeName(record.plan.strategy) !== undefined,
    adopt: { step: how.step ?? record.step, rollback: how.rollback, promotedTo: how.promotedTo }
  })
}

/** Runs the follower to an Outcome with the same log, live job summary, GitHub report and outputs as task sets. */
export async function followRollout(o: FollowOptions): Promise<Outcome> {
  const { config, deps, record, plan } = o
  const shared = () => sharedService(deps.clients.shared, config.cluster, config.service, 0)?.read
  const records = new RecordStore({
    ecs: deps.clients.ecs,
    serviceArn: o.serviceArn,
    cluster: config.cluster,
    shared: shared()
  })
  const metrics = await serviceMetricGates(config, deps.clients, o.gates, o.loadBalancers)
  await records.save(record)
  saveForPostStep(config, record.id)
  return runEngine({
    config,
    deps,
    record,
    plan,
    fromStep: o.adopt?.step ?? 1,
    controller: 'ECS',
    metricGates: metrics.judge?.describe(),
    from: o.from,
    to: o.to,
    engine: async events => {
      const warn = (message: string): void => events.emit({ kind: 'warning', at: deps.clock.now(), message })
      if (o.inFlight)
        warn(`rollout ${o.inFlight.id} had no live owner: this run's deployment replaces it (takeover)`)
      const deployment = new EcsDeployment({
        ecs: deps.clients.ecs,
        cluster: config.cluster,
        service: config.service,
        newTaskDefinition: record.newTaskDefinition,
        stableTaskDefinition: record.stableTaskDefinition ?? '',
        deploymentConfiguration: o.deploymentConfiguration,
        native: o.native,
        recorded: decodeSettings(record.settings),
        since: deps.clock.now(),
        warn,
        shared: shared()
      })
      const follower = new Follower(
        record,
        {
          deployment,
          gates: metrics.gates,
          metrics: metrics.judge,
          records,
          events,
          clock: deps.clock,
          hooks: hookRunner(config, deps, record, events),
          cancel: deps.cancel,
          log: line => core.info(line)
        },
        engineSettings(config, plan),
        deps.clock.now()
      )
      try {
        return await (o.adopt
          ? follower.adopt(o.adopt.step, o.adopt.rollback, o.adopt.promotedTo)
          : follower.run())
      } catch (error) {
        // ECS may carry the deployment on (AWS not answering mid-rollout): the record stays Active, handed over.
        if (deployment.mayBeLive(error)) {
          await follower.handOverAfter(error)
          throw error
        }
        // The record must not stay Active for a rollout that ended here (UpdateService refused, nothing to adopt).
        const ended = {
          phase: 'Completed',
          stage: undefined,
          outcome: recordedOutcome(Status.Failed)
        } as const
        const at = deps.clock.now()
        await records
          .save({ ...record, ...ended, reason: describeError(error), heartbeat: at, request: null })
          .catch(() => undefined)
        throw error
      }
    }
  })
}
