import type {
  CompositeAlarm,
  DeleteAlarmsInput,
  DescribeAlarmHistoryInput,
  DescribeAlarmHistoryOutput,
  DescribeAlarmsInput,
  DescribeAlarmsOutput,
  MetricAlarm,
  PutCompositeAlarmInput,
  PutMetricAlarmInput,
  SetAlarmStateInput
} from '@aws-sdk/client-cloudwatch'
import { alarmArn } from '../core/arn.js'
import { ApiError, cwErrors } from '../core/errors.js'
import {
  list,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  requireString,
  toDate
} from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { SUPPORTED_OPERATORS, alarmQueries } from './evaluate.js'
import { isSupportedStatistic } from './metrics.js'
import type { AlarmRecord, StateValue } from './model.js'
import { checkQueries, dimensionsOf, expressionError } from './queries.js'
import { parseRule, ruleAlarms } from './rule.js'
import { addHistory, setAlarmState } from './state.js'

const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA']
const TREAT_MISSING = ['breaching', 'notBreaching', 'ignore', 'missing']
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']

const num = (value: unknown, name: string) => optionalNumber(value, name, cwErrors.invalidValue)
const int = (value: unknown, name: string) => optionalInteger(value, name, cwErrors.invalidValue)
const strings = (value: unknown) => list(value as string[])

function alarmName(value: unknown): string {
  const name = requireString(value, 'AlarmName', cwErrors.missing)
  if (name.length > 255)
    throw cwErrors.invalidValue('The parameter AlarmName must be at most 255 characters.')
  return name
}

function existing(ctx: Ctx, name: string): AlarmRecord | undefined {
  return ctx.world.cw.alarms.get(alarmArn(ctx.region, name))
}

