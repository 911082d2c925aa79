// GatesPort on CloudWatch alarms: every gate and warning alarm in one DescribeAlarms per poll (100 names
// per call is CloudWatch's limit, so more are split), metric and composite alike.

import {
  DescribeAlarmsCommand,
  type CloudWatchClient,
  type CompositeAlarm,
  type MetricAlarm
} from '@aws-sdk/client-cloudwatch'
import type { AlarmState, GatesPort } from '../engine/ports.js'

const NAMES_PER_CALL = 100

export interface AlarmGatesOptions {
  cloudwatch: CloudWatchClient
  alarms: string[]
  warningAlarms: string[]
}

export class AlarmGates implements GatesPort {
  constructor(private readonly o: AlarmGatesOptions) {}

  async missing(): Promise<string[]> {
    const found = await this.describe()
    return this.names().filter(name => !found.has(name))
  }

  async read(): Promise<{ alarms: AlarmState[]; warnings: AlarmState[] }> {
    const found = await this.describe()
    // An alarm deleted mid-rollout stays visible as INSUFFICIENT_DATA rather than silently dropping its gate.
    const state = (name: string): AlarmState =>
      found.get(name) ?? { name, state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 }
    return { alarms: this.o.alarms.map(state), warnings: this.o.warningAlarms.map(state) }
  }

  private names(): string[] {
    return [...new Set([...this.o.alarms, ...this.o.warningAlarms])]
  }

  private async describe(): Promise<Map<string, AlarmState>> {
    const found = new Map<string, AlarmState>()
    const names = this.names()
    for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
      let NextToken: string | undefined
      do {
        const out = await this.o.cloudwatch.send(
          new DescribeAlarmsCommand({
            AlarmNames: names.slice(i, i + NAMES_PER_CALL),
            // Without AlarmTypes CloudWatch returns metric alarms only.
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            MaxRecords: NAMES_PER_CALL,
            NextToken
          })
        )
        for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
          if (alarm.AlarmName) found.set(alarm.AlarmName, alarmState(alarm))
        NextToken = out.NextToken
      } while (NextToken)
    }
    return found
  }
}

function alarmState(alarm: MetricAlarm | CompositeAlarm): AlarmState {
  const state =
    alarm.StateValue === 'OK' || alarm.StateValue === 'ALARM' ? alarm.StateValue : 'INSUFFICIENT_DATA'
  // StateTransitionedTimestamp is when the state last changed; StateUpdatedTimestamp also moves when only the
  // reason does, so it is the fallback for emulators without the former.
  const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp
  return { name: alarm.AlarmName ?? '', state, reason: alarm.StateReason ?? '', since: since?.getTime() ?? 0 }
}
