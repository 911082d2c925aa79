// deploy on an ECS-controller service against moto, a third-party AWS emulator: dist/index.js as the runner runs
// it, with AWS_ENDPOINT_URL pointing at moto. moto has no service-deployment APIs, so a rollback is the fallback,
// UpdateService back to the previous task definition. moto simulates no tasks: started with
// MOTO_ECS_SERVICE_RUNNING=4 it shows the service's deployment COMPLETED with 4 running tasks (and keeps that one
// deployment through updates), and it evaluates no alarm, so the test plays CloudWatch with SetAlarmState.

import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  type Service
} from '@aws-sdk/client-ecs'
import { explained } from '../helpers/action.js'
import { describeWithMoto, startMoto, type Moto } from '../helpers/moto.js'
import {
  expectAlarmRollback,
  fireAlarmWhen,
  createQuietAlarm,
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
  let previous: string
  let next: string

  beforeAll(async () => {
    moto = await startMoto(30_000, { MOTO_ECS_SERVICE_RUNNING: '4' })
    clients = motoClients(moto.url)
    ecs = clients.ecs
    cw = clients.cw
  })
  afterAll(async () => {
    clients?.destroy()
    await moto?.stop()
  })

  async function service(): Promise<Service> {
    return (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]
  }

  beforeEach(async () => {
    await moto.reset()
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    previous = await registerMotoRevision(ecs, 'nginx:1.27')
    next = await registerMotoRevision(ecs, 'nginx:1.28')
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'prod',
        serviceName: 'web',
        desiredCount: 4,
        taskDefinition: previous,
        deploymentController: { type: 'ECS' }
      })
    )
    await createQuietAlarm(cw)
  })

  function deploy(bake: string) {
    return deployOnMoto(moto.url, {
      'task-definition': next,
      strategy: 'rolling',
      'max-surge': '1',
      'bake-time': bake
    })
  }

  it('rolls out through UpdateService with the capacity rules as ECS percentages', async () => {
    const result = await deploy('2s')
    await explained(result, async () => {
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['traffic-percent']).toBe('100')
      expect(result.summary).toContain('<h2>✅ Succeeded: web:2 on web</h2>')
      // moto starts no deployment for the new task definition: the action says it follows the PRIMARY one.
      expect(result.stdout).toMatch(/ECS shows no deployment of web:2 after UpdateService \(an emulator\?\)/)
      const s = await service()
      expect(s.taskDefinition).toBe(next)
      // max-surge 1 of 4 tasks: maximumPercent 125, minimumHealthyPercent 100 (max-unavailable 0).
      expect(s.deploymentConfiguration).toMatchObject({ maximumPercent: 125, minimumHealthyPercent: 100 })
    })
  })

  it('rolls back by UpdateService to the previous task definition when the alarm fires during the bake', async () => {
    const running = deploy('30s')
    const fired = fireAlarmWhen(
      cw,
      'the update to the new task definition',
      async () => (await service()).taskDefinition === next
    )
    const [result] = await Promise.all([running, fired])
    await explained(result, async () => {
      expectAlarmRollback(result, next, previous)
      expect(result.summary).toMatch(
        /during (step 1 of 1 \(rolling update by ECS\)|the final stage), so web went back to web:1/
      )
      expect(result.stdout).toContain('Rolling back: UpdateService back to web:1')
      expect(result.stdout).not.toContain('StopServiceDeployment')
      expect((await service()).taskDefinition).toBe(previous)
    })
  })
}

describeWithMoto('dist/index.js command: deploy on an ECS-controller service against moto', suite)
