// The reads the rollouts of a services run share (src/aws/shared-reads.ts, services-batch.ts, alarm-gates.ts):
// asks of one turn sent together, 10 services (100 alarm names) a call, a failure kept to the services it
// concerns, and a look answered by a read another look sent only when it suits it (its freshness).

import { describe, expect, it } from '@jest/globals'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { AlarmGates, alarmReads } from '../../../src/aws/alarm-gates.js'
import { describeService, describeServiceRead, sharedService } from '../../../src/aws/service.js'
import { describeServiceTags, serviceReads } from '../../../src/aws/services-batch.js'
import type { RunReads } from '../../../src/aws/shared-reads.js'
import { awsError, fakeClient } from '../../helpers/fake-client.js'
import { FakeClock } from '../../helpers/fake-world.js'

const ARN = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`
const POLL_MS = 2000

function world(o: { failing?: string } = {}) {
  const clock = new FakeClock()
  const ecs = fakeClient<ECSClient>({
    DescribeServices: (input: { services: string[] }) => {
      if (o.failing && input.services.includes(o.failing)) throw awsError('ThrottlingException')
      return {
        services: input.services
          .filter(s => s !== 'gone')
          .map(s => ({ serviceName: s, serviceArn: ARN(s), status: 'ACTIVE', desiredCount: 4 })),
        failures: input.services.filter(s => s === 'gone').map(s => ({ arn: ARN(s), reason: 'MISSING' }))
      }
    }
  })
  const reads = serviceReads(ecs.client, 'prod', clock)
  const shared = { services: () => reads } as unknown as RunReads
  const look = (name: string, maxAgeMs = POLL_MS) => sharedService(shared, 'prod', name, maxAgeMs)!
  /** Services asked for by each DescribeServices, in order. */
  const asked = () => ecs.calls.map(c => c.input.services as string[])
  return { clock, ecs: ecs.client, calls: ecs.calls, reads, look, asked }
}

const names = (n: number, prefix = 'svc') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)

describe('shared reads of services', () => {
  it('sends the looks asked in one turn together, 10 services a call, each answered with its own', async () => {
    const { ecs, look, asked, calls } = world()
    const all = names(25)
    const found = await Promise.all(all.map(name => describeService(ecs, 'prod', name, look(name, 0))))
    expect(asked().map(a => a.length)).toEqual([10, 10, 5])
    expect(asked().flat().sort()).toEqual([...all].sort())
    expect(found.map(s => s.serviceName)).toEqual(all)
    expect(calls[0].input).toMatchObject({ cluster: 'prod', include: ['TAGS'] })
  })

  it('fails only the look of a service that ECS reports in failures[]', async () => {
    const { ecs, look, asked } = world()
    const results = await Promise.allSettled(
      ['web', 'gone', 'worker'].map(name => describeService(ecs, 'prod', name, look(name)))
    )
    expect(asked()).toEqual([['web', 'gone', 'worker']])
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason.message).toBe(
      'service "gone" was not found in cluster "prod"'
    )
  })

  it('fails only the looks of the call that failed', async () => {
    const { ecs, look, asked } = world({ failing: 'svc-12' })
    const all = names(15)
    const results = await Promise.allSettled(all.map(name => describeService(ecs, 'prod', name, look(name))))
    expect(asked().map(a => a.length)).toEqual([10, 5])
    expect(results.slice(0, 10).every(r => r.status === 'fulfilled')).toBe(true)
    expect(results.slice(10).map(r => r.status)).toEqual(Array(5).fill('rejected'))
    expect((results[10] as PromiseRejectedResult).reason.name).toBe('ThrottlingException')
  })

  it('fills a call with the other services asked for lately, the longest unread first', async () => {
    const { clock, ecs, look, asked } = world()
    const all = names(12)
    await Promise.all(all.map(name => describeService(ecs, 'prod', name, look(name, 0))))
    clock.t += 500
    // Five asked: the call's room takes the next five of the twelve (all read as long ago).
    await Promise.all(all.slice(0, 5).map(name => describeService(ecs, 'prod', name, look(name, 0))))
    expect(asked()[2]).toEqual(names(10))
    clock.t += 100
    // svc-11 and svc-12 are now the longest unread: they go first into the room beside svc-1.
    await describeService(ecs, 'prod', 'svc-1', look('svc-1', 0))
    expect(asked()[3]).toHaveLength(10)
    expect(asked()[3].slice(0, 3)).toEqual(['svc-1', 'svc-11', 'svc-12'])
  })

  it('takes a read another look sent when it is newer than its last and within its poll-interval, and says when it was sent', async () => {
    const { clock, ecs, look, asked } = world()
    const web = look('web')
    const worker = look('worker')
    const t0 = clock.t
    await Promise.all([web, worker].map(s => describeServiceRead(ecs, 'prod', s.read.keys[0], s)))
    clock.t += 1500
    // web's next look sends a read; it carries worker too.
    expect((await describeServiceRead(ecs, 'prod', 'web', web)).at).toBe(t0 + 1500)
    clock.t += 400
    // worker's look, 1.9 s after its last: the read web's look sent 0.4 s ago answers it.
    expect((await describeServiceRead(ecs, 'prod', 'worker', worker)).at).toBe(t0 + 1500)
    expect(asked()).toEqual([
      ['web', 'worker'],
      ['web', 'worker']
    ])
    // The same read is never taken twice: worker's next look sends one.
    clock.t += 2000
    expect((await describeServiceRead(ecs, 'prod', 'worker', worker)).at).toBe(t0 + 3900)
    // web's last read (at 1.5 s) is 2.4 s old: older than its poll-interval, so the 3.9 s read answers it.
    expect((await describeServiceRead(ecs, 'prod', 'web', web)).at).toBe(t0 + 3900)
    expect(asked()).toHaveLength(3)
    // A read older than the asker accepts is not taken: 2.1 s on, with a poll-interval of 2 s.
    clock.t += 2100
    const other = look('web')
    expect((await describeServiceRead(ecs, 'prod', 'web', other)).at).toBe(t0 + 6000)
    expect(asked()).toHaveLength(4)
  })

  it('never hands a look a read sent before its own last change to the service', async () => {
    const { clock, ecs, look, asked } = world()
    const web = look('web')
    const worker = look('worker')
    await Promise.all([web, worker].map(s => describeService(ecs, 'prod', s.read.keys[0], s)))
    clock.t += 500
    await describeService(ecs, 'prod', 'web', web)
    clock.t += 100
    worker.read.wrote()
    clock.t += 100
    // The read of 0.5 s (web's, which carried worker) predates worker's write.
    const { at } = await describeServiceRead(ecs, 'prod', 'worker', worker)
    expect(at).toBe(clock.t)
    expect(asked()).toHaveLength(3)
  })

  it('in a run of one service, sends every look at once, as a look of its own', async () => {
    const { clock, ecs, look, asked } = world()
    const web = look('web')
    for (let i = 0; i < 4; i++) {
      const t = clock.t
      // No timer: the fake clock does not move while the read is sent and answered.
      expect((await describeServiceRead(ecs, 'prod', 'web', web)).at).toBe(t)
      clock.t += POLL_MS
    }
    expect(asked()).toEqual(Array(4).fill(['web']))
  })

  it('wave-gate: every service of a cluster in ⌈n / 10⌉ calls, a missing one named', async () => {
    const { reads, asked } = world()
    const found = await describeServiceTags(reads, 'prod', [...names(19), 'gone'])
    expect(asked().map(a => a.length)).toEqual([10, 10])
    expect(found.get('gone')).toEqual({ missing: 'service "gone" was not found in cluster "prod"' })
    expect(found.get('svc-3')).toEqual({ tags: {} })
  })
})

describe('shared reads of alarms', () => {
  function alarmWorld() {
    const clock = new FakeClock()
    const cw = fakeClient<CloudWatchClient>({
      DescribeAlarms: (input: { AlarmNames: string[] }) => ({
        MetricAlarms: input.AlarmNames.filter(n => !n.startsWith('nope')).map(AlarmName => ({
          AlarmName,
          StateValue: AlarmName === 'worker-5xx' ? 'ALARM' : 'OK'
        }))
      })
    })
    const reads = alarmReads(cw.client, clock)
    const gates = (alarms: string[]) =>
      new AlarmGates({ cloudwatch: cw.client, alarms, warningAlarms: [], reads, maxAgeMs: POLL_MS })
    return { clock, calls: cw.calls, gates }
  }

  it("reads every service's gate alarms in one DescribeAlarms, 100 names a call", async () => {
    const { calls, gates } = alarmWorld()
    const services = [gates(['web-5xx', 'web-p99']), gates(['worker-5xx']), gates(names(120, 'batch'))]
    const readings = await Promise.all(services.map(g => g.read()))
    expect(calls.map(c => c.input.AlarmNames.length)).toEqual([100, 23])
    expect(calls[0].input).toMatchObject({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], MaxRecords: 100 })
    expect(readings[1].alarms).toMatchObject([{ name: 'worker-5xx', state: 'ALARM' }])
    expect(readings[0].alarms.map(a => a.state)).toEqual(['OK', 'OK'])
  })

  it('a poll takes the read another service sent within its poll-interval; missing alarms are checked now', async () => {
    const { clock, calls, gates } = alarmWorld()
    const web = gates(['web-5xx'])
    const worker = gates(['worker-5xx', 'nope-1'])
    await Promise.all([web.read(), worker.read()])
    clock.t += 1000
    expect((await web.read()).readAt).toBe(clock.t)
    clock.t += 500
    expect((await worker.read()).readAt).toBe(clock.t - 500)
    expect(calls).toHaveLength(2)
    expect(await worker.missing()).toEqual(['nope-1'])
    expect(calls).toHaveLength(3)
  })

  it('gates of their own (a run of one service) read their alarms at every poll', async () => {
    const cw = fakeClient<CloudWatchClient>({ DescribeAlarms: () => ({ MetricAlarms: [] }) })
    const own = new AlarmGates({
      cloudwatch: cw.client,
      alarms: ['web-5xx'],
      warningAlarms: [],
      maxAgeMs: POLL_MS
    })
    await own.read()
    await own.read()
    expect(cw.calls.map(c => c.input.AlarmNames)).toEqual([['web-5xx'], ['web-5xx']])
  })
})
