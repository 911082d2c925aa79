// A native (linear, canary, blue-green) service deployment as the engine sees it, from one
// DescribeServiceDeployments: where ECS is (lifecycle stage, production weight), what it decided on its own
// (alarms, circuit breaker, a stop), and whether it waits at the action's pause hook (plan/hold-hook.ts), with
// that hook's id. Facts: docs/ecs-pause-hooks-facts.md.

import {
  ContinueServiceDeploymentCommand,
  type DeploymentConfiguration,
  type DeploymentLifecycleHook,
  type ECSClient,
  type Service,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import type { DeploymentObservation, EcsVerdict, HeldAt } from '../engine/ports.js'
import {
  holdStages,
  isHoldHook,
  OWNED_FIELDS,
  ownHooks,
  serviceSettings,
  type OwnedValues
} from '../plan/hold-hook.js'

export const STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  // Missing from the SDK's ServiceDeploymentLifecycleStage enum, but what ECS shows while held before a step.
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP'
]
export const ROLLING_BACK = [
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED'
]

const HELD_AT: Record<string, HeldAt> = {
  POST_TEST_TRAFFIC_SHIFT: 'test-traffic',
  PRE_PRODUCTION_TRAFFIC_SHIFT: 'before-step',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'all-traffic'
}
const EVERY_HOLD_STAGE = holdStages('blue-green')

export type NativeView = Omit<DeploymentObservation, 'failedNewTasks' | 'events' | 'tags'>

/** `asked`: the action has asked for a rollback; `restoredByUpdate`: its UpdateService back has settled. */
export function nativeView(
  service: Service,
  sd: ServiceDeployment,
  o: { asked: boolean; restoredByUpdate: boolean }
): NativeView {
  const target = sd.targetServiceRevision
  const stage = STAGES.indexOf(sd.lifecycleStage ?? '')
  const status = sd.status ?? 'PENDING'
  const counts = {
    new: target?.runningTaskCount ?? 0,
    stable: (sd.sourceServiceRevisions ?? []).reduce((sum, r) => sum + (r.runningTaskCount ?? 0), 0)
  }
  const completed = status === 'SUCCESSFUL'
  let verdict: EcsVerdict | undefined
  if (!o.asked && (ROLLING_BACK.includes(status) || status === 'STOPPED' || status === 'STOP_REQUESTED')) {
    const reason = sd.rollback?.reason ?? sd.statusReason ?? `the service deployment is ${status}`
    const alarms = sd.alarms?.status === 'TRIGGERED' ? sd.alarms.triggeredAlarmNames : undefined
    verdict = {
      cause: alarms?.length
        ? 'alarms'
        : sd.deploymentCircuitBreaker?.status === 'TRIGGERED'
          ? 'circuit-breaker'
          : causeOf(reason, 'stopped'),
      reason,
      alarms: alarms?.length ? alarms : undefined,
      rolledBack: ROLLING_BACK.includes(status)
    }
  }
  const holding = carriesHoldHook(sd)
  return {
    desiredCount: service.desiredCount ?? 0,
    counts,
    trafficPercent: target?.requestedProductionTrafficWeight ?? 0,
    completed,
    scaledUp: completed || stage > STAGES.indexOf('SCALE_UP'),
    baking: status === 'IN_PROGRESS' && stage >= STAGES.indexOf('BAKE_TIME'),
    holding,
    held: holding ? heldHook(sd) : undefined,
    ecs: verdict,
    restored: status === 'ROLLBACK_SUCCESSFUL' || o.restoredByUpdate,
    stuck: status === 'ROLLBACK_FAILED' ? (sd.statusReason ?? 'ECS reports ROLLBACK_FAILED') : undefined
  }
}

export function causeOf(reason: string, otherwise: EcsVerdict['cause'] = 'failed'): EcsVerdict['cause'] {
  if (/circuit breaker/i.test(reason)) return 'circuit-breaker'
  if (/alarm/i.test(reason)) return 'alarms'
  return otherwise
}

/** Looks a rolling verdict waits for its service deployment's read to catch up (it lags the deployment's). */
export const MAX_LAGGING_VERDICTS = 10

/**
 * A rolling deployment's verdict with ECS's own words from its service deployment: the reason, the alarms that
 * fired, and whether the circuit breaker or the alarms gave up on it. Undefined while the service deployment read
 * still shows it going on (IN_PROGRESS, PENDING): a read that lags the deployment's, to be made again.
 */
