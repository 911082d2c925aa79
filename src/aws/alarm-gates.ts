// GatesPort on CloudWatch alarms: every gate and warning alarm in one DescribeAlarms per poll (100 names
// per call is CloudWatch's limit, so more are split), metric and composite alike. A gate alarm that went into
// ALARM and out again between two polls is found in its history, so no ALARM goes unseen.

import type { CloudWatchClient, CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch'
import { cloudWatchSdk } from './clients.js'
import type { AlarmState, Clock, GatesPort } from '../engine/ports.js'
import { SharedRead, SharedReads, type AlarmAnswer } from './shared-reads.js'

const NAMES_PER_CALL = 100

/** The alarms of one region, read by name, 100 names a call (every page of it). */
export function alarmReads(
  cloudwatch: CloudWatchClient,
  clock: Pick<Clock, 'now'>
): SharedReads<AlarmAnswer> {
  return new SharedReads<AlarmAnswer>({
    clock,
    perCall: NAMES_PER_CALL,
    async fetch(names) {
      const found = new Map<string, AlarmAnswer>(names.map(name => [name, undefined]))
      let NextToken: string | undefined
      do {
        const out = await cloudwatch.send(
          new (await cloudWatchSdk()).DescribeAlarmsCommand({
            AlarmNames: names,
            // Without AlarmTypes CloudWatch returns metric alarms only.
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            MaxRecords: NAMES_PER_CALL,
            NextToken
          })
        )
        for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
          if (alarm.AlarmName && found.has(alarm.AlarmName)) found.set(alarm.AlarmName, alarm)
        NextToken = out.NextToken
      } while (NextToken)
      return found
    }
  })
}

export interface AlarmGatesOptions {
  cloudwatch: CloudWatchClient
  alarms: string[]
  warningAlarms: string[]
  /** The run's reader of this region's alarms, shared with other services' gates; otherwise one of their own. */
  reads?: SharedReads<AlarmAnswer>
  /** How old a shared read a poll accepts: the poll-interval (0 without sharing). */
  maxAgeMs?: number
}

export class AlarmGates implements GatesPort {
  /** Each alarm as the last read saw it. */
  private previous = new Map<string, AlarmState>()
  private readonly reads: SharedRead<AlarmAnswer>

  constructor(private readonly o: AlarmGatesOptions) {
    const reads = o.reads ?? alarmReads(o.cloudwatch, { now: () => Date.now() })
    this.reads = new SharedRead(reads, this.names())
  }

  async missing(): Promise<string[]> {
    const { found } = await this.describe(0)
    return this.names().filter(name => !found.has(name))
  }

  async read(): Promise<{ alarms: AlarmState[]; warnings: AlarmState[]; readAt?: number }> {
    const { found, at } = await this.describe(this.o.maxAgeMs ?? 0)
    await this.findHiddenAlarms(found)
    this.previous = found
    // An alarm deleted mid-rollout stays visible as INSUFFICIENT_DATA rather than silently dropping its gate.
    const state = (name: string): AlarmState =>
      found.get(name) ?? { name, state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 }
    const alarms = { alarms: this.o.alarms.map(state), warnings: this.o.warningAlarms.map(state) }
    // A read of their own is sent by this poll; a shared one may be another service's (the loop wants when).
    return this.o.reads ? { ...alarms, readAt: at } : alarms
  }

  /**
   * A gate alarm can go into ALARM and out again between two reads: a short evaluation period, a poll stretched by
   * throttling. It is not in ALARM now, yet it has changed state since the last read (its transition time moved):
   * its history says whether it was in ALARM in between. That costs one DescribeAlarmHistory per such change,
   * none while the alarms stand still.
   */
  private async findHiddenAlarms(found: Map<string, AlarmState>): Promise<void> {
    for (const name of this.o.alarms) {
      const now = found.get(name)
      const before = this.previous.get(name)
      if (!now || !before || now.state === 'ALARM' || before.state === 'ALARM' || now.since <= before.since)
        continue
      const hidden = await this.alarmBetween(name, before.since, now)
      if (hidden) found.set(name, hidden)
    }
  }

  /** The first transition into ALARM after `after` and up to the alarm's current state, as a gate state. */
  private async alarmBetween(name: string, after: number, now: AlarmState): Promise<AlarmState | undefined> {
    let NextToken: string | undefined
    do {
      const out = await this.o.cloudwatch.send(
        new (await cloudWatchSdk()).DescribeAlarmHistoryCommand({
          AlarmName: name,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          HistoryItemType: 'StateUpdate',
          StartDate: new Date(after + 1),
          EndDate: new Date(now.since),
          ScanBy: 'TimestampAscending',
          MaxRecords: 100,
          NextToken
        })
      )
      for (const item of out.AlarmHistoryItems ?? []) {
        const entered = enteredAlarm(item.HistoryData)
        if (entered === undefined || !item.Timestamp) continue
        const back = `back to ${now.state} at ${new Date(now.since).toISOString()}, between two looks`
        return { name, state: 'ALARM', reason: `${entered} (${back})`, since: item.Timestamp.getTime() }
      }
      NextToken = out.NextToken
    } while (NextToken)
    return undefined
  }

  private names(): string[] {
    return [...new Set([...this.o.alarms, ...this.o.warningAlarms])]
  }

  /** Every alarm that exists, by name; `at`: when the read was sent. */
  private async describe(maxAgeMs: number): Promise<{ found: Map<string, AlarmState>; at: number }> {
    const { values, at } = await this.reads.take(maxAgeMs)
    const found = new Map<string, AlarmState>()
    for (const [name, alarm] of values) if (alarm) found.set(name, alarmState(alarm))
    return { found, at }
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

/** A StateUpdate history item's reason, when it is a transition into ALARM. */
function enteredAlarm(data: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(data ?? '') as { newState?: { stateValue?: string; stateReason?: string } }
    return parsed.newState?.stateValue === 'ALARM' ? (parsed.newState.stateReason ?? '') : undefined
  } catch {
    return undefined
  }
}
