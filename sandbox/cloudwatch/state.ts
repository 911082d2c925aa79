import type { World } from '../core/world.js'
import type { AlarmRecord, StateValue } from './model.js'

const MAX_HISTORY = 20_000

export function addHistory(
  world: World,
  record: AlarmRecord,
  type: 'ConfigurationUpdate' | 'StateUpdate',
  summary: string,
  data: object,
  now: number
): void {
  world.cw.history.push({
    region: record.alarm.AlarmArn.split(':')[3],
    AlarmName: record.alarm.AlarmName,
    AlarmType: record.type,
    Timestamp: new Date(now),
    HistoryItemType: type,
    HistorySummary: summary,
    HistoryData: JSON.stringify(data)
  })
  if (world.cw.history.length > MAX_HISTORY) world.cw.history.splice(0, world.cw.history.length - MAX_HISTORY)
}

/** Set an alarm's state as CloudWatch does: timestamps, reason, and a StateUpdate history item. */
export function setAlarmState(
  world: World,
  record: AlarmRecord,
  value: StateValue,
  reason: string,
  reasonData: string | undefined,
  now: number
): void {
  const alarm = record.alarm
  const old = { stateValue: alarm.StateValue, stateReason: alarm.StateReason }
  alarm.StateValue = value
  alarm.StateReason = reason
  alarm.StateReasonData = reasonData
  alarm.StateUpdatedTimestamp = new Date(now)
  if (old.stateValue !== value) alarm.StateTransitionedTimestamp = new Date(now)
  let parsed: unknown
  try {
    parsed = reasonData ? JSON.parse(reasonData) : undefined
  } catch {
    parsed = undefined
  }
  addHistory(
    world,
    record,
    'StateUpdate',
    `Alarm updated from ${old.stateValue} to ${value}`,
    {
      version: '1.0',
      oldState: old,
      newState: { stateValue: value, stateReason: reason, stateReasonData: parsed }
    },
    now
  )
}

/** CloudWatch writes `2026-11-21T10:00:05.123+0000` in state reason data. */
export const cwIso = (t: number) => new Date(t).toISOString().replace('Z', '+0000')

/** `21/11/26 10:00:00`, as in CloudWatch state reasons. */
export function reasonDate(t: number): string {
  const d = new Date(t)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}

/** CloudWatch prints whole numbers as `5.0`. */
export const reasonNumber = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n))
