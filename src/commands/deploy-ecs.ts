// command: deploy on a service with the ECS deployment controller. ECS carries the deployment out: rolling and
// all-at-once are one UpdateService within maximumPercent/minimumHealthyPercent (from max-surge and
// max-unavailable); linear, canary and blue-green are ECS's native strategies (deploymentConfiguration.strategy),
// which need the load balancer's advanced configuration. The follower (engine/follow.ts) then follows the
// deployment under the same gates, hooks, events, job summary and outputs as a task-set rollout.
// Everything that can be checked is checked before the first change, as for task sets.

import * as core from '@actions/core'
import {
  ListServiceDeploymentsCommand,
  type DeploymentConfiguration,
  type Service
} from '@aws-sdk/client-ecs'
import type { AlarmGates } from '../aws/alarm-gates.js'
import { EcsDeployment } from '../aws/ecs-deployment.js'
import { RecordStore } from '../aws/record-store.js'
import { describeService, type ServiceInfo } from '../aws/service.js'
import {
  isTaskDefinitionFile,
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition,
  taskDefinitionLabel
} from '../aws/task-definition.js'
import { checkEcsControllerInputs, fractionalBakeWarnings } from '../config/controller-inputs.js'
import { formatDuration, InputError } from '../config/parse.js'
import type { Config, PlanConfig } from '../config/types.js'
import { describeError } from '../errors.js'
import type { FailureReason, RolloutEvent } from '../engine/events.js'
import { Follower } from '../engine/follow.js'
import { bakeMinutes, ecsControllerPlan, isNativeStrategy, rollingPercents } from '../plan/ecs-plan.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import { alreadyRunning, checkAlarmsAtStart, checkedGates, newRecord, newRolloutId } from './start-checks.js'
import type { Outcome } from './outcome.js'
import { ownerIsAlive, takeOver } from './ownership.js'
import {
  describeTaskDefinition,
  engineSettings,
  hookRunner,
  saveForPostStep,
  startEvent,
  startReporting,
  type SessionDeps
} from './rollout-session.js'

const NATIVE = { linear: 'LINEAR', canary: 'CANARY', 'blue-green': 'BLUE_GREEN' } as const
/** Service-deployment statuses of a deployment still under way. */
const UNDER_WAY = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS'
] as const

export async function deployOnEcsController(
  config: Config,
  deps: SessionDeps,
  info: ServiceInfo,
  taskDefinitionRef: string
): Promise<Outcome> {
  const { clients, clock } = deps
  // ---- checks: nothing below changes anything until the task definition is registered ----
  checkEcsControllerInputs(config, deps.run.ecsEndpoint)
  const service = await describeService(clients.ecs, config.cluster, config.service)
  const strategy = config.plan.strategy.name
  const native = isNativeStrategy(strategy)
  if (native) checkNativeSetup(config, service)
  const file = isTaskDefinitionFile(taskDefinitionRef)
    ? await loadTaskDefinitionFile(taskDefinitionRef, config.containerImages)
    : undefined
  const gates = await checkedGates(config, clients)
  const plan = ecsControllerPlan(config.plan, info.desiredCount)
  const waits = plan.steps.reduce((sum, s) => sum + s.bakeMs, plan.finalBakeMs)
  if (waits > config.timeoutMs)
    throw new InputError(
      'timeout',
      `${formatDuration(config.timeoutMs)} is shorter than the plan's bakes alone (${formatDuration(waits)}): raise timeout or shorten the bakes`
    )
  const inFlight = decodeRecord(info.tags)
  if (inFlight?.phase === 'Active') {
    if (ownerIsAlive(inFlight, config, clock.now()))
      throw new Error(
        `a rollout (${inFlight.id}) is already in progress on ${config.service}, started by ${inFlight.actor}${inFlight.runUrl ? ` in ${inFlight.runUrl}` : ''}: abort it first`
      )
    if (!config.takeover)
      throw new Error(
        `rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: abort it, or set takeover: true to let this run's deployment replace it`
      )
  }
  if (!config.takeover) await checkNothingUnderWay(config, deps, service, native)
  await checkAlarmsAtStart(config, gates, clock)

  // ---- act ----
  const rolloutId = newRolloutId(deps.run)
  const resolved = file
    ? await registerTaskDefinition(clients.ecs, file, rolloutId)
    : await resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId)
  const stable = info.taskDefinition ?? ''
  if (resolved.arn === stable) return alreadyRunning(config, resolved.arn)
  const record = newRecord(config, deps.run, clock.now(), {
    id: rolloutId,
    steps: plan.steps.length,
    newTaskDefinition: resolved.arn,
    stableTaskDefinition: stable
  })

  return followRollout({
    config,
    deps,
    record,
    plan,
    serviceArn: info.arn,
    gates,
    from: await describeTaskDefinition(clients, stable),
    to: resolved.definition,
    deploymentConfiguration: deploymentConfigurationFor(config, service),
    native,
    inFlight: inFlight?.phase === 'Active' ? inFlight : undefined
  })
}

