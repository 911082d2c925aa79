// Issue 15: ECS-controller services under the action's gates at every step. dist/index.js starts ECS's native
// deployment with its own pause hook beside the service's hooks; ECS waits at every step until the action has
// baked it under its gates (ContinueServiceDeployment CONTINUE), or rolls back through the held hook
// (ROLLBACK); the hook's timeout is the safety net when the runner dies; and the service's deploymentConfiguration
// is as the user had it afterwards, their Lambda hook still configured and still invoked.

import { describe, expect, it } from '@jest/globals'
import type { DeploymentLifecycleHook } from '@aws-sdk/client-ecs'
import { waitFor } from '../../sandbox/fixtures.js'
import { killedRun } from '../helpers/killed-run.js'
import {
  callsMark,
  deploy,
  describeService,
  expectEnded,
  expectSettledOn,
  explained,
  MANUAL_ALARM,
  mutatingCalls,
  readLagMs,
  record,
  revision,
  ruleWeights,
  run,
  serviceDeployments,
  setAlarm,
  waitForWeights,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'

const LAMBDA: DeploymentLifecycleHook = {
  targetType: 'AWS_LAMBDA',
  hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test',
  roleArn: 'arn:aws:iam::123456789012:role/ecs-hooks',
  lifecycleStages: ['POST_SCALE_UP']
}

/** The sandbox's pause-hook runs of the scene's service, oldest first. */
async function pauseRuns(e2e: Scene) {
  const { runs } = await e2e.control.hooks(e2e.cluster, e2e.service)
  return runs.filter(r => r.targetType === 'PAUSE')
}

/** "4s", "546ms", "1m2s" (the summary's durations) in seconds. */
function seconds(text: string): number {
  const ms = /^(\d+)ms$/.exec(text)
  if (ms) return Number(ms[1]) / 1000
  const [, m, sec] = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(text) ?? []
  return Number(m ?? 0) * 60 + Number(sec ?? 0)
}

/**
 * Each step row's time in the summary's progress table once ECS had moved to it, in seconds: its duration less
 * "stable after" (the first step's scale-up, a later step's traffic move).
 */
function stepSeconds(summary: string): number[] {
  const cells = /<tr><td>\d+<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>(\w+)(?: \(stable after (\w+)\))?<\/td>/g
  return [...summary.matchAll(cells)].map(m => seconds(m[1]) - (m[2] ? seconds(m[2]) : 0))
}

describe('dist/index.js deploy: native strategies held by the action at every step', () => {
  it.concurrent(
    "linear 40 %, 2 s bakes: ECS waits at every step until the action continues it; the summary's step times are the bakes; the service's settings and Lambda hook are as before",
    async () => {
      await withScene(
        { kind: 'native', native: { deploymentConfiguration: { lifecycleHooks: [LAMBDA] } } },
        async e2e => {
          const before = (await describeService(e2e)).deploymentConfiguration
          const next = await revision(e2e)
          const { result, startedAt } = await deploy(e2e, {
            'task-definition': next,
            strategy: 'linear',
            'step-percent': '40',
            'step-bake-time': '2s',
            'bake-time': '2s',
            'poll-interval': '500ms'
          })
          await explained(result, async () => {
            expectEnded(e2e, result, 'succeeded', next)
            // Held before each of the 3 production steps and once all traffic had moved: 4 hooks, each continued.
            const runs = await pauseRuns(e2e)
            expect(runs.map(r => [r.lifecycleStage, r.status])).toEqual([
              ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
              ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
              ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
              ['POST_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED']
            ])
            // ECS waited out each bake at the hook (ECS's own bakes are 0): 2 s at 40 %, at 80 %, and at 100 %
            // (and, with realism's read lag, until the action saw the step).
            const lag = await readLagMs(e2e)
            for (const held of runs.slice(1)) {
              expect(held.endedAt! - held.startedAt).toBeGreaterThanOrEqual(1800)
              expect(held.endedAt! - held.startedAt).toBeLessThan(4500 + lag)
            }
            const calls = await mutatingCalls(e2e, startedAt)
            expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(4)
            // The summary's step times: 40 % and 80 % each baked 2 s (plus ECS's move and a poll, in whole seconds).
            const [first, second] = stepSeconds(result.summary)
            for (const took of [first, second]) {
              expect(took).toBeGreaterThanOrEqual(1.4) // whole seconds, rounded
              expect(took).toBeLessThanOrEqual(3.5 + lag / 1000)
            }
            expect(result.stdout).toMatch(/Restored: the service's deploymentConfiguration is back as it was/)
            // As the user had it: their strategy, their Lambda hook, not the action's; still invoked.
            const after = (await describeService(e2e)).deploymentConfiguration
            expect(after?.strategy).toBe(before?.strategy ?? 'ROLLING')
            expect(after?.lifecycleHooks).toEqual([LAMBDA])
            const { runs: all } = await e2e.control.hooks(e2e.cluster, e2e.service)
            const lambda = all.filter(r => r.targetType === 'AWS_LAMBDA')
            expect(lambda).toHaveLength(1)
            expect(lambda[0]).toMatchObject({ lifecycleStage: 'POST_SCALE_UP', status: 'SUCCEEDED' })
            expect(lambda[0].invocation).toBeDefined()
            // Restoring started no deployment: the rollout's is still the latest.
            const [latest] = await serviceDeployments(e2e)
            expect(latest.status).toBe('SUCCESSFUL')
            expect(latest.targetServiceRevision?.arn).toBeDefined()
            expect((await describeService(e2e)).deployments).toHaveLength(1)
            await expectSettledOn(e2e, next)
          })
        }
      )
    }
  )

  it.concurrent(
    'an alarm during step 2 rolls the deployment back through the held hook within one poll interval',
    async () => {
      await withScene({ kind: 'native', manualAlarm: true }, async e2e => {
        const next = await revision(e2e)
        const running = deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '40',
          'step-bake-time': '20s',
          alarms: MANUAL_ALARM,
          'poll-interval': '500ms'
        })
        await waitForWeights(e2e, [20, 80])
        const firedAt = Date.now()
        await setAlarm(e2e, MANUAL_ALARM, 'p99 latency')
        const { result, startedAt } = await running
        await explained(result, async () => {
          expectEnded(e2e, result, 'rolled-back', next)
          expect(result.summary).toMatch(/<tr><td>2<\/td><td>80%<\/td>.*⛔ failed: alarm/)
          const runs = await pauseRuns(e2e)
          const answered = runs[runs.length - 1]
          const calls = await mutatingCalls(e2e, startedAt)
          const lag = await readLagMs(e2e)
          if (lag === 0 || answered.status === 'FAILED') {
            expect(answered).toMatchObject({
              lifecycleStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT',
              status: 'FAILED'
            })
            // One poll interval (500 ms), plus the sandbox's tick and the alarm read (and its lag), after it fired.
            expect(answered.endedAt! - firedAt).toBeLessThan(1500 + lag)
            expect(calls).not.toContain('ecs:StopServiceDeployment')
          } else {
            // Realism: the action's lagging view held a hook that ECS had already moved past; ROLLBACK of it was
            // refused, and the action stopped the deployment with ROLLBACK instead.
            expect(calls).toContain('ecs:StopServiceDeployment')
          }
          expect((await serviceDeployments(e2e))[0].status).toBe('ROLLBACK_SUCCESSFUL')
          expect(await ruleWeights(e2e)).toEqual([100, 0])
          await expectSettledOn(e2e, e2e.previous)
        })
      })
    }
  )
})

