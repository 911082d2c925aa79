import { evaluateAlarms } from '../cloudwatch/evaluate.js'
import type { World } from '../core/world.js'
import { addEvent } from '../ecs/events.js'
import { runHealthChecks } from '../elbv2/health.js'
import { collectGarbage } from './gc.js'
import { recordJournal } from './journal.js'
import { checkDeploymentAlarms } from './deploymentAlarms.js'
import { advanceTasks } from './lifecycle.js'
import { reconcileNative } from './native.js'
import { replaceUnhealthyTasks } from './replace.js'
import { reconcileRolling, rollingServiceSteady } from './rolling.js'
import { externalServiceSteady, reconcileTaskSets } from './taskSets.js'
import { simulateTraffic } from './traffic.js'

/** One step of the simulated world. Order matters: tasks move, health is checked, ECS reacts, traffic flows. */
export function tick(world: World): void {
  const now = world.now()
  advanceTasks(world, now)
  runHealthChecks(world, now)
  replaceUnhealthyTasks(world, now)
  for (const service of world.ecs.services.values()) {
    if (service.status === 'INACTIVE') continue
    if (service.controller === 'ECS') {
      checkDeploymentAlarms(world, service, now)
      if (!reconcileNative(world, service, now)) reconcileRolling(world, service, now)
    } else reconcileTaskSets(world, service, now)
    const steady =
      service.status === 'ACTIVE' &&
      (service.controller === 'ECS'
        ? rollingServiceSteady(world, service)
        : externalServiceSteady(world, service))
    if (steady && !service.steady)
      addEvent(world, service, `(service ${service.name}) has reached a steady state.`, now)
    service.steady = steady
  }
  // A stalled event loop must not turn into a burst of traffic: cover at most a few ticks.
  const elapsed = world.lastTickAt === undefined ? world.settings.tickMs : now - world.lastTickAt
  world.lastTickAt = now
  const traffic = simulateTraffic(world, now, Math.min(Math.max(elapsed, 0), 5 * world.settings.tickMs))
  evaluateAlarms(world, now)
  recordJournal(world, now, traffic)
  collectGarbage(world, now)
}
