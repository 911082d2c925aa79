// The scene of the end-to-end suites against moto (see moto.ts): SDK clients pointed at it, revisions it can run,
// an EXTERNAL service serving from one task set, the 5xx alarm held at OK (moto evaluates no alarm: the tests
// play CloudWatch with SetAlarmState), and dist/index.js run on cluster "prod", service "web".

import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateServiceCommand,
  CreateTaskSetCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServicePrimaryTaskSetCommand,
  type LoadBalancer
} from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { expect } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import { awsEnv, runBundled, type RunResult } from './action.js'

export const ALARM = 'web-5xx'

export interface MotoClients {
  ecs: ECSClient
  elb: ElasticLoadBalancingV2Client
  cw: CloudWatchClient
  destroy(): void
}

export function motoClients(url: string): MotoClients {
  const config = {
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' }
  }
  const clients = {
    ecs: new ECSClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    cw: new CloudWatchClient(config)
  }
  return { ...clients, destroy: () => Object.values(clients).forEach(c => c.destroy()) }
}

/** A revision moto can run: no awsvpc (it needs a real VPC), cpu and memory on the container. */
export async function registerMotoRevision(ecs: ECSClient, image: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      containerDefinitions: [
        { name: 'app', image, cpu: 128, memory: 256, essential: true, portMappings: [{ containerPort: 80 }] }
      ]
    })
  )
  return out.taskDefinition!.taskDefinitionArn!
}

/**
 * Service "web" of 4 tasks on the EXTERNAL controller, its one task set PRIMARY at 100 % on `taskDefinition`;
 * returns the service's ARN.
 */
export async function createTaskSetService(
  ecs: ECSClient,
  taskDefinition: string,
  loadBalancers?: LoadBalancer[]
): Promise<string> {
  const service = await ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      desiredCount: 4,
      deploymentController: { type: 'EXTERNAL' }
    })
  )
  const first = await ecs.send(
    new CreateTaskSetCommand({
      cluster: 'prod',
      service: 'web',
      taskDefinition,
      launchType: 'FARGATE',
      loadBalancers,
      scale: { value: 100, unit: 'PERCENT' },
      externalId: 'initial'
    })
  )
  await ecs.send(
    new UpdateServicePrimaryTaskSetCommand({
      cluster: 'prod',
      service: 'web',
      primaryTaskSet: first.taskSet!.taskSetArn!
    })
  )
  return service.service!.serviceArn!
}

/** ALARM on the load balancer's 5xx count, put into OK. */
export async function createQuietAlarm(cw: CloudWatchClient): Promise<void> {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web-lb/0123456789abcdef' }],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching'
    })
  )
  await cw.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'OK', StateReason: 'quiet' }))
}

/** dist/index.js (or ECS_ROLLOUT_DIST) with `command: deploy` on prod/web, gated on ALARM, polling every second. */
export function deployOnMoto(
  url: string,
  inputs: Record<string, string>,
  timeoutMs = 50_000
): Promise<RunResult> {
  return runBundled(
    { command: 'deploy', cluster: 'prod', service: 'web', 'poll-interval': '1s', alarms: ALARM, ...inputs },
    { env: awsEnv(url), timeoutMs, entry: process.env.ECS_ROLLOUT_DIST }
  )
}

/** A state reason as CloudWatch writes one. */
const THRESHOLD_CROSSED =
  'Threshold Crossed: 1 out of the last 1 datapoints [42.0 (22/11/26 10:00:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).'

/** Plays CloudWatch: ALARM goes into ALARM. */
export async function fireAlarm(cw: CloudWatchClient): Promise<void> {
  await cw.send(
    new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: THRESHOLD_CROSSED })
  )
}

/** ALARM goes into ALARM once `what` is true (checked every 200 ms, 40 s at most). */
export async function fireAlarmWhen(
  cw: CloudWatchClient,
  what: string,
  check: () => Promise<boolean | undefined>
): Promise<void> {
  await waitFor(what, check, { timeoutMs: 40_000, intervalMs: 200 })
  await fireAlarm(cw)
}

/** A deploy of web:2 (`next`) that ALARM rolled back to web:1 (`previous`): exit code, outputs, the summary's title. */
export function expectAlarmRollback(result: RunResult, next: string, previous: string): void {
  expect(result.code).toBe(1)
  expect(result.outputs.status).toBe('rolled-back')
  expect(result.outputs['task-definition-arn']).toBe(next)
  expect(result.outputs['previous-task-definition-arn']).toBe(previous)
  expect(result.outputs['traffic-percent']).toBe('0')
  expect(result.outputs.reason).toMatch(/^alarm web-5xx went into ALARM at \S+Z: Threshold Crossed: /)
  expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
}
