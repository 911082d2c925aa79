// Worked examples of the planner, in the spirit of argo-rollouts' canary tables: each row says what a
// person should expect to see for a strategy and a desired count.

import { describe, expect, it } from '@jest/globals'
import type { PlanConfig, Quantity, StrategyConfig } from '../../src/config/types.js'
import { planMoves } from '../../src/plan/moves.js'
import { buildPlan, capacityLimits } from '../../src/plan/planner.js'

const count = (value: number): Quantity => ({ kind: 'count', value })
const pct = (value: number): Quantity => ({ kind: 'percent', value })

function config(strategy: StrategyConfig, over: Partial<PlanConfig> = {}): PlanConfig {
  return {
    strategy,
    traffic: 'replicas',
    stableScale: 'shrink',
    maxSurge: pct(25),
    maxUnavailable: count(0),
    bakeMs: 300_000,
    ...over
  }
}
const rolling = (o: Partial<Extract<StrategyConfig, { name: 'rolling' }>> = {}): StrategyConfig => ({
  name: 'rolling',
  batchIntervalMs: 0,
  ...o
})
const linear = (stepPercent: number): StrategyConfig => ({ name: 'linear', stepPercent, stepBakeMs: 60_000 })
const canary = (canaryPercent: number): StrategyConfig => ({
  name: 'canary',
  canaryPercent,
  canaryBakeMs: 300_000
})

/** [new, stable, traffic%] for each step. */
type Row = [number, number, number]
const rows = (c: PlanConfig, desired: number): Row[] =>
  buildPlan(c, desired).steps.map(s => [s.new, s.stable, Math.round(s.trafficPercent)])

