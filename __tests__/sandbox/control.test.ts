// Fault injection, the IAM allow-list and the other /_sandbox/ control endpoints.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateClusterCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  UpdateServiceCommand
} from '@aws-sdk/client-ecs'
import { DescribeListenersCommand, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl } from '../../sandbox/client.js'
import { sandboxClients } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 200, seed: 5 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

type Failure = { name: string; $fault?: string; $metadata?: { httpStatusCode?: number }; message: string }
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Failure) => e
  )

describe('fault injection', () => {
  it('answers 500 and 503 errors the SDK treats as server faults', async () => {
    const { ecs } = sandboxClients(sandbox.url)
    await control.addFault({ operation: 'DescribeClusters', error: 'InternalError', count: 1 })
    await control.addFault({ operation: 'ecs:DescribeClusters', error: 'ServiceUnavailable', count: 1 })
    const first = await fail(ecs.send(new DescribeClustersCommand({})))
    expect(first).toMatchObject({
      name: 'InternalError',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 }
    })
    const second = await fail(ecs.send(new DescribeClustersCommand({})))
    expect(second).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } })
    expect(await fail(ecs.send(new DescribeClustersCommand({})))).toBeUndefined()
    expect(await control.faults()).toEqual([])
  })

  it('throttles by probability, per service, and adds latency', async () => {
    const { ecs, elb } = sandboxClients(sandbox.url)
    await control.addFault({ service: 'elbv2', error: 'ThrottlingException', rate: 1 })
    await control.addFault({ service: 'ecs', error: 'ThrottlingException', rate: 0 })
    const throttled = await fail(elb.send(new DescribeListenersCommand({ ListenerArns: ['arn:x'] })))
    // ELBv2's throttling code is `Throttling`, which the SDK backs off from like ThrottlingException.
    expect(throttled).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 }
    })
    expect(await fail(ecs.send(new DescribeClustersCommand({})))).toBeUndefined()
    await control.clearFaults()
    await control.addFault({ operation: 'DescribeClusters', latencyMs: 300 })
    const started = Date.now()
    await ecs.send(new DescribeClustersCommand({}))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(await control.faults()).toHaveLength(1)
  })

  it('rejects malformed faults', async () => {
    await expect(control.addFault({ rate: 2, error: 'ThrottlingException' })).rejects.toThrow(/400/)
    await expect(control.addFault({ operation: 'DescribeServices' })).rejects.toThrow(/needs an error/)
  })
})

describe('the allow-list', () => {
  it('denies operations outside it as IAM would, and records the denials', async () => {
    const { ecs, elb, cw } = sandboxClients(sandbox.url)
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    await control.setAllow(['ecs:Describe*', 'elasticloadbalancing:DescribeListeners'])
    expect(await control.allow()).toEqual({
      operations: ['ecs:Describe*', 'elasticloadbalancing:DescribeListeners']
    })
    expect(
      await fail(ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] })))
    ).toBeUndefined()
    const denied = await fail(
      ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', desiredCount: 1 }))
    )
    expect(denied).toMatchObject({
      name: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: ecs:UpdateService on resource: ' +
        'arn:aws:ecs:us-east-1:123456789012:service/prod/web because no identity-based policy allows the ecs:UpdateService action'
    })
    const elbDenied = await fail(elb.send(new ModifyListenerCommand({ ListenerArn: 'arn:l' })))
    expect(elbDenied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
    expect(elbDenied!.message).toContain('elasticloadbalancing:ModifyListener on resource: arn:l')
    // CloudWatch is query-compatible: the SDK names the error after its query code.
    expect(await fail(cw.send(new DescribeAlarmsCommand({})))).toMatchObject({ name: 'AccessDenied' })
    const calls = await control.calls()
    expect(calls.filter(c => !c.ok).map(c => [c.operation, c.error, c.mutating])).toEqual([
      ['UpdateService', 'AccessDeniedException', true],
      ['ModifyListener', 'AccessDenied', true],
      ['DescribeAlarms', 'AccessDeniedException', false]
    ])
    await control.setAllow(null)
    expect(await fail(cw.send(new DescribeAlarmsCommand({})))).toBeUndefined()
    await expect(control.setAllow(['UpdateService'])).rejects.toThrow(/400/)
  })

  it('starts from the allowOperations option and returns to it on reset', async () => {
    const limited = await startSandbox({ allowOperations: ['ecs:CreateCluster'] })
    try {
      const { ecs } = sandboxClients(limited.url)
      await ecs.send(new CreateClusterCommand({ clusterName: 'a' }))
      expect(await fail(ecs.send(new DescribeClustersCommand({})))).toMatchObject({
        name: 'AccessDeniedException'
      })
      const c = new SandboxControl(limited.url)
      await c.setAllow(null)
      await c.reset()
      expect(await c.allow()).toEqual({ operations: ['ecs:CreateCluster'] })
    } finally {
      await limited.close()
    }
  })
})

describe('other control endpoints', () => {
  it('notes in the call log how many services or alarm names a describe asked for', async () => {
    const { ecs, cw } = sandboxClients(sandbox.url)
    await control.clearCalls()
    await fail(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['a', 'b', 'c'] })))
    await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['x', 'y'] }))
    await ecs.send(new DescribeClustersCommand({}))
    expect((await control.calls()).map(c => [c.operation, c.asked])).toEqual([
      ['DescribeServices', 3],
      ['DescribeAlarms', 2],
      ['DescribeClusters', undefined]
    ])
  })

  it('clears calls, changes the tick and answers 404 for unknown paths', async () => {
    const { ecs } = sandboxClients(sandbox.url)
    await ecs.send(new DescribeClustersCommand({}))
    expect(await control.calls()).toHaveLength(1)
    await control.clearCalls()
    expect(await control.calls()).toEqual([])
    expect(await control.setTickMs(150)).toEqual({ tickMs: 150 })
    expect(sandbox.state.settings.tickMs).toBe(150)
    await expect(control.setTickMs(1)).rejects.toThrow(/400/)
    expect((await fetch(`${sandbox.url}/_sandbox/nope`)).status).toBe(404)
    expect((await fetch(`${sandbox.url}/_sandbox/journal?cluster=x&service=y`)).status).toBe(404)
    const bad = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: 'not json' })
    expect(bad.status).toBe(400)
  })
})