export function putMetricAlarm(ctx: Ctx, input: PutMetricAlarmInput): object {
  const name = alarmName(input.AlarmName)
  const evaluationPeriods = int(input.EvaluationPeriods, 'EvaluationPeriods')
  if (evaluationPeriods === undefined) throw cwErrors.missing('EvaluationPeriods')
  if (evaluationPeriods < 1)
    throw cwErrors.invalidValue('The parameter EvaluationPeriods must be at least 1.')
  const datapoints = int(input.DatapointsToAlarm, 'DatapointsToAlarm')
  if (datapoints !== undefined && (datapoints < 1 || datapoints > evaluationPeriods)) {
    throw cwErrors.invalidValue('DatapointsToAlarm must be between 1 and EvaluationPeriods.')
  }
  const operator = requireString(input.ComparisonOperator, 'ComparisonOperator', cwErrors.missing)
  if (!SUPPORTED_OPERATORS.includes(operator)) {
    throw cwErrors.invalidValue(
      `The value ${operator} for parameter ComparisonOperator is not supported by the sandbox (anomaly detection bands are not simulated).`
    )
  }
  const threshold = num(input.Threshold, 'Threshold')
  if (threshold === undefined) throw cwErrors.missing('Threshold')
  const treat = input.TreatMissingData ?? 'missing'
  if (!TREAT_MISSING.includes(treat))
    throw cwErrors.invalidValue(`The value ${treat} for parameter TreatMissingData is invalid.`)
  const metrics = list(input.Metrics)
  let period: number | undefined
  if (metrics.length) {
    if (input.MetricName || input.Namespace || input.Statistic || input.ExtendedStatistic) {
      throw cwErrors.invalidCombination('Metrics cannot be combined with MetricName, Namespace or Statistic.')
    }
    const queries = checkQueries(metrics)
    const returned = queries.filter(q => q.returnData)
    if (returned.length !== 1) {
      throw cwErrors.invalidValue('Exactly one element of the Metrics list must have ReturnData set to true.')
    }
    if (returned[0].kind !== 'TS') {
      throw expressionError(
        returned[0].id,
        'an alarm watches a single time series, not an array of time series'
      )
    }
  } else {
    requireString(input.MetricName, 'MetricName', cwErrors.missing)
    requireString(input.Namespace, 'Namespace', cwErrors.missing)
    if (input.Statistic && input.ExtendedStatistic) {
      throw cwErrors.invalidCombination('Statistic and ExtendedStatistic cannot both be specified.')
    }
    if (!input.Statistic && !input.ExtendedStatistic) throw cwErrors.missing('Statistic or ExtendedStatistic')
    if (input.Statistic && !STATISTICS.includes(input.Statistic)) {
      throw cwErrors.invalidValue(`The value ${input.Statistic} for parameter Statistic is invalid.`)
    }
    if (input.ExtendedStatistic && !isSupportedStatistic(input.ExtendedStatistic)) {
      throw cwErrors.invalidValue(
        `The value ${input.ExtendedStatistic} for parameter ExtendedStatistic is invalid.`
      )
    }
    period = int(input.Period, 'Period')
    if (period === undefined) throw cwErrors.missing('Period')
    // CloudWatch requires 10, 20, 30 or a multiple of 60; the sandbox accepts any whole second so tests run fast.
    if (period < 1) throw cwErrors.invalidValue('The parameter Period must be at least 1 second.')
  }
  const now = new Date(ctx.now)
  const arn = alarmArn(ctx.region, name)
  const previous = ctx.world.cw.alarms.get(arn)
  if (previous && previous.type !== 'MetricAlarm') {
    throw cwErrors.invalidValue(`The alarm ${name} is a composite alarm.`)
  }
  const alarm: MetricAlarm & { AlarmName: string; AlarmArn: string; StateValue: StateValue } = {
    AlarmName: name,
    AlarmArn: arn,
    AlarmDescription: input.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: now,
    ActionsEnabled: optionalBoolean(input.ActionsEnabled) ?? true,
    OKActions: strings(input.OKActions),
    AlarmActions: strings(input.AlarmActions),
    InsufficientDataActions: strings(input.InsufficientDataActions),
    // An update keeps the alarm's state, as CloudWatch does.
    StateValue: previous?.alarm.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: previous?.alarm.StateReason ?? 'Unchecked: Initial alarm creation',
    StateReasonData: previous?.alarm.StateReasonData,
    StateUpdatedTimestamp: previous?.alarm.StateUpdatedTimestamp ?? now,
    StateTransitionedTimestamp: previous?.alarm.StateTransitionedTimestamp ?? now,
    MetricName: input.MetricName,
    Namespace: input.Namespace,
    Statistic: input.Statistic,
    ExtendedStatistic: input.ExtendedStatistic,
    Dimensions: metrics.length ? undefined : dimensionsOf(input.Dimensions),
    Period: period,
    Unit: input.Unit,
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: datapoints,
    Threshold: threshold,
    ComparisonOperator: operator as MetricAlarm['ComparisonOperator'],
    TreatMissingData: treat,
    EvaluateLowSampleCountPercentile: input.EvaluateLowSampleCountPercentile,
    Metrics: metrics.length ? metrics : undefined
  }
  const record: AlarmRecord = { type: 'MetricAlarm', alarm, lastEvaluatedEnd: 0, periodMs: 0 }
  record.periodMs = alarmQueries(record).periodMs
  record.lastEvaluatedEnd = Math.floor(ctx.now / record.periodMs) * record.periodMs
  ctx.world.cw.alarms.set(arn, record)
  addHistory(
    ctx.world,
    record,
    'ConfigurationUpdate',
    `Alarm "${name}" ${previous ? 'updated' : 'created'}`,
    { version: '1.0', type: previous ? 'Update' : 'Create' },
    ctx.now
  )
  return {}
}

