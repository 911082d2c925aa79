// command: deploy on ECS-controller services, the strategy cases the other ecs-controller suites leave out:
// all-at-once that succeeds, blue-green that succeeds (ECS's BLUE_GREEN: full-size green, then all traffic at
// once), and linear that the action's alarm gate rolls back partway (StopServiceDeployment ROLLBACK).

import { describe, expect, it } from '@jest/globals'
import {
  deploy,
  describeService,
  expectEnded,
  expectSettledOn,
  explained,
  revision,
  readLagMs,
  ruleWeights,
  serviceDeployments,
  withScene
} from '../helpers/scene.js'

describe('dist/index.js command: deploy on ECS-controller services, more strategies', () => {
  it.concurrent('all-at-once: ECS starts every new task beside the old ones, then retires them', async () => {
    await withScene({ kind: 'rolling', desiredCount: 4 }, async e2e => {
      const next = await revision(e2e)
      const { result, startedAt } = await deploy(e2e, { 'task-definition': next, strategy: 'all-at-once' })
      await explained(result, async () => {
        expectEnded(e2e, result, 'succeeded', next)
        expect(result.summary).toMatch(/<tr><td>1<\/td><td>all at once, by ECS<\/td>.*✅ passed<\/td><\/tr>/)
        expect((await describeService(e2e)).deploymentConfiguration).toMatchObject({
          maximumPercent: 200,
          minimumHealthyPercent: 100
        })
        const journal = await e2e.control.journal('prod', 'web', { floor: 4, since: startedAt })
        expect(journal.belowFloor).toEqual([])
        await expectSettledOn(e2e, next)
      })
    })
  })

  it.concurrent('blue-green: green at full size, then 100 % at once, ECS bake time, SUCCESSFUL', async () => {
    await withScene({ kind: 'native' }, async e2e => {
      const next = await revision(e2e)
      const { result } = await deploy(e2e, {
        'task-definition': next,
        strategy: 'blue-green',
        'bake-time': '2s'
      })
      await explained(result, async () => {
        expectEnded(e2e, result, 'succeeded', next)
        expect(result.summary).toMatch(
          /<tr><td>1<\/td><td>green up, test traffic<\/td>.*✅ passed<\/td><\/tr>/
        )
        expect(result.summary).toMatch(/<tr><td>2<\/td><td>switch 100%<\/td>.*✅ passed<\/td><\/tr>/)
        expect(result.stdout).toContain('traffic: 100% to web:2')
        expect(result.stdout).not.toMatch(/traffic: [1-9]\d?% to web:2/)
        const [latest] = await serviceDeployments(e2e)
        expect(latest).toMatchObject({ status: 'SUCCESSFUL' })
        // ECS bakes nothing: the action holds after the test shift, before the switch and after it.
        expect(latest.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 })
        expect(latest.lifecycleHookDetails?.map(h => h.status)).toEqual([
          'SUCCEEDED',
          'SUCCEEDED',
          'SUCCEEDED'
        ])
        expect(await ruleWeights(e2e)).toEqual([0, 100])
        await expectSettledOn(e2e, next)
      })
    })
  })

  it.concurrent(
    'linear: the alarm fires at a later step, the action answers ROLLBACK through the held hook',
    async () => {
      // Half the new revision's requests are 5xx: 25 % of 100 requests/s gives ~12 a second, under the threshold
      // (20); 50 % gives ~25, over it. The alarm fires in step 2.
      await withScene({ kind: 'native', threshold: 20 }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '0.5' })
        const { result } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '25',
          'step-bake-time': '4s',
          // The alarm is the subject here: the built-in metric check would catch this revision first.
          'metric-checks': 'false'
        })
        await explained(result, async () => {
          expectEnded(e2e, result, 'rolled-back', next)
          expect(result.summary).toMatch(/<tr><td>1<\/td><td>25%<\/td>.*✅ passed<\/td><\/tr>/)
          expect(result.summary).toMatch(/<tr><td>2<\/td><td>50%<\/td>.*⛔ failed: alarm/)
          expect(result.summary).toMatch(/<tr><td>3<\/td><td>75%<\/td>.*skipped<\/td><\/tr>/)
          // With realism's read lag, the hold the action saw may have ended already (ECS refuses to answer it):
          // the action then stops the service deployment instead, the same rollback.
          if ((await readLagMs(e2e)) === 0)
            expect(result.stdout).toMatch(
              /Rolling back: ContinueServiceDeployment ROLLBACK of the held hook /
            )
          else
            expect(result.stdout).toMatch(
              /Rolling back: (ContinueServiceDeployment ROLLBACK of the held hook|StopServiceDeployment ROLLBACK of) /
            )
          const [latest] = await serviceDeployments(e2e)
          expect(latest.status).toBe('ROLLBACK_SUCCESSFUL')
          expect(await ruleWeights(e2e)).toEqual([100, 0])
          await expectSettledOn(e2e, e2e.previous)
        })
      })
    }
  )
})
