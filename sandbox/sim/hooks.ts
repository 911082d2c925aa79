// Deployment lifecycle hooks as ECS runs them (docs/ecs-pause-hooks-facts.md): when a deployment reaches a stage,
// each hook configured for it runs once (at every step for the production stages of linear and canary). A PAUSE
// hook waits AWAITING_ACTION for ContinueServiceDeployment or its timeout; an AWS_LAMBDA hook is recorded as
// invoked (the sandbox runs no Lambda) and answers SUCCEEDED, or what the control API set for that function.
// The deployment leaves the stage once every hook there has passed; the strategies (rolling.ts, native.ts) ask.
//
// Sandbox leniency: `POST /_sandbox/hooks {timeoutSeconds}` makes every hook started afterwards time out after that
// many seconds instead of timeoutInMinutes, so tests of timeouts run in seconds (ECS counts whole minutes, ≥ 1);
// with `service` (a name), only that service's hooks.

import type {
  DeploymentLifecycleHook,
  DeploymentLifecycleHookAction,
  DeploymentLifecycleHookStage
} from '@aws-sdk/client-ecs'
import type { World } from '../core/world.js'
import { addEvent } from '../ecs/events.js'
import type { DeploymentRecord, HookRun, ServiceRecord } from '../ecs/model.js'

const MINUTE_MS = 60_000
const DEFAULT_TIMEOUT_MINUTES = 1440
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** What the control API has set about hooks; a reset world starts without any of it. */
export interface HookSettings {
  /** Every hook started from now on times out after this many seconds instead of its timeoutInMinutes. */
  timeoutSeconds?: number
  /** The same for one service (by name), before `timeoutSeconds`: chaos runs time out one service's hooks. */
  timeoutSecondsByService: Map<string, number>
  /** The hookStatus a Lambda function answers, by function ARN; SUCCEEDED when unset. */
  lambdaStatus: Map<string, 'SUCCEEDED' | 'FAILED'>
}

const settingsOf = new WeakMap<World, HookSettings>()

export function hookSettings(world: World): HookSettings {
  let settings = settingsOf.get(world)
  if (!settings)
    settingsOf.set(world, (settings = { lambdaStatus: new Map(), timeoutSecondsByService: new Map() }))
  return settings
}

/** Whether a deployment runs hooks: not the service's first one, nor a rolling rollback's own deployment. */
export function runsHooks(d: DeploymentRecord): boolean {
  const sd = d.serviceDeployment
  return !!sd?.deploymentConfiguration.lifecycleHooks?.length && !d.rollbackTo && sd.sourceIds.length > 0
}

export type HookOutcome = { pass: true } | { pass: false; rollback?: string }

export interface HookPoint {
  /** Tells apart the runs of a stage that fires more than once (a linear step's weight). */
  occurrence?: number
  /** What a Lambda hook's event carries under `executionDetails`. */
  executionDetails: Record<string, unknown>
}

/**
 * The hooks of `stage` at this point of the deployment, started the first time it is asked: may the deployment
 * leave the stage? `rollback` names why it must roll back instead (a Lambda hook FAILED, a pause hook timed out
 * with ROLLBACK). Nothing configured for the stage passes at once.
 */
export function runHooks(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  stage: DeploymentLifecycleHookStage,
  now: number,
  point: HookPoint
): HookOutcome {
  if (!runsHooks(d)) return { pass: true }
  const hooks = d.serviceDeployment!.deploymentConfiguration.lifecycleHooks!
  const runs = (d.hookRuns ??= [])
  let pass = true
  for (const [index, hook] of hooks.entries()) {
    if (!hook.lifecycleStages?.includes(stage)) continue
    const key = `${stage}/${point.occurrence ?? 0}/${index}`
    let run = runs.find(r => r.key === key)
    if (!run) {
      run = startRun(world, service, d, hook, stage, key, now, point)
      runs.push(run)
    }
    if (run.status === 'AWAITING_ACTION' && now >= run.expiresAt) {
      run.status = 'TIMED_OUT'
      run.endedAt = now
      addEvent(
        world,
        service,
        `${prefix(service, d)} lifecycle hook ${run.hookId} at ${stage} timed out (${run.timeoutAction}).`,
        now
      )
    }
    if (run.status === 'FAILED')
      return { pass: false, rollback: `Lifecycle hook ${run.hookId} at ${stage} failed.` }
    if (run.status === 'TIMED_OUT' && run.timeoutAction === 'ROLLBACK')
      return { pass: false, rollback: `Lifecycle hook ${run.hookId} at ${stage} timed out.` }
    if (run.status === 'AWAITING_ACTION' || run.status === 'IN_PROGRESS') pass = false
  }
  return { pass }
}

function startRun(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  hook: DeploymentLifecycleHook,
  stage: DeploymentLifecycleHookStage,
  key: string,
  now: number,
  point: HookPoint
): HookRun {
  const settings = hookSettings(world)
  const pause = hook.targetType === 'PAUSE'
  const seconds = settings.timeoutSecondsByService.get(service.name) ?? settings.timeoutSeconds
  const timeoutMs =
    seconds !== undefined
      ? seconds * 1000
      : (hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES) * MINUTE_MS
  const run: HookRun = {
    hookId: `ecs-${pause ? 'pause' : 'lambda'}-${randomId(world, 43)}`,
    key,
    targetType: pause ? 'PAUSE' : 'AWS_LAMBDA',
    targetArn: pause ? undefined : hook.hookTargetArn,
    stage,
    status: 'AWAITING_ACTION',
    startedAt: now,
    expiresAt: now + timeoutMs,
    timeoutAction: hook.timeoutConfiguration?.action ?? 'ROLLBACK'
  }
  if (pause) {
    addEvent(
      world,
      service,
      `${prefix(service, d)} paused at ${stage}: lifecycle hook ${run.hookId} awaiting action.`,
      now
    )
    return run
  }
  run.invocation = {
    executionId: world.rng.uuid(),
    lifecycleStage: stage,
    resourceArn: d.arn,
    executionDetails: point.executionDetails,
    hookDetails: hook.hookDetails
  }
  run.status = settings.lambdaStatus.get(hook.hookTargetArn ?? '') ?? 'SUCCEEDED'
  run.endedAt = now
  return run
}

/** ContinueServiceDeployment's effect on the hook; the caller rolls the deployment back for ROLLBACK. */
export function resolveHook(
  world: World,
  service: ServiceRecord,
  d: DeploymentRecord,
  run: HookRun,
  action: DeploymentLifecycleHookAction,
  now: number
): void {
  run.status = action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED'
  run.endedAt = now
  d.updatedAt = new Date(now)
  addEvent(
    world,
    service,
    `${prefix(service, d)} lifecycle hook ${run.hookId} at ${run.stage}: ${action}.`,
    now
  )
}

const prefix = (service: ServiceRecord, d: DeploymentRecord) =>
  `(service ${service.name}) (deployment ${d.id})`

function randomId(world: World, length: number): string {
  let id = ''
  for (let i = 0; i < length; i++) id += ID_CHARS[world.rng.int(ID_CHARS.length)]
  return id
}
