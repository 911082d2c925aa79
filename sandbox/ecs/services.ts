import type {
  CreateServiceRequest,
  CreateServiceResponse,
  DeleteServiceRequest,
  DeleteServiceResponse,
  DeploymentConfiguration,
  DescribeServicesRequest,
  DescribeServicesResponse,
  Failure,
  LaunchType,
  ListServicesRequest,
  ListServicesResponse,
  Service,
  UpdateServiceRequest,
  UpdateServiceResponse
} from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'
import { list, optionalBoolean, optionalInteger, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import {
  beginDeployment,
  checkNativeSetup,
  checkStrategyConfiguration,
  isNativeStrategy
} from '../sim/native.js'
import { newDeployment } from '../sim/rolling.js'
import { stopTask } from '../sim/tasks.js'
import { tasksOfService } from '../sim/taskState.js'
import { validateLaunch } from './launch.js'
import { checkLifecycleHooks } from './lifecycleHooks.js'
import {
  findService,
  requireActiveService,
  requireCluster,
  requireLaunchableTaskDefinition,
  requireService,
  serviceArnFor
} from './lookup.js'
import type { ServiceRecord } from './model.js'
import { page } from './paging.js'
import { initialTags } from './tags.js'
import { createInitialTaskSet } from './taskSets.js'
import { serviceView } from './views.js'

const NAME = /^[a-zA-Z0-9_-]{1,255}$/

function checkDeploymentConfiguration(config: DeploymentConfiguration | undefined): void {
  if (!config) return
  const { minimumHealthyPercent: min, maximumPercent: max } = config
  if (min !== undefined && (!Number.isInteger(min) || min < 0 || min > 100)) {
    throw ecsErrors.invalidParameter('minimumHealthyPercent must be between 0 and 100.')
  }
  if (max !== undefined && (!Number.isInteger(max) || max < 100 || max > 200)) {
    throw ecsErrors.invalidParameter('maximumPercent must be between 100 and 200.')
  }
  const breaker = config.deploymentCircuitBreaker
  if (breaker && (typeof breaker.enable !== 'boolean' || typeof breaker.rollback !== 'boolean')) {
    throw ecsErrors.invalidParameter('deploymentCircuitBreaker requires enable and rollback.')
  }
  checkStrategyConfiguration(config)
  checkLifecycleHooks(config.lifecycleHooks)
}

function desiredCountOf(value: unknown): number | undefined {
  const n = optionalInteger(value, 'desiredCount', ecsErrors.invalidParameter)
  if (n !== undefined && n < 0) throw ecsErrors.invalidParameter('desiredCount must be 0 or greater.')
  return n
}

export function createService(ctx: Ctx, input: CreateServiceRequest): CreateServiceResponse {
  const name = requireString(input.serviceName, 'serviceName', ecsErrors.missing)
  if (!NAME.test(name)) {
    throw ecsErrors.invalidParameter(
      'Service name can only contain letters, numbers, hyphens and underscores.'
    )
  }
  const cluster = requireCluster(ctx, input.cluster)
  const existing = findService(ctx, cluster, name)
  if (existing && existing.status !== 'INACTIVE') {
    if (input.clientToken && existing.clientToken === input.clientToken) {
      return { service: serviceView(ctx.world, existing, true) }
    }
    if (existing.status === 'DRAINING')
      throw ecsErrors.invalidParameter('Unable to Start a service that is still Draining.')
    throw ecsErrors.invalidParameter('Creation of service was not idempotent.')
  }
  if (input.schedulingStrategy === 'DAEMON') {
    throw ecsErrors.invalidParameter('The sandbox simulates REPLICA services only; DAEMON is not supported.')
  }
  const controller = input.deploymentController?.type ?? 'ECS'
  if (!['ECS', 'EXTERNAL', 'CODE_DEPLOY'].includes(controller)) {
    throw ecsErrors.invalidParameter(`Invalid deployment controller type: ${controller}.`)
  }
  if (controller === 'EXTERNAL' && input.taskDefinition) {
    throw ecsErrors.invalidParameter(
      'A task definition cannot be specified for a service that uses the EXTERNAL deployment controller; create a task set.'
    )
  }
  if (controller !== 'EXTERNAL' && !input.taskDefinition) {
    throw ecsErrors.invalidParameter('A task definition must be specified for this deployment controller.')
  }
  const desiredCount = desiredCountOf(input.desiredCount) ?? 1
  checkDeploymentConfiguration(input.deploymentConfiguration)
  const loadBalancers = list(input.loadBalancers)
  const grace = optionalInteger(
    input.healthCheckGracePeriodSeconds,
    'healthCheckGracePeriodSeconds',
    ecsErrors.invalidParameter
  )
  // EXTERNAL services attach load balancers per task set, so only the other controllers are checked here.
  if (grace !== undefined && loadBalancers.length === 0 && controller !== 'EXTERNAL') {
    throw ecsErrors.invalidParameter(
      'Health check grace period is only valid for services configured to use load balancers'
    )
  }
  const td = input.taskDefinition ? requireLaunchableTaskDefinition(ctx, input.taskDefinition) : undefined
  if (td) validateLaunch(ctx, td, input)
  const strategy = input.deploymentConfiguration?.strategy
  if (controller === 'ECS' && isNativeStrategy(strategy)) checkNativeSetup(ctx.world, loadBalancers, strategy)
  const tags = initialTags(input.tags)
  const breaker = input.deploymentConfiguration?.deploymentCircuitBreaker
  const service: ServiceRecord = {
    arn: serviceArnFor(cluster, name),
    name,
    clusterArn: cluster.arn,
    status: 'ACTIVE',
    controller: controller as ServiceRecord['controller'],
    desiredCount,
    taskDefinitionArn: td?.definition.taskDefinitionArn,
    deploymentConfiguration: {
      ...input.deploymentConfiguration,
      deploymentCircuitBreaker:
        controller === 'ECS' ? { enable: false, rollback: false, ...breaker } : breaker,
      maximumPercent: input.deploymentConfiguration?.maximumPercent ?? 200,
      minimumHealthyPercent: input.deploymentConfiguration?.minimumHealthyPercent ?? 100
    },
    loadBalancers,
    serviceRegistries: list(input.serviceRegistries),
    networkConfiguration: input.networkConfiguration,
    launchType: input.launchType ?? (input.capacityProviderStrategy ? undefined : 'EC2'),
    capacityProviderStrategy: input.capacityProviderStrategy,
    platformVersion:
      input.launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : input.platformVersion,
    healthCheckGracePeriodSeconds: grace,
    placementConstraints: list(input.placementConstraints),
    placementStrategy: list(input.placementStrategy),
    propagateTags: input.propagateTags,
    enableECSManagedTags: optionalBoolean(input.enableECSManagedTags) ?? false,
    enableExecuteCommand: optionalBoolean(input.enableExecuteCommand) ?? false,
    roleArn: input.role,
    createdAt: new Date(ctx.now),
    tags,
    events: [],
    deployments: [],
    taskSets: [],
    clientToken: input.clientToken,
    steady: false
  }
  ctx.world.ecs.services.set(service.arn, service)
  ctx.world.journal.delete(service.arn)
  if (controller === 'ECS') newDeployment(ctx.world, service, ctx.now, 'initial')
  if (controller === 'CODE_DEPLOY') createInitialTaskSet(ctx, service)
  return { service: serviceView(ctx.world, service, true) }
}

/** UpdateService members each controller accepts (UpdateService API reference). */
const EXTERNAL_UPDATABLE = new Set([
  'cluster',
  'service',
  'desiredCount',
  'placementConstraints',
  'placementStrategy',
  'healthCheckGracePeriodSeconds',
  'enableECSManagedTags',
  'propagateTags'
])
const CODE_DEPLOY_UPDATABLE = new Set([...EXTERNAL_UPDATABLE, 'deploymentConfiguration'])
/** Changing any of these on an ECS-controller service starts a new deployment. */
const NEW_DEPLOYMENT_FIELDS = [
  'networkConfiguration',
  'loadBalancers',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'serviceRegistries'
] as const

export function updateService(ctx: Ctx, input: UpdateServiceRequest): UpdateServiceResponse {
  const ref = requireString(input.service, 'service', ecsErrors.missing)
  const cluster = requireCluster(ctx, input.cluster)
  const service = requireActiveService(ctx, cluster, ref)
  if (service.controller !== 'ECS') {
    const allowed = service.controller === 'EXTERNAL' ? EXTERNAL_UPDATABLE : CODE_DEPLOY_UPDATABLE
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || allowed.has(key)) continue
      throw ecsErrors.invalidParameter(
        `Unable to update ${key} on a service that uses the ${service.controller} deployment controller. ` +
          (service.controller === 'EXTERNAL'
            ? 'Create a new task set instead.'
            : 'Create a new CodeDeploy deployment instead.')
      )
    }
  }
  const desiredCount = desiredCountOf(input.desiredCount)
  checkDeploymentConfiguration(input.deploymentConfiguration)
  const grace = optionalInteger(
    input.healthCheckGracePeriodSeconds,
    'healthCheckGracePeriodSeconds',
    ecsErrors.invalidParameter
  )
  let startDeployment = optionalBoolean(input.forceNewDeployment) === true
  if (service.controller === 'ECS') {
    // The SDK's UpdateServiceRequest has no launchType; a request may still carry one (ECS rejects it).
    const members = input as unknown as Record<string, unknown> & { launchType?: LaunchType }
    const td = requireLaunchableTaskDefinition(ctx, input.taskDefinition ?? service.taskDefinitionArn!)
    validateLaunch(ctx, td, {
      launchType: members.launchType ?? service.launchType,
      networkConfiguration: input.networkConfiguration ?? service.networkConfiguration,
      loadBalancers: input.loadBalancers ?? service.loadBalancers
    })
    const strategy = input.deploymentConfiguration?.strategy ?? service.deploymentConfiguration.strategy
    if (isNativeStrategy(strategy))
      checkNativeSetup(ctx.world, input.loadBalancers ?? service.loadBalancers, strategy)
    if (td.definition.taskDefinitionArn !== service.taskDefinitionArn) startDeployment = true
    service.taskDefinitionArn = td.definition.taskDefinitionArn
    for (const field of NEW_DEPLOYMENT_FIELDS) {
      if (members[field] === undefined) continue
      if (JSON.stringify(members[field]) !== JSON.stringify(service[field])) startDeployment = true
      Object.assign(service, { [field]: members[field] })
    }
  }
  if (desiredCount !== undefined) service.desiredCount = desiredCount
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace
  if (input.deploymentConfiguration) {
    service.deploymentConfiguration = { ...service.deploymentConfiguration, ...input.deploymentConfiguration }
  }
  if (input.placementConstraints) service.placementConstraints = input.placementConstraints
  if (input.placementStrategy) service.placementStrategy = input.placementStrategy
  if (input.propagateTags) service.propagateTags = input.propagateTags
  if (input.enableECSManagedTags !== undefined) service.enableECSManagedTags = input.enableECSManagedTags
  if (input.enableExecuteCommand !== undefined) service.enableExecuteCommand = input.enableExecuteCommand
  if (startDeployment) beginDeployment(ctx.world, service, ctx.now)
  return { service: serviceView(ctx.world, service, false) }
}

