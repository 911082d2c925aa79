import type { TaskRecord } from '../ecs/model.js'
import type { World } from '../core/world.js'

// Shared predicates over tasks; "live" means ECS still wants the task (desiredStatus RUNNING).
export const isLive = (t: TaskRecord) => t.desiredStatus === 'RUNNING'
export const isRunning = (t: TaskRecord) => t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING'
export const isPending = (t: TaskRecord) =>
  t.desiredStatus === 'RUNNING' && (t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING')

/** Running, not failing container health checks, and healthy in every target group it is registered in. */
export function isHealthy(world: World, task: TaskRecord): boolean {
  if (!isRunning(task) || task.healthStatus === 'UNHEALTHY') return false
  if (task.containerHealthCheck && task.healthStatus !== 'HEALTHY') return false
  return task.targets.every(reg => {
    const target = world.elb.targetGroups.get(reg.targetGroupArn)?.targets.get(`${task.ip}:${reg.port}`)
    return target !== undefined && (target.state === 'healthy' || target.state === 'unused')
  })
}

export function tasksOf(world: World, ownerId: string): TaskRecord[] {
  const out: TaskRecord[] = []
  for (const task of world.ecs.tasks.values()) if (task.ownerId === ownerId) out.push(task)
  return out
}

export function tasksOfService(world: World, serviceArn: string): TaskRecord[] {
  const out: TaskRecord[] = []
  for (const task of world.ecs.tasks.values()) if (task.serviceArn === serviceArn) out.push(task)
  return out
}
