import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  DeploymentLifecycleHookAction,
  DeploymentLifecycleHookStage,
  DeploymentLifecycleHookStatus,
  LaunchType,
  LoadBalancer,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Scale,
  ServiceDeploymentLifecycleStage,
  ServiceDeploymentRollbackMonitorsStatus,
  ServiceDeploymentStatus,
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
  /** Set on a deployment a rollback replaced: the rollback deployment (it shares this one's service-deployment ARN). */
  rolledBackBy?: string
  /** The service deployment behind it, for the service-deployment APIs (ecs/serviceDeployments.ts). */
  serviceDeployment?: ServiceDeploymentState
  /** Native linear, canary and blue/green deployments: where the strategy stands (sim/native.ts). */
  native?: NativeProgress
  /** Every lifecycle-hook run of this deployment, oldest first (sim/hooks.ts). */
  hookRuns?: HookRun[]
  /** A rolling deployment held by the hooks of this stage (native ones keep their stage in `native`). */
  heldAt?: DeploymentLifecycleHookStage
}

/** One run of one lifecycle hook at one stage (a linear deployment runs its step hooks once per step). */
export interface HookRun {
  hookId: string
  /** `STAGE/occurrence/index of the hook in lifecycleHooks`: the same hook at the same point runs once. */
  key: string
  targetType: 'PAUSE' | 'AWS_LAMBDA'
  targetArn?: string
  stage: DeploymentLifecycleHookStage
  status: DeploymentLifecycleHookStatus
  startedAt: number
  expiresAt: number
  timeoutAction: DeploymentLifecycleHookAction
  endedAt?: number
  /** AWS_LAMBDA: the event ECS would have sent the function (the sandbox runs no Lambda). */
  invocation?: Record<string, unknown>
}

/** What the service-deployment APIs show beyond what rolloutState implies. */
export interface ServiceDeploymentState {
  /** The deployment configuration the deployment started with. */
  deploymentConfiguration: DeploymentConfiguration
  /** Deployments that were serving when it started (its source service revisions). */
  sourceIds: string[]
  /** Set when it differs from what rolloutState implies: STOPPED, ROLLBACK_*, SUCCESSFUL of a native deployment. */
  status?: ServiceDeploymentStatus
  statusReason?: string
  stoppedAt?: Date
  rollback?: { reason: string; startedAt: Date; serviceRevisionArn?: string }
  alarms?: {
    status: ServiceDeploymentRollbackMonitorsStatus
    alarmNames: string[]
    triggeredAlarmNames: string[]
  }
  circuitBreakerTriggered?: boolean
}

/** A native LINEAR, CANARY or BLUE_GREEN deployment: its stage, and the weights it has set. */
export interface NativeProgress {
  strategy: 'BLUE_GREEN' | 'LINEAR' | 'CANARY'
  /** The SDK's stage enum lacks PRE_PRODUCTION_TRAFFIC_SHIFT, which ECS documents (docs/ecs-pause-hooks-facts.md). */
  stage: ServiceDeploymentLifecycleStage | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  stageSince: number
  /** Production traffic weight on this deployment's target group, 0–100. */
  weight: number
  testWeight: number
  /** When the production weight last moved: a linear or canary step bakes from here. */
  shiftedAt?: number
  /** The deployment serving production when it started (the blue side). */
  sourceId: string
  sourceTargetGroup: string
  /** The target group this deployment's tasks register in (the green side). */
  targetGroup: string
  /** The production listener rule, or the listener (an NLB's), whose weights move. */
  productionRoute: string
  testRoute?: string
  /** A rollback is under way: weights back, this deployment's tasks stopping. */
  rollingBack?: { reason: string; startedAt: number }
}

export type TaskOwner = TaskSetRecord | DeploymentRecord

export interface ServiceRecord {
  arn: string
  name: string
  clusterArn: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  /** When the service became INACTIVE (its last change). */
  inactiveAt?: number
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
