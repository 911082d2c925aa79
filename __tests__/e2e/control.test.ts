// Control across runs (issue 6), end to end: dist/index.js as the runner runs it, against an in-process sandbox
// (one per test; the tests run concurrently, they spend their time waiting). Every command on rollouts that
// no run is executing any more: a rollout paused by its plan (partition, pause steps) and carried on by later
// runs, changing the plan mid-flight, abort, rollback to any version, history and diff.

import { describe as group, expect, it, jest } from '@jest/globals'
import {
  act,
  addService,
  deploy,
  deregister,
  expectConsistent,
  runningOf,
  taskSetsOf
} from '../helpers/control-e2e.js'
import { explained, readsCaughtUp, record, revision, withStage, type Stage } from '../helpers/scene.js'
import { RecordStore } from '../../src/aws/record-store.js'

jest.setTimeout(120_000)

const SHA_A = 'aaaaaaaaaaaa1111111111111111111111111111'
const SHA_B = 'bbbbbbbbbbbb2222222222222222222222222222'

group('control across runs: the done-when sequence', () => {
  it.concurrent(
    'partition 3 of 10 pauses with exit 0; promote partition 10 completes; history names both; rollback previous',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'web', { desiredCount: 10 })
        const since = Date.now()
        // The version serving today was deployed by ecs-rollout too, so history knows who and which commit.
        const v2 = await revision(svc, { RELEASE: '2' })
        const first = await deploy(
          svc,
          v2,
          { strategy: 'all-at-once' },
          { runId: 100, actor: 'alice', sha: SHA_A }
        )
        await explained([first.result], () => expect(first.result.code).toBe(0))

        const v3 = await revision(svc, { RELEASE: '3' })
        const paused = await deploy(svc, v3, { partition: '3' }, { runId: 101, actor: 'bob', sha: SHA_B })
        await explained([paused.result], async () => {
          expect(paused.result.code).toBe(0)
          expect(paused.result.outputs.status).toBe('paused')
          expect(paused.result.outputs['traffic-percent']).toBe('30')
          expect(paused.result.outputs.reason).toBeUndefined()
          expect(paused.result.stdout).not.toContain('::error::')
          expect(await runningOf(svc, v3)).toBe(3)
          expect(await runningOf(svc, v2)).toBe(7)
          const r = await record(svc)
          expect({ phase: r?.phase, stage: r?.stage, actor: r?.actor }).toEqual({
            phase: 'Active',
            stage: 'batch-completed',
            actor: 'bob'
          })
        })

        const status = await act(svc, { command: 'status' }, { runId: 102, actor: 'carol' })
        await explained([status.result], () => {
          expect(status.result.code).toBe(0)
          expect(status.result.outputs.status).toBe('paused')
          expect(status.result.outputs['rollout-id']).toBe(paused.result.outputs['rollout-id'])
          expect(status.result.stdout).toContain('Active (batch-completed)')
          expect(status.result.stdout).toContain('web:2 → web:3')
          expect(status.result.stdout).toContain('by bob in https://github.com/acme/shop/actions/runs/101')
          // The live side: what ECS runs now.
          expect(status.result.stdout).toMatch(
            /task set \S+ \(web:3\): ACTIVE, 3 of 3 tasks running \(scale 30%\)/
          )
          expect(status.result.stdout).toMatch(
            /task set \S+ \(web:2\): PRIMARY, 7 of 7 tasks running \(scale 70%\)/
          )
          expect(status.result.summary).toContain(`Rollout ${paused.result.outputs['rollout-id']} on web`)
        })

        const promoted = await act(
          svc,
          { command: 'promote', partition: '10' },
          { runId: 103, actor: 'carol' }
        )
        await explained([promoted.result], async () => {
          expect(promoted.result.code).toBe(0)
          expect(promoted.result.outputs.status).toBe('succeeded')
          expect(promoted.result.outputs['rollout-id']).toBe(paused.result.outputs['rollout-id'])
          expect(promoted.result.outputs['task-definition-arn']).toBe(v3)
          const settled = await expectConsistent(svc, { allowed: [v3], since })
          expect(settled.record?.outcome).toBe('succeeded')
        })

        const history = await act(svc, { command: 'history' }, { runId: 104 })
        await explained([history.result], () => {
          expect(history.result.code).toBe(0)
          const lines = history.result.stdout.split('\n')
          const row = (v: string): string => lines.find(l => l.includes(` ${v} `)) ?? `no line for ${v}`
          // Newest first, the current one starred, each with outcome, actor, commit and run.
          expect(lines.findIndex(l => l.includes(' web:3 '))).toBeLessThan(
            lines.findIndex(l => l.includes(' web:2 '))
          )
          expect(row('web:3')).toMatch(
            /^\* web:3 +succeeded +\d{4}-\d\d-\d\dT\S+Z +bob +bbbbbbbbbbbb +https:\/\/github.com\/acme\/shop\/actions\/runs\/101/
          )
          expect(row('web:2')).toMatch(
            /^ {2}web:2 +succeeded +\d{4}-\d\d-\d\dT\S+Z +alice +aaaaaaaaaaaa +https:\/\/github.com\/acme\/shop\/actions\/runs\/100/
          )
          expect(history.result.summary).toContain('<td>web:3 (current)</td>')
          expect(history.result.summary).toContain('<td>bob</td>')
          expect(history.result.summary).toContain('<td>alice</td>')
        })

        const rolledBack = await act(
          svc,
          { command: 'rollback', to: 'previous', strategy: 'all-at-once', 'bake-time': '1s' },
          { runId: 105, actor: 'dave' }
        )
        await explained([rolledBack.result], async () => {
          expect(rolledBack.result.code).toBe(0)
          expect(rolledBack.result.outputs.status).toBe('succeeded')
          expect(rolledBack.result.outputs['task-definition-arn']).toBe(v2)
          expect(rolledBack.result.outputs['previous-task-definition-arn']).toBe(v3)
          await expectConsistent(svc, { allowed: [v2], since })
        })
      })
    }
  )
})

