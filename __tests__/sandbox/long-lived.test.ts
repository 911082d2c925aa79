// A sandbox that serves an hour of runs (a chaos batch) forgets what AWS lets go of: datapoints past their
// retention with the series left empty, a deleted service's stopped tasks once it is INACTIVE, and INACTIVE
// services after an hour. On a virtual clock.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch'
import {
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand
} from '@aws-sdk/client-ecs'
import {
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { REALISM_OFF } from '../../sandbox/core/realism.js'
import { createScene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0)
const MINUTE = 60_000
let now = T0
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({
    tickMs: 3_600_000,
    healthCheckMs: 500,
    clock: () => now,
    metricRetentionMs: 10 * MINUTE,
    realism: { ...REALISM_OFF, lagMs: 2000 }
  })
})
afterAll(() => sandbox.close())

/** Move the virtual clock `ms` forward, one simulation step a second. */
function advance(ms: number): void {
  for (const end = now + ms; now < end;) {
    now += 1000
    sandbox.tick()
  }
}

it('forgets a deleted scene’s metrics after the retention, its stopped tasks once INACTIVE, the service after an hour', async () => {
  const ticker = setInterval(() => advance(1000), 2)
  const scene = await createScene(sandbox.url, {
    env: { SANDBOX_START_SECONDS: '0.3' },
    desiredCount: 2,
    weightedTargetGroups: true
  }).finally(() => clearInterval(ticker))
  advance(30_000)
  const { ecs, elb, cw } = scene.clients
  const tgMetrics = async () =>
    (
      await cw.send(
        new ListMetricsCommand({
          Namespace: 'AWS/ApplicationELB',
          Dimensions: [{ Name: 'TargetGroup', Value: scene.targetGroups[0].split(':').pop()! }]
        })
      )
    ).Metrics ?? []
  expect((await tgMetrics()).map(m => m.MetricName)).toContain('RequestCount')

  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: scene.cluster, serviceName: scene.serviceName })
  )
  const tasks = () => ecs.send(new DescribeTasksCommand({ cluster: scene.cluster, tasks: taskArns }))
  await ecs.send(
    new DeleteServiceCommand({ cluster: scene.cluster, service: scene.serviceName, force: true })
  )
  await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: scene.loadBalancer }))
  for (const tg of scene.targetGroups) await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg }))
  const describe = async () =>
    ecs.send(new DescribeServicesCommand({ cluster: scene.cluster, services: [scene.serviceName] }))
  // Draining: its tasks stop, and are there to describe until the service is INACTIVE.
  advance(1000)
  expect((await tasks()).tasks!.map(t => t.desiredStatus)).toEqual(taskArns!.map(() => 'STOPPED'))
  advance(30_000)
  expect((await describe()).services![0].status).toBe('INACTIVE')
  expect((await tasks()).failures).toHaveLength(taskArns!.length)

  // Still inside the retention: the deleted target group's metrics are there, as CloudWatch keeps them.
  advance(5 * MINUTE)
  expect(await tgMetrics()).not.toHaveLength(0)
  advance(6 * MINUTE)
  expect(await tgMetrics()).toEqual([])
  expect(sandbox.state.cw.series.size).toBe(0)

  advance(45 * MINUTE)
  expect((await describe()).services![0].status).toBe('INACTIVE')
  advance(10 * MINUTE)
  const gone = await describe()
  expect(gone.services).toEqual([])
  expect(gone.failures).toEqual([expect.objectContaining({ reason: 'MISSING' })])
})
