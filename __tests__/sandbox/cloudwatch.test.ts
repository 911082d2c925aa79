// CloudWatch metrics and alarm evaluation on a virtual clock, through the real SDK client (awsJson1_0 query-compatible)
// and through the awsQuery form other clients use.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type CloudWatchClient,
  type PutMetricAlarmCommandInput
} from '@aws-sdk/client-cloudwatch'
import { sandboxClients } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0)
let now = T0
let sandbox: Sandbox
let cw: CloudWatchClient

beforeAll(async () => {
  // A tick of an hour never fires during the suite: the tests move the virtual clock and step the simulation.
  sandbox = await startSandbox({ tickMs: 3_600_000, clock: () => now })
  cw = sandboxClients(sandbox.url).cw
})
afterAll(() => sandbox.close())
beforeEach(() => {
  now = T0
  sandbox.reset()
})

const at = (offsetSeconds: number) => {
  now = T0 + offsetSeconds * 1000
  sandbox.tick()
}
const put = (value: number, name = 'Errors') =>
  cw.send(
    new PutMetricDataCommand({
      Namespace: 'Sandbox/Test',
      MetricData: [{ MetricName: name, Value: value, Unit: 'Count' }]
    })
  )
const alarm = (overrides: Partial<PutMetricAlarmCommandInput> = {}) =>
  cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'errors',
      Namespace: 'Sandbox/Test',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      ...overrides
    })
  )
const state = async (name = 'errors', types?: ('MetricAlarm' | 'CompositeAlarm')[]) => {
  const out = await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: types }))
  return [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])][0]
}