export function putCompositeAlarm(ctx: Ctx, input: PutCompositeAlarmInput): object {
  const name = alarmName(input.AlarmName)
  const ruleText = requireString(input.AlarmRule, 'AlarmRule', cwErrors.missing)
  if (ruleText.length > 10240)
    throw cwErrors.invalidValue('The parameter AlarmRule must be at most 10240 characters.')
  let rule
  try {
    rule = parseRule(ruleText)
  } catch (e) {
    throw cwErrors.invalidValue(`Error in alarm rule: ${(e as Error).message}`)
  }
  const arn = alarmArn(ctx.region, name)
  const missing = ruleAlarms(rule).filter(ref => {
    const childArn = ref.startsWith('arn:') ? ref : alarmArn(ctx.region, ref)
    return childArn === arn || !ctx.world.cw.alarms.has(childArn)
  })
  if (missing.length) {
    throw cwErrors.invalidValue(
      `Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`
    )
  }
  const previous = ctx.world.cw.alarms.get(arn)
  if (previous && previous.type !== 'CompositeAlarm')
    throw cwErrors.invalidValue(`The alarm ${name} is a metric alarm.`)
  const now = new Date(ctx.now)
  const alarm: CompositeAlarm & {
    AlarmName: string
    AlarmArn: string
    AlarmRule: string
    StateValue: StateValue
  } = {
    AlarmName: name,
    AlarmArn: arn,
    AlarmDescription: input.AlarmDescription,
    AlarmRule: ruleText,
    AlarmConfigurationUpdatedTimestamp: now,
    ActionsEnabled: optionalBoolean(input.ActionsEnabled) ?? true,
    OKActions: strings(input.OKActions),
    AlarmActions: strings(input.AlarmActions),
    InsufficientDataActions: strings(input.InsufficientDataActions),
    StateValue: previous?.alarm.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: previous?.alarm.StateReason ?? 'Unchecked: Initial alarm creation',
    StateReasonData: previous?.alarm.StateReasonData,
    StateUpdatedTimestamp: previous?.alarm.StateUpdatedTimestamp ?? now,
    StateTransitionedTimestamp: previous?.alarm.StateTransitionedTimestamp ?? now
  }
  const record: AlarmRecord = {
    type: 'CompositeAlarm',
    alarm,
    rule,
    evaluatedChildChangeAt: 0,
    evaluated: false
  }
  ctx.world.cw.alarms.set(arn, record)
  addHistory(
    ctx.world,
    record,
    'ConfigurationUpdate',
    `Alarm "${name}" ${previous ? 'updated' : 'created'}`,
    { version: '1.0', type: previous ? 'Update' : 'Create' },
    ctx.now
  )
  return {}
}

function pageOf<T>(items: T[], maxRecords: number | undefined, token: string | undefined, limit: number) {
  const size = maxRecords ?? limit
  if (size < 1 || size > 100)
    throw cwErrors.invalidValue('The parameter MaxRecords must be between 1 and 100.')
  let start = 0
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString())
    if (!Number.isInteger(start) || start < 0) throw cwErrors.invalidNextToken()
  }
  const next =
    start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined
  return { items: items.slice(start, start + size), next }
}

export function describeAlarms(ctx: Ctx, input: DescribeAlarmsInput): DescribeAlarmsOutput {
  const names = strings(input.AlarmNames)
  if (names.length && input.AlarmNamePrefix) {
    throw cwErrors.invalidCombination('AlarmNames and AlarmNamePrefix cannot be specified together.')
  }
  if (names.length > 100) throw cwErrors.invalidValue('AlarmNames can have at most 100 items.')
  const types = strings(input.AlarmTypes)
  // Without AlarmTypes only metric alarms come back (DescribeAlarms API reference).
  const wanted = new Set(types.length ? types : ['MetricAlarm'])
  if (input.StateValue && !STATES.includes(input.StateValue)) {
    throw cwErrors.invalidValue(`The value ${input.StateValue} for parameter StateValue is invalid.`)
  }
  let children: Set<string> | undefined
  if (input.ChildrenOfAlarmName) {
    const parent = existing(ctx, input.ChildrenOfAlarmName)
    children = new Set(
      parent?.type === 'CompositeAlarm' ? ruleAlarms(parent.rule).map(r => r.split(':alarm:').pop()!) : []
    )
  }
  const matches = [...ctx.world.cw.alarms.values()]
    .filter(r => r.alarm.AlarmArn.split(':')[3] === ctx.region)
    .filter(r => wanted.has(r.type))
    .filter(r => !names.length || names.includes(r.alarm.AlarmName))
    .filter(r => !input.AlarmNamePrefix || r.alarm.AlarmName.startsWith(input.AlarmNamePrefix))
    .filter(r => !input.StateValue || r.alarm.StateValue === input.StateValue)
    .filter(
      r => !input.ActionPrefix || (r.alarm.AlarmActions ?? []).some(a => a.startsWith(input.ActionPrefix!))
    )
    .filter(r => !children || children.has(r.alarm.AlarmName))
    .filter(r => {
      if (!input.ParentsOfAlarmName) return true
      return (
        r.type === 'CompositeAlarm' &&
        ruleAlarms(r.rule).some(ref => ref.split(':alarm:').pop() === input.ParentsOfAlarmName)
      )
    })
    .sort((a, b) => a.alarm.AlarmName.localeCompare(b.alarm.AlarmName))
  const { items, next } = pageOf(matches, int(input.MaxRecords, 'MaxRecords'), input.NextToken, 50)
  return {
    MetricAlarms: items.filter(r => r.type === 'MetricAlarm').map(r => r.alarm),
    CompositeAlarms: items.filter(r => r.type === 'CompositeAlarm').map(r => r.alarm),
    NextToken: next
  }
}

