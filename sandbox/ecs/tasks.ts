import type {
  DescribeTasksRequest,
  DescribeTasksResponse,
  Failure,
  ListTasksRequest,
  ListTasksResponse,
  StopTaskRequest,
  StopTaskResponse,
  Task
} from '@aws-sdk/client-ecs'
import { isArn } from '../core/arn.js'
import { ecsErrors } from '../core/errors.js'
import { list, requireString } from '../core/validate.js'
import type { Ctx } from '../core/world.js'
import { stopTask } from '../sim/tasks.js'
import { requireCluster, requireService } from './lookup.js'
import type { ClusterRecord } from './model.js'
import { page } from './paging.js'
import { taskView } from './views.js'

const taskArnFor = (cluster: ClusterRecord, ref: string) =>
  isArn(ref) ? ref : `${cluster.arn.replace(':cluster/', ':task/')}/${ref}`

export function listTasks(ctx: Ctx, input: ListTasksRequest): ListTasksResponse {
  const cluster = requireCluster(ctx, input.cluster)
  const serviceArn = input.serviceName ? requireService(ctx, cluster, input.serviceName).arn : undefined
  const desired = input.desiredStatus ?? 'RUNNING'
  if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desired)) {
    throw ecsErrors.invalidParameter(`desiredStatus ${desired} is not valid.`)
  }
  const arns: string[] = []
  for (const task of ctx.world.ecs.tasks.values()) {
    if (task.clusterArn !== cluster.arn) continue
    if (serviceArn && task.serviceArn !== serviceArn) continue
    if (input.startedBy && task.startedBy !== input.startedBy) continue
    if (input.launchType && task.launchType !== input.launchType) continue
    if (input.family && !task.taskDefinitionArn.includes(`:task-definition/${input.family}:`)) continue
    // ECS lists PENDING tasks under desiredStatus RUNNING; desiredStatus PENDING matches nothing in practice.
    if (task.desiredStatus !== (desired === 'STOPPED' ? 'STOPPED' : 'RUNNING') || desired === 'PENDING')
      continue
    arns.push(task.arn)
  }
  const { items, nextToken } = page(arns, input.maxResults, input.nextToken, 100)
  return { taskArns: items, nextToken }
}

export function describeTasks(ctx: Ctx, input: DescribeTasksRequest): DescribeTasksResponse {
  const refs = list(input.tasks)
  if (refs.length === 0) throw ecsErrors.missing('tasks')
  if (refs.length > 100) throw ecsErrors.invalidParameter('tasks can have at most 100 items.')
  const cluster = requireCluster(ctx, input.cluster)
  const withTags = list(input.include).includes('TAGS')
  const tasks: Task[] = []
  const failures: Failure[] = []
  for (const ref of refs) {
    const arn = taskArnFor(cluster, ref)
    const task = ctx.world.ecs.tasks.get(arn)
    if (task && task.clusterArn === cluster.arn) tasks.push(taskView(task, withTags))
    else failures.push({ arn, reason: 'MISSING' })
  }
  return { tasks, failures }
}

export function stopTaskOperation(ctx: Ctx, input: StopTaskRequest): StopTaskResponse {
  const cluster = requireCluster(ctx, input.cluster)
  const arn = taskArnFor(cluster, requireString(input.task, 'task', ecsErrors.missing))
  const task = ctx.world.ecs.tasks.get(arn)
  if (!task || task.clusterArn !== cluster.arn)
    throw ecsErrors.invalidParameter('The referenced task was not found.')
  const reason = input.reason || 'Task stopped by user'
  stopTask(ctx.world, task, { reason, code: 'UserInitiated', exitCode: 0, graceful: true }, ctx.now)
  return { task: taskView(task, false) }
}
