import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  LaunchType,
  LoadBalancer,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Scale,
  ServiceRegistry,
  Tag,
  TaskDefinition
} from '@aws-sdk/client-ecs'
import type { Behaviour } from '../sim/behaviour.js'

export interface ClusterRecord {
  arn: string
  name: string
  status: 'ACTIVE' | 'INACTIVE'
  tags: Tag[]
  createdAt: Date
}

export interface TaskDefinitionRecord {
  definition: TaskDefinition & { taskDefinitionArn: string; family: string; revision: number }
  behaviour: Behaviour
  tags: Tag[]
}

export interface ServiceEventRecord {
  id: string
  createdAt: Date
  message: string
}

/** What a task set or a deployment launches its tasks with. */
export interface LaunchSpec {
  taskDefinitionArn: string
  launchType?: LaunchType
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  platformVersion?: string
  networkConfiguration?: NetworkConfiguration
  loadBalancers: LoadBalancer[]
}

export interface TaskSetRecord extends LaunchSpec {
  kind: 'taskSet'
  id: string
  arn: string
  serviceArn: string
  clusterArn: string
  externalId?: string
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING'
  scale: Required<Scale>
  serviceRegistries: ServiceRegistry[]
  createdAt: Date
  updatedAt: Date
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING'
  stabilityStatusAt: Date
  tags: Tag[]
  clientToken?: string
}

export interface DeploymentRecord extends LaunchSpec {
  kind: 'deployment'
  id: string
  arn: string
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE'
  desiredCount: number
  failedTasks: number
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED'
  rolloutStateReason: string
  createdAt: Date
  updatedAt: Date
  finishedAt?: Date
  /** Set on the deployment a circuit-breaker rollback created: the deployment it went back to. */
  rollbackTo?: string
}

export type TaskOwner = TaskSetRecord | DeploymentRecord

export interface ServiceRecord {
  arn: string
  name: string
  clusterArn: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  controller: 'ECS' | 'EXTERNAL' | 'CODE_DEPLOY'
  desiredCount: number
  taskDefinitionArn?: string
  deploymentConfiguration: DeploymentConfiguration
  loadBalancers: LoadBalancer[]
  serviceRegistries: ServiceRegistry[]
  networkConfiguration?: NetworkConfiguration
  launchType?: LaunchType
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  platformVersion?: string
  healthCheckGracePeriodSeconds?: number
  placementConstraints: PlacementConstraint[]
  placementStrategy: PlacementStrategy[]
  propagateTags?: string
  enableECSManagedTags: boolean
  enableExecuteCommand: boolean
  roleArn?: string
  createdAt: Date
  tags: Tag[]
  events: ServiceEventRecord[]
  /** Newest first; INACTIVE ones are kept as history for the service-deployment APIs. */
  deployments: DeploymentRecord[]
  taskSets: TaskSetRecord[]
  clientToken?: string
  /** Whether the last tick found the service steady, so the steady-state event is written once per arrival. */
  steady: boolean
}

export type TaskLastStatus = 'PROVISIONING' | 'PENDING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPED'

export interface TargetRegistration {
  targetGroupArn: string
  port: number
}

export interface TaskContainer {
  id: string
  name: string
  image: string
  essential: boolean
  cpu?: string
  memory?: string
}

export interface TaskRecord {
  arn: string
  id: string
  clusterArn: string
  serviceArn: string
  ownerId: string
  taskDefinitionArn: string
  startedBy: string
  group: string
  launchType?: LaunchType
  platformVersion?: string
  cpu?: string
  memory?: string
  lastStatus: TaskLastStatus
  desiredStatus: 'RUNNING' | 'STOPPED'
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'
  createdAt: Date
  pendingAt: number
  runningAt: number
  pullStartedAt?: Date
  pullStoppedAt?: Date
  startedAt?: Date
  stoppingAt?: Date
  stoppedAt?: Date
  stoppedReason?: string
  stopCode?: 'TaskFailedToStart' | 'EssentialContainerExited' | 'UserInitiated' | 'ServiceSchedulerInitiated'
  exitCode?: number
  containers: TaskContainer[]
  ip: string
  availabilityZone: string
  subnetId?: string
  behaviour: Behaviour
  /** Whether a task-definition container health check watches the task. */
  containerHealthCheck: boolean
  containerChecks: { passes: number; failures: number; lastAt: number }
  targets: TargetRegistration[]
  version: number
  /** Requests it answered in the last tick (drives the CPU metric). */
  lastRequestRate: number
}
