import type { World } from '../core/world.js'
import type { ServiceRecord, TaskRecord, TaskSetRecord } from './model.js'

const MAX_EVENTS = 100

/** Service events, newest first and capped at 100, worded as ECS words them. */
export function addEvent(world: World, service: ServiceRecord, message: string, now: number): void {
  service.events.unshift({ id: world.rng.uuid(), createdAt: new Date(now), message })
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS
}

/** `(service web)` or `(service web, taskSet ecs-svc/123)`. */
export const eventSubject = (service: ServiceRecord, taskSet?: TaskSetRecord) =>
  taskSet ? `(service ${service.name}, taskSet ${taskSet.id})` : `(service ${service.name})`

export const taskList = (tasks: TaskRecord[]) => tasks.map(t => `(task ${t.id})`).join(' ')
