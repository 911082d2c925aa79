// The AWS CLI conformance contract: every operation the action calls (`grep 'Command(' src/aws`), driven with the
// AWS CLI — botocore's parsers, not the JS SDK's — against a target (the sandbox, or moto for the operations it
// has). The sandbox and moto halves are two test files (cli-aws.sandbox / cli-aws.moto), so jest runs them side
// by side: each CLI call starts a Python process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { awsCli, type CliResult } from './aws-cli.js'
import { CONTAINERS, eventually, type Kind, type Target } from './conformance-targets.js'

type Service = 'ecs' | 'cloudwatch' | 'elbv2'
type Out = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** What moto does not implement (see /work/shared/reference/aws-api.md §3): checked on the sandbox only. */
const MOTO_LACKS = new Set([
  'ecs:ListServiceDeployments',
  'ecs:DescribeServiceDeployments',
  'ecs:StopServiceDeployment',
  'ecs:ContinueServiceDeployment',
  // moto 5.2 answers it with an HTML 500.
  'cloudwatch:DescribeAlarmHistory'
])

/** The operations the action calls, read from its source so a new one cannot go unchecked. */
function actionOperations(): Set<string> {
  const dir = 'src/aws'
  const services: Record<string, Service> = {
    'client-ecs': 'ecs',
    'client-cloudwatch': 'cloudwatch',
    'client-elastic-load-balancing-v2': 'elbv2'
  }
  const ops = new Set<string>()
  for (const file of readdirSync(dir).filter(f => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8')
    for (const [, names, pkg] of source.matchAll(/import\s*{([^}]*)}\s*from\s*'@aws-sdk\/([^']+)'/g)) {
      for (const [, op] of names.matchAll(/\b([A-Z]\w+)Command\b/g))
        if (services[pkg] && source.includes(`new ${op}Command(`)) ops.add(`${services[pkg]}:${op}`)
    }
  }
  return ops
}

/** Each CLI call starts a Python process: seconds apiece on a busy machine. */
export const CLI_SUITE_TIMEOUT_MS = 600_000
const CLI_WAIT_MS = 120_000

