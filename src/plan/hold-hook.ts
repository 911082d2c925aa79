// The action's own ECS pause hook (docs/ecs-controller.md, "Held at every step"): on a native linear, canary or
// blue-green deployment it makes ECS wait before each production traffic step, after the test traffic shift
// (blue/green) and once all traffic has moved, until the action continues it (ContinueServiceDeployment), so the
// action's gates decide every step and the action times the bakes itself. Pure: which hook, where, with what
// timeout, how it is told apart from the hooks the user or their infrastructure code declared, and the service's
// own settings it carries (hookDetails.before) so that whichever run ends the rollout can put them back.

import type { OnFailure, OnOrphan, PlanConfig } from '../config/types.js'

/**
 * Marks the hook as ecs-rollout's in hookDetails, if ECS keeps it: the API reference says the field "is not used
 * for PAUSE hooks", so isHoldHook also knows the hook by its stages.
 */
export const HOLD_HOOK_OWNER = 'ecs-rollout'

/** The subset of ECS's DeploymentLifecycleHook the action reads and writes (the SDK's type accepts it). */
export interface LifecycleHook {
  targetType?: string
  hookTargetArn?: string
  roleArn?: string
  lifecycleStages?: string[]
  hookDetails?: unknown
  timeoutConfiguration?: { timeoutInMinutes?: number; action?: string }
}

/** The deploymentConfiguration fields a native rollout sets besides lifecycleHooks (ecs-deployment-configuration.ts). */
export const OWNED_FIELDS = [
  'strategy',
  'bakeTimeInMinutes',
  'linearConfiguration',
  'canaryConfiguration'
] as const

/** What of a deploymentConfiguration the action reads (the SDK's type is assignable to it). */
export type Configuration = Partial<Record<(typeof OWNED_FIELDS)[number], unknown>> & {
  lifecycleHooks?: LifecycleHook[]
}

/** The service's own values of the fields a native rollout sets (what the record and the hook carry). */
export type OwnedValues = Partial<Record<(typeof OWNED_FIELDS)[number], unknown>>

/** The service's own lifecycle hooks, and its own values of the fields a native rollout sets when known. */
export interface ServiceSettings {
  lifecycleHooks: LifecycleHook[]
  values?: OwnedValues
}

/** ECS's bounds on timeoutInMinutes (DeploymentLifecycleHookDuration: 1 minute to 14 days). */
export const HOOK_TIMEOUT_MINUTES = { min: 1, max: 20_160 } as const

/**
 * Where the action holds: before every production step (PRE_PRODUCTION_TRAFFIC_SHIFT fires before each step of
 * linear and canary, once for blue/green), once all traffic has moved (POST_PRODUCTION_TRAFFIC_SHIFT: the final
 * bake), and for blue/green after the test traffic shift (its first step's bake).
 * linear / canary → PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT
 * blue-green      → POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT
 */
export function holdStages(strategy: 'linear' | 'canary' | 'blue-green'): string[] {
  const stages = ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT']
  return strategy === 'blue-green' ? ['POST_TEST_TRAFFIC_SHIFT', ...stages] : stages
}

export interface HoldSettings {
  plan: PlanConfig
  timeoutMs: number
  takeoverAfterMs: number
  onOrphan: OnOrphan
  onFailure: OnFailure
  onCancel: OnFailure
}

/**
 * The safety net when the runner dies while ECS waits: ECS ends a hook nobody answered after timeoutInMinutes
 * with the timeout action. Long enough that a live run never loses its hold (no hold outlasts the run's
 * `timeout`) and a later run can take over first (takeover-after, plus a minute); whole minutes, rounded up,
 * within 1–20160. A plan that pauses on purpose (partition, a pause step, on-failure: pause, on-cancel: pause) waits for a later
 * run, so it gets ECS's longest, 14 days. on-orphan says what ECS does then: rollback → ROLLBACK, resume → CONTINUE.
 * timeout 30m, takeover-after 10m → 30 minutes; timeout 5m, takeover-after 10m → 11; timeout 90s → 2;
 * partition 50 % → 20160; custom "10, pause, 100" → 20160; custom "10, pause:30m, 100", timeout 1h → 60
 */
export function holdTimeout(s: HoldSettings): { timeoutInMinutes: number; action: 'ROLLBACK' | 'CONTINUE' } {
  const pauses = pausesOnPurpose(s.plan) || s.onFailure === 'pause' || s.onCancel === 'pause'
  const ms = pauses ? Infinity : Math.max(s.timeoutMs, s.takeoverAfterMs + 60_000)
  const minutes = Math.min(
    HOOK_TIMEOUT_MINUTES.max,
    Math.max(HOOK_TIMEOUT_MINUTES.min, Math.ceil(ms / 60_000))
  )
  return { timeoutInMinutes: minutes, action: s.onOrphan === 'resume' ? 'CONTINUE' : 'ROLLBACK' }
}

/**
 * A plan that ends a run paused at a step for a person to promote: a partition, or a custom plan's `pause` step
 * (a timed `pause:30m` is a bake, and does not).
 */
export function pausesOnPurpose(plan: PlanConfig): boolean {
  const s = plan.strategy
  if (s.name === 'linear' || s.name === 'canary') return s.partition !== undefined
  return s.name === 'custom' && s.steps.some(step => step.kind === 'pause' && step.durationMs === undefined)
}

