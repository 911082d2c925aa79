// The scene builder other suites, the demo and the benchmarks rely on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { createScene, waitFor } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50 })
})
afterAll(() => sandbox.close())

describe('createScene', () => {
  it('builds a steady EXTERNAL service behind a 100/0 weighted listener with a 5xx alarm', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      service: 'api',
      desiredCount: 3,
      env: { SANDBOX_START_SECONDS: '0.1' },
      weightedTargetGroups: true,
      healthCheckGracePeriodSeconds: 5,
      alarm: { name: 'api-5xx', threshold: 1, period: 1 }
    })
    expect(scene).toMatchObject({
      cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
      service: 'arn:aws:ecs:us-east-1:123456789012:service/prod/api',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:1',
      alarmName: 'api-5xx',
      taskSet: expect.stringMatching(/^ecs-svc\//)
    })
    expect(scene.targetGroups).toHaveLength(2)
    const service = (
      await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] }))
    ).services![0]
    expect(service).toMatchObject({ runningCount: 3, healthCheckGracePeriodSeconds: 5 })
    expect(service.taskSets![0]).toMatchObject({ status: 'PRIMARY', stabilityStatus: 'STEADY_STATE' })
    const listener = (
      await scene.clients.elb.send(new DescribeListenersCommand({ ListenerArns: [scene.listener!] }))
    ).Listeners![0]
    expect(listener.DefaultActions![0].ForwardConfig!.TargetGroups!.map(t => t.Weight)).toEqual([100, 0])
    const ok = await waitFor('the alarm to evaluate', async () => {
      const out = await scene.clients.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['api-5xx'] }))
      return out.MetricAlarms![0].StateValue === 'OK' ? out.MetricAlarms![0] : undefined
    })
    expect(ok.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: scene.loadBalancer!.split(':loadbalancer/')[1] }
    ])
  })

  it('builds an ECS-controller service whose first deployment has completed', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'ecs',
      controller: 'ECS',
      desiredCount: 2,
      env: { SANDBOX_START_SECONDS: '0.1' },
      loadBalanced: true
    })
    const service = (
      await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'ecs', services: ['web'] }))
    ).services![0]
    expect(service.deployments).toHaveLength(1)
    expect(service.deployments![0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2 })
    expect(service.loadBalancers).toEqual(scene.loadBalancers)
    expect(scene.taskSet).toBeUndefined()
  })
})
