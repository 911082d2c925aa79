// CloudWatch metrics and alarm evaluation on a virtual clock, through the real SDK client (awsJson1_0 query-compatible)
// and through the awsQuery form other clients use.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type CloudWatchClient,
  type MetricDataQuery,
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

const putAt = (name: string, value: number, offsetSeconds: number) =>
  cw.send(
    new PutMetricDataCommand({
      Namespace: 'Sandbox/Test',
      MetricData: [{ MetricName: name, Value: value, Timestamp: new Date(T0 + offsetSeconds * 1000) }]
    })
  )
const metricQuery = (id: string, name: string, stat = 'Sum'): MetricDataQuery => ({
  Id: id,
  MetricStat: { Metric: { Namespace: 'Sandbox/Test', MetricName: name }, Period: 60, Stat: stat },
  ReturnData: false
})
const mathAlarm = (name: string, expression: string, overrides: Partial<PutMetricAlarmCommandInput> = {}) =>
  cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Metrics: [
        metricQuery('errors', 'Errors'),
        metricQuery('requests', 'Requests'),
        { Id: 'e1', Expression: expression, ReturnData: true }
      ],
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      ...overrides
    })
  )
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { Code?: string }) => ({ name: e.name, code: e.Code, message: e.message })
  )

describe('metric math through the API', () => {
  it.each([
    ["SEARCH('{AWS/ApplicationELB,TargetGroup} MetricName=\"RequestCount\"', 'Sum')", 'SEARCH'],
    ['ANOMALY_DETECTION_BAND(errors)', 'ANOMALY_DETECTION_BAND'],
    ['errors / requestz', 'unknown id requestz'],
    ['100 * (errors / requests', 'syntax error'],
    ['SUM(errors)', 'the result must be a time series'],
    ['METRICS()', 'an alarm watches a single time series'],
    ['e1 + 1', 'e1 refers to itself']
  ])('PutMetricAlarm refuses %s with a ValidationError and stores nothing', async (expression, detail) => {
    const error = await failure(mathAlarm('refused', expression))
    expect(error).toMatchObject({ name: 'ValidationException', code: 'ValidationError' })
    expect(error?.message).toMatch(/^Error in expression e1: /)
    expect(error?.message).toContain(detail)
    expect(await state('refused')).toBeUndefined()
  })

  it('GetMetricData refuses what it cannot evaluate, naming the query', async () => {
    const error = await failure(
      cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(T0),
          EndTime: new Date(T0 + 60_000),
          MetricDataQueries: [
            metricQuery('errors', 'Errors'),
            { Id: 'rate', Expression: 'SORT(METRICS(), SUM, DESC)' }
          ]
        })
      )
    )
    expect(error).toEqual({
      name: 'ValidationException',
      code: 'ValidationError',
      message: 'Error in expression rate: the function SORT is not supported by the sandbox.'
    })
  })

  it('evaluates an error-rate alarm with FILL and TreatMissingData', async () => {
    // Errors are published only in minutes that have some, like HTTPCode_Target_5XX_Count.
    await mathAlarm('rate', '100 * FILL(errors, 0) / requests', { EvaluationPeriods: 2 })
    await mathAlarm('raw', '100 * errors / requests', { EvaluationPeriods: 2, TreatMissingData: 'breaching' })
    await putAt('Requests', 100, 10)
    await putAt('Errors', 8, 20)
    await putAt('Requests', 100, 70)
    at(121)
    // Minute 0: 8 %; minute 1: no errors, FILL makes it 0 %, and 0 % is not above 5.
    expect(await state('rate')).toMatchObject({ StateValue: 'OK' })
    // Without FILL, minute 1 still has a datapoint: errors missing counts as 0 next to requests.
    expect(await state('raw')).toMatchObject({ StateValue: 'OK' })
    await putAt('Requests', 100, 130)
    await putAt('Errors', 9, 140)
    await putAt('Requests', 100, 190)
    await putAt('Errors', 7, 200)
    at(241)
    expect(await state('rate')).toMatchObject({
      StateValue: 'ALARM',
      StateReason: expect.stringContaining(
        '2 out of the last 2 datapoints [7.0 (21/11/26 10:03:00), 9.0 (21/11/26 10:02:00)]'
      )
    })
    at(361)
    // No data at all for two minutes: missing data decides.
    expect(await state('rate')).toMatchObject({ StateValue: 'INSUFFICIENT_DATA' })
    expect(await state('raw')).toMatchObject({ StateValue: 'ALARM' })
  })

  it('keeps every other alarm evaluating when one cannot be evaluated, and logs it', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await mathAlarm('broken', 'errors * 2')
      await mathAlarm('healthy', 'errors * 2')
      // Stored alarms are validated; corrupt one in place, as a sandbox bug or a future function could.
      const broken = [...sandbox.state.cw.alarms.values()].find(r => r.alarm.AlarmName === 'broken')!
      if (broken.type === 'MetricAlarm') broken.alarm.Metrics![2].Expression = 'NOPE(errors)'
      await putAt('Errors', 10, 5)
      at(61)
      expect(await state('healthy')).toMatchObject({ StateValue: 'ALARM' })
      expect(await state('broken')).toMatchObject({
        StateValue: 'INSUFFICIENT_DATA',
        StateReason: 'Unable to evaluate the alarm: Error in expression e1: unknown function NOPE.'
      })
      expect(log).toHaveBeenCalledWith(
        'sandbox: alarm broken could not be evaluated:',
        'Error in expression e1: unknown function NOPE.'
      )
      // Further ticks in the same period do not try (and log) again.
      at(80)
      at(100)
      expect(log).toHaveBeenCalledTimes(1)
    } finally {
      log.mockRestore()
    }
  })

  it('pages GetMetricData by MaxDatapoints with NextToken and PartialData', async () => {
    for (let minute = 0; minute < 5; minute++) {
      await putAt('Errors', minute + 1, minute * 60 + 1)
      await putAt('Requests', 10 * (minute + 1), minute * 60 + 1)
    }
    const queries = [
      { ...metricQuery('errors', 'Errors'), ReturnData: true },
      { ...metricQuery('requests', 'Requests'), ReturnData: true },
      { Id: 'rate', Expression: 'errors / requests' }
    ]
    const request = (NextToken?: string) =>
      cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(T0),
          EndTime: new Date(T0 + 300_000),
          MetricDataQueries: queries,
          ScanBy: 'TimestampAscending',
          MaxDatapoints: 4,
          NextToken
        })
      )
    const pages: GetMetricDataCommandOutput[] = []
    let token: string | undefined
    do {
      const page = await request(token)
      pages.push(page)
      token = page.NextToken
    } while (token && pages.length < 10)
    expect(pages).toHaveLength(4)
    expect(pages[0].MetricDataResults!.map(r => [r.Id, r.StatusCode, r.Values])).toEqual([
      ['errors', 'PartialData', [1, 2, 3, 4]],
      ['requests', 'PartialData', []],
      ['rate', 'PartialData', []]
    ])
    const joined = (id: string) => pages.flatMap(p => p.MetricDataResults!.find(r => r.Id === id)!.Values!)
    expect(joined('errors')).toEqual([1, 2, 3, 4, 5])
    expect(joined('requests')).toEqual([10, 20, 30, 40, 50])
    expect(joined('rate')).toEqual([0.1, 0.1, 0.1, 0.1, 0.1])
    expect(pages[3].MetricDataResults!.every(r => r.StatusCode === 'Complete')).toBe(true)
    expect(await failure(request('bm90IGEgdG9rZW4'))).toMatchObject({ name: 'InvalidNextToken' })
  })
})
