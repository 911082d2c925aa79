// Re-runs take over at once (issue 17): GitHub starts a re-run of a job (the same GITHUB_RUN_ID, a later
// GITHUB_RUN_ATTEMPT) only after the earlier attempt has ended, so the rollout that attempt left has no owner.
// A deploy killed with SIGKILL mid-rollout, then re-run with the same inputs (no takeover, takeover-after at
// its 15 minutes), applies on-orphan to it at once and ends with the service on the new revision. Another job of
// the same run (another GITHUB_JOB) is not taken for gone: it is refused while the heartbeat is fresh.

import { describe, expect, it } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import {
  describeService,
  expectSettledOn,
  explained,
  mutatingCalls,
  readLagMs,
  record,
  revision,
  run,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'

const RUN_ID = 3000

/** The deploy job "deploy" of run 3000, attempt `attempt` (another job with `job`). */
function deployAs(
  scene: Scene,
  inputs: Record<string, string>,
  attempt: number,
  o: { job?: string; onStart?: (pid: number) => void } = {}
): Promise<RunResult> {
  return run(
    scene,
    { command: 'deploy', ...scene.deployInputs, 'poll-interval': '500ms', ...inputs },
    {
      runId: RUN_ID,
      env: { GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_JOB: o.job ?? 'deploy' },
      onStart: o.onStart
    }
  ).then(r => r.result)
}

/** Attempt 1, SIGKILLed once `reached` says the rollout is under way. */
async function killedAttempt(
  scene: Scene,
  inputs: Record<string, string>,
  reached: () => Promise<boolean>
): Promise<void> {
  let pid = 0
  const running = deployAs(scene, inputs, 1, { onStart: p => (pid = p) })
  await waitFor('the rollout under way', async () => ((await reached()) ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 100
  })
  process.kill(pid, 'SIGKILL')
  expect((await running).signal).toBe('SIGKILL')
  expect(await record(scene)).toMatchObject({
    phase: 'Active',
    ownerRun: { runId: String(RUN_ID), attempt: 1, job: 'deploy' }
  })
}

describe('dist/index.js: a re-run of the job whose attempt was killed mid-rollout takes it over at once', () => {
  it.concurrent(
    'task sets: another job of the run is refused; attempt 2 resumes the rollout (on-orphan: resume) without takeover',
    async () => {
      await withScene({ kind: 'replicas' }, async scene => {
        const next = await revision(scene)
        const inputs = {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '50',
          'step-bake-time': '3s',
          'on-orphan': 'resume'
        }
        await killedAttempt(scene, inputs, async () => {
          const sets = (await describeService(scene)).taskSets ?? []
          return sets.some(s => s.taskDefinition === next && (s.runningCount ?? 0) >= 2)
        })

        // Another job of the same run, a later attempt too: its heartbeat is fresh, so it may be running.
        const otherAt = Date.now()
        const other = await deployAs(scene, inputs, 2, { job: 'deploy-eu' })
        await explained(other, async () => {
          expect(other.code).toBe(1)
          expect(other.outputs.reason).toMatch(/is already in progress on web/)
          expect(await mutatingCalls(scene, otherAt)).toEqual([])
        })

        const again = await deployAs(scene, inputs, 2)
        await explained(again, async () => {
          expect(again.code).toBe(0)
          expect(again.outputs.status).toBe('succeeded')
          expect(again.stdout).toMatch(
            /was left by attempt 1 of this job, which has ended: this re-run takes it over at once \(on-orphan: resume\)/
          )
          await expectSettledOn(scene, next)
          expect(await record(scene)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
        })
      })
    }
  )

  it.concurrent(
    'ECS controller: attempt 2 has ECS roll the orphaned deployment back (on-orphan: rollback), then deploys again',
    async () => {
      await withScene({ kind: 'rolling' }, async scene => {
        const next = await revision(scene)
        const inputs = { 'task-definition': next, 'bake-time': '1s' }
        await killedAttempt(scene, inputs, async () => {
          const d = (await describeService(scene)).deployments ?? []
          return d.some(x => x.taskDefinition === next && (x.runningCount ?? 0) >= 1)
        })
        const startedAt = Date.now()
        const again = await deployAs(scene, inputs, 2)
        await explained(again, async () => {
          expect(again.code).toBe(0)
          expect(again.outputs.status).toBe('succeeded')
          expect(again.stdout).toMatch(/this re-run takes it over at once \(on-orphan: rollback\)/)
          expect(again.stdout).not.toMatch(/this run's deployment replaces it/)
          // The orphan was rolled back by ECS first, then this run's own deployment went out. With realism's read
          // lag the orphan's deployment may have completed before this run could act: then the rollback is an
          // UpdateService back to the old revision instead of a StopServiceDeployment.
          const calls = await mutatingCalls(scene, startedAt)
          const stops = calls.filter(c => c === 'ecs:StopServiceDeployment').length
          const updates = calls.filter(c => c === 'ecs:UpdateService').length
          if ((await readLagMs(scene)) === 0 || stops === 1) {
            expect(stops).toBe(1)
            expect(calls.indexOf('ecs:StopServiceDeployment')).toBeLessThan(
              calls.lastIndexOf('ecs:UpdateService')
            )
          } else {
            expect(stops).toBe(0)
            expect(again.stdout).toContain('Rolling back: UpdateService back to web:1')
            expect(updates).toBeGreaterThanOrEqual(2)
          }
          expect(again.outputs['rollout-id']).toMatch(new RegExp(`^r${RUN_ID}-2-`))
          await expectSettledOn(scene, next)
          expect(await record(scene)).toMatchObject({ phase: 'Completed', outcome: 'succeeded' })
        })
      })
    }
  )
})
