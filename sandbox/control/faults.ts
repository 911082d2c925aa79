import { ApiError } from '../core/errors.js'
import type { Fault, World } from '../core/world.js'
import type { ServiceName } from './services.js'

const SERVER_ERRORS = new Set([
  'InternalError',
  'InternalFailure',
  'ServerException',
  'InternalServiceError',
  'InternalServiceFault'
])

export interface FaultInput {
  operation?: unknown
  service?: unknown
  error?: unknown
  rate?: unknown
  count?: unknown
  latencyMs?: unknown
}

/** Validate a POST /_sandbox/faults body; returns an error message or the fault to add. */
export function parseFault(world: World, body: FaultInput): Fault | string {
  const { operation, service, error, rate, count, latencyMs } = body
  if (operation !== undefined && typeof operation !== 'string') return 'operation must be a string'
  if (service !== undefined && !['ecs', 'cloudwatch', 'elbv2'].includes(String(service))) {
    return "service must be 'ecs', 'cloudwatch' or 'elbv2'"
  }
  if (error !== undefined && (typeof error !== 'string' || !/^[A-Za-z.]+$/.test(error)))
    return 'error must be an error code'
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1))
    return 'rate must be a number 0–1'
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1))
    return 'count must be an integer ≥ 1'
  if (latencyMs !== undefined && !(typeof latencyMs === 'number' && latencyMs >= 0))
    return 'latencyMs must be ≥ 0'
  if (error === undefined && latencyMs === undefined) return 'a fault needs an error, a latencyMs, or both'
  return {
    id: world.nextFaultId++,
    operation: operation as string | undefined,
    service: service as string | undefined,
    error: error as string | undefined,
    rate: rate as number | undefined,
    count: count as number | undefined,
    latencyMs: latencyMs as number | undefined
  }
}

/**
 * The faults that fire for this call, consuming their counts; exhausted faults are removed. Latency faults all
 * apply; of the error faults only the first that fires does, so queued errors hit consecutive calls.
 */
export function firingFaults(world: World, service: ServiceName, operation: string): Fault[] {
  const fired: Fault[] = []
  let failing = false
  for (const fault of world.faults) {
    if (fault.operation && fault.operation !== operation && !fault.operation.endsWith(`:${operation}`))
      continue
    if (fault.service && fault.service !== service) continue
    if (fault.error && failing && fault.latencyMs === undefined) continue
    if (fault.rate !== undefined && world.rng.next() >= fault.rate) continue
    if (fault.count !== undefined) fault.count--
    fired.push(failing ? { ...fault, error: undefined } : fault)
    failing ||= fault.error !== undefined
  }
  world.faults = world.faults.filter(f => f.count === undefined || f.count > 0)
  return fired
}

/** The error a fault injects, in the form the service's protocol uses for it. */
export function faultError(service: ServiceName, code: string): ApiError {
  const status = code === 'ServiceUnavailable' ? 503 : SERVER_ERRORS.has(code) ? 500 : 400
  const throttling = /Throttl|RequestLimitExceeded|TooManyRequests/.test(code)
  const message = throttling
    ? 'Rate exceeded'
    : status === 500
      ? 'We encountered an internal error. Please try again.'
      : status === 503
        ? 'Service Unavailable'
        : `Injected fault: ${code}`
  // ELBv2 and CloudWatch's query codes for throttling are `Throttling`; both spellings make the SDK back off.
  const queryCode = throttling && code === 'ThrottlingException' ? 'Throttling' : undefined
  if (service === 'elbv2' && queryCode) return new ApiError(queryCode, message, status)
  return new ApiError(code, message, status, queryCode)
}
