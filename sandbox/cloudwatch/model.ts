import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch'

export interface Dimension {
  Name: string
  Value: string
}

/** One published datapoint; raw values (with counts) are kept so percentiles can be computed. */
export interface Datapoint {
  t: number
  sampleCount: number
  sum: number
  min: number
  max: number
  values?: { value: number; count: number }[]
}

export interface Series {
  region: string
  namespace: string
  metricName: string
  dimensions: Dimension[]
  unit?: string
  points: Datapoint[]
}

export type StateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

/** A parsed composite AlarmRule: ALARM(x)/OK(x)/INSUFFICIENT_DATA(x), TRUE/FALSE, NOT, AND, OR, parentheses. */
export type RuleNode =
  | { kind: 'state'; state: StateValue; alarm: string }
  | { kind: 'const'; value: boolean }
  | { kind: 'not'; node: RuleNode }
  | { kind: 'and' | 'or'; left: RuleNode; right: RuleNode }

export interface MetricAlarmRecord {
  type: 'MetricAlarm'
  alarm: MetricAlarm & { AlarmName: string; AlarmArn: string; StateValue: StateValue }
  /** End (epoch ms) of the last period the alarm was evaluated for; evaluation happens once per completed period. */
  lastEvaluatedEnd: number
  /** The alarm's period, fixed when it is put, so deciding whether it is due needs no look at its queries. */
  periodMs: number
}

export interface CompositeAlarmRecord {
  type: 'CompositeAlarm'
  alarm: CompositeAlarm & { AlarmName: string; AlarmArn: string; AlarmRule: string; StateValue: StateValue }
  rule: RuleNode
  /** Latest child state change already taken into account. */
  evaluatedChildChangeAt: number
  evaluated: boolean
}

export type AlarmRecord = MetricAlarmRecord | CompositeAlarmRecord

export interface HistoryRecord {
  region: string
  AlarmName: string
  AlarmType: 'MetricAlarm' | 'CompositeAlarm'
  Timestamp: Date
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action'
  HistorySummary: string
  HistoryData: string
}
