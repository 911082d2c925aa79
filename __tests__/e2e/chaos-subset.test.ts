// A short seeded subset of `npm run chaos` inside npm test: six scenarios chosen to cover every kind of fault
// (task crashes, an unhealthy and an erroring revision, alarms, throttling, 5xx bursts, added latency, SIGINT
// and SIGKILL followed by the post step, a re-run attempt, an abort or a takeover, a control run beside the
// owner) side by side in one in-process sandbox, without realism (npm run chaos plays that on a sandbox of its
// own). Every invariant of chaos/invariants.ts must hold; a failure prints the seed that replays it.

import { describe, expect, it } from '@jest/globals'
import { formatRun, runBatch } from '../../chaos/batch.js'
import { faultKinds, scenarioFor } from '../../chaos/scenario.js'
import { startSandbox } from '../../sandbox/server.js'

const SEEDS = [5009, 5103, 5132, 5085, 5016, 5124]

describe('chaos, a seeded subset', () => {
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
        'control promote'
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
