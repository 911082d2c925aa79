import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { World } from '../core/world.js'
import type { ListenerRecord } from './model.js'

/** The target groups a forward action sends to, with their weights (a plain TargetGroupArn is weight 1). */
export function forwardTargets(action: Action): { arn: string; weight: number }[] {
  if (action.Type !== 'forward') return []
  const groups = action.ForwardConfig?.TargetGroups
  if (groups && groups.length)
    return groups.map(g => ({ arn: g.TargetGroupArn ?? '', weight: Number(g.Weight ?? 1) }))
  return action.TargetGroupArn ? [{ arn: action.TargetGroupArn, weight: 1 }] : []
}

/** A place traffic enters: a listener's default action or one of its rules. */
export interface EntryPoint {
  listener: ListenerRecord
  ruleArn: string
  actions: Action[]
}

export function entryPoints(world: World): EntryPoint[] {
  const out: EntryPoint[] = []
  for (const listener of world.elb.listeners.values()) {
    out.push({ listener, ruleArn: listener.defaultRuleArn, actions: listener.defaultActions })
  }
  for (const rule of world.elb.rules.values()) {
    const listener = world.elb.listeners.get(rule.listenerArn)
    if (listener) out.push({ listener, ruleArn: rule.arn, actions: rule.actions })
  }
  return out
}

export function referencesTargetGroup(entry: EntryPoint, tgArn: string): boolean {
  return entry.actions.some(a => forwardTargets(a).some(t => t.arn === tgArn))
}

export function loadBalancerArnsOf(world: World, tgArn: string): string[] {
  const arns = new Set<string>()
  for (const entry of entryPoints(world)) {
    if (referencesTargetGroup(entry, tgArn)) arns.add(entry.listener.loadBalancerArn)
  }
  return [...arns]
}

export const targetGroupInUse = (world: World, tgArn: string) => loadBalancerArnsOf(world, tgArn).length > 0
