// The alarm-partway rollback against moto, a third-party AWS emulator: dist/index.js run as the runner runs it,
// with AWS_ENDPOINT_URL pointing at moto. moto evaluates no alarm and simulates no tasks (task sets are always
// STEADY_STATE, without counts), so the test plays CloudWatch: once the new task set exists it puts the alarm
// into ALARM with SetAlarmState, and the action has to roll back by itself.

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { CreateClusterCommand, DescribeServicesCommand, DescribeTaskSetsCommand } from '@aws-sdk/client-ecs'
import { explained } from '../helpers/action.js'
import { describeWithMoto, startMoto, type Moto } from '../helpers/moto.js'
import {
  ALARM,
  expectAlarmRollback,
  fireAlarmWhen,
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
    const fired = fireAlarmWhen(cw, 'the new task set to take tasks', async () => {
      const out = await ecs.send(new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' }))
      return out.taskSets?.some(s => s.taskDefinition === next && (s.scale?.value ?? 0) > 0)
    })
    const [result] = await Promise.all([running, fired])

    await explained(result, async () => {
      expectAlarmRollback(result, next, previous)
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
