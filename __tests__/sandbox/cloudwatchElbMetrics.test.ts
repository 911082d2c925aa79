// The per-target-group load balancer metrics a metric gate reads (issue 16): RequestCount, HTTPCode_Target_5XX_Count
// (no datapoint in a minute without errors), TargetResponseTime percentiles, read with GetMetricData and metric
// math, while revision faults make green slower, failing or unreached. On a compressed virtual clock, with
// CloudWatch's own one-minute periods.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, type Scene } from '../../sandbox/fixtures.js'
import {
  addGreenRevision,
  elbDimensions,
  setBlueWeight,
  startVirtualSandbox,
  type VirtualSandbox
} from '../helpers/virtual-sandbox.js'

let virtual: VirtualSandbox
let control: SandboxControl

beforeAll(async () => {
  virtual = await startVirtualSandbox({ requestRate: 100, seed: 16 })
  control = new SandboxControl(virtual.sandbox.url)
})
afterAll(() => virtual.stop())
beforeEach(() => virtual.sandbox.reset())

const MINUTE = 60_000

/** Blue (v1) and green (v2) each with two tasks, green at `greenWeight` %. */
async function blueGreen(greenWeight: number): Promise<{ scene: Scene; v2: string }> {
  const scene = await createScene(virtual.sandbox.url, {
    env: { SANDBOX_START_SECONDS: '2' },
    desiredCount: 2,
    weightedTargetGroups: true
  })
  const v2 = await addGreenRevision(scene, { SANDBOX_START_SECONDS: '2' })
  await setBlueWeight(scene, 100 - greenWeight)
  return { scene, v2 }
}

/** Let `minutes` whole minutes pass from the next minute boundary; the [start, end) they cover. */
async function fullMinutes(minutes: number): Promise<{ start: number; end: number }> {
  const start = Math.ceil((virtual.now() + 1) / MINUTE) * MINUTE
  const end = start + minutes * MINUTE
  while (virtual.now() < end + 2000) await new Promise(resolve => setTimeout(resolve, 20))
  return { start, end }
}

function queries(scene: Scene): MetricDataQuery[] {
  const [blue, green] = scene.targetGroups
  const q = (id: string, metric: string, targetGroup: string, stat: string): MetricDataQuery => ({
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/ApplicationELB',
        MetricName: metric,
        Dimensions: Object.entries(elbDimensions(scene, targetGroup)).map(([Name, Value]) => ({
          Name,
          Value
        }))
      },
      Period: 60,
      Stat: stat
    }
  })
  return [
    q('blueRequests', 'RequestCount', blue, 'Sum'),
    q('greenRequests', 'RequestCount', green, 'Sum'),
    q('blue5xx', 'HTTPCode_Target_5XX_Count', blue, 'Sum'),
    q('green5xx', 'HTTPCode_Target_5XX_Count', green, 'Sum'),
    q('blueP50', 'TargetResponseTime', blue, 'p50'),
    q('greenP50', 'TargetResponseTime', green, 'p50'),
    q('blueP99', 'TargetResponseTime', blue, 'p99'),
    q('greenP99', 'TargetResponseTime', green, 'p99'),
    q('greenP999', 'TargetResponseTime', green, 'p99.9'),
    q('greenTm99', 'TargetResponseTime', green, 'tm99'),
    q('greenAverage', 'TargetResponseTime', green, 'Average'),
    // The error rate a gate judges: a minute without errors has no 5xx datapoint, which FILL makes 0 %.
    { Id: 'greenErrorRate', Expression: '100 * FILL(green5xx, 0) / greenRequests' },
    { Id: 'blueErrorRate', Expression: '100 * FILL(blue5xx, 0) / blueRequests' }
  ]
}

async function read(scene: Scene, range: { start: number; end: number }) {
  const out = await scene.clients.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(range.start),
      EndTime: new Date(range.end),
      MetricDataQueries: queries(scene),
      ScanBy: 'TimestampAscending'
    })
  )
  return Object.fromEntries(out.MetricDataResults!.map(r => [r.Id!, r.Values!]))
}

