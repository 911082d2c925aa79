import type {
  CreateTargetGroupInput,
  CreateTargetGroupOutput,
  DeleteTargetGroupInput,
  DescribeTargetGroupsInput,
  DescribeTargetGroupsOutput,
  ModifyTargetGroupInput,
  ModifyTargetGroupOutput,
  TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbArn } from '../core/arn.js'
import { ApiError, elbErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx, World } from '../core/world.js'
import { bool, intInRange } from './coerce.js'
import { ELB_NAME } from './loadBalancers.js'
import type { TargetGroupRecord } from './model.js'
import { validateTags } from './tags.js'
import { loadBalancerArnsOf, targetGroupInUse } from './usage.js'

export function targetGroupView(world: World, tg: TargetGroupRecord): TargetGroup {
  const hc = tg.healthCheck
  return {
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    Protocol: tg.protocol as TargetGroup['Protocol'],
    Port: tg.port,
    VpcId: tg.vpcId,
    HealthCheckProtocol: hc.protocol as TargetGroup['HealthCheckProtocol'],
    HealthCheckPort: hc.port,
    HealthCheckEnabled: hc.enabled,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThreshold,
    UnhealthyThresholdCount: hc.unhealthyThreshold,
    HealthCheckPath: hc.path,
    Matcher: hc.matcher ? { HttpCode: hc.matcher } : undefined,
    LoadBalancerArns: loadBalancerArnsOf(world, tg.arn),
    TargetType: tg.targetType as TargetGroup['TargetType'],
    ProtocolVersion: tg.protocolVersion,
    IpAddressType: tg.ipAddressType as TargetGroup['IpAddressType']
  }
}

function healthCheckSettings(
  input: CreateTargetGroupInput | ModifyTargetGroupInput,
  base?: TargetGroupRecord['healthCheck']
) {
  return {
    protocol: input.HealthCheckProtocol ?? base?.protocol,
    port: input.HealthCheckPort ?? base?.port ?? 'traffic-port',
    path: input.HealthCheckPath ?? base?.path,
    enabled: bool(input.HealthCheckEnabled) ?? base?.enabled ?? true,
    intervalSeconds:
      intInRange(input.HealthCheckIntervalSeconds, 'HealthCheckIntervalSeconds', 5, 300) ??
      base?.intervalSeconds ??
      30,
    timeoutSeconds:
      intInRange(input.HealthCheckTimeoutSeconds, 'HealthCheckTimeoutSeconds', 2, 120) ??
      base?.timeoutSeconds ??
      5,
    healthyThreshold:
      intInRange(input.HealthyThresholdCount, 'HealthyThresholdCount', 2, 10) ?? base?.healthyThreshold ?? 5,
    unhealthyThreshold:
      intInRange(input.UnhealthyThresholdCount, 'UnhealthyThresholdCount', 2, 10) ??
      base?.unhealthyThreshold ??
      2,
    matcher: input.Matcher?.HttpCode ?? base?.matcher
  }
}