group('control across runs: commands on a paused rollout', () => {
  it.concurrent(
    'pause steps: status, pause (already), promote to the next pause, to a step; promote-full; a promote "to" behind is refused',
    () => withStage(stage => Promise.all([pauseSteps(stage), promoteFull(stage)]))
  )

  it.concurrent(
    'partition 0 rolls the updated tasks back and stays paused, then abort; a resume with step inputs changes the plan',
    () =>
      withStage(stage =>
        Promise.all([partitionZero(stage), resumeNewPlan(stage), resumeOrphanedRollback(stage)])
      )
  )
})

/** Pause steps: status, pause (already paused), promote to the next pause, promote to a step. */
async function pauseSteps(stage: Stage): Promise<void> {
  const svc = await addService(stage, 'api', { desiredCount: 4 })
  const since = Date.now()
  const next = await revision(svc)
  const steps = { strategy: 'custom', steps: '25, pause, 50, pause, 75' }
  const d = await deploy(svc, next, steps, { runId: 200 })
  await explained([d.result], async () => {
    expect(d.result.code).toBe(0)
    expect(d.result.outputs.status).toBe('paused')
    expect(await runningOf(svc, next)).toBe(1)
    expect((await record(svc))?.step).toBe(2)
  })
  const untouched = await taskSetsOf(svc)
  const again = await act(svc, { command: 'pause' }, { runId: 201 })
  await explained([again.result], () => {
    expect(again.result.code).toBe(0)
    expect(again.result.outputs.status).toBe('paused')
    expect(again.result.stdout).toContain('already paused')
  })
  expect(await taskSetsOf(svc)).toEqual(untouched)

  const toNext = await act(svc, { command: 'promote' }, { runId: 202 })
  await explained([toNext.result], async () => {
    expect(toNext.result.code).toBe(0)
    expect(toNext.result.outputs.status).toBe('paused')
    expect(toNext.result.stdout).toContain('step 3/6 (50%)')
    expect(await runningOf(svc, next)).toBe(2)
    const r = await record(svc)
    expect({ stage: r?.stage, step: r?.step }).toEqual({ stage: 'batch-completed', step: 4 })
  })

  const toStep = await act(svc, { command: 'promote', to: '6' }, { runId: 203 })
  await explained([toStep.result], async () => {
    expect(toStep.result.code).toBe(0)
    expect(toStep.result.outputs.status).toBe('succeeded')
    expect(toStep.result.stdout).toContain('step 6/6 (100%)')
    expect(toStep.result.stdout).not.toContain('(75%)')
    await expectConsistent(svc, { allowed: [next], since })
  })
}

