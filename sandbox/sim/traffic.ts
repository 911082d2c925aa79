import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2'
import { arnResource, lastSegment } from '../core/arn.js'
import type { World } from '../core/world.js'
import { pointFromValues, putPoint } from '../cloudwatch/metrics.js'
import type { Dimension } from '../cloudwatch/model.js'
import type { ServiceRecord, TaskRecord } from '../ecs/model.js'
import type { TargetGroupRecord } from '../elbv2/model.js'
import { forwardTargets, referencesTargetGroup } from '../elbv2/usage.js'
import { latencySamples } from './latency.js'
import { servedEntryPoints } from './propagation.js'
import { faultOf } from './revisionFaults.js'

/** Latency of a healthy target before SANDBOX_LATENCY_MS is added. */
const BASE_LATENCY_MS = 20

interface GroupTraffic {
  requests: number
  errors: number
  latency: { value: number; count: number }[]
}

export interface TrafficTick {
  /** Requests that reached tasks, by service ARN then task definition ARN. */
  byService: Map<string, Map<string, number>>
  /** By service ARN then entry point (listener default rule or rule ARN): what came in that way. */
  byRoute: Map<string, Map<string, RouteTraffic>>
}

/** One entry point's part of a service's traffic in one tick. */
export interface RouteTraffic {
  requests: number
  /** Requests the load balancer answered itself (no target to send them to, or all weights 0). */
  elb5xx: number
  /** Requests that reached tasks, by task definition ARN. */
  byTaskDefinition: Map<string, number>
}

/** The target groups a service's tasks register in, from the service, its deployments and its task sets. */
export function serviceTargetGroups(service: ServiceRecord): string[] {
  const arns = new Set<string>()
  const owners = [service, ...service.deployments.filter(d => d.status !== 'INACTIVE'), ...service.taskSets]
  for (const owner of owners)
    for (const lb of owner.loadBalancers) if (lb.targetGroupArn) arns.add(lb.targetGroupArn)
  return [...arns]
}

/** The action an ALB executes: the first forward action by Order. */
export function forwardAction(actions: Action[]): Action | undefined {
  return [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).find(a => a.Type === 'forward')
}

/**
 * Send each load-balanced service its request rate for one tick: in through the listeners and rules that forward
 * to its target groups, split by their weights, then evenly over each group's healthy targets. A listener with
 * its own request rate (a test listener) carries that rate instead of a share of the service's. Publishes the
 * AWS/ApplicationELB and AWS/ECS metrics CloudWatch would have.
 */
export function simulateTraffic(world: World, now: number, elapsedMs: number): TrafficTick {
  const seconds = elapsedMs / 1000
  const entries = servedEntryPoints(world, now)
  const taskByIp = new Map<string, TaskRecord>()
  for (const task of world.ecs.tasks.values()) {
    task.lastRequestRate = 0
    if (task.lastStatus !== 'STOPPED') taskByIp.set(task.ip, task)
  }
  const groups = new Map<string, Map<string, GroupTraffic>>()
  const balancers = new Map<string, { requests: number; elb5xx: number }>()
  const byService = new Map<string, Map<string, number>>()
  const byRoute = new Map<string, Map<string, RouteTraffic>>()

  for (const service of world.ecs.services.values()) {
    if (service.status !== 'ACTIVE') continue
    const tgs = serviceTargetGroups(service)
    const ways = entries.filter(e => tgs.some(tg => referencesTargetGroup(e, tg)))
    if (ways.length === 0) continue
    const total = (world.trafficRates.get(service.arn) ?? world.settings.requestRate) * seconds
    const shared = ways.filter(e => e.listener.requestRate === undefined).length
    const shares = new Map<string, number>()
    const routes = new Map<string, RouteTraffic>()
    byService.set(service.arn, shares)
    byRoute.set(service.arn, routes)
    for (const entry of ways) {
      const own = entry.listener.requestRate
      const requests =
        own === undefined
          ? total / shared
          : (own * seconds) / ways.filter(e => e.listener === entry.listener).length
      const traffic: RouteTraffic = { requests, elb5xx: 0, byTaskDefinition: new Map() }
      routes.set(entry.ruleArn, traffic)
      const lbArn = entry.listener.loadBalancerArn
      const lb = balancers.get(lbArn) ?? { requests: 0, elb5xx: 0 }
      balancers.set(lbArn, lb)
      lb.requests += requests
      const action = forwardAction(entry.actions)
      const targets = action ? forwardTargets(action) : []
      const weight = targets.reduce((n, t) => n + t.weight, 0)
      if (weight === 0) {
        lb.elb5xx += requests
        traffic.elb5xx += requests
        continue
      }
      // A target group whose every target belongs to a revision that gets no traffic (a fault) is passed over,
      // its weight going to the others, as if the rule never reached it.
      const reached = targets.filter(t => {
        const tg = world.elb.targetGroups.get(t.arn)
        return t.weight > 0 && !(tg && tg.targets.size > 0 && pool(world, tg, taskByIp).length === 0)
      })
      const reachedWeight = reached.reduce((n, t) => n + t.weight, 0)
      for (const target of reached) {
        const tg = world.elb.targetGroups.get(target.arn)
        const share = (requests * target.weight) / reachedWeight
        if (!tg || !route(world, tg, share, lbArn, taskByIp, groups, traffic.byTaskDefinition, seconds)) {
          lb.elb5xx += share
          traffic.elb5xx += share
        }
      }
      if (reached.length === 0) {
        lb.elb5xx += requests
        traffic.elb5xx += requests
      }
      for (const [td, n] of traffic.byTaskDefinition) shares.set(td, (shares.get(td) ?? 0) + n)
    }
  }
  publishElbMetrics(world, now, groups, balancers)
  publishEcsMetrics(world, now)
  return { byService, byRoute }
}

