// Deployment alarms (deploymentConfiguration.alarms) on rolling deployments: while a deployment is in progress,
// any of its alarms in ALARM fails it and, with rollback, returns the service to the last completed deployment.
// Native deployments watch their alarms in sim/native.ts, through their bake time.

import type { World } from '../core/world.js'
import type { ServiceRecord } from '../ecs/model.js'
import { failDeployment } from './rolling.js'

/** The named alarms of the service's region that are in ALARM now. */
export function firingAlarms(world: World, service: ServiceRecord, names: string[]): string[] {
  const region = service.arn.split(':')[3]
  const wanted = new Set(names)
  const firing: string[] = []
  for (const record of world.cw.alarms.values()) {
    const alarm = record.alarm
    if (
      wanted.has(alarm.AlarmName) &&
      alarm.AlarmArn.split(':')[3] === region &&
      alarm.StateValue === 'ALARM'
    )
      firing.push(alarm.AlarmName)
  }
  return firing.sort()
}

export function checkDeploymentAlarms(world: World, service: ServiceRecord, now: number): void {
  const primary = service.deployments.find(d => d.status === 'PRIMARY')
  const sd = primary?.serviceDeployment
  const alarms = sd?.deploymentConfiguration.alarms
  if (!primary || !sd || primary.native || primary.rollbackTo || !alarms?.enable) return
  sd.alarms ??= { status: 'MONITORING', alarmNames: alarms.alarmNames ?? [], triggeredAlarmNames: [] }
  if (primary.rolloutState !== 'IN_PROGRESS') {
    if (sd.alarms.status === 'MONITORING') sd.alarms.status = 'MONITORING_COMPLETE'
    return
  }
  const firing = firingAlarms(world, service, alarms.alarmNames ?? [])
  if (firing.length === 0) return
  sd.alarms.status = 'TRIGGERED'
  sd.alarms.triggeredAlarmNames = firing
  failDeployment(world, service, primary, now, {
    reason: `ECS deployment alarms: alarm ${firing.join(', ')} in ALARM state.`,
    event: `alarm ${firing.join(', ')} in ALARM state`,
    rollback: alarms.rollback ?? false,
    rollbackReason: to => `ECS deployment alarms: rolling back to deploymentId ${to.id}.`
  })
}
