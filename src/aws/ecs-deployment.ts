// DeploymentPort for a service with the ECS deployment controller: one UpdateService starts ECS's deployment of
// the new revision (rolling within maximumPercent/minimumHealthyPercent, or a native linear/canary/blue-green
// strategy), which is then followed by its id (DescribeServices deployments[]) and, for native strategies, by its
// service deployment (DescribeServiceDeployments: lifecycle stage, production traffic weight, ECS's alarms and
// circuit breaker). A rollback is StopServiceDeployment ROLLBACK where the service deployment is in progress and
// the API answers, otherwise UpdateService back to the stable task definition (what runs against emulators
// without the service-deployment APIs, such as moto).
// DescribeServices lags UpdateService: a read still showing the deployment our update replaced is no rollback.

import {
  DescribeServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type Deployment,
  type DeploymentConfiguration,
  type ECSClient,
  type Service,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import type { DeploymentObservation, DeploymentPort, EcsVerdict } from '../engine/ports.js'
import { describeError } from '../errors.js'
import { FailedTasks } from './failed-tasks.js'
import { describeService } from './service.js'
import { tagRecord } from './tags.js'
import { taskDefinitionLabel } from './task-definition.js'

/** What UpdateService sets besides the task definition: the capacity percentages, or the native strategy. */
export type EcsDeploymentConfiguration = DeploymentConfiguration

export interface EcsDeploymentOptions {
  ecs: ECSClient
  cluster: string
  service: string
  newTaskDefinition: string
  stableTaskDefinition: string
  /** Set over the service's own deployment configuration: the capacity percentages, or the native strategy. */
  deploymentConfiguration: DeploymentConfiguration
  /** A native strategy: followed through the service-deployment APIs. */
  native: boolean
  /** Epoch ms: service events older than this (give or take clock skew) belong to earlier deployments. */
  since: number
  /** Something a person should know that is not a failure (an emulator's shortcut, a fallback). */
  warn: (message: string) => void
}

/** ECS's clock and the runner's may differ by a little: events this much older than the start still count. */
const CLOCK_SKEW_MS = 5000
const STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP'
]
const ROLLING_BACK = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']

export class EcsDeployment implements DeploymentPort {
  private readonly failed: FailedTasks
  private readonly seenEvents = new Set<string>()
  /** The configuration before the update, for a rollback by UpdateService. */
  private previousConfig?: DeploymentConfiguration
  /** The new revision's deployment (ecs-svc/…) and service deployment. */
  private deploymentId?: string
  /** The deployment our update replaced: a read still showing it primary predates the update. */
  private replacedId?: string
  private serviceDeploymentArn?: string
  /** The last look at our deployment, kept for when ECS drops it from the list (INACTIVE). */
  private lastSeen?: Deployment
  private lastServiceDeployment?: ServiceDeployment
  /** How the action asked for a rollback, if it did. */
  private rollbackBy?: 'stop' | 'update'
  /** A rolling deployment ECS gave up on: its service deployment, read once. */
  private verdictDetails?: Promise<ServiceDeployment | undefined>

  constructor(private readonly o: EcsDeploymentOptions) {
    this.failed = new FailedTasks(o.ecs, o.cluster)
  }