describe('load balancer metrics per target group', () => {
  it('count requests by weight, publish 5xx only in minutes with errors, and judge a failing canary with metric math', async () => {
    const { scene, v2 } = await blueGreen(20)
    const healthy = await read(scene, await fullMinutes(2))
    expect(healthy.blueRequests).toHaveLength(2)
    for (const [b, g] of healthy.blueRequests.map((v, i) => [v, healthy.greenRequests[i]])) {
      // 100 requests/s for a minute, 80/20.
      expect(b).toBeCloseTo(4800, -2)
      expect(g).toBeCloseTo(1200, -2)
    }
    expect(healthy.blue5xx).toEqual([])
    expect(healthy.green5xx).toEqual([])
    expect(healthy.greenErrorRate).toEqual([0, 0])

    await control.setRevisionFault({ taskDefinition: v2, errorRate: 0.2 })
    const failing = await read(scene, await fullMinutes(2))
    expect(failing.blue5xx).toEqual([])
    expect(failing.green5xx).toHaveLength(2)
    for (const rate of failing.greenErrorRate) expect(rate).toBeCloseTo(20, 5)
    expect(failing.blueErrorRate).toEqual([0, 0])
  })

  it('show a revision slower by a factor in every percentile', async () => {
    const { scene, v2 } = await blueGreen(50)
    await control.setRevisionFault({ taskDefinition: v2, latencyFactor: 1.3 })
    const slow = await read(scene, await fullMinutes(1))
    expect(slow.greenP50[0] / slow.blueP50[0]).toBeCloseTo(1.3, 5)
    expect(slow.greenP99[0] / slow.blueP99[0]).toBeCloseTo(1.3, 5)
    // The base response time is 20 ms; the spread puts p99 at about twice the median, p99.9 further out.
    expect(slow.greenAverage[0]).toBeCloseTo(0.026, 5)
    expect(slow.greenP99[0] / slow.greenP50[0]).toBeCloseTo(2, 1)
    expect(slow.greenP999[0]).toBeGreaterThan(slow.greenP99[0])
    // tm99 leaves out the slowest 1 %: below the average of everything, above the median.
    expect(slow.greenTm99[0]).toBeLessThan(slow.greenAverage[0])
    expect(slow.greenTm99[0]).toBeGreaterThan(slow.greenP50[0])
  })

  it('send a revision that gets no traffic nothing, and leave it no datapoints', async () => {
    const { scene, v2 } = await blueGreen(10)
    await control.setRevisionFault({ taskDefinition: v2, noTraffic: true })
    expect(await control.revisionFaults()).toEqual([{ taskDefinition: v2, noTraffic: true }])
    const since = virtual.now()
    const silent = await read(scene, await fullMinutes(1))
    expect(silent.greenRequests).toEqual([])
    expect(silent.greenP99).toEqual([])
    expect(silent.greenErrorRate).toEqual([])
    // Green's share went to blue rather than being lost.
    expect(silent.blueRequests[0]).toBeCloseTo(6000, -2)
    const journal = await control.journal(scene.clusterName, scene.serviceName, { since })
    expect(journal.ticks[journal.ticks.length - 1].trafficShareByTaskDefinition[v2] ?? 0).toBe(0)

    await control.clearRevisionFaults()
    const back = await read(scene, await fullMinutes(1))
    expect(back.greenRequests[0]).toBeCloseTo(600, -2)
  })

  it('refuse a revision fault it cannot apply, naming every problem', async () => {
    await expect(
      control.setRevisionFault({ taskDefinition: 'web:9', latencyFactor: 0, errorRate: 2 })
    ).rejects.toThrow(
      'latencyFactor must be a number > 0, not 0; errorRate must be a fraction 0–1, not 2; no registered task definition web:9'
    )
  })
})
