// Task-set convergence, scaling, primary flips, deletion, crash loops and unhealthy revisions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CreateTaskSetCommand,
  DeleteTaskSetCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  DescribeTaskSetsCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  UpdateServicePrimaryTaskSetCommand,
  UpdateTaskSetCommand,
  type TaskSet
} from '@aws-sdk/client-ecs'
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, registerRevision, waitFor, NETWORK, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.1' }
let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 7 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function taskSet(scene: Scene, id: string): Promise<TaskSet | undefined> {
  const out = await scene.clients.ecs.send(
    new DescribeTaskSetsCommand({
      cluster: scene.clusterName,
      service: scene.serviceName,
      taskSets: [id],
      include: ['TAGS']
    })
  )
  return out.taskSets?.[0]
}

async function addTaskSet(scene: Scene, taskDefinition: string, scale: number, lb = true): Promise<string> {
  const out = await scene.clients.ecs.send(
    new CreateTaskSetCommand({
      cluster: scene.clusterName,
      service: scene.serviceName,
      taskDefinition,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers: lb ? scene.loadBalancers : undefined,
      scale: { value: scale, unit: 'PERCENT' }
    })
  )
  return out.taskSet!.id!
}

describe('task sets', () => {
  it('follow scale changes, counting computedDesiredCount = ceil(desired × scale %)', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 5, loadBalanced: true })
    const { ecs } = scene.clients
    const green = await addTaskSet(scene, await registerRevision(ecs, 'web', FAST), 10)
    expect((await taskSet(scene, green))!.computedDesiredCount).toBe(1)
    await ecs.send(
      new UpdateTaskSetCommand({
        cluster: 'sandbox',
        service: 'web',
        taskSet: green,
        scale: { value: 50, unit: 'PERCENT' }
      })
    )
    const steady = await waitFor('green steady at 3', async () => {
      const ts = await taskSet(scene, green)
      return ts?.stabilityStatus === 'STEADY_STATE' && ts.runningCount === 3 ? ts : undefined
    })
    expect(steady.computedDesiredCount).toBe(3)
    await ecs.send(
      new UpdateTaskSetCommand({
        cluster: 'sandbox',
        service: 'web',
        taskSet: scene.taskSet!,
        scale: { value: 0, unit: 'PERCENT' }
      })
    )
    await waitFor('blue scaled to 0', async () => {
      const ts = await taskSet(scene, scene.taskSet!)
      return ts?.runningCount === 0 && ts.stabilityStatus === 'STEADY_STATE'
    })
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] })))
      .services![0]
    expect(service.runningCount).toBe(3)
    expect(service.taskSets!.map(ts => ts.status).sort()).toEqual(['ACTIVE', 'PRIMARY'])
  })

  it('switch primary, refuse to delete a scaled-up task set without force, and drain a deleted one away', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 2, loadBalanced: true })
    const { ecs } = scene.clients
    const green = await addTaskSet(scene, await registerRevision(ecs, 'web', FAST), 100)
    const flipped = await ecs.send(
      new UpdateServicePrimaryTaskSetCommand({ cluster: 'sandbox', service: 'web', primaryTaskSet: green })
    )
    expect(flipped.taskSet!.status).toBe('PRIMARY')
    expect((await taskSet(scene, scene.taskSet!))!.status).toBe('ACTIVE')
    const refused = await ecs
      .send(new DeleteTaskSetCommand({ cluster: 'sandbox', service: 'web', taskSet: scene.taskSet! }))
      .catch((e: Error) => e)
    expect(refused).toMatchObject({ name: 'InvalidParameterException' })
    const deleted = await ecs.send(
      new DeleteTaskSetCommand({ cluster: 'sandbox', service: 'web', taskSet: scene.taskSet!, force: true })
    )
    expect(deleted.taskSet!.status).toBe('DRAINING')
    await waitFor('blue gone', async () => (await taskSet(scene, scene.taskSet!)) === undefined)
    const out = await ecs.send(
      new DescribeTaskSetsCommand({ cluster: 'sandbox', service: 'web', taskSets: [scene.taskSet!] })
    )
    expect(out.failures).toEqual([{ arn: scene.taskSet, reason: 'MISSING' }])
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] })))
      .services![0]
    expect(service.taskDefinition).toMatch(/task-definition\/web:2$/)
  })

  it('replace crashing tasks over and over (crash loop)', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const crashing = await registerRevision(scene.clients.ecs, 'web', {
      SANDBOX_START_SECONDS: '0.1',
      SANDBOX_CRASH: 'after:0.2s'
    })
    const id = await addTaskSet(scene, crashing, 100, false)
    const stopped = await waitFor('four crashes', async () => {
      const list = await scene.clients.ecs.send(
        new ListTasksCommand({ cluster: 'sandbox', startedBy: id, desiredStatus: 'STOPPED' })
      )
      return (list.taskArns?.length ?? 0) >= 4 ? list.taskArns : undefined
    })
    const tasks = (
      await scene.clients.ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: stopped }))
    ).tasks!
    for (const task of tasks) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        stoppedReason: 'Essential container in task exited',
        startedBy: id
      })
      expect(task.startedAt!.getTime()).toBeLessThan(task.stoppedAt!.getTime())
    }
    const events = (
      await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }))
    ).services![0].events!
    const starts = events.filter(e => e.message!.startsWith(`(service web, taskSet ${id}) has started `))
    // The first launch and at least one round of replacements.
    expect(starts.length).toBeGreaterThanOrEqual(2)
  })

  it('stop tasks that fail ELB health checks and show them unhealthy meanwhile', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 2, loadBalanced: true })
    const { ecs, elb } = scene.clients
    const sick = await registerRevision(ecs, 'web', { ...FAST, SANDBOX_UNHEALTHY: 'true' })
    const id = await addTaskSet(scene, sick, 50)
    const unhealthy = await waitFor(
      'an unhealthy target',
      async () => {
        const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: scene.targetGroups[0] }))
        return out.TargetHealthDescriptions!.find(d => d.TargetHealth!.State === 'unhealthy')
      },
      { intervalMs: 20, timeoutMs: 5000 }
    )
    expect(unhealthy.TargetHealth).toEqual({
      State: 'unhealthy',
      Reason: 'Target.ResponseCodeMismatch',
      Description: 'Health checks failed with these codes: [500]'
    })
    const stopped = await waitFor('a task stopped for failing health checks', async () => {
      const list = await ecs.send(
        new ListTasksCommand({ cluster: 'sandbox', startedBy: id, desiredStatus: 'STOPPED' })
      )
      if (!list.taskArns?.length) return undefined
      return (await ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: list.taskArns })))
        .tasks![0]
    })
    expect(stopped.stoppedReason).toBe(
      `Task failed ELB health checks in (target-group ${scene.targetGroups[0]})`
    )
    expect(stopped.healthStatus).toBe('UNHEALTHY')
    const events = (await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] })))
      .services![0].events!
    expect(
      events.some(e =>
        / \(port 80\) is unhealthy in \(target-group .*\) due to \(reason Health checks failed\)\.$/.test(
          e.message!
        )
      )
    ).toBe(true)
    expect((await taskSet(scene, id))!.stabilityStatus).toBe('STABILIZING')
  })

  it('keep the initial task set STEADY as the service desired count changes', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const { ecs } = scene.clients
    await ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 3 }))
    expect((await taskSet(scene, scene.taskSet!))!.computedDesiredCount).toBe(3)
    await waitFor('3 running', async () => (await taskSet(scene, scene.taskSet!))?.runningCount === 3)
    const events = (await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] })))
      .services![0].events!
    expect(events[0].createdAt!.getTime()).toBeGreaterThanOrEqual(
      events[events.length - 1].createdAt!.getTime()
    )
    expect(events.map(e => e.message)).toContain('(service web) has reached a steady state.')
  })

  it('journal every tick with healthy counts, task sets and a floor check', async () => {
    const scene = await createScene(sandbox.url, { env: FAST, desiredCount: 2, loadBalanced: true })
    const since = Date.now()
    await scene.clients.ecs.send(
      new UpdateTaskSetCommand({
        cluster: 'sandbox',
        service: 'web',
        taskSet: scene.taskSet!,
        scale: { value: 50, unit: 'PERCENT' }
      })
    )
    await new Promise(r => setTimeout(r, 600))
    const journal = await control.journal('sandbox', 'web', { floor: 2, since })
    expect(journal.ticks.length).toBeGreaterThanOrEqual(4)
    const last = journal.ticks[journal.ticks.length - 1]
    expect(last).toMatchObject({
      desiredCount: 2,
      healthyByTaskDefinition: { [scene.taskDefinition]: 1 },
      trafficShareByTaskDefinition: { [scene.taskDefinition]: 1 },
      weightsByTargetGroup: { [scene.targetGroups[0]]: 1 },
      healthyByTargetGroup: { [scene.targetGroups[0]]: 1 }
    })
    expect(last.taskSets[0]).toMatchObject({
      id: scene.taskSet,
      status: 'PRIMARY',
      scale: 50,
      computedDesiredCount: 1,
      runningCount: 1
    })
    expect(journal.belowFloor!.length).toBeGreaterThan(0)
    expect(journal.belowFloor![0]).toEqual({ at: expect.any(Number), healthy: 1, floor: 2 })
    const none = await control.journal('sandbox', 'web', { floor: 1, since })
    expect(none.belowFloor).toEqual([])
  })
})