export function withServiceDeployment(
  verdict: EcsVerdict,
  details: ServiceDeployment | undefined
): EcsVerdict | undefined {
  if (!details) return verdict
  if (details.status === 'IN_PROGRESS' || details.status === 'PENDING') return undefined
  const fired = details.alarms?.triggeredAlarmNames
  const cause =
    details.alarms?.status === 'TRIGGERED'
      ? 'alarms'
      : details.deploymentCircuitBreaker?.status === 'TRIGGERED'
        ? 'circuit-breaker'
        : verdict.cause
  return {
    ...verdict,
    cause,
    reason: details.rollback?.reason ?? details.statusReason ?? verdict.reason,
    ...(fired?.length ? { alarms: fired } : {})
  }
}

/** The deployment was started with the action's pause hook (a deployment of an older run's may not be). */
function carriesHoldHook(sd: ServiceDeployment): boolean {
  return (sd.deploymentConfiguration?.lifecycleHooks ?? []).some(h => isHoldHook(h))
}

/**
 * The action's hook awaiting action, if ECS waits at it: a PAUSE hook AWAITING_ACTION while the deployment is in
 * progress at one of the action's stages (the service has no pause hook of its own there: deploy refuses that).
 * lifecycleHookDetails lists every run of the deployment, so the awaiting one is looked for, not the first.
 */
export function heldHook(sd: ServiceDeployment): { hookId: string; at: HeldAt } | undefined {
  const stage = sd.lifecycleStage ?? ''
  if (sd.status !== 'IN_PROGRESS' || !EVERY_HOLD_STAGE.includes(stage)) return undefined
  const hook = (sd.lifecycleHookDetails ?? []).find(
    h => h.status === 'AWAITING_ACTION' && h.targetType === 'PAUSE' && h.hookId
  )
  return hook && { hookId: hook.hookId!, at: HELD_AT[stage] }
}

/** ContinueServiceDeployment: the held hook is released (CONTINUE) or rolls the deployment back (ROLLBACK). */
export async function answerHook(
  ecs: ECSClient,
  serviceDeploymentArn: string,
  hookId: string,
  action: 'CONTINUE' | 'ROLLBACK'
): Promise<void> {
  await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action }))
}

/** ECS's strategy for a service that names none: what an UpdateService that puts a user's settings back writes. */
const ECS_DEFAULT_STRATEGY = 'ROLLING'

/**
 * The deploymentConfiguration as the user had it before the rollout, over what it is now: their values of the
 * fields the action set, their own lifecycle hooks (the action's removed), everything else as it is now.
 * undefined when there is nothing to change. A field they had not set stays as the rollout left it, since
 * UpdateService cannot unset it; strategy goes back to ROLLING, ECS's default.
 */
export function restoredConfiguration(
  now: DeploymentConfiguration | undefined,
  before: DeploymentConfiguration | undefined
): DeploymentConfiguration | undefined {
  const restored: DeploymentConfiguration = { ...now }
  for (const field of OWNED_FIELDS)
    if (before?.[field] !== undefined) Object.assign(restored, { [field]: before[field] })
  restored.strategy = before?.strategy ?? ECS_DEFAULT_STRATEGY
  restored.lifecycleHooks = ownHooks(
    before?.lifecycleHooks ?? now?.lifecycleHooks
  ) as DeploymentLifecycleHook[]
  const same = OWNED_FIELDS.every(f => JSON.stringify(restored[f]) === JSON.stringify(now?.[f]))
  const hooksSame = JSON.stringify(restored.lifecycleHooks) === JSON.stringify(now?.lifecycleHooks ?? [])
  return same && hooksSame ? undefined : restored
}

/**
 * The user's configuration as an UpdateService that puts it back must send it: ECS leaves an omitted strategy as
 * it is, so a service that never set one gets ROLLING, ECS's default, written out (or it stays LINEAR after a
 * native rollout's rollback by UpdateService; chaos seed 80083).
 */
export function asWritten(user: DeploymentConfiguration | undefined): DeploymentConfiguration | undefined {
  return user && { ...user, strategy: user.strategy ?? ECS_DEFAULT_STRATEGY }
}

/**
 * The service's configuration as the user had it: its own settings (serviceSettings: those the rollout record
 * keeps, else those the action's hook carries, if one is there: a rollout under way, or one whose run died) and
 * its own hooks; the rest as it is. Values nobody kept stay as they are now, so putting this back changes only
 * the hooks (`known` false: the caller says so).
 */
export function userConfiguration(
  config: DeploymentConfiguration | undefined,
  recorded?: OwnedValues
): { config?: DeploymentConfiguration; known: boolean } {
  if (!config) return { known: true }
  const own = serviceSettings(config, recorded)
  const rest: Record<string, unknown> = { ...config }
  if (own.values) for (const field of OWNED_FIELDS) delete rest[field]
  const user = { ...rest, ...own.values, lifecycleHooks: own.lifecycleHooks }
  return { config: user as DeploymentConfiguration, known: own.values !== undefined }
}
