// A short seeded subset of `npm run chaos` inside npm test: nine scenarios chosen to cover every kind of rollout
// (task sets by replicas and by weights, blue/green, ECS rolling, ECS native held by pause hooks, a metric-gated
// canary, a wave of services) and every kind of fault (task crashes, an unhealthy, an erroring and a slower
// revision, alarms, throttling, 5xx bursts, added latency, SIGINT and SIGKILL followed by a re-run attempt, an
// abort, a resume or a takeover, a pause-hook timeout, control runs beside the owner) side by side in one
// in-process sandbox, without realism (npm run chaos plays that on a sandbox of its own). Every invariant of
// chaos/invariants.ts must hold; a failure prints the seed that replays it.

import { describe, expect, it } from '@jest/globals'
import { formatRun, runBatch } from '../../chaos/batch.js'
import { faultKinds, kindLabel, ROLLOUT_KINDS, scenarioFor } from '../../chaos/scenario.js'
import { startSandbox } from '../../sandbox/server.js'

const SEEDS = [6901, 6142, 5022, 7734, 5000, 5001, 5005, 5016, 5027]

describe('chaos, a seeded subset', () => {
  it('the seeds cover every kind of rollout', () => {
    expect(new Set(SEEDS.map(seed => kindLabel(scenarioFor(seed))))).toEqual(
      new Set([...ROLLOUT_KINDS.map(k => k.name), 'blue/green', 'ECS native blue/green (pause hooks)'])
    )
  })

  it('the seeds cover every kind of fault', () => {
    const kinds = new Set(SEEDS.flatMap(seed => faultKinds({ ...scenarioFor(seed), realism: false })))
    expect([...kinds].sort()).toEqual(
      [
        '5xx',
        'SIGINT',
        'SIGKILL',
        'alarm',
        'crash',
        'error-rate',
        'latency',
        'throttling',
        'unhealthy',
        're-run attempt',
        'control pause',
        'control promote',
        'control abort',
        'pause-hook timeout',
        'latency regression'
      ].sort()
    )
  })

  it(`${SEEDS.length} runs, no invariant broken`, async () => {
    const sandbox = await startSandbox({ port: 0, tickMs: 200 })
    try {
      const report = await runBatch({ url: sandbox.url, seeds: SEEDS, concurrency: SEEDS.length })
      const failed = report.runs.filter(r => r.error || r.violations.length)
      expect(failed.map(r => formatRun(r, SEEDS.length))).toEqual([])
      expect(report.runs).toHaveLength(SEEDS.length)
    } finally {
      await sandbox.close()
    }
  }, 120_000)
})