describe('dist/index.js deploy: ECS does not echo hookDetails on PAUSE hooks (the sandbox switch)', () => {
  // The ECS API reference says hookDetails "is not used for PAUSE hooks"; whether ECS keeps it there is unverified.
  // With the sandbox's dropPauseHookDetails on, the action knows its hook by its stages and puts back the
  // settings its rollout record kept on the service's tags.
  const OWN = {
    strategy: 'CANARY',
    bakeTimeInMinutes: 3,
    canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 },
    lifecycleHooks: [LAMBDA]
  } as const

  it.concurrent(
    "canary 25 %, 2 s bakes: held at every step, finished, and the service's strategy, bakes and Lambda hook back exactly",
    async () => {
      await withScene(
        { kind: 'native', native: { deploymentConfiguration: { ...OWN, lifecycleHooks: [LAMBDA] } } },
        async e2e => {
          await e2e.control.setRealism({ dropPauseHookDetails: true })
          const before = (await describeService(e2e)).deploymentConfiguration
          expect(before).toMatchObject(OWN)
          const next = await revision(e2e)
          const { result, startedAt } = await deploy(e2e, {
            'task-definition': next,
            strategy: 'canary',
            'canary-percent': '25',
            'canary-bake-time': '2s',
            'bake-time': '2s',
            'poll-interval': '500ms'
          })
          await explained(result, async () => {
            expectEnded(e2e, result, 'succeeded', next)
            // ECS showed the action's hook without hookDetails all along.
            const [latest] = await serviceDeployments(e2e)
            const shown = latest.deploymentConfiguration?.lifecycleHooks?.find(h => h.targetType === 'PAUSE')
            expect(shown).toMatchObject({ lifecycleStages: expect.any(Array) })
            expect(shown).not.toHaveProperty('hookDetails')
            // Held before the canary step, before the rest, and once all traffic had moved: each continued.
            const runs = await pauseRuns(e2e)
            expect(runs.map(r => [r.lifecycleStage, r.status])).toEqual([
              ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
              ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
              ['POST_PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED']
            ])
            // The canary's bake and the final bake were waited out at the hook (ECS's own bakes are 0).
            for (const held of runs.slice(1))
              expect(held.endedAt! - held.startedAt).toBeGreaterThanOrEqual(1800)
            const calls = await mutatingCalls(e2e, startedAt)
            expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(3)
            expect(result.stdout).toMatch(/Restored: the service's deploymentConfiguration is back as it was/)
            expect(result.stdout).not.toMatch(/kept .*own deploymentConfiguration values/)
            // Exactly as before: strategy, bakes, canary configuration and their own Lambda hook, ours gone.
            const after = (await describeService(e2e)).deploymentConfiguration
            expect(after).toEqual(before)
            expect(await record(e2e)).toMatchObject({
              phase: 'Completed',
              outcome: 'succeeded',
              settings: 's=CANARY b=3 cp=10 cb=2'
            })
            await expectSettledOn(e2e, next)
          })
        }
      )
    }
  )

  it.concurrent(
    'partition 40 %, then promote from a later run: that run finds the settings on the record and puts them back',
    async () => {
      await withScene(
        { kind: 'native', native: { deploymentConfiguration: { ...OWN, lifecycleHooks: [LAMBDA] } } },
        async e2e => {
          await e2e.control.setRealism({ dropPauseHookDetails: true })
          const before = (await describeService(e2e)).deploymentConfiguration
          const next = await revision(e2e)
          const { result } = await deploy(e2e, {
            'task-definition': next,
            strategy: 'linear',
            'step-percent': '40',
            'step-bake-time': '1s',
            partition: '40%',
            'poll-interval': '500ms'
          })
          await explained(result, async () => {
            expect(result.outputs.status).toBe('paused')
            expect((await serviceDeployments(e2e))[0].lifecycleHookDetails?.at(-1)?.status).toBe(
              'AWAITING_ACTION'
            )
          })
          const promoted = await run(
            e2e,
            { command: 'promote', alarms: 'web-5xx', 'poll-interval': '500ms', 'bake-time': '1s' },
            { runId: 2 }
          ).then(r => r.result)
          await explained(promoted, async () => {
            expect(promoted.outputs.status).toBe('succeeded')
            expect((await pauseRuns(e2e)).every(r => r.status === 'SUCCEEDED')).toBe(true)
            const after = (await describeService(e2e)).deploymentConfiguration
            // The rollout's linearConfiguration stays (UpdateService cannot unset a field); the rest exactly back.
            expect({ ...after, linearConfiguration: undefined }).toEqual({
              ...before,
              linearConfiguration: undefined
            })
            await expectSettledOn(e2e, next)
          })
        }
      )
    }
  )
})

