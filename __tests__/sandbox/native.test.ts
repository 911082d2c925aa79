// ECS's native linear, canary and blue/green deployments in the sandbox: the new revision starts at full size in
// the alternate target group, production weights move step by step with bakes (fractions of a minute are a
// sandbox leniency), the old revision is scaled in after the bake time; alarms and StopServiceDeployment roll back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { registerRevision, waitFor } from '../../sandbox/fixtures.js'
import { createNativeScene, type NativeScene } from '../../sandbox/nativeScene.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.2' }
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 5 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function deploy(
  scene: NativeScene,
  config: DeploymentConfiguration,
  env: Record<string, string> = {}
): Promise<{ next: string; arn: string }> {
  const next = await registerRevision(scene.clients.ecs, scene.family, { ...FAST, ...env })
  const out = await scene.clients.ecs.send(
    new UpdateServiceCommand({
      cluster: scene.clusterName,
      service: scene.serviceName,
      taskDefinition: next,
      deploymentConfiguration: config
    })
  )
  return { next, arn: out.service!.currentServiceDeployment! }
}

async function describeSd(scene: NativeScene, arn: string): Promise<ServiceDeployment> {
  const out = await scene.clients.ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })
  )
  return out.serviceDeployments![0]
}

async function weights(scene: NativeScene): Promise<number[]> {
  const out = await scene.clients.elb.send(new DescribeRulesCommand({ RuleArns: [scene.productionRule] }))
  const groups = out.Rules![0].Actions![0].ForwardConfig!.TargetGroups!
  return scene.targetGroups.map(tg => groups.find(g => g.TargetGroupArn === tg)?.Weight ?? 0)
}

/** Polls the service deployment until `done`, recording each (stage, weight) seen. */
async function follow(
  scene: NativeScene,
  arn: string,
  done: (sd: ServiceDeployment) => boolean
): Promise<{ seen: string[]; last: ServiceDeployment }> {
  const seen: string[] = []
  const last = await waitFor(
    'the service deployment',
    async () => {
      const sd = await describeSd(scene, arn)
      const label = `${sd.lifecycleStage} ${sd.targetServiceRevision?.requestedProductionTrafficWeight}`
      if (seen[seen.length - 1] !== label) seen.push(label)
      return done(sd) ? sd : undefined
    },
    { timeoutMs: 30_000, intervalMs: 25 }
  )
  return { seen, last }
}

