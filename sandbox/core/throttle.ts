// Shared API rate limits: one token bucket per operation category, per account and Region, drawn on by every
// client, at the rates AWS documents (/work/shared/reference/aws-api.md §4, the ECS and ELB "Request throttling"
// pages, CloudWatch's service quotas). Where no figure is published the sandbox picks one and says so.
import type { RealismState } from './realism.js'

interface Rate {
  /** The bucket's name: operations in one category share it. */
  bucket: string
  burst: number
  perSecond: number
}

const rate = (bucket: string, burst: number, perSecond: number, operations: string[]) =>
  operations.map(op => [op, { bucket, burst, perSecond }] as const)

/** Documented ECS categories (ECS API Reference, "Request throttling"). */
const ECS = new Map<string, Rate>([
  ...rate('service-read', 100, 20, ['DescribeServices', 'ListServices']),
  ...rate('service-modify', 50, 5, ['CreateService', 'UpdateService', 'DeleteService']),
  ...rate('service-deployment', 50, 20, [
    'DescribeServiceDeployments',
    'ListServiceDeployments',
    'DescribeServiceRevisions'
  ]),
  ...rate('task-definition-modify', 20, 1, ['RegisterTaskDefinition', 'DeregisterTaskDefinition']),
  ...rate('task-definition-read', 50, 20, [
    'DescribeTaskDefinition',
    'ListTaskDefinitions',
    'ListTaskDefinitionFamilies'
  ]),
  ...rate('tag-modify', 20, 10, ['TagResource', 'UntagResource']),
  ...rate('tag-read', 50, 20, ['ListTagsForResource']),
  ...rate('cluster-resource-read', 100, 20, ['DescribeTasks', 'ListTasks']),
  ...rate('cluster-read', 50, 20, ['DescribeClusters', 'ListClusters'])
])

/** CloudWatch's per-operation TPS quotas; a TPS quota is a bucket of one second's worth. */
const CLOUDWATCH = new Map<string, Rate>(
  (
    [
      ['DescribeAlarms', 9],
      ['DescribeAlarmsForMetric', 9],
      ['SetAlarmState', 3],
      ['PutMetricAlarm', 3],
      ['GetMetricData', 500]
    ] as const
  ).map(([op, tps]) => [op, { bucket: op, burst: tps, perSecond: tps }])
)

/** ELB API version 2: Describe* share one bucket of 40 refilled at 10 a second. */
const ELB_DESCRIBE: Rate = { bucket: 'describe', burst: 40, perSecond: 10 }

/** No published figure: the sandbox's own choice, as strict as the documented neighbours. */
const UNDOCUMENTED_READ = { burst: 50, perSecond: 20 }
const UNDOCUMENTED_WRITE = { burst: 20, perSecond: 5 }

export function rateOf(state: RealismState, service: string, operation: string): Rate {
  const override = state.settings.rates[`${service}:${operation}`]
  if (override) return { bucket: operation, ...override }
  const documented =
    service === 'ecs'
      ? ECS.get(operation)
      : service === 'cloudwatch'
        ? CLOUDWATCH.get(operation)
        : operation.startsWith('Describe')
          ? ELB_DESCRIBE
          : undefined
  if (documented) return documented
  const read = /^(Describe|List|Get)/.test(operation)
  return { bucket: operation, ...(read ? UNDOCUMENTED_READ : UNDOCUMENTED_WRITE) }
}

/** Take a token for this call; false when the bucket is empty (the call is throttled). */
export function takeToken(
  state: RealismState,
  region: string,
  service: string,
  operation: string,
  now: number
): boolean {
  const { bucket, burst, perSecond } = rateOf(state, service, operation)
  const key = `${region}/${service}/${bucket}`
  const held = state.buckets.get(key) ?? { tokens: burst, at: now }
  const tokens = Math.min(burst, held.tokens + (Math.max(0, now - held.at) / 1000) * perSecond)
  const allowed = tokens >= 1
  state.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now })
  return allowed
}
