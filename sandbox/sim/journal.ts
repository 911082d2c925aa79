import type { JournalRoute, JournalTick } from '../core/journalTick.js'
import type { World } from '../core/world.js'
import { computedDesiredCount } from '../ecs/views.js'
import type { ServiceRecord } from '../ecs/model.js'
import { entryPoints, forwardTargets, referencesTargetGroup } from '../elbv2/usage.js'
import type { TrafficTick } from './traffic.js'
import { forwardAction, serviceTargetGroups } from './traffic.js'
import { isHealthy, isPending, isRunning, tasksOf, tasksOfService } from './taskState.js'

/** Bound per service: 36 000 ticks is ten hours at the default 1 s tick. */
const MAX_TICKS = 36_000

/** Record, for every service that exists, what its capacity and traffic looked like at this tick. */
export function recordJournal(world: World, now: number, traffic: TrafficTick): void {
  const entries = entryPoints(world)
  for (const service of world.ecs.services.values()) {
    if (service.status === 'INACTIVE') continue
    const ticks = world.journal.get(service.arn) ?? []
    world.journal.set(service.arn, ticks)
    ticks.push(snapshot(world, service, now, traffic, entries))
    if (ticks.length > MAX_TICKS) ticks.splice(0, ticks.length - MAX_TICKS)
  }
}

function snapshot(
  world: World,
  service: ServiceRecord,
  now: number,
  traffic: TrafficTick,
  entries: ReturnType<typeof entryPoints>
): JournalTick {
  const healthyByTaskDefinition: Record<string, number> = {}
  for (const task of tasksOfService(world, service.arn)) {
    if (!isHealthy(world, task)) continue
    healthyByTaskDefinition[task.taskDefinitionArn] =
      (healthyByTaskDefinition[task.taskDefinitionArn] ?? 0) + 1
  }
  const trafficShareByTaskDefinition: Record<string, number> = {}
  const requests = traffic.byService.get(service.arn)
  const total = requests ? [...requests.values()].reduce((a, b) => a + b, 0) : 0
  if (requests && total > 0) for (const [td, n] of requests) trafficShareByTaskDefinition[td] = n / total

  const weightsByTargetGroup: Record<string, number> = {}
  const healthyByTargetGroup: Record<string, number> = {}
  const tgs = serviceTargetGroups(service)
  for (const tgArn of tgs) {
    const tg = world.elb.targetGroups.get(tgArn)
    healthyByTargetGroup[tgArn] = tg ? [...tg.targets.values()].filter(t => t.state === 'healthy').length : 0
  }
  const routes: JournalRoute[] = []
  for (const entry of entries) {
    if (!tgs.some(tg => referencesTargetGroup(entry, tg))) continue
    const action = forwardAction(entry.actions)
    const weights: Record<string, number> = {}
    for (const target of action ? forwardTargets(action) : []) {
      weightsByTargetGroup[target.arn] = (weightsByTargetGroup[target.arn] ?? 0) + target.weight
      weights[target.arn] = (weights[target.arn] ?? 0) + target.weight
    }
    const flow = traffic.byRoute.get(service.arn)?.get(entry.ruleArn)
    const reached = flow ? [...flow.byTaskDefinition.values()].reduce((a, b) => a + b, 0) : 0
    routes.push({
      arn: entry.ruleArn,
      listener: entry.listener.arn,
      port: entry.listener.port,
      weights,
      requests: flow?.requests ?? 0,
      elb5xx: flow?.elb5xx ?? 0,
      trafficShareByTaskDefinition:
        flow && reached > 0
          ? Object.fromEntries([...flow.byTaskDefinition].map(([td, n]) => [td, n / reached]))
          : {}
    })
  }
  return {
    at: now,
    desiredCount: service.desiredCount,
    healthyByTaskDefinition,
    trafficShareByTaskDefinition,
    weightsByTargetGroup,
    healthyByTargetGroup,
    routes,
    taskSets: service.taskSets.map(ts => {
      const tasks = tasksOf(world, ts.id)
      return {
        id: ts.id,
        status: ts.status,
        scale: ts.scale.value,
        computedDesiredCount: computedDesiredCount(service, ts),
        runningCount: tasks.filter(isRunning).length,
        pendingCount: tasks.filter(isPending).length,
        stabilityStatus: ts.stabilityStatus,
        taskDefinition: ts.taskDefinitionArn
      }
    }),
    deployments: service.deployments
      .filter(d => d.status !== 'INACTIVE')
      .map(d => ({
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinitionArn,
        desiredCount: d.desiredCount,
        runningCount: tasksOf(world, d.id).filter(isRunning).length,
        rolloutState: d.rolloutState,
        failedTasks: d.failedTasks
      }))
  }
}

export interface JournalQuery {
  since?: number
  floor?: number
}

/** The journal for one service, with every tick whose total healthy capacity was below `floor`. */
export function readJournal(ticks: JournalTick[], query: JournalQuery) {
  const selected = query.since === undefined ? ticks : ticks.filter(t => t.at >= query.since!)
  if (query.floor === undefined) return { ticks: selected }
  const belowFloor = selected
    .map(t => ({ at: t.at, healthy: Object.values(t.healthyByTaskDefinition).reduce((a, b) => a + b, 0) }))
    .filter(t => t.healthy < query.floor!)
    .map(t => ({ ...t, floor: query.floor! }))
  return { ticks: selected, belowFloor }
}
