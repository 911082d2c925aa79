// Simulated traffic: listener weights, per-target-group metrics, latency, ECS utilisation and per-service rates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { addGreenRevision, setBlueWeight } from '../helpers/virtual-sandbox.js'

let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 100, requestRate: 200, seed: 3 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const stat = (
  id: string,
  metric: string,
  dims: Record<string, string>,
  s = 'Sum',
  namespace = 'AWS/ApplicationELB',
  period = 60
): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: namespace,
      MetricName: metric,
      Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value }))
    },
    Period: period,
    Stat: s
  }
})

describe('traffic', () => {
  it('splits requests by listener weights and publishes per-target-group metrics', async () => {
    const scene = await createScene(sandbox.url, {
      env: { SANDBOX_START_SECONDS: '0.2' },
      desiredCount: 2,
      weightedTargetGroups: true
    })
    const { cw } = scene.clients
    const [blue, green] = scene.targetGroups
    const v2 = await addGreenRevision(scene, { SANDBOX_START_SECONDS: '0.2', SANDBOX_LATENCY_MS: '200' })
    await setBlueWeight(scene, 90)
    const start = new Date()
    await new Promise(r => setTimeout(r, 700))
    const journal = await control.journal('sandbox', 'web', { since: start.getTime() + 150 })
    const last = journal.ticks[journal.ticks.length - 1]
    expect(last.weightsByTargetGroup).toEqual({ [blue]: 90, [green]: 10 })
    expect(last.trafficShareByTaskDefinition[scene.taskDefinition]).toBeCloseTo(0.9)
    expect(last.trafficShareByTaskDefinition[v2]).toBeCloseTo(0.1)
    expect(last.healthyByTargetGroup).toEqual({ [blue]: 2, [green]: 2 })

    const lb = scene.loadBalancer!.split(':loadbalancer/')[1]
    const tg = (arn: string) => arn.split(':')[5]
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: new Date(),
        MetricDataQueries: [
          stat('blue', 'RequestCount', { TargetGroup: tg(blue), LoadBalancer: lb }),
          stat('green', 'RequestCount', { TargetGroup: tg(green), LoadBalancer: lb }),
          stat('greenalone', 'RequestCount', { TargetGroup: tg(green) }),
          stat('latency', 'TargetResponseTime', { TargetGroup: tg(green), LoadBalancer: lb }, 'Average'),
          stat('bluelatency', 'TargetResponseTime', { TargetGroup: tg(blue), LoadBalancer: lb }, 'p99'),
          stat('bluemedian', 'TargetResponseTime', { TargetGroup: tg(blue), LoadBalancer: lb }, 'p50'),
          stat('blueaverage', 'TargetResponseTime', { TargetGroup: tg(blue), LoadBalancer: lb }, 'Average'),
          stat('healthy', 'HealthyHostCount', { TargetGroup: tg(green), LoadBalancer: lb }, 'Maximum'),
          stat('cpu', 'CPUUtilization', { ClusterName: 'sandbox', ServiceName: 'web' }, 'Average', 'AWS/ECS'),
          stat(
            'mem',
            'MemoryUtilization',
            { ClusterName: 'sandbox', ServiceName: 'web' },
            'Maximum',
            'AWS/ECS'
          )
        ]
      })
    )
    const sum = (id: string) =>
      out.MetricDataResults!.find(r => r.Id === id)!.Values!.reduce((a, b) => a + b, 0)
    expect(sum('blue') / sum('green')).toBeGreaterThan(7)
    expect(sum('blue') / sum('green')).toBeLessThan(12)
    expect(sum('greenalone')).toBeCloseTo(sum('green'))
    expect(out.MetricDataResults!.find(r => r.Id === 'latency')!.Values![0]).toBeCloseTo(0.22)
    // Response times spread log-normally around their mean (20 ms for blue): p99 about twice the median.
    const first = (id: string) => out.MetricDataResults!.find(r => r.Id === id)!.Values![0]
    expect(first('blueaverage')).toBeCloseTo(0.02)
    expect(first('bluemedian')).toBeLessThan(0.02)
    expect(first('bluelatency') / first('bluemedian')).toBeCloseTo(2, 1)
    expect(sum('healthy')).toBeGreaterThanOrEqual(2)
    expect(sum('cpu')).toBeGreaterThan(0)
    expect(sum('mem')).toBeGreaterThan(0)
  })

  it('takes a per-service request rate from the control endpoint', async () => {
    const scene = await createScene(sandbox.url, {
      env: { SANDBOX_START_SECONDS: '0.1' },
      desiredCount: 1,
      loadBalanced: true
    })
    await control.setTraffic('sandbox', 'web', 1000)
    const start = Date.now()
    await new Promise(r => setTimeout(r, 500))
    const ticks = (await control.journal('sandbox', 'web', { since: start })).ticks
    expect(ticks.length).toBeGreaterThan(2)
    const lb = scene.loadBalancer!.split(':loadbalancer/')[1]
    const out = await scene.clients.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(start + 100),
        EndTime: new Date(start + 400),
        MetricDataQueries: [stat('n', 'RequestCount', { LoadBalancer: lb }, 'Sum', 'AWS/ApplicationELB', 1)]
      })
    )
    const total = out.MetricDataResults![0].Values!.reduce((a, b) => a + b, 0)
    // About 3 ticks of 100 ms at 1000 requests/s.
    expect(total).toBeGreaterThanOrEqual(200)
    expect(total).toBeLessThanOrEqual(400)
    await expect(control.setTraffic('sandbox', 'nope', 1)).rejects.toThrow(/404/)
  })
})
