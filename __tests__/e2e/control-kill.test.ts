// Runner death (issue 6): a deploy killed with SIGKILL at a seeded random moment, then a run on the service (a
// deploy with takeover: true and on-orphan resume or rollback, abort, resume, pause then resume, or the post step
// with the killed run's saved state) must leave it consistent: all traffic on one revision, no leftover task set,
// the record Completed, never fewer healthy tasks than the desired count in the journal, and never a second
// rollout on top of the orphaned one. Eight services, each in its own sandbox, three kills each, all at once.
//
// The kill moment is drawn as "after the k-th mutating call the sandbox received, plus up to 250 ms", k from 0 to
// 15 (a deploy of these plans makes 17 or 18; the 14th removes the old task set): every stage of a rollout gets
// killed, from its checks to its retiring of the old revision, however slow the machine. Replay one with
// KILL_SEEDS=1234 (comma-separated seeds).

import { describe as group, expect, it, jest } from '@jest/globals'
import { killUnlessGone } from '../helpers/action.js'
import {
  act,
  addService,
  deploy,
  expectConsistent,
  liveSets,
  post,
  prng,
  sleep
} from '../helpers/control-e2e.js'
import {
  describeService,
  explained,
  record,
  revision,
  withStage,
  type Run,
  type Scene
} from '../helpers/scene.js'

jest.setTimeout(170_000)

const LANES = 8
const ROUNDS = 3
/** No step bakes (the kill moment is drawn by calls, not time); the final bake, 1 s, is a moment to kill in too. */
const PLANS: Record<string, string>[] = [
  { strategy: 'linear', 'step-percent': '50', 'step-bake-time': '0s' },
  { strategy: 'canary', 'canary-percent': '34', 'canary-bake-time': '0s' },
  { strategy: 'rolling', 'batch-size': '1' },
  { strategy: 'custom', steps: '34, 67' }
]
const FOLLOW_UPS = [
  'takeover-resume',
  'takeover-rollback',
  'abort',
  'resume',
  'post',
  'pause-resume'
] as const
type FollowUp = (typeof FOLLOW_UPS)[number]

interface Round {
  seed: number
  plan: Record<string, string>
  killAtCall: number
  extraMs: number
  followUp: FollowUp
  killed: boolean
  recordBefore?: string
  final?: string
}

function seeds(): number[][] {
  const given = process.env.KILL_SEEDS?.split(',').map(Number)
  if (given?.length) return given.map(s => [s])
  return Array.from({ length: LANES }, (_, lane) =>
    Array.from({ length: ROUNDS }, (_, r) => 1000 + lane * 10 + r)
  )
}

/** Mutating calls the sandbox has received since `since`. */
async function mutatingSince(svc: Scene, since: number): Promise<number> {
  return (await svc.control.calls(since)).filter(c => c.mutating).length
}

