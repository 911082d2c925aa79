// ECS-controller services: the capacity rules as ECS percentages, the plans shown, the
// deploymentConfiguration sent, and the inputs refused for the ECS controller (and kept for task sets).

import { describe, expect, it } from '@jest/globals'
import { checkEcsControllerInputs, checkTaskSetInputs } from '../../src/config/controller-inputs.js'
import { INPUT_DEFAULTS, readConfig } from '../../src/config/inputs.js'
import { deploymentConfigurationFor } from '../../src/plan/ecs-deployment-configuration.js'
import { ecsControllerPlan, ecsLimits, rollingPercents } from '../../src/plan/ecs-plan.js'
import { decodePlan, encodePlan } from '../../src/record/record.js'
import { planFacts } from '../../src/report/plan-view.js'

function config(inputs: Record<string, string>) {
  return readConfig(
    name => inputs[name] ?? (name === 'service' ? 'web' : name === 'task-definition' ? 'web:2' : '')
  )
}

describe('rollingPercents: max-surge and max-unavailable as ECS percentages that give back the same tasks', () => {
  it.each([
    [6, '25%', '0', 134, 100, 8, 6],
    [6, '2', '0', 134, 100, 8, 6],
    [6, '0', '1', 100, 83, 6, 5],
    [4, '1', '0', 125, 100, 5, 4],
    [3, '1', '1', 134, 66, 4, 2],
    [10, '100%', '0', 200, 100, 20, 10],
    [1, '25%', '0', 200, 100, 2, 1],
    [7, '3', '2', 143, 71, 10, 5]
  ])(
    'desired %i, surge %s, unavailable %s → max %i%, min %i%',
    (desired, surge, unavailable, max, min, total, healthy) => {
      const c = config({ 'max-surge': surge, 'max-unavailable': unavailable })
      const p = rollingPercents(c.plan, desired)
      expect(p).toEqual({ maximumPercent: max, minimumHealthyPercent: min })
      expect(ecsLimits(desired, p)).toEqual({ desired, maxTotal: total, minHealthy: healthy })
    }
  )
})

describe('plans for ECS-controller services', () => {
  it('rolling: one step ECS carries out, then the final bake', () => {
    const plan = ecsControllerPlan(config({ 'bake-time': '1m' }).plan, 6)
    expect(plan.steps).toEqual([
      {
        index: 1,
        label: 'rolling update by ECS',
        new: 6,
        stable: 0,
        trafficPercent: 100,
        bakeMs: 0,
        pause: 'none'
      }
    ])
    expect(plan).toMatchObject({ traffic: 'replicas', finalBakeMs: 60_000, peakExtraTasks: 2 })
  })

  it('canary: full-size new revision beside the old, canary share and bake, then 100 %', () => {
    const plan = ecsControllerPlan(
      config({ strategy: 'canary', 'canary-percent': '5', 'canary-bake-time': '2m', 'bake-time': '3s' }).plan,
      4
    )
    expect(plan.steps.map(s => [s.label, s.new, s.stable, s.trafficPercent, s.bakeMs])).toEqual([
      ['canary 5%', 4, 4, 5, 120_000],
      ['100%', 4, 4, 100, 0]
    ])
    expect(plan).toMatchObject({
      traffic: 'weights',
      stableScale: 'keep',
      finalBakeMs: 3000,
      peakExtraTasks: 4
    })
  })

  it('linear and blue-green', () => {
    const linear = ecsControllerPlan(config({ strategy: 'linear', 'step-percent': '30' }).plan, 4)
    expect(linear.steps.map(s => s.trafficPercent)).toEqual([30, 60, 90, 100])
    const bg = ecsControllerPlan(config({ strategy: 'blue-green' }).plan, 4)
    expect(bg.steps.map(s => [s.label, s.trafficPercent, s.testTraffic ?? false])).toEqual([
      ['green up, test traffic', 0, true],
      ['switch 100%', 100, false]
    ])
  })

  it('partition: the first step reaching its share pauses (a count is a share of the tasks); kept on the record', () => {
    const linear = config({ strategy: 'linear', 'step-percent': '30', partition: '50%' }).plan
    const plan = ecsControllerPlan(linear, 4)
    expect(plan.steps.map(s => [s.trafficPercent, s.pause])).toEqual([
      [30, 'none'],
      [60, 'manual'],
      [90, 'none'],
      [100, 'none']
    ])
    expect(plan.hasManualPause).toBe(true)
    const canary = config({ strategy: 'canary', 'canary-percent': '20', partition: '1' }).plan
    // 1 of 4 tasks is 25 %: the canary's 20 % falls short, the 100 % step reaches it.
    expect(ecsControllerPlan(canary, 4).steps.map(s => s.pause)).toEqual(['none', 'manual'])
    expect(decodePlan(encodePlan(linear))).toEqual(linear)
  })

  it('the plan says how far the gates hold ECS: at every native step; on rolling, not between batches', () => {
    const native = ecsControllerPlan(config({ strategy: 'canary' }).plan, 4)
    expect(planFacts(native)).toContain(
      "gates: ECS waits at the action's pause hook before every step until they have held for its bake"
    )
    expect(planFacts(ecsControllerPlan(config({}).plan, 4)).at(-1)).toMatch(
      /^gates: read throughout, but ECS does not wait for them between batches/
    )
  })
})

