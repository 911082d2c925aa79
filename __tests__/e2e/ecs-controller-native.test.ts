// command: deploy end to end with ECS's native strategies (linear, canary, blue-green) on an ECS-controller
// service set up for them (the load balancer's advancedConfiguration): dist/index.js sets
// deploymentConfiguration.strategy with its own pause hook, and holds ECS at every step (lifecycle stage,
// production traffic weight, the hook awaiting action) under its own alarm gates, timing each bake itself (so
// bakes of seconds are exact), continuing each step through the hook and answering ROLLBACK when a gate fails.

import { describe, expect, it } from '@jest/globals'
import {
  deploy,
  describeService,
  expectEnded,
  expectSettledOn,
  explained,
  MANUAL_ALARM,
  mutatingCalls,
  readLagMs,
  revision,
  ruleWeights,
  serviceDeployments,
  setAlarm,
  waitForWeights,
  withScene
} from '../helpers/scene.js'

describe('dist/index.js command: deploy with ECS-native strategies', () => {
  it.concurrent(
    'canary 20 %: followed step by step to SUCCESSFUL, weights end on the other target group',
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        const { result } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '20',
          'canary-bake-time': '3s',
          'bake-time': '2s'
        })
        await explained(result, async () => {
          expectEnded(e2e, result, 'succeeded', next)
          expect(result.summary).toContain('<h2>✅ Succeeded: web:2 on web</h2>')
          expect(result.summary).toMatch(
            /<tr><td>1<\/td><td>canary 20%<\/td>.*<td>20%<\/td><td>3s<\/td><td>✅ passed<\/td><\/tr>/
          )
          expect(result.summary).toMatch(/<tr><td>2<\/td><td>100%<\/td>.*✅ passed<\/td><\/tr>/)
          // Each step's group opens once ECS has moved the weight there.
          expect(result.stdout).toContain('::group::step 1/2 (20%25): new 4, stable 4 — canary 20%25\n')
          expect(result.stdout).toContain('traffic: 20% to web:2')
          expect(result.stdout).toContain('traffic: 100% to web:2')
          expect(result.stdout.indexOf('traffic: 20% to web:2')).toBeLessThan(
            result.stdout.indexOf('traffic: 100% to web:2')
          )
          expect(result.stdout).toMatch(/watching the gates for 2s before retiring web:1/)
          // ECS bakes nothing: the action holds each step with its pause hook and times the bakes itself.
          const [latest] = await serviceDeployments(e2e)
          expect(latest).toMatchObject({ status: 'SUCCESSFUL' })
          expect(latest.deploymentConfiguration).toMatchObject({
            strategy: 'CANARY',
            canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 0 },
            bakeTimeInMinutes: 0,
            lifecycleHooks: [{ targetType: 'PAUSE', hookDetails: { owner: 'ecs-rollout' } }]
          })
          expect(latest.lifecycleHookDetails?.map(h => h.status)).toEqual([
            'SUCCEEDED',
            'SUCCEEDED',
            'SUCCEEDED'
          ])
          expect(await ruleWeights(e2e)).toEqual([0, 100])
          await expectSettledOn(e2e, next)
        })
      })
    }
  )

  it.concurrent(
    'canary: the alarm fires during the canary bake, the action answers ROLLBACK through the held hook',
    async () => {
      // Every request the new revision answers is a 5xx: with 20 % of 100 requests/s on it, the alarm (above 5 a
      // second) fires during the canary's bake.
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '1' })
        const { result, startedAt } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '20',
          'canary-bake-time': '12s',
          // The alarm is the subject here: the built-in metric check would catch this revision first.
          'metric-checks': 'false'
        })
        await explained(result, async () => {
          expectEnded(e2e, result, 'rolled-back', next)
          expect(result.outputs.reason).toMatch(/^alarm web-5xx went into ALARM at \S+Z: Threshold Crossed/)
          expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
          expect(result.summary).toContain('Alarm web-5xx went into ALARM during step 1 of 2 (canary 20%)')
          expect(result.summary).toMatch(/<tr><td>1<\/td><td>canary 20%<\/td>.*⛔ failed: alarm/)
          expect(result.summary).toMatch(/<tr><td>2<\/td><td>100%<\/td>.*skipped<\/td><\/tr>/)
          expect(result.stdout).toContain('traffic: 20% to web:2')
          // ECS waits at the action's hook before the next step: the rollback is the hook's answer. (With realism's
          // read lag the action may not see that hook awaiting yet; then it stops the deployment with ROLLBACK.)
          const calls = await mutatingCalls(e2e, startedAt)
          if ((await readLagMs(e2e)) === 0 || !calls.includes('ecs:StopServiceDeployment')) {
            expect(result.stdout).toMatch(
              /Rolling back: ContinueServiceDeployment ROLLBACK of the held hook ecs-pause-\S+ \(arn:aws:ecs:us-east-1:\d+:service-deployment\/prod\/web\//
            )
            expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(2)
            expect(calls).not.toContain('ecs:StopServiceDeployment')
          } else expect(result.stdout).toMatch(/Rolling back: StopServiceDeployment ROLLBACK of arn:aws:ecs:/)
          expect(result.stdout).toContain('traffic: 0% to web:2')
          expect(calls).not.toContain('elbv2:ModifyRule')
          const [latest] = await serviceDeployments(e2e)
          expect(latest.status).toBe('ROLLBACK_SUCCESSFUL')
          expect(await ruleWeights(e2e)).toEqual([100, 0])
          await expectSettledOn(e2e, e2e.previous)
        })
      })
    }
  )

  it.concurrent('linear 40 %: three steps of ECS, 40 %, 80 %, 100 %', async () => {
    await withScene({ kind: 'native' }, async e2e => {
      const next = await revision(e2e)
      const { result } = await deploy(e2e, {
        'task-definition': next,
        strategy: 'linear',
        'step-percent': '40',
        'step-bake-time': '2s'
      })
      await explained(result, async () => {
        expectEnded(e2e, result, 'succeeded', next)
        for (const share of ['40', '80', '100'])
          expect(result.stdout).toContain(`traffic: ${share}% to web:2`)
        expect(result.summary).toMatch(/<tr><td>2<\/td><td>80%<\/td>.*✅ passed<\/td><\/tr>/)
        await expectSettledOn(e2e, next)
      })
    })
  })

  it.concurrent(
    "blue-green: ECS's own deployment alarm rolls it back during the bake time, reported as a failure",
    async () => {
      // ECS watches MANUAL_ALARM itself (deploymentConfiguration.alarms); the action's gates are the 5xx alarm.
      await withScene(
        {
          kind: 'native',
          native: {
            deploymentConfiguration: { alarms: { alarmNames: [MANUAL_ALARM], enable: true, rollback: true } }
          },
          manualAlarm: true
        },
        async e2e => {
          const next = await revision(e2e)
          const run = deploy(e2e, { 'task-definition': next, strategy: 'blue-green', 'bake-time': '30s' })
          // Once all traffic is on the new revision and the action has seen ECS's bake time begin, ECS's alarm fires.
          await waitForWeights(e2e, [0, 100])
          await new Promise(resolve => setTimeout(resolve, 2500))
          await setAlarm(e2e, MANUAL_ALARM, 'p99 latency')
          const { result } = await run
          await explained(result, async () => {
            expectEnded(e2e, result, 'rolled-back', next)
            expect(result.outputs.reason).toBe(
              "ECS's deployment alarms (web-manual) rolled the deployment back: ECS deployment alarms: alarm web-manual in ALARM state."
            )
            expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
            expect(result.summary).toContain(
              'ECS&#39;s deployment alarms (web-manual) rolled the deployment back during the final stage'
            )
            expect(result.summary).toMatch(
              /<tr><td>1<\/td><td>green up, test traffic<\/td>.*✅ passed<\/td><\/tr>/
            )
            expect(result.summary).not.toMatch(/succeeded/i)
            expect(result.stdout).toContain('traffic: 100% to web:2')
            expect(await ruleWeights(e2e)).toEqual([100, 0])
            await expectSettledOn(e2e, e2e.previous)
          })
        }
      )
    }
  )

  it.concurrent(
    'a service not set up for native strategies is refused with zero mutating calls',
    async () => {
      await withScene({ kind: 'native', native: { advanced: false } }, async e2e => {
        const next = await revision(e2e)
        const since = Date.now()
        const { result } = await deploy(e2e, { 'task-definition': next, strategy: 'canary' })
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('failed')
          expect(result.outputs.reason).toMatch(
            /^strategy: canary on an ECS-controller service is ECS's native CANARY deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn .* productionListenerRule .* roleArn .*; service web's load balancer \(target group arn:aws:elasticloadbalancing:\S+\) has no advancedConfiguration\. Add it with UpdateService loadBalancers\[\]\.advancedConfiguration/
          )
          expect(result.summary).toContain('<h2>❌ Invalid input: nothing was changed</h2>')
          const calls = await e2e.control.calls(since)
          expect(calls.length).toBeGreaterThan(0)
          expect(calls.filter(c => c.mutating)).toEqual([])
          expect((await describeService(e2e)).taskDefinition).toBe(e2e.previous)
        })
      })
    }
  )
})
