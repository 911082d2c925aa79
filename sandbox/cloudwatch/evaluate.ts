import type { World } from '../core/world.js'
import type { AlarmRecord, CompositeAlarmRecord, MetricAlarmRecord, StateValue } from './model.js'
import { checkQueries, runQueries, type CheckedQuery } from './queries.js'
import { evalRule, ruleAlarms } from './rule.js'
import { cwIso, reasonDate, reasonNumber, setAlarmState } from './state.js'

const OPERATORS: Record<string, { text: string; breaches: (v: number, t: number) => boolean }> = {
  GreaterThanThreshold: { text: 'greater than', breaches: (v, t) => v > t },
  GreaterThanOrEqualToThreshold: { text: 'greater than or equal to', breaches: (v, t) => v >= t },
  LessThanThreshold: { text: 'less than', breaches: (v, t) => v < t },
  LessThanOrEqualToThreshold: { text: 'less than or equal to', breaches: (v, t) => v <= t }
}

export const SUPPORTED_OPERATORS = Object.keys(OPERATORS)

/** The query an alarm evaluates: its single metric, or its Metrics with ReturnData. */
export function alarmQueries(record: MetricAlarmRecord): {
  queries: CheckedQuery[]
  returned: string
  periodMs: number
} {
  const a = record.alarm
  if (a.Metrics && a.Metrics.length) {
    const queries = checkQueries(a.Metrics)
    const returned = queries.find(q => q.returnData) ?? queries[0]
    const period = queries.find(q => q.metric)?.periodMs ?? returned.periodMs
    return { queries, returned: returned.id, periodMs: period }
  }
  const periodMs = (a.Period ?? 60) * 1000
  const query: CheckedQuery = {
    id: 'm1',
    returnData: true,
    periodMs,
    kind: 'TS',
    metric: {
      namespace: a.Namespace!,
      metricName: a.MetricName!,
      dimensions: (a.Dimensions ?? []).map(d => ({ Name: d.Name!, Value: d.Value! })),
      stat: a.ExtendedStatistic ?? a.Statistic!
    }
  }
  return { queries: [query], returned: 'm1', periodMs }
}

/**
 * Evaluate metric alarms once per completed period, then composites whose children changed. An alarm that
 * cannot be evaluated is that alarm's problem: it goes to INSUFFICIENT_DATA saying why, the sandbox logs it, and
 * every other alarm (and the rest of the simulation step) carries on.
 */
export function evaluateAlarms(world: World, now: number): void {
  for (const record of world.cw.alarms.values()) {
    if (record.type !== 'MetricAlarm') continue
    try {
      evaluateMetricAlarm(world, record, now)
    } catch (e) {
      failedEvaluation(world, record, e, now)
    }
  }
  // Composites can have composite children; a few passes settle any chain of them.
  for (let pass = 0; pass < 5; pass++) {
    let changed = false
    for (const record of world.cw.alarms.values()) {
      if (record.type === 'CompositeAlarm' && evaluateComposite(world, record, now)) changed = true
    }
    if (!changed) break
  }
}

