// The action's pause hook as the adapter reads it (aws/native-view.ts): which hook ECS waits at, and the service's
// deploymentConfiguration put back once the rollout is over; and the plan's rules for telling the action's hook
// from the service's own (plan/hold-hook.ts).

import { describe, expect, it } from '@jest/globals'
import type { DeploymentConfiguration, ServiceDeployment } from '@aws-sdk/client-ecs'
import {
  heldHook,
  restoredConfiguration,
  userConfiguration,
  withServiceDeployment
} from '../../../src/aws/native-view.js'
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
const OURS = holdHook('linear', SETTINGS, { strategy: 'ROLLING', bakeTimeInMinutes: 5 })
/** The action's hook as ECS would show it if it did not keep hookDetails on PAUSE hooks. */
const { hookDetails: _dropped, ...OURS_BARE } = OURS
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
    expect(ownHooks([LAMBDA, OURS_BARE, THEIR_PAUSE])).toEqual([LAMBDA, THEIR_PAUSE])
  })

  const PRE = 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  const POST = 'POST_PRODUCTION_TRAFFIC_SHIFT'
  const TEST = 'POST_TEST_TRAFFIC_SHIFT'
  // Worked examples of isHoldHook (plan/hold-hook.ts): the marker first, else exactly one of the stage sets.
  it.each<[string, Record<string, unknown>, boolean]>([
    ['marked, any stages', { targetType: 'PAUSE', hookDetails: { owner: 'ecs-rollout' } }, true],
    [
      "someone else's marker at the action's stages",
      { targetType: 'PAUSE', hookDetails: { owner: 'their-tool' }, lifecycleStages: [PRE, POST] },
      false
    ],
    ['no hookDetails, linear / canary stages', { targetType: 'PAUSE', lifecycleStages: [PRE, POST] }, true],
    ['no hookDetails, in another order', { targetType: 'PAUSE', lifecycleStages: [POST, PRE] }, true],
    ['no hookDetails, blue-green stages', { targetType: 'PAUSE', lifecycleStages: [TEST, PRE, POST] }, true],
    ['no hookDetails, only one of the stages', { targetType: 'PAUSE', lifecycleStages: [PRE] }, false],
    [
      'no hookDetails, one stage more',
      { targetType: 'PAUSE', lifecycleStages: [PRE, POST, 'POST_SCALE_UP'] },
      false
    ],
    ['a Lambda hook at those stages', { ...LAMBDA, lifecycleStages: [PRE, POST] }, false]
  ])('isHoldHook: %s', (_, hook, expected) => expect(isHoldHook(hook)).toBe(expected))

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

  it("a pause hook without the marker at exactly the action's stages: the service's, unless a rollout left ours", () => {
    expect(sharedPauseStage([OURS], 'linear')).toBeUndefined()
    // Nothing in flight: a user's hook that happens to have the action's stages is refused, never stripped.
    expect(sharedPauseStage([OURS_BARE], 'linear')).toBe('PRE_PRODUCTION_TRAFFIC_SHIFT')
    // A native rollout in flight (record Active with settings) left it: the action's own.
    expect(sharedPauseStage([OURS_BARE], 'linear', true)).toBeUndefined()
    expect(sharedPauseStage([OURS_BARE, THEIR_PAUSE], 'canary', true)).toBeUndefined()
    expect(
      sharedPauseStage(
        [{ ...THEIR_PAUSE, lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }],
        'linear',
        true
      )
    ).toBe('PRE_PRODUCTION_TRAFFIC_SHIFT')
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
    const { config: carried, known } = userConfiguration(during)
    expect(known).toBe(true)
    expect(carried).toMatchObject({ strategy: 'ROLLING', bakeTimeInMinutes: 5, lifecycleHooks: [LAMBDA] })
    expect(carried).not.toHaveProperty('canaryConfiguration')
    expect(restoredConfiguration(during, carried)).toEqual({ ...during, ...user, lifecycleHooks: [LAMBDA] })
  })

  it('a service without the action hook is its own configuration', () => {
    expect(userConfiguration(user)).toEqual({ config: user, known: true })
  })

  describe('ECS did not keep hookDetails on the pause hook', () => {
    const bare: DeploymentConfiguration = {
      ...during,
      lifecycleHooks: [LAMBDA, OURS_BARE] as DeploymentConfiguration['lifecycleHooks']
    }

    it("the rollout record's values: the same restore as from the hook's", () => {
      const { config, known } = userConfiguration(bare, { strategy: 'ROLLING', bakeTimeInMinutes: 5 })
      expect(known).toBe(true)
      expect(restoredConfiguration(bare, config)).toEqual({ ...during, ...user, lifecycleHooks: [LAMBDA] })
    })

    it("the record's values come first, before the hook's", () => {
      const { config } = userConfiguration(during, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 7 })
      expect(config).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 7, lifecycleHooks: [LAMBDA] })
    })

    it("a record of an earlier rollout, the action's hook gone: the configuration's own values, not the record's", () => {
      const { config } = userConfiguration(user, { strategy: 'CANARY', bakeTimeInMinutes: 9 })
      expect(config).toEqual(user)
    })

    it('no record of them (an older record): the values stay as they are, only the action hook goes', () => {
      const { config, known } = userConfiguration(bare)
      expect(known).toBe(false)
      expect(restoredConfiguration(bare, config)).toEqual({ ...during, lifecycleHooks: [LAMBDA] })
    })
  })
})

describe("a rolling deployment's verdict in ECS's own words (withServiceDeployment)", () => {
  const seen = { cause: 'failed' as const, reason: 'ECS deployment ecs-svc/2 completed.', rolledBack: true }
  it.each<{ example: string; details: ServiceDeployment | undefined; verdict: unknown }>([
    {
      example: 'circuit breaker: its cause and reason, not the completed rollback deployment’s',
      details: {
        status: 'ROLLBACK_SUCCESSFUL',
        statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
        deploymentCircuitBreaker: { status: 'TRIGGERED' }
      },
      verdict: {
        ...seen,
        cause: 'circuit-breaker',
        reason: 'ECS deployment circuit breaker: tasks failed to start.'
      }
    },
    {
      example: 'deployment alarms: the names that fired',
      details: {
        status: 'ROLLBACK_IN_PROGRESS',
        rollback: { reason: 'alarm web-5xx in ALARM state' },
        alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] }
      },
      verdict: { ...seen, cause: 'alarms', reason: 'alarm web-5xx in ALARM state', alarms: ['web-5xx'] }
    },
    {
      example: 'a read that lags the deployment’s (still in progress): read again',
      details: { status: 'IN_PROGRESS' },
      verdict: undefined
    },
    { example: 'no service deployment API (an emulator): as seen', details: undefined, verdict: seen }
  ])('$example', ({ details, verdict }) => {
    expect(withServiceDeployment(seen, details)).toEqual(verdict)
  })
})