describe('metric alarms', () => {
  it('evaluate M out of N datapoints per completed period, with CloudWatch-style reasons', async () => {
    await alarm({ EvaluationPeriods: 3, DatapointsToAlarm: 2 })
    expect(await state()).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation'
    })
    at(10)
    await put(10)
    at(70)
    await put(2)
    at(130)
    await put(10)
    at(179)
    // At 10:01 one datapoint of three was present and one breach is fewer than DatapointsToAlarm.
    expect((await state()).StateValue).toBe('OK')
    at(180)
    const fired = await state()
    expect(fired.StateValue).toBe('ALARM')
    expect(fired.StateReason).toBe(
      'Threshold Crossed: 2 out of the last 3 datapoints [10.0 (21/11/26 10:02:00), 10.0 (21/11/26 10:00:00)] were ' +
        'greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).'
    )
    expect(JSON.parse(fired.StateReasonData!)).toMatchObject({
      version: '1.0',
      queryDate: '2026-11-21T10:03:00.000+0000',
      startDate: '2026-11-21T10:00:00.000+0000',
      statistic: 'Sum',
      period: 60,
      recentDatapoints: [10, 2, 10],
      threshold: 5
    })
    expect(fired.StateTransitionedTimestamp!.getTime()).toBe(T0 + 180_000)
    at(200)
    await put(1)
    at(240)
    // 10:01–10:03 holds one breach (10.0 at 10:02) among three datapoints: back to OK.
    expect(await state()).toMatchObject({
      StateValue: 'OK',
      StateReason:
        'Threshold Crossed: 2 datapoints [1.0 (21/11/26 10:03:00), 2.0 (21/11/26 10:01:00)] were not greater than the threshold (5.0).'
    })
  })

  it('treat missing data as missing, breaching, notBreaching or ignore', async () => {
    await alarm({ AlarmName: 'missing', TreatMissingData: 'missing' })
    await alarm({ AlarmName: 'breaching', TreatMissingData: 'breaching' })
    await alarm({ AlarmName: 'not-breaching', TreatMissingData: 'notBreaching' })
    await alarm({ AlarmName: 'ignore', TreatMissingData: 'ignore' })
    at(60)
    // Still INSUFFICIENT_DATA: no transition, so the creation reason stays, as in CloudWatch.
    expect(await state('missing')).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation'
    })
    expect(await state('breaching')).toMatchObject({
      StateValue: 'ALARM',
      StateReason:
        'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].'
    })
    expect((await state('not-breaching')).StateValue).toBe('OK')
    expect((await state('ignore')).StateValue).toBe('INSUFFICIENT_DATA')
  })

  it('hold a state set by SetAlarmState until the next evaluation, and record history', async () => {
    await alarm()
    at(10)
    await put(1)
    at(60)
    expect((await state()).StateValue).toBe('OK')
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'errors', StateValue: 'ALARM', StateReason: 'testing' })
    )
    at(90)
    expect(await state()).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing' })
    at(120)
    expect((await state()).StateValue).toBe('INSUFFICIENT_DATA')
    const history = await cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: 'errors', HistoryItemType: 'StateUpdate' })
    )
    expect(history.AlarmHistoryItems!.map(h => h.HistorySummary)).toEqual([
      'Alarm updated from ALARM to INSUFFICIENT_DATA',
      'Alarm updated from OK to ALARM',
      'Alarm updated from INSUFFICIENT_DATA to OK'
    ])
    expect(JSON.parse(history.AlarmHistoryItems![1].HistoryData!)).toMatchObject({
      oldState: { stateValue: 'OK' },
      newState: { stateValue: 'ALARM', stateReason: 'testing' }
    })
  })

  it('support percentiles and metric math', async () => {
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Sandbox/Test',
        MetricData: [
          { MetricName: 'Latency', Values: [0.1, 0.2, 0.9], Counts: [80, 15, 5] },
          { MetricName: 'Requests', Value: 200 },
          { MetricName: 'Errors', Value: 10 }
        ]
      })
    )
    at(5)
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Sandbox/Test',
        MetricData: [{ MetricName: 'Requests', Value: 200 }]
      })
    )
    const metric = (name: string, stat: string, id: string) => ({
      Id: id,
      MetricStat: { Metric: { Namespace: 'Sandbox/Test', MetricName: name }, Period: 60, Stat: stat }
    })
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(T0),
        EndTime: new Date(T0 + 60_000),
        MetricDataQueries: [
          metric('Latency', 'p90', 'p90'),
          metric('Latency', 'Average', 'avg'),
          metric('Latency', 'SampleCount', 'n'),
          metric('Latency', 'Maximum', 'max'),
          { ...metric('Requests', 'Sum', 'req'), ReturnData: false },
          { ...metric('Errors', 'Sum', 'err'), ReturnData: false },
          { Id: 'rate', Expression: '100 * err / req', Label: 'error rate' }
        ]
      })
    )
    const byId = Object.fromEntries(out.MetricDataResults!.map(r => [r.Id, r]))
    expect(Object.keys(byId)).toEqual(['p90', 'avg', 'n', 'max', 'rate'])
    expect(byId.p90.Values).toEqual([0.2])
    expect(byId.avg.Values![0]).toBeCloseTo(0.155)
    expect(byId.n.Values).toEqual([100])
    expect(byId.max).toMatchObject({
      Label: 'Latency',
      Values: [0.9],
      Timestamps: [new Date(T0)],
      StatusCode: 'Complete'
    })
    expect(byId.rate).toMatchObject({ Label: 'error rate', Values: [2.5] })
  })

  it('accept the gzipped bodies the SDK sends for large PutMetricData calls', async () => {
    const data = Array.from({ length: 1000 }, (_, i) => ({
      MetricName: 'Bulk',
      Dimensions: [{ Name: 'Shard', Value: `shard-${i % 10}` }],
      Value: 1
    }))
    await cw.send(new PutMetricDataCommand({ Namespace: 'Sandbox/Test', MetricData: data }))
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(T0),
        EndTime: new Date(T0 + 60_000),
        MetricDataQueries: [
          {
            Id: 'bulk',
            MetricStat: {
              Metric: {
                Namespace: 'Sandbox/Test',
                MetricName: 'Bulk',
                Dimensions: [{ Name: 'Shard', Value: 'shard-3' }]
              },
              Period: 60,
              Stat: 'SampleCount'
            }
          }
        ]
      })
    )
    expect(out.MetricDataResults![0].Values).toEqual([100])
  })

  it('validate input like CloudWatch', async () => {
    const err = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: Error & { Code?: string }) => ({ name: e.name, code: e.Code })
      )
    expect(
      await err(
        cw.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' }))
      )
    ).toEqual({
      name: 'ResourceNotFound',
      code: 'ResourceNotFound'
    })
    expect(
      await err(cw.send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' })))
    ).toEqual({
      name: 'InvalidParameterCombinationException',
      code: 'InvalidParameterCombination'
    })
    expect(await err(alarm({ Threshold: undefined }))).toEqual({
      name: 'MissingRequiredParameterException',
      code: 'MissingParameter'
    })
    expect(
      await err(
        cw.send(
          new PutMetricDataCommand({ Namespace: 'AWS/ECS', MetricData: [{ MetricName: 'x', Value: 1 }] })
        )
      )
    ).toEqual({
      name: 'InvalidParameterValueException',
      code: 'InvalidParameterValue'
    })
    expect(await err(cw.send(new DeleteAlarmsCommand({ AlarmNames: ['nope'] })))).toBeUndefined()
  })
})

