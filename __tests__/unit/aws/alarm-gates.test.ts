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

  describe('an ALARM between two reads', () => {
    /** One gate alarm, "web-5xx", whose DescribeAlarms answers come from `looks` in turn; history from `items`. */
    function flipping(
      looks: { state: string; at: number }[],
      items: { at: number; from: string; to: string }[]
    ) {
      let n = 0
      const { client, calls } = fakeClient<CloudWatchClient>({
        DescribeAlarms: () => {
          const look = looks[Math.min(n++, looks.length - 1)]
          return {
            MetricAlarms: [
              {
                AlarmName: 'web-5xx',
                StateValue: look.state,
                StateReason: `now ${look.state}`,
                StateTransitionedTimestamp: new Date(look.at)
              }
            ]
          }
        },
        DescribeAlarmHistory: ({ StartDate, EndDate }: { StartDate: Date; EndDate: Date }) => ({
          AlarmHistoryItems: items
            .filter(i => i.at >= StartDate.getTime() && i.at <= EndDate.getTime())
            .map(i => ({
              AlarmName: 'web-5xx',
              HistoryItemType: 'StateUpdate',
              Timestamp: new Date(i.at),
              HistoryData: JSON.stringify({
                version: '1.0',
                oldState: { stateValue: i.from },
                newState: { stateValue: i.to, stateReason: `Threshold Crossed at ${i.at}` }
              })
            }))
        })
      })
      return { g: new AlarmGates({ cloudwatch: client, alarms: ['web-5xx'], warningAlarms: [] }), calls }
    }

    it('OK, then OK again with a later transition: the history shows the ALARM in between, and the gate fails', async () => {
      const { g, calls } = flipping(
        [
          { state: 'OK', at: 1000 },
          { state: 'OK', at: 5000 }
        ],
        [
          { at: 1000, from: 'INSUFFICIENT_DATA', to: 'OK' },
          { at: 3000, from: 'OK', to: 'ALARM' },
          { at: 5000, from: 'ALARM', to: 'OK' }
        ]
      )
      expect((await g.read()).alarms[0].state).toBe('OK')
      expect((await g.read()).alarms).toEqual([
        {
          name: 'web-5xx',
          state: 'ALARM',
          reason: 'Threshold Crossed at 3000 (back to OK at 1970-01-01T00:00:05.000Z, between two looks)',
          since: 3000
        }
      ])
      expect(calls.map(c => c.name)).toEqual(['DescribeAlarms', 'DescribeAlarms', 'DescribeAlarmHistory'])
      expect(calls[2].input).toMatchObject({
        AlarmName: 'web-5xx',
        HistoryItemType: 'StateUpdate',
        StartDate: new Date(1001),
        EndDate: new Date(5000),
        ScanBy: 'TimestampAscending'
      })
    })

    it('no history call while the state stands still, nor after an ALARM that was seen', async () => {
      const { g, calls } = flipping(
        [
          { state: 'OK', at: 1000 },
          { state: 'OK', at: 1000 },
          { state: 'ALARM', at: 3000 },
          { state: 'OK', at: 5000 }
        ],
        []
      )
      for (let i = 0; i < 4; i++) await g.read()
      expect(calls.map(c => c.name)).toEqual(Array(4).fill('DescribeAlarms'))
    })

    it('a change through INSUFFICIENT_DATA only is no failure', async () => {
      const { g, calls } = flipping(
        [
          { state: 'OK', at: 1000 },
          { state: 'OK', at: 5000 }
        ],
        [
          { at: 3000, from: 'OK', to: 'INSUFFICIENT_DATA' },
          { at: 5000, from: 'INSUFFICIENT_DATA', to: 'OK' }
        ]
      )
      await g.read()
      expect((await g.read()).alarms[0]).toMatchObject({ state: 'OK', since: 5000 })
      expect(calls.map(c => c.name)).toContain('DescribeAlarmHistory')
    })
  })
})