function evaluateMetricAlarm(world: World, record: MetricAlarmRecord, now: number): void {
  const a = record.alarm
  const periodMs = record.periodMs
  const end = Math.floor(now / periodMs) * periodMs
  if (end <= record.lastEvaluatedEnd) return
  // Marked evaluated first: an alarm that cannot be evaluated fails (and is logged) once a period, not every tick.
  record.lastEvaluatedEnd = end
  const { queries, returned } = alarmQueries(record)
  const n = a.EvaluationPeriods ?? 1
  const m = a.DatapointsToAlarm ?? n
  const start = end - n * periodMs
  const region = a.AlarmArn.split(':')[3]
  const result = runQueries(world, region, queries, start, end).get(returned)
  if (result?.kind !== 'TS') throw new Error(`the query ${returned} did not yield a single time series`)
  const points = result.series.points
  const slots: { t: number; value?: number }[] = []
  for (let k = 0; k < n; k++) {
    const t = start + k * periodMs
    slots.push({ t, value: points.get(t) })
  }
  const op = OPERATORS[a.ComparisonOperator!]
  const threshold = a.Threshold ?? 0
  const treat = a.TreatMissingData ?? 'missing'
  const present = slots.filter(s => s.value !== undefined) as { t: number; value: number }[]
  const breaching = present.filter(s => op.breaches(s.value, threshold))
  const missingBreaches = treat === 'breaching' ? n - present.length : 0
  const recent = (list: { t: number; value: number }[]) =>
    [...list]
      .reverse()
      .map(s => `${reasonNumber(s.value)} (${reasonDate(s.t)})`)
      .join(', ')
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`

  let state: StateValue
  let reason: string
  if (present.length === 0 && (treat === 'missing' || treat === 'ignore')) {
    if (treat === 'ignore') return
    state = 'INSUFFICIENT_DATA'
    reason = `Insufficient Data: ${plural(n, 'datapoint')} ${n === 1 ? 'was' : 'were'} unknown.`
  } else if (breaching.length + missingBreaches >= m) {
    state = 'ALARM'
    reason =
      present.length === 0
        ? `Threshold Crossed: no datapoints were received for ${plural(n, 'period')} and ${plural(n, 'missing datapoint')} ${n === 1 ? 'was' : 'were'} treated as [Breaching].`
        : `Threshold Crossed: ${breaching.length + missingBreaches} out of the last ${n} datapoints [${recent(breaching)}] ` +
          `${breaching.length + missingBreaches === 1 ? 'was' : 'were'} ${op.text} the threshold (${reasonNumber(threshold)}) ` +
          `(minimum ${plural(m, 'datapoint')} for OK -> ALARM transition).`
  } else {
    state = 'OK'
    const ok = present.filter(s => !op.breaches(s.value, threshold))
    reason =
      ok.length === 0
        ? `Threshold Crossed: no datapoints were received for ${plural(n, 'period')} and ${plural(n, 'missing datapoint')} ${n === 1 ? 'was' : 'were'} treated as [NonBreaching].`
        : `Threshold Crossed: ${plural(ok.length, 'datapoint')} [${recent(ok)}] ${ok.length === 1 ? 'was' : 'were'} not ${op.text} the threshold (${reasonNumber(threshold)}).`
  }
  if (state === a.StateValue) return
  const reasonData = JSON.stringify({
    version: '1.0',
    queryDate: cwIso(now),
    startDate: cwIso(start),
    statistic: a.Statistic,
    unit: a.Unit,
    period: periodMs / 1000,
    recentDatapoints: present.map(s => s.value),
    threshold,
    evaluatedDatapoints: [...present].reverse().map(s => ({ timestamp: cwIso(s.t), value: s.value }))
  })
  setAlarmState(world, record, state, reason, reasonData, now)
}

function failedEvaluation(world: World, record: MetricAlarmRecord, error: unknown, now: number): void {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`sandbox: alarm ${record.alarm.AlarmName} could not be evaluated:`, message)
  const reason = `Unable to evaluate the alarm: ${message}`
  if (record.alarm.StateValue === 'INSUFFICIENT_DATA' && record.alarm.StateReason === reason) return
  setAlarmState(world, record, 'INSUFFICIENT_DATA', reason, undefined, now)
}

function childOf(world: World, region: string, ref: string): AlarmRecord | undefined {
  const arn = ref.startsWith('arn:') ? ref : `arn:aws:cloudwatch:${region}:123456789012:alarm:${ref}`
  return world.cw.alarms.get(arn)
}

/** Re-evaluate a composite when one of its children changed state since it last looked. */
function evaluateComposite(world: World, record: CompositeAlarmRecord, now: number): boolean {
  const region = record.alarm.AlarmArn.split(':')[3]
  const children = ruleAlarms(record.rule).map(ref => childOf(world, region, ref))
  const latest = Math.max(0, ...children.map(c => +(c?.alarm.StateTransitionedTimestamp ?? 0)))
  if (record.evaluated && latest <= record.evaluatedChildChangeAt) return false
  record.evaluated = true
  record.evaluatedChildChangeAt = latest
  const inAlarm = evalRule(record.rule, ref => childOf(world, region, ref)?.alarm.StateValue)
  const state: StateValue = inAlarm ? 'ALARM' : 'OK'
  if (state === record.alarm.StateValue) return false
  const triggering = children
    .filter((c): c is AlarmRecord => c !== undefined && +(c.alarm.StateTransitionedTimestamp ?? 0) === latest)
    .map(c => ({ arn: c.alarm.AlarmArn, state: { value: c.alarm.StateValue, timestamp: cwIso(latest) } }))
  const first = triggering[0]
  const reason = first
    ? `${first.arn} transitioned to ${first.state.value} at ${new Date(latest).toUTCString()}`
    : `Alarm rule ${record.alarm.AlarmRule} evaluated to ${inAlarm ? 'TRUE' : 'FALSE'}`
  setAlarmState(world, record, state, reason, JSON.stringify({ triggeringAlarms: triggering }), now)
  return true
}