describe('planner worked examples', () => {
  it.each<[string, PlanConfig, number, Row[]]>([
    [
      '10 tasks, rolling, default batch (surge 25% → 3)',
      config(rolling()),
      10,
      [
        [3, 7, 30],
        [6, 4, 60],
        [9, 1, 90],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, rolling, batch 5',
      config(rolling({ batchSize: count(5) })),
      10,
      [
        [5, 5, 50],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, rolling, batch 40%',
      config(rolling({ batchSize: pct(40) })),
      10,
      [
        [4, 6, 40],
        [8, 2, 80],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, rolling, batch 10 is a single batch',
      config(rolling({ batchSize: count(10) })),
      10,
      [[10, 0, 100]]
    ],
    [
      '10 tasks, rolling, batch 50 is a single batch',
      config(rolling({ batchSize: count(50) })),
      10,
      [[10, 0, 100]]
    ],
    [
      '10 tasks, rolling, surge 0 / unavailable 2 → batch 2',
      config(rolling(), { maxSurge: count(0), maxUnavailable: count(2) }),
      10,
      [
        [2, 8, 20],
        [4, 6, 40],
        [6, 4, 60],
        [8, 2, 80],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, partition 3',
      config(rolling({ partition: count(3) })),
      10,
      [
        [3, 7, 30],
        [3, 7, 30]
      ]
    ],
    [
      '10 tasks, partition 30%',
      config(rolling({ partition: pct(30) })),
      10,
      [
        [3, 7, 30],
        [3, 7, 30]
      ]
    ],
    [
      '10 tasks, partition 0 (everything back)',
      config(rolling({ partition: count(0) })),
      10,
      [
        [0, 10, 0],
        [0, 10, 0]
      ]
    ],
    ['10 tasks, partition 10 completes', config(rolling({ partition: count(10) })), 10, [[10, 0, 100]]],
    [
      '10 tasks, partition wins over batch size',
      config(rolling({ partition: count(4), batchSize: count(1) })),
      10,
      [
        [4, 6, 40],
        [4, 6, 40]
      ]
    ],
    [
      '10 tasks, linear 30%',
      config(linear(30)),
      10,
      [
        [3, 7, 30],
        [6, 4, 60],
        [9, 1, 90],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, linear 10%, stable kept: step 3 → new 3, stable 10, traffic 23%',
      config(linear(10), { stableScale: 'keep' }),
      10,
      [
        [1, 10, 9],
        [2, 10, 17],
        [3, 10, 23],
        [4, 10, 29],
        [5, 10, 33],
        [6, 10, 38],
        [7, 10, 41],
        [8, 10, 44],
        [9, 10, 47],
        [10, 0, 100]
      ]
    ],
    [
      '4 tasks, linear 10% rounds each share up',
      config(linear(10)),
      4,
      [
        [1, 3, 25],
        [1, 3, 25],
        [2, 2, 50],
        [2, 2, 50],
        [2, 2, 50],
        [3, 1, 75],
        [3, 1, 75],
        [4, 0, 100],
        [4, 0, 100],
        [4, 0, 100]
      ]
    ],
    [
      '10 tasks, canary 10%',
      config(canary(10)),
      10,
      [
        [1, 9, 10],
        [10, 0, 100]
      ]
    ],
    [
      '3 tasks, canary 1% is still one task',
      config(canary(1)),
      3,
      [
        [1, 2, 33],
        [3, 0, 100]
      ]
    ],
    [
      '100 tasks, canary 5% by weights, stable kept',
      config(canary(5), { traffic: 'weights', stableScale: 'keep' }),
      100,
      [
        [5, 100, 5],
        [100, 100, 100]
      ]
    ],
    [
      '10 tasks, canary 5% by weights, at least one task',
      config(canary(5), { traffic: 'weights', stableScale: 'keep' }),
      10,
      [
        [1, 10, 5],
        [10, 10, 100]
      ]
    ],
    [
      '10 tasks, linear 25% by weights, stable shrinks to what its share needs',
      config(linear(25), { traffic: 'weights', stableScale: 'shrink' }),
      10,
      [
        [3, 8, 25],
        [5, 5, 50],
        [8, 3, 75],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, blue-green',
      config({ name: 'blue-green' }, { traffic: 'weights', stableScale: 'keep' }),
      10,
      [
        [10, 10, 0],
        [10, 10, 100]
      ]
    ],
    ['10 tasks, all-at-once', config({ name: 'all-at-once' }, { maxSurge: pct(100) }), 10, [[10, 0, 100]]],
    [
      '10 tasks, custom 10:1m, pause, 50',
      config({
        name: 'custom',
        steps: [
          { kind: 'step', percent: 10, bakeMs: 60_000 },
          { kind: 'pause' },
          { kind: 'step', percent: 50, bakeMs: 0 }
        ]
      }),
      10,
      [
        [1, 9, 10],
        [1, 9, 10],
        [5, 5, 50],
        [10, 0, 100]
      ]
    ],
    [
      '10 tasks, custom starting with a pause holds at zero',
      config({ name: 'custom', steps: [{ kind: 'pause' }, { kind: 'step', percent: 100, bakeMs: 0 }] }),
      10,
      [
        [0, 10, 0],
        [10, 0, 100]
      ]
    ]
  ])('%s', (_name, c, desired, expected) => {
    expect(rows(c, desired)).toEqual(expected)
  })

  it('percentages apply to the desired count of the moment: scaling from 10 to 20 doubles each step', () => {
    expect(rows(config(linear(25)), 20)).toEqual([
      [5, 15, 25],
      [10, 10, 50],
      [15, 5, 75],
      [20, 0, 100]
    ])
  })

  it('marks manual pauses and estimates only what does not wait for a person', () => {
    const plan = buildPlan(config(rolling({ partition: count(3) })), 10)
    expect(plan.steps.map(s => s.pause)).toEqual(['none', 'manual'])
    expect(plan.hasManualPause).toBe(true)
    const linearPlan = buildPlan(config(linear(10)), 10)
    // 9 bakes of 1m + 5m final bake + 10 scale-ups at 1m each
    expect(linearPlan.estimatedMs).toBe(9 * 60_000 + 300_000 + 10 * 60_000)
    expect(linearPlan.hasManualPause).toBe(false)
  })

  it('reports the peak extra capacity each plan needs', () => {
    expect(buildPlan(config(rolling()), 10).peakExtraTasks).toBe(3)
    expect(buildPlan(config(linear(10)), 10).peakExtraTasks).toBe(1)
    expect(buildPlan(config(linear(10), { stableScale: 'keep' }), 10).peakExtraTasks).toBe(9)
    expect(
      buildPlan(config({ name: 'blue-green' }, { traffic: 'weights', stableScale: 'keep' }), 10)
        .peakExtraTasks
    ).toBe(10)
  })

  it('labels steps for people', () => {
    expect(buildPlan(config(rolling()), 10).steps.map(s => s.label)).toEqual([
      'batch 1 of 4',
      'batch 2 of 4',
      'batch 3 of 4',
      'batch 4 of 4'
    ])
    expect(buildPlan(config(canary(10)), 10).steps[0].label).toBe('canary 10%')
    expect(
      buildPlan(config({ name: 'blue-green' }, { traffic: 'weights', stableScale: 'keep' }), 10).steps[0]
        .testTraffic
    ).toBe(true)
  })
})

describe('capacity limits', () => {
  it.each<[string, Partial<PlanConfig>, number, { minHealthy: number; maxTotal: number }]>([
    ['surge 25% rounds up', {}, 10, { minHealthy: 10, maxTotal: 13 }],
    [
      'unavailable 25% rounds down',
      { maxSurge: count(0), maxUnavailable: pct(25) },
      10,
      { minHealthy: 8, maxTotal: 10 }
    ],
    ['stable kept doubles the ceiling', { stableScale: 'keep' }, 10, { minHealthy: 10, maxTotal: 20 }],
    ['a single task still gets one extra', { maxSurge: pct(10) }, 1, { minHealthy: 1, maxTotal: 2 }],
    ['30% of 10 is 3, not 4 (no float noise)', { maxSurge: pct(30) }, 10, { minHealthy: 10, maxTotal: 13 }]
  ])('%s', (_n, over, desired, expected) => {
    expect(capacityLimits(config(rolling(), over), desired)).toMatchObject(expected)
  })
})

describe('moves between steps', () => {
  const limits = { desired: 10, minHealthy: 10, maxTotal: 13 }
  it('grows the new revision first, then hands back stable tasks (worked example in moves.ts)', () => {
    expect(planMoves({ new: 0, stable: 10 }, { new: 5, stable: 5 }, limits)).toEqual([
      { new: 3, stable: 10 },
      { new: 5, stable: 7 },
      { new: 5, stable: 5 }
    ])
  })
  it('rolls back by growing stable before shrinking new', () => {
    expect(planMoves({ new: 5, stable: 5 }, { new: 0, stable: 10 }, limits)).toEqual([
      { new: 5, stable: 8 },
      { new: 2, stable: 10 },
      { new: 0, stable: 10 }
    ])
  })
  it('with no surge, stops stable tasks first within max-unavailable', () => {
    expect(
      planMoves({ new: 0, stable: 10 }, { new: 4, stable: 6 }, { desired: 10, minHealthy: 8, maxTotal: 10 })
    ).toEqual([
      { new: 2, stable: 8 },
      { new: 4, stable: 6 }
    ])
  })
  it('refuses a move that limits make impossible, saying what to change', () => {
    expect(() =>
      planMoves({ new: 0, stable: 2 }, { new: 2, stable: 0 }, { desired: 2, minHealthy: 2, maxTotal: 2 })
    ).toThrow(
      'cannot move from new 0/stable 2 to new 2/stable 0: with at least 2 healthy and at most 2 tasks in all, no task can be started or stopped; raise max-surge or max-unavailable'
    )
  })
})

describe('healthy capacity never falls below desired − max-unavailable', () => {
  // Every strategy, many sizes and envelopes: walk every move of the plan, assuming tasks being started are
  // not yet healthy, and check the floor and the ceiling at each moment.
  const strategies: StrategyConfig[] = [
    rolling(),
    rolling({ batchSize: count(1) }),
    rolling({ batchSize: pct(50) }),
    rolling({ partition: pct(40) }),
    linear(10),
    linear(33),
    canary(5),
    { name: 'all-at-once' },
    {
      name: 'custom',
      steps: [
        { kind: 'step', percent: 5, bakeMs: 0 },
        { kind: 'pause' },
        { kind: 'step', percent: 60, bakeMs: 0 }
      ]
    }
  ]
  const envelopes: Partial<PlanConfig>[] = [
    {},
    { maxSurge: count(1) },
    { maxSurge: count(0), maxUnavailable: count(1) },
    { maxSurge: pct(50), maxUnavailable: pct(20) },
    { stableScale: 'keep' },
    { traffic: 'weights', stableScale: 'keep' },
    { traffic: 'weights', stableScale: 'shrink' }
  ]
  for (const strategy of strategies)
    for (const envelope of envelopes)
      it(`${strategy.name} ${JSON.stringify(envelope)}`, () => {
        for (const desired of [1, 2, 3, 5, 10, 17, 100]) {
          const c = config(strategy, envelope)
          const plan = buildPlan(c, desired)
          const floor = desired - Math.min(desired, plan.desiredCount - plan.limits.minHealthy)
          let at = { new: 0, stable: desired }
          const route = [...plan.steps, { new: desired, stable: 0 }]
          for (const target of route) {
            for (const move of planMoves(at, target, plan.limits)) {
              const stillRunning = Math.min(at.new, move.new) + Math.min(at.stable, move.stable)
              expect(stillRunning).toBeGreaterThanOrEqual(floor)
              expect(move.new + move.stable).toBeLessThanOrEqual(plan.limits.maxTotal)
              at = move
            }
            expect(at).toEqual({ new: target.new, stable: target.stable })
          }
        }
      })
})