export function createTargetGroup(ctx: Ctx, input: CreateTargetGroupInput): CreateTargetGroupOutput {
  const name = requireString(input.Name, 'Name', elbErrors.missing)
  if (!ELB_NAME.test(name)) {
    throw elbErrors.validation(
      `Target group name '${name}' must be at most 32 alphanumeric characters or hyphens`
    )
  }
  const targetType = input.TargetType ?? 'instance'
  if (!['instance', 'ip', 'lambda', 'alb'].includes(targetType))
    throw elbErrors.validation(`Invalid target type '${targetType}'`)
  const port = intInRange(input.Port, 'Port', 1, 65535)
  if (targetType !== 'lambda') {
    if (!input.Protocol) throw elbErrors.validation('A protocol must be specified')
    if (port === undefined) throw elbErrors.validation('A port must be specified')
    if (!input.VpcId) throw elbErrors.validation('A VPC ID must be specified')
  }
  const existing = [...ctx.world.elb.targetGroups.values()].find(
    tg => tg.name === name && tg.arn.split(':')[3] === ctx.region
  )
  if (existing) {
    if (
      existing.port !== port ||
      existing.protocol !== input.Protocol ||
      existing.targetType !== targetType
    ) {
      throw new ApiError(
        'DuplicateTargetGroupName',
        'A target group with the same name exists, but with different settings'
      )
    }
    return { TargetGroups: [targetGroupView(ctx.world, existing)] }
  }
  const http = input.Protocol === 'HTTP' || input.Protocol === 'HTTPS'
  const tg: TargetGroupRecord = {
    arn: elbArn(ctx.region, `targetgroup/${name}/${ctx.world.rng.hex(16)}`),
    name,
    protocol: input.Protocol,
    protocolVersion: http ? (input.ProtocolVersion ?? 'HTTP1') : undefined,
    port,
    vpcId: input.VpcId,
    targetType,
    ipAddressType: input.IpAddressType ?? 'ipv4',
    healthCheck: {
      ...healthCheckSettings(input),
      protocol: input.HealthCheckProtocol ?? input.Protocol,
      path: input.HealthCheckPath ?? (http ? '/' : undefined),
      matcher: input.Matcher?.HttpCode ?? (http ? '200' : undefined)
    },
    tags: validateTags([], list(input.Tags)),
    targets: new Map()
  }
  ctx.world.elb.targetGroups.set(tg.arn, tg)
  return { TargetGroups: [targetGroupView(ctx.world, tg)] }
}

export function requireTargetGroup(ctx: Ctx, arn: unknown): TargetGroupRecord {
  const ref = requireString(arn, 'TargetGroupArn', elbErrors.missing)
  const tg = ctx.world.elb.targetGroups.get(ref)
  if (!tg) throw elbErrors.targetGroupNotFound(`Target groups '${ref}' not found`)
  return tg
}

export function describeTargetGroups(ctx: Ctx, input: DescribeTargetGroupsInput): DescribeTargetGroupsOutput {
  const arns = list(input.TargetGroupArns)
  const names = list(input.Names)
  const all = [...ctx.world.elb.targetGroups.values()].filter(tg => tg.arn.split(':')[3] === ctx.region)
  let selected = all
  if (arns.length) selected = arns.map(arn => requireTargetGroup(ctx, arn))
  else if (names.length) {
    selected = names.map(name => {
      const tg = all.find(t => t.name === name)
      if (!tg) throw elbErrors.targetGroupNotFound(`One or more target groups not found`)
      return tg
    })
  }
  if (input.LoadBalancerArn) {
    if (!ctx.world.elb.loadBalancers.has(input.LoadBalancerArn)) {
      throw elbErrors.loadBalancerNotFound(`Load balancer '${input.LoadBalancerArn}' not found`)
    }
    selected = selected.filter(tg => loadBalancerArnsOf(ctx.world, tg.arn).includes(input.LoadBalancerArn!))
  }
  return { TargetGroups: selected.map(tg => targetGroupView(ctx.world, tg)) }
}

export function modifyTargetGroup(ctx: Ctx, input: ModifyTargetGroupInput): ModifyTargetGroupOutput {
  const tg = requireTargetGroup(ctx, input.TargetGroupArn)
  tg.healthCheck = healthCheckSettings(input, tg.healthCheck)
  return { TargetGroups: [targetGroupView(ctx.world, tg)] }
}

export function deleteTargetGroup(ctx: Ctx, input: DeleteTargetGroupInput): object {
  const arn = requireString(input.TargetGroupArn, 'TargetGroupArn', elbErrors.missing)
  if (!ctx.world.elb.targetGroups.has(arn)) return {}
  if (targetGroupInUse(ctx.world, arn)) {
    throw new ApiError('ResourceInUse', `Target group '${arn}' is currently in use by a listener or a rule`)
  }
  ctx.world.elb.targetGroups.delete(arn)
  return {}
}
