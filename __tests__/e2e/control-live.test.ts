// Control across runs (issue 6) while a deploy run is executing the rollout: a second deploy is refused and
// names the owner's run; pause, abort and a promote that changes the plan are asked of the owner through the
// record, and the control run waits until the owner has acted. dist/index.js against an in-process sandbox.

import { describe as group, expect, it, jest } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import { act, addService, deploy, expectConsistent, liveSets, runningOf } from '../helpers/control-e2e.js'
import {
  describeService,
  explained,
  readLagMs,
  record,
  revision,
  withStage,
  type Scene
} from '../helpers/scene.js'

jest.setTimeout(120_000)

const RUN = 'https://github.com/acme/shop/actions/runs/'
/** Three steps of a third, each watched for 5 s: the owner is busy long enough to be asked, even on a slow machine. */
const SLOW = { strategy: 'linear', 'step-percent': '34', 'step-bake-time': '5s' }
/** Each step watched for 15 s: time to be refused twice and then taken over during a bake. */
const SLOWER = { ...SLOW, 'step-bake-time': '15s' }

/** Until the owner has reached its first step and is baking it. */
async function firstStepReached(svc: Scene, next: string): Promise<void> {
  await waitFor('the first step to be running', async () => (await runningOf(svc, next)) >= 1, {
    timeoutMs: 30_000,
    intervalMs: 100
  })
}

