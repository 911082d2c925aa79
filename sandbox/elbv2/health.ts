import type { World } from '../core/world.js'
import type { TaskRecord } from '../ecs/model.js'
import type { TargetGroupRecord, TargetRecord } from './model.js'
import { targetGroupInUse } from './usage.js'

/**
 * Run target-group health checks every `healthCheckMs` (the sandbox's stand-in for HealthCheckIntervalSeconds),
 * honouring each group's healthy/unhealthy threshold counts, and end draining after the deregistration delay.
 */
export function runHealthChecks(world: World, now: number): void {
  const taskByIp = new Map<string, TaskRecord>()
  for (const task of world.ecs.tasks.values()) {
    if (task.lastStatus !== 'STOPPED') taskByIp.set(task.ip, task)
  }
  for (const tg of world.elb.targetGroups.values()) {
    const inUse = targetGroupInUse(world, tg.arn)
    for (const [key, target] of tg.targets) {
      if (target.state === 'draining') {
        if (now >= (target.drainingUntil ?? 0)) tg.targets.delete(key)
        continue
      }
      if (!inUse) {
        target.state = 'unused'
        continue
      }
      if (target.state === 'unused') reset(target, 'initial')
      if (now - target.lastCheckAt < world.settings.healthCheckMs) continue
      target.lastCheckAt = now
      check(tg, target, probe(taskByIp.get(target.id)), now)
    }
  }
}

/** A task answers health checks while it runs and is not SANDBOX_UNHEALTHY; other targets are assumed fine. */
function probe(task: TaskRecord | undefined): boolean {
  if (!task) return true
  return task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING' && !task.behaviour.unhealthy
}

function check(tg: TargetGroupRecord, target: TargetRecord, passed: boolean, now: number): void {
  if (passed) {
    target.passes++
    target.failures = 0
  } else {
    target.failures++
    target.passes = 0
  }
  const { healthyThreshold, unhealthyThreshold } = tg.healthCheck
  if (target.state !== 'healthy' && target.passes >= healthyThreshold) reset(target, 'healthy')
  else if (target.state !== 'unhealthy' && target.failures >= unhealthyThreshold) {
    reset(target, 'unhealthy')
    target.unhealthySince = now
  }
}

function reset(target: TargetRecord, state: TargetRecord['state']): void {
  target.state = state
  target.passes = 0
  target.failures = 0
}
