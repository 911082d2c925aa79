// ECS and ELBv2 API semantics and errors as the SDK sees them: ARNs, regions, validation, tags, task definitions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  CreateTaskSetCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  DescribeTaskSetsCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  UpdateTaskSetCommand
} from '@aws-sdk/client-ecs'
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ModifyRuleCommand,
  RegisterTargetsCommand,
  RemoveTagsCommand
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { createScene, registerRevision, sandboxClients, waitFor, NETWORK } from '../../sandbox/fixtures.js'
import { SandboxControl } from '../../sandbox/client.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.1' }
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 9 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error) => ({ name: e.name, message: e.message })
  )

describe('ECS', () => {
  it('takes the region from the SigV4 credential scope', async () => {
    const eu = sandboxClients(sandbox.url, { region: 'eu-west-1' }).ecs
    const us = sandboxClients(sandbox.url).ecs
    const created = await eu.send(new CreateClusterCommand({ clusterName: 'prod' }))
    expect(created.cluster!.clusterArn).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/prod')
    const elsewhere = await us.send(new DescribeClustersCommand({ clusters: ['prod'] }))
    expect(elsewhere.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', reason: 'MISSING' }
    ])
  })

  it('rejects what ECS rejects, with ECS exception names', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const { ecs } = scene.clients
    const v2 = await registerRevision(ecs, 'web', FAST)
    expect(
      await failure(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })))
    ).toMatchObject({
      name: 'ClusterNotFoundException'
    })
    expect(
      await failure(
        ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'nope', desiredCount: 1 }))
      )
    ).toMatchObject({
      name: 'ServiceNotFoundException'
    })
    expect(
      await failure(
        ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', taskDefinition: v2 }))
      )
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('EXTERNAL deployment controller')
    })
    expect(
      await failure(
        ecs.send(
          new UpdateTaskSetCommand({
            cluster: 'sandbox',
            service: 'web',
            taskSet: scene.taskSet!,
            scale: { value: 101, unit: 'PERCENT' }
          })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterException' })
    expect(
      await failure(
        ecs.send(
          new UpdateTaskSetCommand({
            cluster: 'sandbox',
            service: 'web',
            taskSet: 'ecs-svc/1',
            scale: { value: 1 }
          })
        )
      )
    ).toMatchObject({ name: 'TaskSetNotFoundException' })
    expect(
      await failure(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:1' })))
    ).toMatchObject({
      name: 'ClientException'
    })
    expect(
      await failure(
        ecs.send(new RegisterTaskDefinitionCommand({ family: 'x', containerDefinitions: [{ name: 'a' }] }))
      )
    ).toMatchObject({ name: 'ClientException', message: 'Container.image should not be null or empty.' })
    expect(
      await failure(
        ecs.send(
          new RegisterTaskDefinitionCommand({
            family: 'x',
            containerDefinitions: [
              { name: 'a', image: 'i', environment: [{ name: 'SANDBOX_CRASH', value: 'sometimes' }] }
            ]
          })
        )
      )
    ).toMatchObject({ name: 'ClientException', message: expect.stringContaining('SANDBOX_CRASH') })
    expect(await failure(ecs.send(new UpdateServiceCommand({} as never)))).toMatchObject({
      name: 'InvalidParameterException'
    })
    expect(
      await failure(
        ecs.send(
          new CreateTaskSetCommand({
            cluster: 'sandbox',
            service: 'web',
            taskDefinition: v2,
            launchType: 'FARGATE'
          })
        )
      )
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: "Network Configuration must be provided when networkMode 'awsvpc' is specified."
    })
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'rolling',
        taskDefinition: v2,
        desiredCount: 0,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK
      })
    )
    expect(
      await failure(
        ecs.send(
          new CreateTaskSetCommand({
            cluster: 'sandbox',
            service: 'rolling',
            taskDefinition: v2,
            networkConfiguration: NETWORK
          })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterException' })
    expect(
      await failure(ecs.send(new DeleteServiceCommand({ cluster: 'sandbox', service: 'web' })))
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.'
    })
  })

  it('creates a task set once per clientToken and echoes its launch settings', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const { ecs } = scene.clients
    const input = {
      cluster: 'sandbox',
      service: 'web',
      taskDefinition: scene.taskDefinition,
      launchType: 'FARGATE' as const,
      platformVersion: '1.4.0',
      networkConfiguration: NETWORK,
      serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1' }],
      externalId: 'deploy-7',
      clientToken: 'token-1',
      tags: [{ key: 'rollout', value: 'r7' }]
    }
    const first = await ecs.send(new CreateTaskSetCommand(input))
    const again = await ecs.send(new CreateTaskSetCommand(input))
    expect(again.taskSet!.id).toBe(first.taskSet!.id)
    expect(first.taskSet).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      networkConfiguration: NETWORK,
      serviceRegistries: input.serviceRegistries,
      externalId: 'deploy-7',
      tags: input.tags,
      scale: { value: 100, unit: 'PERCENT' }
    })
    expect(
      (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'sandbox', service: 'web' }))).taskSets
    ).toHaveLength(2)
  })

  it('deletes a service by draining it to INACTIVE, and forgets its journal then', async () => {
    await createScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const { ecs } = sandboxClients(sandbox.url)
    const control = new SandboxControl(sandbox.url)
    await waitFor('journal ticks', async () => (await control.journal('sandbox', 'web')).ticks.length > 0)
    const deleted = await ecs.send(
      new DeleteServiceCommand({ cluster: 'sandbox', service: 'web', force: true })
    )
    expect(deleted.service!.status).toBe('DRAINING')
    await waitFor('INACTIVE', async () => {
      const out = await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }))
      return out.services![0]?.status === 'INACTIVE'
    })
    // Nothing of it changes any more; a long-lived sandbox would otherwise hold every deleted service's ticks.
    expect((await control.journal('sandbox', 'web')).ticks).toEqual([])
    expect(
      await failure(
        ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 1 }))
      )
    ).toMatchObject({
      name: 'ServiceNotFoundException'
    })
  })

  it('keeps task definition revisions, ACTIVE and INACTIVE, with tags', async () => {
    const { ecs } = sandboxClients(sandbox.url)
    const container = [{ name: 'a', image: 'nginx', memory: 128 }]
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        containerDefinitions: container,
        tags: [{ key: 'team', value: 'x' }]
      })
    )
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'api', containerDefinitions: container }))
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'worker', containerDefinitions: container }))
    const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }))
    expect(latest.taskDefinition).toMatchObject({ revision: 2, status: 'ACTIVE', family: 'api' })
    const tagged = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1', include: ['TAGS'] })
    )
    expect(tagged.tags).toEqual([{ key: 'team', value: 'x' }])
    expect(tagged.taskDefinition!.containerDefinitions![0]).toMatchObject({
      essential: true,
      cpu: 0,
      environment: []
    })
    const gone = await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'api:2' }))
    expect(gone.taskDefinition!.status).toBe('INACTIVE')
    expect(
      (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }))).taskDefinition!.revision
    ).toBe(1)
    const active = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'api' }))
    expect(active.taskDefinitionArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/api:1'])
    const inactive = await ecs.send(new ListTaskDefinitionsCommand({ status: 'INACTIVE' }))
    expect(inactive.taskDefinitionArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/api:2'])
    expect((await ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families).toEqual(['api', 'worker'])
  })

  it('tags services, task sets, task definitions and clusters within ECS limits', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const { ecs } = scene.clients
    const taskSetArn = (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'sandbox', service: 'web' })))
      .taskSets![0].taskSetArn!
    for (const arn of [scene.service, taskSetArn, scene.taskDefinition, scene.cluster]) {
      await ecs.send(
        new TagResourceCommand({
          resourceArn: arn,
          tags: [
            { key: 'rollout', value: 'r1' },
            { key: 'k', value: 'v' }
          ]
        })
      )
      await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['k'] }))
      expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([
        { key: 'rollout', value: 'r1' }
      ])
    }
    const withTags = await ecs.send(
      new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'], include: ['TAGS'] })
    )
    expect(withTags.services![0].tags).toEqual([{ key: 'rollout', value: 'r1' }])
    expect(withTags.services![0].taskSets![0].tags).toEqual([{ key: 'rollout', value: 'r1' }])
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }))
    expect(
      await failure(ecs.send(new TagResourceCommand({ resourceArn: scene.service, tags: many })))
    ).toMatchObject({
      name: 'InvalidParameterException'
    })
    expect(
      await failure(
        ecs.send(
          new TagResourceCommand({ resourceArn: scene.service, tags: [{ key: 'x'.repeat(129), value: '' }] })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterException' })
    expect(
      await failure(
        ecs.send(
          new TagResourceCommand({ resourceArn: scene.service, tags: [{ key: 'k', value: 'v'.repeat(257) }] })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterException' })
    expect(
      await failure(
        ecs.send(
          new TagResourceCommand({ resourceArn: `${scene.service}-nope`, tags: [{ key: 'k', value: 'v' }] })
        )
      )
    ).toMatchObject({ name: 'ServiceNotFoundException' })
  })

  it('describes tasks with their network, containers and group', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1, loadBalanced: true })
    const { ecs, elb } = scene.clients
    const list = await ecs.send(new ListTasksCommand({ cluster: 'sandbox', serviceName: 'web' }))
    const [task] = (await ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: list.taskArns })))
      .tasks!
    expect(task).toMatchObject({
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      group: 'service:web',
      startedBy: scene.taskSet,
      launchType: 'FARGATE',
      taskDefinitionArn: scene.taskDefinition
    })
    expect(task.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/sandbox\/[0-9a-f]{32}$/)
    const ip = task.containers![0].networkInterfaces![0].privateIpv4Address!
    expect(task.attachments![0].details).toContainEqual({ name: 'privateIPv4Address', value: ip })
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: scene.targetGroups[0] }))
    expect(health.TargetHealthDescriptions).toEqual([
      {
        Target: { Id: ip, Port: 80, AvailabilityZone: task.availabilityZone },
        HealthCheckPort: '80',
        TargetHealth: { State: 'healthy' }
      }
    ])
    const missing = await ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: ['0123'] }))
    expect(missing.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:task/sandbox/0123', reason: 'MISSING' }
    ])
  })
})

