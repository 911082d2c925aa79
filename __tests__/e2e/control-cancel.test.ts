// Cancellation (issue 6): GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later, then kills the process
// tree. The run stops advancing, applies on-cancel within 2 s (the rollback's first capacity call), writes its
// summary and exits within about 7 s; the post step (dist/post/index.js, given the main step's saved state as
// the runner gives it) finishes what the main step could not. dist/index.js against an in-process sandbox.

import { describe as group, expect, it, jest } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import { killUnlessGone } from '../helpers/action.js'
import {
  act,
  addService,
  capacityCalls,
  deploy,
  expectConsistent,
  post,
  runningOf
} from '../helpers/control-e2e.js'
import { explained, record, revision, withStage, type Scene } from '../helpers/scene.js'

jest.setTimeout(120_000)

/** Two steps of half, the first watched for 6 s: time enough to cancel while it is baking. */
const PLAN = { strategy: 'linear', 'step-percent': '50', 'step-bake-time': '6s', 'max-surge': '100%' }

interface Cancelled {
  signalledAt: number
  exitedAt: number
  main: Awaited<ReturnType<typeof act>>
}

/** Starts a deploy, and once its first step is up sends SIGINT (and SIGKILL `killAfterMs` later, if given). */
async function cancelDuringStep(
  svc: Scene,
  next: string,
  inputs: Record<string, string>,
  killAfterMs?: number
): Promise<Cancelled> {
  let pid = 0
  const running = deploy(svc, next, { ...PLAN, ...inputs }, { runId: 900, onStart: p => (pid = p) })
  // Baking step 1: two new tasks, and the stable revision down to two.
  await waitFor(
    'the first step to be up',
    async () => (await runningOf(svc, next)) === 2 && (await runningOf(svc, svc.previous)) === 2,
    { timeoutMs: 30_000, intervalMs: 100 }
  )
  const signalledAt = Date.now()
  process.kill(pid, 'SIGINT')
  if (killAfterMs !== undefined) setTimeout(() => killUnlessGone(pid), killAfterMs)
  const main = await running
  return { signalledAt, exitedAt: main.endedAt, main }
}

group('cancellation', () => {
  it.concurrent(
    'SIGINT: the rollback starts within 2 s, the run exits within 7 s (aborted), the post step has nothing left to do',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'web', { desiredCount: 4 })
        const since = Date.now()
        const next = await revision(svc)
        const { signalledAt, exitedAt, main } = await cancelDuringStep(svc, next, {})
        await explained([main.result], async () => {
          expect(main.result.signal).toBeNull()
          expect(main.result.code).toBe(1)
          expect(main.result.outputs.status).toBe('aborted')
          expect(main.result.outputs.reason).toBe('the run was cancelled (SIGINT)')
          expect(main.result.stdout).toContain('::warning::Received SIGINT: the run was cancelled')
          expect(main.result.summary).toContain('cancelled')
          const calls = await capacityCalls(svc, signalledAt)
          expect(calls.length).toBeGreaterThan(0)
          expect(calls[0].at - signalledAt).toBeLessThanOrEqual(2000)
          expect(exitedAt - signalledAt).toBeLessThanOrEqual(7000)
          expect((await record(svc))?.outcome).toBe('aborted')
        })
        const after = await post(svc, { 'task-definition': next, ...PLAN }, main.result, { runId: 900 })
        await explained([main.result, after.result], async () => {
          expect(after.result.code).toBe(0)
          expect(after.result.stdout).not.toContain('::warning::')
          expect(await capacityCalls(svc, after.startedAt)).toEqual([])
          await expectConsistent(svc, { allowed: [svc.previous], since })
        })
      })
    }
  )

  it.concurrent(
    'SIGINT, then SIGKILL before the run could finish: the post step rolls the rollout back (on-cancel)',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'api', { desiredCount: 4 })
        const since = Date.now()
        const next = await revision(svc)
        const { main } = await cancelDuringStep(svc, next, {}, 150)
        expect(main.result.signal).toBe('SIGKILL')
        expect((await record(svc))?.phase).toBe('Active')
        const after = await post(svc, { 'task-definition': next, ...PLAN }, main.result, { runId: 900 })
        await explained([main.result, after.result], async () => {
          expect(after.result.code).toBe(0)
          expect(after.result.stdout).toMatch(
            /::warning::The main step ended before rollout r900-1-\w+ was handed off: applying on-cancel: rollback/
          )
          const settled = await expectConsistent(svc, { allowed: [svc.previous], since })
          expect(settled.record?.outcome).toBe('aborted')
        })
      })
    }
  )

  it.concurrent(
    'SIGINT with a rollback longer than the grace: the run exits in time and hands over; the post step finishes',
    async () => {
      // The stable revision's tasks take 6 s to start: growing it back cannot finish within the 5 s grace.
      await withStage(async stage => {
        const svc = await addService(stage, 'cart', {
          desiredCount: 4,
          env: { SANDBOX_START_SECONDS: '6' }
        })
        const since = Date.now()
        const next = await revision(svc)
        const { signalledAt, exitedAt, main } = await cancelDuringStep(svc, next, {})
        await explained([main.result], async () => {
          expect(main.result.code).toBe(1)
          expect(main.result.outputs.status).toBe('aborted')
          const calls = await capacityCalls(svc, signalledAt)
          expect(calls[0].at - signalledAt).toBeLessThanOrEqual(2000)
          expect(exitedAt - signalledAt).toBeLessThanOrEqual(7500)
          // Handed over: rolling back, with no owner any more.
          const r = await record(svc)
          expect({ phase: r?.phase, stage: r?.stage, heartbeat: r?.heartbeat }).toEqual({
            phase: 'Active',
            stage: 'rolling-back',
            heartbeat: 0
          })
        })
        const after = await post(svc, { 'task-definition': next, ...PLAN }, main.result, { runId: 900 })
        await explained([main.result, after.result], async () => {
          expect(after.result.code).toBe(0)
          expect(after.result.stdout).toMatch(/::warning::The main step ran out of time after the cancel/)
          const settled = await expectConsistent(svc, { allowed: [svc.previous], since })
          expect(settled.record?.outcome).toBe('aborted')
        })
      })
    }
  )

  it.concurrent(
    'on-cancel: pause: SIGINT pauses where it is; a later resume finishes the rollout',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'pay', { desiredCount: 4 })
        const since = Date.now()
        const next = await revision(svc)
        const { signalledAt, exitedAt, main } = await cancelDuringStep(svc, next, { 'on-cancel': 'pause' })
        await explained([main.result], async () => {
          expect(main.result.outputs.status).toBe('paused')
          expect(main.result.outputs.reason).toBe('the run was cancelled (SIGINT)')
          expect(exitedAt - signalledAt).toBeLessThanOrEqual(3000)
          expect(await capacityCalls(svc, signalledAt)).toEqual([])
          expect((await record(svc))?.stage).toBe('paused')
          expect(await runningOf(svc, next)).toBe(2)
        })
        const after = await post(svc, { 'task-definition': next, ...PLAN, 'on-cancel': 'pause' }, main.result)
        expect(after.result.code).toBe(0)
        const resume = await act(svc, { command: 'resume' }, { runId: 901 })
        await explained([resume.result], async () => {
          expect(resume.result.code).toBe(0)
          expect(resume.result.outputs.status).toBe('succeeded')
          await expectConsistent(svc, { allowed: [next], since })
        })
      })
    }
  )
})
