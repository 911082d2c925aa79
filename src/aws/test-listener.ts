// The test listener: a second route on the load balancer that reaches only the new revision, so hooks can
// test it (ECS_ROLLOUT_TEST_URL) before any production traffic moves.

import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbSdk } from './clients.js'

/** Points the test listener at the new revision's target group and returns the URL hooks should call. */
export async function routeTestListener(
  elb: ElasticLoadBalancingV2Client,
  listenerArn: string,
  targetGroupArn: string
): Promise<string> {
  const listener = (
    await elb.send(new (await elbSdk()).DescribeListenersCommand({ ListenerArns: [listenerArn] }))
  ).Listeners?.[0]
  if (!listener) throw new Error(`test-listener-arn: listener ${listenerArn} was not found`)
  const current = listener.DefaultActions?.find(a => a.Type === 'forward')
  const only =
    current?.ForwardConfig?.TargetGroups ??
    (current?.TargetGroupArn ? [{ TargetGroupArn: current.TargetGroupArn }] : [])
  if (only.length !== 1 || only[0].TargetGroupArn !== targetGroupArn)
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
