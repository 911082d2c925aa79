// The adapters of one task-set rollout: the task sets, the traffic route (by replicas, or listener weights between
// two target groups), the alarm gates, the record, and the lifecycle hooks with the test listener.

import * as core from '@actions/core'
import type { Clients } from '../aws/clients.js'
import { ListenerWeights, replicasTraffic } from '../aws/listener-weights.js'
import { RecordStore } from '../aws/record-store.js'
import { describeService, sharedService, type ServiceInfo } from '../aws/service.js'
import { TaskSetFleet, type TaskSetFleetOptions } from '../aws/task-set-fleet.js'
import { routeTestListener } from '../aws/test-listener.js'
import type { Config } from '../config/types.js'
import { describeError } from '../errors.js'
import type { EventSink } from '../engine/events.js'
import type { Hooks } from '../engine/hooks.js'
import type { MetricGateJudge } from '../engine/metric-gates.js'
import type { GatesPort, TrafficPort } from '../engine/ports.js'
import type { RolloutRecord } from '../record/record.js'
import { serviceMetricGates, weightedMetricGates } from './metric-wiring.js'
import { hookRunner } from './run-engine.js'
import { alarmGates } from './start-checks.js'
import type { SessionDeps } from './session-deps.js'

export interface Ports {
  /** With traffic by weights: the target group the new revision registers in, and the stable one's. */
  newTargetGroup?: string
  stableTargetGroup?: string
  fleet: TaskSetFleet
  traffic: TrafficPort
  /** The alarm gates, with the metric gates' read beside them. */
  gates: GatesPort
  /** The metric gates' judge, when there is anything to read. */
  metrics?: MetricGateJudge
  records: RecordStore
}

/** Builds the adapters for a rollout of `record.newTaskDefinition` over `record.stableTaskDefinition`. */
export async function portsFor(
  config: Config,
  clients: Clients,
  service: ServiceInfo,
  record: RolloutRecord
): Promise<Ports> {
  let traffic: TrafficPort = replicasTraffic
  let weights: ListenerWeights | undefined
  let newLoadBalancers: ServiceInfo['loadBalancers'] | undefined
  let newTargetGroup: string | undefined
  let stableTargetGroup: string | undefined
  if (record.plan.traffic === 'weights') {
    const registered = await newTaskSetGroup(config, clients, record)
    weights = new ListenerWeights({
      elb: clients.elb,
      listenerArn: config.listenerArn,
      listenerRuleArn: config.listenerRuleArn,
      targetGroups: config.targetGroups,
      // A rollout under way splits the route's traffic, so its new task set says which group is which.
      stableTargetGroup: registered && config.targetGroups.find(tg => tg !== registered)
    })
    const [stableGroup, newGroup] = [await weights.stableTargetGroup(), await weights.newTargetGroup()]
    traffic = weights
    newTargetGroup = newGroup
    stableTargetGroup = stableGroup
    if (
      !registered &&
      service.taskDefinition &&
      !service.loadBalancers.some(lb => lb.targetGroupArn === stableGroup)
    )
      throw new Error(
        `the route sends ${config.service}'s traffic to ${stableGroup}, but its serving task set registers in ${service.loadBalancers.map(lb => lb.targetGroupArn).join(', ') || 'no target group'}: target-groups must name the target group the serving tasks register in and the one beside it`
      )
    // The new task set registers in the other target group; everything else is as the stable one has it.
    newLoadBalancers = service.loadBalancers.map(lb =>
      lb.targetGroupArn === stableGroup ? { ...lb, targetGroupArn: newGroup } : lb
    )
  }
  const alarms = alarmGates(config, clients)
  const metrics =
    record.plan.traffic === 'weights'
      ? weightedMetricGates(config, clients, alarms, { newTargetGroup, stableTargetGroup })
      : await serviceMetricGates(config, clients, alarms, service.loadBalancers)
  return {
    traffic,
    newTargetGroup,
    stableTargetGroup,
    gates: metrics.gates,
    metrics: metrics.judge,
    fleet: new WeightedFleet({
      ecs: clients.ecs,
      cluster: config.cluster,
      service: config.service,
      newTaskDefinition: record.newTaskDefinition,
      stableTaskDefinition: record.stableTaskDefinition,
      rolloutId: record.id,
      clientToken: record.id,
      newLoadBalancers,
      weights,
      shared: sharedService(clients.shared, config.cluster, config.service, config.pollIntervalMs)
    }),
    records: new RecordStore({
      ecs: clients.ecs,
      serviceArn: service.arn,
      cluster: config.cluster,
      shared: sharedService(clients.shared, config.cluster, config.service, 0)?.read
    })
  }
}

/**
 * The task sets; by weights, the new target group joins the route (at weight 0) before the new task set is
 * created in it, since ECS refuses a target group no load balancer uses.
 */
class WeightedFleet extends TaskSetFleet {
  constructor(private readonly options: TaskSetFleetOptions & { weights?: ListenerWeights }) {
    super(options)
  }

  override async ensureNew(): Promise<void> {
    await this.options.weights?.attach()
    await super.ensureNew()
  }
}

/** The target group of target-groups the new revision's task set registers in, once that task set exists. */
async function newTaskSetGroup(
  config: Config,
  clients: Clients,
  record: RolloutRecord
): Promise<string | undefined> {
  if (record.newTaskDefinition === record.stableTaskDefinition) return undefined
  const sets = (await describeService(clients.ecs, config.cluster, config.service)).taskSets ?? []
  const fresh = sets.find(s => s.status !== 'DRAINING' && s.taskDefinition === record.newTaskDefinition)
  return fresh?.loadBalancers
    ?.map(lb => lb.targetGroupArn)
    .find((tg): tg is string => !!tg && config.targetGroups.includes(tg))
}

/**
 * The lifecycle hooks, and the test listener. The test listener is pointed at the new revision's target group
 * at the rollout's first gate (before production traffic moves, or after the first step is up), when the new
 * tasks are running and healthy: test traffic never meets an empty target group. Hooks get its URL. A rollback
 * points it back at the stable revision's target group, after production traffic and before the new tasks go.
 */
export function hooksFor(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  events: EventSink,
  ports: Ports
): Hooks | undefined {
  const listener = config.testListenerArn
  const group = ports.newTargetGroup
  let routed: Promise<string> | undefined
  const route = (): Promise<string> =>
    (routed ??= routeTestListener(deps.clients.elb, listener ?? '', group ?? '', deps.clock).then(url => {
      core.info(`test listener ${url} forwards to ${group}, the new revision's target group`)
      return url
    }))
  const runner = hookRunner(config, deps, record, events, async () => routed?.catch(() => undefined))
  if (!listener || !group) return runner
  return {
    async run(name, context) {
      if (name !== 'on-rollback') {
        try {
          await route()
        } catch (error) {
          routed = undefined
          return {
            kind: 'api',
            message: `could not point test listener ${listener} at ${group}: ${describeError(error)}`
          }
        }
      }
      return runner?.run(name, context)
    },
    async leavingNew() {
      const back = ports.stableTargetGroup
      if (!back) return
      routed = routeTestListener(deps.clients.elb, listener, back, deps.clock)
      await routed.then(
        url => core.info(`test listener ${url} forwards to ${back} again`),
        error =>
          core.warning(`Could not point test listener ${listener} back at ${back}: ${describeError(error)}`)
      )
    }
  }
}
