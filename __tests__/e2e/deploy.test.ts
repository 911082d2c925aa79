// command: deploy end to end, healthy rollouts: dist/index.js as a subprocess, exactly as the runner runs it,
// against an in-process sandbox (one per test, so the tests run concurrently: they spend their time waiting).
// Each ends with one PRIMARY task set on the new revision, and the journal shows no moment below the plan's
// floor (desired − max-unavailable) of healthy tasks.

import { describe, expect, it } from '@jest/globals'
import {
  deploy,
  expectFloorKept,
  expectEnded,
  expectSettledOn,
  explained,
  revision,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'

async function healthy(e2e: Scene, inputs: Record<string, string>, floor: number): Promise<RunResult> {
  const next = await revision(e2e)
  const { result, startedAt } = await deploy(e2e, { 'task-definition': next, ...inputs })
  await explained(result, async () => {
    expectEnded(e2e, result, 'succeeded', next)
    expect(result.outputs.reason).toBeUndefined()
    expect(result.summary).toContain('<h2>✅ Succeeded: web:2 on web</h2>')
    expect(result.summary).toContain("web:2 now serves all of web's traffic")
    expect(result.summary).not.toMatch(/rolled back|rolling back/i)
    expect(result.stdout).toContain('✅ Succeeded')
    expect(result.stdout).toContain('web:1 retired')
    await expectSettledOn(e2e, next)
    await expectFloorKept(e2e, startedAt, floor)
  })
  return result
}

describe('dist/index.js command: deploy on task sets, healthy', () => {
  it.concurrent('linear 50 %: two steps, promoted, the old task set retired', async () => {
    await withScene({}, async e2e => {
      const { summary, stdout } = await healthy(
        e2e,
        { strategy: 'linear', 'step-percent': '50', 'step-bake-time': '1s' },
        4
      )
      // A log group per step, titled with the step's own counts (`%` is escaped in workflow commands).
      expect(stdout).toContain('::group::step 1/2 (50%25): new 2, stable 2\n')
      expect(stdout).toContain('::group::step 2/2 (100%25): new 4, stable 0\n')
      // Each step's row shows its actual start and duration, and its gate verdict.
      expect(summary).toMatch(
        /<tr><td>1<\/td><td>50%<\/td><td>\d\d:\d\d:\d\d UTC<\/td><td>\d+s \(stable after \d+s\)<\/td>/
      )
      expect(summary).toMatch(/<tr><td>2<\/td><td>100%<\/td><td>\d\d:\d\d:\d\d UTC<\/td>/)
      expect(summary).not.toContain('skipped')
    })
  })

  it.concurrent('canary 25 %: the canary bakes, then 100 %, promoted', async () => {
    await withScene({}, async e2e => {
      const { summary } = await healthy(
        e2e,
        { strategy: 'canary', 'canary-percent': '25', 'canary-bake-time': '2s' },
        4
      )
      expect(summary).toMatch(/<tr><td>1<\/td><td>canary 25%<\/td>/)
    })
  })

  it.concurrent(
    'rolling with max-surge 2: batches of two extra tasks, never below the desired count',
    async () => {
      await withScene({}, async e2e => {
        await healthy(e2e, { strategy: 'rolling', 'max-surge': '2', 'max-unavailable': '0' }, 4)
        // The surge is used: at some moment six tasks ran.
        const journal = await e2e.control.journal('prod', 'web')
        const peak = Math.max(
          ...journal.ticks.map(t => t.taskSets.reduce((sum, s) => sum + s.computedDesiredCount, 0))
        )
        expect(peak).toBe(6)
      })
    }
  )

  it.concurrent(
    'rolling with max-unavailable 1 and max-surge 0: never more than four tasks, never below three',
    async () => {
      await withScene({}, async e2e => {
        await healthy(
          e2e,
          { strategy: 'rolling', 'max-surge': '0', 'max-unavailable': '1', 'batch-interval': '0s' },
          3
        )
        const journal = await e2e.control.journal('prod', 'web')
        const peak = Math.max(
          ...journal.ticks.map(t => t.taskSets.reduce((sum, s) => sum + s.computedDesiredCount, 0))
        )
        expect(peak).toBe(4)
      })
    }
  )
})
