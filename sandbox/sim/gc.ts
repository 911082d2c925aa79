import { expireMetrics } from '../cloudwatch/metrics.js'
import type { World } from '../core/world.js'
import type { TaskRecord } from '../ecs/model.js'

/**
 * ECS shows stopped tasks for about an hour, and may purge INACTIVE services ("in the future, INACTIVE services
 * may be cleaned up", DeleteService); the sandbox keeps both an hour and caps stopped tasks per service. A deleted
 * service's stopped tasks go once it is INACTIVE: every simulation step scans the tasks, and an hour of runs
 * (a chaos batch) left thousands of them slowing each step down.
 */
const STOPPED_TASK_TTL_MS = 60 * 60 * 1000
const INACTIVE_SERVICE_TTL_MS = 60 * 60 * 1000
const STOPPED_TASKS_PER_SERVICE = 200

export function collectGarbage(world: World, now: number): void {
  const stoppedByService = new Map<string, TaskRecord[]>()
  const running = new Set<string>()
  for (const task of world.ecs.tasks.values()) {
    if (task.lastStatus !== 'STOPPED') {
      running.add(task.serviceArn)
      continue
    }
    const deleted = world.ecs.services.get(task.serviceArn)?.status === 'INACTIVE'
    if (deleted || now - +task.stoppedAt! > STOPPED_TASK_TTL_MS) {
      world.ecs.tasks.delete(task.arn)
      continue
    }
    const list = stoppedByService.get(task.serviceArn) ?? []
    list.push(task)
    stoppedByService.set(task.serviceArn, list)
  }
  for (const stopped of stoppedByService.values()) {
    if (stopped.length <= STOPPED_TASKS_PER_SERVICE) continue
    stopped.sort((a, b) => +a.stoppedAt! - +b.stoppedAt!)
    for (const task of stopped.slice(0, stopped.length - STOPPED_TASKS_PER_SERVICE))
      world.ecs.tasks.delete(task.arn)
  }
  for (const service of world.ecs.services.values()) {
    if (service.status === 'INACTIVE' && now - service.inactiveAt! > INACTIVE_SERVICE_TTL_MS)
      world.ecs.services.delete(service.arn)
    if (service.status !== 'DRAINING' || running.has(service.arn)) continue
    service.status = 'INACTIVE'
    service.inactiveAt = now
    service.taskSets = []
    for (const d of service.deployments) d.status = 'INACTIVE'
    // Its capacity and traffic no longer change: a long-lived sandbox (a 1000-run chaos batch) would otherwise
    // keep every deleted service's ticks until it ran out of memory.
    world.journal.delete(service.arn)
  }
  expireMetrics(world, now)
}
