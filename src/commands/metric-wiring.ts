// The metric gates of a rollout, whatever its controller: the alarm gates with the metric read beside them
// (aws/metric-gates.ts), and the judge the engine loop hands their series to (engine/metric-gates.ts), over the
// load balancer and target groups found for the service (aws/metric-targets.ts).

import * as core from '@actions/core'
import type { AlarmGates } from '../aws/alarm-gates.js'
import { clientRegion, type Clients } from '../aws/clients.js'
import type { ServiceInfo } from '../aws/service.js'
import { MetricGates } from '../aws/metric-gates.js'
import { layoutOf, serviceTargets, weightedTargets, type MetricTargets } from '../aws/metric-targets.js'
import { PLACEHOLDERS } from '../config/custom-metrics.js'
import { InputError } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { describeError } from '../errors.js'
import { MetricGateJudge } from '../engine/metric-gates.js'
import type { GatesPort } from '../engine/ports.js'

export interface MetricWiring {
  gates: GatesPort
  /** Undefined when there is nothing to read (no load balancer, checks off, no custom metric). */
  judge?: MetricGateJudge
}

/** Traffic by weights: the route's two target groups. */
export function weightedMetricGates(
  config: Config,
  clients: Clients,
  alarms: AlarmGates,
  groups: { newTargetGroup?: string; stableTargetGroup?: string }
): MetricWiring {
  const route = config.listenerRuleArn ?? config.listenerArn
  const targets = weightedTargets(base(config), route, groups.newTargetGroup, groups.stableTargetGroup)
  return wire(config, clients, alarms, targets)
}

/** The service's own load balancers: one shared target group, or ECS's native production and alternate groups. */
export async function serviceMetricGates(
  config: Config,
  clients: Clients,
  alarms: AlarmGates,
  loadBalancers: ServiceInfo['loadBalancers']
): Promise<MetricWiring> {
  let targets: MetricTargets = base(config)
  try {
    targets = await serviceTargets(clients, targets, loadBalancers)
  } catch (error) {
    // Without its load balancer the built-in checks cannot read anything; the rollout goes on under its alarms.
    core.warning(
      `The built-in metric checks are off: the load balancer of ${config.service}'s target group could not be found (${describeError(error)}). Allow elasticloadbalancing:DescribeTargetGroups, or set metric-checks: false`
    )
  }
  return wire(config, clients, alarms, targets)
}

function base(config: Config): MetricTargets {
  return { cluster: config.cluster, service: config.service }
}

function wire(config: Config, clients: Clients, alarms: AlarmGates, targets: MetricTargets): MetricWiring {
  checkPlaceholders(config, targets)
  const judge = new MetricGateJudge(config.metricGates, layoutOf(targets))
  if (!judge.active) return { gates: alarms }
  return {
    gates: new MetricGates(alarms, {
      cloudwatch: clients.cloudwatch,
      region: () => clientRegion(clients),
      config: config.metricGates,
      targets
    }),
    judge
  }
}

/**
 * Before anything changes: a custom query's target-group or load-balancer placeholder needs a service behind a
 * load balancer (a Network Load Balancer's `{{load-balancer}}` is found out once its targets are read).
 */
export function checkMetricPlaceholders(config: Config, service: ServiceInfo): void {
  const behind = config.plan.traffic === 'weights' || service.loadBalancers.some(lb => lb.targetGroupArn)
  if (!behind) checkPlaceholders(config, base(config))
}

/** A custom query's placeholder this service cannot fill fails the run before the rollout's first change. */
function checkPlaceholders(config: Config, t: MetricTargets): void {
  const missing: Partial<Record<(typeof PLACEHOLDERS)[number], string>> = {
    'new-target-group': t.newTargetGroup ? undefined : 'it has no target group',
    'stable-target-group': t.newTargetGroup ? undefined : 'it has no target group',
    'load-balancer': t.loadBalancer ? undefined : 'it has no Application Load Balancer'
  }
  for (const metric of config.metricGates.custom)
    for (const text of JSON.stringify(metric.queries).matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      const why = missing[text[1] as keyof typeof missing]
      if (why)
        throw new InputError(
          'metrics',
          `metric "${metric.name}": queries: {{${text[1]}}} cannot be filled in for service ${config.service}: ${why}`
        )
    }
}
