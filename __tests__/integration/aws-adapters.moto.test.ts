// The AWS adapters against moto, a third-party emulator: a check of the wire shapes the adapters send and
// read. moto runs no task-set dynamics (always STEADY_STATE, no counts), which the adapter must cope with.

import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { CreateClusterCommand, DescribeTaskSetsCommand, ECSClient } from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { AlarmGates } from '../../src/aws/alarm-gates.js'
import { ListenerWeights } from '../../src/aws/listener-weights.js'
import { RecordStore } from '../../src/aws/record-store.js'
import { readService } from '../../src/aws/service.js'
import { resolveTaskDefinition } from '../../src/aws/task-definition.js'
import { TaskSetFleet } from '../../src/aws/task-set-fleet.js'
import { decodeRecord } from '../../src/record/record.js'
import { describeWithMoto, motoSubnets, startMoto, type Moto } from '../helpers/moto.js'
import { createTaskSetService, registerMotoRevision } from '../helpers/moto-scene.js'

describeWithMoto('AWS adapters against moto', () => {
  let moto: Moto
  /** The SDK as the action configures it, pointed at moto. */
  const config = () => ({
    endpoint: moto.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    retryMode: 'adaptive',
    maxAttempts: 5
  })

  beforeAll(async () => {
    moto = await startMoto()
  })
  afterAll(() => moto?.stop())
  beforeEach(() => moto.reset())

  /** An EXTERNAL service of 4 tasks with one PRIMARY task set at 100 % (Fargate: moto needs no instances). */
  async function externalService(ecs: ECSClient) {
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    const stable = await registerMotoRevision(ecs, 'nginx:1')
    const next = await registerMotoRevision(ecs, 'nginx:2')
    return { stable, next, serviceArn: await createTaskSetService(ecs, stable) }
  }

  it('runs the fleet through a rollout: ensureNew, scale, observe, makePrimary, remove', async () => {
    const ecs = new ECSClient(config())
    const { stable, next } = await externalService(ecs)
    expect(await readService(ecs, 'prod', 'web')).toMatchObject({
      controller: 'EXTERNAL',
      taskDefinition: stable
    })
    const fleet = new TaskSetFleet({
      ecs,
      cluster: 'prod',
      service: 'web',
      newTaskDefinition: next,
      stableTaskDefinition: stable,
      rolloutId: 'r1',
      clientToken: 'tok-r1'
    })
    await fleet.ensureNew()
    await fleet.ensureNew() // moto ignores clientToken: the existence check alone keeps this idempotent
    const sets = (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))).taskSets!
    expect(sets).toHaveLength(2)
    expect(sets.find(s => s.taskDefinition === next)).toMatchObject({
      externalId: 'ecs-rollout:r1',
      launchType: 'FARGATE',
      scale: { value: 0 }
    })

    await fleet.scale({ new: 3, stable: 4 }, 7)
    const scales = (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' })))
      .taskSets!
    expect(scales.map(s => [s.taskDefinition, s.scale?.value])).toEqual([
      [stable, 57.1428],
      [next, 42.8571]
    ])
    const observed = await fleet.observe(true)
    // moto says STEADY_STATE without counts: read as every desired task running
    expect(observed).toMatchObject({
      desiredCount: 4,
      new: { desired: 2, running: 2, steady: true, primary: false },
      stable: { desired: 3, running: 3, steady: true, primary: true },
      failedNewTasks: []
    })
    expect((await fleet.observe(false)).new).toEqual(observed.new)

    await fleet.scale({ new: 4, stable: 0 }, 4)
    await fleet.makePrimary('new')
    await fleet.remove('stable')
    await fleet.remove('stable')
    expect(await fleet.observe(true)).toMatchObject({ new: { primary: true, desired: 4 }, stable: undefined })
    expect((await readService(ecs, 'prod', 'web')).taskDefinition).toBe(next)
  })

  it('keeps the record in the service tags and resolves task definitions', async () => {
    const ecs = new ECSClient(config())
    const { next, serviceArn } = await externalService(ecs)
    expect(await resolveTaskDefinition(ecs, 'web:2', {}, 'r1')).toMatchObject({
      arn: next,
      registered: false
    })
    const overridden = await resolveTaskDefinition(ecs, 'web:2', { app: 'nginx:3' }, 'r1')
    expect(overridden.arn).toMatch(/task-definition\/web:3$/)
    const store = new RecordStore({ ecs, serviceArn })
    const record = {
      id: 'r1',
      phase: 'Active' as const,
      step: 2,
      steps: 4,
      newTaskDefinition: next,
      plan: {
        strategy: { name: 'canary' as const, canaryPercent: 10, canaryBakeMs: 60000 },
        traffic: 'replicas' as const,
        stableScale: 'shrink' as const,
        maxSurge: { kind: 'percent' as const, value: 25 },
        maxUnavailable: { kind: 'count' as const, value: 0 },
        bakeMs: 0
      },
      actor: 'octocat',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      commit: 'abc',
      startedAt: 1,
      heartbeat: 2,
      request: 'abort' as const
    }
    await store.save(record)
    await store.save({ ...record, request: null })
    const tags = (await readService(ecs, 'prod', 'web')).tags
    expect(tags['ecs-rollout:request']).toBeUndefined()
    expect(decodeRecord(tags)).toMatchObject({ id: 'r1', step: 2, steps: 4, plan: record.plan })
  })

  it('reads alarm states set with SetAlarmState, and names missing alarms', async () => {
    const cloudwatch = new CloudWatchClient(config())
    for (const name of ['web-5xx', 'web-latency'])
      await cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          Namespace: 'App',
          MetricName: name,
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold'
        })
      )
    const gates = new AlarmGates({
      cloudwatch,
      alarms: ['web-5xx', 'missing'],
      warningAlarms: ['web-latency']
    })
    expect(await gates.missing()).toEqual(['missing'])
    await cloudwatch.send(
      new SetAlarmStateCommand({
        AlarmName: 'web-5xx',
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed'
      })
    )
    const { alarms, warnings } = await gates.read()
    expect(alarms[0]).toMatchObject({ name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed' })
    expect(alarms[0].since).toBeGreaterThan(0)
    expect(warnings[0]).toMatchObject({ name: 'web-latency', state: 'OK' }) // moto starts alarms OK
  })

  it('shifts listener and listener-rule weights and reads them back', async () => {
    const elb = new ElasticLoadBalancingV2Client(config())
    const { vpcId, subnets } = await motoSubnets(moto.url)
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: subnets.slice(0, 2) })))
      .LoadBalancers![0]
    const [blue, green] = await Promise.all(
      ['blue', 'green'].map(
        async Name =>
          (
            await elb.send(
              new CreateTargetGroupCommand({
                Name,
                Protocol: 'HTTP',
                Port: 80,
                VpcId: vpcId,
                TargetType: 'ip'
              })
            )
          ).TargetGroups![0].TargetGroupArn!
      )
    )
    const listener = (
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }]
        })
      )
    ).Listeners![0].ListenerArn!
    const rule = (
      await elb.send(
        new CreateRuleCommand({
          ListenerArn: listener,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: green }]
        })
      )
    ).Rules![0].RuleArn!

    const byListener = new ListenerWeights({ elb, listenerArn: listener, targetGroups: [blue, green] })
    expect(await byListener.stableTargetGroup()).toBe(blue)
    await byListener.setWeight(10)
    expect(await byListener.weight()).toBe(10)
    await byListener.setWeight(0)
    expect(await byListener.weight()).toBe(0)

    const byRule = new ListenerWeights({ elb, listenerRuleArn: rule, targetGroups: [blue, green] })
    expect(await byRule.stableTargetGroup()).toBe(green)
    await byRule.setWeight(2.5)
    expect(await byRule.weight()).toBe(2.5)
    expect(await byRule.targetHealth(blue)).toEqual({ healthy: 0, initial: 0, unhealthy: 0, unused: 0 })
  })
})