/** promote-full skips every remaining step; a promote "to" behind the rollout is refused. */
async function promoteFull(stage: Stage): Promise<void> {
  const svc = await addService(stage, 'cart', { desiredCount: 4 })
  const since = Date.now()
  const next = await revision(svc)
  const d = await deploy(svc, next, { strategy: 'custom', steps: '25, pause, 50, 75' }, { runId: 300 })
  await explained([d.result], () => expect(d.result.outputs.status).toBe('paused'))

  const untouched = await taskSetsOf(svc)
  const behind = await act(svc, { command: 'promote', to: '1' }, { runId: 301 })
  await explained([behind.result], async () => {
    expect(behind.result.code).toBe(1)
    expect(behind.result.outputs.reason).toMatch(/^to: "1" .*step 2/)
    expect(await taskSetsOf(svc)).toEqual(untouched)
    expect((await record(svc))?.stage).toBe('batch-completed')
  })

  const full = await act(svc, { command: 'promote', 'promote-full': 'true' }, { runId: 302 })
  await explained([full.result], async () => {
    expect(full.result.code).toBe(0)
    expect(full.result.outputs.status).toBe('succeeded')
    expect(full.result.stdout).not.toMatch(/\((50|75)%\)/)
    expect(full.result.stdout).toContain('cart:2 is now the primary task set')
    await expectConsistent(svc, { allowed: [next], since })
  })
}

/** partition 0 rolls the updated tasks back and stays paused; abort then ends it; abort again has nothing to do. */
async function partitionZero(stage: Stage): Promise<void> {
  const svc = await addService(stage, 'shop', { desiredCount: 4 })
  const since = Date.now()
  const next = await revision(svc)
  const d = await deploy(svc, next, { partition: '2' }, { runId: 400 })
  await explained([d.result], async () => {
    expect(d.result.outputs.status).toBe('paused')
    expect(await runningOf(svc, next)).toBe(2)
  })
  const zero = await act(svc, { command: 'promote', partition: '0' }, { runId: 401 })
  await explained([zero.result], async () => {
    expect(zero.result.code).toBe(0)
    expect(zero.result.outputs.status).toBe('paused')
    expect(zero.result.outputs['traffic-percent']).toBe('0')
    expect(await runningOf(svc, next)).toBe(0)
    expect(await runningOf(svc, svc.previous)).toBe(4)
    expect((await record(svc))?.phase).toBe('Active')
  })
  const abort = await act(svc, { command: 'abort' }, { runId: 402, actor: 'erin' })
  await explained([abort.result], async () => {
    expect(abort.result.code).toBe(0)
    expect(abort.result.outputs.status).toBe('aborted')
    expect(abort.result.outputs.reason).toBe('erin asked to abort')
    const settled = await expectConsistent(svc, { allowed: [svc.previous], since })
    expect(settled.record?.outcome).toBe('aborted')
  })
  const nothing = await act(svc, { command: 'abort' }, { runId: 403 })
  await explained([nothing.result], () => {
    expect(nothing.result.code).toBe(1)
    expect(nothing.result.outputs.reason).toMatch(
      /there is no rollout in progress on shop .*nothing to abort/
    )
  })
}

/** A resume of a rollback whose run is gone finishes the rollback, and the reason names that run, not this one. */
async function resumeOrphanedRollback(stage: Stage): Promise<void> {
  const svc = await addService(stage, 'cart', { desiredCount: 4 })
  const since = Date.now()
  const next = await revision(svc)
  const d = await deploy(svc, next, { partition: '2' }, { runId: 600 })
  await explained([d.result], () => expect(d.result.outputs.status).toBe('paused'))
  // As a run 600 that began rolling back and died would leave it: rolling back, its heartbeat long gone.
  const left = (await record(svc))!
  const gone = 'https://github.com/acme/shop/actions/runs/600'
  await new RecordStore({ ecs: svc.clients.ecs, serviceArn: svc.serviceArn }).save({
    ...left,
    stage: 'rolling-back',
    owner: gone,
    heartbeat: Date.now() - 60_000
  })
  await readsCaughtUp(svc)
  const resumed = await act(svc, { command: 'resume', 'takeover-after': '1s' }, { runId: 601 })
  await explained([resumed.result], async () => {
    expect(resumed.result.outputs.status).toBe('rolled-back')
    expect(resumed.result.outputs.reason).toBe(`the run that owned the rollout stopped (${gone})`)
    await expectConsistent(svc, { allowed: [svc.previous], since })
  })
}

/** A resume with other step inputs changes the plan from the current step on. */
async function resumeNewPlan(stage: Stage): Promise<void> {
  const svc = await addService(stage, 'pay', { desiredCount: 4 })
  const since = Date.now()
  const next = await revision(svc)
  const d = await deploy(svc, next, { strategy: 'custom', steps: '25, pause, 75' }, { runId: 500 })
  await explained([d.result], () => expect(d.result.outputs.status).toBe('paused'))
  const resumed = await act(
    svc,
    { command: 'resume', strategy: 'linear', 'step-percent': '50', 'step-bake-time': '1s' },
    { runId: 501 }
  )
  await explained([resumed.result], async () => {
    expect(resumed.result.code).toBe(0)
    expect(resumed.result.outputs.status).toBe('succeeded')
    // The new plan (50 %, 100 %) from where the rollout stands (1 task of 4): its first step beyond that.
    expect(resumed.result.stdout).toContain('step 1/2 (50%)')
    expect(resumed.result.stdout).toContain('step 2/2 (100%)')
    expect(resumed.result.stdout).not.toContain('(75%)')
    await expectConsistent(svc, { allowed: [next], since })
  })
}

