import { describe, expect, it } from '@jest/globals'
import type { ECSClient, TaskSet } from '@aws-sdk/client-ecs'
import { readService } from '../../../src/aws/service.js'
import { TaskSetFleet, type TaskSetFleetOptions } from '../../../src/aws/task-set-fleet.js'
import { awsError, fakeClient } from '../../helpers/fake-client.js'

const OLD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
const NEW = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2'
const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'

const primary: TaskSet = {
  id: 'ecs-svc/1',
  taskSetArn: 'arn:ts/1',
  status: 'PRIMARY',
  taskDefinition: OLD,
  launchType: 'FARGATE',
  platformVersion: '1.4.0',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
  loadBalancers: [{ targetGroupArn: 'tg-blue', containerName: 'web', containerPort: 80 }],
  serviceRegistries: [{ registryArn: 'arn:sd/1' }],
  scale: { value: 100, unit: 'PERCENT' },
  computedDesiredCount: 4,
  runningCount: 4,
  pendingCount: 0,
  stabilityStatus: 'STEADY_STATE'
}
const fresh: TaskSet = {
  id: 'ecs-svc/2',
  taskSetArn: 'arn:ts/2',
  status: 'ACTIVE',
  taskDefinition: NEW,
  externalId: 'ecs-rollout:r1',
  scale: { value: 0, unit: 'PERCENT' },
  computedDesiredCount: 0,
  runningCount: 0,
  pendingCount: 0,
  stabilityStatus: 'STEADY_STATE'
}

function service(taskSets: TaskSet[], over: object = {}): object {
  return {
    services: [
      {
        serviceArn: SERVICE_ARN,
        status: 'ACTIVE',
        desiredCount: 4,
        taskSets,
        tags: [{ key: 'team', value: 'a' }],
        ...over
      }
    ]
  }
}

function fleet(handlers: Parameters<typeof fakeClient>[0], over: Partial<TaskSetFleetOptions> = {}) {
  const { client, calls } = fakeClient<ECSClient>(handlers)
  const options = {
    ecs: client,
    cluster: 'prod',
    service: 'web',
    newTaskDefinition: NEW,
    rolloutId: 'r1',
    clientToken: 'tok'
  }
  return { fleet: new TaskSetFleet({ ...options, ...over }), calls }
}

describe('TaskSetFleet.ensureNew', () => {
  it('creates the new task set at scale 0, as the primary one runs, idempotently', async () => {
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([primary]),
      CreateTaskSet: () => ({})
    })
    await f.ensureNew()
    const create = calls.find(c => c.name === 'CreateTaskSet')?.input
    expect(create).toMatchObject({
      cluster: 'prod',
      service: 'web',
      taskDefinition: NEW,
      externalId: 'ecs-rollout:r1',
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      networkConfiguration: primary.networkConfiguration,
      loadBalancers: primary.loadBalancers,
      serviceRegistries: primary.serviceRegistries,
      scale: { value: 0, unit: 'PERCENT' },
      clientToken: 'tok-create-new',
      tags: [
        { key: 'ecs-rollout:rollout-id', value: 'r1' },
        { key: 'ecs-rollout:role', value: 'new' }
      ]
    })
    expect(create.capacityProviderStrategy).toBeUndefined()
  })

  it('inherits a capacity provider strategy instead of a launch type, and takes the new load balancers', async () => {
    const strategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]
    const lbs = [{ targetGroupArn: 'tg-green', containerName: 'web', containerPort: 80 }]
    const { fleet: f, calls } = fleet(
      {
        DescribeServices: () =>
          service([{ ...primary, launchType: undefined, capacityProviderStrategy: strategy }]),
        CreateTaskSet: () => ({})
      },
      { newLoadBalancers: lbs, clientToken: 'a-very-long-client-token-base-of-many-characters' }
    )
    await f.ensureNew()
    const create = calls.find(c => c.name === 'CreateTaskSet')?.input
    expect(create.capacityProviderStrategy).toEqual(strategy)
    expect(create.launchType).toBeUndefined()
    expect(create.loadBalancers).toEqual(lbs)
    expect(create.clientToken).toHaveLength(36)
  })

  it('does nothing when the new task set exists, found by externalId or by task definition', async () => {
    for (const existing of [fresh, { ...fresh, externalId: undefined }]) {
      const { fleet: f, calls } = fleet({ DescribeServices: () => service([primary, existing]) })
      await f.ensureNew()
      expect(calls.map(c => c.name)).toEqual(['DescribeServices'])
    }
  })

  it('creates the first task set of a service that has none from the service itself', async () => {
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([], { launchType: 'EC2' }),
      CreateTaskSet: () => ({})
    })
    await f.ensureNew()
    expect(calls[1].input).toMatchObject({ launchType: 'EC2', scale: { value: 0 } })
  })
})

