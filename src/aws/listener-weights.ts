// TrafficPort with traffic by weights: the production route (a listener's default actions, or one listener
// rule) forwards to the two target groups with weights, and every change is read back before it counts.
// DescribeListeners and DescribeRules are eventually consistent: right after a ModifyListener they may still
// show the route as it was, so a read-back that shows the old weights is waited out, not written again. And a
// weight read back is not yet a weight in effect: setWeight resolves once the load balancer's nodes have had
// WEIGHT_PROPAGATION_MS to take it up, so a bake watches the traffic it is about and a side is shrunk only
// once traffic has left it.

import type { Action, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { systemClock, type Clock, type TrafficPort } from '../engine/ports.js'
import { elbSdk } from './clients.js'
import { readBack } from './read-back.js'

export interface ListenerWeightsOptions {
  elb: ElasticLoadBalancingV2Client
  /** The route: a listener (its default actions) or a listener rule. */
  listenerArn?: string
  listenerRuleArn?: string
  /** The two target groups, in any order. */
  targetGroups: string[]
  /** The stable target group when already known (a resumed rollout, whose route splits traffic). */
  stableTargetGroup?: string
  /** Waits between read-backs of a write; the system clock by default. */
  clock?: Clock
}

/**
 * How long after a listener's new actions read back the load balancer's nodes may still route by the old ones.
 * AWS documents no figure; changes reach the nodes within seconds, and the sandbox with realism on draws its
 * delay up to 2 s by default (propagationMs).
 */
export const WEIGHT_PROPAGATION_MS = 2000

export interface TargetHealthCounts {
  healthy: number
  /** Registered and being checked. */
  initial: number
  unhealthy: number
  /** Registered in a target group no route forwards to, so never checked. */
  unused: number
}

interface Weights {
  new: number
  stable: number
}

export class ListenerWeights implements TrafficPort {
  readonly mode = 'weights'
  private readonly route: string
  private pair?: { stable: string; new: string }
  private readonly clock: Clock

  constructor(private readonly o: ListenerWeightsOptions) {
    const route = o.listenerRuleArn ?? o.listenerArn
    if (!route) throw new Error('traffic by weights needs a listener or a listener rule')
    if (o.targetGroups.length !== 2) throw new Error('traffic by weights needs exactly two target groups')
    this.route = route
    this.clock = o.clock ?? systemClock
  }

  /** The target group that serves the stable revision today: the one the route sends traffic to. */
  async stableTargetGroup(): Promise<string> {
    return (await this.targetGroups()).stable
  }

  async newTargetGroup(): Promise<string> {
    return (await this.targetGroups()).new
  }

  async weight(): Promise<number> {
    return share(forwardWeights(await this.actions()), await this.newTargetGroup())
  }

  async setWeight(percent: number): Promise<void> {
    const groups = await this.targetGroups()
    const weights = weightsFor(percent)
    const wanted = share(
      new Map([
        [groups.new, weights.new],
        [groups.stable, weights.stable]
      ]),
      groups.new
    )
    // Both target groups stay in the route even at weight 0: ELBv2 health-checks only targets in use.
    const done = (actions: Action[]): boolean => {
      const current = forwardWeights(actions)
      return current.has(groups.new) && current.has(groups.stable) && share(current, groups.new) === wanted
    }
    let actions = await this.actions()
    if (done(actions)) return
    const before = share(forwardWeights(actions), groups.new)
    // One more write only when the first has had time to show and still does not: a lagging read-back is no
    // reason to write again (each ModifyListener is a change on the load balancer's nodes).
    for (let attempt = 0; attempt < 2; attempt++) {
      await this.write(withWeights(actions, groups, weights))
      actions = await readBack(() => this.actions(), done, this.clock)
      if (done(actions)) {
        // Adding the new group at weight 0 (attach) moves no traffic: nothing to wait for.
        if (before !== wanted) await this.clock.sleep(WEIGHT_PROPAGATION_MS)
        return
      }
    }
    throw new Error(
      `the route ${this.route} did not keep the weights written (${groups.new}: ${weights.new}, ${groups.stable}: ${weights.stable}); it forwards ${describeWeights(forwardWeights(actions))}`
    )
  }

  /**
   * The new target group has targets and every one of them passes its health check. ELBv2 checks only target
   * groups a route forwards to, so a route that forwards to the stable group alone (a plain forward, as most
   * listeners start) first gets the new one beside it at weight 0, or its targets would stay `unused`.
   */
  async ready(expected = 1): Promise<boolean> {
    if (await this.attach()) return false
    const health = await this.targetHealth(await this.newTargetGroup())
    // As many healthy as the new revision runs tasks: targets of tasks that crashed are draining and count for
    // nothing, and one healthy survivor of a crash loop must not take the whole step's weight.
    return (
      health.healthy >= Math.max(1, expected) &&
      health.initial === 0 &&
      health.unhealthy === 0 &&
      health.unused === 0
    )
  }

  /**
   * Puts the new target group into the route beside the stable one, at weight 0, unless the route names it
   * already; true when it wrote. ECS creates a task set in a target group only once a load balancer uses it
   * ("does not have an associated load balancer"), and ELBv2 health-checks only target groups in use.
   */
  async attach(): Promise<boolean> {
    const groups = await this.targetGroups()
    const weights = forwardWeights(await this.actions())
    if (weights.has(groups.new)) return false
    await this.setWeight(share(weights, groups.new))
    return true
  }

  /** Targets of a target group by health, to check the new task set is healthy before weight moves. */
  async targetHealth(targetGroupArn: string): Promise<TargetHealthCounts> {
    const out = await this.o.elb.send(
      new (await elbSdk()).DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn })
    )
    const counts: TargetHealthCounts = { healthy: 0, initial: 0, unhealthy: 0, unused: 0 }
    for (const { TargetHealth } of out.TargetHealthDescriptions ?? []) {
      const state = TargetHealth?.State
      if (state === 'healthy' || state === 'initial' || state === 'unused') counts[state]++
      else if (state === 'unhealthy' || state === 'unavailable') counts.unhealthy++
      // draining targets are leaving and count for nothing
    }
    return counts
  }

  private async targetGroups(): Promise<{ stable: string; new: string }> {
    this.pair ??= await this.findPair()
    return this.pair
  }

  private async findPair(): Promise<{ stable: string; new: string }> {
    const [a, b] = this.o.targetGroups
    const pick = (stable: string): { stable: string; new: string } => ({ stable, new: stable === a ? b : a })
    const weights = forwardWeights(await this.actions())
    const foreign = [...weights].filter(([tg, w]) => w > 0 && !this.o.targetGroups.includes(tg))
    if (foreign.length)
      throw new Error(
        `the route ${this.route} also forwards to ${foreign.map(([tg]) => tg).join(', ')}, which target-groups does not name`
      )
    if (this.o.stableTargetGroup) {
      if (!this.o.targetGroups.includes(this.o.stableTargetGroup))
        throw new Error(`target group ${this.o.stableTargetGroup} is not one of target-groups`)
      return pick(this.o.stableTargetGroup)
    }
    const serving = this.o.targetGroups.filter(tg => (weights.get(tg) ?? 0) > 0)
    if (serving.length === 1) return pick(serving[0])
    if (serving.length === 0)
      throw new Error(
        `the route ${this.route} forwards to neither target group of target-groups (${a}, ${b}): it forwards ${describeWeights(weights)}`
      )
    throw new Error(
      `the route ${this.route} splits traffic between both target groups (${describeWeights(weights)}), so which serves the stable revision is unclear: is another rollout under way?`
    )
  }

  private async actions(): Promise<Action[]> {
    if (this.o.listenerRuleArn) {
      const out = await this.o.elb.send(new (await elbSdk()).DescribeRulesCommand({ RuleArns: [this.route] }))
      return out.Rules?.[0]?.Actions ?? []
    }
    const out = await this.o.elb.send(
      new (await elbSdk()).DescribeListenersCommand({ ListenerArns: [this.route] })
    )
    return out.Listeners?.[0]?.DefaultActions ?? []
  }

  private async write(actions: Action[]): Promise<void> {
    if (this.o.listenerRuleArn)
      await this.o.elb.send(new (await elbSdk()).ModifyRuleCommand({ RuleArn: this.route, Actions: actions }))
    else
      await this.o.elb.send(
        new (await elbSdk()).ModifyListenerCommand({ ListenerArn: this.route, DefaultActions: actions })
      )
  }
}