group('control across runs: rollback, history and diff', () => {
  it.concurrent(
    'rollback to previous, a revision number and an ARN; an INACTIVE target is refused with zero mutating calls',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'web', { desiredCount: 3 })
        const since = Date.now()
        const none = await act(svc, { command: 'status' }, { runId: 599 })
        await explained([none.result], () => {
          expect(none.result.code).toBe(0)
          expect(none.result.stdout).toContain('web has no rollout on record; it runs web:1')
          expect(none.result.outputs['task-definition-arn']).toBe(svc.previous)
        })
        const fast = { strategy: 'all-at-once', 'bake-time': '1s' }
        const v2 = await revision(svc, { RELEASE: '2' })
        const v3 = await revision(svc, { RELEASE: '3' })
        for (const [i, v] of [v2, v3].entries()) {
          const d = await deploy(svc, v, fast, { runId: 600 + i })
          await explained([d.result], () => expect(d.result.outputs.status).toBe('succeeded'))
        }
        const previous = await act(svc, { command: 'rollback', to: 'previous', ...fast }, { runId: 610 })
        await explained([previous.result], async () => {
          expect(previous.result.code).toBe(0)
          expect(previous.result.outputs['task-definition-arn']).toBe(v2)
          await expectConsistent(svc, { allowed: [v2], since })
          // Marked a rollback: an abort of it carries it on rather than reversing it (control-protocol.ts).
          expect(await record(svc)).toMatchObject({ newTaskDefinition: v2, rollback: true })
        })
        const byNumber = await act(svc, { command: 'rollback', to: '1', ...fast }, { runId: 611 })
        await explained([byNumber.result], async () => {
          expect(byNumber.result.code).toBe(0)
          expect(byNumber.result.outputs['task-definition-arn']).toBe(svc.previous)
          await expectConsistent(svc, { allowed: [svc.previous], since })
        })
        const byArn = await act(svc, { command: 'rollback', to: v3, ...fast }, { runId: 612 })
        await explained([byArn.result], async () => {
          expect(byArn.result.code).toBe(0)
          expect(byArn.result.outputs['task-definition-arn']).toBe(v3)
          await expectConsistent(svc, { allowed: [v3], since })
        })

        // web:2 by number and by ARN, and "previous" (web:1, what web:3 replaced), once deregistered.
        await deregister(svc, v2)
        await deregister(svc, svc.previous)
        await svc.control.clearCalls()
        for (const to of ['2', v2, 'previous']) {
          const refused = await act(svc, { command: 'rollback', to, ...fast }, { runId: 613 })
          await explained([refused.result], async () => {
            expect(refused.result.code).toBe(1)
            expect(refused.result.outputs.status).toBe('failed')
            expect(refused.result.outputs.reason).toMatch(
              /^to: .*web:[12], which is INACTIVE: an INACTIVE task definition cannot start new tasks/
            )
            expect(refused.result.summary).toContain('nothing was changed')
          })
        }
        const calls = await svc.control.calls()
        expect(calls.length).toBeGreaterThan(0)
        expect(calls.filter(c => c.mutating)).toEqual([])
        expect((await record(svc))?.newTaskDefinition).toBe(v3)

        const missing = await act(svc, { command: 'rollback', to: '42' }, { runId: 614 })
        await explained([missing.result], () => {
          expect(missing.result.code).toBe(1)
          expect(missing.result.outputs.reason).toMatch(/^to: "42" names no task definition that exists/)
        })
        await expectConsistent(svc, { allowed: [v3], since })
      })
    }
  )

  it.concurrent(
    'history and diff on a service with several versions: secret names only, env values masked',
    async () => {
      await withStage(async stage => {
        const svc = await addService(stage, 'web', { desiredCount: 3 })
        const fast = { strategy: 'all-at-once' }
        const v2 = await revision(
          svc,
          { LOG_LEVEL: 'lvl-info-1', FEATURE_X: 'feat-off-3' },
          {
            image: 'public.ecr.aws/nginx/nginx:1.25',
            secrets: { DB_PASSWORD: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }
          }
        )
        const v3 = await revision(
          svc,
          { LOG_LEVEL: 'lvl-debug-2', NEW_FLAG: 'hunter2' },
          {
            image: 'public.ecr.aws/nginx/nginx:1.27',
            cpu: '512',
            memory: '1024',
            taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
            secrets: { API_TOKEN: 'arn:aws:ssm:us-east-1:123456789012:parameter/api-token' }
          }
        )
        const d2 = await deploy(svc, v2, fast, { runId: 700, actor: 'alice', sha: SHA_A })
        const d3 = await deploy(svc, v3, fast, { runId: 701, actor: 'bob', sha: SHA_B })
        // A fourth version that never gets anywhere: aborted while paused.
        const v4 = await revision(svc, { LOG_LEVEL: 'lvl-debug-2' })
        const d4 = await deploy(svc, v4, { partition: '1' }, { runId: 702, actor: 'carol' })
        // While it waits: history shows it in progress, diff compares the two revisions it moves between.
        const during = await act(svc, { command: 'history' }, { runId: 710 })
        const diffDuring = await act(svc, { command: 'diff' }, { runId: 711 })
        await explained([d4.result, during.result, diffDuring.result], () => {
          expect(during.result.stdout).toMatch(
            /^ {2}web:4 +in progress \(batch-completed, step 2 of 2\) .* carol /m
          )
          expect(during.result.stdout).toMatch(/^\* web:3 +succeeded /m)
          expect(diffDuring.result.stdout).toContain('What changed, web:3 → web:4:')
        })
        const a4 = await act(svc, { command: 'abort' }, { runId: 703, actor: 'dave' })
        await explained([d2.result, d3.result, d4.result, a4.result], () => {
          expect([d2, d3, d4, a4].map(r => r.result.outputs.status)).toEqual([
            'succeeded',
            'succeeded',
            'paused',
            'aborted'
          ])
        })

        const history = await act(svc, { command: 'history' }, { runId: 704 })
        await explained([history.result], () => {
          expect(history.result.code).toBe(0)
          const rows = history.result.stdout.split('\n').filter(l => / web:\d /.test(l))
          expect(rows.map(r => r.match(/web:\d/)![0])).toEqual(['web:4', 'web:3', 'web:2', 'web:1'])
          expect(rows[0]).toMatch(/^ {2}web:4 +aborted .* carol .*runs\/702/)
          expect(rows[1]).toMatch(/^\* web:3 +succeeded .* bob +bbbbbbbbbbbb .*runs\/701/)
          expect(rows[2]).toMatch(/^ {2}web:2 +succeeded .* alice +aaaaaaaaaaaa .*runs\/700/)
          expect(rows[3]).toContain('never rolled out by ecs-rollout')
          expect(history.result.summary).toMatch(
            /<a href="https:\/\/github.com\/acme\/shop\/actions\/runs\/701"[^>]*>run<\/a>/
          )
        })

        const diff = await act(svc, { command: 'diff' }, { runId: 705 })
        await explained([diff.result], () => {
          expect(diff.result.code).toBe(0)
          const out = diff.result.stdout
          expect(out).toContain('What changed, web:2 → web:3:')
          expect(out).toContain(
            'app: image public.ecr.aws/nginx/nginx:1.25 → public.ecr.aws/nginx/nginx:1.27'
          )
          expect(out).toContain('task: cpu 256 → 512')
          expect(out).toContain('task: memory 512 → 1024')
          expect(out).toContain('task: task role added')
          expect(out).toContain('app: environment LOG_LEVEL ••• → •••')
          expect(out).toContain('app: environment NEW_FLAG added')
          expect(out).toContain('app: environment FEATURE_X removed')
          expect(out).toContain('app: secret API_TOKEN added')
          expect(out).toContain('app: secret DB_PASSWORD removed')
          for (const hidden of ['lvl-', 'hunter2', 'feat-off', 'secretsmanager', 'parameter/api-token'])
            expect(out + diff.result.summary).not.toContain(hidden)
          expect(diff.result.outputs['previous-task-definition-arn']).toBe(v2)
          expect(diff.result.outputs['task-definition-arn']).toBe(v3)
        })

        const named = await act(svc, { command: 'diff', from: '1', to: '4' }, { runId: 706 })
        await explained([named.result], () => {
          expect(named.result.code).toBe(0)
          expect(named.result.stdout).toContain('What changed, web:1 → web:4:')
          expect(named.result.stdout).toContain('app: environment LOG_LEVEL added')
        })
      })
    }
  )
})
