import { ACCOUNT, alarmArn } from '../core/arn.js'
import { ApiError } from '../core/errors.js'
import { IAM_PREFIX, type ServiceName } from './services.js'

const pattern = (glob: string) =>
  new RegExp(
    '^' +
      glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
    'i'
  )

/** IAM-style action matching, wildcards included (`ecs:Describe*`); null means everything is allowed. */
export function isAllowed(allow: string[] | null, service: ServiceName, operation: string): boolean {
  if (allow === null) return true
  const action = `${IAM_PREFIX[service]}:${operation}`
  return allow.some(entry => pattern(entry).test(action))
}

export function validateAllowList(value: unknown): string[] | null | string {
  if (value === null) return null
  if (
    !Array.isArray(value) ||
    !value.every(v => typeof v === 'string' && /^[a-z0-9-]+:[A-Za-z0-9*?]+$|^\*$/.test(v))
  ) {
    return 'operations must be null or an array like ["ecs:UpdateService", "cloudwatch:DescribeAlarms"]'
  }
  return value
}

/** The resource IAM would name in the denial, best effort from the request. */
function resourceOf(service: ServiceName, region: string, input: Record<string, unknown>): string {
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : undefined)
  if (service === 'ecs') {
    const cluster = str('cluster') ?? 'default'
    const clusterArn = cluster.startsWith('arn:')
      ? cluster
      : `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${cluster}`
    const svc = str('service') ?? str('serviceName')
    if (svc) return svc.startsWith('arn:') ? svc : `${clusterArn.replace(':cluster/', ':service/')}/${svc}`
    return str('taskDefinition') ?? str('resourceArn') ?? (input.cluster ? clusterArn : '*')
  }
  if (service === 'cloudwatch') {
    const name = str('AlarmName')
    return name ? alarmArn(region, name) : '*'
  }
  return str('ListenerArn') ?? str('RuleArn') ?? str('TargetGroupArn') ?? str('LoadBalancerArn') ?? '*'
}

/** AccessDeniedException for JSON services, AccessDenied (HTTP 403) for query ones, worded like IAM. */
export function accessDenied(
  service: ServiceName,
  operation: string,
  region: string,
  input: Record<string, unknown>,
  query: boolean
): ApiError {
  const action = `${IAM_PREFIX[service]}:${operation}`
  const message =
    `User: arn:aws:iam::${ACCOUNT}:user/sandbox is not authorized to perform: ${action} on resource: ` +
    `${resourceOf(service, region, input)} because no identity-based policy allows the ${action} action`
  return query
    ? new ApiError('AccessDenied', message, 403)
    : new ApiError('AccessDeniedException', message, 400, 'AccessDenied')
}