/** What UpdateService sets besides the task definition. */
export function deploymentConfigurationFor(config: Config, service: Service): DeploymentConfiguration {
  const strategy = config.plan.strategy
  switch (strategy.name) {
    case 'linear':
      return {
        strategy: NATIVE.linear,
        linearConfiguration: {
          stepPercent: strategy.stepPercent,
          stepBakeTimeInMinutes: bakeMinutes(strategy.stepBakeMs)
        },
        bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs)
      }
    case 'canary':
      return {
        strategy: NATIVE.canary,
        canaryConfiguration: {
          canaryPercent: strategy.canaryPercent,
          canaryBakeTimeInMinutes: bakeMinutes(strategy.canaryBakeMs)
        },
        bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs)
      }
    case 'blue-green':
      return { strategy: NATIVE['blue-green'], bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs) }
    default: {
      const percents = rollingPercents(config.plan, service.desiredCount ?? 0)
      // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
      // emulators without it expect).
      const current = service.deploymentConfiguration?.strategy
      return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents
    }
  }
}

/** A native strategy needs the load balancer's advanced configuration: say exactly what is missing. */
function checkNativeSetup(config: Config, service: Service): void {
  const strategy = config.plan.strategy.name as keyof typeof NATIVE
  const lbs = service.loadBalancers ?? []
  const advanced = lbs.find(lb => lb.advancedConfiguration)?.advancedConfiguration
  const fields = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'] as const
  const missing = advanced ? fields.filter(f => !advanced[f]) : [...fields]
  if (lbs.length > 0 && missing.length === 0) return
  const has =
    lbs.length === 0
      ? `service ${config.service} has no load balancer`
      : advanced
        ? `the advancedConfiguration of service ${config.service}'s load balancer lacks ${missing.join(', ')}`
        : `service ${config.service}'s load balancer (target group ${lbs[0].targetGroupArn ?? lbs[0].loadBalancerName}) has no advancedConfiguration`
  throw new InputError(
    'strategy',
    `${strategy} on an ECS-controller service is ECS's native ${NATIVE[strategy]} deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn (a second target group for the new revision), productionListenerRule (the listener rule, or an NLB's listener, that forwards production traffic to both target groups) and roleArn (a role that lets ECS change them); ${has}. Add it with UpdateService loadBalancers[].advancedConfiguration (or in your infrastructure code), or use strategy: rolling`
  )
}

/** ECS replaces a deployment under way with a new one: refuse rather than cut someone else's deployment short. */
async function checkNothingUnderWay(
  config: Config,
  deps: SessionDeps,
  service: Service,
  native: boolean
): Promise<void> {
  const busy = (service.deployments ?? []).find(d => d.rolloutState === 'IN_PROGRESS')
  if (busy)
    throw new Error(
      `an ECS deployment (${busy.id}, ${taskDefinitionLabel(busy.taskDefinition ?? '')}) is in progress on ${config.service}: wait for it to finish, or set takeover: true to replace it`
    )
  if (!native) return
  let found
  try {
    found = await deps.clients.ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: config.cluster,
        service: config.service,
        status: [...UNDER_WAY]
      })
    )
  } catch (error) {
    throw new Error(
      `strategy: ${config.plan.strategy.name} is followed through ECS's service-deployment APIs, and ListServiceDeployments failed (${describeError(error)}): allow ecs:ListServiceDeployments, ecs:DescribeServiceDeployments and ecs:StopServiceDeployment, or use strategy: rolling`,
      { cause: error }
    )
  }
  const under = found.serviceDeployments?.[0]
  if (under)
    throw new Error(
      `a service deployment (${under.serviceDeploymentArn}, ${under.status}) is under way on ${config.service}: wait for it to finish, or set takeover: true to replace it`
    )
}

