import type { World } from '../core/world.js'
import type { ServiceRecord, TaskSetRecord } from '../ecs/model.js'
import { computedDesiredCount } from '../ecs/views.js'
import { TaskEvents } from './events.js'
import { scaleInOrder, scalingReason } from './scaleIn.js'
import { launchTask, stopTask } from './tasks.js'
import { isHealthy, isLive, isPending, isRunning, tasksOf } from './taskState.js'

/** Keep every task set at its computed desired count, replacing stopped tasks, and update its stability. */
export function reconcileTaskSets(world: World, service: ServiceRecord, now: number): void {
  for (const taskSet of service.taskSets) {
    const desired = computedDesiredCount(service, taskSet)
    const live = tasksOf(world, taskSet.id).filter(isLive)
    const events = new TaskEvents(service, taskSet)
    for (let i = live.length; i < desired; i++) events.start(launchTask(world, service, taskSet, now))
    for (const task of scaleInOrder(world, live).slice(0, Math.max(0, live.length - desired))) {
      const spec = {
        reason: scalingReason(taskSet.id),
        code: 'ServiceSchedulerInitiated' as const,
        exitCode: 0,
        graceful: true
      }
      stopTask(world, task, spec, now)
      events.stop(task)
    }
    events.flush(world, now)
  }
  service.taskSets = service.taskSets.filter(
    ts => ts.status !== 'DRAINING' || tasksOf(world, ts.id).some(t => t.lastStatus !== 'STOPPED')
  )
  for (const taskSet of service.taskSets) updateStability(world, service, taskSet, now)
}

function updateStability(world: World, service: ServiceRecord, taskSet: TaskSetRecord, now: number): void {
  const tasks = tasksOf(world, taskSet.id)
  const running = tasks.filter(isRunning)
  const steady =
    running.length === computedDesiredCount(service, taskSet) &&
    !tasks.some(isPending) &&
    !tasks.some(t => t.lastStatus === 'DEACTIVATING') &&
    running.every(t => isHealthy(world, t))
  const status = steady ? 'STEADY_STATE' : 'STABILIZING'
  if (status !== taskSet.stabilityStatus) {
    taskSet.stabilityStatus = status
    taskSet.stabilityStatusAt = new Date(now)
  }
}

export function externalServiceSteady(world: World, service: ServiceRecord): boolean {
  return service.taskSets.length > 0 && service.taskSets.every(ts => ts.stabilityStatus === 'STEADY_STATE')
}
