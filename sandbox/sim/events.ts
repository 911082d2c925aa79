import { addEvent, eventSubject, taskList } from '../ecs/events.js'
import type { ServiceRecord, TaskRecord, TaskSetRecord } from '../ecs/model.js'
import type { World } from '../core/world.js'

/** Collects the tasks a reconcile pass started and stopped, then writes them as ECS's grouped events. */
export class TaskEvents {
  private readonly started: TaskRecord[] = []
  private readonly stopped: TaskRecord[] = []

  constructor(
    private readonly service: ServiceRecord,
    private readonly taskSet?: TaskSetRecord
  ) {}

  start(task: TaskRecord): void {
    this.started.push(task)
  }

  stop(task: TaskRecord): void {
    this.stopped.push(task)
  }

  flush(world: World, now: number): void {
    const subject = eventSubject(this.service, this.taskSet)
    if (this.stopped.length) {
      addEvent(
        world,
        this.service,
        `${subject} has stopped ${this.stopped.length} running tasks: ${taskList(this.stopped)}.`,
        now
      )
    }
    if (this.started.length) {
      addEvent(
        world,
        this.service,
        `${subject} has started ${this.started.length} tasks: ${taskList(this.started)}.`,
        now
      )
    }
  }
}
