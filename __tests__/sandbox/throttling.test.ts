// Shared limits and bad weather: token buckets per operation category shared by every client of the account,
// answered with throttling errors as each protocol sends them (and as the real SDK retries them); seeded 5xx
// bursts, connection resets after the call took effect, and clock skew.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  ListTagsForResourceCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand
} from '@aws-sdk/client-ecs'
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { REALISM_OFF, realismOn, type RealismSettings } from '../../sandbox/core/realism.js'
import { sandboxClients } from '../../sandbox/fixtures.js'
import { SandboxControl } from '../../sandbox/client.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const T0 = Date.UTC(2026, 11, 2, 12, 0, 0)
let now = T0
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 3_600_000, clock: () => now })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  now = T0
  sandbox.reset(1)
  sandbox.setRealism(REALISM_OFF)
})

const realism = (settings: Partial<RealismSettings>) => sandbox.setRealism({ ...REALISM_OFF, ...settings })
const client = (name: string, options: { maxAttempts?: number } = {}) =>
  new ECSClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId: name, secretAccessKey: name },
    maxAttempts: options.maxAttempts ?? 1
  })
const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (e: Error & { $metadata?: { httpStatusCode?: number } }) =>
      `${e.name} ${e.$metadata?.httpStatusCode ?? ''}`.trim()
  )
const post = (headers: Record<string, string>, body: string) =>
  fetch(sandbox.url, { method: 'POST', headers, body }).then(async r => ({
    status: r.status,
    text: await r.text()
  }))

describe('shared throttling', () => {
  it('is off by default', async () => {
    expect(await new SandboxControl(sandbox.url).realism()).toEqual(REALISM_OFF)
    const ecs = client('a')
    const results = await Promise.all(
      Array.from({ length: 150 }, () => outcome(ecs.send(new ListClustersCommand({}))))
    )
    expect(results.every(r => r === 'ok')).toBe(true)
  })

  it('ECS: one bucket per category for every client of the account, refilled at the documented rate', async () => {
    realism({ throttling: true })
    const [a, b] = [client('alice'), client('bob')]
    // Cluster read: a bucket of 50 refilled at 20 a second, shared by both clients.
    const first = [
      ...(await Promise.all(Array.from({ length: 30 }, () => outcome(a.send(new ListClustersCommand({})))))),
      ...(await Promise.all(
        Array.from({ length: 20 }, () => outcome(b.send(new DescribeClustersCommand({}))))
      ))
    ]
    expect(first.every(r => r === 'ok')).toBe(true)
    expect(await outcome(a.send(new ListClustersCommand({})))).toBe('ThrottlingException 400')
    expect(await outcome(b.send(new DescribeClustersCommand({})))).toBe('ThrottlingException 400')
    // Another category has its own bucket.
    expect(
      await outcome(
        a.send(
          new ListTagsForResourceCommand({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/x' })
        )
      )
    ).not.toBe('ThrottlingException 400')
    now += 1000
    const refill = await Promise.all(
      Array.from({ length: 21 }, () => outcome(a.send(new ListClustersCommand({}))))
    )
    expect(refill.filter(r => r === 'ok')).toHaveLength(20)
  })

  it('answers as AWS does on each protocol', async () => {
    realism({
      throttling: true,
      rates: {
        'ecs:ListClusters': { burst: 1, perSecond: 0 },
        'cloudwatch:DescribeAlarms': { burst: 1, perSecond: 0 },
        'elbv2:DescribeLoadBalancers': { burst: 1, perSecond: 0 }
      }
    })
    const ecs = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters'
    }
    expect((await post(ecs, '{}')).status).toBe(200)
    const ecsThrottled = await post(ecs, '{}')
    expect(ecsThrottled.status).toBe(400)
    expect(JSON.parse(ecsThrottled.text)).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' })

    const cwJson = {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms',
      'x-amzn-query-mode': 'true'
    }
    expect((await post(cwJson, '{}')).status).toBe(200)
    const cwThrottled = await fetch(sandbox.url, { method: 'POST', headers: cwJson, body: '{}' })
    expect(cwThrottled.status).toBe(400)
    expect(cwThrottled.headers.get('x-amzn-query-error')).toBe('Throttling;Sender')
    const cwQuery = await post(
      { 'content-type': 'application/x-www-form-urlencoded' },
      'Action=DescribeAlarms&Version=2010-08-01'
    )
    expect(cwQuery.status).toBe(400)
    expect(cwQuery.text).toContain('<Code>Throttling</Code>')

    const elbForm = { 'content-type': 'application/x-www-form-urlencoded' }
    const elbBody = 'Action=DescribeLoadBalancers&Version=2015-12-01'
    expect((await post(elbForm, elbBody)).status).toBe(200)
    const elbThrottled = await post(elbForm, elbBody)
    expect(elbThrottled.status).toBe(400)
    expect(elbThrottled.text).toMatch(
      /<Error><Type>Sender<\/Type><Code>Throttling<\/Code><Message>Rate exceeded<\/Message>/
    )

    // The real SDK clients name it as AWS's own answers make them do.
    const clients = sandboxClients(sandbox.url)
    expect(await outcome(clients.cw.send(new DescribeAlarmsCommand({})))).toMatch(/^Throttling/)
    expect(await outcome(clients.elb.send(new DescribeLoadBalancersCommand({})))).toBe('Throttling 400')
  })

  it('the real SDK retries a throttle: one attempt fails, three attempts are spent on it', async () => {
    realism({ throttling: true, rates: { 'ecs:ListClusters': { burst: 1, perSecond: 0 } } })
    expect(await outcome(client('a').send(new ListClustersCommand({})))).toBe('ok')
    const once = await client('a')
      .send(new ListClustersCommand({}))
      .catch((e: Error & { $metadata: { attempts?: number } }) => e)
    expect(once).toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 1 } })
    const retried = await client('a', { maxAttempts: 3 })
      .send(new ListClustersCommand({}))
      .catch((e: Error & { $metadata: { attempts?: number } }) => e)
    expect(retried).toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 3 } })
  })
})

