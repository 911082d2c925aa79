import type { IncomingMessage } from 'node:http'
import { validateAllowList } from '../control/allow.js'
import { parseFault } from '../control/faults.js'
import { parseRealism, type RealismSettings } from '../core/realism.js'
import { isArn, lastSegment } from '../core/arn.js'
import type { World } from '../core/world.js'
import { handleHooksControl } from '../ecs/hooksControl.js'
import { readJournal } from '../sim/journal.js'
import { revisionFaultsEndpoint } from '../sim/revisionFaults.js'
import type { WireResponse } from './json.js'

/** What the control endpoints may do to the sandbox beyond its world. */
export interface ControlHooks {
  world: () => World
  reset: (seed?: number) => void
  setTickMs: (tickMs: number) => void
  seed: () => number
  setRealism: (settings: RealismSettings) => void
}

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})
const bad = (message: string) => json(400, { error: message })

function parseBody(body: string): Record<string, unknown> | undefined {
  if (!body.trim()) return {}
  try {
    const value = JSON.parse(body)
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Find a service by cluster and service name or ARN, in any region. */
function findServiceArn(world: World, cluster: string, service: string): string | undefined {
  for (const record of world.ecs.services.values()) {
    const clusterMatches = isArn(cluster)
      ? record.clusterArn === cluster
      : lastSegment(record.clusterArn) === cluster
    const serviceMatches = isArn(service) ? record.arn === service : record.name === service
    if (clusterMatches && serviceMatches) return record.arn
  }
  return undefined
}

/** A listener's own request rate (a test listener's), or null to share the services' rates again. */
function listenerTraffic(world: World, arn: string, rate: unknown): WireResponse {
  if (!(rate === null || (typeof rate === 'number' && rate >= 0)))
    return bad('rate must be a number of requests per second ≥ 0, or null')
  const listener = world.elb.listeners.get(arn)
  if (!listener) return json(404, { error: `no listener ${arn}` })
  listener.requestRate = rate ?? undefined
  return json(200, { listener: arn, rate })
}

/** The JSON endpoints under /_sandbox/ that tests, demos and benchmarks use to steer and observe the sandbox. */
export function handleControl(
  hooks: ControlHooks,
  req: IncomingMessage,
  url: URL,
  rawBody: string
): WireResponse {
  const world = hooks.world()
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`
  const body = parseBody(rawBody)
  if (body === undefined) return bad('the body must be a JSON object')
  if (url.pathname.replace(/\/+$/, '') === '/_sandbox/hooks')
    return handleHooksControl(world, req.method, url, body)
  switch (route) {
    case 'POST /_sandbox/reset': {
      const seed = body.seed
      if (seed !== undefined && !Number.isInteger(seed)) return bad('seed must be an integer')
      hooks.reset(seed as number | undefined)
      return json(200, { ok: true })
    }
    case 'GET /_sandbox/calls': {
      const since = Number(url.searchParams.get('since') ?? 0)
      return json(
        200,
        world.calls.filter(c => c.at >= since)
      )
    }
    case 'DELETE /_sandbox/calls':
      world.calls = []
      return json(200, { ok: true })
    case 'GET /_sandbox/faults':
      return json(200, world.faults)
    case 'POST /_sandbox/faults': {
      const fault = parseFault(world, body)
      if (typeof fault === 'string') return bad(fault)
      world.faults.push(fault)
      return json(200, fault)
    }
    case 'DELETE /_sandbox/faults':
      world.faults = []
      return json(200, { ok: true })
    case 'GET /_sandbox/journal': {
      const cluster = url.searchParams.get('cluster')
      const service = url.searchParams.get('service')
      if (!cluster || !service) return bad('cluster and service are required')
      const arn = findServiceArn(world, cluster, service)
      if (!arn) return json(404, { error: `no service ${service} in cluster ${cluster}` })
      const floor = url.searchParams.get('floor')
      const since = url.searchParams.get('since')
      if (floor !== null && !(Number(floor) >= 0)) return bad('floor must be a number ≥ 0')
      return json(
        200,
        readJournal(world.journal.get(arn) ?? [], {
          floor: floor === null ? undefined : Number(floor),
          since: since === null ? undefined : Number(since)
        })
      )
    }
    case 'GET /_sandbox/allow':
      return json(200, { operations: world.allow })
    case 'POST /_sandbox/allow': {
      const allow = validateAllowList(body.operations)
      if (typeof allow === 'string') return bad(allow)
      world.allow = allow
      return json(200, { operations: world.allow })
    }
    case 'POST /_sandbox/traffic': {
      const { cluster, service, listener, rate } = body
      if (typeof listener === 'string') return listenerTraffic(world, listener, rate)
      if (typeof cluster !== 'string' || typeof service !== 'string')
        return bad('cluster and service (or listener) are required')
      if (!(typeof rate === 'number' && rate >= 0))
        return bad('rate must be a number of requests per second ≥ 0')
      const arn = findServiceArn(world, cluster, service)
      if (!arn) return json(404, { error: `no service ${service} in cluster ${cluster}` })
      world.trafficRates.set(arn, rate)
      return json(200, { service: arn, rate })
    }
    // A revision slower, failing or getting no traffic (sandbox/sim/revisionFaults.ts).
    case 'GET /_sandbox/revision-faults':
    case 'POST /_sandbox/revision-faults':
    case 'DELETE /_sandbox/revision-faults': {
      const answer = revisionFaultsEndpoint(world, req.method ?? 'GET', body)
      return json(answer.status, answer.body)
    }
    case 'GET /_sandbox/clock':
      return json(200, {
        tickMs: world.settings.tickMs,
        healthCheckMs: world.settings.healthCheckMs,
        now: world.now(),
        skewMs: world.realism.settings.skewMs
      })
    case 'GET /_sandbox/realism':
      return json(200, world.realism.settings)
    case 'POST /_sandbox/realism': {
      const settings = parseRealism(body, world.realism.settings, hooks.seed())
      if (Array.isArray(settings)) return bad(settings.join('; '))
      hooks.setRealism(settings)
      return json(200, settings)
    }
    case 'POST /_sandbox/clock': {
      const tickMs = body.tickMs
      if (!(typeof tickMs === 'number' && tickMs >= 10 && tickMs <= 60_000))
        return bad('tickMs must be 10–60000')
      hooks.setTickMs(tickMs)
      return json(200, { tickMs })
    }
  }
  return json(404, { error: `no such endpoint: ${route}` })
}
