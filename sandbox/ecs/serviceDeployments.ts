// The service-deployment APIs: ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment.
// Every deployment of an ECS-controller service is a service deployment (a rollback deployment is part of the
// one it rolls back and shares its ARN). A rolling one's status follows its rolloutState; a native one's is kept
// by sim/native.ts with its lifecycle stage and production/test traffic weights.

import type {
  DescribeServiceDeploymentsRequest,
  DescribeServiceDeploymentsResponse,
  Failure,
  ListServiceDeploymentsRequest,
  ListServiceDeploymentsResponse,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceDeploymentLifecycleStage,
  ServiceDeploymentStatus,
  ServiceRevisionSummary,
  StopServiceDeploymentRequest,
  StopServiceDeploymentResponse
} from '@aws-sdk/client-ecs'
import { ApiError, ecsErrors } from '../core/errors.js'
import { list, requireString, toDate } from '../core/validate.js'
import type { Ctx, World } from '../core/world.js'
import { circuitBreakerThreshold, serviceRevisionArn } from '../sim/rolling.js'
import { abortServiceDeployment, canRollBack, rollBackServiceDeployment } from '../sim/stopDeployment.js'
import { isPending, isRunning, tasksOf } from '../sim/taskState.js'
import { clusterOfServiceArn, requireActiveService, requireCluster } from './lookup.js'
import type { DeploymentRecord, ServiceRecord } from './model.js'
import { page } from './paging.js'
import { shownConfiguration } from './pauseHookDetails.js'

const STATUSES: ServiceDeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED'
]
const DESCRIBE_MAX = 20

export const notFound = (arn: string) =>
  new ApiError('ServiceDeploymentNotFoundException', `The service deployment ${arn} does not exist.`)
const conflict = (message: string) => new ApiError('ConflictException', message)

/** The service's deployments as service deployments: rollback deployments are part of the one they roll back. */
function serviceDeployments(service: ServiceRecord): DeploymentRecord[] {
  return service.deployments.filter(d => !d.rollbackTo).sort((a, b) => +b.createdAt - +a.createdAt)
}

export function findServiceDeployment(
  world: World,
  arn: string
): { service: ServiceRecord; deployment: DeploymentRecord } | undefined {
  for (const service of world.ecs.services.values()) {
    const deployment = service.deployments.find(d => d.arn === arn && !d.rollbackTo)
    if (deployment) return { service, deployment }
  }
  return undefined
}

export function serviceDeploymentStatus(
  service: ServiceRecord,
  d: DeploymentRecord
): ServiceDeploymentStatus {
  const explicit = d.serviceDeployment?.status
  if (explicit) return explicit
  if (d.rolledBackBy) {
    const rollback = service.deployments.find(x => x.id === d.rolledBackBy)
    if (!rollback || rollback.rolloutState === 'COMPLETED') return 'ROLLBACK_SUCCESSFUL'
    return rollback.rolloutState === 'FAILED' ? 'ROLLBACK_FAILED' : 'ROLLBACK_IN_PROGRESS'
  }
  if (d.rolloutState === 'COMPLETED') return 'SUCCESSFUL'
  // Failed without a rollback, or replaced by a newer deployment before it finished.
  if (d.rolloutState === 'FAILED' || d.status !== 'PRIMARY') return 'STOPPED'
  return 'IN_PROGRESS'
}

function finished(status: ServiceDeploymentStatus): boolean {
  return ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'].includes(status)
}

function revision(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  weights?: { production: number; test: number }
): ServiceRevisionSummary {
  const tasks = tasksOf(world, d.id)
  return {
    arn: serviceRevisionArn(service, d),
    requestedTaskCount: d.desiredCount,
    runningTaskCount: tasks.filter(isRunning).length,
    pendingTaskCount: tasks.filter(isPending).length,
    requestedProductionTrafficWeight: weights?.production,
    requestedTestTrafficWeight: weights?.test
  }
}

