// A preview's listener rule: requests for its host go to its target group. The rule is found again by its
// tags, so a new commit (or a changed preview-host) edits the same rule instead of adding one.

import {
  CreateRuleCommand,
  DescribeRulesCommand,
  ModifyRuleCommand,
  type Action,
  type ElasticLoadBalancingV2Client,
  type Rule,
  type RuleCondition
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbTagList } from './elb-tags.js'

/** ELBv2's rule priorities. */
const PRIORITY_MAX = 50_000
/** Another run may take the priority picked here between reading the rules and creating ours. */
const CREATE_ATTEMPTS = 3

/** The listener's rules, page by page, without its default rule. */
export async function listenerRules(elb: ElasticLoadBalancingV2Client, listenerArn: string): Promise<Rule[]> {
  const rules: Rule[] = []
  let Marker: string | undefined
  do {
    const out = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn, Marker, PageSize: 400 }))
    rules.push(...(out.Rules ?? []).filter(r => !r.IsDefault))
    Marker = out.NextMarker
  } while (Marker)
  return rules
}

export function hostsOf(rule: Rule): string[] {
  const condition = rule.Conditions?.find(c => c.Field === 'host-header')
  return condition?.HostHeaderConfig?.Values ?? condition?.Values ?? []
}

/** The lowest priority no rule has: a preview's host matches nothing else, so going first is safe. */
export function freePriority(rules: Rule[]): number {
  const taken = new Set(rules.map(r => Number(r.Priority)))
  for (let p = 1; p <= PRIORITY_MAX; p++) if (!taken.has(p)) return p
  throw new Error(`the listener has no free rule priority: all ${PRIORITY_MAX} are taken`)
}

export interface HostRule {
  listenerArn: string
  host: string
  targetGroupArn: string
  tags: Record<string, string>
}

/** Edits the existing rule to match (when it does not already), or creates the rule. Returns its ARN. */
export async function putHostRule(
  elb: ElasticLoadBalancingV2Client,
  rule: HostRule,
  existing: Rule | undefined
): Promise<string> {
  const conditions: RuleCondition[] = [{ Field: 'host-header', HostHeaderConfig: { Values: [rule.host] } }]
  const actions: Action[] = [{ Type: 'forward', TargetGroupArn: rule.targetGroupArn }]
  if (existing?.RuleArn) {
    if (!matches(existing, rule))
      await elb.send(
        new ModifyRuleCommand({ RuleArn: existing.RuleArn, Conditions: conditions, Actions: actions })
      )
    return existing.RuleArn
  }
  for (let attempt = 1; ; attempt++) {
    const priority = freePriority(await listenerRules(elb, rule.listenerArn))
    try {
      const out = await elb.send(
        new CreateRuleCommand({
          ListenerArn: rule.listenerArn,
          Priority: priority,
          Conditions: conditions,
          Actions: actions,
          Tags: elbTagList(rule.tags)
        })
      )
      return out.Rules?.[0]?.RuleArn ?? ''
    } catch (error) {
      if ((error as Error).name !== 'PriorityInUseException' || attempt >= CREATE_ATTEMPTS) throw error
    }
  }
}

function matches(existing: Rule, rule: HostRule): boolean {
  const hosts = hostsOf(existing)
  const forward = existing.Actions ?? []
  return (
    hosts.length === 1 &&
    hosts[0] === rule.host &&
    (existing.Conditions?.length ?? 0) === 1 &&
    forward.length === 1 &&
    forward[0].Type === 'forward' &&
    (forward[0].TargetGroupArn ?? forward[0].ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn) ===
      rule.targetGroupArn &&
    (forward[0].ForwardConfig?.TargetGroups?.length ?? 1) === 1
  )
}
