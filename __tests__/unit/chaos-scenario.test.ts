// The chaos scenarios drawn from seeds: every kind of rollout in the table and every fault shows up, a seed
// always gives the same scenario, a re-run attempt follows only a SIGKILL, and a pause-hook timeout only a
// SIGKILL of a rollout the action holds at ECS's pause hook.

import { describe, expect, it } from '@jest/globals'
import { faultKinds, kindLabel, REALISM_FAULTS, ROLLOUT_KINDS, scenarioFor } from '../../chaos/scenario.js'

const SEEDS = Array.from({ length: 2000 }, (_, i) => 30_000 + i)
const scenarios = SEEDS.map(scenarioFor)

describe('chaos scenarios', () => {
  it('a seed gives the same scenario every time', () => {
    expect(scenarioFor(30_007)).toEqual(scenarios[7])
  })

  it('every kind of the table is drawn, about as often as its share says', () => {
    const total = ROLLOUT_KINDS.reduce((sum, k) => sum + k.share, 0)
    for (const kind of ROLLOUT_KINDS) {
      const drawn = scenarios.filter(s => s.kind.name === kind.name).length / scenarios.length
      expect(Math.abs(drawn - kind.share / total)).toBeLessThan(0.05)
    }
    expect(new Set(scenarios.map(kindLabel))).toEqual(
      new Set([...ROLLOUT_KINDS.map(k => k.name), 'blue/green', 'ECS native blue/green (pause hooks)'])
    )
    // Both controllers, both traffic kinds, waves of 2 and 3 services.
    expect(new Set(scenarios.map(s => `${s.kind.controller} ${s.traffic}`)).size).toBe(4)
    expect(new Set(scenarios.map(s => s.waveServices.length))).toEqual(new Set([0, 1, 2]))
  })

  it('every fault is injected by some seed; the realism faults only with realism', () => {
    const kinds = new Set(scenarios.flatMap(faultKinds))
    for (const k of [
      ...REALISM_FAULTS,
      're-run attempt',
      'control pause',
      'control promote',
      'control abort',
      'pause-hook timeout',
      'latency regression'
    ])
      expect(kinds).toContain(k)
    for (const s of scenarios) {
      expect(faultKinds(s).includes('clock skew')).toBe(s.realism)
      if (s.interrupt?.then === 'rerun') expect(s.interrupt.signal).toBe('SIGKILL')
      // A hook times out only where the action holds ECS at one: the native strategies, after a SIGKILL.
      if (s.interrupt?.then === 'hook-timeout') {
        expect(s.interrupt.signal).toBe('SIGKILL')
        expect(s.kind.controller === 'ECS' && s.traffic === 'weights').toBe(true)
        expect(s.hookTimeoutSeconds).toBeGreaterThan(0)
      }
    }
  })
})
