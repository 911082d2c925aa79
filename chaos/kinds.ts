// The kinds of rollout the chaos harness plays (scenario.ts draws one per seed): a controller, traffic, strategies
// and any inputs of the kind's own.

import type { Prng } from './prng.js'

/**
 * Every kind of rollout the harness plays, drawn by share (one draw, in this order). A new kind is one entry:
 * the controller its service is created with, the traffic inputs, the strategies drawn for it, and any inputs
 * of its own. ECS + replicas is a service ECS replaces by rolling; ECS + weights one set up for ECS's native
 * strategies, held by the action's pause hook at every step (rolling has no hook to hold: docs/ecs-controller.md).
 */
export interface RolloutKind {
  name: string
  share: number
  controller: 'EXTERNAL' | 'ECS'
  traffic: 'replicas' | 'weights'
  strategies: string[]
  /** Inputs of the kind's own, drawn after the strategy's (they may override its bakes). */
  inputs?: (r: Prng) => Record<string, string>
  /** Services rolled out by one run (`services`, in waves): at least 2 when given. */
  services?: number[]
  /**
   * deploymentConfiguration fields the kind's inputs set and the action leaves so (documented): the settings
   * invariant does not hold them to the user's values.
   */
  setsSettings?: string[]
}

const TASK_SET_STRATEGIES = ['rolling', 'linear', 'canary', 'all-at-once', 'custom']

/** A custom metric gate: the new revision's 5xx share of its requests over the last 3 one-second periods. */
const NEW_5XX_METRIC = `- name: new-5xx
  queries:
    - Id: errors
      MetricStat:
        Metric:
          Namespace: AWS/ApplicationELB
          MetricName: HTTPCode_Target_5XX_Count
          Dimensions:
            - { Name: TargetGroup, Value: "{{new-target-group}}" }
            - { Name: LoadBalancer, Value: "{{load-balancer}}" }
        Stat: Sum
    - Id: requests
      MetricStat:
        Metric:
          Namespace: AWS/ApplicationELB
          MetricName: RequestCount
          Dimensions:
            - { Name: TargetGroup, Value: "{{new-target-group}}" }
            - { Name: LoadBalancer, Value: "{{load-balancer}}" }
        Stat: Sum
    - Id: rate
      Expression: "100 * FILL(errors, 0) / requests"
      ReturnData: true
  failure-condition: result > 20
  window: 3s
  failure-limit: 1
`

export const ROLLOUT_KINDS: readonly RolloutKind[] = [
  {
    name: 'task sets by weights',
    share: 0.2,
    controller: 'EXTERNAL',
    traffic: 'weights',
    strategies: [...TASK_SET_STRATEGIES, 'blue-green']
  },
  {
    name: 'task sets by replicas',
    share: 0.3,
    controller: 'EXTERNAL',
    traffic: 'replicas',
    strategies: TASK_SET_STRATEGIES
  },
  {
    name: 'ECS rolling',
    share: 0.1,
    controller: 'ECS',
    traffic: 'replicas',
    strategies: ['rolling', 'all-at-once'],
    // max-surge and max-unavailable are maximumPercent and minimumHealthyPercent (docs/ecs-controller.md).
    setsSettings: ['maximumPercent', 'minimumHealthyPercent']
  },
  {
    name: 'ECS native (pause hooks)',
    share: 0.15,
    controller: 'ECS',
    traffic: 'weights',
    strategies: ['linear', 'canary', 'blue-green']
  },
  {
    // The built-in 5xx and p99 checks at one-second periods (the sandbox's load balancer publishes them), a
    // custom query beside them on some; bakes long enough for the request minimum.
    name: 'metric-gated canary',
    share: 0.12,
    controller: 'EXTERNAL',
    traffic: 'weights',
    strategies: ['canary'],
    inputs: r => ({
      'metric-period': '1s',
      'canary-bake-time': r.pick(['4s', '6s']),
      ...(r.chance(0.5) ? { metrics: NEW_5XX_METRIC } : {})
    })
  },
  {
    name: 'wave of services',
    share: 0.13,
    controller: 'EXTERNAL',
    traffic: 'replicas',
    strategies: TASK_SET_STRATEGIES,
    services: [2, 3]
  }
]
