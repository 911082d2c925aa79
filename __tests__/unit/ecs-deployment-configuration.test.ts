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
      'linear 10 %, step bake 90s, bake-time 0: fractional minutes stay exact',
      { strategy: 'linear', 'step-percent': '10', 'step-bake-time': '90s', 'bake-time': '0s' },
      {},
      {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 1.5 },
        bakeTimeInMinutes: 0
      }
    ],
    [
      'canary 5 %, canary bake 10m, bake-time 15m',
      { strategy: 'canary', 'canary-percent': '5', 'canary-bake-time': '10m', 'bake-time': '15m' },
      { desiredCount: 8, deploymentConfiguration: { strategy: 'ROLLING' } },
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 },
        bakeTimeInMinutes: 15
      }
    ],
    [
      'blue-green, bake-time 20s: rounded up to 0.34 minute, never shorter',
      { strategy: 'blue-green', 'bake-time': '20s' },
      {},
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.34 }
    ]
  ])('%s', (_, inputs, service, expected) => {
    expect(deploymentConfigurationFor(config(inputs), service)).toEqual(expected)
  })
})
