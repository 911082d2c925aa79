import type { DeploymentCircuitBreaker, DeploymentLifecycleHookStage } from '@aws-sdk/client-ecs'
import type { World } from '../core/world.js'
import { addEvent } from '../ecs/events.js'
import type { DeploymentRecord, ServiceRecord, TaskRecord } from '../ecs/model.js'
import { TaskEvents } from './events.js'
import { runHooks, runsHooks } from './hooks.js'
import { scaleInOrder, scalingReason } from './scaleIn.js'
import { launchTask, stopTask } from './tasks.js'
import { isHealthy, isLive, tasksOf } from './taskState.js'

/**
 * Start a deployment of the service's current task definition and launch parameters. The previous PRIMARY
 * becomes ACTIVE and is scaled down as the new one comes up, within minimumHealthyPercent/maximumPercent.
 */
export function newDeployment(
  world: World,
  service: ServiceRecord,
  now: number,
  cause: 'initial' | 'update' | 'rollback',
  rollbackTo?: DeploymentRecord
): DeploymentRecord {
  const id = `ecs-svc/${world.rng.digits(19)}`
  const sourceIds = service.deployments.filter(d => d.status !== 'INACTIVE').map(d => d.id)
  for (const d of service.deployments) {
    if (d.status === 'PRIMARY') {
      d.status = 'ACTIVE'
      d.updatedAt = new Date(now)
    }
  }
  const deployment: DeploymentRecord = {
    kind: 'deployment',
    id,
    arn: `${service.arn.replace(':service/', ':service-deployment/')}/${world.rng.hex(20)}`,
    status: 'PRIMARY',
    taskDefinitionArn: service.taskDefinitionArn!,
    launchType: service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion: service.platformVersion,
    networkConfiguration: service.networkConfiguration,
    loadBalancers: service.loadBalancers,
    desiredCount: service.desiredCount,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason:
      cause === 'rollback'
        ? `ECS deployment circuit breaker: rolling back to deploymentId ${rollbackTo!.id}.`
        : `ECS deployment ${id} in progress.`,
    createdAt: new Date(now),
    updatedAt: new Date(now),
    rollbackTo: rollbackTo?.id,
    serviceDeployment: {
      deploymentConfiguration: structuredClone(service.deploymentConfiguration),
      sourceIds
    }
  }
  service.deployments.unshift(deployment)
  return deployment
}

/** ECS's default threshold: half the desired count, at least 3 and at most 200 failed tasks. */
export function circuitBreakerThreshold(breaker: DeploymentCircuitBreaker, desired: number): number {
  const config = breaker.thresholdConfiguration
  if (config?.type === 'COUNT' && config.value !== undefined) return Math.max(1, config.value)
  if (config?.type === 'UNBOUNDED_PERCENT' && config.value !== undefined) {
    return Math.max(1, Math.ceil((desired * config.value) / 100))
  }
  const percent = config?.value ?? 50
  return Math.min(200, Math.max(3, Math.ceil((desired * percent) / 100)))
}

/** Count a failed task (didn't start, crashed or failed health checks) against an in-progress deployment. */
export function recordTaskFailure(world: World, task: TaskRecord, now: number): void {
  const service = world.ecs.services.get(task.serviceArn)
  const deployment = service?.deployments.find(d => d.id === task.ownerId)
  if (!deployment || deployment.rolloutState !== 'IN_PROGRESS') return
  deployment.failedTasks++
  deployment.updatedAt = new Date(now)
}

const stopSpec = (ownerId: string) => ({
  reason: scalingReason(ownerId),
  code: 'ServiceSchedulerInitiated' as const,
  exitCode: 0,
  graceful: true
})

