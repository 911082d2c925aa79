// Retries, end to end: the SDK clients retry adaptively with bounded attempts, and the engine retries what
// still fails after them. A transient API failure during a step neither fails the rollout nor skips a gate; a
// persistent one ends it safely, rolled back or paused as on-failure says, with the API error in the reason.
// dist/index.js against an in-process sandbox whose faults (POST /_sandbox/faults) play AWS failing.

import { describe, expect, it } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import { CLIENT_OPTIONS } from '../../src/aws/client-options.js'
import { createClients, MAX_ATTEMPTS } from '../../src/aws/clients.js'
import {
  ALARM,
  deploy,
  expectFloorKept,
  expectSettledOn,
  explained,
  MANUAL_ALARM,
  record as recordOf,
  revision,
  setAlarm,
  taskSets,
  withScene,
  type Scene
} from '../helpers/scene.js'

const LINEAR = {
  strategy: 'linear',
  'step-percent': '50',
  'step-bake-time': '2s',
  alarms: `${ALARM},${MANUAL_ALARM}`
}

/** Resolves once the rollout has created the new revision's task set: the rollout is under way. */
function started(e2e: Scene, next: string): Promise<unknown> {
  return waitFor('the new task set', async () => (await taskSets(e2e)).some(s => s.taskDefinition === next), {
    timeoutMs: 20_000,
    intervalMs: 100
  })
}

describe('retries', () => {
  it('the clients retry adaptively, with bounded attempts', async () => {
    // The CloudWatch and ELBv2 clients are built from the same options at their first call (the next test has
    // CloudWatch absorb failures).
    expect(CLIENT_OPTIONS).toMatchObject({ retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS })
    const { ecs } = createClients()
    const strategy = (await ecs.config.retryStrategy()) as { mode?: string }
    expect(strategy.mode).toBe('adaptive')
    expect(await ecs.config.maxAttempts()).toBe(MAX_ATTEMPTS)
    ecs.destroy()
  })

  it.concurrent('transient failures of reads, moves and the promotion: the rollout succeeds', async () => {
    await withScene({ manualAlarm: true }, async e2e => {
      const next = await revision(e2e)
      // Each fault hits the next calls of its operation: fewer than MAX_ATTEMPTS are absorbed by the SDK;
      // UpdateServicePrimaryTaskSet fails 7 times, so one promotion fails outright and the engine retries it.
      for (const fault of [
        { operation: 'ecs:DescribeServices', error: 'ServiceUnavailable', count: 3 },
        { operation: 'ecs:UpdateTaskSet', error: 'ThrottlingException', count: 4 },
        { operation: 'cloudwatch:DescribeAlarms', error: 'InternalServiceError', count: 3 },
        { operation: 'ecs:UpdateServicePrimaryTaskSet', error: 'ServerException', count: MAX_ATTEMPTS + 2 },
        { operation: 'ecs:TagResource', error: 'ThrottlingException', count: 2 }
      ])
        await e2e.control.addFault(fault)
      const since = Date.now()
      const { result, startedAt } = await deploy(e2e, { 'task-definition': next, ...LINEAR })
      await explained(result, async () => {
        expect(result.code).toBe(0)
        expect(result.outputs.status).toBe('succeeded')
        expect(result.stdout).toMatch(/Could not promote \(ServerException: .*\); trying again/)
        const failed = (await e2e.control.calls(since)).filter(c => !c.ok)
        expect(new Set(failed.map(c => c.operation))).toEqual(
          new Set([
            'DescribeServices',
            'UpdateTaskSet',
            'DescribeAlarms',
            'UpdateServicePrimaryTaskSet',
            'TagResource'
          ])
        )
        expect(await e2e.control.faults()).toEqual([])
        await expectSettledOn(e2e, next)
        await expectFloorKept(e2e, startedAt, 4)
      })
    })
  })

  it.concurrent(
    'a gate read that fails is read again, not skipped: the alarm firing meanwhile rolls back',
    async () => {
      await withScene({ manualAlarm: true }, async e2e => {
        const next = await revision(e2e)
        const running = deploy(e2e, { 'task-definition': next, ...LINEAR, 'step-bake-time': '4s' })
        // Once the rollout is under way, the alarm fires while the next gate reads fail (one outright).
        await started(e2e, next)
        await e2e.control.addFault({
          operation: 'cloudwatch:DescribeAlarms',
          error: 'Throttling',
          count: MAX_ATTEMPTS + 1
        })
        await setAlarm(e2e, MANUAL_ALARM, 'Threshold Crossed: set by the test while reads failed')
        const { result, startedAt } = await running
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('rolled-back')
          expect(result.outputs.reason).toMatch(
            /^alarm web-manual went into ALARM at \S+: Threshold Crossed: set by the test/
          )
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )

  it.concurrent(
    'gates that stay unreadable roll the rollout back, with the API error in the reason',
    async () => {
      await withScene({}, async e2e => {
        const next = await revision(e2e)
        const running = deploy(e2e, { 'task-definition': next, ...LINEAR, alarms: ALARM })
        await started(e2e, next)
        await e2e.control.addFault({ operation: 'cloudwatch:DescribeAlarms', error: 'InternalServiceError' })
        const { result, startedAt } = await running
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('rolled-back')
          expect(result.outputs.reason).toMatch(/^AWS kept failing: InternalService\w+: /)
          expect(result.summary).toMatch(/AWS kept failing: InternalService\w+/)
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )

  it.concurrent('with on-failure: pause, unreadable gates pause it instead, where it stands', async () => {
    await withScene({}, async e2e => {
      const next = await revision(e2e)
      const running = deploy(e2e, {
        'task-definition': next,
        ...LINEAR,
        alarms: ALARM,
        'on-failure': 'pause'
      })
      await started(e2e, next)
      await e2e.control.addFault({ operation: 'cloudwatch:DescribeAlarms', error: 'InternalServiceError' })
      const { result } = await running
      await explained(result, async () => {
        expect(result.code).toBe(1)
        expect(result.outputs.status).toBe('paused')
        expect(result.outputs.reason).toMatch(/^AWS kept failing: InternalService\w+: /)
        const record = await recordOf(e2e)
        expect({ phase: record?.phase, stage: record?.stage }).toEqual({ phase: 'Active', stage: 'paused' })
        expect(record?.reason).toMatch(/AWS kept failing: InternalService\w+/)
        // Nothing was rolled back: both task sets are still there.
        expect((await taskSets(e2e)).map(s => s.taskDefinition).sort()).toEqual([e2e.previous, next].sort())
      })
    })
  })

  it.concurrent(
    'a move that keeps failing rolls back by the moves that still work, naming the error',
    async () => {
      await withScene({}, async e2e => {
        const next = await revision(e2e)
        // The promotion can never happen; the rollback does not need it.
        await e2e.control.addFault({ operation: 'ecs:UpdateServicePrimaryTaskSet', error: 'ServerException' })
        const { result, startedAt } = await deploy(e2e, { 'task-definition': next, ...LINEAR, alarms: ALARM })
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('rolled-back')
          expect(result.outputs.reason).toMatch(/^AWS kept failing: ServerException: /)
          await expectSettledOn(e2e, e2e.previous)
          await expectFloorKept(e2e, startedAt, 4)
        })
      })
    }
  )
})
