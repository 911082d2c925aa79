// The request layer's realism: shared throttling and 5xx bursts before a call, lagging reads and lost answers
// after it. Every decision comes from the seeded realism stream and the world's clock.
import { ApiError } from '../core/errors.js'
import { failsInBurst, resetsConnection } from '../core/outages.js'
import { takeToken } from '../core/throttle.js'
import type { World } from '../core/world.js'
import { faultError } from '../control/faults.js'
import { isMutating, type ServiceName } from '../control/services.js'
import { captureRoutes } from '../sim/propagation.js'
import { captureReads, lagged } from './lag.js'

/** The error AWS would answer before running the call: throttled, or caught in a burst of 5xx. */
export function refusal(
  world: World,
  service: ServiceName,
  operation: string,
  region: string
): ApiError | undefined {
  const { realism } = world
  const now = world.now()
  if (realism.settings.throttling && !takeToken(realism, region, service, operation, now))
    return faultError(service, 'ThrottlingException')
  if (failsInBurst(realism, now)) return serverError(service)
  return undefined
}

/** Each service's own word for "try again". */
function serverError(service: ServiceName): ApiError {
  if (service === 'ecs')
    return new ApiError('ServerException', 'Service Unavailable. Please try again later.', 500)
  if (service === 'cloudwatch')
    return new ApiError('InternalServiceFault', 'Internal service error.', 500, 'InternalServiceError')
  return new ApiError('ServiceUnavailable', 'Service Unavailable', 503)
}

/** Note what every lagging resource and route looks like now: after each write and each simulation step. */
export function captureVersions(world: World): void {
  const { lagMs, propagationMs } = world.realism.settings
  if (lagMs <= 0 && propagationMs <= 0) return
  const keys = new Set<string>()
  captureReads(world, keys)
  captureRoutes(world, keys)
  world.realism.versions.retain(keys)
}

/** The answer as the caller gets it after the call ran: lagging where it reads, versions noted where it wrote. */
export function afterCall(
  world: World,
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>
): Record<string, unknown> {
  if (isMutating(operation)) {
    captureVersions(world)
    return output
  }
  return lagged(world, service, operation, input, output)
}

/** Whether this call's answer is lost to a connection reset. */
export const answerLost = (world: World) => resetsConnection(world.realism)
