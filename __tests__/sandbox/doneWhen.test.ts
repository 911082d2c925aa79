// The "Done when" checks of issue 3, each through the real SDK clients against an in-process sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  CreateTaskSetCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  DescribeTaskSetsCommand,
  ListTasksCommand
} from '@aws-sdk/client-ecs'
import { DescribeListenersCommand, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  createScene,
  registerRevision,
  sandboxClients,
  waitFor,
  CONTAINER_NAME,
  CONTAINER_PORT,
  NETWORK
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.1' }
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 42 })
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(() => sandbox.reset())

describe('issue 3: done when', () => {
  it('an EXTERNAL service of 4 tasks runs a 50 % task set from STABILIZING to STEADY_STATE with 2 running tasks', async () => {
    const { ecs } = sandboxClients(sandbox.url)
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    const td = await registerRevision(ecs, 'web', FAST)
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'prod',
        serviceName: 'web',
        desiredCount: 4,
        deploymentController: { type: 'EXTERNAL' }
      })
    )
    const created = await ecs.send(
      new CreateTaskSetCommand({
        cluster: 'prod',
        service: 'web',
        taskDefinition: td,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        scale: { value: 50, unit: 'PERCENT' }
      })
    )
    expect(created.taskSet).toMatchObject({
      stabilityStatus: 'STABILIZING',
      computedDesiredCount: 2,
      status: 'ACTIVE'
    })
    expect(created.taskSet!.id).toMatch(/^ecs-svc\/\d{19}$/)
    expect(created.taskSet!.taskSetArn).toBe(
      `arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/${created.taskSet!.id}`
    )
    const steady = await waitFor('STEADY_STATE', async () => {
      const out = await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))
      const ts = out.taskSets![0]
      return ts.stabilityStatus === 'STEADY_STATE' ? ts : undefined
    })
    expect(steady).toMatchObject({ runningCount: 2, pendingCount: 0, computedDesiredCount: 2 })
    expect(steady.stabilityStatusAt!.getTime()).toBeGreaterThan(created.taskSet!.stabilityStatusAt!.getTime())
  })

  it('tasks of a SANDBOX_CRASH=on-start revision stop with a reason', async () => {
    const scene = await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 2 })
    const { ecs } = scene.clients
    const bad = await registerRevision(ecs, 'web', { ...FAST, SANDBOX_CRASH: 'on-start' })
    await ecs.send(
      new CreateTaskSetCommand({
        cluster: 'prod',
        service: 'web',
        taskDefinition: bad,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        scale: { value: 50, unit: 'PERCENT' }
      })
    )
    const stopped = await waitFor('a stopped task', async () => {
      const list = await ecs.send(
        new ListTasksCommand({ cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED' })
      )
      if (!list.taskArns?.length) return undefined
      const out = await ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: list.taskArns }))
      return out.tasks!.find(t => t.lastStatus === 'STOPPED')
    })
    expect(stopped).toMatchObject({
      taskDefinitionArn: bad,
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      group: 'service:web'
    })
    expect(stopped.containers![0].exitCode).toBe(1)
    expect(stopped.startedBy).toMatch(/^ecs-svc\//)
  })

  it('a 5xx alarm on a target group goes to ALARM within seconds of a SANDBOX_ERROR_RATE=0.5 revision taking traffic', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      env: FAST,
      desiredCount: 2,
      loadBalanced: true
    })
    const { ecs, cw } = scene.clients
    const { PutMetricAlarmCommand } = await import('@aws-sdk/client-cloudwatch')
    const tgDimension = scene.targetGroups[0].split(':')[5]
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'web-5xx',
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [{ Name: 'TargetGroup', Value: tgDimension }],
        Statistic: 'Sum',
        Period: 1,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching'
      })
    )
    const bad = await registerRevision(ecs, 'web', { ...FAST, SANDBOX_ERROR_RATE: '0.5' })
    const start = Date.now()
    await ecs.send(
      new CreateTaskSetCommand({
        cluster: 'prod',
        service: 'web',
        taskDefinition: bad,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        loadBalancers: [
          {
            targetGroupArn: scene.targetGroups[0],
            containerName: CONTAINER_NAME,
            containerPort: CONTAINER_PORT
          }
        ],
        scale: { value: 100, unit: 'PERCENT' }
      })
    )
    const alarm = await waitFor(
      'the alarm to fire',
      async () => {
        const out = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['web-5xx'] }))
        return out.MetricAlarms![0].StateValue === 'ALARM' ? out.MetricAlarms![0] : undefined
      },
      { timeoutMs: 10_000 }
    )
    expect(Date.now() - start).toBeLessThan(8000)
    expect(alarm.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoints \[[\d.]+ \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\)\] was greater than the threshold \(5\.0\) \(minimum 1 datapoint for OK -> ALARM transition\)\.$/
    )
    expect(JSON.parse(alarm.StateReasonData!)).toMatchObject({
      version: '1.0',
      statistic: 'Sum',
      period: 1,
      threshold: 5
    })
  })

  it('reads back a 90/10 weighted listener', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      env: FAST,
      desiredCount: 1,
      weightedTargetGroups: true
    })
    const { elb } = scene.clients
    const [blue, green] = scene.targetGroups
    await elb.send(
      new ModifyListenerCommand({
        ListenerArn: scene.listener,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: blue, Weight: 90 },
                { TargetGroupArn: green, Weight: 10 }
              ]
            }
          }
        ]
      })
    )
    const out = await elb.send(new DescribeListenersCommand({ ListenerArns: [scene.listener!] }))
    expect(out.Listeners![0].DefaultActions![0].ForwardConfig!.TargetGroups).toEqual([
      { TargetGroupArn: blue, Weight: 90 },
      { TargetGroupArn: green, Weight: 10 }
    ])
    expect(scene.listener).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\/web-lb\/[0-9a-f]{16}\/[0-9a-f]{16}$/
    )
  })

  it('raises ThrottlingException after it is injected, and the SDK retries through a single one', async () => {
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'DescribeServices', error: 'ThrottlingException', count: 1 })
    })
    const { ecs } = sandboxClients(sandbox.url)
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    const error = await ecs
      .send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
      .catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'DescribeServices', error: 'ThrottlingException', count: 1 })
    })
    const retrying = sandboxClients(sandbox.url, { maxAttempts: 3 }).ecs
    const ok = await retrying.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(ok.$metadata.attempts).toBe(2)
    expect(ok.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', reason: 'MISSING' }
    ])
  })

  it('records every call in /_sandbox/calls', async () => {
    const { ecs } = sandboxClients(sandbox.url)
    const before = Date.now()
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    await ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })).catch(() => undefined)
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as Record<string, unknown>[]
    expect(calls.map(({ at: _at, ...c }) => c)).toEqual([
      { service: 'ecs', operation: 'CreateCluster', ok: true, mutating: true, region: 'us-east-1' },
      // `asked`: how many services (or alarm names) a describe asked for.
      {
        service: 'ecs',
        operation: 'DescribeServices',
        ok: true,
        mutating: false,
        region: 'us-east-1',
        asked: 1
      },
      {
        service: 'ecs',
        operation: 'DescribeServices',
        asked: 1,
        ok: false,
        error: 'ClusterNotFoundException',
        mutating: false,
        region: 'us-east-1'
      }
    ])
    expect(calls.every(c => (c.at as number) >= before && (c.at as number) <= Date.now())).toBe(true)
  })
})
