import { describe, expect, it } from '@jest/globals'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { AlarmGates } from '../../../src/aws/alarm-gates.js'
import { fakeClient } from '../../helpers/fake-client.js'

const alarm = (name: string, state = 'OK') => ({
  AlarmName: name,
  StateValue: state,
  StateReason: `${name} is ${state}`,
  StateUpdatedTimestamp: new Date(2000),
  StateTransitionedTimestamp: new Date(1000)
})

function gates(alarms: string[], warningAlarms: string[], exists: (name: string) => boolean = () => true) {
  const { client, calls } = fakeClient<CloudWatchClient>({
    DescribeAlarms: ({ AlarmNames }: { AlarmNames: string[] }) => ({
      MetricAlarms: AlarmNames.filter(n => exists(n) && !n.startsWith('composite')).map(n => alarm(n)),
      CompositeAlarms: AlarmNames.filter(n => exists(n) && n.startsWith('composite')).map(n =>
        alarm(n, 'ALARM')
      )
    })
  })
  return { gates: new AlarmGates({ cloudwatch: client, alarms, warningAlarms }), calls }
}

describe('AlarmGates', () => {
  it('reads gates and warnings, metric and composite, in one call', async () => {
    const { gates: g, calls } = gates(['web-5xx', 'composite-health'], ['web-latency', 'web-5xx'])
    expect(await g.read()).toEqual({
      alarms: [
        { name: 'web-5xx', state: 'OK', reason: 'web-5xx is OK', since: 1000 },
        { name: 'composite-health', state: 'ALARM', reason: 'composite-health is ALARM', since: 1000 }
      ],
      warnings: [
        { name: 'web-latency', state: 'OK', reason: 'web-latency is OK', since: 1000 },
        { name: 'web-5xx', state: 'OK', reason: 'web-5xx is OK', since: 1000 }
      ]
    })
    expect(calls).toEqual([
      {
        name: 'DescribeAlarms',
        input: {
          AlarmNames: ['web-5xx', 'composite-health', 'web-latency'],
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          MaxRecords: 100,
          NextToken: undefined
        }
      }
    ])
  })

  it('splits more than 100 names into calls of at most 100', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `alarm-${i}`)
    const { gates: g, calls } = gates(names.slice(0, 120), names.slice(120))
    const { alarms, warnings } = await g.read()
    expect(calls.map(c => c.input.AlarmNames.length)).toEqual([100, 50])
    expect(alarms).toHaveLength(120)
    expect(warnings.map(w => w.name)).toEqual(names.slice(120))
  })

  it('follows NextToken', async () => {
    const { client, calls } = fakeClient<CloudWatchClient>({
      DescribeAlarms: ({ NextToken }: { NextToken?: string }) =>
        NextToken ? { MetricAlarms: [alarm('b')] } : { MetricAlarms: [alarm('a')], NextToken: 'next' }
    })
    const g = new AlarmGates({ cloudwatch: client, alarms: ['a', 'b'], warningAlarms: [] })
    expect((await g.read()).alarms.map(a => a.name)).toEqual(['a', 'b'])
    expect(calls.map(c => c.input.NextToken)).toEqual([undefined, 'next'])
  })

  it('names the alarms that do not exist, and shows one deleted later as INSUFFICIENT_DATA', async () => {
    const { gates: g } = gates(['web-5xx', 'typo'], ['gone'], name => name === 'web-5xx')
    expect(await g.missing()).toEqual(['typo', 'gone'])
    expect((await g.read()).warnings).toEqual([
      { name: 'gone', state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 }
    ])
  })

  it('makes no call without alarms, and falls back to StateUpdatedTimestamp', async () => {
    const { gates: none, calls } = gates([], [])
    expect(await none.missing()).toEqual([])
    expect(calls).toEqual([])
    const { client } = fakeClient<CloudWatchClient>({
      DescribeAlarms: () => ({
        MetricAlarms: [
          { AlarmName: 'a', StateValue: 'INSUFFICIENT_DATA', StateUpdatedTimestamp: new Date(5) }
        ]
      })
    })
    const g = new AlarmGates({ cloudwatch: client, alarms: ['a'], warningAlarms: [] })
    expect((await g.read()).alarms).toEqual([{ name: 'a', state: 'INSUFFICIENT_DATA', reason: '', since: 5 }])
  })
})