describe('native deployment strategies', () => {
  it('CANARY: full-size green, canary weight with its bake, 100 %, bake time, blue scaled in', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 3 })
    const { next, arn } = await deploy(scene, {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 0.02 },
      bakeTimeInMinutes: 0.01
    })
    const { seen, last } = await follow(scene, arn, sd => sd.status === 'SUCCESSFUL')
    expect(seen).toEqual(
      expect.arrayContaining(['SCALE_UP 0', 'PRODUCTION_TRAFFIC_SHIFT 20', 'BAKE_TIME 100', 'CLEAN_UP 100'])
    )
    expect(seen.indexOf('PRODUCTION_TRAFFIC_SHIFT 20')).toBeLessThan(seen.indexOf('BAKE_TIME 100'))
    expect(last.targetServiceRevision).toMatchObject({
      runningTaskCount: 3,
      requestedProductionTrafficWeight: 100
    })
    expect(await weights(scene)).toEqual([0, 100])
    const s = (
      await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }))
    ).services![0]
    expect(s.taskDefinition).toBe(next)
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({
      taskDefinition: next,
      rolloutState: 'COMPLETED',
      runningCount: 3
    })
  })

  it('LINEAR: weights move by stepPercent; the next deployment goes back to the first target group', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const linear = {
      strategy: 'LINEAR' as const,
      linearConfiguration: { stepPercent: 40, stepBakeTimeInMinutes: 0.01 },
      bakeTimeInMinutes: 0
    }
    const first = await deploy(scene, linear)
    const { seen } = await follow(scene, first.arn, sd => sd.status === 'SUCCESSFUL')
    const shifts = seen
      .filter(s => s.startsWith('PRODUCTION_TRAFFIC_SHIFT'))
      .map(s => Number(s.split(' ')[1]))
    expect(shifts).toEqual(expect.arrayContaining([40, 80]))
    expect(await weights(scene)).toEqual([0, 100])
    const second = await deploy(scene, linear)
    await follow(scene, second.arn, sd => sd.status === 'SUCCESSFUL')
    expect(await weights(scene)).toEqual([100, 0])
  })

  it('ROLLING after BLUE_GREEN: the new tasks join the target group production traffic goes to (seed 120041)', async () => {
    // Updating from blue/green to rolling, ECS "identifies the service revision serving traffic" and keeps the
    // load balancer configuration: a rolling deployment must not register its tasks in the idle target group.
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const green = await deploy(scene, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 })
    await follow(scene, green.arn, sd => sd.status === 'SUCCESSFUL')
    expect(await weights(scene)).toEqual([0, 100])
    const rolled = await deploy(scene, {
      strategy: 'ROLLING',
      minimumHealthyPercent: 100,
      maximumPercent: 200
    })
    const healthy = () =>
      scene.targetGroups.map(
        tg =>
          [...sandbox.state.elb.targetGroups.get(tg)!.targets.values()].filter(t => t.state === 'healthy')
            .length
      )
    await waitFor('the rolling deployment to complete', async () => {
      const s = (
        await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }))
      ).services![0]
      return s.deployments?.length === 1 && s.deployments[0].taskDefinition === rolled.next
    })
    expect(await weights(scene)).toEqual([0, 100])
    expect(healthy()).toEqual([0, 2])
  })

  it('BLUE_GREEN with deployment alarms: an alarm in ALARM during the bake time rolls traffic back at once', async () => {
    const scene = await createNativeScene(sandbox.url, {
      env: FAST,
      desiredCount: 2,
      alarm: { name: 'web-5xx', threshold: 1_000_000, period: 60 }
    })
    const { arn } = await deploy(scene, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true }
    })
    await follow(scene, arn, sd => sd.lifecycleStage === 'BAKE_TIME')
    expect(await weights(scene)).toEqual([0, 100])
    await scene.clients.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'test' })
    )
    const { last } = await follow(scene, arn, sd => sd.status === 'ROLLBACK_SUCCESSFUL')
    expect(last.alarms).toMatchObject({ status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] })
    expect(last.statusReason).toBe('ECS deployment alarms: alarm web-5xx in ALARM state.')
    expect(last.rollback?.reason).toBe(last.statusReason)
    expect(await weights(scene)).toEqual([100, 0])
    const s = (
      await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }))
    ).services![0]
    expect(s.taskDefinition).toBe(scene.taskDefinition)
    expect(s.deployments!.map(d => [d.status, d.taskDefinition])).toEqual([['PRIMARY', scene.taskDefinition]])
  })

  it('StopServiceDeployment ROLLBACK during a canary bake', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const { arn } = await deploy(scene, {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }
    })
    await follow(scene, arn, sd => sd.targetServiceRevision?.requestedProductionTrafficWeight === 10)
    expect(await weights(scene)).toEqual([90, 10])
    await scene.clients.ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })
    )
    const { last } = await follow(scene, arn, sd => sd.status === 'ROLLBACK_SUCCESSFUL')
    expect(last.targetServiceRevision).toMatchObject({
      runningTaskCount: 0,
      requestedProductionTrafficWeight: 0
    })
    expect(await weights(scene)).toEqual([100, 0])
  })

  it('a native strategy needs the advanced load balancer configuration', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1, advanced: false })
    await expect(deploy(scene, { strategy: 'CANARY' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/advancedConfiguration/)
    })
    await expect(
      deploy(scene, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 1 } })
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'linearConfiguration.stepPercent must be between 3.0 and 100.0.'
    })
  })
})
