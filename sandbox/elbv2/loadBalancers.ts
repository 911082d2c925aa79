import type {
  CreateLoadBalancerInput,
  CreateLoadBalancerOutput,
  DeleteLoadBalancerInput,
  DescribeLoadBalancersInput,
  DescribeLoadBalancersOutput,
  LoadBalancer
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbArn } from '../core/arn.js'
import { elbErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import type { LoadBalancerRecord } from './model.js'
import { validateTags } from './tags.js'

export const ELB_NAME = /^(?!-)(?!internal-)[a-zA-Z0-9-]{1,32}(?<!-)$/

export function loadBalancerView(lb: LoadBalancerRecord): LoadBalancer {
  return {
    LoadBalancerArn: lb.arn,
    DNSName: lb.dnsName,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: lb.createdTime,
    LoadBalancerName: lb.name,
    Scheme: lb.scheme as LoadBalancer['Scheme'],
    VpcId: lb.vpcId,
    State: { Code: 'active' },
    Type: lb.type as LoadBalancer['Type'],
    AvailabilityZones: lb.availabilityZones.map(az => ({ ...az, LoadBalancerAddresses: [] })),
    SecurityGroups: lb.securityGroups,
    IpAddressType: lb.ipAddressType as LoadBalancer['IpAddressType']
  }
}

const byRegion = (ctx: Ctx, arn: string) => arn.split(':')[3] === ctx.region

export function createLoadBalancer(ctx: Ctx, input: CreateLoadBalancerInput): CreateLoadBalancerOutput {
  const name = requireString(input.Name, 'Name', elbErrors.missing)
  if (!ELB_NAME.test(name)) {
    throw elbErrors.validation(
      `The load balancer name '${name}' must be at most 32 alphanumeric characters or hyphens, and must not begin or end with a hyphen`
    )
  }
  const type = input.Type ?? 'application'
  if (!['application', 'network', 'gateway'].includes(type))
    throw elbErrors.validation(`Invalid load balancer type '${type}'`)
  const existing = [...ctx.world.elb.loadBalancers.values()].find(
    lb => lb.name === name && byRegion(ctx, lb.arn)
  )
  if (existing) return { LoadBalancers: [loadBalancerView(existing)] }
  const subnets = [...list(input.Subnets), ...list(input.SubnetMappings).map(m => m.SubnetId ?? '')]
  if (type === 'application' && subnets.length < 2) {
    throw elbErrors.validation('At least two subnets in two different Availability Zones must be specified')
  }
  const id = ctx.world.rng.hex(16)
  const prefix = type === 'application' ? 'app' : type === 'network' ? 'net' : 'gwy'
  const lb: LoadBalancerRecord = {
    arn: elbArn(ctx.region, `loadbalancer/${prefix}/${name}/${id}`),
    name,
    dnsName: `${input.Scheme === 'internal' ? 'internal-' : ''}${name}-${ctx.world.rng.digits(10)}.${ctx.region}.elb.amazonaws.com`,
    createdTime: new Date(ctx.now),
    scheme: input.Scheme ?? 'internet-facing',
    type,
    ipAddressType: input.IpAddressType ?? 'ipv4',
    vpcId: `vpc-${ctx.world.rng.hex(17)}`,
    securityGroups: list(input.SecurityGroups),
    availabilityZones: subnets.map((subnet, i) => ({
      ZoneName: `${ctx.region}${'abcdef'[i % 6]}`,
      SubnetId: subnet
    })),
    tags: validateTags([], list(input.Tags))
  }
  ctx.world.elb.loadBalancers.set(lb.arn, lb)
  return { LoadBalancers: [loadBalancerView(lb)] }
}

export function describeLoadBalancers(
  ctx: Ctx,
  input: DescribeLoadBalancersInput
): DescribeLoadBalancersOutput {
  const arns = list(input.LoadBalancerArns)
  const names = list(input.Names)
  if (arns.length && names.length)
    throw elbErrors.validation('LoadBalancerArns and Names cannot be used together')
  const all = [...ctx.world.elb.loadBalancers.values()].filter(lb => byRegion(ctx, lb.arn))
  let selected = all
  if (arns.length) {
    selected = arns.map(arn => {
      const lb = ctx.world.elb.loadBalancers.get(arn)
      if (!lb) throw elbErrors.loadBalancerNotFound(`Load balancer '${arn}' not found`)
      return lb
    })
  } else if (names.length) {
    selected = names.map(name => {
      const lb = all.find(l => l.name === name)
      if (!lb) throw elbErrors.loadBalancerNotFound(`Load balancers '[${name}]' not found`)
      return lb
    })
  }
  return { LoadBalancers: selected.map(loadBalancerView) }
}

export function deleteLoadBalancer(ctx: Ctx, input: DeleteLoadBalancerInput): object {
  const arn = requireString(input.LoadBalancerArn, 'LoadBalancerArn', elbErrors.missing)
  if (!ctx.world.elb.loadBalancers.delete(arn)) return {}
  for (const listener of [...ctx.world.elb.listeners.values()]) {
    if (listener.loadBalancerArn !== arn) continue
    ctx.world.elb.listeners.delete(listener.arn)
    for (const rule of [...ctx.world.elb.rules.values()]) {
      if (rule.listenerArn === listener.arn) ctx.world.elb.rules.delete(rule.arn)
    }
  }
  return {}
}
