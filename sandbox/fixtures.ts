// Helpers that build realistic scenes in the sandbox through the real SDK clients, for demos, tests and benchmarks.
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  CreateTaskSetCommand,
  DescribeServicesCommand,
  DescribeTaskSetsCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServicePrimaryTaskSetCommand,
  type DeploymentConfiguration,
  type LoadBalancer,
  type NetworkConfiguration
} from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl } from './client.js'

export interface Clients {
  ecs: ECSClient
  elb: ElasticLoadBalancingV2Client
  cw: CloudWatchClient
}

/** SDK clients pointed at the sandbox; `maxAttempts: 1` by default so injected faults surface immediately. */
export function sandboxClients(
  endpoint: string,
  options: { region?: string; maxAttempts?: number } = {}
): Clients {
  const config = {
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: options.maxAttempts ?? 1
  }
  return {
    ecs: new ECSClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    cw: new CloudWatchClient(config)
  }
}

/** Poll until `check` returns a value other than undefined/false, or fail after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 50 } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
}

export const CONTAINER_NAME = 'app'
export const CONTAINER_PORT = 80
export const TEST_LISTENER_PORT = 8080
export const NETWORK: NetworkConfiguration = {
  awsvpcConfiguration: {
    subnets: ['subnet-0a1', 'subnet-0b2'],
    securityGroups: ['sg-0sandbox'],
    assignPublicIp: 'DISABLED'
  }
}

/**
 * An alarm that only SetAlarmState moves: its metric is never published and missing data is ignored, so the
 * state a test or benchmark sets sticks until it sets another.
 */
export async function createManualAlarm(
  cw: CloudWatchClient,
  name: string,
  { period = 1 }: { period?: number } = {}
): Promise<void> {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'Sandbox/Manual',
      MetricName: 'NeverPublished',
      Dimensions: [{ Name: 'Alarm', Value: name }],
      Statistic: 'Sum',
      Period: period,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'ignore'
    })
  )
}

/** Register a Fargate revision whose behaviour in the sandbox is set by `env` (SANDBOX_* variables). */
export async function registerRevision(
  ecs: ECSClient,
  family: string,
  env: Record<string, string> = {}
): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: CONTAINER_NAME,
          image: 'public.ecr.aws/nginx/nginx:latest',
          essential: true,
          portMappings: [{ containerPort: CONTAINER_PORT, protocol: 'tcp' }],
          environment: Object.entries(env).map(([name, value]) => ({ name, value }))
        }
      ]
    })
  )
  return out.taskDefinition!.taskDefinitionArn!
}

export interface SceneOptions {
  cluster?: string
  service?: string
  desiredCount?: number
  controller?: 'EXTERNAL' | 'ECS'
  /** SANDBOX_* (and any other) environment of the first revision. */
  env?: Record<string, string>
  loadBalanced?: boolean
  /** Two target groups (blue, green) and a listener forwarding 100/0 to them. */
  weightedTargetGroups?: boolean
  /**
   * A test listener on port 8080 of the same load balancer, forwarding to the first target group, as blue/green
   * setups have one. It carries only its own test traffic (10 requests/s unless given), never a share of the
   * service's production rate.
   */
  testListener?: boolean | { requestRate: number }
  /** A 5xx alarm on the load balancer's targets: Sum of HTTPCode_Target_5XX_Count > threshold over `period` s. */
  alarm?: { name: string; threshold: number; period: number; evaluationPeriods?: number }
  deploymentConfiguration?: DeploymentConfiguration
  healthCheckGracePeriodSeconds?: number
  region?: string
  /** How long to wait for the first revision to be steady; default 30 s. */
  steadyTimeoutMs?: number
}

export interface Scene {
  clients: Clients
  cluster: string
  clusterName: string
  service: string
  serviceName: string
  family: string
  taskDefinition: string
  targetGroups: string[]
  loadBalancer?: string
  listener?: string
  /** With `testListener`: the test listener's ARN. */
  testListener?: string
  alarmName?: string
  /** EXTERNAL only: the initial PRIMARY task set. */
  taskSet?: string
  /** The load balancer settings new task sets or deployments should use. */
  loadBalancers: LoadBalancer[]
  networkConfiguration: NetworkConfiguration
}

async function createLoadBalancing(elb: ElasticLoadBalancingV2Client, name: string, weighted: boolean) {
  const lb = (
    await elb.send(
      new CreateLoadBalancerCommand({ Name: `${name}-lb`, Subnets: NETWORK.awsvpcConfiguration!.subnets })
    )
  ).LoadBalancers![0]
  const targetGroups: string[] = []
  for (const colour of weighted ? ['blue', 'green'] : ['blue']) {
    const tg = await elb.send(
      new CreateTargetGroupCommand({
        Name: `${name}-${colour}`,
        Protocol: 'HTTP',
        Port: CONTAINER_PORT,
        VpcId: lb.VpcId,
        TargetType: 'ip',
        HealthCheckPath: '/',
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 2
      })
    )
    targetGroups.push(tg.TargetGroups![0].TargetGroupArn!)
  }
  const listener = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [
        weighted
          ? {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: targetGroups[0], Weight: 100 },
                  { TargetGroupArn: targetGroups[1], Weight: 0 }
                ]
              }
            }
          : { Type: 'forward', TargetGroupArn: targetGroups[0] }
      ]
    })
  )
  return { loadBalancer: lb.LoadBalancerArn!, targetGroups, listener: listener.Listeners![0].ListenerArn! }
}