  async start(): Promise<void> {
    const before = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    this.previousConfig = before.deploymentConfiguration
    for (const e of before.events ?? []) if (e.id) this.seenEvents.add(e.id)
    const previousPrimary = before.deployments?.find(d => d.status === 'PRIMARY')?.id
    const out = await this.o.ecs.send(
      new UpdateServiceCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        taskDefinition: this.o.newTaskDefinition,
        deploymentConfiguration: { ...before.deploymentConfiguration, ...this.o.deploymentConfiguration }
      })
    )
    const updated = out.service ?? (await describeService(this.o.ecs, this.o.cluster, this.o.service))
    const deployments = updated.deployments ?? []
    const ours =
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition) ??
      deployments.find(d => d.status === 'PRIMARY' && d.id !== previousPrimary)
    this.replacedId = previousPrimary
    if (ours) {
      this.deploymentId = ours.id
      this.lastSeen = ours
    } else {
      // ECS always starts a deployment for a new task definition; an emulator (moto) may not.
      const primary = deployments.find(d => d.status === 'PRIMARY')
      this.deploymentId = primary?.id
      this.o.warn(
        `ECS shows no deployment of ${taskDefinitionLabel(this.o.newTaskDefinition)} after UpdateService (an emulator?): following the service's PRIMARY deployment ${primary?.id ?? '(none)'}`
      )
    }
    const current = updated.currentServiceDeployment
    if (current && current !== before.currentServiceDeployment) this.serviceDeploymentArn = current
    if (this.o.native && !this.serviceDeploymentArn)
      throw new Error(
        'ECS reported no service deployment for the update, so a native strategy cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?'
      )
  }

  async adopt(rollback: boolean): Promise<{ rollingBack: boolean }> {
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    this.previousConfig = service.deploymentConfiguration
    for (const e of service.events ?? []) if (e.id) this.seenEvents.add(e.id)
    const deployments = service.deployments ?? []
    const ours =
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition)
    this.deploymentId = ours?.id
    this.lastSeen = ours
    this.serviceDeploymentArn = service.currentServiceDeployment
    if (this.o.native && !this.serviceDeploymentArn)
      throw new Error(
        `ECS shows no service deployment on ${this.o.service}, so the native rollout cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?`
      )
    if (!rollback) {
      if (!ours)
        throw new Error(
          `ECS no longer shows a deployment of ${taskDefinitionLabel(this.o.newTaskDefinition)} on ${this.o.service} (its primary deployment runs ${taskDefinitionLabel(deployments.find(d => d.status === 'PRIMARY')?.taskDefinition ?? '')}): the rollout ended while nobody followed it, so there is nothing to resume`
        )
      return { rollingBack: false }
    }
    // Back on the stable revision already (the gone run updated the service back, or ECS's rollback is done), or
    // ECS rolling the service deployment back: the rollback is under way, and asking again would start another.
    const primary = deployments.find(d => d.status === 'PRIMARY')
    if (primary?.taskDefinition === this.o.stableTaskDefinition) this.rollbackBy = 'update'
    else if (this.o.native && ROLLING_BACK.includes((await this.serviceDeployment()).status ?? ''))
      this.rollbackBy = 'stop'
    return { rollingBack: this.rollbackBy !== undefined }
  }

  async observe(): Promise<DeploymentObservation> {
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    const deployments = service.deployments ?? []
    const ours = deployments.find(d => d.id === this.deploymentId)
    if (ours) this.lastSeen = ours
    const sd = this.o.native ? await this.serviceDeployment() : undefined
    const observation = this.o.native ? this.nativeView(service, sd!) : this.rollingView(service, ours)
    if (observation.ecs && this.serviceDeploymentArn && !this.o.native) {
      // ECS's reason and alarm names are in the service deployment: one look, once ECS has given up on it.
      this.verdictDetails ??= this.serviceDeployment().catch(() => undefined)
      const details = await this.verdictDetails
      const reason = details?.rollback?.reason ?? details?.statusReason
      if (reason) observation.ecs.reason = reason
      const fired = details?.alarms?.triggeredAlarmNames
      if (fired?.length) observation.ecs.alarms = fired
      if (details?.alarms?.status === 'TRIGGERED') observation.ecs.cause = 'alarms'
      else if (details?.deploymentCircuitBreaker?.status === 'TRIGGERED')
        observation.ecs.cause = 'circuit-breaker'
    }
    const fresh = observation.counts.new < (service.desiredCount ?? 0) || observation.ecs !== undefined
    if (this.deploymentId && fresh && !observation.completed) await this.failed.collect(this.deploymentId)
    return {
      ...observation,
      failedNewTasks: this.failed.list(),
      events: this.newEvents(service),
      tags: tagRecord(service.tags)
    }
  }

  async rollback(): Promise<string> {
    const inProgress = this.o.native
      ? ['PENDING', 'IN_PROGRESS'].includes(this.lastServiceDeployment?.status ?? '')
      : this.lastSeen?.rolloutState === 'IN_PROGRESS'
    if (this.serviceDeploymentArn && inProgress) {
      try {
        await this.o.ecs.send(
          new StopServiceDeploymentCommand({
            serviceDeploymentArn: this.serviceDeploymentArn,
            stopType: 'ROLLBACK'
          })
        )
        this.rollbackBy = 'stop'
        return `StopServiceDeployment ROLLBACK of ${this.serviceDeploymentArn}`
      } catch (error) {
        this.o.warn(
          `StopServiceDeployment did not take (${describeError(error)}): updating the service back to ${taskDefinitionLabel(this.o.stableTaskDefinition)} instead`
        )
      }
    }
    await this.o.ecs.send(
      new UpdateServiceCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        taskDefinition: this.o.stableTaskDefinition,
        deploymentConfiguration: this.previousConfig
      })
    )
    this.rollbackBy = 'update'
    return `UpdateService back to ${taskDefinitionLabel(this.o.stableTaskDefinition)}`
  }

  private async serviceDeployment(): Promise<ServiceDeployment> {
    const arn = this.serviceDeploymentArn!
    const out = await this.o.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
    const found = out.serviceDeployments?.[0]
    if (!found)
      throw new Error(
        `the service deployment ${arn} was not found (${out.failures?.[0]?.reason ?? 'no reason given'})`
      )
    this.lastServiceDeployment = found
    return found
  }

  private rollingView(
    service: Service,
    ours: Deployment | undefined
  ): Omit<DeploymentObservation, 'failedNewTasks' | 'events' | 'tags'> {
    const deployments = service.deployments ?? []
    const others = deployments.filter(d => d.id !== this.deploymentId)
    const counts = {
      new: ours?.runningCount ?? 0,
      stable: others.reduce((sum, d) => sum + (d.runningCount ?? 0), 0)
    }
    const total = counts.new + counts.stable
    const primary = deployments.find(d => d.status === 'PRIMARY')
    const restored =
      deployments.length === 1 &&
      primary?.taskDefinition === this.o.stableTaskDefinition &&
      primary.rolloutState === 'COMPLETED' &&
      primary.id !== this.replacedId
    return {
      desiredCount: service.desiredCount ?? 0,
      counts,
      trafficPercent: total === 0 ? 0 : Math.round((1000 * counts.new) / total) / 10,
      completed: ours?.rolloutState === 'COMPLETED',
      scaledUp: ours?.rolloutState === 'COMPLETED',
      baking: false,
      ecs: this.rollbackBy ? undefined : this.rollingVerdict(ours, primary),
      restored,
      stuck: this.rollbackBy ? undefined : this.superseded(ours, primary)
    }
  }

  /**
   * ECS failed our deployment (circuit breaker, deployment alarms), rolling back or not. ECS drops a deployment
   * from the list once another has replaced it: gone, with the stable revision primary again, it was rolled back.
   */
  private rollingVerdict(
    ours: Deployment | undefined,
    primary: Deployment | undefined
  ): EcsVerdict | undefined {
    const seen = this.lastSeen
    if (!seen || (ours && ours.rolloutState !== 'FAILED')) return undefined
    const back =
      primary !== undefined &&
      primary.id !== seen.id &&
      primary.id !== this.replacedId &&
      primary.taskDefinition === this.o.stableTaskDefinition
    if (!ours && !back) return undefined
    const reason =
      (ours ? seen.rolloutStateReason : primary?.rolloutStateReason) ?? 'ECS rolled the deployment back'
    return { cause: causeOf(reason), reason, rolledBack: back }
  }

  /** Another deployment (neither ours nor a return to the stable revision) replaced ours. */
  private superseded(ours: Deployment | undefined, primary: Deployment | undefined): string | undefined {
    const seen = this.lastSeen
    if (ours || !seen || !primary || primary.taskDefinition === this.o.stableTaskDefinition) return undefined
    return `ECS deployment ${seen.id} was replaced by deployment ${primary.id} of ${taskDefinitionLabel(primary.taskDefinition ?? '')}, which this run did not start`
  }

  private nativeView(
    service: Service,
    sd: ServiceDeployment
  ): Omit<DeploymentObservation, 'failedNewTasks' | 'events' | 'tags'> {
    const target = sd.targetServiceRevision
    const stage = STAGES.indexOf(sd.lifecycleStage ?? '')
    const status = sd.status ?? 'PENDING'
    const counts = {
      new: target?.runningTaskCount ?? 0,
      stable: (sd.sourceServiceRevisions ?? []).reduce((sum, r) => sum + (r.runningTaskCount ?? 0), 0)
    }
    const completed = status === 'SUCCESSFUL'
    let verdict: EcsVerdict | undefined
    if (
      !this.rollbackBy &&
      (ROLLING_BACK.includes(status) || status === 'STOPPED' || status === 'STOP_REQUESTED')
    ) {
      const reason = sd.rollback?.reason ?? sd.statusReason ?? `the service deployment is ${status}`
      const alarms = sd.alarms?.status === 'TRIGGERED' ? sd.alarms.triggeredAlarmNames : undefined
      verdict = {
        cause: alarms?.length
          ? 'alarms'
          : sd.deploymentCircuitBreaker?.status === 'TRIGGERED'
            ? 'circuit-breaker'
            : causeOf(reason, 'stopped'),
        reason,
        alarms: alarms?.length ? alarms : undefined,
        rolledBack: ROLLING_BACK.includes(status)
      }
    }
    const byUpdate = this.rollbackBy === 'update' && this.rollingView(service, undefined).restored
    return {
      desiredCount: service.desiredCount ?? 0,
      counts,
      trafficPercent: target?.requestedProductionTrafficWeight ?? 0,
      completed,
      scaledUp: completed || stage > STAGES.indexOf('SCALE_UP'),
      baking: status === 'IN_PROGRESS' && stage >= STAGES.indexOf('BAKE_TIME'),
      ecs: verdict,
      restored: status === 'ROLLBACK_SUCCESSFUL' || byUpdate,
      stuck: status === 'ROLLBACK_FAILED' ? (sd.statusReason ?? 'ECS reports ROLLBACK_FAILED') : undefined
    }
  }

  /** Service events since the rollout started that were not reported yet, oldest first. */
  private newEvents(service: Service): DeploymentObservation['events'] {
    const fresh = (service.events ?? [])
      .filter(
        e =>
          e.id && !this.seenEvents.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.o.since - CLOCK_SKEW_MS
      )
      .map(e => ({ id: e.id!, at: e.createdAt!.getTime(), message: e.message ?? '' }))
      // Newest first from ECS: reversed, then a stable sort keeps events of the same instant in their order.
      .reverse()
      .sort((a, b) => a.at - b.at)
    for (const e of fresh) this.seenEvents.add(e.id)
    return fresh
  }
}

function causeOf(reason: string, otherwise: EcsVerdict['cause'] = 'failed'): EcsVerdict['cause'] {
  if (/circuit breaker/i.test(reason)) return 'circuit-breaker'
  if (/alarm/i.test(reason)) return 'alarms'
  return otherwise
}