export function reconcileRolling(world: World, service: ServiceRecord, now: number): void {
  // Failures of the last tick are judged before launching more tasks for a deployment that has already failed.
  checkCircuitBreaker(world, service, now)
  const primary = service.deployments.find(d => d.status === 'PRIMARY')
  if (!primary) return
  // Lifecycle hooks before the new revision starts hold it: nothing launches, the old revision serves as it is.
  if (hooksHold(world, service, primary, ['RECONCILE_SERVICE', 'PRE_SCALE_UP'], now)) return
  const old = service.deployments.filter(d => d.status === 'ACTIVE')
  const desired = service.status === 'ACTIVE' ? service.desiredCount : 0
  const config = service.deploymentConfiguration
  const maxTotal = Math.floor((desired * (config.maximumPercent ?? 200)) / 100)
  const minHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100)
  const live = (d: DeploymentRecord) => tasksOf(world, d.id).filter(isLive)
  const events = new TaskEvents(service)
  primary.desiredCount = desired

  const primaryLive = live(primary)
  for (const task of scaleInOrder(world, primaryLive).slice(0, Math.max(0, primaryLive.length - desired))) {
    stopTask(world, task, stopSpec(primary.id), now)
    events.stop(task)
  }
  // A FAILED deployment (circuit breaker without rollback) launches nothing more and leaves the rest as is.
  if (primary.rolloutState !== 'FAILED') {
    const totalLive = [primary, ...old].reduce((n, d) => n + live(d).length, 0)
    const room = Math.min(desired - live(primary).length, maxTotal - totalLive)
    for (let i = 0; i < room; i++) events.start(launchTask(world, service, primary, now))

    let healthy = [primary, ...old].reduce((n, d) => n + live(d).filter(t => isHealthy(world, t)).length, 0)
    for (const deployment of old) {
      for (const task of scaleInOrder(world, live(deployment))) {
        const wasHealthy = isHealthy(world, task)
        if (wasHealthy && healthy - 1 < minHealthy) continue
        stopTask(world, task, stopSpec(deployment.id), now)
        events.stop(task)
        if (wasHealthy) healthy--
      }
    }
  }
  for (const deployment of old) deployment.desiredCount = live(deployment).length
  events.flush(world, now)

  if (primary.rolloutState !== 'IN_PROGRESS') return
  if (
    config.deploymentCircuitBreaker?.resetOnHealthyTask !== false &&
    live(primary).some(t => isHealthy(world, t))
  ) {
    primary.failedTasks = 0
  }
  const primaryTasks = live(primary)
  const oldRemaining = old.some(d => tasksOf(world, d.id).some(t => t.lastStatus !== 'STOPPED'))
  const scaledUp = primaryTasks.length === desired && primaryTasks.every(t => isHealthy(world, t))
  // POST_SCALE_UP hooks run once the new revision is scaled up; the deployment completes only after them.
  if (scaledUp && !hooksHold(world, service, primary, ['POST_SCALE_UP'], now) && !oldRemaining) {
    primary.rolloutState = 'COMPLETED'
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`
    primary.updatedAt = new Date(now)
    primary.finishedAt = new Date(now)
    for (const deployment of old) deployment.status = 'INACTIVE'
    addEvent(
      world,
      service,
      `(service ${service.name}) (deployment ${primary.id}) deployment completed.`,
      now
    )
  }
}

/**
 * Runs a rolling deployment's lifecycle hooks of `stages` in order (RECONCILE_SERVICE only when more than one
 * revision was active): true while one holds it, noting the stage; a failed or timed-out one rolls it back.
 */
function hooksHold(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  stages: DeploymentLifecycleHookStage[],
  now: number
): boolean {
  if (d.rolloutState !== 'IN_PROGRESS' || !runsHooks(d)) return false
  const details = { serviceArn: service.arn, targetServiceRevisionArn: serviceRevisionArn(service, d) }
  for (const stage of stages) {
    if (stage === 'RECONCILE_SERVICE' && d.serviceDeployment!.sourceIds.length < 2) continue
    const outcome = runHooks(world, service, d, stage, now, { executionDetails: details })
    if (outcome.pass) continue
    d.heldAt = outcome.rollback ? undefined : stage
    if (outcome.rollback)
      failDeployment(world, service, d, now, {
        reason: outcome.rollback,
        event: 'lifecycle hook',
        rollback: true,
        rollbackReason: to => `${outcome.rollback} Rolling back to deploymentId ${to.id}.`
      })
    return true
  }
  d.heldAt = undefined
  return false
}

function checkCircuitBreaker(world: World, service: ServiceRecord, now: number): void {
  const primary = service.deployments.find(d => d.status === 'PRIMARY')
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker
  if (!primary || primary.rolloutState !== 'IN_PROGRESS' || !breaker?.enable) return
  if (primary.failedTasks >= circuitBreakerThreshold(breaker, service.desiredCount)) {
    if (primary.serviceDeployment) primary.serviceDeployment.circuitBreakerTriggered = true
    failDeployment(world, service, primary, now, {
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
      event: 'tasks failed to start',
      rollback: breaker.rollback ?? false
    })
  }
}

/** The deployment a rollback of `failed` returns to: the last one that completed, still ACTIVE beside it. */
export function rollbackTarget(service: ServiceRecord): DeploymentRecord | undefined {
  return service.deployments.find(d => d.status === 'ACTIVE' && d.rolloutState === 'COMPLETED')
}

/**
 * A rolling deployment fails (circuit breaker, deployment alarms, StopServiceDeployment): it launches nothing
 * more and, with `rollback`, a new deployment returns to the last completed one. The rollback deployment shares
 * the failed one's service-deployment ARN: for the service-deployment APIs it is that deployment rolling back.
 */
export function failDeployment(
  world: World,
  service: ServiceRecord,
  failed: DeploymentRecord,
  now: number,
  how: { reason: string; event: string; rollback: boolean; rollbackReason?: (to: DeploymentRecord) => string }
): DeploymentRecord | undefined {
  failed.rolloutState = 'FAILED'
  failed.rolloutStateReason = how.reason
  failed.updatedAt = new Date(now)
  failed.finishedAt = new Date(now)
  addEvent(
    world,
    service,
    `(service ${service.name}) deployment ${failed.id} deployment failed: ${how.event}.`,
    now
  )
  if (!how.rollback) return undefined
  const target = rollbackTarget(service)
  if (!target) return undefined
  service.taskDefinitionArn = target.taskDefinitionArn
  service.launchType = target.launchType
  service.capacityProviderStrategy = target.capacityProviderStrategy
  service.platformVersion = target.platformVersion
  service.networkConfiguration = target.networkConfiguration
  service.loadBalancers = target.loadBalancers
  const rollback = newDeployment(world, service, now, 'rollback', target)
  rollback.arn = failed.arn
  if (how.rollbackReason) rollback.rolloutStateReason = how.rollbackReason(target)
  failed.rolledBackBy = rollback.id
  if (failed.serviceDeployment)
    failed.serviceDeployment.rollback = {
      reason: how.reason,
      startedAt: new Date(now),
      serviceRevisionArn: serviceRevisionArn(service, target)
    }
  // The rollback deployment takes over the healthy tasks of the deployment it returns to, so they keep serving.
  for (const task of tasksOf(world, target.id)) task.ownerId = rollback.id
  target.status = 'INACTIVE'
  addEvent(world, service, `(service ${service.name}) rolling back to deployment ${target.id}.`, now)
  return rollback
}

/** A deployment's service revision: `…:service-revision/CLUSTER/SERVICE/NUMBER`. */
export function serviceRevisionArn(service: ServiceRecord, deployment: DeploymentRecord): string {
  return `${service.arn.replace(':service/', ':service-revision/')}/${deployment.id.replace('ecs-svc/', '')}`
}

export function rollingServiceSteady(world: World, service: ServiceRecord): boolean {
  const visible = service.deployments.filter(d => d.status !== 'INACTIVE')
  if (visible.length !== 1) return false
  const tasks = tasksOf(world, visible[0].id)
  const live = tasks.filter(isLive)
  return (
    live.length === service.desiredCount &&
    live.every(t => isHealthy(world, t)) &&
    tasks.every(t => t.lastStatus === 'RUNNING' || t.lastStatus === 'STOPPED')
  )
}
