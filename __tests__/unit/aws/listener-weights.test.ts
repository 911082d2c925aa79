import { describe, expect, it } from '@jest/globals'
import type { Action, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  ListenerWeights,
  replicasTraffic,
  WEIGHT_PROPAGATION_MS,
  weightsFor
} from '../../../src/aws/listener-weights.js'
import { READ_LAG_MS as READ_BACK_MS } from '../../../src/constants.js'
import { fakeClient } from '../../helpers/fake-client.js'
import { FakeClock } from '../../helpers/fake-world.js'

const BLUE = 'arn:tg/blue'
const GREEN = 'arn:tg/green'
const auth: Action = { Type: 'authenticate-oidc', Order: 1 }
const single = (tg: string): Action[] => [auth, { Type: 'forward', Order: 2, TargetGroupArn: tg }]
const weighted = (...pairs: [string, number][]): Action[] => [
  auth,
  {
    Type: 'forward',
    Order: 2,
    ForwardConfig: { TargetGroups: pairs.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) }
  }
]

/**
 * A route whose actions follow the Modify calls, except the first `lost` ones (writes that did not stick). With
 * `lagMs`, reads keep showing the actions from before a write until that long after it, as ELBv2's eventually
 * consistent DescribeListeners/DescribeRules may.
 */
function listener(
  initial: Action[],
  opts: { lost?: number; rule?: boolean; stable?: string; lagMs?: number } = {}
) {
  const clock = new FakeClock()
  let actions = initial
  let previous = initial
  let visibleAt = 0
  let lost = opts.lost ?? 0
  const write = (next: Action[]) => {
    if (lost-- <= 0) {
      previous = seen()
      actions = next
      visibleAt = clock.now() + (opts.lagMs ?? 0)
    }
    return {}
  }
  const seen = () => (clock.now() < visibleAt ? previous : actions)
  const { client, calls } = fakeClient<ElasticLoadBalancingV2Client>({
    DescribeListeners: () => ({ Listeners: [{ DefaultActions: seen() }] }),
    DescribeRules: () => ({ Rules: [{ Actions: seen() }] }),
    ModifyListener: ({ DefaultActions }: { DefaultActions: Action[] }) => write(DefaultActions),
    ModifyRule: ({ Actions }: { Actions: Action[] }) => write(Actions),
    DescribeTargetHealth: () => ({
      TargetHealthDescriptions: [
        'healthy',
        'healthy',
        'initial',
        'unhealthy',
        'unavailable',
        'draining',
        'unused'
      ].map(State => ({
        TargetHealth: { State }
      }))
    })
  })
  const route = opts.rule ? { listenerRuleArn: 'arn:rule' } : { listenerArn: 'arn:listener' }
  const traffic = new ListenerWeights({
    elb: client,
    ...route,
    targetGroups: [GREEN, BLUE],
    stableTargetGroup: opts.stable,
    clock
  })
  return {
    traffic,
    calls,
    clock,
    actions: () => actions,
    mutating: () => calls.filter(c => c.name.startsWith('Modify'))
  }
}

