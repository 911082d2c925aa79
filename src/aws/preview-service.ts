// The preview's ECS service: launched like the base service (launch type or capacity providers, platform
// version, network), behind its own target group, and updated with a plain UpdateService: a preview is not a
// guarded rollout, so the ECS deployment controller and its circuit breaker do the work.

import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  UpdateServiceCommand,
  type CreateServiceRequest,
  type ECSClient,
  type LoadBalancer,
  type Service
} from '@aws-sdk/client-ecs'
import { formatDuration } from '../config/parse.js'
import { tagList, tagRecord } from './tags.js'
import { taskDefinitionLabel } from './task-definition.js'

/** DescribeServices takes at most 10 services a call. */
const DESCRIBE_MAX = 10

/** How the base service launches its tasks: its PRIMARY task set's settings when it has task sets. */
export function launchSettingsOf(base: Service) {
  const source = base.taskSets?.find(s => s.status === 'PRIMARY') ?? base
  return {
    launchType: source.capacityProviderStrategy?.length ? undefined : source.launchType,
    capacityProviderStrategy: source.capacityProviderStrategy?.length
      ? source.capacityProviderStrategy
      : undefined,
    platformVersion: source.platformVersion,
    networkConfiguration: source.networkConfiguration,
    loadBalancers: source.loadBalancers ?? []
  }
}

export interface PreviewServiceSpec {
  cluster: string
  name: string
  taskDefinition: string
  desiredCount: number
  /** The base's first load balancer, pointed at the preview's target group. */
  loadBalancer: LoadBalancer
  tags: Record<string, string>
}

export function createServiceRequest(base: Service, spec: PreviewServiceSpec): CreateServiceRequest {
  const { loadBalancers: _theBase, ...launch } = launchSettingsOf(base)
  return {
    cluster: spec.cluster,
    serviceName: spec.name,
    taskDefinition: spec.taskDefinition,
    desiredCount: spec.desiredCount,
    ...launch,
    loadBalancers: [spec.loadBalancer],
    healthCheckGracePeriodSeconds: base.healthCheckGracePeriodSeconds,
    deploymentController: { type: 'ECS' },
    // A commit whose tasks never get healthy fails the run soon, and the preview keeps the last good one.
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    enableExecuteCommand: base.enableExecuteCommand,
    propagateTags: 'SERVICE',
    tags: tagList(spec.tags)
  }
}

export async function createPreviewService(
  ecs: ECSClient,
  base: Service,
  spec: PreviewServiceSpec
): Promise<void> {
  await ecs.send(new CreateServiceCommand(createServiceRequest(base, spec)))
}

export async function updatePreviewService(ecs: ECSClient, spec: PreviewServiceSpec): Promise<void> {
  await ecs.send(
    new UpdateServiceCommand({
      cluster: spec.cluster,
      service: spec.name,
      taskDefinition: spec.taskDefinition,
      desiredCount: spec.desiredCount
    })
  )
}

/** The service by name, with tags, unless it does not exist or is gone (INACTIVE). */
export async function findService(
  ecs: ECSClient,
  cluster: string,
  name: string
): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] }))
  return out.services?.find(s => s.status !== 'INACTIVE')
}

/** The cluster's services that are not gone, with tags, whose tags pass `wanted`. */
export async function servicesWithTags(
  ecs: ECSClient,
  cluster: string,
  wanted: (tags: Record<string, string>) => boolean
): Promise<Service[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const out = await ecs.send(new ListServicesCommand({ cluster, nextToken, maxResults: 100 }))
    arns.push(...(out.serviceArns ?? []))
    nextToken = out.nextToken
  } while (nextToken)
  const found: Service[] = []
  for (let i = 0; i < arns.length; i += DESCRIBE_MAX) {
    const out = await ecs.send(
      new DescribeServicesCommand({ cluster, services: arns.slice(i, i + DESCRIBE_MAX), include: ['TAGS'] })
    )
    found.push(...(out.services ?? []).filter(s => s.status !== 'INACTIVE' && wanted(tagRecord(s.tags))))
  }
  return found
}

/** Scales to 0 so no new task starts, then deletes; ECS drains the tasks and the service goes INACTIVE. */
export async function deleteService(ecs: ECSClient, cluster: string, service: Service): Promise<void> {
  if (service.status !== 'ACTIVE') return
  if ((service.desiredCount ?? 0) > 0)
    await ecs.send(new UpdateServiceCommand({ cluster, service: service.serviceArn, desiredCount: 0 }))
  await ecs.send(new DeleteServiceCommand({ cluster, service: service.serviceArn, force: true }))
}

export interface WaitOptions {
  timeoutMs: number
  intervalMs: number
  sleep: (ms: number) => Promise<void>
  now: () => number
  cancel?: AbortSignal
}

/**
 * Waits until the service runs `taskDefinition` steadily: its deployment COMPLETED (or, where ECS reports no
 * rollout state, one deployment with all its tasks running). Throws when the circuit breaker fails it.
 */
export async function waitForStable(
  ecs: ECSClient,
  cluster: string,
  name: string,
  taskDefinition: string,
  o: WaitOptions
): Promise<void> {
  const started = o.now()
  const deadline = started + o.timeoutMs
  for (;;) {
    const service = await findService(ecs, cluster, name)
    if (!service) throw new Error(`service ${name} disappeared while it was deploying`)
    const deployments = service.deployments ?? []
    const ours = deployments.find(d => d.taskDefinition === taskDefinition)
    const what = `${taskDefinitionLabel(taskDefinition)} on ${name}`
    // The circuit breaker's rollback replaces the failed deployment, which may be gone before a poll sees it;
    // the service's events still say why.
    if (!ours) {
      const why = service.events?.find(
        e =>
          (e.createdAt?.getTime() ?? 0) >= started &&
          /deployment failed|circuit breaker/i.test(e.message ?? '')
      )?.message
      const back = deployments.find(d => d.status === 'PRIMARY')?.taskDefinition
      const now = back ? ` ${name} runs ${taskDefinitionLabel(back)} again.` : ''
      throw new Error(
        `the deployment of ${what} did not finish: ${why?.replace(/\.$/, '') ?? 'another deployment replaced it'}.${now}`
      )
    }
    if (ours.rolloutState === 'FAILED')
      throw new Error(`the deployment of ${what} failed: ${ours.rolloutStateReason ?? 'no reason given'}`)
    const steady = ours.rolloutState
      ? ours.rolloutState === 'COMPLETED'
      : deployments.length === 1 && ours.runningCount === ours.desiredCount
    if (steady && ours.status === 'PRIMARY') return
    if (o.cancel?.aborted) throw new Error(`the run was cancelled while ${name} was deploying`)
    if (o.now() > deadline) {
      const running = `${ours.runningCount ?? 0} of ${ours.desiredCount ?? 0} tasks running`
      throw new Error(
        `${name} did not become stable within ${formatDuration(o.timeoutMs)} (step-timeout): ${running}`
      )
    }
    await o.sleep(o.intervalMs)
  }
}