group('control across runs: a deploy run owns the rollout', () => {
  it.concurrent(
    'a second deploy is refused, naming the owner run, also with takeover: true; an explicit takeover past takeover-after stops the old owner',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'web')
        const since = Date.now()
        const next = await revision(svc, { RELEASE: 'a' })
        const other = await revision(svc, { RELEASE: 'b' })
        const owning = deploy(svc, next, SLOWER, { runId: 201, actor: 'alice' })
        await firstStepReached(svc, next)
        const before = await record(svc)
        for (const extra of [{}, { takeover: 'true' }] as Record<string, string>[]) {
          const refused = await deploy(svc, other, extra, { runId: 202, actor: 'bob' })
          await explained([refused.result], async () => {
            expect(refused.result.code).toBe(1)
            expect(refused.result.outputs.status).toBe('failed')
            expect(refused.result.outputs.reason).toBe(
              `a rollout (${before?.id}) is already in progress on web, owned by ${RUN}201 (started by alice): promote, resume or abort it first`
            )
            // Nothing of the refused run's: no task set of its revision, the record still the owner's.
            expect(liveSets(await describeService(svc)).map(s => s.taskDefinition)).not.toContain(other)
            expect((await record(svc))?.id).toBe(before?.id)
          })
        }
        // The owner heart-beats every 10 s (and at each step): with takeover-after 1s it may be taken over
        // between two heartbeats. It notices at its next poll and stops; the taker rolls its rollout back
        // (on-orphan: rollback) and deploys its own.
        let taker
        for (let attempt = 0; attempt < 5; attempt++) {
          await waitFor('a heartbeat older than 1.5 s', async () => {
            const r = await record(svc)
            return r !== undefined && r.step < 3 && Date.now() - r.heartbeat > 1500
          })
          taker = await deploy(
            svc,
            other,
            { takeover: 'true', 'takeover-after': '1s' },
            { runId: 203, actor: 'carol' }
          )
          if (!/already in progress/.test(taker.result.outputs.reason ?? '')) break
        }
        const owner = await owning
        await explained([owner.result, taker!.result], async () => {
          expect(owner.result.code).toBe(1)
          expect(owner.result.outputs.status).toBe('failed')
          expect(owner.result.outputs.reason).toBe(`rollout taken over by ${RUN}203`)
          expect(taker!.result.code).toBe(0)
          expect(taker!.result.outputs.status).toBe('succeeded')
          expect(taker!.result.stdout).toContain(`Rollout ${before?.id} (executing at step`)
          const settled = await expectConsistent(svc, { allowed: [other], since })
          expect(settled.record?.actor).toBe('carol')
        })
      })
    }
  )

  it.concurrent(
    'pause asks the owner, which stops with exit 0; status meanwhile; resume finishes',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'api')
        const since = Date.now()
        const next = await revision(svc)
        const owning = deploy(svc, next, SLOW, { runId: 301, actor: 'alice' })
        await firstStepReached(svc, next)
        const status = await act(svc, { command: 'status' }, { runId: 302 })
        await explained([status.result], () => {
          expect(status.result.code).toBe(0)
          expect(status.result.outputs.status).toBe('in-progress')
          expect(status.result.stdout).toContain('Active (executing)')
        })
        const pause = await act(svc, { command: 'pause' }, { runId: 303, actor: 'bob' })
        const owner = await owning
        await explained([owner.result, pause.result], async () => {
          expect(pause.result.code).toBe(0)
          expect(pause.result.outputs.status).toBe('paused')
          expect(pause.result.stdout).toContain(`is running in ${RUN}301: asking it to pause`)
          // With realism's read lag, the owner's pause may be read between its two writes (paused, the request
          // not yet removed): the same outcome, worded as a rollout found paused.
          if ((await readLagMs(svc)) === 0) expect(pause.result.stdout).toContain('pause done by the owner')
          else expect(pause.result.stdout).toMatch(/pause done by the owner|already paused/)
          // The owner stopped where it was, with exit 0: a paused rollout is not a failed job.
          expect(owner.result.code).toBe(0)
          expect(owner.result.outputs.status).toBe('paused')
          const r = await record(svc)
          // The pause run reported after the owner had saved the pause (its last heartbeat).
          expect(r!.heartbeat).toBeGreaterThan(pause.startedAt)
          expect(r!.heartbeat).toBeLessThanOrEqual(pause.endedAt)
          expect({ phase: r?.phase, stage: r?.stage, request: r?.request }).toEqual({
            phase: 'Active',
            stage: 'paused',
            request: undefined
          })
        })
        const resume = await act(svc, { command: 'resume' }, { runId: 304, actor: 'carol' })
        await explained([resume.result], async () => {
          expect(resume.result.code).toBe(0)
          expect(resume.result.outputs.status).toBe('succeeded')
          const settled = await expectConsistent(svc, { allowed: [next], since })
          // Who started it stays on the record; history credits alice's run.
          expect({ actor: settled.record?.actor, run: settled.record?.runUrl }).toEqual({
            actor: 'alice',
            run: `${RUN}301`
          })
        })
      })
    }
  )

  it.concurrent(
    'promote asks the owner: it cuts the bake short and moves on; promote-full goes to 100 %',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'ship')
        const since = Date.now()
        const next = await revision(svc)
        // Bakes of 20 s that the promotes cut short.
        const owning = deploy(svc, next, { strategy: 'custom', steps: '34:20s, 67:20s' }, { runId: 601 })
        await firstStepReached(svc, next)
        const toNext = await act(svc, { command: 'promote' }, { runId: 602 })
        await explained([toNext.result], async () => {
          expect(toNext.result.code).toBe(0)
          expect(toNext.result.stdout).toContain(`is running in ${RUN}601: asking it to promote:2`)
          expect(toNext.result.stdout).toContain('promote:2 done by the owner')
          expect((await record(svc))?.step).toBe(2)
        })
        const full = await act(svc, { command: 'promote', 'promote-full': 'true' }, { runId: 603 })
        const owner = await owning
        await explained([owner.result, toNext.result, full.result], async () => {
          expect(full.result.code).toBe(0)
          expect(full.result.stdout).toContain('promote:full done by the owner')
          expect(owner.result.code).toBe(0)
          expect(owner.result.outputs.status).toBe('succeeded')
          expect(owner.result.stdout).not.toContain('step 3/3 (100%)')
          expect(owner.endedAt - owner.startedAt).toBeLessThan(40_000)
          await expectConsistent(svc, { allowed: [next], since })
        })
      })
    }
  )

  it.concurrent(
    'abort asks the owner, which rolls back (exit 1); the abort run waits for it and exits 0',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'cart')
        const since = Date.now()
        const next = await revision(svc)
        const owning = deploy(svc, next, SLOW, { runId: 401, actor: 'alice' })
        await firstStepReached(svc, next)
        const abort = await act(svc, { command: 'abort' }, { runId: 402, actor: 'carol' })
        const owner = await owning
        await explained([owner.result, abort.result], async () => {
          expect(owner.result.code).toBe(1)
          expect(owner.result.outputs.status).toBe('aborted')
          expect(owner.result.outputs.reason).toBe(`carol in ${RUN}402 asked to abort`)
          expect(abort.result.code).toBe(0)
          expect(abort.result.outputs.status).toBe('aborted')
          expect(abort.result.stdout).toContain('abort done by the owner')
          // The abort run ended once the rollback had: the record is Completed when it reports.
          const settled = await expectConsistent(svc, { allowed: [svc.previous], since })
          expect(settled.record!.heartbeat).toBeLessThanOrEqual(abort.endedAt)
          expect(settled.record?.outcome).toBe('aborted')
        })
      })
    }
  )

  it.concurrent(
    'a promote with other step inputs: the owner pauses, the promote run goes on with the new plan',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'pay', { desiredCount: 4 })
        const since = Date.now()
        const next = await revision(svc)
        const owning = deploy(
          svc,
          next,
          { strategy: 'linear', 'step-percent': '25', 'step-bake-time': '5s' },
          { runId: 501 }
        )
        await firstStepReached(svc, next)
        const promote = await act(
          svc,
          { command: 'promote', strategy: 'linear', 'step-percent': '50', 'step-bake-time': '1s' },
          { runId: 502 }
        )
        const owner = await owning
        await explained([owner.result, promote.result], async () => {
          expect(owner.result.code).toBe(0)
          expect(owner.result.outputs.status).toBe('paused')
          expect(promote.result.code).toBe(0)
          expect(promote.result.outputs.status).toBe('succeeded')
          // The new plan (50 %, 100 %) from where the owner paused: step 1 (two tasks) if it was still at one.
          expect(promote.result.stdout).toContain('Plan: linear, 2 steps')
          expect(promote.result.stdout).toMatch(/step [12]\/2 \((50|100)%\)/)
          expect(promote.result.stdout).not.toContain('(75%)')
          await expectConsistent(svc, { allowed: [next], since })
        })
      })
    }
  )
})
