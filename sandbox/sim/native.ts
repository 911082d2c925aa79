// ECS's native LINEAR, CANARY and BLUE_GREEN deployments on an ECS-controller service whose load balancer has an
// advancedConfiguration: the new revision starts at full size in the alternate target group, test traffic moves
// to it, then production traffic in steps (linear: stepPercent every stepBakeTimeInMinutes; canary: canaryPercent,
// canaryBakeTimeInMinutes, then 100 %; blue/green: 100 % at once), by the weights of the production listener rule;
// then bakeTimeInMinutes, then the old revision is scaled in. Deployment alarms and the circuit breaker roll it
// back: weights return to the old revision at once and the new revision's tasks stop. Lifecycle hooks (hooks.ts)
// hold the deployment at their stages; PRE_PRODUCTION_TRAFFIC_SHIFT comes before every production step.
//
// Sandbox leniency: bake times may be fractions of a minute (0.05 = 3 s), so tests run in seconds.

import type { DeploymentConfiguration, DeploymentLifecycleHookStage, LoadBalancer } from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import type { World } from '../core/world.js'
import { addEvent } from '../ecs/events.js'
import type { DeploymentRecord, NativeProgress, ServiceRecord, TaskRecord } from '../ecs/model.js'
import { forwardTargets } from '../elbv2/usage.js'
import { firingAlarms } from './deploymentAlarms.js'
import { TaskEvents } from './events.js'
import { runHooks } from './hooks.js'
import { circuitBreakerThreshold, newDeployment, serviceRevisionArn } from './rolling.js'
import { scaleInOrder, scalingReason } from './scaleIn.js'
import { launchTask, stopTask } from './tasks.js'
import { isHealthy, isLive, tasksOf } from './taskState.js'

export type NativeStrategy = NativeProgress['strategy']
const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY']
const MINUTE_MS = 60_000
const MAX_MINUTES = 1440

export function isNativeStrategy(strategy: string | undefined): strategy is NativeStrategy {
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY'
}

function minutes(value: unknown, name: string): void {
  if (value === undefined) return
  // ECS takes whole minutes; the sandbox also takes fractions (see the README), never negative ones.
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MINUTES)
    throw ecsErrors.invalidParameter(`${name} must be between 0 and ${MAX_MINUTES} minutes.`)
}

/** The strategy members of a deployment configuration, as ECS validates them. */
export function checkStrategyConfiguration(config: DeploymentConfiguration): void {
  if (config.strategy !== undefined && !STRATEGIES.includes(config.strategy))
    throw ecsErrors.invalidParameter(`Invalid deployment strategy: ${String(config.strategy)}.`)
  minutes(config.bakeTimeInMinutes, 'bakeTimeInMinutes')
  minutes(config.linearConfiguration?.stepBakeTimeInMinutes, 'linearConfiguration.stepBakeTimeInMinutes')
  minutes(config.canaryConfiguration?.canaryBakeTimeInMinutes, 'canaryConfiguration.canaryBakeTimeInMinutes')
  const step = config.linearConfiguration?.stepPercent
  if (step !== undefined && !(typeof step === 'number' && step >= 3 && step <= 100))
    throw ecsErrors.invalidParameter('linearConfiguration.stepPercent must be between 3.0 and 100.0.')
  const canary = config.canaryConfiguration?.canaryPercent
  if (canary !== undefined && !(typeof canary === 'number' && canary >= 0.1 && canary <= 100))
    throw ecsErrors.invalidParameter('canaryConfiguration.canaryPercent must be between 0.1 and 100.0.')
}

