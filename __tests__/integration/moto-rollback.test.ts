// The alarm-partway rollback against moto, a third-party AWS emulator: dist/index.js run as the runner runs it,
// with AWS_ENDPOINT_URL pointing at moto. moto evaluates no alarm and simulates no tasks (task sets are always
// STEADY_STATE, without counts), so the test plays CloudWatch: once the new task set exists it puts the alarm
// into ALARM with SetAlarmState, and the action has to roll back by itself.

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { CreateClusterCommand, DescribeServicesCommand, DescribeTaskSetsCommand } from '@aws-sdk/client-ecs'
import { waitFor } from '../../sandbox/fixtures.js'
import { explained } from '../helpers/action.js'
import { describeWithMoto, startMoto, type Moto } from '../helpers/moto.js'
import {
  ALARM,
  createQuietAlarm,
  createTaskSetService,
  deployOnMoto,
  motoClients,
  registerMotoRevision,
  type MotoClients
} from '../helpers/moto-scene.js'

function suite(): void {
  let moto: Moto
  let clients: MotoClients
  let ecs: MotoClients['ecs']
  let cw: MotoClients['cw']

  beforeAll(async () => {
    moto = await startMoto()
    clients = motoClients(moto.url)
    ecs = clients.ecs
    cw = clients.cw
  })
  afterAll(async () => {
    clients?.destroy()
    await moto?.stop()
  })

  it('rolls back by itself when the alarm goes into ALARM partway', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    const previous = await registerMotoRevision(ecs, 'nginx:1.27')
    const next = await registerMotoRevision(ecs, 'nginx:1.28')
    await createTaskSetService(ecs, previous)
    await createQuietAlarm(cw)

    const running = deployOnMoto(moto.url, {
      'task-definition': next,
      strategy: 'linear',
      'step-percent': '50',
      'step-bake-time': '5s',
      'bake-time': '5s'
    })
    // Play CloudWatch: the alarm fires once the new revision runs (its task set exists, at a scale above 0).
    const reason =
      'Threshold Crossed: 1 out of the last 1 datapoints [42.0 (22/11/26 10:00:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).'
    const fired = waitFor(
      'the new task set to take tasks',
      async () => {
        const out = await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))
        return out.taskSets?.some(s => s.taskDefinition === next && (s.scale?.value ?? 0) > 0)
      },
      { timeoutMs: 40_000, intervalMs: 200 }
    ).then(() =>
      cw.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: reason }))
    )
    const [result] = await Promise.all([running, fired])

    await explained(result, async () => {
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('rolled-back')
      expect(result.outputs['task-definition-arn']).toBe(next)
      expect(result.outputs['previous-task-definition-arn']).toBe(previous)
      expect(result.outputs['traffic-percent']).toBe('0')
      expect(result.outputs.reason).toMatch(/^alarm web-5xx is in ALARM since \S+Z: Threshold Crossed: /)
      expect(result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
      expect(result.summary).toContain('Alarm <a ')
      expect(result.summary).toContain(`#alarmsV2:alarm/${ALARM}">${ALARM}</a> went into ALARM`)
      expect(result.summary).toContain('minimum 1 datapoint for OK -&gt; ALARM transition')
      expect(result.summary).not.toMatch(/succeeded/i)

      // moto shows a deleted task set no more (it has no DRAINING): one PRIMARY task set on the previous revision.
      const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] })))
        .services![0]
      expect(service.desiredCount).toBe(4)
      const sets = service.taskSets ?? []
      expect(
        sets.map(s => ({ status: s.status, taskDefinition: s.taskDefinition, scale: s.scale?.value }))
      ).toEqual([{ status: 'PRIMARY', taskDefinition: previous, scale: 100 }])
    })
  })
}

describeWithMoto('dist/index.js command: deploy against moto', suite)