interface FollowOptions {
  config: Config
  deps: SessionDeps
  record: RolloutRecord
  plan: Plan
  /** The service the record is kept on: followRollout saves it there first. */
  serviceArn: string
  gates: AlarmGates
  from?: Awaited<ReturnType<typeof describeTaskDefinition>>
  to?: Awaited<ReturnType<typeof describeTaskDefinition>>
  deploymentConfiguration: DeploymentConfiguration
  native: boolean
  inFlight?: RolloutRecord
  /** A deployment another run started, followed from its step (a control run's abort or resume). */
  adopt?: { step: number; rollback?: FailureReason }
}

/**
 * A control run's abort or resume of an ECS-controller rollout whose owner is gone: this run follows ECS's
 * deployment from the owner's step under its own gates and, with `rollback`, has ECS roll it back. ECS went on
 * with the deployment while nobody watched, so there is nothing to pause or promote. `plan` is the record's with
 * this run's bake-time, if given (the final watch is the action's own; ECS's native bakes were set at the start).
 */
export async function carryOnEcsController(
  config: Config,
  deps: SessionDeps,
  info: ServiceInfo,
  record: RolloutRecord,
  how: { plan: PlanConfig; rollback?: FailureReason }
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
    from: await describeTaskDefinition(clients, record.stableTaskDefinition),
    to: await describeTaskDefinition(clients, record.newTaskDefinition),
    deploymentConfiguration: {},
    native: isNativeStrategy(record.plan.strategy.name),
    adopt: { step: record.step, rollback: how.rollback }
  })
}

/** Runs the follower to an Outcome with the same log, live job summary, GitHub report and outputs as runRollout. */
async function followRollout(o: FollowOptions): Promise<Outcome> {
  const { config, deps, record, plan } = o
  const records = new RecordStore({ ecs: deps.clients.ecs, serviceArn: o.serviceArn })
  await records.save(record)
  saveForPostStep(config, record.id)
  const reporting = await startReporting(config, deps, record, o.from, o.to)
  const { events, region } = reporting
  const start: RolloutEvent = {
    ...startEvent(config, record, region, plan, o.adopt?.step ?? 1, deps.clock.now()),
    controller: 'ECS'
  }
  events.emit(start)
  const warn = (message: string): void => events.emit({ kind: 'warning', at: deps.clock.now(), message })
  if (o.inFlight)
    warn(`rollout ${o.inFlight.id} had no live owner: this run's deployment replaces it (takeover)`)
  for (const message of fractionalBakeWarnings(config, deps.run.ecsEndpoint)) warn(message)
  const runner = hookRunner(config, deps, record, events)
  const deployment = new EcsDeployment({
    ecs: deps.clients.ecs,
    cluster: config.cluster,
    service: config.service,
    newTaskDefinition: record.newTaskDefinition,
    stableTaskDefinition: record.stableTaskDefinition ?? '',
    deploymentConfiguration: o.deploymentConfiguration,
    native: o.native,
    since: deps.clock.now(),
    warn
  })
  let result
  try {
    const follower = new Follower(
      record,
      {
        deployment,
        gates: o.gates,
        records,
        events,
        clock: deps.clock,
        hooks: runner,
        cancel: deps.cancel,
        log: line => core.info(line)
      },
      engineSettings(config, plan),
      deps.clock.now()
    )
    result = await (o.adopt ? follower.adopt(o.adopt.step, o.adopt.rollback) : follower.run())
  } catch (error) {
    // The record must not stay Active for a rollout that ended here (UpdateService refused, AWS unreachable).
    await records
      .save({
        ...record,
        phase: 'Completed',
        stage: undefined,
        outcome: 'failed',
        reason: describeError(error),
        heartbeat: deps.clock.now(),
        request: null
      })
      .catch(() => undefined)
    throw error
  }
  return reporting.finish(result)
}