describe('ListenerWeights', () => {
  it('finds the stable target group from a single forward or from the weights', async () => {
    expect(await listener(single(BLUE)).traffic.stableTargetGroup()).toBe(BLUE)
    expect(await listener(weighted([BLUE, 0], [GREEN, 100])).traffic.stableTargetGroup()).toBe(GREEN)
  })

  it('says clearly when the route forwards to neither, to both, or elsewhere', async () => {
    await expect(listener(single('arn:tg/other')).traffic.stableTargetGroup()).rejects.toThrow(
      'also forwards to arn:tg/other, which target-groups does not name'
    )
    await expect(listener([auth]).traffic.stableTargetGroup()).rejects.toThrow(
      'the route arn:listener forwards to neither target group of target-groups (arn:tg/green, arn:tg/blue): it forwards to no target group'
    )
    await expect(listener(weighted([BLUE, 50], [GREEN, 50])).traffic.stableTargetGroup()).rejects.toThrow(
      'splits traffic between both target groups (arn:tg/blue: 50, arn:tg/green: 50)'
    )
  })

  it('accepts a pinned stable target group for a route that already splits traffic', async () => {
    const { client } = fakeClient<ElasticLoadBalancingV2Client>({
      DescribeListeners: () => ({ Listeners: [{ DefaultActions: weighted([BLUE, 70], [GREEN, 30]) }] })
    })
    const traffic = new ListenerWeights({
      elb: client,
      listenerArn: 'arn:l',
      targetGroups: [BLUE, GREEN],
      stableTargetGroup: BLUE
    })
    expect(await traffic.newTargetGroup()).toBe(GREEN)
    expect(await traffic.weight()).toBe(30)
  })

  it('writes the weights with one call, keeping the other actions, and reads them back', async () => {
    const l = listener(single(BLUE))
    await l.traffic.setWeight(10)
    expect(l.mutating()).toHaveLength(1)
    expect(l.actions()).toEqual([
      auth,
      {
        Type: 'forward',
        Order: 2,
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: BLUE, Weight: 90 },
            { TargetGroupArn: GREEN, Weight: 10 }
          ],
          TargetGroupStickinessConfig: undefined
        }
      }
    ])
    expect(await l.traffic.weight()).toBe(10)
    expect(l.calls.map(c => c.name)).toEqual([
      'DescribeListeners',
      'DescribeListeners',
      'ModifyListener',
      'DescribeListeners',
      'DescribeListeners'
    ])
  })

  it('skips the write when the weights are already right: a rollback is one mutating call', async () => {
    const l = listener(weighted([BLUE, 50], [GREEN, 50]), { stable: BLUE })
    await l.traffic.setWeight(0)
    await l.traffic.setWeight(0)
    expect(l.mutating()).toHaveLength(1)
  })

  it('attaches the new target group at weight 0 so that its targets get health-checked', async () => {
    const l = listener(single(BLUE))
    await l.traffic.setWeight(0)
    expect(l.mutating()).toHaveLength(1)
    expect(await l.traffic.weight()).toBe(0)
  })

  it('retries a write that did not stick once, then fails clearly', async () => {
    const once = listener(single(BLUE), { lost: 1, rule: true })
    await once.traffic.setWeight(2.5)
    expect(once.mutating().map(c => c.name)).toEqual(['ModifyRule', 'ModifyRule'])
    expect(await once.traffic.weight()).toBe(2.5)

    const never = listener(single(BLUE), { lost: 2 })
    const start = never.clock.now()
    await expect(never.traffic.setWeight(50)).rejects.toThrow(
      'the route arn:listener did not keep the weights written (arn:tg/green: 50, arn:tg/blue: 50); it forwards arn:tg/blue: 1'
    )
    expect(never.mutating()).toHaveLength(2)
    // Each write was given the whole read-back window before it counted as lost.
    expect(never.clock.now() - start).toBeGreaterThanOrEqual(2 * READ_BACK_MS)
  })

  it('waits out a read-back that still shows the old weights instead of writing again (eventual consistency)', async () => {
    for (const rule of [false, true]) {
      const l = listener(single(BLUE), { lagMs: 3000, rule })
      const start = l.clock.now()
      await l.traffic.setWeight(10)
      expect(l.mutating()).toHaveLength(1)
      expect(await l.traffic.weight()).toBe(10)
      expect(l.clock.now() - start).toBeGreaterThanOrEqual(3000)
      expect(l.clock.now() - start).toBeLessThan(READ_BACK_MS)
      // Read back once: the next step's write starts from the weights as they now are, with one call.
      await l.traffic.setWeight(0)
      await l.traffic.setWeight(0)
      expect(l.mutating()).toHaveLength(2)
    }
  })

  it('resolves once the new weights have had time to reach the load balancer, so a bake watches them', async () => {
    const l = listener(single(BLUE))
    const attached = l.clock.now()
    await l.traffic.attach()
    // The new group joins at weight 0: no traffic moves, nothing to wait for.
    expect(l.clock.now()).toBe(attached)
    await l.traffic.setWeight(10)
    expect(l.clock.now() - attached).toBe(WEIGHT_PROPAGATION_MS)
    await l.traffic.setWeight(10)
    expect(l.clock.now() - attached).toBe(WEIGHT_PROPAGATION_MS)
  })

  it('a write that did not stick is written again only after the read-back window, even when reads lag', async () => {
    const l = listener(single(BLUE), { lost: 1, lagMs: 3000 })
    const start = l.clock.now()
    await l.traffic.setWeight(25)
    expect(l.mutating()).toHaveLength(2)
    expect(l.clock.now() - start).toBeGreaterThanOrEqual(READ_BACK_MS + 3000)
    expect(await l.traffic.weight()).toBe(25)
  })

  it('is ready only when the new target group has targets, all healthy', async () => {
    const ready = (states: string[]) => {
      const { client } = fakeClient<ElasticLoadBalancingV2Client>({
        DescribeListeners: () => ({ Listeners: [{ DefaultActions: weighted([BLUE, 100], [GREEN, 0]) }] }),
        DescribeTargetHealth: () => ({
          TargetHealthDescriptions: states.map(State => ({ TargetHealth: { State } }))
        })
      })
      return new ListenerWeights({ elb: client, listenerArn: 'arn:l', targetGroups: [BLUE, GREEN] }).ready()
    }
    expect(await ready(['healthy', 'healthy', 'draining'])).toBe(true)
    expect(await ready([])).toBe(false)
    expect(await ready(['healthy', 'initial'])).toBe(false)
    expect(await ready(['healthy', 'unhealthy'])).toBe(false)
    expect(await ready(['healthy', 'unused'])).toBe(false)
  })

  it('is ready only with as many healthy targets as the new revision runs tasks (a crash loop leaves draining ones)', async () => {
    const { client } = fakeClient<ElasticLoadBalancingV2Client>({
      DescribeListeners: () => ({ Listeners: [{ DefaultActions: weighted([BLUE, 100], [GREEN, 0]) }] }),
      DescribeTargetHealth: () => ({
        TargetHealthDescriptions: ['healthy', 'draining', 'draining'].map(State => ({
          TargetHealth: { State }
        }))
      })
    })
    const weights = new ListenerWeights({ elb: client, listenerArn: 'arn:l', targetGroups: [BLUE, GREEN] })
    expect(await weights.ready(3)).toBe(false)
    expect(await weights.ready(1)).toBe(true)
  })

  it('puts the new target group into a route that forwards to the stable one alone, at weight 0, before it can be ready', async () => {
    // ELBv2 health-checks only target groups a route uses: without this the new targets stay unused for ever.
    const l = listener(single(BLUE))
    expect(await l.traffic.ready()).toBe(false)
    expect(l.mutating()).toHaveLength(1)
    expect(l.actions()[1].ForwardConfig?.TargetGroups).toEqual([
      { TargetGroupArn: BLUE, Weight: 100 },
      { TargetGroupArn: GREEN, Weight: 0 }
    ])
    expect(await l.traffic.weight()).toBe(0)
    // From then on it only reads (the fake's targets are not all healthy).
    expect(await l.traffic.ready()).toBe(false)
    expect(l.mutating()).toHaveLength(1)
  })

  it('attaches the new target group once, before its task set is created, and only when the route lacks it', async () => {
    const plain = listener(single(BLUE))
    expect(await plain.traffic.attach()).toBe(true)
    expect(await plain.traffic.attach()).toBe(false)
    expect(plain.mutating()).toHaveLength(1)
    const weightedAlready = listener(weighted([BLUE, 100], [GREEN, 0]))
    expect(await weightedAlready.traffic.attach()).toBe(false)
    expect(weightedAlready.mutating()).toHaveLength(0)
  })

  it('counts targets by health', async () => {
    expect(await listener(single(BLUE)).traffic.targetHealth(GREEN)).toEqual({
      healthy: 2,
      initial: 1,
      unhealthy: 2,
      unused: 1
    })
  })
})

describe('weightsFor', () => {
  it('uses whole percents as weights and per-mille for fractions, always within 0–999', () => {
    expect(weightsFor(0)).toEqual({ new: 0, stable: 100 })
    expect(weightsFor(10)).toEqual({ new: 10, stable: 90 })
    expect(weightsFor(100)).toEqual({ new: 100, stable: 0 })
    expect(weightsFor(0.1)).toEqual({ new: 1, stable: 999 })
    expect(weightsFor(2.5)).toEqual({ new: 25, stable: 975 })
    expect(weightsFor(99.96)).toEqual({ new: 100, stable: 0 })
    expect(() => weightsFor(101)).toThrow('not within 0–100 %')
  })
})

describe('replicasTraffic', () => {
  it('does nothing', async () => {
    expect(replicasTraffic.mode).toBe('replicas')
    await replicasTraffic.setWeight(50)
    expect(await replicasTraffic.weight()).toBe(0)
  })
})
