// The action's pause hook as the adapter reads it (aws/native-view.ts): which hook ECS waits at, and the service's
// deploymentConfiguration put back once the rollout is over; and the plan's rules for telling the action's hook
// from the service's own (plan/hold-hook.ts).

import { describe, expect, it } from '@jest/globals'
import type { DeploymentConfiguration, ServiceDeployment } from '@aws-sdk/client-ecs'
import { heldHook, restoredConfiguration, userConfiguration } from '../../../src/aws/native-view.js'
import { holdHook, isHoldHook, ownHooks, sharedPauseStage } from '../../../src/plan/hold-hook.js'
import type { OnFailure } from '../../../src/config/types.js'

const PLAN = {
  strategy: { name: 'linear', stepPercent: 50, stepBakeMs: 0 },
  traffic: 'replicas',
  stableScale: 'keep',
  maxSurge: { kind: 'count', value: 0 },
  maxUnavailable: { kind: 'count', value: 0 },
  bakeMs: 0
} as const
const SETTINGS = {
  plan: PLAN,
  timeoutMs: 3_600_000,
  takeoverAfterMs: 900_000,
  onOrphan: 'rollback',
  onFailure: 'rollback' as OnFailure,
  onCancel: 'rollback' as OnFailure
} as const
const OURS = holdHook('linear', SETTINGS, { strategy: 'ROLLING', bakeTimeInMinutes: 5, lifecycleHooks: [] })
const LAMBDA = {
  targetType: 'AWS_LAMBDA',
  hookTargetArn: 'arn:aws:lambda:us-east-1:1:function:smoke',
  lifecycleStages: ['POST_SCALE_UP']
}
const THEIR_PAUSE = { targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }

describe("the action's hook among the service's own", () => {
  it('is told apart by its hookDetails, and stripped from the service own hooks', () => {
    expect(OURS).toEqual({
      targetType: 'PAUSE',
      lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'],
      hookDetails: { owner: 'ecs-rollout', before: { strategy: 'ROLLING', bakeTimeInMinutes: 5 } },
      timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' }
    })
    expect(isHoldHook(OURS)).toBe(true)
    expect(isHoldHook(THEIR_PAUSE)).toBe(false)
    expect(ownHooks([LAMBDA, OURS, THEIR_PAUSE])).toEqual([LAMBDA, THEIR_PAUSE])
  })

  it("a pause hook of the service's own at one of the action's stages is named (deploy refuses it)", () => {
    expect(sharedPauseStage([LAMBDA, THEIR_PAUSE], 'canary')).toBeUndefined()
    const before = { targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }
    expect(sharedPauseStage([before], 'linear')).toBe('PRE_PRODUCTION_TRAFFIC_SHIFT')
    const afterTest = { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }
    expect(sharedPauseStage([afterTest], 'canary')).toBeUndefined()
    expect(sharedPauseStage([afterTest], 'blue-green')).toBe('POST_TEST_TRAFFIC_SHIFT')
    // A Lambda hook there is no pause: both run.
    expect(
      sharedPauseStage([{ ...LAMBDA, lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }], 'linear')
    ).toBe(undefined)
  })
})

describe("heldHook: the hook ECS waits at, if it is one of the action's stages", () => {
  const sd = (over: Partial<ServiceDeployment>): ServiceDeployment => ({
    status: 'IN_PROGRESS',
    lifecycleStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' as ServiceDeployment['lifecycleStage'],
    lifecycleHookDetails: [
      { hookId: 'ecs-pause-1', targetType: 'PAUSE', status: 'SUCCEEDED' },
      { hookId: 'ecs-lambda-1', targetType: 'AWS_LAMBDA', status: 'SUCCEEDED' },
      { hookId: 'ecs-pause-2', targetType: 'PAUSE', status: 'AWAITING_ACTION' }
    ],
    ...over
  })
  it.each<[string, Partial<ServiceDeployment>, unknown]>([
    ['before a step: the awaiting one, not the first', {}, { hookId: 'ecs-pause-2', at: 'before-step' }],
    [
      'after all traffic moved',
      { lifecycleStage: 'POST_PRODUCTION_TRAFFIC_SHIFT' },
      { hookId: 'ecs-pause-2', at: 'all-traffic' }
    ],
    [
      "at POST_SCALE_UP: the service's own pause hook, not the action's",
      { lifecycleStage: 'POST_SCALE_UP' },
      undefined
    ],
    ['the deployment is rolling back: nothing to continue', { status: 'ROLLBACK_IN_PROGRESS' }, undefined]
  ])('%s', (_, over, expected) => expect(heldHook(sd(over))).toEqual(expected))
})

describe("restoredConfiguration: the service's settings back as the user had them", () => {
  const user: DeploymentConfiguration = {
    strategy: 'ROLLING',
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    bakeTimeInMinutes: 5,
    lifecycleHooks: [LAMBDA] as DeploymentConfiguration['lifecycleHooks']
  }
  const during: DeploymentConfiguration = {
    ...user,
    strategy: 'CANARY',
    canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 0 },
    bakeTimeInMinutes: 0,
    lifecycleHooks: [LAMBDA, OURS] as DeploymentConfiguration['lifecycleHooks']
  }

  it('their strategy, bake time and hooks; what they had not set stays (UpdateService cannot unset it)', () => {
    expect(restoredConfiguration(during, user)).toEqual({ ...during, ...user, lifecycleHooks: [LAMBDA] })
  })

  it('nothing to change: undefined (no call)', () => {
    expect(restoredConfiguration(user, user)).toBeUndefined()
  })

  it("a later run that adopted the rollout: the settings the action's hook carried", () => {
    // OURS carries {strategy: ROLLING, bakeTimeInMinutes: 5}, as the deploy run saw the service.
    const carried = userConfiguration(during)
    expect(carried).toMatchObject({ strategy: 'ROLLING', bakeTimeInMinutes: 5, lifecycleHooks: [LAMBDA] })
    expect(carried).not.toHaveProperty('canaryConfiguration')
    expect(restoredConfiguration(during, carried)).toEqual({ ...during, ...user, lifecycleHooks: [LAMBDA] })
  })

  it('a service without the action hook is its own configuration', () => {
    expect(userConfiguration(user)).toEqual(user)
  })
})
