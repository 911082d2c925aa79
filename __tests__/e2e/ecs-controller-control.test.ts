// Control runs on ECS-controller services (issues 6 and 7): a deploy killed with SIGKILL while ECS carries its
// deployment out leaves the record Active with nobody following it. A later `abort` (takeover-after 1s) has ECS
// roll the deployment back and follows it to the end; a later `resume` follows it on to SUCCESSFUL under the
// gates; `pause` marks a native one paused with nothing changed on ECS, which keeps waiting at the action's hook
// (issue 15); and the
// killed run's own post step (its saved state) applies on-cancel: rollback, as it does for task sets, and marks
// the GitHub deployment the killed run had created failed instead of leaving it in progress.

import { describe, expect, it } from '@jest/globals'
import { startGitHubStandin } from '../helpers/github-standin.js'
import {
  ALARM,
  describeService,
  expectSettledOn,
  explained,
  mutatingCalls,
  record,
  revision,
  ruleWeights,
  run as runOn,
  serviceDeployments,
  waitForWeights,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'
import { killedRun } from '../helpers/killed-run.js'

function run(
  e2e: Scene,
  inputs: Record<string, string>,
  o: { onStart?: (pid: number) => void; post?: RunResult } = {}
): Promise<RunResult> {
  return runOn(
    e2e,
    { alarms: ALARM, 'poll-interval': '500ms', 'takeover-after': '1s', ...inputs },
    // The post step is the killed run's own: its run id, and the state its main step saved.
    { runId: inputs.command === 'deploy' || o.post ? 1 : 2, postOf: o.post, onStart: o.onStart }
  ).then(r => r.result)
}

/** Starts a deploy and SIGKILLs it once `reached` says so; resolves, with it, once its heartbeat is 1.5 s old. */
function killedDeploy(
  e2e: Scene,
  inputs: Record<string, string>,
  reached: () => Promise<boolean>
): Promise<RunResult> {
  return killedRun(onStart => run(e2e, { command: 'deploy', ...inputs }, { onStart }), reached)
}

describe('dist/index.js control commands on ECS-controller services whose deploy run was killed', () => {
  it.concurrent(
    "native canary killed at 20 %: pause marks it paused, ECS still waiting at the action's hook; abort has ECS roll back and ends aborted",
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const next = await revision(e2e)
        await killedDeploy(
          e2e,
          { 'task-definition': next, strategy: 'canary', 'canary-percent': '20', 'canary-bake-time': '30s' },
          async () => (await ruleWeights(e2e))[1] === 20
        )
        expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'executing' })

        const pauseAt = Date.now()
        const paused = await run(e2e, { command: 'pause' })
        await explained(paused, async () => {
          // Issue 15: ECS waits at the action's hook, so the rollout can be paused in place; only the record changes.
          expect(paused.code).toBe(0)
          expect(paused.outputs.status).toBe('paused')
          expect(await mutatingCalls(e2e, pauseAt)).toEqual(['ecs:TagResource'])
          expect(await record(e2e)).toMatchObject({ phase: 'Active', stage: 'paused' })
          expect(await ruleWeights(e2e)).toEqual([80, 20])
        })

        const abortAt = Date.now()
        const aborted = await run(e2e, { command: 'abort' })
        await explained(aborted, async () => {
          expect(aborted.code).toBe(0)
          expect(aborted.outputs.status).toBe('aborted')
          // ECS waits at the action's hook: the abort is the hook's ROLLBACK; the one UpdateService puts the
          // service's deploymentConfiguration back (the action's hook removed), starting no deployment.
          expect(aborted.stdout).toMatch(/Rolling back: ContinueServiceDeployment ROLLBACK of the held hook /)
          expect(aborted.summary).toContain('Aborted')
          const calls = await mutatingCalls(e2e, abortAt)
          expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(1)
          expect(calls).not.toContain('ecs:StopServiceDeployment')
          expect(calls.filter(c => c === 'ecs:UpdateService')).toHaveLength(1)
          expect((await describeService(e2e)).deploymentConfiguration?.lifecycleHooks ?? []).toEqual([])
          expect((await serviceDeployments(e2e))[0].status).toBe('ROLLBACK_SUCCESSFUL')
          await waitForWeights(e2e, [100, 0])
          await expectSettledOn(e2e, e2e.previous)
          expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'aborted' })
        })
      })
    }
  )

  it.concurrent(
    "native linear killed at its first step: the killed run's post step has ECS roll back (on-cancel: rollback) and marks the GitHub deployment failed",
    async () => {
      const github = await startGitHubStandin()
      try {
        await withScene({ kind: 'native' }, async e2e => {
          e2e.env.GITHUB_API_URL = github.url
          const next = await revision(e2e)
          const inputs = {
            'task-definition': next,
            strategy: 'linear',
            'step-percent': '50',
            'step-bake-time': '30s',
            environment: 'production',
            'github-token': 'ghs_test'
          }
          const killed = await killedDeploy(e2e, inputs, async () => (await ruleWeights(e2e))[1] === 50)
          expect(github.deployments).toHaveLength(1)
          expect(github.deployments[0].statuses.map(st => st.state)).toEqual(['in_progress'])
          const postAt = Date.now()
          const settled = await run(e2e, { command: 'deploy', ...inputs }, { post: killed })
          await explained(settled, async () => {
            expect(settled.code).toBe(0)
            expect(settled.stdout).toContain('The main step ended before rollout')
            const statuses = github.deployments[0].statuses
            expect(statuses.map(st => st.state)).toEqual(['in_progress', 'failure'])
            expect(statuses[1].description).toMatch(
              /^The run stopped before the rollout ended; the post step: rollout \S+ aborted$/
            )
            const calls = await mutatingCalls(e2e, postAt)
            expect(calls.filter(c => c === 'ecs:ContinueServiceDeployment')).toHaveLength(1)
            expect((await serviceDeployments(e2e))[0].status).toBe('ROLLBACK_SUCCESSFUL')
            await waitForWeights(e2e, [100, 0])
            await expectSettledOn(e2e, e2e.previous)
            expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'aborted' })
          })
        })
      } finally {
        await github.close()
      }
    }
  )

  it.concurrent(
    'rolling killed half-way: resume follows the deployment on to completion under the gates',
    async () => {
      await withScene(
        { kind: 'rolling', scene: { deploymentConfiguration: { maximumPercent: 150 } } },
        async e2e => {
          const next = await revision(e2e)
          await killedDeploy(e2e, { 'task-definition': next, strategy: 'rolling' }, async () => {
            const ours = (await describeService(e2e)).deployments?.find(d => d.taskDefinition === next)
            return (ours?.runningCount ?? 0) > 0 && ours?.rolloutState === 'IN_PROGRESS'
          })
          const resumeAt = Date.now()
          const resumed = await run(e2e, { command: 'resume', 'bake-time': '1s' })
          await explained(resumed, async () => {
            expect(resumed.code).toBe(0)
            expect(resumed.outputs.status).toBe('succeeded')
            expect(resumed.summary).toContain('Succeeded: web:2 on web')
            // Followed, not started again: no UpdateService of this run.
            expect(await mutatingCalls(e2e, resumeAt)).not.toContain('ecs:UpdateService')
            await expectSettledOn(e2e, next)
            expect(await record(e2e)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
          })
        }
      )
    }
  )
})