describe('deploymentConfigurationFor', () => {
  it('rolling: the percentages; a service on a native strategy is set back to ROLLING', () => {
    expect(deploymentConfigurationFor(config({}), { desiredCount: 6 })).toEqual({
      maximumPercent: 134,
      minimumHealthyPercent: 100
    })
    expect(
      deploymentConfigurationFor(config({}), {
        desiredCount: 4,
        deploymentConfiguration: { strategy: 'CANARY' }
      })
    ).toEqual({ maximumPercent: 125, minimumHealthyPercent: 100, strategy: 'ROLLING' })
  })
})

describe('inputs by controller', () => {
  it.each([
    [{ partition: '2' }, 'partition: applies to task-set rollouts'],
    [{ 'batch-size': '2' }, 'batch-size: applies to task-set rollouts'],
    [{ 'batch-interval': '5s' }, 'batch-interval: applies to task-set rollouts'],
    [{ 'stable-scale': 'shrink' }, 'stable-scale: applies to task-set rollouts'],
    [{ strategy: 'custom', steps: '10, 30, 100' }, 'steps: its shares (10%, 30%, 100%) are uneven'],
    [{ 'on-failure': 'pause' }, 'on-failure: pause cannot hold a rolling deployment'],
    [{ strategy: 'linear', partition: '0' }, 'partition: 0 would pause before any traffic moves'],
    [{ strategy: 'canary', 'max-unavailable': '1' }, 'max-unavailable: does not apply to strategy: canary'],
    [{ strategy: 'linear', 'step-percent': '3.05' }, 'step-percent: 3.05 is not a step'],
    [{ strategy: 'canary', 'canary-percent': '0.15' }, 'canary-percent: 0.15 is not a share']
  ])('ECS controller refuses %j', (inputs, message) => {
    expect(() => checkEcsControllerInputs(config(inputs))).toThrow(message)
  })

  it('ECS controller takes rolling, all-at-once and native strategies with their own inputs', () => {
    const accepted: Record<string, string>[] = [
      { 'max-surge': '2', 'max-unavailable': '1' },
      { strategy: 'all-at-once' },
      { strategy: 'linear', 'step-percent': '33.3' },
      { strategy: 'canary', 'canary-percent': '0.1' },
      { strategy: 'blue-green' },
      { strategy: 'linear', partition: '50%', 'on-failure': 'pause', 'on-cancel': 'pause' },
      { strategy: 'canary', partition: '2' }
    ]
    for (const inputs of accepted) expect(() => checkEcsControllerInputs(config(inputs))).not.toThrow()
  })

  it('blue-green by replicas is a deploy-time error for task sets only', () => {
    const c = config({ strategy: 'blue-green' })
    expect(() => checkTaskSetInputs(c)).toThrow('strategy: "blue-green" needs traffic: weights')
    expect(() => config({ command: 'plan', 'desired-count': '4', strategy: 'blue-green' })).toThrow(
      'strategy: "blue-green" needs traffic: weights'
    )
  })

  it('native bakes of any length are taken: the action times them itself, holding ECS at each step', () => {
    const canary = config({ strategy: 'canary', 'canary-bake-time': '3s', 'bake-time': '90s' })
    expect(() => checkEcsControllerInputs(canary)).not.toThrow()
  })

  it('INPUT_DEFAULTS still has every input the checks name', () => {
    for (const input of ['stable-scale', 'partition', 'batch-size', 'batch-interval', 'on-failure'])
      expect(Object.keys(INPUT_DEFAULTS)).toContain(input)
  })
})
