// What the metric gates read: the load balancer and the new and the stable revision's target groups, as
// CloudWatch's dimension values (`app/NAME/ID`, `targetgroup/NAME/ID`), found from the ARNs the rollout already
// knows (the listener or rule names its load balancer), with one DescribeTargetGroups only where no ARN does.

import type { LoadBalancer } from '@aws-sdk/client-ecs'
import type { Layout } from '../engine/ports.js'
import { elbSdk, type Clients } from './clients.js'

export interface MetricTargets {
  cluster: string
  service: string
  /** Dimension values; the two target groups are the same one with traffic by replicas or ECS rolling. */
  newTargetGroup?: string
  stableTargetGroup?: string
  /** An Application Load Balancer's `app/NAME/ID`; undefined for none (or a Network Load Balancer: no 5xx). */
  loadBalancer?: string
}

/** `targetgroup/NAME/ID` of a target group ARN. */
export function targetGroupDimension(arn: string): string {
  return arn.slice(arn.indexOf(':targetgroup/') + 1)
}

/**
 * `app/NAME/ID` of a load balancer, listener or listener rule ARN; undefined for a Network Load Balancer's
 * (`net/…`), which has neither 5xx counts nor response times.
 */
export function loadBalancerDimension(arn: string): string | undefined {
  const m = /:(?:loadbalancer|listener|listener-rule)\/(app\/[^/]+\/[^/]+)/.exec(arn)
  return m?.[1]
}

/** split: each revision behind its own target group; shared: one for both; none: nothing to read. */
export function layoutOf(t: MetricTargets): Layout {
  if (!t.loadBalancer || !t.newTargetGroup) return 'none'
  return t.stableTargetGroup && t.stableTargetGroup !== t.newTargetGroup ? 'split' : 'shared'
}

/** Traffic by weights: the route's target groups, its load balancer from the listener (or rule) ARN. */
export function weightedTargets(
  base: { cluster: string; service: string },
  route: string | undefined,
  newTargetGroup: string | undefined,
  stableTargetGroup: string | undefined
): MetricTargets {
  return {
    ...base,
    loadBalancer: route && loadBalancerDimension(route),
    newTargetGroup: newTargetGroup && targetGroupDimension(newTargetGroup),
    stableTargetGroup: stableTargetGroup && targetGroupDimension(stableTargetGroup)
  }
}

/**
 * The service's load balancers as ECS has them: ECS's native strategies put the new revision in the alternate
 * target group of the production rule, whose weights say which group serves now (the stable one); otherwise
 * both revisions share the service's one target group, whose load balancer DescribeTargetGroups names.
 */
export async function serviceTargets(
  clients: Pick<Clients, 'elb'>,
  base: { cluster: string; service: string },
  loadBalancers: LoadBalancer[]
): Promise<MetricTargets> {
  const lb = loadBalancers.find(l => l.targetGroupArn)
  if (!lb?.targetGroupArn) return base
  const advanced = lb.advancedConfiguration
  if (advanced?.alternateTargetGroupArn && advanced.productionListenerRule) {
    const groups = [lb.targetGroupArn, advanced.alternateTargetGroupArn]
    const stable = await servingGroup(clients, advanced.productionListenerRule, groups)
    return weightedTargets(
      base,
      advanced.productionListenerRule,
      groups.find(g => g !== stable),
      stable
    )
  }
  const out = await clients.elb.send(
    new (await elbSdk()).DescribeTargetGroupsCommand({ TargetGroupArns: [lb.targetGroupArn] })
  )
  const arn = out.TargetGroups?.[0]?.LoadBalancerArns?.map(loadBalancerDimension).find(Boolean)
  const group = targetGroupDimension(lb.targetGroupArn)
  return { ...base, loadBalancer: arn, newTargetGroup: group, stableTargetGroup: group }
}

/** The group of `groups` the production rule sends the most traffic to now (the first when it cannot tell). */
async function servingGroup(clients: Pick<Clients, 'elb'>, rule: string, groups: string[]): Promise<string> {
  if (!rule.includes(':listener-rule/')) return groups[0]
  const out = await clients.elb.send(new (await elbSdk()).DescribeRulesCommand({ RuleArns: [rule] }))
  const forward = out.Rules?.[0]?.Actions?.find(a => a.Type === 'forward')
  const weights = forward?.ForwardConfig?.TargetGroups ?? []
  const weightOf = (g: string) => weights.find(w => w.TargetGroupArn === g)?.Weight ?? 0
  return [...groups].sort((a, b) => weightOf(b) - weightOf(a))[0]
}