describe('ELBv2', () => {
  it('raises its errors under the SDK names', async () => {
    const { elb } = sandboxClients(sandbox.url)
    expect(await failure(elb.send(new DescribeTargetGroupsCommand({ Names: ['nope'] })))).toMatchObject({
      name: 'TargetGroupNotFoundException'
    })
    expect(
      await failure(elb.send(new DescribeListenersCommand({ ListenerArns: ['arn:nope'] })))
    ).toMatchObject({ name: 'ListenerNotFoundException' })
    expect(
      await failure(elb.send(new DescribeListenersCommand({ LoadBalancerArn: 'arn:nope' })))
    ).toMatchObject({
      name: 'LoadBalancerNotFoundException'
    })
  })

  it('manages rules with conditions, priorities and weighted forwards', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1, weightedTargetGroups: true })
    const { elb } = scene.clients
    const [blue, green] = scene.targetGroups
    const created = await elb.send(
      new CreateRuleCommand({
        ListenerArn: scene.listener,
        Priority: 10,
        Conditions: [{ Field: 'host-header', Values: ['preview.example.com'] }],
        Actions: [{ Type: 'forward', TargetGroupArn: green }]
      })
    )
    const rule = created.Rules![0]
    expect(rule).toMatchObject({
      Priority: '10',
      IsDefault: false,
      Conditions: [
        {
          Field: 'host-header',
          Values: ['preview.example.com'],
          HostHeaderConfig: { Values: ['preview.example.com'] }
        }
      ],
      Actions: [
        {
          Type: 'forward',
          Order: 1,
          TargetGroupArn: green,
          ForwardConfig: {
            TargetGroups: [{ TargetGroupArn: green, Weight: 1 }],
            TargetGroupStickinessConfig: { Enabled: false }
          }
        }
      ]
    })
    expect(rule.RuleArn).toMatch(/:listener-rule\/app\/web-lb\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/)
    expect(
      await failure(
        elb.send(
          new CreateRuleCommand({
            ListenerArn: scene.listener,
            Priority: 10,
            Conditions: [{ Field: 'path-pattern', Values: ['/x'] }],
            Actions: [{ Type: 'forward', TargetGroupArn: green }]
          })
        )
      )
    ).toMatchObject({ name: 'PriorityInUseException' })
    await elb.send(
      new ModifyRuleCommand({
        RuleArn: rule.RuleArn,
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: blue, Weight: 50 },
                { TargetGroupArn: green, Weight: 50 }
              ]
            }
          }
        ]
      })
    )
    const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: scene.listener }))).Rules!
    expect(rules.map(r => r.Priority)).toEqual(['10', 'default'])
    expect(rules[0].Actions![0].ForwardConfig!.TargetGroups).toEqual([
      { TargetGroupArn: blue, Weight: 50 },
      { TargetGroupArn: green, Weight: 50 }
    ])
    expect(rules[1]).toMatchObject({ IsDefault: true, Conditions: [] })
    expect(await failure(elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: green })))).toMatchObject({
      name: 'ResourceInUseException'
    })
    expect(
      await failure(
        elb.send(
          new CreateListenerCommand({
            LoadBalancerArn: scene.loadBalancer,
            Port: 80,
            Protocol: 'HTTP',
            DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }]
          })
        )
      )
    ).toMatchObject({ name: 'DuplicateListenerException' })
    const byLb = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: scene.loadBalancer }))
    expect(byLb.TargetGroups!.map(t => t.TargetGroupName).sort()).toEqual(['web-blue', 'web-green'])
    expect(byLb.TargetGroups![0].LoadBalancerArns).toEqual([scene.loadBalancer])
  })

  it('tags resources and health-checks targets registered by hand', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1, loadBalanced: true })
    const { elb } = scene.clients
    const tg = scene.targetGroups[0]
    await elb.send(
      new AddTagsCommand({
        ResourceArns: [tg, scene.loadBalancer!],
        Tags: [
          { Key: 'env', Value: 'test' },
          { Key: 'x', Value: '1' }
        ]
      })
    )
    await elb.send(new RemoveTagsCommand({ ResourceArns: [tg], TagKeys: ['x'] }))
    const tags = await elb.send(new DescribeTagsCommand({ ResourceArns: [tg, scene.loadBalancer!] }))
    expect(tags.TagDescriptions).toEqual([
      { ResourceArn: tg, Tags: [{ Key: 'env', Value: 'test' }] },
      {
        ResourceArn: scene.loadBalancer,
        Tags: [
          { Key: 'env', Value: 'test' },
          { Key: 'x', Value: '1' }
        ]
      }
    ])
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '192.168.0.9', Port: 8080 }] })
    )
    const initial = await elb.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: tg, Targets: [{ Id: '192.168.0.9', Port: 8080 }] })
    )
    expect(initial.TargetHealthDescriptions![0].TargetHealth).toEqual({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress'
    })
    await waitFor('healthy', async () => {
      const out = await elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: tg, Targets: [{ Id: '192.168.0.9', Port: 8080 }] })
      )
      return out.TargetHealthDescriptions![0].TargetHealth!.State === 'healthy'
    })
  })
})

describe('the wire', () => {
  it('answers unknown operations and bad bodies with protocol errors', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(sandbox.url, { method: 'POST', headers, body })
    const unknown = await post(
      {
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.Frobnicate',
        'content-type': 'application/x-amz-json-1.1'
      },
      '{}'
    )
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' })
    const badJson = await post({ 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters' }, '{')
    expect(await badJson.json()).toMatchObject({ __type: 'SerializationException' })
    const badAction = await post(
      { 'content-type': 'application/x-www-form-urlencoded' },
      'Action=Frobnicate&Version=2015-12-01'
    )
    expect(await badAction.text()).toContain('<Code>InvalidAction</Code>')
  })
})
