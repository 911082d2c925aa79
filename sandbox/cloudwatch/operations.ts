import { op, type Operation } from '../core/operation.js'
import {
  deleteAlarms,
  describeAlarmHistory,
  describeAlarms,
  putCompositeAlarm,
  putMetricAlarm,
  setAlarmStateOperation
} from './alarms.js'
import { getMetricData, listMetrics, putMetricData } from './metricsApi.js'

export const cloudwatchOperations: Record<string, Operation> = {
  PutMetricData: op(putMetricData),
  GetMetricData: op(getMetricData),
  ListMetrics: op(listMetrics),
  PutMetricAlarm: op(putMetricAlarm),
  PutCompositeAlarm: op(putCompositeAlarm),
  DescribeAlarms: op(describeAlarms),
  SetAlarmState: op(setAlarmStateOperation),
  DescribeAlarmHistory: op(describeAlarmHistory),
  DeleteAlarms: op(deleteAlarms)
}
