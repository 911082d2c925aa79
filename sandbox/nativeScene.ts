// A scene for ECS's native linear, canary and blue/green deployments: an ECS-controller service behind two target
// groups (blue serving, green idle) and a production listener rule forwarding 100/0 to them, with the load
// balancer's advancedConfiguration that ECS needs (alternateTargetGroupArn, productionListenerRule, roleArn).
// `advanced: false` leaves the advanced configuration out: a service not set up for native strategies.

import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  type DeploymentConfiguration,
  type LoadBalancer
} from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand
} from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  CONTAINER_NAME,
  CONTAINER_PORT,
  NETWORK,
  registerRevision,
  sandboxClients,
  waitFor,
  type Clients
} from './fixtures.js'

export const NATIVE_ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers'

export interface NativeSceneOptions {
  cluster?: string
  service?: string
  desiredCount?: number
  /** SANDBOX_* environment of the first revision. */
  env?: Record<string, string>
  /** Default true; false: the load balancer has no advancedConfiguration. */
  advanced?: boolean
  /** A 5xx alarm on the load balancer's targets: Sum of HTTPCode_Target_5XX_Count > threshold per `period` s. */
  alarm?: { name: string; threshold: number; period: number }
  deploymentConfiguration?: DeploymentConfiguration
  region?: string
}

export interface NativeScene {
  clients: Clients
  clusterName: string
  serviceName: string
  service: string
  family: string
  taskDefinition: string
  loadBalancer: string
  listener: string
  /** The production listener rule (priority 1, path /*), forwarding blue 100 / green 0. */
  productionRule: string
  /** [blue, green]: blue serves the first revision. */
  targetGroups: string[]
  loadBalancers: LoadBalancer[]
  alarmName?: string
}

export async function createNativeScene(
  endpoint: string,
  options: NativeSceneOptions = {}
): Promise<NativeScene> {
  const clients = sandboxClients(endpoint, { region: options.region, maxAttempts: 3 })
  const { ecs, elb, cw } = clients
  const clusterName = options.cluster ?? 'sandbox'
  const serviceName = options.service ?? 'web'
  await ecs.send(new CreateClusterCommand({ clusterName }))
  const taskDefinition = await registerRevision(ecs, serviceName, options.env)
  const lb = (
    await elb.send(
      new CreateLoadBalancerCommand({
        Name: `${serviceName}-lb`,
        Subnets: NETWORK.awsvpcConfiguration!.subnets
      })
    )
  ).LoadBalancers![0]
  const targetGroups: string[] = []
  for (const colour of ['blue', 'green']) {
    const out = await elb.send(
      new CreateTargetGroupCommand({
        Name: `${serviceName}-${colour}`,
        Protocol: 'HTTP',
        Port: CONTAINER_PORT,
        VpcId: lb.VpcId,
        TargetType: 'ip',
        HealthCheckPath: '/',
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 2
      })
    )
    targetGroups.push(out.TargetGroups![0].TargetGroupArn!)
  }
  // Only the rule forwards: the default action answers 404 itself, so all traffic takes the production rule.
  const listener = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }]
      })
    )
  ).Listeners![0].ListenerArn!
  const productionRule = (
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: listener,
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: targetGroups[0], Weight: 100 },
                { TargetGroupArn: targetGroups[1], Weight: 0 }
              ]
            }
          }
        ]
      })
    )
  ).Rules![0].RuleArn!
  const loadBalancers: LoadBalancer[] = [
    {
      targetGroupArn: targetGroups[0],
      containerName: CONTAINER_NAME,
      containerPort: CONTAINER_PORT,
      ...(options.advanced === false
        ? {}
        : {
            advancedConfiguration: {
              alternateTargetGroupArn: targetGroups[1],
              productionListenerRule: productionRule,
              roleArn: NATIVE_ROLE
            }
          })
    }
  ]
  const created = await ecs.send(
    new CreateServiceCommand({
      cluster: clusterName,
      serviceName,
      desiredCount: options.desiredCount ?? 4,
      deploymentController: { type: 'ECS' },
      taskDefinition,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers,
      deploymentConfiguration: options.deploymentConfiguration
    })
  )
  await waitFor('the initial deployment to complete', async () => {
    const out = await ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: [serviceName] }))
    return out.services?.[0]?.deployments?.[0]?.rolloutState === 'COMPLETED'
  })
  if (options.alarm)
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: options.alarm.name,
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [{ Name: 'LoadBalancer', Value: lb.LoadBalancerArn!.split(':loadbalancer/')[1] }],
        Statistic: 'Sum',
        Period: options.alarm.period,
        EvaluationPeriods: 1,
        Threshold: options.alarm.threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching'
      })
    )
  return {
    clients,
    clusterName,
    serviceName,
    service: created.service!.serviceArn!,
    family: serviceName,
    taskDefinition,
    loadBalancer: lb.LoadBalancerArn!,
    listener,
    productionRule,
    targetGroups,
    loadBalancers,
    alarmName: options.alarm?.name
  }
}