/** A native strategy needs a load balancer with an advanced configuration whose resources exist. */
export function checkNativeSetup(
  world: World,
  loadBalancers: LoadBalancer[],
  strategy: NativeStrategy
): void {
  const lb = loadBalancers.find(l => l.advancedConfiguration)
  const needs = 'alternateTargetGroupArn, productionListenerRule and roleArn'
  if (!lb)
    throw ecsErrors.invalidParameter(
      `The ${strategy} deployment strategy requires a load balancer with an advancedConfiguration (${needs}).`
    )
  const a = lb.advancedConfiguration!
  const missing = (['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'] as const).filter(
    k => !a[k]
  )
  if (missing.length)
    throw ecsErrors.invalidParameter(`advancedConfiguration is missing ${missing.join(', ')}.`)
  if (!lb.targetGroupArn || !world.elb.targetGroups.has(lb.targetGroupArn))
    throw ecsErrors.invalidParameter(`Target group ${lb.targetGroupArn} does not exist.`)
  if (!world.elb.targetGroups.has(a.alternateTargetGroupArn!))
    throw ecsErrors.invalidParameter(`Alternate target group ${a.alternateTargetGroupArn} does not exist.`)
  for (const [name, route] of [
    ['productionListenerRule', a.productionListenerRule],
    ['testListenerRule', a.testListenerRule]
  ] as const) {
    if (!route) continue
    const actions = routeActions(world, route)
    if (!actions) throw ecsErrors.invalidParameter(`${name} ${route} does not exist.`)
    const groups = actions.flatMap(forwardTargets).map(t => t.arn)
    if (!groups.includes(lb.targetGroupArn) || !groups.includes(a.alternateTargetGroupArn!))
      throw ecsErrors.invalidParameter(
        `${name} ${route} must forward to both target groups (${lb.targetGroupArn}, ${a.alternateTargetGroupArn}).`
      )
  }
}

/**
 * A new deployment of the service's current settings (UpdateService): rolling unless the strategy is native and
 * something serves already. A native deployment in progress is superseded: its traffic goes back and it stops.
 */
export function beginDeployment(world: World, service: ServiceRecord, now: number): DeploymentRecord {
  const running = service.deployments.find(d => inProgress(d))
  if (running) supersede(world, service, running, now)
  const strategy = service.deploymentConfiguration.strategy
  const source = service.deployments.find(d => d.status === 'PRIMARY')
  const deployment = newDeployment(world, service, now, 'update')
  const lb = service.loadBalancers.find(l => l.advancedConfiguration)
  if (!source || !lb) return deployment
  const advanced = lb.advancedConfiguration!
  const pair = [lb.targetGroupArn!, advanced.alternateTargetGroupArn!]
  const sourceTargetGroup =
    source.loadBalancers.map(l => l.targetGroupArn).find(tg => tg && pair.includes(tg)) ?? pair[0]
  // A rolling deployment after a native one replaces the revision that serves production traffic where it
  // serves it ("ECS identifies the service revision serving traffic and keeps the load balancer configuration",
  // updating from blue/green to rolling): its tasks join that revision's target group, not the service's first.
  if (!isNativeStrategy(strategy)) {
    deployment.loadBalancers = service.loadBalancers.map(l =>
      l === lb ? { ...l, targetGroupArn: sourceTargetGroup } : l
    )
    return deployment
  }
  const targetGroup = pair.find(tg => tg !== sourceTargetGroup) ?? pair[1]
  deployment.loadBalancers = service.loadBalancers.map(l =>
    l === lb ? { ...l, targetGroupArn: targetGroup } : l
  )
  deployment.native = {
    strategy,
    stage: 'RECONCILE_SERVICE',
    stageSince: now,
    weight: 0,
    testWeight: 0,
    sourceId: source.id,
    sourceTargetGroup,
    targetGroup,
    productionRoute: advanced.productionListenerRule!,
    testRoute: advanced.testListenerRule
  }
  deployment.serviceDeployment!.status = 'IN_PROGRESS'
  return deployment
}

function inProgress(d: DeploymentRecord): boolean {
  return !!d.native && d.status !== 'INACTIVE' && (d.rolloutState === 'IN_PROGRESS' || !!d.native.rollingBack)
}

/** Runs the service's native deployment for one tick; false when it has none in progress (rolling reconciles). */
export function reconcileNative(world: World, service: ServiceRecord, now: number): boolean {
  const deployment = service.deployments.find(inProgress)
  if (!deployment) return false
  const n = deployment.native!
  const source = service.deployments.find(d => d.id === n.sourceId)
  const desired = service.status === 'ACTIVE' ? service.desiredCount : 0
  const events = new TaskEvents(service)
  // The old revision serves at full size until the clean-up, as ECS keeps it for an instant rollback.
  if (source && (n.stage !== 'CLEAN_UP' || n.rollingBack)) keep(world, service, source, desired, events, now)
  if (n.rollingBack) {
    progressRollback(world, service, deployment, source, events, now)
  } else {
    if (n.stage !== 'RECONCILE_SERVICE' && n.stage !== 'PRE_SCALE_UP')
      keep(world, service, deployment, desired, events, now)
    watch(world, service, deployment, now)
    if (!n.rollingBack && deployment.rolloutState === 'IN_PROGRESS')
      advance(world, service, deployment, source, desired, events, now)
  }
  events.flush(world, now)
  return true
}