/** A deploy SIGKILLed once ECS holds it at 40 %, then 1.5 s for its heartbeat to age past takeover-after. */
function killedAtFirstStep(e2e: Scene, inputs: Record<string, string>): Promise<RunResult> {
  const deploy = { command: 'deploy', alarms: 'web-5xx', 'poll-interval': '500ms', 'takeover-after': '1s' }
  return killedRun(
    onStart => run(e2e, { ...deploy, ...inputs }, { runId: 1, onStart }).then(r => r.result),
    async () => (await ruleWeights(e2e))[1] === 40
  )
}

describe("dist/index.js deploy: the service's own pause hook where the action holds", () => {
  it.concurrent(
    'a pause hook of the service at PRE_PRODUCTION_TRAFFIC_SHIFT: refused before anything changes, saying why',
    async () => {
      const theirs: DeploymentLifecycleHook = {
        targetType: 'PAUSE',
        lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'],
        timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' }
      }
      await withScene(
        { kind: 'native', native: { deploymentConfiguration: { lifecycleHooks: [theirs] } } },
        async e2e => {
          const next = await revision(e2e)
          const since = await callsMark()
          const { result } = await deploy(e2e, { 'task-definition': next, strategy: 'canary' })
          await explained(result, async () => {
            expect(result.code).toBe(1)
            expect(result.outputs.reason).toMatch(
              /^service web has a pause lifecycle hook of its own at PRE_PRODUCTION_TRAFFIC_SHIFT, where the action holds each step .*: move your hook to another stage/
            )
            expect(await mutatingCalls(e2e, since)).toEqual([])
            expect((await describeService(e2e)).deploymentConfiguration?.lifecycleHooks).toEqual([theirs])
          })
        }
      )
    }
  )
})

