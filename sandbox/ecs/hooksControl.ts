// `/_sandbox/hooks`: observe the lifecycle-hook runs of deployments (Lambda hooks recorded as invoked, with the
// event ECS would send) and steer what ECS would leave to time or to a Lambda function.
//   GET  /_sandbox/hooks[?cluster=C&service=S]  → {timeoutSeconds, lambdaStatus, runs: [...]}
//   POST /_sandbox/hooks {timeoutSeconds?: number | null, service?: NAME, lambda?: {functionArn, hookStatus: SUCCEEDED | FAILED | null}}

import { lastSegment } from '../core/arn.js'
import type { World } from '../core/world.js'
import type { WireResponse } from '../http/json.js'
import { hookSettings } from '../sim/hooks.js'

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})

/** One hook run as the control API shows it; times are epoch milliseconds. */
export interface HookRunView {
  serviceArn: string
  serviceDeploymentArn: string
  hookId: string
  targetType: 'PAUSE' | 'AWS_LAMBDA'
  targetArn?: string
  lifecycleStage: string
  status: string
  startedAt: number
  expiresAt: number
  endedAt?: number
  timeoutAction: string
  /** AWS_LAMBDA: the event ECS would have sent the function. */
  invocation?: Record<string, unknown>
}

export interface HooksState {
  timeoutSeconds: number | null
  lambdaStatus: Record<string, 'SUCCEEDED' | 'FAILED'>
  runs: HookRunView[]
}

function state(world: World, cluster: string | null, serviceName: string | null): HooksState {
  const settings = hookSettings(world)
  const services = [...world.ecs.services.values()].filter(
    s => (!cluster || lastSegment(s.clusterArn) === cluster) && (!serviceName || s.name === serviceName)
  )
  const runs = services.flatMap(service =>
    service.deployments.flatMap(d =>
      (d.hookRuns ?? []).map((run): HookRunView => ({
        serviceArn: service.arn,
        serviceDeploymentArn: d.arn,
        hookId: run.hookId,
        targetType: run.targetType,
        targetArn: run.targetArn,
        lifecycleStage: run.stage,
        status: run.status,
        startedAt: run.startedAt,
        expiresAt: run.expiresAt,
        endedAt: run.endedAt,
        timeoutAction: run.timeoutAction,
        invocation: run.invocation
      }))
    )
  )
  runs.sort((a, b) => a.startedAt - b.startedAt)
  return {
    timeoutSeconds: settings.timeoutSeconds ?? null,
    lambdaStatus: Object.fromEntries(settings.lambdaStatus),
    runs
  }
}

function change(world: World, body: Record<string, unknown>): WireResponse {
  const settings = hookSettings(world)
  const { timeoutSeconds, lambda, service } = body
  if (
    timeoutSeconds !== undefined &&
    timeoutSeconds !== null &&
    !(typeof timeoutSeconds === 'number' && timeoutSeconds > 0)
  )
    return json(400, {
      error: 'timeoutSeconds must be a number of seconds > 0, or null for timeoutInMinutes'
    })
  if (lambda !== undefined) {
    const { functionArn, hookStatus } = (lambda ?? {}) as Record<string, unknown>
    if (typeof functionArn !== 'string' || !functionArn)
      return json(400, { error: 'lambda.functionArn must be the ARN a hook names in hookTargetArn' })
    if (hookStatus !== null && hookStatus !== 'SUCCEEDED' && hookStatus !== 'FAILED')
      return json(400, { error: 'lambda.hookStatus must be SUCCEEDED, FAILED, or null for the default' })
    if (hookStatus === null) settings.lambdaStatus.delete(functionArn)
    else settings.lambdaStatus.set(functionArn, hookStatus)
  }
  if (service !== undefined && typeof service !== 'string')
    return json(400, { error: 'service must be the name of a service' })
  if (timeoutSeconds !== undefined && service !== undefined) {
    // One service's hooks only (chaos runs share a sandbox).
    if (timeoutSeconds === null) settings.timeoutSecondsByService.delete(service)
    else settings.timeoutSecondsByService.set(service, timeoutSeconds as number)
  } else if (timeoutSeconds !== undefined) settings.timeoutSeconds = timeoutSeconds ?? undefined
  return json(200, state(world, null, null))
}

export function handleHooksControl(
  world: World,
  method: string | undefined,
  url: URL,
  body: Record<string, unknown>
): WireResponse {
  if (method === 'GET')
    return json(200, state(world, url.searchParams.get('cluster'), url.searchParams.get('service')))
  if (method === 'POST') return change(world, body)
  return json(404, { error: `no such endpoint: ${method} ${url.pathname}` })
}