/**
 * The targets a target group sends requests to: the healthy ones, or all the unhealthy ones when none is healthy
 * (an ALB fails open); never those of a revision that gets no traffic.
 */
function pool(world: World, tg: TargetGroupRecord, taskByIp: Map<string, TaskRecord>) {
  const targets = [...tg.targets.values()].filter(t => {
    const task = taskByIp.get(t.id)
    return !(task && faultOf(world, task.taskDefinitionArn)?.noTraffic)
  })
  const healthy = targets.filter(t => t.state === 'healthy')
  return healthy.length ? healthy : targets.filter(t => t.state === 'unhealthy')
}

function route(
  world: World,
  tg: TargetGroupRecord,
  requests: number,
  lbArn: string,
  taskByIp: Map<string, TaskRecord>,
  groups: Map<string, Map<string, GroupTraffic>>,
  shares: Map<string, number>,
  seconds: number
): boolean {
  const targets = pool(world, tg, taskByIp)
  if (targets.length === 0) return false
  const byLb = groups.get(tg.arn) ?? new Map<string, GroupTraffic>()
  groups.set(tg.arn, byLb)
  const stats = byLb.get(lbArn) ?? { requests: 0, errors: 0, latency: [] }
  byLb.set(lbArn, stats)
  const each = requests / targets.length
  for (const target of targets) {
    const task = taskByIp.get(target.id)
    const fault = task && faultOf(world, task.taskDefinitionArn)
    const answering = !task || (task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING')
    const errorRate = !answering ? 1 : (fault?.errorRate ?? task?.behaviour.errorRate ?? 0)
    const latencyMs = (BASE_LATENCY_MS + (task?.behaviour.latencyMs ?? 0)) * (fault?.latencyFactor ?? 1)
    stats.requests += each
    stats.errors += each * errorRate
    stats.latency.push(...latencySamples(latencyMs / 1000, each))
    if (task) {
      task.lastRequestRate += each / seconds
      shares.set(task.taskDefinitionArn, (shares.get(task.taskDefinitionArn) ?? 0) + each)
    }
  }
  return true
}

const count = (t: number, value: number) => pointFromValues(t, [{ value, count: 1 }])

function publishElbMetrics(
  world: World,
  now: number,
  groups: Map<string, Map<string, GroupTraffic>>,
  balancers: Map<string, { requests: number; elb5xx: number }>
): void {
  const ns = 'AWS/ApplicationELB'
  for (const tg of world.elb.targetGroups.values()) {
    const region = tg.arn.split(':')[3]
    const tgDim: Dimension = { Name: 'TargetGroup', Value: arnResource(tg.arn) }
    const byLb = groups.get(tg.arn) ?? new Map<string, GroupTraffic>()
    const all: GroupTraffic = { requests: 0, errors: 0, latency: [] }
    for (const [lbArn, stats] of byLb) {
      publishGroup(world, region, now, [tgDim, lbDimension(lbArn)], stats)
      all.requests += stats.requests
      all.errors += stats.errors
      all.latency.push(...stats.latency)
    }
    publishGroup(world, region, now, [tgDim], all)
    const lbArns = new Set(byLb.keys())
    for (const listener of world.elb.listeners.values()) {
      if (listener.defaultActions.some(a => forwardTargets(a).some(t => t.arn === tg.arn))) {
        lbArns.add(listener.loadBalancerArn)
      }
    }
    const states = [...tg.targets.values()]
    const healthy = states.filter(t => t.state === 'healthy').length
    const unhealthy = states.filter(t => t.state === 'unhealthy').length
    for (const lbArn of lbArns) {
      const dims = [tgDim, lbDimension(lbArn)]
      putPoint(world, region, ns, 'HealthyHostCount', dims, count(now, healthy), 'Count')
      putPoint(world, region, ns, 'UnHealthyHostCount', dims, count(now, unhealthy), 'Count')
    }
  }
  const byBalancer = new Map<string, GroupTraffic>()
  for (const byLb of groups.values()) {
    for (const [lbArn, stats] of byLb) {
      const total = byBalancer.get(lbArn) ?? { requests: 0, errors: 0, latency: [] }
      byBalancer.set(lbArn, total)
      total.requests += stats.requests
      total.errors += stats.errors
      total.latency.push(...stats.latency)
    }
  }
  for (const [lbArn, lb] of balancers) {
    const region = lbArn.split(':')[3]
    const targets = byBalancer.get(lbArn)
    // Load-balancer-wide target metrics; RequestCount is published below with the ELB's own 5xx included.
    if (targets) publishGroup(world, region, now, [lbDimension(lbArn)], targets, false)
    if (lb.requests > 0)
      putPoint(world, region, ns, 'RequestCount', [lbDimension(lbArn)], count(now, lb.requests), 'Count')
    if (lb.elb5xx > 0) {
      putPoint(
        world,
        region,
        ns,
        'HTTPCode_ELB_5XX_Count',
        [lbDimension(lbArn)],
        count(now, lb.elb5xx),
        'Count'
      )
    }
  }
}

const lbDimension = (lbArn: string): Dimension => ({
  Name: 'LoadBalancer',
  Value: arnResource(lbArn).replace(/^loadbalancer\//, '')
})

/** Like the ALB, publish counts only when they are non-zero. */
function publishGroup(
  world: World,
  region: string,
  now: number,
  dims: Dimension[],
  stats: GroupTraffic,
  withRequestCount = true
): void {
  const ns = 'AWS/ApplicationELB'
  if (stats.requests <= 0) return
  if (withRequestCount) putPoint(world, region, ns, 'RequestCount', dims, count(now, stats.requests), 'Count')
  const ok = stats.requests - stats.errors
  if (ok > 1e-9) putPoint(world, region, ns, 'HTTPCode_Target_2XX_Count', dims, count(now, ok), 'Count')
  if (stats.errors > 1e-9)
    putPoint(world, region, ns, 'HTTPCode_Target_5XX_Count', dims, count(now, stats.errors), 'Count')
  putPoint(
    world,
    region,
    ns,
    'TargetResponseTime',
    dims,
    pointFromValues(now, merged(stats.latency)),
    'Seconds'
  )
}

/** Targets of one revision answer alike: one value/count pair per distinct response time keeps datapoints small. */
function merged(samples: { value: number; count: number }[]): { value: number; count: number }[] {
  const counts = new Map<number, number>()
  for (const { value, count } of samples) counts.set(value, (counts.get(value) ?? 0) + count)
  return [...counts].map(([value, count]) => ({ value, count }))
}

/** CPU and memory grow with each task's request rate; published per ClusterName/ServiceName. */
function publishEcsMetrics(world: World, now: number): void {
  const byService = new Map<string, TaskRecord[]>()
  for (const task of world.ecs.tasks.values()) {
    if (task.lastStatus !== 'RUNNING') continue
    const list = byService.get(task.serviceArn) ?? []
    list.push(task)
    byService.set(task.serviceArn, list)
  }
  for (const [serviceArn, tasks] of byService) {
    const service = world.ecs.services.get(serviceArn)
    if (!service) continue
    const region = serviceArn.split(':')[3]
    const dims = [
      { Name: 'ClusterName', Value: lastSegment(service.clusterArn) },
      { Name: 'ServiceName', Value: service.name }
    ]
    const cpu = tasks.map(t => ({ value: Math.min(100, 5 + t.lastRequestRate * 0.4), count: 1 }))
    const memory = tasks.map(t => ({ value: Math.min(100, 30 + t.lastRequestRate * 0.1), count: 1 }))
    putPoint(world, region, 'AWS/ECS', 'CPUUtilization', dims, pointFromValues(now, cpu), 'Percent')
    putPoint(world, region, 'AWS/ECS', 'MemoryUtilization', dims, pointFromValues(now, memory), 'Percent')
  }
}
