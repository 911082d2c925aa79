// wave-gate's decision for one service (checkGate, pure), the retry of concurrent registrations, and the
// outcome of a run over several services (one row each, the worst failing status, the JSON output).

import { describe, expect, it } from '@jest/globals'
import { retryConcurrentRegistration } from '../../src/aws/task-definition.js'
import { servicesOutcome, type ServiceResult } from '../../src/commands/service-runs.js'
import { checkGate } from '../../src/commands/wave-gate.js'
import type { RolloutRecord } from '../../src/record/record.js'

const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const DONE_AT = Date.parse('2026-12-03T10:00:00Z')
const done: RolloutRecord = {
  id: 'r1-1-abc',
  phase: 'Completed',
  outcome: 'succeeded',
  step: 2,
  steps: 2,
  newTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
  plan: {
    strategy: { name: 'all-at-once' },
    traffic: 'replicas',
    stableScale: 'shrink',
    maxSurge: { kind: 'percent', value: 25 },
    maxUnavailable: { kind: 'count', value: 0 },
    bakeMs: 0
  },
  actor: 'ana',
  runUrl: '',
  commit: COMMIT,
  startedAt: DONE_AT - 60_000,
  heartbeat: DONE_AT
}
const min = (m: number) => DONE_AT + m * 60_000

describe('checkGate', () => {
  // [case, record, alarms in ALARM, now, reason (undefined: passes), passes by itself at]
  const table: [
    string,
    RolloutRecord | undefined,
    string[],
    number,
    string | undefined,
    number | undefined
  ][] = [
    ['baked long enough', done, [], min(10), undefined, undefined],
    [
      'not baked long enough: passes at 10:10',
      done,
      [],
      min(4),
      'has baked 4m of 10m since its rollout succeeded',
      min(10)
    ],
    ['an alarm in ALARM', done, ['web-5xx'], min(30), 'gate alarm web-5xx is in ALARM', undefined],
    [
      'never rolled out',
      undefined,
      [],
      min(30),
      'has no ecs-rollout record: it was never rolled out by ecs-rollout',
      undefined
    ],
    [
      'another commit',
      { ...done, commit: 'ffff0000ffff0000' },
      [],
      min(30),
      `has not rolled out commit a1b2c3d4e5f6: its latest rollout (r1-1-abc) is of ffff0000ffff`,
      undefined
    ],
    [
      'still rolling out',
      { ...done, phase: 'Active', stage: 'executing', step: 1, outcome: undefined },
      [],
      min(30),
      'is still rolling out (rollout r1-1-abc, executing at step 1 of 2)',
      undefined
    ],
    [
      'rolled back',
      { ...done, outcome: 'rolled-back', reason: 'alarm web-5xx is in ALARM' },
      [],
      min(30),
      'rollout r1-1-abc ended rolled-back: alarm web-5xx is in ALARM',
      undefined
    ]
  ]
  it.each(table)('%s', (_, record, firing, now, reason, bakedAt) => {
    expect(checkGate(record, firing, { commit: COMMIT, minBakeMs: 10 * 60_000, now })).toEqual({
      ...(reason ? { reason } : {}),
      ...(bakedAt ? { bakedAt } : {})
    })
  })
})

describe('retryConcurrentRegistration', () => {
  const concurrent = Object.assign(
    new Error('Too many concurrent attempts to create a new revision of the specified family.'),
    { name: 'ClientException' }
  )

  it('retries ECS’s refusal of concurrent registrations with full jitter, growing', async () => {
    const waits: number[] = []
    let calls = 0
    const arn = await retryConcurrentRegistration(
      async () => {
        if (++calls < 4) throw concurrent
        return 'web:3'
      },
      async ms => void waits.push(ms),
      () => 0.5
    )
    expect(arn).toBe('web:3')
    expect(waits).toEqual([250, 500, 1000])
  })

  it('gives up after 8 attempts, and never retries another error', async () => {
    let calls = 0
    await expect(
      retryConcurrentRegistration(
        async () => {
          calls++
          throw concurrent
        },
        async () => undefined
      )
    ).rejects.toThrow('Too many concurrent attempts')
    expect(calls).toBe(8)
    calls = 0
    await expect(
      retryConcurrentRegistration(
        async () => {
          calls++
          throw new Error('Invalid container definition')
        },
        async () => undefined
      )
    ).rejects.toThrow('Invalid')
    expect(calls).toBe(1)
  })
})

describe('servicesOutcome', () => {
  const row = (
    service: string,
    wave: number,
    status: string,
    failed: boolean,
    reason?: string
  ): ServiceResult => ({ wave, service, cluster: 'prod', region: 'us-east-1', status, failed, reason })

  it('reports the worst failing status, one row per service per wave, and every service in the JSON', () => {
    const outcome = servicesOutcome(
      'deploy to 3 services',
      [
        row('web', 1, 'succeeded', false),
        row('api', 2, 'rolled-back', true, 'rolled back with its wave: worker failed'),
        row('worker', 2, 'rolled-back', true, 'alarm worker-5xx is in ALARM'),
        row('<db>', 3, 'skipped', false, 'not started')
      ],
      'Later waves did not start: worker failed in wave 2'
    )
    expect(outcome.status).toBe('rolled-back')
    expect(outcome.failure).toBe(
      '2 of 4 services failed; us-east-1/prod/api rolled-back: rolled back with its wave: worker failed; us-east-1/prod/worker rolled-back: alarm worker-5xx is in ALARM; Later waves did not start: worker failed in wave 2'
    )
    expect(
      JSON.parse(outcome.outputs['services-status']!).map(
        (r: { service: string; status: string }) => `${r.service} ${r.status}`
      )
    ).toEqual(['web succeeded', 'api rolled-back', 'worker rolled-back', '<db> skipped'])
    expect(outcome.summary).toContain(
      '<tr><td>1</td><td>prod/web</td><td>us-east-1</td><td>✅ succeeded</td><td>–</td></tr>'
    )
    expect(outcome.summary).toContain('<td>prod/&lt;db&gt;</td>')
    expect(outcome.summary).not.toMatch(/\n\s*\n/)
  })

  it('a status over services that fails none has the worst status and no failure', () => {
    const outcome = servicesOutcome('status on 2 services', [
      row('web', 0, 'succeeded', false),
      row('api', 0, 'paused', false)
    ])
    expect(outcome.status).toBe('paused')
    expect(outcome.failure).toBeUndefined()
    expect(outcome.summary).not.toContain('<th>Wave</th>')
  })
})