export function setAlarmStateOperation(ctx: Ctx, input: SetAlarmStateInput): object {
  const name = alarmName(input.AlarmName)
  const value = requireString(input.StateValue, 'StateValue', cwErrors.missing)
  if (!STATES.includes(value))
    throw cwErrors.invalidValue(`The value ${value} for parameter StateValue is invalid.`)
  const reason = requireString(input.StateReason, 'StateReason', cwErrors.missing)
  if (reason.length > 1023)
    throw cwErrors.invalidValue('The parameter StateReason must be at most 1023 characters.')
  if (input.StateReasonData) {
    try {
      JSON.parse(input.StateReasonData)
    } catch {
      throw new ApiError(
        'InvalidFormatFault',
        'The parameter StateReasonData is not valid JSON.',
        400,
        'InvalidFormat'
      )
    }
  }
  const record = existing(ctx, name)
  if (!record) throw cwErrors.notFound(`Alarm ${name} not found`)
  // The state holds until the next evaluation, which may change it back (SetAlarmState API reference).
  setAlarmState(ctx.world, record, value as StateValue, reason, input.StateReasonData, ctx.now)
  return {}
}

export function deleteAlarms(ctx: Ctx, input: DeleteAlarmsInput): object {
  const names = strings(input.AlarmNames)
  if (names.length === 0) throw cwErrors.missing('AlarmNames')
  if (names.length > 100) throw cwErrors.invalidValue('AlarmNames can have at most 100 items.')
  // Names that do not exist are ignored, so deleting is idempotent.
  for (const name of names) {
    const record = existing(ctx, name)
    if (!record) continue
    addHistory(
      ctx.world,
      record,
      'ConfigurationUpdate',
      `Alarm "${name}" deleted`,
      { version: '1.0', type: 'Delete' },
      ctx.now
    )
    ctx.world.cw.alarms.delete(record.alarm.AlarmArn)
  }
  return {}
}

export function describeAlarmHistory(ctx: Ctx, input: DescribeAlarmHistoryInput): DescribeAlarmHistoryOutput {
  const types = strings(input.AlarmTypes)
  const wanted = new Set(types.length ? types : ['MetricAlarm'])
  const start = toDate(input.StartDate, 'StartDate', cwErrors.invalidValue)
  const end = toDate(input.EndDate, 'EndDate', cwErrors.invalidValue)
  const items = ctx.world.cw.history
    .filter(h => h.region === ctx.region && wanted.has(h.AlarmType))
    .filter(h => !input.AlarmName || h.AlarmName === input.AlarmName)
    .filter(h => !input.HistoryItemType || h.HistoryItemType === input.HistoryItemType)
    .filter(h => !start || h.Timestamp >= start)
    .filter(h => !end || h.Timestamp <= end)
  if (input.ScanBy !== 'TimestampAscending') items.reverse()
  const { items: pageItems, next } = pageOf(items, int(input.MaxRecords, 'MaxRecords'), input.NextToken, 100)
  return {
    AlarmHistoryItems: pageItems.map(({ region: _region, ...item }) => item),
    NextToken: next
  }
}