describe("dist/index.js: the hook's timeout is the safety net when the runner dies", () => {
  it.concurrent(
    'a runner SIGKILLed while ECS holds the deployment: the hook times out and ECS rolls back, nobody acting',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        // Sandbox leniency: hooks time out after 3 s instead of their whole minutes (with realism, plus twice the
        // read lag: the action must see the first hook awaiting before it times out).
        await e2e.control.setHooks({ timeoutSeconds: 3 + Math.ceil((2 * (await readLagMs(e2e))) / 1000) })
        const next = await revision(e2e)
        await killedAtFirstStep(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '40',
          'step-bake-time': '30s'
        })
        const killedAt = Date.now()
        await waitFor(
          'ECS to roll back by itself',
          async () => {
            const [latest] = await serviceDeployments(e2e)
            return latest.status === 'ROLLBACK_SUCCESSFUL' ? latest : undefined
          },
          { timeoutMs: 20_000, intervalMs: 200 }
        )
        const runs = await pauseRuns(e2e)
        expect(runs[runs.length - 1]).toMatchObject({ status: 'TIMED_OUT', timeoutAction: 'ROLLBACK' })
        expect(await mutatingCalls(e2e, killedAt)).toEqual([])
        await waitForWeights(e2e, [100, 0])
        await expectSettledOn(e2e, e2e.previous)
      })
    }
  )

  it.concurrent(
    'a resume run before the timeout continues the held deployment to the end under its gates',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        await e2e.control.setHooks({ timeoutSeconds: 15 })
        const next = await revision(e2e)
        await killedAtFirstStep(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '40',
          'step-bake-time': '3s',
          'bake-time': '1s'
        })
        expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'executing' })
        const resumeAt = Date.now()
        const resumed = await run(
          e2e,
          { command: 'resume', alarms: 'web-5xx', 'poll-interval': '500ms', 'takeover-after': '1s' },
          { runId: 2 }
        ).then(r => r.result)
        await explained(resumed, async () => {
          expect(resumed.code).toBe(0)
          expect(resumed.outputs.status).toBe('succeeded')
          const calls = await mutatingCalls(e2e, resumeAt)
          expect(calls.filter(c => c === 'ecs:UpdateService')).toHaveLength(1) // the restore, no new deployment
          expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(3)
          const runs = await pauseRuns(e2e)
          expect(runs.every(r => r.status === 'SUCCEEDED')).toBe(true)
          expect((await describeService(e2e)).deploymentConfiguration?.lifecycleHooks ?? []).toEqual([])
          await expectSettledOn(e2e, next)
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
        })
      })
    }
  )
})