describe('DescribeAlarms and composite alarms', () => {
  it('return only metric alarms unless AlarmTypes asks for composites, and evaluate composites from children', async () => {
    await alarm({ AlarmName: 'web-5xx' })
    await alarm({ AlarmName: 'web-latency' })
    await cw.send(
      new PutCompositeAlarmCommand({
        AlarmName: 'web-any',
        AlarmRule: 'ALARM("web-5xx") OR (ALARM(web-latency) AND NOT OK(web-5xx))'
      })
    )
    const plain = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'web-' }))
    expect(plain.MetricAlarms!.map(a => a.AlarmName)).toEqual(['web-5xx', 'web-latency'])
    expect(plain.CompositeAlarms).toEqual([])
    at(1)
    expect((await state('web-any', ['CompositeAlarm'])).StateValue).toBe('OK')
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'test' })
    )
    at(2)
    const composite = await state('web-any', ['CompositeAlarm'])
    expect(composite).toMatchObject({
      StateValue: 'ALARM',
      AlarmRule: 'ALARM("web-5xx") OR (ALARM(web-latency) AND NOT OK(web-5xx))',
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-any'
    })
    expect(JSON.parse(composite.StateReasonData!).triggeringAlarms[0].arn).toBe(
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx'
    )
    const both = await cw.send(
      new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], StateValue: 'ALARM' })
    )
    expect(both.MetricAlarms!.map(a => a.AlarmName)).toEqual(['web-5xx'])
    expect(both.CompositeAlarms!.map(a => a.AlarmName)).toEqual(['web-any'])
    const bad = await cw
      .send(new PutCompositeAlarmCommand({ AlarmName: 'x', AlarmRule: 'ALARM(web-5xx) AND' }))
      .catch((e: Error) => e)
    expect(bad).toMatchObject({ name: 'InvalidParameterValueException' })
    const missing = await cw
      .send(new PutCompositeAlarmCommand({ AlarmName: 'x', AlarmRule: 'ALARM(nope)' }))
      .catch((e: Error) => e)
    expect(missing).toMatchObject({ name: 'InvalidParameterValueException' })
  })

  it('page with MaxRecords and NextToken', async () => {
    for (const n of ['a', 'b', 'c']) await alarm({ AlarmName: n })
    const first = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 2 }))
    expect(first.MetricAlarms!.map(a => a.AlarmName)).toEqual(['a', 'b'])
    const second = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 2, NextToken: first.NextToken }))
    expect(second.MetricAlarms!.map(a => a.AlarmName)).toEqual(['c'])
    expect(second.NextToken).toBeUndefined()
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['a', 'b'] }))
    expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms!.map(a => a.AlarmName)).toEqual(['c'])
  })
})

describe('the awsQuery form of CloudWatch', () => {
  const query = async (params: Record<string, string>) => {
    const res = await fetch(sandbox.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Version: '2010-08-01', ...params }).toString()
    })
    return { status: res.status, body: await res.text() }
  }

  it('answers in XML with member lists and ISO timestamps', async () => {
    const put = await query({
      Action: 'PutMetricAlarm',
      AlarmName: 'q',
      Namespace: 'Sandbox/Test',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: '60',
      EvaluationPeriods: '1',
      Threshold: '5',
      ComparisonOperator: 'GreaterThanThreshold',
      'Dimensions.member.1.Name': 'Service',
      'Dimensions.member.1.Value': 'web'
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatch(
      /^<PutMetricAlarmResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/">/
    )
    const described = await query({ Action: 'DescribeAlarms', 'AlarmNames.member.1': 'q' })
    expect(described.body).toContain('<DescribeAlarmsResult><MetricAlarms><member><AlarmName>q</AlarmName>')
    expect(described.body).toContain(
      '<Dimensions><member><Name>Service</Name><Value>web</Value></member></Dimensions>'
    )
    expect(described.body).toContain(
      '<StateUpdatedTimestamp>2026-11-21T10:00:00.000Z</StateUpdatedTimestamp>'
    )
    expect(described.body).toMatch(
      /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata>/
    )
    const missing = await query({
      Action: 'SetAlarmState',
      AlarmName: 'nope',
      StateValue: 'OK',
      StateReason: 'x'
    })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatch(/^<ErrorResponse><Error><Type>Sender<\/Type><Code>ResourceNotFound<\/Code>/)
  })
})
