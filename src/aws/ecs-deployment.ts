// DeploymentPort for a service with the ECS deployment controller: one UpdateService starts ECS's deployment of
// the new revision (rolling within maximumPercent/minimumHealthyPercent, or a native linear/canary/blue-green
// strategy), which is then followed by its id (DescribeServices deployments[]) and, for native strategies, by its
// service deployment (DescribeServiceDeployments: lifecycle stage, production traffic weight, ECS's alarms and
// circuit breaker, the action's pause hook awaiting action: native-view.ts), which the action releases step by
// step (ContinueServiceDeployment CONTINUE). A rollback is ContinueServiceDeployment ROLLBACK while ECS waits at
// the action's hook, else StopServiceDeployment ROLLBACK where the service deployment is in progress and the API
// answers, otherwise UpdateService back to the stable task definition (what runs against emulators without the
// service-deployment APIs, such as moto). Once a native rollout is over, the service's deploymentConfiguration
// goes back to what the user had (the action's hook removed), by an UpdateService that starts no deployment.
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
import { describeError, mayPass } from '../errors.js'
import type { EcsDeploymentConfiguration } from '../plan/ecs-deployment-configuration.js'
import type { OwnedValues } from '../plan/hold-hook.js'
import { FailedTasks } from './failed-tasks.js'
import {
  answerHook,
  asWritten,
  causeOf,
  heldHook,
  nativeView,
  restoredConfiguration,
  userConfiguration,
  withServiceDeployment,
  MAX_LAGGING_VERDICTS,
  ROLLING_BACK
} from './native-view.js'
import { describeService, type SharedService } from './service.js'
import { ServiceEvents } from './service-events.js'
import { tagRecord } from './tags.js'
import { taskDefinitionLabel } from './task-definition.js'

export interface EcsDeploymentOptions {
  ecs: ECSClient
  cluster: string
  service: string
  newTaskDefinition: string
  stableTaskDefinition: string
  /** Set over the service's own deployment configuration: the capacity percentages, or the native strategy. */
  deploymentConfiguration: EcsDeploymentConfiguration
  /** A native strategy: followed through the service-deployment APIs. */
  native: boolean
  /** Epoch ms: service events older than this (give or take clock skew) belong to earlier deployments. */
  since: number
  /** The service's own values a native rollout overwrites, as the record keeps them: what restore puts back. */
  recorded?: OwnedValues
  /** Something a person should know that is not a failure (an emulator's shortcut, a fallback). */
  warn: (message: string) => void
  /** Several services in one run: every look reads the service through their shared reader, in a read sent now. */
  shared?: SharedService['read']
}

export class EcsDeployment implements DeploymentPort {
  private readonly failed: FailedTasks
  private readonly events: ServiceEvents
  /** The user's configuration (native-view.ts userConfiguration): for a rollback by UpdateService, and restore. */
  private previousConfig?: DeploymentConfiguration
  /** The new revision's deployment (ecs-svc/…) and service deployment. */
  private deploymentId?: string
  /** An UpdateService was sent, or a rollout in flight adopted: from here ECS may be deploying. */
  private touched = false
  /** The deployment our update replaced: a read still showing it primary predates the update. */
  private replacedId?: string
  private serviceDeploymentArn?: string
  /** The last look at our deployment, kept for when ECS drops it from the list (INACTIVE). */
  private lastSeen?: Deployment
  private lastServiceDeployment?: ServiceDeployment
  /** How the action asked for a rollback, if it did. */
  private rollbackBy?: 'stop' | 'update'
  /** A rolling deployment ECS gave up on: its service deployment, read until it shows that too. */
  private verdictDetails?: Promise<ServiceDeployment | undefined>
  private laggingVerdicts = 0

  constructor(private readonly o: EcsDeploymentOptions) {
    this.failed = new FailedTasks(o.ecs, o.cluster)
    this.events = new ServiceEvents(o.since)
  }

  /**
   * Whether ECS may still be deploying after `error` ended the run: our deployment was seen, or AWS did not answer
   * once an update was sent or a rollout adopted. A refused update, or no deployment left to adopt, ended it.
   */
  mayBeLive(error: unknown): boolean {
    return this.deploymentId !== undefined || (this.touched && mayPass(error))
  }