describe('TaskSetFleet.scale', () => {
  it('sets both scales, shrinking first, and skips a scale that is already right', async () => {
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({ taskSets: [primary, fresh] }),
      UpdateTaskSet: () => ({})
    })
    await f.scale({ new: 3, stable: 7 }, 7)
    const updates = calls
      .filter(c => c.name === 'UpdateTaskSet')
      .map(c => [c.input.taskSet, c.input.scale.value])
    expect(updates).toEqual([['arn:ts/2', 42.8571]])

    calls.length = 0
    await f.scale({ new: 1, stable: 3 }, 4)
    expect(
      calls.filter(c => c.name === 'UpdateTaskSet').map(c => [c.input.taskSet, c.input.scale.value])
    ).toEqual([
      ['arn:ts/1', 75],
      ['arn:ts/2', 25]
    ])
  })

  it('makes no call for a service scaled to zero, and refuses to scale a revision without a task set', async () => {
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({ taskSets: [primary] }),
      UpdateTaskSet: () => ({})
    })
    await f.scale({ new: 0, stable: 0 }, 0)
    expect(calls).toEqual([])
    await expect(f.scale({ new: 1, stable: 3 }, 4)).rejects.toThrow(
      'the new revision has no task set to scale'
    )
    await f.scale({ new: 0, stable: 4 }, 4)
    expect(calls.filter(c => c.name === 'UpdateTaskSet')).toEqual([])
  })
})

describe('TaskSetFleet.makePrimary and remove', () => {
  it('switches the primary only when needed', async () => {
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({ taskSets: [primary, fresh] }),
      UpdateServicePrimaryTaskSet: () => ({})
    })
    await f.makePrimary('stable')
    await f.makePrimary('new')
    expect(
      calls.filter(c => c.name === 'UpdateServicePrimaryTaskSet').map(c => c.input.primaryTaskSet)
    ).toEqual(['arn:ts/2'])
  })

  it('finds the stable task set once the new one is primary, and tolerates a task set already gone', async () => {
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({
        taskSets: [
          { ...primary, status: 'ACTIVE' },
          { ...fresh, status: 'PRIMARY' }
        ]
      }),
      DeleteTaskSet: () => {
        throw awsError('TaskSetNotFoundException')
      }
    })
    await f.remove('stable')
    expect(calls[1]).toEqual({
      name: 'DeleteTaskSet',
      input: { cluster: 'prod', service: 'web', taskSet: 'arn:ts/1', force: true }
    })
  })

  it('removes the new task set it created though a lagging read does not show it yet', async () => {
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([primary]),
      CreateTaskSet: () => ({ taskSet: fresh }),
      DescribeTaskSets: () => ({ taskSets: [primary] }),
      DeleteTaskSet: () => ({})
    })
    await f.ensureNew()
    await f.remove('new')
    expect(calls.find(c => c.name === 'DeleteTaskSet')?.input).toEqual({
      cluster: 'prod',
      service: 'web',
      taskSet: 'arn:ts/2',
      force: true
    })
  })

  it('ignores a DRAINING task set', async () => {
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({ taskSets: [primary, { ...fresh, status: 'DRAINING' }] })
    })
    await f.remove('new')
    expect(calls.map(c => c.name)).toEqual(['DescribeTaskSets'])
  })
})

