// The test listener: a second route on the load balancer that reaches only the new revision, so hooks can
// test it (ECS_ROLLOUT_TEST_URL) before any production traffic moves.

import type { ElasticLoadBalancingV2Client, Listener } from '@aws-sdk/client-elastic-load-balancing-v2'
import { systemClock, type Clock } from '../engine/ports.js'
import { elbSdk } from './clients.js'
import { WEIGHT_PROPAGATION_MS } from './listener-weights.js'
import { readBack } from './read-back.js'

/**
 * Points the test listener at the new revision's target group and returns the URL hooks should call, once the
 * load balancer's nodes have had time to take the change up (a hook must not test the old revision).
 */
export async function routeTestListener(
  elb: ElasticLoadBalancingV2Client,
  listenerArn: string,
  targetGroupArn: string,
  clock: Clock = systemClock
): Promise<string> {
  const read = async () =>
    (await elb.send(new (await elbSdk()).DescribeListenersCommand({ ListenerArns: [listenerArn] })))
      .Listeners?.[0]
  const forwardsOnly = (l: Listener | undefined): boolean => {
    const current = l?.DefaultActions?.find(a => a.Type === 'forward')
    const only =
      current?.ForwardConfig?.TargetGroups ??
      (current?.TargetGroupArn ? [{ TargetGroupArn: current.TargetGroupArn }] : [])
    return only.length === 1 && only[0].TargetGroupArn === targetGroupArn
  }
  const listener = await read()
  if (!listener) throw new Error(`test-listener-arn: listener ${listenerArn} was not found`)
  if (!forwardsOnly(listener)) {
    await elb.send(
      new (await elbSdk()).ModifyListenerCommand({
        ListenerArn: listenerArn,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArn, Weight: 1 }] }
          }
        ]
      })
    )
    // Read back (DescribeListeners is eventually consistent): a later look of this run's, such as pointing it
    // back at the stable revision, then starts from this write and not from a lagging view of before it.
    await readBack(read, forwardsOnly, clock)
    await clock.sleep(WEIGHT_PROPAGATION_MS)
  }
  const lb = (
    await elb.send(
      new (await elbSdk()).DescribeLoadBalancersCommand({
        LoadBalancerArns: [listener.LoadBalancerArn ?? '']
      })
    )
  ).LoadBalancers?.[0]
  const scheme = listener.Protocol === 'HTTPS' || listener.Protocol === 'TLS' ? 'https' : 'http'
  return `${scheme}://${lb?.DNSName ?? 'localhost'}:${listener.Port ?? 80}`
}
