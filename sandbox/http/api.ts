import type { IncomingMessage } from 'node:http'
import { cloudwatchOperations } from '../cloudwatch/operations.js'
import { accessDenied, isAllowed } from '../control/allow.js'
import { faultError, firingFaults } from '../control/faults.js'
import { isMutating, type ServiceName } from '../control/services.js'
import { ApiError } from '../core/errors.js'
import type { Operation } from '../core/operation.js'
import type { World } from '../core/world.js'
import { ecsOperations } from '../ecs/operations.js'
import { elbOperations } from '../elbv2/operations.js'
import { jsonError, jsonResponse, type WireResponse } from './json.js'
import { decodeQuery, xmlError, xmlResponse } from './query.js'
import { afterCall, answerLost, refusal } from './realism.js'
import { credentialScope } from './sigv4.js'

const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113'
const CLOUDWATCH_TARGET = 'GraniteServiceVersion20100801'
const NAMESPACES: Record<string, string> = {
  elbv2: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  cloudwatch: 'http://monitoring.amazonaws.com/doc/2010-08-01/'
}
const OPERATIONS: Record<ServiceName, Record<string, Operation>> = {
  ecs: ecsOperations,
  cloudwatch: cloudwatchOperations,
  elbv2: elbOperations
}

/** The call log keeps the most recent calls of a long-running sandbox. */
const MAX_CALLS = 100_000

type Protocol = 'json1.1' | 'json1.0' | 'query'

interface ParsedRequest {
  service: ServiceName
  operation: string
  input: Record<string, unknown>
  protocol: Protocol
}

/** Work out service, operation and input from the X-Amz-Target header (JSON) or the form's Action (query). */
function parse(
  req: IncomingMessage,
  body: string,
  signingService: string | undefined
): ParsedRequest | ApiError {
  const target = req.headers['x-amz-target']
  if (typeof target === 'string') {
    const [prefix, operation = ''] = target.split('.')
    const service: ServiceName | undefined =
      prefix === ECS_TARGET ? 'ecs' : prefix === CLOUDWATCH_TARGET ? 'cloudwatch' : undefined
    if (!service) return new ApiError('UnknownOperationException', `Unknown target ${target}`)
    let input: unknown
    try {
      input = body.trim() ? JSON.parse(body) : {}
    } catch {
      return new ApiError('SerializationException', 'The request body is not valid JSON.')
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return new ApiError('SerializationException', 'The request body must be a JSON object.')
    }
    return {
      service,
      operation,
      input: input as Record<string, unknown>,
      protocol: service === 'ecs' ? 'json1.1' : 'json1.0'
    }
  }
  const { action, version, input } = decodeQuery(body)
  const service: ServiceName | undefined =
    version === '2015-12-01' || signingService === 'elasticloadbalancing'
      ? 'elbv2'
      : version === '2010-08-01' || signingService === 'monitoring'
        ? 'cloudwatch'
        : undefined
  if (!service || !action)
    return new ApiError('InvalidAction', 'The request names no known Action and Version.')
  return { service, operation: action, input, protocol: 'query' }
}

function respond(
  protocol: Protocol,
  service: ServiceName,
  operation: string,
  requestId: string,
  result: unknown | ApiError
): WireResponse {
  if (result instanceof ApiError) {
    if (protocol === 'query') return xmlError(requestId, result)
    return jsonError(protocol === 'json1.1' ? '1.1' : '1.0', requestId, result, protocol === 'json1.0')
  }
  if (protocol === 'query') return xmlResponse(NAMESPACES[service], operation, requestId, result)
  return jsonResponse(protocol === 'json1.1' ? '1.1' : '1.0', requestId, result)
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Answer one AWS API request: allow-list, injected faults, then the operation; every call is recorded. */
export async function handleApiRequest(
  world: () => World,
  req: IncomingMessage,
  body: string
): Promise<WireResponse> {
  const scope = credentialScope(req.headers.authorization)
  const parsed = parse(req, body, scope.service)
  const requestId = world().rng.uuid()
  if (parsed instanceof ApiError) {
    const protocol: Protocol = req.headers['x-amz-target'] ? 'json1.1' : 'query'
    return respond(protocol, 'ecs', '', requestId, parsed)
  }
  const { service, operation, protocol } = parsed
  const at = world().now()
  const asked = askedFor(operation, parsed.input)
  const result = await execute(world, parsed, scope.region)
  const lost = answerLost(world())
  const calls = world().calls
  if (calls.length >= MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS + 1)
  calls.push({
    service,
    operation,
    at,
    ok: !(result instanceof ApiError),
    error: result instanceof ApiError ? result.code : undefined,
    mutating: isMutating(operation),
    region: scope.region,
    ...(lost ? { connectionReset: true } : {}),
    ...(asked === undefined ? {} : { asked })
  })
  const response = respond(protocol, service, operation, requestId, result)
  return lost ? { ...response, reset: true } : response
}

/** How many services or alarm names a describe asked for, so a benchmark can tell how full its calls were. */
function askedFor(operation: string, input: Record<string, unknown>): number | undefined {
  const list =
    operation === 'DescribeServices'
      ? input.services
      : operation === 'DescribeAlarms'
        ? input.AlarmNames
        : undefined
  return Array.isArray(list) ? list.length : undefined
}

async function execute(world: () => World, request: ParsedRequest, region: string): Promise<unknown> {
  const { service, operation, input, protocol } = request
  const handler = Object.hasOwn(OPERATIONS[service], operation) ? OPERATIONS[service][operation] : undefined
  if (!handler) {
    return protocol === 'query'
      ? new ApiError('InvalidAction', `Could not find operation ${operation}`)
      : new ApiError('UnknownOperationException', `The sandbox does not implement ${operation}.`)
  }
  if (!isAllowed(world().allow, service, operation))
    return accessDenied(service, operation, region, input, protocol === 'query')
  const refused = refusal(world(), service, operation, region)
  if (refused) return refused
  const fired = firingFaults(world(), service, operation)
  const latency = fired.reduce((ms, f) => ms + (f.latencyMs ?? 0), 0)
  if (latency > 0) await sleep(latency)
  const failing = fired.find(f => f.error)
  if (failing) return faultError(service, failing.error!)
  const w = world()
  try {
    const output = (handler({ world: w, region, now: w.now() }, input) ?? {}) as Record<string, unknown>
    return afterCall(w, service, operation, input, output)
  } catch (e) {
    if (e instanceof ApiError) return e
    console.error(`sandbox: ${service}:${operation} failed:`, e)
    return new ApiError(
      protocol === 'query' ? 'InternalFailure' : 'ServerException',
      `Sandbox error: ${(e as Error).message}`,
      500
    )
  }
}
