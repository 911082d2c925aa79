// Several regions served at once: the region of each request's SigV4 credential scope picks which resources it
// sees, so a run that rolls services of two regions out is tested end to end in one sandbox process. The same
// names in two regions are independent services, load balancers, alarms and metrics, as in AWS.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeServicesCommand, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs'
import { createScene, registerRevision } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.1' }
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 18 })
})
afterAll(() => sandbox.close())

describe('two regions at once', () => {
  it('keeps the same names in two regions apart: services, revisions, load balancers and alarms', async () => {
    const options = { cluster: 'prod', service: 'web', env: FAST, desiredCount: 1 }
    const alarm = { name: 'web-5xx', threshold: 5, period: 1 }
    const [east, west] = await Promise.all([
      createScene(sandbox.url, { ...options, alarm }),
      createScene(sandbox.url, { ...options, alarm, region: 'eu-west-1' })
    ])
    expect(east.service).toBe('arn:aws:ecs:us-east-1:123456789012:service/prod/web')
    expect(west.service).toBe('arn:aws:ecs:eu-west-1:123456789012:service/prod/web')
    expect(west.loadBalancer).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:/)

    // A new revision in one region is revision 2 there and nowhere else.
    const v2 = await registerRevision(west.clients.ecs, 'web', FAST)
    expect(v2).toBe('arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2')
    const eastRevisions = await east.clients.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))
    expect(eastRevisions.taskDefinitionArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
    ])

    // An alarm set in one region leaves its namesake in the other alone.
    await west.clients.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'west only' })
    )
    const state = async (scene: typeof east) =>
      (await scene.clients.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['web-5xx'] }))).MetricAlarms![0]
    expect((await state(west)).StateValue).toBe('ALARM')
    expect((await state(east)).StateReason).not.toBe('west only')

    // Calls are logged with the region that signed them.
    const calls = sandbox.state.calls.filter(c => c.operation === 'RegisterTaskDefinition')
    expect(calls.map(c => c.region).sort()).toEqual(['eu-west-1', 'eu-west-1', 'us-east-1'])
    const described = await east.clients.ecs.send(
      new DescribeServicesCommand({ cluster: 'prod', services: [west.service] })
    )
    expect(described.failures?.[0]?.reason).toBe('MISSING')
  })
})