/** TrafficPort with traffic by replicas: traffic follows task counts, so there is nothing to set or read. */
export const replicasTraffic: TrafficPort = {
  mode: 'replicas',
  setWeight: async () => {},
  weight: async () => 0
}

/**
 * ELBv2 weights are integers 0–999. A whole percent is its own weight (10 / 90); a share with a fraction,
 * kept to 0.1, is in per-mille (2.5 % → 25 / 975).
 */
export function weightsFor(percent: number): Weights {
  if (!(percent >= 0 && percent <= 100)) throw new Error(`traffic share ${percent} is not within 0–100 %`)
  const tenths = Math.round(percent * 10)
  const unit = tenths % 10 === 0 ? 1 : 10
  const fresh = (tenths * unit) / 10
  return { new: fresh, stable: 100 * unit - fresh }
}

/** Target group → weight of the route's forward action; a plain forward to one group is weight 1. */
function forwardWeights(actions: Action[]): Map<string, number> {
  const forward = actions.find(a => a.Type === 'forward')
  const groups = forward?.ForwardConfig?.TargetGroups
  if (groups?.length) return new Map(groups.map(g => [g.TargetGroupArn ?? '', g.Weight ?? 1]))
  return new Map(forward?.TargetGroupArn ? [[forward.TargetGroupArn, 1]] : [])
}

/** The percentage of the route's traffic a target group receives. */
function share(weights: Map<string, number>, targetGroup: string): number {
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0)
  return total === 0 ? 0 : (100 * (weights.get(targetGroup) ?? 0)) / total
}

/** The route's actions with its forward action replaced by the weighted pair; other actions are kept. */
function withWeights(actions: Action[], groups: { stable: string; new: string }, weights: Weights): Action[] {
  const forward = actions.find(a => a.Type === 'forward')
  const weighted: Action = {
    Type: 'forward',
    Order: forward?.Order,
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: groups.stable, Weight: weights.stable },
        { TargetGroupArn: groups.new, Weight: weights.new }
      ],
      TargetGroupStickinessConfig: forward?.ForwardConfig?.TargetGroupStickinessConfig
    }
  }
  return forward ? actions.map(a => (a === forward ? weighted : a)) : [...actions, weighted]
}

function describeWeights(weights: Map<string, number>): string {
  return weights.size ? [...weights].map(([tg, w]) => `${tg}: ${w}`).join(', ') : 'to no target group'
}