/** Deployment alarms and the circuit breaker, from the start to the end of the bake time. */
function watch(world: World, service: ServiceRecord, d: DeploymentRecord, now: number): void {
  const sd = d.serviceDeployment!
  const config = sd.deploymentConfiguration
  const alarms = config.alarms
  if (alarms?.enable) {
    sd.alarms ??= { status: 'MONITORING', alarmNames: alarms.alarmNames ?? [], triggeredAlarmNames: [] }
    const firing = firingAlarms(world, service, alarms.alarmNames ?? [])
    if (firing.length) {
      sd.alarms.status = 'TRIGGERED'
      sd.alarms.triggeredAlarmNames = firing
      const reason = `ECS deployment alarms: alarm ${firing.join(', ')} in ALARM state.`
      return alarms.rollback
        ? beginNativeRollback(world, service, d, now, reason)
        : stop(world, service, d, now, reason)
    }
  }
  const breaker = config.deploymentCircuitBreaker
  if (breaker?.enable && d.failedTasks >= circuitBreakerThreshold(breaker, service.desiredCount)) {
    sd.circuitBreakerTriggered = true
    const reason = 'ECS deployment circuit breaker: tasks failed to start.'
    return breaker.rollback
      ? beginNativeRollback(world, service, d, now, reason)
      : stop(world, service, d, now, reason)
  }
}

function advance(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  source: DeploymentRecord | undefined,
  desired: number,
  events: TaskEvents,
  now: number
): void {
  const n = d.native!
  const config = d.serviceDeployment!.deploymentConfiguration
  const go = (stage: NativeProgress['stage']) => {
    n.stage = stage
    n.stageSince = now
  }
  // The stage's lifecycle hooks must pass before the deployment leaves it; a failed or timed-out one rolls back.
  const hooksPass = (stage: DeploymentLifecycleHookStage, occurrence = 0) => {
    const outcome = runHooks(world, service, d, stage, now, {
      occurrence,
      executionDetails: executionDetails(service, d, source)
    })
    if (!outcome.pass && outcome.rollback) beginNativeRollback(world, service, d, now, outcome.rollback)
    return outcome.pass
  }
  // Instant stages follow each other within one tick; scaling, bakes, hooks and draining wait for later ticks.
  for (let guard = 0; guard < 16 && !n.rollingBack; guard++) {
    const before = n.stage
    switch (n.stage) {
      case 'RECONCILE_SERVICE':
        // ECS runs this stage only when more than one service revision is active.
        if (d.serviceDeployment!.sourceIds.length < 2 || hooksPass('RECONCILE_SERVICE')) go('PRE_SCALE_UP')
        break
      case 'PRE_SCALE_UP':
        if (!hooksPass('PRE_SCALE_UP')) break
        go('SCALE_UP')
        keep(world, service, d, desired, events, now)
        break
      case 'SCALE_UP': {
        const live = tasksOf(world, d.id).filter(isLive)
        if (live.length >= desired && live.every(t => isHealthy(world, t))) go('POST_SCALE_UP')
        break
      }
      case 'POST_SCALE_UP':
        if (!hooksPass('POST_SCALE_UP')) break
        go('TEST_TRAFFIC_SHIFT')
        n.testWeight = 100
        if (n.testRoute) setWeights(world, n.testRoute, n, 100)
        break
      case 'TEST_TRAFFIC_SHIFT':
        if (hooksPass('TEST_TRAFFIC_SHIFT')) go('POST_TEST_TRAFFIC_SHIFT')
        break
      case 'POST_TEST_TRAFFIC_SHIFT':
        if (hooksPass('POST_TEST_TRAFFIC_SHIFT')) go('PRE_PRODUCTION_TRAFFIC_SHIFT')
        break
      case 'PRE_PRODUCTION_TRAFFIC_SHIFT':
        // Before every production step of linear and canary, once for blue/green; told apart by the weight so far.
        if (!hooksPass('PRE_PRODUCTION_TRAFFIC_SHIFT', n.weight)) break
        go('PRODUCTION_TRAFFIC_SHIFT')
        shift(world, service, d, nextWeight(n, config), now)
        break
      case 'PRODUCTION_TRAFFIC_SHIFT':
        if (!hooksPass('PRODUCTION_TRAFFIC_SHIFT', n.weight)) break
        if (n.weight >= 100) go('POST_PRODUCTION_TRAFFIC_SHIFT')
        else if (now - (n.shiftedAt ?? now) >= stepBakeMs(n, config)) go('PRE_PRODUCTION_TRAFFIC_SHIFT')
        break
      case 'POST_PRODUCTION_TRAFFIC_SHIFT':
        if (hooksPass('POST_PRODUCTION_TRAFFIC_SHIFT')) go('BAKE_TIME')
        break
      case 'BAKE_TIME':
        if (now - n.stageSince >= (config.bakeTimeInMinutes ?? 0) * MINUTE_MS) {
          go('CLEAN_UP')
          if (source) stopAll(world, source, events, now)
        }
        break
      case 'CLEAN_UP':
        if (!source || tasksOf(world, source.id).every(t => t.lastStatus === 'STOPPED'))
          complete(world, service, d, source, now)
        break
    }
    if (n.stage === before) break
  }
}

