// command: deploy end to end, failed gates: dist/index.js as a subprocess against an in-process sandbox (one per
// test, run concurrently). Each rollback ends with one PRIMARY task set on the previous revision at its full
// count, status=rolled-back and a non-zero exit, a reason and a summary that say why, and the journal shows no
// moment below the plan's floor of healthy tasks.

import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { describe, expect, it } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import {
  ALARM,
  deploy,
  expectFloorKept,
  expectEnded,
  expectSettledOn,
  explained,
  MANUAL_ALARM,
  revision,
  setAlarm,
  taskSets,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'

function expectRolledBack(e2e: Scene, run: RunResult, next: string): void {
  expectEnded(e2e, run, 'rolled-back', next)
  expect(run.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
  expect(run.summary).toContain('so web went back to web:1')
  expect(run.summary).not.toMatch(/succeeded/i)
  expect(run.stdout).toContain('↩️ Rolled back to web:1')
  expect(run.stdout).toContain('::error::Rolled back: ')
}

describe('dist/index.js command: deploy on task sets, rollbacks', () => {
  it.concurrent('an alarm that fires partway through a linear rollout rolls it back', async () => {
    // 100 requests/s, half of the new revision's answered 5xx; the alarm fires above 20 per 1 s period. At step 1
    // (25 %, 20 % during its surge) that is 10–13 a second; from step 2 (40–50 %) 20–25: it fires in step 2.
    await withScene({ threshold: 20 }, async e2e => {
      const next = await revision(e2e, { SANDBOX_ERROR_RATE: '0.5' })
      const { result, startedAt } = await deploy(e2e, {
        'task-definition': next,
        strategy: 'linear',
        'step-percent': '25',
        'step-bake-time': '2s',
        // The alarm is the subject here: the built-in metric check would catch this revision first.
        'metric-checks': 'false'
      })
      await explained(result, async () => {
        expectRolledBack(e2e, result, next)
        expect(result.outputs.reason).toMatch(
          /^alarm web-5xx went into ALARM at \S+Z: Threshold Crossed: 1 out of the last 1 datapoints \[[\d.]+ \(.+\)\] was greater than the threshold \(20\.0\)/
        )
        expect(result.summary).toContain('Alarm web-5xx went into ALARM during step 2 of 4 (50%)')
        expect(result.summary).toContain('<h3>Why it rolled back</h3>')
        expect(result.summary).toMatch(
          /<b>State reason:<\/b> Threshold Crossed: 1 out of the last 1 datapoints/
        )
        expect(result.summary).toMatch(/<tr><td>1<\/td><td>25%<\/td>.*✅ passed<\/td><\/tr>/)
        expect(result.summary).toMatch(/<tr><td>2<\/td><td>50%<\/td>.*⛔ failed: alarm <a [^>]+>web-5xx<\/a>/)
        expect(result.summary).toMatch(/<tr><td>3<\/td><td>75%<\/td>.*skipped<\/td><\/tr>/)
        expect(result.stdout).toContain('::group::Rolling back to web:1: alarm web-5xx went into ALARM')
        await expectSettledOn(e2e, e2e.previous)
        await expectFloorKept(e2e, startedAt, 4)
      })
    })
  })

  it.concurrent(
    'a crash-looping new revision trips the circuit breaker: rolled back, stopped reasons reported',
    async () => {
      await withScene({}, async e2e => {
        const next = await revision(e2e, { SANDBOX_CRASH: 'on-start' })
        const { result, startedAt } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '25',
          'canary-bake-time': '2s'
        })
        await explained(result, async () => {
          expectRolledBack(e2e, result, next)
          // ECS's rule for 4 tasks: 3 failures trip it.
          expect(result.outputs.reason).toMatch(
            /^[3-9] new tasks stopped or failed health checks \(max-failed-tasks: 3\): Essential container in task exited/
          )
          expect(result.summary).toContain('Essential container in task exited')
          expect(result.summary).toMatch(/exited with code 1/)
          expect(result.summary).toContain('step 1 of 2')
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )

  it.concurrent('a step that never becomes stable times out after step-timeout and rolls back', async () => {
    // Tasks that take a minute to start: the first step cannot be stable within 3 s.
    await withScene({}, async e2e => {
      const next = await revision(e2e, { SANDBOX_START_SECONDS: '60' })
      const { result, startedAt } = await deploy(e2e, {
        'task-definition': next,
        strategy: 'linear',
        'step-percent': '50',
        'step-bake-time': '1s',
        'step-timeout': '3s'
      })
      await explained(result, async () => {
        expectRolledBack(e2e, result, next)
        expect(result.outputs.reason).toBe('step 1 did not become stable within step-timeout (3s)')
        expect(result.summary).toContain('step-timeout')
        expect(result.summary).toContain('step 1 of 2')
        await expectSettledOn(e2e, e2e.previous)
        await expectFloorKept(e2e, startedAt, 4)
      })
    })
  })

  it.concurrent(
    'an alarm during the bake after promotion rolls back to the old task set, kept through bake-time',
    async () => {
      // MANUAL_ALARM is moved by SetAlarmState only (see its definition): the test fires it the moment the new
      // task set has become PRIMARY, i.e. during bake-time, while the old task set is still there at scale 0.
      await withScene({ manualAlarm: true }, async e2e => {
        const next = await revision(e2e)
        const running = deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '50',
          'step-bake-time': '1s',
          'bake-time': '6s',
          alarms: `${ALARM},${MANUAL_ALARM}`
        })
        const reason = 'Threshold Crossed: checkout errors after promotion (set by the test)'
        const fired = waitFor(
          'the new task set to become PRIMARY',
          async () => (await taskSets(e2e)).some(s => s.status === 'PRIMARY' && s.taskDefinition === next),
          { timeoutMs: 45_000, intervalMs: 100 }
        ).then(() => setAlarm(e2e, MANUAL_ALARM, reason))
        const [{ result, startedAt }] = await Promise.all([running, fired])
        await explained(result, async () => {
          expectRolledBack(e2e, result, next)
          expect(result.outputs.reason).toMatch(/^alarm web-manual went into ALARM at \S+Z: /)
          expect(result.outputs.reason).toContain(reason)
          expect(result.summary).toContain(`Alarm web-manual went into ALARM during the final`)
          expect(result.summary).toContain(reason)
          expect(result.stdout).toContain('web:2 is now the primary task set')
          expect(result.stdout).not.toContain('web:1 retired')
          // The old task set, at scale 0 after the last step, grows back before the new one shrinks.
          expect(result.stdout).toMatch(/scaling to new 4, stable 1\n[\s\S]*scaling to new 0, stable 4\n/)
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )

  it.concurrent(
    'an alarm already firing refuses the run before any change: exit 1, zero mutating calls',
    async () => {
      // The running revision already answers half its requests with 5xx: the alarm is in ALARM before the run.
      await withScene({ env: { SANDBOX_START_SECONDS: '0.5', SANDBOX_ERROR_RATE: '0.5' } }, async e2e => {
        const next = await revision(e2e)
        await waitFor(
          'the alarm to fire',
          async () => {
            const out = await e2e.clients.cw.send(new DescribeAlarmsCommand({ AlarmNames: [ALARM] }))
            return out.MetricAlarms?.[0]?.StateValue === 'ALARM'
          },
          { timeoutMs: 10_000 }
        )
        await e2e.control.clearCalls()
        const before = await taskSets(e2e)
        const { result, startedAt } = await deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '50'
        })
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('failed')
          expect(result.outputs.reason).toMatch(
            /^alarm web-5xx is already in ALARM since \S+Z: Threshold Crossed: .*: nothing was changed\. Fix the cause, or set on-alarm-at-start: wait or ignore$/
          )
          expect(result.summary).toContain('<h2>❌ The action failed</h2>')
          expect(result.summary).toContain('alarm web-5xx is already in ALARM')
          expect(result.summary).toContain('Threshold Crossed')
          expect(result.summary).toContain('nothing was changed')
          const calls = await e2e.control.calls()
          expect(calls.length).toBeGreaterThan(0)
          expect(calls.filter(c => c.mutating)).toEqual([])
          expect(await taskSets(e2e)).toEqual(before)
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )
})