describe('TaskSetFleet under eventually consistent reads', () => {
  // Reads frozen at the versions of before this run's writes, as DescribeTaskSets may return right after them.
  const at = (ms: number) => new Date(1_700_000_000_000 + ms)
  const stableBefore: TaskSet = { ...primary, updatedAt: at(0) }
  const newBefore: TaskSet = {
    ...fresh,
    scale: { value: 100, unit: 'PERCENT' },
    computedDesiredCount: 4,
    runningCount: 4,
    status: 'PRIMARY',
    updatedAt: at(0)
  }

  it('a rollback does not take a read from before its scale-up for the stable revision restored', async () => {
    // This run shrank the stable task set to 0 and now grows it back to 100 %: a lagging read shows it as it was
    // before both writes, at 100 %, steady with 4 tasks running, which a rollback would count as capacity.
    let clock = 1000
    const sets = [{ ...stableBefore, status: 'ACTIVE' }, newBefore]
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service(sets),
      DescribeTaskSets: () => ({ taskSets: sets }),
      UpdateTaskSet: (input: { taskSet: string; scale: { value: number } }) => ({
        taskSet: { taskSetArn: input.taskSet, scale: input.scale, updatedAt: at((clock += 1000)) }
      })
    })
    await f.scale({ new: 4, stable: 0 }, 4)
    await f.scale({ new: 4, stable: 4 }, 4)
    // Grown back although the read shows 100 % already: the read predates the shrink.
    expect(
      calls.filter(c => c.name === 'UpdateTaskSet').map(c => [c.input.taskSet, c.input.scale.value])
    ).toEqual([
      ['arn:ts/1', 0],
      ['arn:ts/1', 100]
    ])
    const seen = await f.observe(true)
    expect(seen.stable).toMatchObject({ desired: 4, running: 4, steady: false })
    // And the scale it wrote is not written again because the read still shows the old one.
    const before = calls.filter(c => c.name === 'UpdateTaskSet').length
    await f.scale({ new: 4, stable: 4 }, 4)
    expect(calls.filter(c => c.name === 'UpdateTaskSet')).toHaveLength(before)
  })

  it('a read from before its scale-down counts no more running tasks than the scale written', async () => {
    // This run shrank the stable set to 50 %; a lagging read still shows 4 tasks running at 100 %. Counted, the two
    // tasks being stopped would let a rollback take a new task away below the floor (test:realism, deploy-rollback).
    const sets = [stableBefore, newBefore]
    const { fleet: f } = fleet({
      DescribeServices: () => service(sets),
      DescribeTaskSets: () => ({ taskSets: sets }),
      UpdateTaskSet: (input: { taskSet: string; scale: { value: number } }) => ({
        taskSet: { taskSetArn: input.taskSet, scale: input.scale, updatedAt: at(2000) }
      }),
      ListTasks: () => ({ taskArns: [] })
    })
    await f.scale({ new: 0, stable: 2 }, 4)
    expect((await f.observe(true)).stable).toMatchObject({ desired: 2, running: 2, steady: false })
  })

  it('a read that has caught up with the write counts as it is', async () => {
    const sets: TaskSet[] = [
      {
        ...stableBefore,
        scale: { value: 50, unit: 'PERCENT' },
        computedDesiredCount: 2,
        runningCount: 2,
        updatedAt: at(5000)
      },
      fresh
    ]
    const { fleet: f } = fleet({
      DescribeServices: () => service(sets),
      DescribeTaskSets: () => ({ taskSets: sets }),
      UpdateTaskSet: () => ({ taskSet: { updatedAt: at(5000) } })
    })
    await f.scale({ new: 0, stable: 2 }, 4)
    expect((await f.observe(true)).stable).toMatchObject({ desired: 2, running: 2, steady: true })
  })

  it("creates its own task set beside another rollout's of the same revision (a lagging read of a deleted one)", async () => {
    // A takeover rolled back the rollout before (same revision) and deleted its set; DescribeServices still shows it.
    const leftover: TaskSet = { ...fresh, externalId: 'ecs-rollout:r0' }
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([primary, leftover]),
      CreateTaskSet: () => ({})
    })
    await f.ensureNew()
    expect(calls.filter(c => c.name === 'CreateTaskSet').map(c => c.input.externalId)).toEqual([
      'ecs-rollout:r1'
    ])
    expect((await f.observe(true)).new).toBeUndefined()
  })

  it('switches the primary back although a lagging read still shows it primary', async () => {
    // The new task set was made primary by this run; a read from before that still shows the stable one primary.
    const { fleet: f, calls } = fleet({
      DescribeTaskSets: () => ({ taskSets: [primary, fresh] }),
      UpdateServicePrimaryTaskSet: () => ({})
    })
    await f.makePrimary('new')
    await f.makePrimary('stable')
    await f.makePrimary('stable')
    expect(
      calls.filter(c => c.name === 'UpdateServicePrimaryTaskSet').map(c => c.input.primaryTaskSet)
    ).toEqual(['arn:ts/2', 'arn:ts/1'])
  })
})