/**
 * `before`: the service's own settings, carried for whichever run ends the rollout: a second source beside the
 * rollout record's (kept-settings.ts), for when ECS echoes hookDetails back.
 */
export function holdHook(
  strategy: 'linear' | 'canary' | 'blue-green',
  s: HoldSettings,
  before: OwnedValues | undefined
): LifecycleHook {
  return {
    targetType: 'PAUSE',
    lifecycleStages: holdStages(strategy),
    hookDetails: { owner: HOLD_HOOK_OWNER, ...(before && { before }) },
    timeoutConfiguration: holdTimeout(s)
  }
}

/**
 * The service's own settings from its deploymentConfiguration now. Without the action's hook there, they are the
 * configuration's own (a record of an earlier rollout is history: the user may have changed them since). With it
 * (a rollout under way, or one whose run died), the configuration's values are the rollout's: the service's are
 * the rollout record's (`recorded`, kept on the service's tags: kept-settings.ts), else those the hook carries
 * (hookDetails.before, if ECS echoes it); with neither, only its own hooks are known (no `values`), and none of
 * the rest may be written back.
 * {strategy: CANARY, hooks: [lambda, ours (before: {strategy: ROLLING})]} → {ROLLING, hooks: [lambda]}
 * {strategy: CANARY, hooks: [lambda, ours]}, recorded {strategy: ROLLING} → {ROLLING, hooks: [lambda]}
 * {strategy: CANARY, hooks: [lambda, ours]}, nothing recorded            → {hooks: [lambda]} (values unknown)
 * {strategy: ROLLING, hooks: [lambda]}, recorded {strategy: CANARY}      → {ROLLING, hooks: [lambda]}
 */
export function serviceSettings(config: Configuration | undefined, recorded?: OwnedValues): ServiceSettings {
  const ours = (config?.lifecycleHooks ?? []).find(isHoldHook)
  const carried = (ours?.hookDetails as { before?: OwnedValues } | undefined)?.before
  const source: OwnedValues | undefined = ours ? (recorded ?? carried) : (config ?? {})
  const lifecycleHooks = ownHooks(config?.lifecycleHooks)
  if (!source) return { lifecycleHooks }
  const values: OwnedValues = {}
  for (const field of OWNED_FIELDS) if (source[field] !== undefined) values[field] = source[field]
  return { lifecycleHooks, values }
}

/** The hook's marker, when ECS kept it: hookDetails.owner (the API reference says PAUSE hooks do not use it). */
function marker(hook: LifecycleHook): unknown {
  return (hook.hookDetails as { owner?: unknown } | undefined)?.owner
}

/**
 * The action's hook: a PAUSE hook marked as ecs-rollout's, or, when ECS did not keep hookDetails, a PAUSE hook
 * at exactly the stages of one of the action's stage sets (in any order). Safe: deploy refuses a pause hook of
 * the service's own at any of those stages (sharedPauseStage), so one there is the action's.
 * PAUSE, hookDetails {owner: ecs-rollout}, any stages              → true  (the marker decides first)
 * PAUSE, hookDetails {owner: someone-else}, PRE + POST_PRODUCTION  → false (someone else's marker)
 * PAUSE, no hookDetails, PRE + POST_PRODUCTION (linear / canary)   → true
 * PAUSE, no hookDetails, POST_TEST + PRE + POST_PRODUCTION (b/g)   → true
 * PAUSE, no hookDetails, PRE_PRODUCTION only                       → false (no stage set of the action's)
 * PAUSE, no hookDetails, PRE + POST_PRODUCTION + POST_SCALE_UP     → false
 * AWS_LAMBDA, PRE + POST_PRODUCTION                                → false
 */
export function isHoldHook(hook: LifecycleHook): boolean {
  if (hook.targetType !== 'PAUSE') return false
  const owner = marker(hook)
  if (owner !== undefined) return owner === HOLD_HOOK_OWNER
  const stages = [...new Set(hook.lifecycleStages ?? [])].sort().join(' ')
  return STAGE_SETS.includes(stages)
}

const STAGE_SETS = (['linear', 'blue-green'] as const).map(s => holdStages(s).sort().join(' '))

/** The service's own hooks: what it has without the action's (one a run that died left behind included). */
export function ownHooks(hooks: readonly LifecycleHook[] | undefined): LifecycleHook[] {
  return (hooks ?? []).filter(h => !isHoldHook(h))
}

/**
 * A pause hook of the service's own at a stage where the action holds: ECS's lifecycleHookDetails do not say
 * which configured hook a held run belongs to, so the two could not be told apart. Names the first such stage.
 * A hook without the action's marker at exactly one of its stage sets is the service's too, unless `leftOver`:
 * the rollout record says the action's hook may still be there (a native rollout in flight whose run is gone),
 * when it is taken for the action's (ECS may not keep hookDetails on PAUSE hooks).
 */
export function sharedPauseStage(
  hooks: readonly LifecycleHook[] | undefined,
  strategy: 'linear' | 'canary' | 'blue-green',
  leftOver = false
): string | undefined {
  const ours = holdStages(strategy)
  for (const hook of hooks ?? []) {
    if (hook.targetType !== 'PAUSE' || marker(hook) === HOLD_HOOK_OWNER || (leftOver && isHoldHook(hook)))
      continue
    for (const stage of hook.lifecycleStages ?? []) if (ours.includes(stage)) return stage
  }
  return undefined
}