export function contract(kind: Kind, start: () => Promise<Target>): void {
  describe(`the AWS CLI against the ${kind}`, () => {
    let target: Target
    const used = new Set<string>()

    beforeAll(async () => {
      target = await start()
    }, 60_000)
    afterAll(() => target?.stop())
    beforeEach(() => target.reset())

    const run = (service: Service, operation: string, input: Record<string, unknown> = {}) => {
      used.add(`${service}:${operation}`)
      return awsCli(target.url, service, operation, input)
    }
    /** An operation that must succeed; its parsed output. */
    const call = async (
      service: Service,
      operation: string,
      input: Record<string, unknown> = {}
    ): Promise<Out> => {
      const result = await run(service, operation, input)
      if (!result.ok) throw new Error(`${service} ${operation} failed: ${result.stderr}`)
      return result.out
    }
    it('ECS: task definitions, an EXTERNAL service, task sets, tags and tasks', async () => {
      const td = await call('ecs', 'RegisterTaskDefinition', {
        family: 'web',
        containerDefinitions: CONTAINERS,
        tags: [{ key: 'team', value: 'a' }]
      })
      expect(td.taskDefinition.taskDefinitionArn).toBe(
        'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
      )
      const described = await call('ecs', 'DescribeTaskDefinition', {
        taskDefinition: 'web:1',
        include: ['TAGS']
      })
      expect(described.tags).toEqual([{ key: 'team', value: 'a' }])
      const listed = await call('ecs', 'ListTaskDefinitions', { familyPrefix: 'web', sort: 'DESC' })
      expect(listed.taskDefinitionArns).toEqual([td.taskDefinition.taskDefinitionArn])
      expect(described.taskDefinition.containerDefinitions[0]).toMatchObject({
        name: 'app',
        cpu: 256,
        memory: 512
      })

      await call('ecs', 'CreateCluster', { clusterName: 'prod' })
      const created = await call('ecs', 'CreateService', {
        cluster: 'prod',
        serviceName: 'web',
        desiredCount: 2,
        deploymentController: { type: 'EXTERNAL' }
      })
      const serviceArn: string = created.service.serviceArn
      expect(serviceArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service\/(prod\/)?web$/)
      expect((await call('ecs', 'ListServices', { cluster: 'prod' })).serviceArns).toEqual([serviceArn])

      const taskSet = (
        await call('ecs', 'CreateTaskSet', {
          cluster: 'prod',
          service: 'web',
          taskDefinition: 'web:1',
          launchType: 'EC2',
          externalId: 'deploy-1'
        })
      ).taskSet
      expect(taskSet).toMatchObject({ externalId: 'deploy-1', launchType: 'EC2' })
      const scaled = await call('ecs', 'UpdateTaskSet', {
        cluster: 'prod',
        service: 'web',
        taskSet: taskSet.id,
        scale: { value: 100, unit: 'PERCENT' }
      })
      expect(scaled.taskSet.scale).toEqual({ value: 100, unit: 'PERCENT' })
      await call('ecs', 'UpdateServicePrimaryTaskSet', {
        cluster: 'prod',
        service: 'web',
        primaryTaskSet: taskSet.taskSetArn
      })
      const sets = await call('ecs', 'DescribeTaskSets', {
        cluster: 'prod',
        service: 'web',
        include: ['TAGS']
      })
      expect(sets.taskSets.map((ts: Out) => [ts.id, ts.status])).toEqual([[taskSet.id, 'PRIMARY']])
      // Timestamps arrive as epoch seconds; the CLI prints them as received (v1) or as ISO 8601 dates (v2).
      const createdAt = sets.taskSets[0].createdAt
      const ms = typeof createdAt === 'number' ? createdAt * 1000 : Date.parse(createdAt)
      expect(ms).toBeGreaterThan(Date.UTC(2020, 0, 1))

      await call('ecs', 'TagResource', {
        resourceArn: serviceArn,
        tags: [
          { key: 'rollout', value: 'r-1' },
          { key: 'stage', value: 'baking' }
        ]
      })
      await call('ecs', 'UntagResource', { resourceArn: serviceArn, tagKeys: ['stage'] })
      const services = await call('ecs', 'DescribeServices', {
        cluster: 'prod',
        services: ['web', 'nope'],
        include: ['TAGS']
      })
      expect(services.services[0]).toMatchObject({
        deploymentController: { type: 'EXTERNAL' },
        desiredCount: 2,
        tags: [{ key: 'rollout', value: 'r-1' }]
      })
      expect(services.failures).toEqual([
        { arn: expect.stringMatching(/:service\/(prod\/)?nope$/), reason: 'MISSING' }
      ])
      await call('ecs', 'UpdateService', { cluster: 'prod', service: 'web', desiredCount: 3 })

      // moto starts no tasks for task sets: tasks are the sandbox's part.
      if (kind === 'sandbox') {
        const arns = await eventually(
          'the task set’s tasks',
          async () => {
            const listed = (await call('ecs', 'ListTasks', { cluster: 'prod', startedBy: taskSet.id }))
              .taskArns
            return listed.length > 0 && listed
          },
          CLI_WAIT_MS
        )
        const tasks = await call('ecs', 'DescribeTasks', { cluster: 'prod', tasks: arns })
        expect(tasks.tasks[0]).toMatchObject({
          startedBy: taskSet.id,
          clusterArn: expect.stringContaining(':cluster/prod')
        })
      } else {
        expect((await call('ecs', 'ListTasks', { cluster: 'prod' })).taskArns).toEqual([])
        const missing = `arn:aws:ecs:us-east-1:123456789012:task/prod/${'0'.repeat(32)}`
        const tasks = await call('ecs', 'DescribeTasks', { cluster: 'prod', tasks: [missing] })
        expect(tasks.tasks).toEqual([])
      }

      await call('ecs', 'UpdateTaskSet', {
        cluster: 'prod',
        service: 'web',
        taskSet: taskSet.id,
        scale: { value: 0, unit: 'PERCENT' }
      })
      const deleted = await call('ecs', 'DeleteTaskSet', {
        cluster: 'prod',
        service: 'web',
        taskSet: taskSet.id,
        force: true
      })
      expect(deleted.taskSet.id).toBe(taskSet.id)
      const gone = await call('ecs', 'DeleteService', { cluster: 'prod', service: 'web', force: true })
      expect(gone.service.serviceName).toBe('web')
    })

    if (kind === 'sandbox')
      it('ECS: service deployments of an ECS-controller service, stopped with a rollback', async () => {
        await call('ecs', 'CreateCluster', { clusterName: 'prod' })
        await call('ecs', 'RegisterTaskDefinition', { family: 'web', containerDefinitions: CONTAINERS })
        // The new revision's tasks take ten minutes to start: its deployment stays IN_PROGRESS however slow the CLI.
        await call('ecs', 'RegisterTaskDefinition', {
          family: 'web',
          containerDefinitions: [
            { ...CONTAINERS[0], environment: [{ name: 'SANDBOX_START_SECONDS', value: '600' }] }
          ]
        })
        await call('ecs', 'CreateService', {
          cluster: 'prod',
          serviceName: 'web',
          desiredCount: 2,
          taskDefinition: 'web:1',
          launchType: 'EC2'
        })
        await eventually(
          'the first deployment to complete',
          async () => {
            const out = await call('ecs', 'DescribeServices', { cluster: 'prod', services: ['web'] })
            return out.services[0].deployments[0].rolloutState === 'COMPLETED'
          },
          CLI_WAIT_MS
        )
        const updated = await call('ecs', 'UpdateService', {
          cluster: 'prod',
          service: 'web',
          taskDefinition: 'web:2'
        })
        const arn: string = updated.service.currentServiceDeployment
        const listed = await call('ecs', 'ListServiceDeployments', {
          cluster: 'prod',
          service: 'web',
          status: ['IN_PROGRESS']
        })
        expect(listed.serviceDeployments.map((d: Out) => d.serviceDeploymentArn)).toEqual([arn])
        const described = await call('ecs', 'DescribeServiceDeployments', { serviceDeploymentArns: [arn] })
        expect(described.serviceDeployments[0]).toMatchObject({
          serviceDeploymentArn: arn,
          status: 'IN_PROGRESS'
        })
        // No pause hook holds this deployment: ECS refuses to continue a hook it does not know.
        const unheld = await run('ecs', 'ContinueServiceDeployment', {
          serviceDeploymentArn: arn,
          hookId: 'ecs-pause-unknown',
          action: 'CONTINUE'
        })
        expect(unheld.ok ? 'continued' : unheld.code).toBe('InvalidParameterException')
        expect(
          (await call('ecs', 'StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' }))
            .serviceDeploymentArn
        ).toBe(arn)
        await eventually(
          'the rollback',
          async () => {
            const out = await call('ecs', 'DescribeServiceDeployments', { serviceDeploymentArns: [arn] })
            return out.serviceDeployments[0].status.startsWith('ROLLBACK') && out.serviceDeployments[0].status
          },
          CLI_WAIT_MS
        )
      })

    it('ELBv2: target groups, weighted listeners and rules, tags and target health', async () => {
      const { vpcId, subnets } = await target.network()
      const lb = (await call('elbv2', 'CreateLoadBalancer', { Name: 'web-lb', Subnets: subnets }))
        .LoadBalancers[0]
      const described = await call('elbv2', 'DescribeLoadBalancers', {
        LoadBalancerArns: [lb.LoadBalancerArn]
      })
      expect(described.LoadBalancers[0].LoadBalancerName).toBe('web-lb')
      const tg = async (name: string) =>
        (
          await call('elbv2', 'CreateTargetGroup', {
            Name: name,
            Protocol: 'HTTP',
            Port: 80,
            VpcId: vpcId,
            TargetType: 'ip',
            Tags: [{ Key: 'colour', Value: name }]
          })
        ).TargetGroups[0].TargetGroupArn as string
      const [blue, green] = [await tg('web-blue'), await tg('web-green')]
      const groups = await call('elbv2', 'DescribeTargetGroups', { TargetGroupArns: [blue, green] })
      expect(groups.TargetGroups.map((g: Out) => g.TargetGroupName).sort()).toEqual(['web-blue', 'web-green'])
      const tags = await call('elbv2', 'DescribeTags', { ResourceArns: [blue] })
      expect(tags.TagDescriptions[0]).toMatchObject({
        ResourceArn: blue,
        Tags: [{ Key: 'colour', Value: 'web-blue' }]
      })

      const weighted = (b: number, g: number) => [
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
      const weights = (actions: Out[]) =>
        Object.fromEntries(
          actions[0].ForwardConfig.TargetGroups.map((t: Out) => [t.TargetGroupArn, t.Weight])
        )
      const listener = (
        await call('elbv2', 'CreateListener', {
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: weighted(100, 0)
        })
      ).Listeners[0]
      await call('elbv2', 'ModifyListener', {
        ListenerArn: listener.ListenerArn,
        DefaultActions: weighted(90, 10)
      })
      const listeners = await call('elbv2', 'DescribeListeners', { ListenerArns: [listener.ListenerArn] })
      expect(weights(listeners.Listeners[0].DefaultActions)).toEqual({ [blue]: 90, [green]: 10 })

      const rule = (
        await call('elbv2', 'CreateRule', {
          ListenerArn: listener.ListenerArn,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
          Actions: weighted(100, 0)
        })
      ).Rules[0]
      await call('elbv2', 'ModifyRule', { RuleArn: rule.RuleArn, Actions: weighted(75, 25) })
      const rules = await call('elbv2', 'DescribeRules', { ListenerArn: listener.ListenerArn })
      const byPriority = Object.fromEntries(rules.Rules.map((r: Out) => [r.Priority, r]))
      expect(weights(byPriority['10'].Actions)).toEqual({ [blue]: 75, [green]: 25 })
      expect(byPriority.default.IsDefault).toBe(true)
      await call('elbv2', 'DeleteRule', { RuleArn: rule.RuleArn })
      const left = await call('elbv2', 'DescribeRules', { ListenerArn: listener.ListenerArn })
      expect(left.Rules.map((r: Out) => r.Priority)).toEqual(['default'])
      const spare = await tg('web-spare')
      await call('elbv2', 'DeleteTargetGroup', { TargetGroupArn: spare })
      const named = await run('elbv2', 'DescribeTargetGroups', { Names: ['web-spare'] })
      expect(named.ok ? 'found' : named.code).toBe('TargetGroupNotFound')

      await call('elbv2', 'RegisterTargets', {
        TargetGroupArn: blue,
        Targets: [{ Id: '10.0.0.10', Port: 80 }]
      })
      const health = await call('elbv2', 'DescribeTargetHealth', { TargetGroupArn: blue })
      expect(health.TargetHealthDescriptions[0].Target.Id).toBe('10.0.0.10')
      expect(typeof health.TargetHealthDescriptions[0].TargetHealth.State).toBe('string')
    })

    it('CloudWatch: alarms and their history', async () => {
      await call('cloudwatch', 'PutMetricAlarm', {
        AlarmName: 'web-5xx',
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold'
      })
      await call('cloudwatch', 'SetAlarmState', {
        AlarmName: 'web-5xx',
        StateValue: 'ALARM',
        StateReason: 'test'
      })
      const alarms = await call('cloudwatch', 'DescribeAlarms', {
        AlarmNames: ['web-5xx'],
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm']
      })
      expect(alarms.MetricAlarms[0]).toMatchObject({ AlarmName: 'web-5xx', StateValue: 'ALARM' })
      if (kind === 'moto') return
      const history = await call('cloudwatch', 'DescribeAlarmHistory', {
        AlarmName: 'web-5xx',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        HistoryItemType: 'StateUpdate',
        ScanBy: 'TimestampAscending'
      })
      expect(history.AlarmHistoryItems.some((h: Out) => /to ALARM/.test(h.HistorySummary))).toBe(true)
    })

    it('ECS errors come back as the CLI names them', async () => {
      const missing = (await run('ecs', 'DescribeServices', {
        cluster: 'nope',
        services: ['web']
      })) as CliResult
      expect(missing).toMatchObject({ ok: false, code: 'ClusterNotFoundException' })
    })

    afterAll(() => {
      // Every operation the action calls went through the CLI here (moto: those it has).
      const expected = [...actionOperations()].filter(op => kind === 'sandbox' || !MOTO_LACKS.has(op))
      expect(expected.filter(op => !used.has(op))).toEqual([])
    })
  })
}