describe('TaskSetFleet.observe', () => {
  const stopped = (arn: string, over: object = {}) => ({
    taskArn: arn,
    lastStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    stoppedAt: new Date(1000),
    containers: [{ name: 'web', exitCode: 137 }],
    ...over
  })

  it('reads both revisions, the desired count and the tags in one detailed call, then quick ones', async () => {
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([primary, { ...fresh, computedDesiredCount: 0 }]),
      DescribeTaskSets: () => ({ taskSets: [primary] })
    })
    const detailed = await f.observe(true)
    expect(detailed).toEqual({
      desiredCount: 4,
      stable: {
        taskDefinition: OLD,
        id: 'ecs-svc/1',
        desired: 4,
        running: 4,
        pending: 0,
        steady: true,
        primary: true
      },
      new: {
        taskDefinition: NEW,
        id: 'ecs-svc/2',
        desired: 0,
        running: 0,
        pending: 0,
        steady: true,
        primary: false
      },
      failedNewTasks: [],
      tags: { team: 'a' }
    })
    expect(calls[0].input).toEqual({ cluster: 'prod', services: ['web'], include: ['TAGS'] })
    const quick = await f.observe(false)
    expect(quick).toMatchObject({ desiredCount: 4, new: undefined, failedNewTasks: [] })
    expect(calls.map(c => c.name)).toEqual(['DescribeServices', 'DescribeTaskSets'])
  })

  it('starts with a detailed read when no desired count is known yet', async () => {
    const { fleet: f, calls } = fleet({ DescribeServices: () => service([]) })
    expect(await f.observe(false)).toEqual({
      desiredCount: 4,
      new: undefined,
      stable: undefined,
      failedNewTasks: [],
      tags: { team: 'a' }
    })
    expect(calls.map(c => c.name)).toEqual(['DescribeServices'])
  })

  it('counts a steady task set with no counts (moto) as fully running, and a stabilizing one as not steady', async () => {
    const bare = {
      ...fresh,
      computedDesiredCount: undefined,
      runningCount: undefined,
      pendingCount: undefined
    }
    const { fleet: f } = fleet({
      DescribeServices: () => service([{ ...bare, scale: { value: 50, unit: 'PERCENT' } }]),
      ListTasks: () => ({ taskArns: [] })
    })
    expect((await f.observe(true)).new).toMatchObject({ desired: 2, running: 2, pending: 0, steady: true })
    const { fleet: g } = fleet({
      DescribeServices: () =>
        service([{ ...fresh, computedDesiredCount: 2, runningCount: 2, stabilityStatus: 'STABILIZING' }]),
      ListTasks: () => ({ taskArns: [] })
    })
    expect((await g.observe(true)).new).toMatchObject({ running: 2, steady: false })
  })

  it('collects failed tasks of a short new task set once each, leaving out scale-in and tasks still stopping', async () => {
    let listed = ['t1', 't2', 't3', 't4']
    let stopping = ['t3']
    const { fleet: f, calls } = fleet({
      DescribeServices: () => service([primary, { ...fresh, computedDesiredCount: 2, runningCount: 1 }]),
      DescribeTaskSets: () => ({ taskSets: [] }),
      ListTasks: () => ({ taskArns: listed }),
      DescribeTasks: ({ tasks }: { tasks: string[] }) => ({
        tasks: tasks.map(arn =>
          arn === 't2'
            ? stopped(arn, {
                stopCode: 'ServiceSchedulerInitiated',
                stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/2)'
              })
            : stopping.includes(arn)
              ? stopped(arn, { lastStatus: 'DEPROVISIONING' })
              : arn === 't4'
                ? stopped(arn, {
                    stoppedAt: new Date(500),
                    containers: [{ name: 'web', reason: 'CannotPullContainerError: not found' }]
                  })
                : stopped(arn)
        )
      })
    })
    const first = await f.observe(true)
    expect(calls.find(c => c.name === 'ListTasks')?.input).toEqual({
      cluster: 'prod',
      startedBy: 'ecs-svc/2',
      desiredStatus: 'STOPPED',
      nextToken: undefined
    })
    expect(first.failedNewTasks).toEqual([
      {
        taskArn: 't4',
        reason: 'Essential container in task exited; web: CannotPullContainerError: not found',
        at: 500,
        exitCode: undefined
      },
      {
        taskArn: 't1',
        reason: 'Essential container in task exited; web exited with code 137',
        at: 1000,
        exitCode: 137
      }
    ])
    calls.length = 0
    listed = ['t1', 't2', 't3', 't4', 't5']
    stopping = []
    const second = await f.observe(true)
    expect(calls.find(c => c.name === 'DescribeTasks')?.input.tasks).toEqual(['t3', 't5'])
    expect(second.failedNewTasks.map(t => t.taskArn)).toEqual(['t4', 't1', 't3', 't5'])
    expect((await f.observe(false)).failedNewTasks).toHaveLength(4)
  })

  it('does not look at stopped tasks while the new task set is steady', async () => {
    const { fleet: f, calls } = fleet({ DescribeServices: () => service([primary, fresh]) })
    await f.observe(true)
    expect(calls.map(c => c.name)).toEqual(['DescribeServices'])
  })
})