export function serviceDeploymentView(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord
): ServiceDeployment {
  const sd = d.serviceDeployment
  const status = serviceDeploymentStatus(service, d)
  const n = d.native
  // A rollback deployment carries the tasks once a rolling rollback has started.
  const rollback = d.rolledBackBy ? service.deployments.find(x => x.id === d.rolledBackBy) : undefined
  const sources = (sd?.sourceIds ?? [])
    .map(id => service.deployments.find(x => x.id === id))
    .filter((x): x is DeploymentRecord => x !== undefined)
    .map(s =>
      revision(
        world,
        service,
        rollback?.rollbackTo === s.id ? rollback : s,
        n && { production: 100 - n.weight, test: 100 - n.testWeight }
      )
    )
  const breaker = sd?.deploymentConfiguration.deploymentCircuitBreaker
  const done = finished(status)
  return {
    serviceDeploymentArn: d.arn,
    serviceArn: service.arn,
    clusterArn: service.clusterArn,
    createdAt: d.createdAt,
    startedAt: d.createdAt,
    updatedAt: d.updatedAt,
    finishedAt: done ? (d.finishedAt ?? d.updatedAt) : undefined,
    stoppedAt: sd?.stoppedAt,
    sourceServiceRevisions: sources,
    targetServiceRevision: revision(world, service, d, n && { production: n.weight, test: n.testWeight }),
    status,
    statusReason: sd?.statusReason ?? (status === 'IN_PROGRESS' ? undefined : d.rolloutStateReason),
    // ECS documents PRE_PRODUCTION_TRAFFIC_SHIFT here although the SDK's enum lacks it (docs/ecs-pause-hooks-facts.md).
    lifecycleStage: (n?.stage ?? d.heldAt ?? (status === 'IN_PROGRESS' ? 'SCALE_UP' : undefined)) as
      ServiceDeploymentLifecycleStage | undefined,
    lifecycleHookDetails: (d.hookRuns ?? []).map(run => ({
      hookId: run.hookId,
      targetType: run.targetType,
      targetArn: run.targetArn,
      status: run.status,
      expiresAt: new Date(run.expiresAt),
      timeoutAction: run.timeoutAction
    })),
    deploymentConfiguration: shownConfiguration(world, sd?.deploymentConfiguration),
    rollback: sd?.rollback,
    deploymentCircuitBreaker: breaker?.enable
      ? {
          status: sd?.circuitBreakerTriggered ? 'TRIGGERED' : done ? 'MONITORING_COMPLETE' : 'MONITORING',
          failureCount: d.failedTasks,
          threshold: circuitBreakerThreshold(breaker, service.desiredCount)
        }
      : { status: 'DISABLED', failureCount: 0, threshold: 0 },
    alarms: alarmsView(sd, done)
  }
}

/** Deployment alarms are monitored from the start (the simulation notes their state from its next tick on). */
function alarmsView(sd: DeploymentRecord['serviceDeployment'], done: boolean): ServiceDeployment['alarms'] {
  const config = sd?.deploymentConfiguration.alarms
  const alarms =
    sd?.alarms ??
    (config?.enable
      ? { status: 'MONITORING' as const, alarmNames: config.alarmNames ?? [], triggeredAlarmNames: [] }
      : undefined)
  if (!alarms) return { status: 'DISABLED' }
  return {
    status: alarms.status === 'MONITORING' && done ? 'MONITORING_COMPLETE' : alarms.status,
    alarmNames: alarms.alarmNames,
    triggeredAlarmNames: alarms.triggeredAlarmNames
  }
}

