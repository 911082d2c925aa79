// Custom plans on ECS-controller services: which run as ECS's native linear or canary deployment (their pause
// steps held at the action's hook), which are refused and why, the plan, ECS's settings and the hook's timeout.

import { describe, expect, it } from '@jest/globals'
import { checkEcsControllerInputs } from '../../src/config/controller-inputs.js'
import { readConfig } from '../../src/config/inputs.js'
import { customShape, nativeShape } from '../../src/config/native-shape.js'
import { parseSteps } from '../../src/config/plan-inputs.js'
import { deploymentConfigurationFor } from '../../src/plan/ecs-deployment-configuration.js'
import { ecsControllerPlan } from '../../src/plan/ecs-plan.js'
import { holdTimeout } from '../../src/plan/hold-hook.js'

function config(inputs: Record<string, string>) {
  return readConfig(
    name => inputs[name] ?? (name === 'service' ? 'web' : name === 'task-definition' ? 'web:2' : '')
  )
}

describe('customShape: a custom plan as ECS native deployment, or why not', () => {
  it.each([
    // steps                           → ECS's deployment
    ['10%, pause, 100%', { name: 'canary', canaryPercent: 10 }],
    ['10:5m, pause, 100', { name: 'canary', canaryPercent: 10 }],
    ['2.5, 100', { name: 'canary', canaryPercent: 2.5 }],
    // Two steps are a canary whatever the share (canary takes any tenth of a percent).
    ['50, 100', { name: 'canary', canaryPercent: 50 }],
    ['10, pause:1h', { name: 'canary', canaryPercent: 10 }],
    ['25, 50, pause, 75, 100', { name: 'linear', stepPercent: 25 }],
    // The 100 % step is added, as the planner adds it.
    ['25:1m, 50:2m, 75:3m', { name: 'linear', stepPercent: 25 }],
    ['33.3, 66.6, 99.9, 100', { name: 'linear', stepPercent: 33.3 }],
    ['40, 80, 100', { name: 'linear', stepPercent: 40 }],
    ['100', { name: 'linear', stepPercent: 100 }]
  ])('%s → %j', (steps, shape) => {
    expect(customShape(parseSteps(steps))).toEqual({ shape })
  })

  it.each([
    ['10, 30, 100', 'its shares (10%, 30%, 100%) are uneven'],
    ['10, 20, 50, 100', 'its shares (10%, 20%, 50%, 100%) are uneven'],
    // Equal steps of 30 % go on to 90 % before the rest.
    ['30, 60, 100', 'its shares (30%, 60%, 100%) are uneven'],
    [
      Array.from({ length: 50 }, (_, i) => 2 * (i + 1)).join(', '),
      "its steps of 2% are not a step ECS's native linear deployments take (3 to 100, in steps of 0.1)"
    ],
    ['pause, 10, 100', 'it pauses before its first step']
  ])('%s → refused: %s', (steps, why) => {
    const shaped = customShape(parseSteps(steps))
    expect('refused' in shaped && shaped.refused).toMatch(why)
  })

  it('30, 60, 90 is linear 30 %: k × 30 while below 100, then the 100 % the planner adds', () => {
    expect(customShape(parseSteps('30, 60, 90'))).toEqual({ shape: { name: 'linear', stepPercent: 30 } })
  })

  it('the built-in strategies keep their own shape; rolling has none', () => {
    expect(nativeShape(config({ strategy: 'linear', 'step-percent': '20' }).plan.strategy)).toEqual({
      name: 'linear',
      stepPercent: 20
    })
    expect(nativeShape(config({}).plan.strategy)).toBeUndefined()
    expect(nativeShape(config({ strategy: 'custom', steps: '10, 30, 100' }).plan.strategy)).toBeUndefined()
  })
})

describe('custom plans on an ECS-controller service', () => {
  it('refuses an uneven plan naming steps, what ECS cannot do and what to use instead', () => {
    expect(() => checkEcsControllerInputs(config({ strategy: 'custom', steps: '10, 30, 100' }))).toThrow(
      'steps: its shares (10%, 30%, 100%) are uneven, and service web uses the ECS deployment controller, whose native deployments take equal steps only (linear: 10%, 20%, … 100%, at least 3% each), or one step and the rest (canary: 10%, 100%); the action holds each step and times its bake, so bakes and pause steps may be anything. Use steps ECS can take (e.g. "10:5m, pause, 100" or "25, 50, pause, 75, 100"), linear or canary with partition, or task sets (the EXTERNAL deployment controller) for uneven steps'
    )
  })

  it('accepts plans ECS can take, on-failure: pause included (ECS waits at the hook)', () => {
    for (const steps of ['10, pause, 100', '25, 50, pause, 75, 100', '5:30s, pause:1m, 100'])
      expect(() =>
        checkEcsControllerInputs(config({ strategy: 'custom', steps, 'on-failure': 'pause' }))
      ).not.toThrow()
  })

  it('"10:5m, pause, 100": the canary step ends the run paused; ECS is told CANARY 10 %', () => {
    const c = config({ strategy: 'custom', steps: '10:5m, pause, 100', 'bake-time': '1m' })
    const plan = ecsControllerPlan(c.plan, 4)
    expect(plan.steps.map(s => [s.label, s.trafficPercent, s.bakeMs, s.pause])).toEqual([
      ['10%', 10, 300_000, 'manual'],
      ['100%', 100, 0, 'none']
    ])
    expect(plan).toMatchObject({ strategy: 'custom', traffic: 'weights', hasManualPause: true })
    expect(plan.gating).toBe(
      "gates: ECS waits at the action's pause hook before every step until they have held for its bake (ECS runs these steps as its native canary deployment, 10% first)"
    )
    expect(deploymentConfigurationFor(c, { desiredCount: 4 })).toMatchObject({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 },
      bakeTimeInMinutes: 0
    })
  })

  it('"25, 50:1m, pause:30s, pause, 75, 100": a timed pause lengthens the bake, a pause holds at the step', () => {
    const c = config({ strategy: 'custom', steps: '25, 50:1m, pause:30s, pause, 75, 100' })
    const plan = ecsControllerPlan(c.plan, 2)
    expect(plan.steps.map(s => [s.trafficPercent, s.bakeMs, s.pause])).toEqual([
      [25, 0, 'none'],
      [50, 90_000, 'manual'],
      [75, 0, 'none'],
      [100, 0, 'none']
    ])
    expect(deploymentConfigurationFor(c, { desiredCount: 2 })).toMatchObject({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0 }
    })
  })

  it("the hook's timeout: 14 days when the plan pauses for a person, the run's otherwise", () => {
    const held = (steps: string) =>
      holdTimeout(config({ strategy: 'custom', steps, timeout: '1h' })).timeoutInMinutes
    // A person may take days to promote: ECS's longest hold, then on-orphan (rollback) acts.
    expect(held('10, pause, 100')).toBe(20_160)
    // A timed pause is a bake the run itself waits out.
    expect(held('10, pause:30m, 100')).toBe(60)
  })
})
