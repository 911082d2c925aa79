// The Amazon ECS linear/canary walkthrough's own alarms (shared/reference/seeds/003_*.txt, steps 1 and 2), created
// with its --metrics JSON verbatim (only its placeholder dimensions replaced by the scene's), watched through
// simulated traffic on a compressed virtual clock as a failing green revision takes and gives back half the traffic.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  type MetricDataQuery
} from '@aws-sdk/client-cloudwatch'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, waitFor } from '../../sandbox/fixtures.js'
import {
  addGreenRevision,
  setBlueWeight,
  startVirtualSandbox,
  type VirtualSandbox
} from '../helpers/virtual-sandbox.js'
import {
  SEED_5XX_METRICS,
  SEED_LATENCY_METRICS,
  seedMetrics as seedMetricsOf
} from '../helpers/seed-walkthrough.js'

let virtual: VirtualSandbox

beforeAll(async () => {
  virtual = await startVirtualSandbox({ requestRate: 100, seed: 14 })
})
afterAll(() => virtual.stop())

describe("the seed walkthrough's metric-math alarms", () => {
  it('go to ALARM when a failing green revision takes traffic, and back when it gives it up', async () => {
    const { sandbox } = virtual
    const scene = await createScene(sandbox.url, {
      env: { SANDBOX_START_SECONDS: '2' },
      desiredCount: 2,
      weightedTargetGroups: true
    })
    const { cw } = scene.clients
    const [blue, green] = scene.targetGroups
    const seedMetrics = (json: string): MetricDataQuery[] =>
      seedMetricsOf(json, { loadBalancer: scene.loadBalancer!, targetGroups: scene.targetGroups })
    // aws cloudwatch put-metric-alarm --alarm-name my-service-5xx-errors ... --evaluation-periods 2 --threshold 10
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'my-service-5xx-errors',
        AlarmDescription: 'Trigger on high 5XX error rate across both target groups',
        Metrics: seedMetrics(SEED_5XX_METRICS),
        EvaluationPeriods: 2,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'my-service-high-latency',
        AlarmDescription: 'Trigger on high response time across both target groups',
        Metrics: seedMetrics(SEED_LATENCY_METRICS),
        EvaluationPeriods: 2,
        Threshold: 1.0,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    // A third alarm, corrupted in place after validation: its failures must not hold up the seed's alarms.
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'broken',
        Metrics: seedMetrics(SEED_5XX_METRICS),
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    const broken = [...sandbox.state.cw.alarms.values()].find(r => r.alarm.AlarmName === 'broken')!
    if (broken.type === 'MetricAlarm') broken.alarm.Metrics![2].Expression = 'SUM([blue5xx, purple5xx])'
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)

    const states = async () => {
      const out = await cw.send(
        new DescribeAlarmsCommand({
          AlarmNames: ['my-service-5xx-errors', 'my-service-high-latency', 'broken']
        })
      )
      return Object.fromEntries(out.MetricAlarms!.map(a => [a.AlarmName!, a]))
    }
    const settle = (what: string, errors: string, latency: string) =>
      waitFor(
        what,
        async () => {
          const s = await states()
          return s['my-service-5xx-errors'].StateValue === errors &&
            s['my-service-high-latency'].StateValue === latency
            ? s
            : undefined
        },
        { timeoutMs: 20_000 }
      )

    try {
      // Blue alone, healthy: latency is evaluated and OK; 5xx has no datapoint in an error-free minute, so the
      // seed's alarm (no TreatMissingData) goes to INSUFFICIENT_DATA, as it does on AWS.
      await settle('the healthy baseline', 'INSUFFICIENT_DATA', 'OK')
      const baseline = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(virtual.now() - 180_000),
          EndTime: new Date(virtual.now()),
          MetricDataQueries: [...seedMetrics(SEED_5XX_METRICS), ...seedMetrics(SEED_LATENCY_METRICS)]
        })
      )
      const values = (id: string) => baseline.MetricDataResults!.find(r => r.Id === id)!.Values
      expect(values('total5xx')).toEqual([])
      expect(values('maxLatency')!.length).toBeGreaterThanOrEqual(2)

      await addGreenRevision(scene, {
        SANDBOX_START_SECONDS: '2',
        SANDBOX_ERROR_RATE: '0.5',
        SANDBOX_LATENCY_MS: '1500'
      })
      await setBlueWeight(scene, 50)
      const failing = await settle('the alarms to fire', 'ALARM', 'ALARM')
      // 50 requests/s reach green and half of them fail: about 1500 errors a minute across both target groups.
      const data = JSON.parse(failing['my-service-5xx-errors'].StateReasonData!)
      expect(data.recentDatapoints).toHaveLength(2)
      for (const v of data.recentDatapoints) expect(v).toBeGreaterThan(10)
      expect(failing['my-service-high-latency'].StateReason).toMatch(
        /^Threshold Crossed: 2 out of the last 2 datapoints \[1\.5\d* .*\] were greater than the threshold \(1\.0\)/
      )

      const since = virtual.now()
      await setBlueWeight(scene, 100)
      await settle('the alarms to clear', 'INSUFFICIENT_DATA', 'OK')

      const s = await states()
      expect(s.broken).toMatchObject({
        StateValue: 'INSUFFICIENT_DATA',
        StateReason: 'Unable to evaluate the alarm: Error in expression total5xx: unknown id purple5xx.'
      })
      expect(log).toHaveBeenCalledWith(
        'sandbox: alarm broken could not be evaluated:',
        'Error in expression total5xx: unknown id purple5xx.'
      )
      // The journal went on recording every step while the broken alarm failed in each of them.
      const journal = await new SandboxControl(sandbox.url).journal('sandbox', 'web', { since })
      expect(journal.ticks.length).toBeGreaterThan(60)
      expect(journal.ticks[journal.ticks.length - 1].weightsByTargetGroup).toEqual({
        [blue]: 100,
        [green]: 0
      })
    } finally {
      log.mockRestore()
    }
  })
})