  async start(): Promise<void> {
    const before = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    this.keepUserConfiguration(before.deploymentConfiguration)
    this.events.skip(before)
    const previousPrimary = before.deployments?.find(d => d.status === 'PRIMARY')?.id
    this.touched = true
    const out = await this.o.ecs.send(
      new UpdateServiceCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        taskDefinition: this.o.newTaskDefinition,
        deploymentConfiguration: {
          ...before.deploymentConfiguration,
          ...(this.o.deploymentConfiguration as DeploymentConfiguration)
        }
      })
    )
    const updated = out.service ?? (await describeService(this.o.ecs, this.o.cluster, this.o.service))
    const deployments = updated.deployments ?? []
    const ours =
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
      deployments.find(d => d.taskDefinition === this.o.newTaskDefinition) ??
      deployments.find(d => d.status === 'PRIMARY' && d.id !== previousPrimary)
    // An emulator that updates the deployment in place (moto) keeps its id: then no read can be told apart by it.
    this.replacedId = ours && ours.id !== previousPrimary ? previousPrimary : undefined
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
    this.touched = true
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    this.keepUserConfiguration(service.deploymentConfiguration)
    this.events.skip(service)
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
      // ECS ended it while nobody followed (the action's hook timed out): its settings go back all the same.
      if (!ours) await this.restore().catch(() => undefined)
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

  async observe(detail: boolean): Promise<DeploymentObservation> {
    const shared = this.o.shared && { read: this.o.shared, maxAgeMs: 0 }
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service, shared)
    const deployments = service.deployments ?? []
    const ours = deployments.find(d => d.id === this.deploymentId)
    if (ours) this.lastSeen = ours
    const sd = this.o.native ? await this.serviceDeployment() : undefined
    const observation = this.o.native
      ? nativeView(service, sd!, {
          asked: this.rollbackBy !== undefined,
          restoredByUpdate: this.rollbackBy === 'update' && this.rollingView(service, undefined).restored
        })
      : this.rollingView(service, ours)
    if (observation.ecs && this.serviceDeploymentArn && !this.o.native) {
      // ECS's reason and alarm names are in the service deployment, once ECS has given up on it there too. A
      // read that lags (still in progress) holds the verdict back a few looks, then it goes as it is.
      this.verdictDetails ??= this.serviceDeployment().catch(() => undefined)
      const verdict = withServiceDeployment(observation.ecs, await this.verdictDetails)
      if (verdict) observation.ecs = verdict
      else if (this.laggingVerdicts++ < MAX_LAGGING_VERDICTS) {
        this.verdictDetails = undefined
        observation.ecs = undefined
      }
    }
    if (detail && this.deploymentId) await this.failed.collect(this.deploymentId)
    return {
      ...observation,
      failedNewTasks: this.failed.list(),
      events: this.events.fresh(service),
      tags: tagRecord(service.tags)
    }
  }

  async proceed(hookId: string): Promise<boolean> {
    try {
      await answerHook(this.o.ecs, this.serviceDeploymentArn!, hookId, 'CONTINUE')
      return true
    } catch (error) {
      // The hook is no longer awaiting, or the deployment no longer in progress: the next look says why.
      this.o.warn(`ContinueServiceDeployment CONTINUE of ${hookId} did not take (${describeError(error)})`)
      return false
    }
  }

  async restore(): Promise<string | undefined> {
    if (!this.o.native) return undefined
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service)
    const restored = restoredConfiguration(service.deploymentConfiguration, this.previousConfig)
    if (!restored) return undefined
    // Only deploymentConfiguration: it is not part of a service revision, so ECS starts no deployment for it.
    await this.o.ecs.send(
      new UpdateServiceCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        deploymentConfiguration: restored
      })
    )
    return `the service's deploymentConfiguration is back as it was (strategy ${restored.strategy}, ${restored.lifecycleHooks?.length ?? 0} lifecycle hook(s) of its own; the action's pause hook removed)`
  }

  async rollback(): Promise<string> {
    const held = this.lastServiceDeployment && heldHook(this.lastServiceDeployment)
    if (this.serviceDeploymentArn && held) {
      try {
        await answerHook(this.o.ecs, this.serviceDeploymentArn, held.hookId, 'ROLLBACK')
        this.rollbackBy = 'stop'
        return `ContinueServiceDeployment ROLLBACK of the held hook ${held.hookId} (${this.serviceDeploymentArn})`
      } catch (error) {
        this.o.warn(
          `ContinueServiceDeployment ROLLBACK did not take (${describeError(error)}): stopping the service deployment instead`
        )
      }
    }
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
        deploymentConfiguration: asWritten(this.previousConfig)
      })
    )
    this.rollbackBy = 'update'
    return `UpdateService back to ${taskDefinitionLabel(this.o.stableTaskDefinition)}`
  }

  private keepUserConfiguration(config: DeploymentConfiguration | undefined): void {
    const user = userConfiguration(config, this.o.recorded)
    this.previousConfig = user.config
    if (this.o.native && !user.known)
      this.o.warn(
        `neither the rollout record (of an older version) nor ECS (hookDetails of the action's pause hook) kept ${this.o.service}'s own deploymentConfiguration values: strategy and bakes stay as the rollout set them; only the action's hook is removed at the end`
      )
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
}
