// Ending a service deployment on request, for any strategy: StopServiceDeployment (ROLLBACK, ABORT) and
// ContinueServiceDeployment's ROLLBACK.

import type { World } from '../core/world.js'
import type { DeploymentRecord, ServiceRecord } from '../ecs/model.js'
import { beginNativeRollback, stop } from './native.js'
import { failDeployment, rollbackTarget } from './rolling.js'

/** Whether the deployment has something to go back to (a native one always has its source revision). */
export const canRollBack = (service: ServiceRecord, d: DeploymentRecord) =>
  !!d.native || !!rollbackTarget(service)

/** Rolls the deployment back: native ones move traffic back at once, rolling ones start a rollback deployment. */
export function rollBackServiceDeployment(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  now: number,
  reason: string
): void {
  if (d.native) return beginNativeRollback(world, service, d, now, reason)
  failDeployment(world, service, d, now, {
    reason,
    event: 'rollback requested',
    rollback: true,
    rollbackReason: to => `ECS deployment rolled back on request: rolling back to deploymentId ${to.id}.`
  })
}

/** ABORT: the deployment stops where it is (STOPPED). */
export function abortServiceDeployment(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  now: number,
  reason: string
): void {
  if (d.native) return stop(world, service, d, now, reason)
  d.rolloutState = 'FAILED'
  d.rolloutStateReason = reason
  d.updatedAt = new Date(now)
  d.finishedAt = new Date(now)
  d.serviceDeployment!.status = 'STOPPED'
  d.serviceDeployment!.statusReason = reason
  d.serviceDeployment!.stoppedAt = new Date(now)
}
