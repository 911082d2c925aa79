// ECS-controller services: rolling deployments within min/max percent, and the deployment circuit breaker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  type Service
} from '@aws-sdk/client-ecs'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, registerRevision, waitFor, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.1' }
let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 11 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function describe1(scene: Scene): Promise<Service> {
  const out = await scene.clients.ecs.send(
    new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] })
  )
  return out.services![0]
}

const breaker = (rollback: boolean) => ({
  minimumHealthyPercent: 50,
  maximumPercent: 200,
  deploymentCircuitBreaker: { enable: true, rollback }
})

describe('rolling deployments', () => {
  it('replace every task with the new revision, never below minimumHealthyPercent, and complete', async () => {
    const scene = await createScene(sandbox.url, {
      controller: 'ECS',
      env: FAST,
      desiredCount: 4,
      loadBalanced: true,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 }
    })
    const initial = await describe1(scene)
    expect(initial.deployments).toHaveLength(1)
    expect(initial.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'COMPLETED',
      runningCount: 4
    })
    const since = Date.now()
    const v2 = await registerRevision(scene.clients.ecs, 'web', FAST)
    const updated = await scene.clients.ecs.send(
      new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', taskDefinition: v2 })
    )
    expect(updated.service!.deployments!.map(d => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED']
    ])
    const primaryId = updated.service!.deployments![0].id!
    expect(primaryId).toMatch(/^ecs-svc\/\d{19}$/)
    const done = await waitFor('the rollout to complete', async () => {
      const s = await describe1(scene)
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(done.deployments![0]).toMatchObject({
      id: primaryId,
      taskDefinition: v2,
      runningCount: 4,
      failedTasks: 0
    })
    expect(done.taskDefinition).toBe(v2)
    expect(done.events!.map(e => e.message)).toContain(
      `(service web) (deployment ${primaryId}) deployment completed.`
    )
    const journal = await control.journal('sandbox', 'web', { floor: 2, since })
    expect(journal.belowFloor).toEqual([])
    // maximumPercent 100: never more than 4 tasks live at once.
    for (const tick of journal.ticks) {
      expect(tick.deployments.reduce((n, d) => n + d.runningCount, 0)).toBeLessThanOrEqual(4)
    }
    const overlapping = journal.ticks.some(
      t => t.deployments.length === 2 && t.deployments.every(d => d.runningCount > 0)
    )
    expect(overlapping).toBe(true)
  })

  it('trip the circuit breaker on a crash-looping revision and roll back to the last completed deployment', async () => {
    const scene = await createScene(sandbox.url, {
      controller: 'ECS',
      env: FAST,
      desiredCount: 4,
      deploymentConfiguration: breaker(true)
    })
    const before = (await describe1(scene)).deployments![0]
    const bad = await registerRevision(scene.clients.ecs, 'web', {
      SANDBOX_START_SECONDS: '0.1',
      SANDBOX_CRASH: 'on-start'
    })
    const updated = await scene.clients.ecs.send(
      new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', taskDefinition: bad })
    )
    const failedId = updated.service!.deployments![0].id!
    const rolledBack = await waitFor('the rollback to complete', async () => {
      const s = await describe1(scene)
      const primary = s.deployments![0]
      return primary.id !== failedId && primary.rolloutState === 'COMPLETED' && s.deployments!.length === 1
        ? s
        : undefined
    })
    expect(rolledBack.taskDefinition).toBe(scene.taskDefinition)
    expect(rolledBack.deployments![0]).toMatchObject({
      taskDefinition: scene.taskDefinition,
      rolloutStateReason: expect.stringMatching(/completed\.$/)
    })
    const messages = rolledBack.events!.map(e => e.message)
    expect(messages).toContain(
      `(service web) deployment ${failedId} deployment failed: tasks failed to start.`
    )
    expect(messages).toContain(`(service web) rolling back to deployment ${before.id}.`)
    const stopped = await scene.clients.ecs.send(
      new ListTasksCommand({ cluster: 'sandbox', startedBy: failedId, desiredStatus: 'STOPPED' })
    )
    // Threshold for 4 desired tasks: max(3, ceil(0.5 × 4)) = 3 failed tasks.
    expect(stopped.taskArns!.length).toBeGreaterThanOrEqual(3)
    const tasks = (
      await scene.clients.ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: stopped.taskArns }))
    ).tasks!
    expect(new Set(tasks.map(t => t.stoppedReason))).toEqual(new Set(['Essential container in task exited']))
  })

  it('leave a FAILED deployment in place when the circuit breaker does not roll back', async () => {
    const scene = await createScene(sandbox.url, {
      controller: 'ECS',
      env: FAST,
      desiredCount: 2,
      deploymentConfiguration: breaker(false)
    })
    const bad = await registerRevision(scene.clients.ecs, 'web', {
      SANDBOX_START_SECONDS: '0.1',
      SANDBOX_CRASH: 'on-start'
    })
    await scene.clients.ecs.send(
      new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', taskDefinition: bad })
    )
    const failed = await waitFor('FAILED', async () => {
      const s = await describe1(scene)
      return s.deployments![0].rolloutState === 'FAILED' ? s : undefined
    })
    expect(failed.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: bad,
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
    })
    // Threshold for 2 desired tasks: max(3, ceil(0.5 × 2)) = 3; two tasks can fail in the same tick.
    expect(failed.deployments![0].failedTasks).toBeGreaterThanOrEqual(3)
    expect(failed.deployments![1]).toMatchObject({ status: 'ACTIVE', taskDefinition: scene.taskDefinition })
    await new Promise(r => setTimeout(r, 500))
    const later = await describe1(scene)
    expect(later.deployments![0].failedTasks).toBe(failed.deployments![0].failedTasks)
    expect(later.deployments![0].pendingCount).toBe(0)
  })

  it('count ELB health-check failures against the deployment', async () => {
    const scene = await createScene(sandbox.url, {
      controller: 'ECS',
      env: FAST,
      desiredCount: 2,
      loadBalanced: true,
      deploymentConfiguration: breaker(true)
    })
    const sick = await registerRevision(scene.clients.ecs, 'web', { ...FAST, SANDBOX_UNHEALTHY: 'true' })
    const updated = await scene.clients.ecs.send(
      new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', taskDefinition: sick })
    )
    const failedId = updated.service!.deployments![0].id!
    await waitFor(
      'the rollback',
      async () => {
        const s = await describe1(scene)
        return s.deployments![0].id !== failedId && s.taskDefinition === scene.taskDefinition
      },
      { timeoutMs: 15_000 }
    )
    const stopped = await scene.clients.ecs.send(
      new ListTasksCommand({ cluster: 'sandbox', startedBy: failedId, desiredStatus: 'STOPPED' })
    )
    const tasks = (
      await scene.clients.ecs.send(new DescribeTasksCommand({ cluster: 'sandbox', tasks: stopped.taskArns }))
    ).tasks!
    expect(tasks[0].stoppedReason).toBe(
      `Task failed ELB health checks in (target-group ${scene.targetGroups[0]})`
    )
  })
})
