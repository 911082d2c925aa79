// One set of SDK scenarios run against the sandbox and, when it is installed, against moto: the contract both
// share. Where they legitimately differ, the test says what real ECS/CloudWatch does and where that is documented.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  CreateTaskSetCommand,
  DeleteTaskSetCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTaskSetsCommand,
  ECSClient,
  ListTagsForResourceCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  UpdateServicePrimaryTaskSetCommand,
  UpdateTaskSetCommand
} from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
  RegisterTargetsCommand,
  type Action
} from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  CONTAINERS,
  eventually,
  startMotoTarget,
  startSandboxTarget,
  type Kind,
  type Target
} from '../helpers/conformance-targets.js'
import { describeWithMoto } from '../helpers/moto.js'

/** The target groups a forward action sends to, whichever of the two equivalent forms it uses. */
const forwardsTo = (action: Action) =>
  action.ForwardConfig?.TargetGroups?.map(g => [g.TargetGroupArn, g.Weight ?? 1]) ?? [
    [action.TargetGroupArn, 1]
  ]

/** The body of the suite `conformance: ${kind}`. */
function contract(kind: Kind, start: () => Promise<Target>): () => void {
  return () => {
    let target: Target
    let ecs: ECSClient
    let elb: ElasticLoadBalancingV2Client
    let cw: CloudWatchClient

    beforeAll(async () => {
      target = await start()
      const config = {
        endpoint: target.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
        maxAttempts: 1
      }
      ecs = new ECSClient(config)
      elb = new ElasticLoadBalancingV2Client(config)
      cw = new CloudWatchClient(config)
    }, 60_000)
    afterAll(() => target?.stop())
    beforeEach(() => target.reset())

    const externalService = async (desiredCount = 4) => {
      await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
      await ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: CONTAINERS }))
      await ecs.send(
        new CreateServiceCommand({
          cluster: 'prod',
          serviceName: 'web',
          desiredCount,
          deploymentController: { type: 'EXTERNAL' }
        })
      )
    }
    // moto answers CreateTaskSet with a `scale` by an HTML 500, so the scale is set by UpdateTaskSet.
    const createTaskSet = async (externalId: string, scale: number) => {
      const created = await ecs.send(
        new CreateTaskSetCommand({
          cluster: 'prod',
          service: 'web',
          taskDefinition: 'web:1',
          launchType: 'EC2',
          externalId
        })
      )
      const id = created.taskSet!.id!
      await ecs.send(
        new UpdateTaskSetCommand({
          cluster: 'prod',
          service: 'web',
          taskSet: id,
          scale: { value: scale, unit: 'PERCENT' }
        })
      )
      return created.taskSet!
    }
    const taskSets = async () =>
      (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))).taskSets!

    it('registers task definition revisions with tags', async () => {
      const first = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'web',
          containerDefinitions: CONTAINERS,
          tags: [{ key: 'team', value: 'a' }]
        })
      )
      expect(first.taskDefinition!.taskDefinitionArn).toBe(
        'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
      )
      await ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: CONTAINERS }))
      const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }))
      expect(latest.taskDefinition).toMatchObject({ family: 'web', revision: 2, status: 'ACTIVE' })
      const tagged = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'web:1', include: ['TAGS'] })
      )
      expect(tagged.tags).toEqual([{ key: 'team', value: 'a' }])
      expect(tagged.taskDefinition!.containerDefinitions![0]).toMatchObject({
        name: 'app',
        cpu: 256,
        memory: 512,
        essential: true
      })
    })

    it('runs an EXTERNAL service through task sets to a new primary', async () => {
      await externalService()
      const blue = await createTaskSet('deploy-1', 100)
      expect(blue.id).toMatch(/^ecs-svc\/\d+$/)
      expect(blue.taskSetArn).toBe(`arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/${blue.id}`)
      expect(blue).toMatchObject({ externalId: 'deploy-1', status: 'ACTIVE', launchType: 'EC2' })
      // ECS takes the task set's id or ARN; moto only matches the ARN.
      await ecs.send(
        new UpdateServicePrimaryTaskSetCommand({
          cluster: 'prod',
          service: 'web',
          primaryTaskSet: blue.taskSetArn
        })
      )
      await eventually(
        'blue STEADY_STATE',
        async () => (await taskSets())[0]?.stabilityStatus === 'STEADY_STATE'
      )
      const green = await createTaskSet('deploy-2', 50)
      const scaled = (await taskSets()).find(ts => ts.id === green.id)!
      expect(scaled.scale).toEqual({ value: 50, unit: 'PERCENT' })
      expect(scaled.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1')
      await eventually('green STEADY_STATE', async () =>
        (await taskSets()).every(ts => ts.stabilityStatus === 'STEADY_STATE')
      )
      await ecs.send(
        new UpdateServicePrimaryTaskSetCommand({
          cluster: 'prod',
          service: 'web',
          primaryTaskSet: green.taskSetArn
        })
      )
      const statuses = Object.fromEntries((await taskSets()).map(ts => [ts.id, ts.status]))
      expect(statuses).toEqual({ [blue.id!]: 'ACTIVE', [green.id!]: 'PRIMARY' })
      const service = await ecs.send(
        new DescribeServicesCommand({ cluster: 'prod', services: ['web', 'nope'] })
      )
      expect(service.services![0]).toMatchObject({
        deploymentController: { type: 'EXTERNAL' },
        desiredCount: 4
      })
      expect(service.services![0].taskSets!.map(ts => ts.id).sort()).toEqual([blue.id, green.id].sort())
      expect(service.failures).toEqual([
        { arn: expect.stringMatching(/:service\/(prod\/)?nope$/), reason: 'MISSING' }
      ])
      await ecs.send(
        new UpdateTaskSetCommand({
          cluster: 'prod',
          service: 'web',
          taskSet: blue.id!,
          scale: { value: 0, unit: 'PERCENT' }
        })
      )
      await ecs.send(new DeleteTaskSetCommand({ cluster: 'prod', service: 'web', taskSet: blue.id! }))
      await eventually('blue gone', async () => (await taskSets()).every(ts => ts.id !== blue.id))
    })

    it('answers unknown clusters and services with ECS errors', async () => {
      await externalService()
      const error = (p: Promise<unknown>) =>
        p.then(
          () => undefined,
          (e: Error) => e.name
        )
      expect(await error(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })))).toBe(
        'ClusterNotFoundException'
      )
      expect(await error(ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'nope' })))).toBe(
        'ServiceNotFoundException'
      )
      expect(
        await error(ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'nope', desiredCount: 1 })))
      ).toBe('ServiceNotFoundException')
    })

    it('tags services', async () => {
      await externalService()
      const arn = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'
      await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'rollout', value: 'r-1' }] }))
      expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([
        { key: 'rollout', value: 'r-1' }
      ])
    })

    it('keeps weighted forward actions on listeners and rules', async () => {
      const { vpcId, subnets } = await target.network()
      const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web-lb', Subnets: subnets })))
        .LoadBalancers![0]
      expect(lb.LoadBalancerArn).toMatch(
        /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web-lb\/[0-9a-f]{16}$/
      )
      const tg = async (name: string) =>
        (
          await elb.send(
            new CreateTargetGroupCommand({
              Name: name,
              Protocol: 'HTTP',
              Port: 80,
              VpcId: vpcId,
              TargetType: 'ip'
            })
          )
        ).TargetGroups![0].TargetGroupArn!
      const blue = await tg('web-blue')
      const green = await tg('web-green')
      expect(blue).toMatch(
        /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web-blue\/[0-9a-f]{16}$/
      )
      const weighted = (b: number, g: number): Action[] => [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: blue, Weight: b },
              { TargetGroupArn: green, Weight: g }
            ]
          }
        }
      ]
      const listener = (
        await elb.send(
          new CreateListenerCommand({
            LoadBalancerArn: lb.LoadBalancerArn,
            Protocol: 'HTTP',
            Port: 80,
            DefaultActions: weighted(100, 0)
          })
        )
      ).Listeners![0]
      await elb.send(
        new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: weighted(90, 10) })
      )
      const described = (
        await elb.send(new DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] }))
      ).Listeners![0]
      expect(forwardsTo(described.DefaultActions![0])).toEqual([
        [blue, 90],
        [green, 10]
      ])
      const rule = (
        await elb.send(
          new CreateRuleCommand({
            ListenerArn: listener.ListenerArn,
            Priority: 10,
            Conditions: [{ Field: 'host-header', Values: ['preview.example.com'] }],
            Actions: [{ Type: 'forward', TargetGroupArn: green }]
          })
        )
      ).Rules![0]
      expect(forwardsTo(rule.Actions![0])).toEqual([[green, 1]])
      await elb.send(new ModifyRuleCommand({ RuleArn: rule.RuleArn, Actions: weighted(50, 50) }))
      const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!
      expect(rules.map(r => [r.Priority, r.IsDefault])).toEqual([
        ['10', false],
        ['default', true]
      ])
      expect(rules[0].Conditions![0]).toMatchObject({ Field: 'host-header', Values: ['preview.example.com'] })
      expect(forwardsTo(rules[0].Actions![0])).toEqual([
        [blue, 50],
        [green, 50]
      ])
      await elb.send(
        new RegisterTargetsCommand({ TargetGroupArn: blue, Targets: [{ Id: '10.0.0.5', Port: 80 }] })
      )
      await eventually('a healthy target', async () => {
        const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: blue }))
        return out.TargetHealthDescriptions![0]?.TargetHealth?.State === 'healthy'
      })
      const missing = await elb
        .send(new DescribeTargetGroupsCommand({ Names: ['nope'] }))
        .catch((e: Error) => e.name)
      expect(missing).toBe('TargetGroupNotFoundException')
      const noListener = await elb
        .send(new DescribeListenersCommand({ ListenerArns: [`${listener.ListenerArn}0`] }))
        .catch((e: Error) => e.name)
      expect(noListener).toBe('ListenerNotFoundException')
    })

    it('sets, filters and deletes alarms', async () => {
      for (const name of ['web-5xx', 'web-latency', 'other']) {
        await cw.send(
          new PutMetricAlarmCommand({
            AlarmName: name,
            Namespace: 'Sandbox/Conformance',
            MetricName: 'Errors',
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 5,
            ComparisonOperator: 'GreaterThanThreshold'
          })
        )
      }
      await cw.send(
        new SetAlarmStateCommand({
          AlarmName: 'web-5xx',
          StateValue: 'ALARM',
          StateReason: 'testing the gate'
        })
      )
      const firing = await cw.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }))
      expect(firing.MetricAlarms!.map(a => [a.AlarmName, a.StateValue, a.StateReason])).toEqual([
        ['web-5xx', 'ALARM', 'testing the gate']
      ])
      expect(firing.MetricAlarms![0].AlarmArn).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx')
      const prefixed = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'web-' }))
      expect(prefixed.MetricAlarms!.map(a => a.AlarmName)).toEqual(['web-5xx', 'web-latency'])
      const missing = await cw
        .send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' }))
        .catch((e: Error) => e.name)
      expect(missing).toBe('ResourceNotFound')
      await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['other'] }))
      expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms!.map(a => a.AlarmName)).toEqual([
        'web-5xx',
        'web-latency'
      ])
    })

    it('stores metric data and reads it back', async () => {
      await cw.send(
        new PutMetricDataCommand({
          Namespace: 'Sandbox/Conformance',
          MetricData: [
            { MetricName: 'Errors', Value: 3, Dimensions: [{ Name: 'Service', Value: 'web' }] },
            { MetricName: 'Errors', Value: 4, Dimensions: [{ Name: 'Service', Value: 'web' }] }
          ]
        })
      )
      const out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 10 * 60_000),
          EndTime: new Date(Date.now() + 60_000),
          MetricDataQueries: [
            {
              Id: 'errors',
              MetricStat: {
                Metric: {
                  Namespace: 'Sandbox/Conformance',
                  MetricName: 'Errors',
                  Dimensions: [{ Name: 'Service', Value: 'web' }]
                },
                Period: 60,
                Stat: 'Sum'
              }
            }
          ]
        })
      )
      expect(out.MetricDataResults![0]).toMatchObject({ Id: 'errors', Values: [7], StatusCode: 'Complete' })
    })

    describe('where real ECS and moto differ', () => {
      it('rejects taskDefinition in UpdateService on an EXTERNAL service', async () => {
        // Real ECS: "For services using an external deployment controller, you can update only the desired count,
        // task placement constraints and strategies, health check grace period, enable ECS managed tags option, and
        // propagate tags option" (UpdateService, Amazon ECS API Reference). moto accepts the change.
        await externalService()
        const result = await ecs
          .send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web:1' }))
          .then(
            () => 'accepted',
            (e: Error) => e.name
          )
        expect(result).toBe(kind === 'sandbox' ? 'InvalidParameterException' : 'accepted')
      })

      it('rejects a task-set scale outside 0–100 %', async () => {
        // Real ECS: Scale.value is a percentage between 0 and 100 (Scale, Amazon ECS API Reference). moto stores 150.
        await externalService()
        const taskSet = await createTaskSet('deploy-1', 100)
        const result = await ecs
          .send(
            new UpdateTaskSetCommand({
              cluster: 'prod',
              service: 'web',
              taskSet: taskSet.id!,
              scale: { value: 150, unit: 'PERCENT' }
            })
          )
          .then(
            () => 'accepted',
            (e: Error) => e.name
          )
        expect(result).toBe(kind === 'sandbox' ? 'InvalidParameterException' : 'accepted')
      })

      it('reports computedDesiredCount and running tasks of a task set', async () => {
        // Real ECS: computedDesiredCount = ceil(desiredCount × scale %), with pendingCount/runningCount
        // (TaskSet, Amazon ECS API Reference). moto returns none of them.
        await externalService(4)
        const taskSet = await createTaskSet('deploy-1', 50)
        const described = await eventually('2 running', async () => {
          const ts = (await taskSets()).find(t => t.id === taskSet.id)!
          return kind === 'moto' || ts.runningCount === 2 ? ts : undefined
        })
        if (kind === 'sandbox')
          expect(described).toMatchObject({ computedDesiredCount: 2, runningCount: 2, pendingCount: 0 })
        else expect(described.computedDesiredCount).toBeUndefined()
      })

      it('refuses to delete a task set that has not been scaled down to zero unless forced', async () => {
        // Real ECS: "force — If true, you can delete a task set even if it hasn't been scaled down to zero"
        // (DeleteTaskSet, Amazon ECS API Reference). moto deletes it anyway.
        await externalService()
        const taskSet = await createTaskSet('deploy-1', 100)
        const result = await ecs
          .send(new DeleteTaskSetCommand({ cluster: 'prod', service: 'web', taskSet: taskSet.id! }))
          .then(
            () => 'deleted',
            (e: Error) => e.name
          )
        expect(result).toBe(kind === 'sandbox' ? 'InvalidParameterException' : 'deleted')
      })

      it('supports composite alarms', async () => {
        // Real CloudWatch: PutCompositeAlarm (CloudWatch API Reference). moto does not implement it and answers
        // with an HTML 500 the SDK fails to parse.
        await cw.send(
          new PutMetricAlarmCommand({
            AlarmName: 'child',
            Namespace: 'Sandbox/Conformance',
            MetricName: 'Errors',
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 5,
            ComparisonOperator: 'GreaterThanThreshold'
          })
        )
        const result = await cw
          .send(new PutCompositeAlarmCommand({ AlarmName: 'parent', AlarmRule: 'ALARM(child)' }))
          .then(
            () => 'created',
            () => 'failed'
          )
        expect(result).toBe(kind === 'sandbox' ? 'created' : 'failed')
      })
    })
  }
}

describe('conformance: sandbox', contract('sandbox', startSandboxTarget))

describeWithMoto('conformance: moto', contract('moto', startMotoTarget))