describe('dist/index.js: control across runs of a held native rollout', () => {
  it.concurrent(
    'partition 40 %: the run ends paused (exit 0), ECS waiting at the hook; a later promote run finishes it',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const before = (await describeService(e2e)).deploymentConfiguration
        const next = await revision(e2e)
        const { result } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '40',
          'step-bake-time': '1s',
          partition: '40%',
          'poll-interval': '500ms'
        })
        await explained(result, async () => {
          expect(result.code).toBe(0)
          expect(result.outputs.status).toBe('paused')
          expect(result.summary).toContain('⏸️ waiting for promotion')
          expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'batch-completed', step: 1 })
          // Held: ECS waits at the action's hook before the 80 % step, however long nobody acts.
          await new Promise(done => setTimeout(done, 1000))
          expect(await ruleWeights(e2e)).toEqual([60, 40])
          const [latest] = await serviceDeployments(e2e)
          expect(latest.status).toBe('IN_PROGRESS')
          expect(latest.lifecycleHookDetails?.at(-1)?.status).toBe('AWAITING_ACTION')
          expect(latest.lifecycleHookDetails?.at(-1)?.expiresAt!.getTime()).toBeGreaterThan(
            Date.now() + 13 * 24 * 3600_000
          )
        })
        const promoted = await run(
          e2e,
          { command: 'promote', alarms: 'web-5xx', 'poll-interval': '500ms', 'bake-time': '1s' },
          { runId: 2 }
        ).then(r => r.result)
        await explained(promoted, async () => {
          expect(promoted.code).toBe(0)
          expect(promoted.outputs.status).toBe('succeeded')
          expect(await ruleWeights(e2e)).toEqual([0, 100])
          expect((await serviceDeployments(e2e))[0].status).toBe('SUCCESSFUL')
          // The promote run put the service's own settings back: those the action's hook carried.
          const after = (await describeService(e2e)).deploymentConfiguration
          expect(after?.lifecycleHooks ?? []).toEqual([])
          expect(after?.strategy).toBe(before?.strategy ?? 'ROLLING')
          await expectSettledOn(e2e, next)
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
        })
      })
    }
  )

  it.concurrent(
    'on-failure: pause: a failing gate pauses the held deployment (exit 1); abort from a later run rolls it back through the hook',
    async () => {
      await withScene({ kind: 'native', manualAlarm: true }, async e2e => {
        const next = await revision(e2e)
        const running = deploy(e2e, {
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '20',
          'canary-bake-time': '20s',
          alarms: MANUAL_ALARM,
          'on-failure': 'pause',
          'poll-interval': '500ms'
        })
        await waitForWeights(e2e, [80, 20])
        await setAlarm(e2e, MANUAL_ALARM, 'p99 latency')
        const { result } = await running
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('paused')
          expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'paused' })
          expect(await ruleWeights(e2e)).toEqual([80, 20])
          expect((await serviceDeployments(e2e))[0].status).toBe('IN_PROGRESS')
        })
        const abortAt = Date.now()
        const aborted = await run(e2e, { command: 'abort' }, { runId: 2 }).then(r => r.result)
        await explained(aborted, async () => {
          expect(aborted.code).toBe(0)
          expect(aborted.outputs.status).toBe('aborted')
          const calls = await mutatingCalls(e2e, abortAt)
          expect(calls).toContain('ecs:ContinueServiceDeployment')
          expect(calls).not.toContain('ecs:StopServiceDeployment')
          expect((await serviceDeployments(e2e))[0].status).toBe('ROLLBACK_SUCCESSFUL')
          await waitForWeights(e2e, [100, 0])
          await expectSettledOn(e2e, e2e.previous)
        })
      })
    }
  )
})

describe('dist/index.js deploy takeover: true over a held native rollout whose runner died', () => {
  it.concurrent(
    'the same revision deployed again carries the rollout on to the end, not "already runs" while ECS holds it',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        const inputs = {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '40',
          'step-bake-time': '1s',
          'bake-time': '1s'
        }
        await killedAtFirstStep(e2e, inputs)
        // ECS names the new revision on the service while it holds the deployment at the action's hook.
        expect((await describeService(e2e)).taskDefinition).toBe(next)
        await new Promise(done => setTimeout(done, 1500))
        const taken = await run(
          e2e,
          {
            ...inputs,
            command: 'deploy',
            alarms: 'web-5xx',
            'poll-interval': '500ms',
            takeover: 'true',
            'takeover-after': '1s',
            'on-orphan': 'resume'
          },
          { runId: 2 }
        ).then(r => r.result)
        await explained(taken, async () => {
          // Carried on from the killed run's step, its deployment released step by step (no new deployment).
          expect(taken.stdout).toMatch(/step 2\/3/)
          expect(taken.outputs.status).toBe('succeeded')
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
          await expectSettledOn(e2e, next)
        })
      })
    }
  )
})