export function listServiceDeployments(
  ctx: Ctx,
  input: ListServiceDeploymentsRequest
): ListServiceDeploymentsResponse {
  const ref = requireString(input.service, 'service', ecsErrors.missing)
  // ECS takes the cluster from a service ARN when none is given, not the default cluster.
  const cluster = requireCluster(ctx, input.cluster ?? clusterOfServiceArn(ref))
  const service = requireActiveService(ctx, cluster, ref)
  const statuses = list(input.status)
  for (const s of statuses)
    if (!STATUSES.includes(s))
      throw ecsErrors.invalidParameter(`Invalid service deployment status: ${String(s)}.`)
  const before = toDate(input.createdAt?.before, 'createdAt.before', ecsErrors.invalidParameter)
  const after = toDate(input.createdAt?.after, 'createdAt.after', ecsErrors.invalidParameter)
  const briefs = serviceDeployments(service)
    .filter(d => !before || +d.createdAt < +before)
    .filter(d => !after || +d.createdAt > +after)
    .map((d): ServiceDeploymentBrief => {
      const status = serviceDeploymentStatus(service, d)
      const view = serviceDeploymentView(ctx.world, service, d)
      return {
        serviceDeploymentArn: d.arn,
        serviceArn: service.arn,
        clusterArn: service.clusterArn,
        startedAt: d.createdAt,
        createdAt: d.createdAt,
        finishedAt: view.finishedAt,
        targetServiceRevisionArn: serviceRevisionArn(service, d),
        status,
        statusReason: view.statusReason
      }
    })
    .filter(b => statuses.length === 0 || statuses.includes(b.status!))
  const { items, nextToken } = page(briefs, input.maxResults, input.nextToken, 100, 20)
  return { serviceDeployments: items, nextToken }
}

export function describeServiceDeployments(
  ctx: Ctx,
  input: DescribeServiceDeploymentsRequest
): DescribeServiceDeploymentsResponse {
  const arns = list(input.serviceDeploymentArns)
  if (arns.length === 0) throw ecsErrors.missing('serviceDeploymentArns')
  if (arns.length > DESCRIBE_MAX)
    throw ecsErrors.invalidParameter(`serviceDeploymentArns can have at most ${DESCRIBE_MAX} items.`)
  const serviceDeployments: ServiceDeployment[] = []
  const failures: Failure[] = []
  for (const arn of arns) {
    const found = findServiceDeployment(ctx.world, arn)
    if (found) serviceDeployments.push(serviceDeploymentView(ctx.world, found.service, found.deployment))
    else failures.push({ arn, reason: 'MISSING' })
  }
  return { serviceDeployments, failures }
}

export function stopServiceDeployment(
  ctx: Ctx,
  input: StopServiceDeploymentRequest
): StopServiceDeploymentResponse {
  const arn = requireString(input.serviceDeploymentArn, 'serviceDeploymentArn', ecsErrors.missing)
  const stopType = input.stopType ?? 'ROLLBACK'
  if (stopType !== 'ROLLBACK' && stopType !== 'ABORT')
    throw ecsErrors.invalidParameter(
      `Invalid stopType: ${String(stopType)}. Valid values are ABORT and ROLLBACK.`
    )
  const found = findServiceDeployment(ctx.world, arn)
  if (!found) throw notFound(arn)
  const { service, deployment } = found
  const status = serviceDeploymentStatus(service, deployment)
  if (status !== 'IN_PROGRESS' && status !== 'PENDING')
    throw conflict(
      `The service deployment ${arn} is ${status}: only a deployment in progress can be stopped.`
    )
  if (stopType === 'ABORT') {
    const reason = 'Service deployment stopped by a StopServiceDeployment request (ABORT).'
    abortServiceDeployment(ctx.world, service, deployment, ctx.now, reason)
    return { serviceDeploymentArn: arn }
  }
  if (!canRollBack(service, deployment))
    throw conflict(`The service deployment ${arn} has no completed service revision to roll back to.`)
  const reason = 'Service deployment rolled back by a StopServiceDeployment request.'
  rollBackServiceDeployment(ctx.world, service, deployment, ctx.now, reason)
  return { serviceDeploymentArn: arn }
}
