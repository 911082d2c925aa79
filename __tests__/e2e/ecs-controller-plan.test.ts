// Issue 15, item 2: plans on ECS-controller services. A custom plan ECS can express runs as ECS's native canary
// or linear deployment, its pause steps held at the action's pause hook (the run ends paused, a later promote
// finishes it); a resume may change what the action times (a step's bake) mid-flight, and is refused, with
// nothing changed, when it asks for what ECS holds for the running deployment (its step shares). The refusal of
// an uneven custom plan before any change is in ecs-controller-refused.test.ts.

import { describe, expect, it } from '@jest/globals'
import {
  callsMark,
  deploy,
  describeService,
  expectSettledOn,
  explained,
  mutatingCalls,
  record,
  revision,
  ruleWeights,
  run,
  serviceDeployments,
  waitForWeights,
  withScene,
  type Scene
} from '../helpers/scene.js'

/** The sandbox's pause-hook runs of the scene's service, oldest first. */
async function pauseRuns(e2e: Scene) {
  const { runs } = await e2e.control.hooks(e2e.cluster, e2e.service)
  return runs.filter(r => r.targetType === 'PAUSE')
}

describe('dist/index.js: custom plans and plan changes on ECS-controller services', () => {
  it.concurrent(
    'custom "10%:1s, pause, 100%": ECS canary 10 %, the run ends paused (exit 0) with ECS holding; promote finishes it',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        const { result } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'custom',
          steps: '10%:1s, pause, 100%',
          'bake-time': '1s',
          'poll-interval': '500ms'
        })
        await explained(result, async () => {
          expect(result.code).toBe(0)
          expect(result.outputs.status).toBe('paused')
          expect(result.outputs['traffic-percent']).toBe('10')
          expect(result.summary).toContain('ECS runs these steps as its native canary deployment, 10% first')
          expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'batch-completed', step: 1 })
          // ECS was told CANARY 10 %, and holds the deployment at the action's hook before the 100 % step.
          const configured = (await describeService(e2e)).deploymentConfiguration
          expect(configured?.strategy).toBe('CANARY')
          expect(configured?.canaryConfiguration?.canaryPercent).toBe(10)
          await new Promise(done => setTimeout(done, 1000))
          expect(await ruleWeights(e2e)).toEqual([90, 10])
          const [latest] = await serviceDeployments(e2e)
          expect(latest.status).toBe('IN_PROGRESS')
          const held = latest.lifecycleHookDetails?.at(-1)
          expect(held?.status).toBe('AWAITING_ACTION')
          // A person's pause: ECS's longest hold, 14 days, before the hook's timeout acts.
          expect(held?.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000)
        })
        const promoted = await run(e2e, { command: 'promote', 'poll-interval': '500ms' }, { runId: 2 }).then(
          r => r.result
        )
        await explained(promoted, async () => {
          expect(promoted.code).toBe(0)
          expect(promoted.outputs.status).toBe('succeeded')
          expect(await ruleWeights(e2e)).toEqual([0, 100])
          expect((await serviceDeployments(e2e))[0].status).toBe('SUCCESSFUL')
          await expectSettledOn(e2e, next)
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
          expect((await describeService(e2e)).deploymentConfiguration?.lifecycleHooks ?? []).toEqual([])
        })
      })
    }
  )

  it.concurrent(
    'owner running: a resume with a shorter step bake asks it to pause (ECS keeps waiting at the hook), then carries the rollout on with the new bake',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        const plan = { strategy: 'linear', 'step-percent': '40', 'poll-interval': '500ms' }
        const owner = deploy(e2e, {
          'task-definition': next,
          ...plan,
          'step-bake-time': '60s',
          'bake-time': '1s'
        })
        await waitForWeights(e2e, [60, 40])
        const startedAt = Date.now()
        const resumed = await run(
          e2e,
          { command: 'resume', ...plan, 'step-bake-time': '1s', 'bake-time': '1s' },
          { runId: 2 }
        ).then(r => r.result)
        const { result } = await owner
        await explained(resumed, async () => {
          // The owner stopped where it was, as asked; ECS went on waiting at the action's hook.
          expect(result.code).toBe(0)
          expect(result.outputs.status).toBe('paused')
          expect(resumed.code).toBe(0)
          expect(resumed.outputs.status).toBe('succeeded')
          // 1 s bakes, not 60 s: the new plan is the one carried on.
          expect(Date.now() - startedAt).toBeLessThan(40_000)
          expect(await ruleWeights(e2e)).toEqual([0, 100])
          await expectSettledOn(e2e, next)
          expect((await record(e2e))?.plan.strategy).toMatchObject({ name: 'linear', stepBakeMs: 1000 })
        })
      })
    }
  )

  it.concurrent(
    'held mid-flight: a resume asking for other step shares is refused with nothing changed; one with a longer step bake is taken',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        const plan = { strategy: 'linear', 'step-percent': '40', 'poll-interval': '500ms' }
        const { result } = await deploy(e2e, {
          'task-definition': next,
          ...plan,
          'step-bake-time': '1s',
          'bake-time': '1s',
          partition: '40%'
        })
        expect(result.outputs.status).toBe('paused')
        const paused = await record(e2e)

        // ECS's deployment runs with 40 % steps: 20 % cannot be asked of it now.
        const since = await callsMark()
        const refused = await run(
          e2e,
          { command: 'resume', ...plan, 'step-percent': '20' },
          { runId: 2 }
        ).then(r => r.result)
        await explained(refused, async () => {
          expect(refused.code).toBe(1)
          expect(refused.outputs.reason).toMatch(
            /^step-percent: 20% asks to change what ECS holds for rollout \S+ on web: its deployment runs with step-percent 40% \(the deploymentConfiguration it started with\), which ECS cannot change mid-flight, so this resume changed nothing\. .*abort the rollout and deploy again with step-percent: 20%$/
          )
          expect(await mutatingCalls(e2e, since)).toEqual([])
          expect(await record(e2e)).toEqual(paused)
          expect(await ruleWeights(e2e)).toEqual([60, 40])
          expect((await serviceDeployments(e2e))[0].lifecycleHookDetails?.at(-1)?.status).toBe(
            'AWAITING_ACTION'
          )
        })

        // The step bake is the action's: the 80 % step is now baked 3 s (it was 1 s) before ECS moves on.
        const resumed = await run(
          e2e,
          { command: 'resume', ...plan, 'step-bake-time': '3s' },
          { runId: 3 }
        ).then(r => r.result)
        await explained(resumed, async () => {
          expect(resumed.code).toBe(0)
          expect(resumed.outputs.status).toBe('succeeded')
          const runs = await pauseRuns(e2e)
          expect(runs.map(r => [r.lifecycleStage, r.status])).toEqual([
            ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
            ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
            ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
            ['POST_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED']
          ])
          // Held at 80 % before the 100 % step: the new bake, 3 s, not the 1 s the deploy run gave.
          const at80 = runs[2]
          expect(at80.endedAt! - at80.startedAt).toBeGreaterThanOrEqual(2800)
          expect(await ruleWeights(e2e)).toEqual([0, 100])
          await expectSettledOn(e2e, next)
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
          expect((await record(e2e))?.plan.strategy).toMatchObject({ name: 'linear', stepBakeMs: 3000 })
        })
      })
    }
  )
})