describe('the SDK’s adaptive retry recovers from shared throttling', () => {
  it('every call of a burst too big for the bucket succeeds in the end, some after a throttle', async () => {
    // Real time here: the bucket refills while the SDK backs off.
    const live = await startSandbox({
      tickMs: 1000,
      seed: 3,
      realism: {
        ...REALISM_OFF,
        throttling: true,
        rates: { 'ecs:ListClusters': { burst: 2, perSecond: 10 } }
      }
    })
    try {
      const ecs = new ECSClient({
        endpoint: live.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'a' },
        retryMode: 'adaptive',
        maxAttempts: 10
      })
      const results = await Promise.all(
        Array.from({ length: 8 }, () => outcome(ecs.send(new ListClustersCommand({}))))
      )
      expect(results).toEqual(Array(8).fill('ok'))
      const calls = await new SandboxControl(live.url).calls()
      expect(calls.filter(c => c.error === 'ThrottlingException').length).toBeGreaterThan(0)
    } finally {
      await live.close()
    }
  })
})

describe('5xx bursts', () => {
  /** Call ListClusters every 100 ms of virtual time for a minute; the offsets of the calls that failed. */
  async function failures(seed: number): Promise<number[]> {
    sandbox.reset(seed)
    realism({ burstEveryMs: 15_000, burstMs: 2000, burstFailRate: 0.8 })
    const ecs = client('a')
    const failed: number[] = []
    for (let t = 0; t < 60_000; t += 100) {
      now = T0 + t
      const result = await outcome(ecs.send(new ListClustersCommand({})))
      if (result !== 'ok') {
        expect(result).toBe('ServerException 500')
        failed.push(t)
      }
    }
    return failed
  }

  it('come at seeded times, last at most burstMs and fail a share of the calls within them', async () => {
    const failed = await failures(5)
    expect(failed.length).toBeGreaterThan(5)
    // Failures cluster in windows of at most 2 s: between consecutive failures either < 2 s or a gap of calm.
    const windows: number[][] = []
    for (const t of failed) {
      const open = windows[windows.length - 1]
      if (open && t - open[0] < 2000) open.push(t)
      else windows.push([t])
    }
    expect(windows.length).toBeLessThan(failed.length)
    expect(await failures(5)).toEqual(failed)
    expect(await failures(6)).not.toEqual(failed)
  })
})

describe('connection resets', () => {
  it('drop the answer after the call took effect, at seeded calls', async () => {
    realism({ resetRate: 1 })
    const ecs = client('a')
    const cluster = await ecs
      .send(new CreateClusterCommand({ clusterName: 'c' }))
      .catch((e: Error & { code?: string }) => e)
    expect(cluster).toBeInstanceOf(Error)
    expect(String((cluster as Error & { code?: string }).code ?? (cluster as Error).message)).toMatch(
      /ECONNRESET|socket hang up/
    )
    realism({})
    // The write happened although its answer never came.
    const out = await ecs.send(new DescribeClustersCommand({ clusters: ['c'] }))
    expect(out.clusters?.[0]?.status).toBe('ACTIVE')

    const pattern = async (seed: number) => {
      sandbox.reset(seed)
      realism({ resetRate: 0.5 })
      const results: string[] = []
      for (let i = 0; i < 30; i++)
        results.push(
          await outcome(
            ecs.send(
              new TagResourceCommand({
                resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/none',
                tags: []
              })
            )
          )
        )
      return results.map(r => (r.startsWith('ClusterNotFound') || r === 'ok' ? '.' : 'R')).join('')
    }
    const first = await pattern(8)
    expect(first).toContain('R')
    expect(first).toContain('.')
    expect(await pattern(8)).toBe(first)
  })
})

describe('clock skew', () => {
  it('AWS timestamps and the Date header are off from the runner’s clock by the skew', async () => {
    realism({ skewMs: 4000 })
    const out = await client('a').send(
      new RegisterTaskDefinitionCommand({
        family: 'f',
        containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }]
      })
    )
    expect(out.taskDefinition!.registeredAt!.getTime()).toBe(T0 + 4000)
    const res = await fetch(sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters'
      },
      body: '{}'
    })
    expect(new Date(res.headers.get('date')!).getTime()).toBe(T0 + 4000)
  })

  it('is drawn from the seed when realism is switched on with the defaults', () => {
    const skews = [1, 2, 3, 4].map(seed => realismOn(seed).skewMs)
    expect(realismOn(1).skewMs).toBe(skews[0])
    expect(new Set(skews).size).toBeGreaterThan(1)
    for (const skew of skews) expect(Math.abs(skew)).toBeLessThanOrEqual(2000)
  })
})
