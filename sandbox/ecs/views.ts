import type { Container, Deployment, Service, Task, TaskSet } from '@aws-sdk/client-ecs'
import type { World } from '../core/world.js'
import { isPending, isRunning, tasksOf, tasksOfService } from '../sim/taskState.js'
import type { DeploymentRecord, ServiceRecord, TaskRecord, TaskSetRecord } from './model.js'
import { shownConfiguration } from './pauseHookDetails.js'

// Records → the wire shapes DescribeServices/DescribeTaskSets/DescribeTasks return.

export const computedDesiredCount = (service: ServiceRecord, taskSet: TaskSetRecord) =>
  taskSet.status === 'DRAINING' || service.status !== 'ACTIVE'
    ? 0
    : Math.ceil((service.desiredCount * taskSet.scale.value) / 100 - 1e-9)

export function taskSetView(
  world: World,
  service: ServiceRecord,
  ts: TaskSetRecord,
  withTags: boolean
): TaskSet {
  const tasks = tasksOf(world, ts.id)
  return {
    id: ts.id,
    taskSetArn: ts.arn,
    serviceArn: ts.serviceArn,
    clusterArn: ts.clusterArn,
    externalId: ts.externalId,
    status: ts.status,
    taskDefinition: ts.taskDefinitionArn,
    computedDesiredCount: computedDesiredCount(service, ts),
    pendingCount: tasks.filter(isPending).length,
    runningCount: tasks.filter(isRunning).length,
    createdAt: ts.createdAt,
    updatedAt: ts.updatedAt,
    launchType: ts.launchType,
    capacityProviderStrategy: ts.capacityProviderStrategy,
    platformVersion: ts.platformVersion,
    platformFamily: ts.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: ts.networkConfiguration,
    loadBalancers: ts.loadBalancers,
    serviceRegistries: ts.serviceRegistries,
    scale: ts.scale,
    stabilityStatus: ts.stabilityStatus,
    stabilityStatusAt: ts.stabilityStatusAt,
    tags: withTags ? ts.tags : undefined
  }
}

export function deploymentView(world: World, d: DeploymentRecord): Deployment {
  const tasks = tasksOf(world, d.id)
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    desiredCount: d.desiredCount,
    pendingCount: tasks.filter(isPending).length,
    runningCount: tasks.filter(isRunning).length,
    failedTasks: d.failedTasks,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    capacityProviderStrategy: d.capacityProviderStrategy,
    launchType: d.launchType,
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: d.networkConfiguration,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason
  }
}

export const visibleDeployments = (service: ServiceRecord) =>
  service.deployments
    .filter(d => d.status !== 'INACTIVE')
    .sort((a, b) => (a.status === 'PRIMARY' ? -1 : b.status === 'PRIMARY' ? 1 : +b.createdAt - +a.createdAt))

export function serviceView(world: World, service: ServiceRecord, withTags: boolean): Service {
  const tasks = tasksOfService(world, service.arn)
  const external = service.controller !== 'ECS'
  const primarySet = service.taskSets.find(ts => ts.status === 'PRIMARY')
  const primaryDeployment = service.deployments.find(d => d.status === 'PRIMARY')
  // An EXTERNAL service reports its primary task set's launch parameters, as ECS does.
  const launch = external ? primarySet : service
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.clusterArn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: tasks.filter(isRunning).length,
    pendingCount: tasks.filter(isPending).length,
    launchType: launch?.launchType,
    capacityProviderStrategy: launch?.capacityProviderStrategy,
    platformVersion: launch?.platformVersion,
    platformFamily: launch?.launchType === 'FARGATE' ? 'Linux' : undefined,
    taskDefinition: external ? primarySet?.taskDefinitionArn : service.taskDefinitionArn,
    deploymentConfiguration: shownConfiguration(world, service.deploymentConfiguration),
    taskSets: external ? service.taskSets.map(ts => taskSetView(world, service, ts, withTags)) : undefined,
    deployments: external ? [] : visibleDeployments(service).map(d => deploymentView(world, d)),
    roleArn: service.roleArn,
    events: service.events.map(e => ({ id: e.id, createdAt: e.createdAt, message: e.message })),
    createdAt: service.createdAt,
    currentServiceDeployment: primaryDeployment?.arn,
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    networkConfiguration: external ? primarySet?.networkConfiguration : service.networkConfiguration,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: service.controller },
    tags: withTags ? service.tags : undefined,
    createdBy: 'arn:aws:iam::123456789012:user/sandbox',
    enableECSManagedTags: service.enableECSManagedTags,
    propagateTags: (service.propagateTags ?? 'NONE') as Service['propagateTags'],
    enableExecuteCommand: service.enableExecuteCommand,
    availabilityZoneRebalancing: 'DISABLED'
  }
}

export function taskView(task: TaskRecord, withTags: boolean): Task {
  const stopped = task.lastStatus === 'STOPPED'
  const containerStatus = stopped ? 'STOPPED' : task.lastStatus === 'RUNNING' ? 'RUNNING' : 'PENDING'
  return {
    taskArn: task.arn,
    clusterArn: task.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthStatus: task.healthStatus,
    createdAt: task.createdAt,
    pullStartedAt: task.pullStartedAt,
    pullStoppedAt: task.pullStoppedAt,
    startedAt: task.startedAt,
    stoppingAt: task.stoppingAt,
    stoppedAt: task.stoppedAt,
    executionStoppedAt: task.stoppedAt,
    stoppedReason: task.stoppedReason,
    stopCode: task.stopCode,
    connectivity: stopped ? undefined : 'CONNECTED',
    connectivityAt: task.createdAt,
    group: task.group,
    startedBy: task.startedBy,
    launchType: task.launchType,
    platformVersion: task.platformVersion,
    platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
    cpu: task.cpu,
    memory: task.memory,
    availabilityZone: task.availabilityZone,
    version: task.version,
    attachments: [
      {
        id: task.id.slice(0, 8) + '-eni0',
        type: 'ElasticNetworkInterface',
        status: stopped ? 'DELETED' : 'ATTACHED',
        details: [
          { name: 'subnetId', value: task.subnetId ?? 'subnet-sandbox' },
          { name: 'privateIPv4Address', value: task.ip }
        ]
      }
    ],
    containers: task.containers.map((c): Container => ({
      containerArn: `${task.arn.replace(':task/', ':container/')}/${c.id}`,
      taskArn: task.arn,
      name: c.name,
      image: c.image,
      lastStatus: containerStatus,
      exitCode: stopped ? (c.essential ? task.exitCode : 0) : undefined,
      healthStatus: task.containerHealthCheck ? task.healthStatus : 'UNKNOWN',
      networkInterfaces: [{ attachmentId: task.id.slice(0, 8) + '-eni0', privateIpv4Address: task.ip }],
      cpu: c.cpu,
      memory: c.memory
    })),
    tags: withTags ? [] : undefined
  }
}
