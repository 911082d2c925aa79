// Calls of several services' pipelines merged (src/aws/coalesce.ts): DescribeServices up to 10 services a call,
// DescribeAlarms up to 100 names, each caller getting only its own answers.

import { describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { DescribeServicesCommand, DescribeTaskSetsCommand, type ECSClient } from '@aws-sdk/client-ecs'
import type { Clients } from '../../../src/aws/clients.js'
import { coalescing } from '../../../src/aws/coalesce.js'
import { fakeClient } from '../../helpers/fake-client.js'

const ARN = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`

function clients() {
  const ecs = fakeClient<ECSClient>({
    DescribeServices: (input: { services: string[] }) => ({
      services: input.services.filter(s => s !== 'gone').map(s => ({ serviceName: s, serviceArn: ARN(s) })),
      failures: input.services.filter(s => s === 'gone').map(s => ({ arn: ARN(s), reason: 'MISSING' }))
    }),
    DescribeTaskSets: () => ({ taskSets: [] })
  })
  const cw = fakeClient<CloudWatchClient>({
    DescribeAlarms: (input: { AlarmNames: string[] }) => ({
      MetricAlarms: input.AlarmNames.map(AlarmName => ({ AlarmName, StateValue: 'OK' }))
    })
  })
  const merged = coalescing({ ecs: ecs.client, cloudwatch: cw.client } as unknown as Clients, 5)
  return { merged, ecs: ecs.calls, cw: cw.calls }
}

describe('coalescing', () => {
  it('merges DescribeServices made together, 10 services a call, each caller getting its own', async () => {
    const { merged, ecs } = clients()
    const names = [...Array.from({ length: 11 }, (_, i) => `svc-${i}`), 'gone']
    const outs = await Promise.all(
      names.map(name =>
        merged.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [name], include: ['TAGS'] }))
      )
    )
    expect(ecs.map(c => c.input.services.length)).toEqual([10, 2])
    expect(ecs[0].input).toMatchObject({ cluster: 'prod', include: ['TAGS'] })
    expect(outs[3].services!.map(s => s.serviceName)).toEqual(['svc-3'])
    expect(outs[11]).toMatchObject({ services: [], failures: [{ arn: ARN('gone'), reason: 'MISSING' }] })
  })

  it('keeps calls of different clusters apart and passes other commands through', async () => {
    const { merged, ecs } = clients()
    await Promise.all([
      merged.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] })),
      merged.ecs.send(new DescribeServicesCommand({ cluster: 'batch', services: ['worker'] })),
      merged.ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))
    ])
    expect(ecs.map(c => `${c.name} ${c.input.cluster}`).sort()).toEqual([
      'DescribeServices batch',
      'DescribeServices prod',
      'DescribeTaskSets prod'
    ])
  })

  it('merges DescribeAlarms of several services into one call of up to 100 names', async () => {
    const { merged, cw } = clients()
    const outs = await Promise.all(
      ['web', 'api', 'worker'].map(s =>
        merged.cloudwatch.send(
          new DescribeAlarmsCommand({
            AlarmNames: [`${s}-5xx`, 'shared'],
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            MaxRecords: 100
          })
        )
      )
    )
    expect(cw).toHaveLength(1)
    expect(cw[0].input.AlarmNames).toEqual(['web-5xx', 'shared', 'api-5xx', 'worker-5xx'])
    expect(outs[1].MetricAlarms!.map(a => a.AlarmName)).toEqual(['shared', 'api-5xx'])
  })
})