async function oneRound(svc: Scene, seed: number, prev: string, runId: number): Promise<Round> {
  const rng = prng(seed)
  const plan = PLANS[Math.floor(rng() * PLANS.length)]
  const round: Round = {
    seed,
    plan,
    killAtCall: Math.floor(rng() * 16),
    extraMs: Math.floor(rng() * 250),
    followUp: FOLLOW_UPS[Math.floor(rng() * FOLLOW_UPS.length)],
    killed: false
  }
  const next = await revision(svc, { ROUND: String(seed) })
  const since = Date.now()
  let pid = 0
  let done = false
  // Done once the process has exited (the run itself resolves later, once the sandbox's reads have caught up).
  const running = deploy(svc, next, plan, { runId, onStart: p => (pid = p), onExit: () => (done = true) })
  // The kill: once k mutating calls have reached the sandbox, and up to 250 ms later.
  while (!done) {
    const remaining = round.killAtCall - (await mutatingSince(svc, since))
    if (remaining <= 0) break
    // Close to the moment, look often; far from it, less (the sandbox answers in the test's own process).
    await sleep(remaining > 2 ? 150 : 25)
  }
  await sleep(round.extraMs)
  if (!done && pid) killUnlessGone(pid)
  const killed = await running
  // The signal can cross the run's own exit (exited, not yet reaped, or reaped: ESRCH): then the run ended by
  // itself, with a code.
  round.killed = killed.result.signal === 'SIGKILL'
  if (!round.killed) expect(killed.result.code).not.toBeNull()
  // takeover-after is 1s: the dead owner's heartbeat must be older than that.
  await sleep(1100)
  const before = await record(svc)
  round.recordBefore = before ? `${before.phase}/${before.stage ?? '-'} step ${before.step}` : 'none'
  const active = before?.phase === 'Active' && before.newTaskDefinition === next
  const after = await followUp(svc, round.followUp, next, plan, killed, runId + 1)
  await explained([killed.result, after.result], async () => {
    const settled = await expectConsistent(svc, { allowed: [prev, next], since, recordRequired: false })
    round.final = settled.taskDefinition
    // Never a second rollout on top of the orphaned one: at most two task sets at any moment.
    const journal = await svc.control.journal(svc.cluster, svc.service, { since })
    const most = Math.max(...journal.ticks.map(t => t.taskSets.filter(s => s.status !== 'DRAINING').length))
    expect(most).toBeLessThanOrEqual(2)
    const status = after.result.outputs.status
    switch (round.followUp) {
      case 'takeover-resume':
      case 'takeover-rollback':
        expect(after.result.code).toBe(0)
        expect(status).toBe('succeeded')
        expect(settled.taskDefinition).toBe(next)
        break
      case 'abort':
        if (active) {
          expect(after.result.code).toBe(0)
          // Rolled back; or finished, when the owner had already retired the old task set.
          expect(['aborted', 'succeeded']).toContain(status)
          expect(settled.taskDefinition).toBe(status === 'aborted' ? prev : next)
        } else expect(after.result.outputs.reason).toMatch(/there is no rollout in progress/)
        break
      case 'resume':
        if (active && before?.stage !== 'rolling-back') {
          expect(after.result.code).toBe(0)
          expect(status).toBe('succeeded')
          expect(settled.taskDefinition).toBe(next)
        } else if (active) {
          expect(status).toBe('rolled-back')
          expect(settled.taskDefinition).toBe(prev)
        } else expect(after.result.outputs.reason).toMatch(/there is no rollout in progress/)
        break
      case 'pause-resume':
        // A pause of the orphan holds it where it is; the resume after it finishes it (or its rollback).
        if (active && before?.stage !== 'rolling-back') {
          expect(after.result.code).toBe(0)
          expect(status).toBe('succeeded')
          expect(settled.taskDefinition).toBe(next)
        } else if (active) expect(status).toBe('rolled-back')
        else expect(after.result.outputs.reason).toMatch(/there is no rollout in progress/)
        break
      case 'post':
        // on-cancel: rollback, from a killed main step; nothing to do when it had finished.
        expect(after.result.code).toBe(0)
        if (active) expect(after.result.stdout).toContain('was handed off: applying on-cancel: rollback')
        break
    }
    // Nothing of the orphan is left behind.
    expect(liveSets(await describeService(svc)).length).toBe(1)
  }).catch(error => {
    if (error instanceof Error)
      error.message = `seed ${seed} (${JSON.stringify({ ...round, plan })}):\n${error.message}`
    throw error
  })
  return round
}

async function followUp(
  svc: Scene,
  kind: FollowUp,
  next: string,
  plan: Record<string, string>,
  killed: Run,
  runId: number
): Promise<Run> {
  const takeover = { takeover: 'true', 'takeover-after': '1s' }
  switch (kind) {
    case 'takeover-resume':
      return deploy(svc, next, { ...plan, ...takeover, 'on-orphan': 'resume' }, { runId })
    case 'takeover-rollback':
      return deploy(svc, next, { ...plan, ...takeover, 'on-orphan': 'rollback' }, { runId })
    case 'abort':
      return act(svc, { command: 'abort', 'takeover-after': '1s' }, { runId })
    case 'resume':
      return act(svc, { command: 'resume', 'takeover-after': '1s' }, { runId })
    case 'pause-resume': {
      const paused = await act(svc, { command: 'pause', 'takeover-after': '1s' }, { runId })
      const r = await record(svc)
      if (r?.phase === 'Active' && r.stage !== 'rolling-back') {
        expect(paused.result.outputs.status).toBe('paused')
        expect(r.stage).toBe('paused')
      }
      return act(svc, { command: 'resume', 'takeover-after': '1s' }, { runId: runId + 1 })
    }
    case 'post':
      // The killed run's own post step: same inputs, its saved state, its run id.
      return post(svc, { 'task-definition': next, ...plan }, killed.result, {
        runId: runId - 1
      })
  }
}

group('runner death: a deploy killed with SIGKILL at a random moment', () => {
  it('every seeded kill is finished or rolled back by the next run, and the service ends consistent', async () => {
    const lanes = seeds()
    const rounds = await Promise.all(
      lanes.map((laneSeeds, lane) =>
        withStage(async stage => {
          const svc = await addService(stage, `k${lane}`, { desiredCount: 3 })
          let prev = svc.previous
          const done: Round[] = []
          for (const [i, seed] of laneSeeds.entries()) {
            const round = await oneRound(svc, seed, prev, 2000 + lane * 100 + i * 10)
            prev = round.final ?? prev
            done.push(round)
          }
          return done
        })
      )
    )
    const all = rounds.flat()
    if (process.env.CONTROL_E2E_LOG)
      for (const r of all)
        process.stderr.write(
          `seed ${r.seed}: ${r.plan.strategy}, kill after call ${r.killAtCall} +${r.extraMs} ms (${r.killed ? 'killed' : 'had ended'}), record ${r.recordBefore}, ${r.followUp}\n`
        )
    if (!process.env.KILL_SEEDS) expect(all.filter(r => r.killed).length).toBeGreaterThanOrEqual(20)
  })
})