describe('readService', () => {
  it('reports the controller, desired count, serving task definition and tags', async () => {
    const { client } = fakeClient<ECSClient>({
      DescribeServices: () => service([primary], { deploymentController: { type: 'EXTERNAL' } })
    })
    expect(await readService(client, 'prod', 'web')).toEqual({
      arn: SERVICE_ARN,
      controller: 'EXTERNAL',
      desiredCount: 4,
      taskDefinition: OLD,
      loadBalancers: primary.loadBalancers,
      tags: { team: 'a' }
    })
  })

  it('says clearly when the service or the cluster is missing, or the service is being deleted', async () => {
    const read = (handler: () => unknown) =>
      readService(fakeClient<ECSClient>({ DescribeServices: handler }).client, 'prod', 'web')
    await expect(read(() => ({ services: [], failures: [{ reason: 'MISSING' }] }))).rejects.toThrow(
      'service "web" was not found in cluster "prod"'
    )
    await expect(
      read(() => {
        throw awsError('ClusterNotFoundException', 'Cluster not found.')
      })
    ).rejects.toThrow('cluster "prod" was not found')
    await expect(read(() => service([], { status: 'DRAINING' }))).rejects.toThrow(
      'service "web" in cluster "prod" is DRAINING'
    )
    await expect(read(() => service([], { status: 'INACTIVE' }))).rejects.toThrow('is INACTIVE')
  })
})
