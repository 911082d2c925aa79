// What the engine's ports report, built for tests: a task set, and a look at an ECS deployment.

import type { DeploymentObservation, RevisionState } from '../../src/engine/ports.js'

/** A task set asked to run `desired` tasks, `running` of them up (steady once all are). */
export function revisionState(desired: number, running = desired): RevisionState {
  return {
    taskDefinition: 'td',
    id: 'id',
    desired,
    running,
    pending: desired - running,
    steady: desired === running,
    primary: false
  }
}

/** A look at ECS's deployment of 4 tasks, nothing moved yet, with `over` changed. */
export function deploymentObservation(over: Partial<DeploymentObservation> = {}): DeploymentObservation {
  return {
    desiredCount: 4,
    counts: { new: 0, stable: 4 },
    trafficPercent: 0,
    completed: false,
    scaledUp: false,
    baking: false,
    restored: false,
    failedNewTasks: [],
    events: [],
    ...over
  }
}

/**
 * A port whose `nth` look is followed by another run's take-over, before the owner's next act: the interleaving
 * the owner's fence must catch. Every other member is the port's own.
 */
export function takeOverAfterLook<P extends { observe(...args: never[]): Promise<unknown> }>(
  port: P,
  nth: number,
  takeOver: () => void
): P {
  let looks = 0
  const observe = async (...args: never[]): Promise<unknown> => {
    const seen = await port.observe(...args)
    if (++looks === nth) takeOver()
    return seen
  }
  return new Proxy(port, {
    get(target, key) {
      if (key === 'observe') return observe
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    }
  })
}