export function deleteService(ctx: Ctx, input: DeleteServiceRequest): DeleteServiceResponse {
  const ref = requireString(input.service, 'service', ecsErrors.missing)
  const cluster = requireCluster(ctx, input.cluster)
  const service = requireService(ctx, cluster, ref)
  if (service.status === 'ACTIVE') {
    if (service.desiredCount > 0 && !optionalBoolean(input.force)) {
      throw ecsErrors.invalidParameter('The service cannot be stopped while it is scaled above 0.')
    }
    service.status = 'DRAINING'
    service.desiredCount = 0
    for (const taskSet of service.taskSets) taskSet.status = 'DRAINING'
    for (const task of tasksOfService(ctx.world, service.arn)) {
      const reason = 'Service deletion initiated'
      stopTask(
        ctx.world,
        task,
        { reason, code: 'ServiceSchedulerInitiated', exitCode: 0, graceful: true },
        ctx.now
      )
    }
  }
  return { service: serviceView(ctx.world, service, false) }
}

export function describeServices(ctx: Ctx, input: DescribeServicesRequest): DescribeServicesResponse {
  const refs = list(input.services)
  if (refs.length === 0) throw ecsErrors.missing('services')
  if (refs.length > 10) throw ecsErrors.invalidParameter('services can have at most 10 items.')
  const cluster = requireCluster(ctx, input.cluster)
  const withTags = list(input.include).includes('TAGS')
  const services: Service[] = []
  const failures: Failure[] = []
  for (const ref of refs) {
    const service = findService(ctx, cluster, ref)
    if (service) services.push(serviceView(ctx.world, service, withTags))
    else failures.push({ arn: serviceArnFor(cluster, ref), reason: 'MISSING' })
  }
  return { services, failures }
}

export function listServices(ctx: Ctx, input: ListServicesRequest): ListServicesResponse {
  const cluster = requireCluster(ctx, input.cluster)
  const arns = [...ctx.world.ecs.services.values()]
    .filter(s => s.clusterArn === cluster.arn && s.status !== 'INACTIVE')
    .filter(s => !input.launchType || s.launchType === input.launchType)
    .map(s => s.arn)
    .sort()
  const { items, nextToken } = page(arns, input.maxResults, input.nextToken, 100, 10)
  return { serviceArns: items, nextToken }
}
