// command: deploy end to end on a service with the ECS deployment controller, rolling and all-at-once:
// dist/index.js as a subprocess against an in-process sandbox (one per test, run concurrently). ECS replaces
// the tasks itself (UpdateService within maximumPercent/minimumHealthyPercent); the action follows the
// deployment by its id under its own gates, and rolls back through StopServiceDeployment.

import { describe, expect, it } from '@jest/globals'
import {
  ALARM,
  deploy,
  describeService,
  expectEnded,
  expectSettledOn,
  explained,
  mutatingCalls,
  revision,
  serviceDeployments,
  withScene
} from '../helpers/scene.js'

describe('dist/index.js command: deploy on an ECS-controller service, rolling', () => {
  it.concurrent('rolls a healthy revision out to 6 tasks by rolling: status=succeeded', async () => {
    await withScene({ kind: 'rolling' }, async e2e => {
      const next = await revision(e2e)
      const { result, startedAt } = await deploy(e2e, { 'task-definition': next, 'max-surge': '2' })
      await explained(result, async () => {
        expectEnded(e2e, result, 'succeeded', next)
        expect(result.outputs.reason).toBeUndefined()
        expect(result.summary).toContain('<h2>✅ Succeeded: web:2 on web</h2>')
        expect(result.summary).toContain("web:2 now serves all of web's traffic")
        expect(result.summary).toMatch(
          /<tr><td>1<\/td><td>rolling update by ECS<\/td>.*✅ passed<\/td><\/tr>/
        )
        // ECS's own account of it, from the deployment's time.
        expect(result.summary).toContain('<h3>ECS service events</h3>')
        expect(result.summary).toMatch(/deployment ecs-svc\/\d+\) deployment completed\./)
        expect(result.stdout).toMatch(/ECS event at \d\d:\d\d:\d\d UTC: \(service web\) has started 2 tasks/)
        expect(result.stdout).toContain('ECS runs new 6, stable 0')
        expect(result.stdout).toContain('✅ Succeeded')
        await expectSettledOn(e2e, next)
        // max-surge 2 on 6 tasks: maximumPercent 134 (8 tasks), minimumHealthyPercent 100.
        const service = await describeService(e2e)
        expect(service.deploymentConfiguration).toMatchObject({
          maximumPercent: 134,
          minimumHealthyPercent: 100
        })
        const journal = await e2e.control.journal('prod', 'web', { floor: 6, since: startedAt })
        expect(journal.belowFloor).toEqual([])
        const peak = Math.max(
          ...journal.ticks.map(t => t.deployments.reduce((n, d) => n + d.runningCount, 0))
        )
        expect(peak).toBeLessThanOrEqual(8)
        expect(await mutatingCalls(e2e, startedAt)).not.toContain('ecs:StopServiceDeployment')
      })
    })
  })

  it.concurrent(
    'a crash-looping revision: the action rolls back after max-failed-tasks, the stopped reason in the summary',
    async () => {
      await withScene({ kind: 'rolling' }, async e2e => {
        const next = await revision(e2e, { SANDBOX_CRASH: 'on-start' })
        const { result, startedAt } = await deploy(e2e, { 'task-definition': next })
        await explained(result, async () => {
          expectEnded(e2e, result, 'rolled-back', next)
          expect(result.outputs.reason).toMatch(
            /^\d+ new tasks stopped or failed health checks \(max-failed-tasks: 3\): Essential container in task exited/
          )
          expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
          expect(result.summary).toContain('so web went back to web:1')
          expect(result.summary).toContain(
            '<td>Essential container in task exited; app exited with code 1</td>'
          )
          expect(result.stdout).toContain('::error::Rolled back: ')
          expect(result.stdout).toMatch(/Rolling back: StopServiceDeployment ROLLBACK of arn:aws:ecs:/)
          await expectSettledOn(e2e, e2e.previous)
          const calls = await mutatingCalls(e2e, startedAt)
          expect(calls.filter(c => c === 'ecs:UpdateService')).toHaveLength(1)
          expect(calls).toContain('ecs:StopServiceDeployment')
          const [latest] = await serviceDeployments(e2e)
          expect(latest.status).toBe('ROLLBACK_SUCCESSFUL')
        })
      })
    }
  )

  it.concurrent(
    "ECS's own circuit breaker rolls a crash loop back: reported as a failure with ECS's reason and the stopped tasks",
    async () => {
      await withScene(
        {
          kind: 'rolling',
          scene: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }
        },
        async e2e => {
          const next = await revision(e2e, { SANDBOX_CRASH: 'on-start' })
          // The action's own limit is far away: ECS's breaker (3 failed tasks of 6) trips first.
          const { result, startedAt } = await deploy(e2e, {
            'task-definition': next,
            'max-failed-tasks': '50'
          })
          await explained(result, async () => {
            expectEnded(e2e, result, 'rolled-back', next)
            expect(result.outputs.reason).toMatch(
              /^ECS's deployment circuit breaker rolled the deployment back: ECS deployment circuit breaker: tasks failed to start\. \(stopped task: Essential container in task exited/
            )
            expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
            expect(result.summary).not.toMatch(/succeeded/i)
            expect(result.summary).toContain(
              'ECS&#39;s deployment circuit breaker rolled the deployment back during step 1 of 1'
            )
            expect(result.summary).toContain(
              "<b>ECS's reason:</b> ECS deployment circuit breaker: tasks failed to start."
            )
            expect(result.summary).toContain(
              '<td>Essential container in task exited; app exited with code 1</td>'
            )
            expect(result.summary).toMatch(/rolling back to deployment ecs-svc\/\d+\./)
            expect(result.stdout).toContain('::error::Rolled back: ')
            await expectSettledOn(e2e, e2e.previous)
            // ECS did the rollback: besides the record (tags), the action's only change was its UpdateService.
            const calls = (await mutatingCalls(e2e, startedAt)).filter(c => !/tagresource$/i.test(c))
            expect(calls).toEqual(['ecs:UpdateService'])
          })
        }
      )
    }
  )

  it.concurrent(
    'all-at-once: an alarm while ECS replaces the tasks rolls back through StopServiceDeployment',
    async () => {
      // Every request the new revision answers is a 5xx: the alarm (above 5 a second) fires once its tasks serve.
      await withScene({ kind: 'rolling' }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '1' })
        const { result } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'all-at-once',
          'bake-time': '10s',
          // The alarm is the subject here: the built-in metric check would catch this revision first.
          'metric-checks': 'false'
        })
        await explained(result, async () => {
          expectEnded(e2e, result, 'rolled-back', next)
          expect(result.outputs.reason).toMatch(/^alarm web-5xx went into ALARM at /)
          expect(result.summary).toMatch(/<tr><td>1<\/td><td>all at once, by ECS<\/td>/)
          expect(result.summary).toContain(
            `Alarm <a href="https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/${ALARM}">${ALARM}</a> went into ALARM`
          )
          const service = await describeService(e2e)
          expect(service.deploymentConfiguration).toMatchObject({
            maximumPercent: 200,
            minimumHealthyPercent: 100
          })
          await expectSettledOn(e2e, e2e.previous)
        })
      })
    }
  )
})
