// The strategy → ECS deploymentConfiguration mapping, as a table of worked examples (plan/ecs-deployment-configuration.ts).

import { describe, expect, it } from '@jest/globals'
import { readConfig } from '../../src/config/inputs.js'
import {
  deploymentConfigurationFor,
  type EcsServiceSettings
} from '../../src/plan/ecs-deployment-configuration.js'

function config(inputs: Record<string, string>) {
  return readConfig(
    name =>
      inputs[name] ??
      (name === 'service' ? 'web' : name === 'command' ? 'deploy' : name === 'task-definition' ? 'web:2' : '')
  )
}

/** The action's pause hook at these stages, with this timeout, carrying the service's own settings. */
const hold = (
  lifecycleStages: string[],
  timeoutInMinutes: number,
  action = 'ROLLBACK',
  before: Record<string, unknown> = {}
) => ({
  targetType: 'PAUSE',
  lifecycleStages,
  hookDetails: { owner: 'ecs-rollout', before },
  timeoutConfiguration: { timeoutInMinutes, action }
})
const LAMBDA = {
  targetType: 'AWS_LAMBDA',
  hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:verify',
  roleArn: 'arn:aws:iam::123456789012:role/hooks',
  lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT']
}

describe('deploymentConfigurationFor', () => {
  it.each<[string, Record<string, string>, EcsServiceSettings, unknown]>([
    [
      'rolling, 6 tasks, max-surge 25 %: 2 extra tasks as 134 % (ECS rounds 8.04 down to 8)',
      {},
      { desiredCount: 6 },
      { maximumPercent: 134, minimumHealthyPercent: 100 }
    ],
    [
      'rolling, 4 tasks, max-surge 0, max-unavailable 1: 100 % / 75 %',
      { 'max-surge': '0', 'max-unavailable': '1' },
      { desiredCount: 4 },
      { maximumPercent: 100, minimumHealthyPercent: 75 }
    ],
    [
      'all-at-once, 4 tasks: a full second copy',
      { strategy: 'all-at-once' },
      { desiredCount: 4 },
      { maximumPercent: 200, minimumHealthyPercent: 100 }
    ],
    [
      'rolling on a service set to LINEAR today: strategy ROLLING sets it back',
      {},
      { desiredCount: 4, deploymentConfiguration: { strategy: 'LINEAR' } },
      { maximumPercent: 125, minimumHealthyPercent: 100, strategy: 'ROLLING' }
    ],
    [
      'rolling on a service already ROLLING: strategy left unsaid',
      {},
      { desiredCount: 4, deploymentConfiguration: { strategy: 'ROLLING' } },
      { maximumPercent: 125, minimumHealthyPercent: 100 }
    ],
    [
      'rolling on a service with no tasks: ECS defaults',
      {},
      { desiredCount: 0 },
      { maximumPercent: 200, minimumHealthyPercent: 100 }
    ],
    [
      "linear 10 %, step bake 90s: ECS bakes nothing, the action's pause hook holds each step (timeout 6h → 360 min)",
      { strategy: 'linear', 'step-percent': '10', 'step-bake-time': '90s', 'bake-time': '0s' },
      {},
      {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 0 },
        bakeTimeInMinutes: 0,
        lifecycleHooks: [hold(['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'], 360)]
      }
    ],
    [
      "canary 5 %, on a service with a Lambda hook and the hook of a run that died: theirs kept, ours anew, carrying the settings the dead run's hook carried",
      {
        strategy: 'canary',
        'canary-percent': '5',
        'canary-bake-time': '10m',
        'bake-time': '15m',
        timeout: '20m',
        'on-orphan': 'resume'
      },
      {
        desiredCount: 8,
        deploymentConfiguration: {
          strategy: 'LINEAR',
          bakeTimeInMinutes: 0,
          lifecycleHooks: [
            LAMBDA,
            hold(['PRE_PRODUCTION_TRAFFIC_SHIFT'], 30, 'ROLLBACK', {
              strategy: 'ROLLING',
              bakeTimeInMinutes: 5
            })
          ]
        }
      },
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 0 },
        bakeTimeInMinutes: 0,
        lifecycleHooks: [
          LAMBDA,
          hold(['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'], 20, 'CONTINUE', {
            strategy: 'ROLLING',
            bakeTimeInMinutes: 5
          })
        ]
      }
    ],
    [
      'blue-green: also held after the test traffic shift; takeover-after 1h → 61 min, longer than timeout 20m',
      { strategy: 'blue-green', 'bake-time': '20s', timeout: '20m', 'takeover-after': '1h' },
      {},
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [
          hold(
            ['POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'],
            61
          )
        ]
      }
    ],
    [
      'linear with a partition: it waits for a later run at the hook, so ECS allows it the longest, 14 days',
      { strategy: 'linear', 'step-percent': '50', partition: '50%' },
      {},
      {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 },
        bakeTimeInMinutes: 0,
        lifecycleHooks: [hold(['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'], 20_160)]
      }
    ]
  ])('%s', (_, inputs, service, expected) => {
    expect(deploymentConfigurationFor(config(inputs), service)).toEqual(expected)
  })
})

describe('deploymentConfigurationFor over a hook a rollout left, which ECS shows without its hookDetails', () => {
  const bare = {
    targetType: 'PAUSE',
    lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT']
  }
  const service: EcsServiceSettings = {
    deploymentConfiguration: { strategy: 'LINEAR', bakeTimeInMinutes: 0, lifecycleHooks: [LAMBDA, bare] }
  }

  it("carries the record's values, not the rollout's, and replaces the old hook", () => {
    const recorded = { strategy: 'ROLLING', bakeTimeInMinutes: 5 }
    expect(deploymentConfigurationFor(config({ strategy: 'blue-green' }), service, recorded)).toEqual({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [
        LAMBDA,
        hold(
          ['POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'],
          360,
          'ROLLBACK',
          recorded
        )
      ]
    })
  })

  it('nothing recorded (an older record): the hook carries no values, rather than the rollout’s as the user’s', () => {
    const out = deploymentConfigurationFor(config({ strategy: 'blue-green' }), service)
    expect(out.lifecycleHooks?.[1]?.hookDetails).toEqual({ owner: 'ecs-rollout' })
  })
})
