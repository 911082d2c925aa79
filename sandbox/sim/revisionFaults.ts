import type { World } from '../core/world.js'

/**
 * Faults injected into one revision (task definition) at run time, beside its SANDBOX_* environment: slower by a
 * factor, failing a share of its requests, or getting no traffic at all (the load balancer sends its targets
 * nothing, as when a rule or weight never reaches them). Kept per world, so a reset forgets them.
 */
export interface RevisionFault {
  taskDefinition: string
  /** Response times multiplied by this (1.3 = 30 % slower). */
  latencyFactor?: number
  /** Share of requests answered 5xx, replacing the revision's SANDBOX_ERROR_RATE. */
  errorRate?: number
  noTraffic?: boolean
}

const byWorld = new WeakMap<World, Map<string, RevisionFault>>()

/** The faults of a world, by task definition ARN. */
export function revisionFaults(world: World): Map<string, RevisionFault> {
  let faults = byWorld.get(world)
  if (!faults) {
    faults = new Map()
    byWorld.set(world, faults)
  }
  return faults
}

export const faultOf = (world: World, taskDefinitionArn: string): RevisionFault | undefined =>
  byWorld.get(world)?.get(taskDefinitionArn)

/** A registered revision's ARN from its ARN or `family:revision`. */
function findRevision(world: World, name: string): string | undefined {
  for (const revisions of world.ecs.families.values()) {
    for (const { definition } of revisions) {
      const arn = definition.taskDefinitionArn
      if (arn === name || arn.endsWith(`:task-definition/${name}`)) return arn
    }
  }
  return undefined
}

/** Validate a POST /_sandbox/revision-faults body: every problem at once, or the fault to set. */
export function parseRevisionFault(world: World, body: Record<string, unknown>): RevisionFault | string {
  const { taskDefinition, latencyFactor, errorRate, noTraffic } = body
  const problems: string[] = []
  if (typeof taskDefinition !== 'string' || !taskDefinition)
    problems.push('taskDefinition (an ARN or family:revision) is required')
  if (latencyFactor !== undefined && !(typeof latencyFactor === 'number' && latencyFactor > 0))
    problems.push(`latencyFactor must be a number > 0, not ${JSON.stringify(latencyFactor)}`)
  if (errorRate !== undefined && !(typeof errorRate === 'number' && errorRate >= 0 && errorRate <= 1))
    problems.push(`errorRate must be a fraction 0–1, not ${JSON.stringify(errorRate)}`)
  if (noTraffic !== undefined && typeof noTraffic !== 'boolean')
    problems.push(`noTraffic must be true or false, not ${JSON.stringify(noTraffic)}`)
  if (latencyFactor === undefined && errorRate === undefined && noTraffic === undefined)
    problems.push('a revision fault needs latencyFactor, errorRate or noTraffic')
  const arn = typeof taskDefinition === 'string' ? findRevision(world, taskDefinition) : undefined
  if (typeof taskDefinition === 'string' && taskDefinition && !arn)
    problems.push(`no registered task definition ${taskDefinition}`)
  if (problems.length) return problems.join('; ')
  return {
    taskDefinition: arn!,
    latencyFactor: latencyFactor as number | undefined,
    errorRate: errorRate as number | undefined,
    noTraffic: noTraffic as boolean | undefined
  }
}

/** GET, POST and DELETE /_sandbox/revision-faults: list, set (replacing that revision's fault), clear all. */
export function revisionFaultsEndpoint(
  world: World,
  method: string,
  body: Record<string, unknown>
): { status: number; body: unknown } {
  const faults = revisionFaults(world)
  if (method === 'POST') {
    const fault = parseRevisionFault(world, body)
    if (typeof fault === 'string') return { status: 400, body: { error: fault } }
    faults.set(fault.taskDefinition, fault)
    return { status: 200, body: fault }
  }
  if (method === 'DELETE') faults.clear()
  return { status: 200, body: [...faults.values()] }
}
