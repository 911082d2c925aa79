import { ecsArn, lastSegment } from '../core/arn.js'
import type { World } from '../core/world.js'
import { taskDefinitionByArn } from '../ecs/lookup.js'
import type { ServiceRecord, TaskOwner, TaskRecord } from '../ecs/model.js'

const AZ_SUFFIXES = ['a', 'b', 'c']

function nextIp(world: World): string {
  const n = world.nextIp++
  return `10.0.${(n >> 8) & 255}.${n & 255}`
}

/** Start a task for a task set or deployment; it walks PROVISIONING → PENDING → RUNNING on later ticks. */
export function launchTask(world: World, service: ServiceRecord, owner: TaskOwner, now: number): TaskRecord {
  const record = taskDefinitionByArn(world, owner.taskDefinitionArn)
  if (!record) throw new Error(`task definition ${owner.taskDefinitionArn} vanished`)
  const { definition, behaviour } = record
  const region = service.arn.split(':')[3]
  const id = world.rng.hex(32)
  const ip = nextIp(world)
  const subnets = owner.networkConfiguration?.awsvpcConfiguration?.subnets ?? []
  const index = world.nextIp % AZ_SUFFIXES.length
  const launchType = owner.launchType ?? (owner.capacityProviderStrategy ? undefined : 'EC2')
  const task: TaskRecord = {
    arn: ecsArn(region, `task/${lastSegment(service.clusterArn)}/${id}`),
    id,
    clusterArn: service.clusterArn,
    serviceArn: service.arn,
    ownerId: owner.id,
    taskDefinitionArn: definition.taskDefinitionArn,
    startedBy: owner.id,
    group: `service:${service.name}`,
    launchType,
    platformVersion:
      launchType === 'FARGATE' ? (owner.platformVersion ?? '1.4.0').replace('LATEST', '1.4.0') : undefined,
    cpu: definition.cpu,
    memory: definition.memory,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: new Date(now),
    pendingAt: now + behaviour.startSeconds * 250,
    runningAt: now + behaviour.startSeconds * 1000,
    containers: (definition.containerDefinitions ?? []).map(c => ({
      id: world.rng.uuid(),
      name: c.name ?? '',
      image: c.image ?? '',
      essential: c.essential !== false,
      cpu: String(c.cpu ?? 0),
      memory: c.memory !== undefined ? String(c.memory) : undefined
    })),
    ip,
    availabilityZone: `${region}${AZ_SUFFIXES[index]}`,
    subnetId: subnets.length ? subnets[index % subnets.length] : undefined,
    behaviour,
    containerHealthCheck: (definition.containerDefinitions ?? []).some(
      c => c.essential !== false && c.healthCheck
    ),
    containerChecks: { passes: 0, failures: 0, lastAt: 0 },
    targets: [],
    version: 1,
    lastRequestRate: 0
  }
  world.ecs.tasks.set(task.arn, task)
  return task
}

export interface StopSpec {
  reason: string
  code: TaskRecord['stopCode']
  exitCode: number
  /** A graceful stop deregisters the task's targets first and waits for them to drain (DEACTIVATING). */
  graceful: boolean
}

export function stopTask(world: World, task: TaskRecord, spec: StopSpec, now: number): void {
  if (task.desiredStatus === 'STOPPED') return
  task.desiredStatus = 'STOPPED'
  task.stoppedReason = spec.reason
  task.stopCode = spec.code
  task.exitCode = spec.exitCode
  task.stoppingAt = new Date(now)
  task.version++
  const drainingUntil = now + world.settings.healthCheckMs
  let draining = false
  for (const reg of task.targets) {
    const target = world.elb.targetGroups.get(reg.targetGroupArn)?.targets.get(`${task.ip}:${reg.port}`)
    if (!target) continue
    target.state = 'draining'
    target.drainingUntil = drainingUntil
    draining = true
  }
  if (spec.graceful && draining && task.lastStatus === 'RUNNING') task.lastStatus = 'DEACTIVATING'
  else finishStop(task, now)
}

export function finishStop(task: TaskRecord, now: number): void {
  task.lastStatus = 'STOPPED'
  task.stoppedAt = new Date(now)
  task.version++
}