/** What a Lambda hook's event carries: the service, the new revision and both listeners' weights by revision. */
function executionDetails(
  service: ServiceRecord,
  d: DeploymentRecord,
  source: DeploymentRecord | undefined
): Record<string, unknown> {
  const n = d.native!
  const green = serviceRevisionArn(service, d)
  const weights = (percent: number) =>
    source ? { [green]: percent, [serviceRevisionArn(service, source)]: 100 - percent } : { [green]: percent }
  return {
    serviceArn: service.arn,
    targetServiceRevisionArn: green,
    testTrafficWeights: weights(n.testWeight),
    productionTrafficWeights: weights(n.weight)
  }
}

function nextWeight(n: NativeProgress, config: DeploymentConfiguration): number {
  switch (n.strategy) {
    case 'BLUE_GREEN':
      return 100
    case 'CANARY':
      return n.weight === 0 ? Math.min(100, config.canaryConfiguration?.canaryPercent ?? 5) : 100
    case 'LINEAR': {
      const step = config.linearConfiguration?.stepPercent ?? 10
      return Math.min(100, Math.round((n.weight + step) * 10) / 10)
    }
  }
}

function stepBakeMs(n: NativeProgress, config: DeploymentConfiguration): number {
  if (n.strategy === 'LINEAR') return (config.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * MINUTE_MS
  if (n.strategy === 'CANARY') return (config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * MINUTE_MS
  return 0
}

function shift(world: World, service: ServiceRecord, d: DeploymentRecord, weight: number, now: number): void {
  const n = d.native!
  n.weight = weight
  n.shiftedAt = now
  d.updatedAt = new Date(now)
  setWeights(world, n.productionRoute, n, weight)
  addEvent(
    world,
    service,
    `(service ${service.name}) (deployment ${d.id}) shifted ${weight}% of production traffic to (target-group ${n.targetGroup}).`,
    now
  )
}

function complete(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  source: DeploymentRecord | undefined,
  now: number
): void {
  const sd = d.serviceDeployment!
  d.rolloutState = 'COMPLETED'
  d.rolloutStateReason = `ECS deployment ${d.id} completed.`
  d.updatedAt = new Date(now)
  d.finishedAt = new Date(now)
  sd.status = 'SUCCESSFUL'
  sd.statusReason = undefined
  if (sd.alarms) sd.alarms.status = 'MONITORING_COMPLETE'
  if (source) {
    source.status = 'INACTIVE'
    source.desiredCount = 0
  }
  addEvent(world, service, `(service ${service.name}) (deployment ${d.id}) deployment completed.`, now)
}

/** A native deployment goes back: all traffic to the old revision at once, then its own tasks stop. */
export function beginNativeRollback(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  now: number,
  reason: string
): void {
  const n = d.native!
  const sd = d.serviceDeployment!
  const source = service.deployments.find(x => x.id === n.sourceId)
  n.rollingBack = { reason, startedAt: now }
  n.stage = 'PRODUCTION_TRAFFIC_SHIFT'
  n.stageSince = now
  sd.status = 'ROLLBACK_IN_PROGRESS'
  sd.statusReason = reason
  sd.rollback = {
    reason,
    startedAt: new Date(now),
    serviceRevisionArn: source ? serviceRevisionArn(service, source) : undefined
  }
  d.rolloutState = 'FAILED'
  d.rolloutStateReason = reason
  d.updatedAt = new Date(now)
  n.weight = 0
  setWeights(world, n.productionRoute, n, 0)
  if (n.testWeight > 0 && n.testRoute) setWeights(world, n.testRoute, n, 0)
  n.testWeight = 0
  if (source) {
    service.taskDefinitionArn = source.taskDefinitionArn
    source.status = 'PRIMARY'
    d.status = 'ACTIVE'
  }
  addEvent(world, service, `(service ${service.name}) (deployment ${d.id}) rolling back: ${reason}`, now)
}

function progressRollback(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  source: DeploymentRecord | undefined,
  events: TaskEvents,
  now: number
): void {
  const n = d.native!
  d.desiredCount = 0
  if (n.stage === 'PRODUCTION_TRAFFIC_SHIFT') {
    n.stage = 'CLEAN_UP'
    n.stageSince = now
    stopAll(world, d, events, now)
  }
  if (!tasksOf(world, d.id).every(t => t.lastStatus === 'STOPPED')) return
  d.status = 'INACTIVE'
  d.finishedAt = new Date(now)
  d.serviceDeployment!.status = 'ROLLBACK_SUCCESSFUL'
  if (source) source.status = 'PRIMARY'
  addEvent(world, service, `(service ${service.name}) (deployment ${d.id}) rollback completed.`, now)
}

/** The deployment stops where it is (ABORT, or a failure without rollback): nothing moves any more. */
export function stop(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  now: number,
  reason: string
): void {
  const sd = d.serviceDeployment!
  d.rolloutState = 'FAILED'
  d.rolloutStateReason = reason
  d.updatedAt = new Date(now)
  d.finishedAt = new Date(now)
  sd.status = 'STOPPED'
  sd.statusReason = reason
  sd.stoppedAt = new Date(now)
  addEvent(world, service, `(service ${service.name}) (deployment ${d.id}) stopped: ${reason}`, now)
}

function supersede(world: World, service: ServiceRecord, d: DeploymentRecord, now: number): void {
  const n = d.native!
  if (!n.rollingBack) beginNativeRollback(world, service, d, now, 'Superseded by a newer deployment.')
  const events = new TaskEvents(service)
  stopAll(world, d, events, now)
  events.flush(world, now)
  d.status = 'INACTIVE'
  d.serviceDeployment!.status = 'STOPPED'
  d.serviceDeployment!.stoppedAt = new Date(now)
}

/** Keeps a deployment at `desired` live tasks, replacing stopped ones. */
function keep(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  desired: number,
  events: TaskEvents,
  now: number
): void {
  d.desiredCount = desired
  const live = tasksOf(world, d.id).filter(isLive)
  for (let i = live.length; i < desired; i++) events.start(launchTask(world, service, d, now))
  for (const task of scaleInOrder(world, live).slice(0, Math.max(0, live.length - desired)))
    stopOne(world, d, task, events, now)
}

function stopAll(world: World, d: DeploymentRecord, events: TaskEvents, now: number): void {
  d.desiredCount = 0
  for (const task of tasksOf(world, d.id).filter(isLive)) stopOne(world, d, task, events, now)
}

function stopOne(world: World, d: DeploymentRecord, task: TaskRecord, events: TaskEvents, now: number): void {
  const spec = {
    reason: scalingReason(d.id),
    code: 'ServiceSchedulerInitiated' as const,
    exitCode: 0,
    graceful: true
  }
  stopTask(world, task, spec, now)
  events.stop(task)
}

/** The forward action of a listener rule, or of a listener's default actions (an NLB's production route). */
function routeActions(world: World, route: string) {
  return world.elb.rules.get(route)?.actions ?? world.elb.listeners.get(route)?.defaultActions
}

/** Sets the route's weights: `percent` to the deployment's target group, the rest to the old one. */
function setWeights(world: World, route: string, n: NativeProgress, percent: number): void {
  const forward = routeActions(world, route)?.find(a => a.Type === 'forward')
  if (!forward) return
  // ELBv2 weights are integers 0–999: whole percents as they are, fractions in per-mille.
  const unit = Number.isInteger(percent) ? 1 : 10
  const fresh = Math.round(percent * unit)
  forward.ForwardConfig = {
    ...forward.ForwardConfig,
    TargetGroups: [
      { TargetGroupArn: n.sourceTargetGroup, Weight: 100 * unit - fresh },
      { TargetGroupArn: n.targetGroup, Weight: fresh }
    ]
  }
  forward.TargetGroupArn = undefined
}