/**
 * A cluster, a Fargate revision, optionally a load balancer with one or two target groups and a listener, and a
 * service running the revision steadily (EXTERNAL: one PRIMARY task set at 100 %; ECS: a COMPLETED deployment).
 */
export async function createScene(endpoint: string, options: SceneOptions = {}): Promise<Scene> {
  const clients = sandboxClients(endpoint, { region: options.region, maxAttempts: 3 })
  const { ecs, elb, cw } = clients
  const clusterName = options.cluster ?? 'sandbox'
  const serviceName = options.service ?? 'web'
  const controller = options.controller ?? 'EXTERNAL'
  const desiredCount = options.desiredCount ?? 4
  const cluster = (await ecs.send(new CreateClusterCommand({ clusterName }))).cluster!.clusterArn!
  const taskDefinition = await registerRevision(ecs, serviceName, options.env)
  const lbScene =
    options.loadBalanced || options.weightedTargetGroups || options.alarm || options.testListener
      ? await createLoadBalancing(elb, serviceName, options.weightedTargetGroups ?? false)
      : undefined
  const loadBalancers: LoadBalancer[] = lbScene
    ? [
        {
          targetGroupArn: lbScene.targetGroups[0],
          containerName: CONTAINER_NAME,
          containerPort: CONTAINER_PORT
        }
      ]
    : []
  const service = await ecs.send(
    new CreateServiceCommand({
      cluster: clusterName,
      serviceName,
      desiredCount,
      deploymentController: { type: controller },
      ...(controller === 'ECS'
        ? {
            taskDefinition,
            launchType: 'FARGATE',
            networkConfiguration: NETWORK,
            loadBalancers,
            deploymentConfiguration: options.deploymentConfiguration
          }
        : {}),
      healthCheckGracePeriodSeconds: lbScene ? options.healthCheckGracePeriodSeconds : undefined
    })
  )
  const serviceArn = service.service!.serviceArn!
  let taskSet: string | undefined
  const timeoutMs = options.steadyTimeoutMs ?? 30_000
  if (controller === 'EXTERNAL') {
    const created = await ecs.send(
      new CreateTaskSetCommand({
        cluster: clusterName,
        service: serviceName,
        taskDefinition,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        loadBalancers,
        scale: { value: 100, unit: 'PERCENT' },
        externalId: 'initial',
        // A call retried after a connection reset (realism) returns the same task set, not a second one.
        clientToken: `${serviceName}-initial`
      })
    )
    taskSet = created.taskSet!.id!
    await ecs.send(
      new UpdateServicePrimaryTaskSetCommand({
        cluster: clusterName,
        service: serviceName,
        primaryTaskSet: taskSet
      })
    )
    await waitFor(
      'the initial task set to reach STEADY_STATE',
      async () => {
        const out = await ecs.send(
          new DescribeTaskSetsCommand({ cluster: clusterName, service: serviceName, taskSets: [taskSet!] })
        )
        return out.taskSets?.[0]?.stabilityStatus === 'STEADY_STATE'
      },
      { timeoutMs }
    )
  } else {
    await waitFor(
      'the initial deployment to complete',
      async () => {
        const out = await ecs.send(
          new DescribeServicesCommand({ cluster: clusterName, services: [serviceName] })
        )
        return out.services?.[0]?.deployments?.[0]?.rolloutState === 'COMPLETED'
      },
      { timeoutMs }
    )
  }
  let testListener: string | undefined
  if (options.testListener && lbScene) {
    const created = await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lbScene.loadBalancer,
        Protocol: 'HTTP',
        Port: TEST_LISTENER_PORT,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: lbScene.targetGroups[0] }]
      })
    )
    testListener = created.Listeners![0].ListenerArn!
    const rate = typeof options.testListener === 'object' ? options.testListener.requestRate : 10
    await new SandboxControl(endpoint).setListenerTraffic(testListener, rate)
  }
  let alarmName: string | undefined
  if (options.alarm && lbScene) {
    alarmName = options.alarm.name
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: alarmName,
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [{ Name: 'LoadBalancer', Value: lbScene.loadBalancer.split(':loadbalancer/')[1] }],
        Statistic: 'Sum',
        Period: options.alarm.period,
        EvaluationPeriods: options.alarm.evaluationPeriods ?? 1,
        Threshold: options.alarm.threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching'
      })
    )
  }
  return {
    clients,
    cluster,
    clusterName,
    service: serviceArn,
    serviceName,
    family: serviceName,
    taskDefinition,
    targetGroups: lbScene?.targetGroups ?? [],
    loadBalancer: lbScene?.loadBalancer,
    listener: lbScene?.listener,
    testListener,
    alarmName,
    taskSet,
    loadBalancers,
    networkConfiguration: NETWORK
  }
}
