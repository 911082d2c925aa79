import type { World } from '../core/world.js'
import { addEvent } from '../ecs/events.js'
import type { TaskRecord } from '../ecs/model.js'
import { recordTaskFailure } from './rolling.js'
import { finishStop, stopTask } from './tasks.js'

const CRASH = {
  reason: 'Essential container in task exited',
  code: 'EssentialContainerExited' as const,
  exitCode: 1,
  graceful: false
}

/** Container health checks fail this many times in a row before a task is UNHEALTHY (ECS's default retries). */
const CONTAINER_RETRIES = 3

/** Move every task along its lifecycle: PROVISIONING → PENDING → RUNNING, crashes, and the end of draining. */
export function advanceTasks(world: World, now: number): void {
  for (const task of world.ecs.tasks.values()) {
    if (task.lastStatus === 'STOPPED') continue
    if (task.lastStatus === 'DEACTIVATING') {
      if (drained(world, task, now)) finishStop(task, now)
      continue
    }
    if (task.desiredStatus === 'STOPPED') continue
    if (task.lastStatus === 'PROVISIONING' && now >= task.pendingAt) {
      task.lastStatus = 'PENDING'
      task.pullStartedAt = new Date(now)
      task.version++
    }
    if (task.lastStatus === 'PENDING' && now >= task.runningAt) {
      task.pullStoppedAt = new Date(now)
      if (task.behaviour.crash.kind === 'on-start') {
        stopTask(world, task, CRASH, now)
        recordTaskFailure(world, task, now)
        continue
      }
      startRunning(world, task, now)
    }
    if (task.lastStatus === 'RUNNING') {
      const crash = task.behaviour.crash
      if (crash.kind === 'after' && now >= +task.startedAt! + crash.seconds * 1000) {
        stopTask(world, task, CRASH, now)
        recordTaskFailure(world, task, now)
        continue
      }
      checkContainerHealth(world, task, now)
    }
  }
}

function drained(world: World, task: TaskRecord, now: number): boolean {
  return task.targets.every(reg => {
    const target = world.elb.targetGroups.get(reg.targetGroupArn)?.targets.get(`${task.ip}:${reg.port}`)
    return !target || target.state !== 'draining' || now >= (target.drainingUntil ?? 0)
  })
}

function startRunning(world: World, task: TaskRecord, now: number): void {
  task.lastStatus = 'RUNNING'
  task.startedAt = new Date(now)
  task.containerChecks.lastAt = now
  task.version++
  registerTargets(world, task, now)
}

/** Register a task's IP in the target groups of the task set or deployment that launched it, as ECS does. */
function registerTargets(world: World, task: TaskRecord, now: number): void {
  const service = world.ecs.services.get(task.serviceArn)
  if (!service) return
  const owner =
    service.taskSets.find(ts => ts.id === task.ownerId) ??
    service.deployments.find(d => d.id === task.ownerId)
  for (const lb of owner?.loadBalancers ?? []) {
    const tg = lb.targetGroupArn ? world.elb.targetGroups.get(lb.targetGroupArn) : undefined
    if (!tg || lb.containerPort === undefined) continue
    const port = lb.containerPort
    tg.targets.set(`${task.ip}:${port}`, {
      id: task.ip,
      port,
      availabilityZone: task.availabilityZone,
      state: 'initial',
      passes: 0,
      failures: 0,
      lastCheckAt: now,
      registeredAt: now
    })
    task.targets.push({ targetGroupArn: tg.arn, port })
    addEvent(
      world,
      service,
      `(service ${service.name}) registered 1 targets in (target-group ${tg.arn})`,
      now
    )
  }
}

function checkContainerHealth(world: World, task: TaskRecord, now: number): void {
  if (now - task.containerChecks.lastAt < world.settings.healthCheckMs) return
  task.containerChecks.lastAt = now
  const checks = task.containerChecks
  if (task.behaviour.unhealthy) {
    checks.failures++
    checks.passes = 0
  } else {
    checks.passes++
    checks.failures = 0
  }
  // Without a container health check ECS reports UNKNOWN; the sandbox still marks a SANDBOX_UNHEALTHY task
  // UNHEALTHY so its state is visible, but only a health check (container or ELB) gets it replaced.
  let status = task.healthStatus
  if (checks.failures >= CONTAINER_RETRIES) status = 'UNHEALTHY'
  else if (task.containerHealthCheck && checks.passes >= 1) status = 'HEALTHY'
  if (status !== task.healthStatus) {
    task.healthStatus = status
    task.version++
  }
}
