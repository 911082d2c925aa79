import type { World } from '../core/world.js'
import { addEvent, eventSubject } from '../ecs/events.js'
import type { TaskRecord } from '../ecs/model.js'
import { recordTaskFailure } from './rolling.js'
import { stopTask } from './tasks.js'
import { isRunning } from './taskState.js'

/** How long a target stays unhealthy before ECS acts on it, in health-check intervals. */
const NOTICE_INTERVALS = 2

/**
 * ECS stops tasks that fail their ELB or container health checks (after the service's grace period) and the
 * owning task set or deployment launches replacements on the next reconcile.
 */
export function replaceUnhealthyTasks(world: World, now: number): void {
  for (const task of world.ecs.tasks.values()) {
    if (!isRunning(task)) continue
    const service = world.ecs.services.get(task.serviceArn)
    if (!service) continue
    const graceMs = (service.healthCheckGracePeriodSeconds ?? 0) * 1000
    if (now < +task.startedAt! + graceMs) continue
    const failing = task.targets.find(reg => {
      const target = world.elb.targetGroups.get(reg.targetGroupArn)?.targets.get(`${task.ip}:${reg.port}`)
      const noticedAt = (target?.unhealthySince ?? now) + NOTICE_INTERVALS * world.settings.healthCheckMs
      return target?.state === 'unhealthy' && now >= noticedAt
    })
    const taskSet = service.taskSets.find(ts => ts.id === task.ownerId)
    if (failing) {
      addEvent(
        world,
        service,
        `${eventSubject(service, taskSet)} (port ${failing.port}) is unhealthy in (target-group ${failing.targetGroupArn}) due to (reason Health checks failed).`,
        now
      )
      stop(world, task, `Task failed ELB health checks in (target-group ${failing.targetGroupArn})`, now)
    } else if (task.containerHealthCheck && task.healthStatus === 'UNHEALTHY') {
      addEvent(
        world,
        service,
        `${eventSubject(service, taskSet)} (task ${task.id}) failed container health checks.`,
        now
      )
      stop(world, task, 'Task failed container health checks', now)
    }
  }
}

function stop(world: World, task: TaskRecord, reason: string, now: number): void {
  stopTask(world, task, { reason, code: 'ServiceSchedulerInitiated', exitCode: 137, graceful: true }, now)
  recordTaskFailure(world, task, now)
}
