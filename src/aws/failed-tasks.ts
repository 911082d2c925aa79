// The new revision's failed tasks, for the circuit breaker: its stopped tasks, minus the ones ECS stopped
// for a reason that says nothing about the revision (scale-in, a person's StopTask, Spot reclaims).

import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs'
import type { FailedTask } from '../engine/ports.js'

const DESCRIBE_MAX = 100
/** Stopped tasks stay listed for about an hour; 10 pages cover any max-failed-tasks (at most 1000). */
const PAGES_MAX = 10
const NOT_THE_REVISION = new Set(['UserInitiated', 'SpotInterruption', 'TerminationNotice'])
const SCALE_IN = /^Scaling activity initiated by/

export class FailedTasks {
  /** Stopped tasks already judged: each is described once. */
  private readonly judged = new Set<string>()
  private readonly found = new Map<string, FailedTask>()

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string
  ) {}

  /** Everything found so far, oldest first. */
  list(): FailedTask[] {
    return [...this.found.values()].sort((a, b) => a.at - b.at)
  }

  /** Looks at the task set's stopped tasks not judged yet. */
  async collect(taskSetId: string): Promise<void> {
    const fresh = (await this.stoppedTasks(taskSetId)).filter(arn => !this.judged.has(arn))
    for (let i = 0; i < fresh.length; i += DESCRIBE_MAX) {
      const out = await this.ecs.send(
        new DescribeTasksCommand({ cluster: this.cluster, tasks: fresh.slice(i, i + DESCRIBE_MAX) })
      )
      // A task still stopping has no final reason or exit codes yet: judge it on a later look.
      for (const task of out.tasks ?? []) {
        if (!task.taskArn || task.lastStatus !== 'STOPPED') continue
        this.judged.add(task.taskArn)
        if (isFailure(task)) this.found.set(task.taskArn, failedTask(task))
      }
    }
  }

  private async stoppedTasks(startedBy: string): Promise<string[]> {
    const arns: string[] = []
    let nextToken: string | undefined
    for (let page = 0; page < PAGES_MAX; page++) {
      const out = await this.ecs.send(
        new ListTasksCommand({ cluster: this.cluster, startedBy, desiredStatus: 'STOPPED', nextToken })
      )
      arns.push(...(out.taskArns ?? []))
      nextToken = out.nextToken
      if (!nextToken) break
    }
    return arns
  }
}

function isFailure(task: Task): boolean {
  return !NOT_THE_REVISION.has(task.stopCode ?? '') && !SCALE_IN.test(task.stoppedReason ?? '')
}

function failedTask(task: Task): FailedTask {
  const containers = task.containers ?? []
  const details = containers
    .map(c =>
      c.reason ? `${c.name}: ${c.reason}` : c.exitCode ? `${c.name} exited with code ${c.exitCode}` : ''
    )
    .filter(Boolean)
  return {
    taskArn: task.taskArn ?? '',
    reason: [task.stoppedReason ?? 'stopped', ...details].join('; '),
    at: (task.stoppedAt ?? task.stoppingAt ?? new Date()).getTime(),
    exitCode: containers.find(c => c.exitCode)?.exitCode
  }
}
