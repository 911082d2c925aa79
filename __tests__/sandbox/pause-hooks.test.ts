// ECS lifecycle hooks in the sandbox (docs/ecs-pause-hooks-facts.md): pause hooks hold a deployment at their
// stage until ContinueServiceDeployment (CONTINUE or ROLLBACK) or their timeout; PRE_PRODUCTION_TRAFFIC_SHIFT
// fires before every production step of linear and canary; Lambda hooks are recorded as invoked; rolling
// deployments hold before scaling up and before completing. One AWS CLI call proves the wire format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type DeploymentLifecycleHook,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, registerRevision, waitFor, type Clients } from '../../sandbox/fixtures.js'
import { createNativeScene, type NativeScene } from '../../sandbox/nativeScene.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { awsCli, CLI_TIMEOUT_MS, cliIt } from '../helpers/aws-cli.js'

const FAST = { SANDBOX_START_SECONDS: '0.2' }
const PAUSE = (
  stages: DeploymentLifecycleHook['lifecycleStages'],
  minutes = 10
): DeploymentLifecycleHook => ({
  targetType: 'PAUSE',
  lifecycleStages: stages,
  timeoutConfiguration: { timeoutInMinutes: minutes, action: 'ROLLBACK' }
})
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:verify'
let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 15 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function deploy(
  clients: Clients,
  where: { cluster: string; service: string; family: string },
  config: DeploymentConfiguration
): Promise<string> {
  const next = await registerRevision(clients.ecs, where.family, FAST)
  const out = await clients.ecs.send(
    new UpdateServiceCommand({
      cluster: where.cluster,
      service: where.service,
      taskDefinition: next,
      deploymentConfiguration: config
    })
  )
  return out.service!.currentServiceDeployment!
}

const nativeDeploy = (scene: NativeScene, config: DeploymentConfiguration) =>
  deploy(
    scene.clients,
    { cluster: scene.clusterName, service: scene.serviceName, family: scene.family },
    config
  )

async function describeSd(clients: Clients, arn: string): Promise<ServiceDeployment> {
  const out = await clients.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  return out.serviceDeployments![0]
}

/** The deployment once a hook awaits action, with that hook's id. */
async function awaiting(clients: Clients, arn: string): Promise<{ sd: ServiceDeployment; hookId: string }> {
  return waitFor('a hook awaiting action', async () => {
    const sd = await describeSd(clients, arn)
    const hook = sd.lifecycleHookDetails?.find(h => h.status === 'AWAITING_ACTION')
    return hook && { sd, hookId: hook.hookId! }
  })
}

const finished = (clients: Clients, arn: string, status: string) =>
  waitFor(`the deployment ${status}`, async () => {
    const sd = await describeSd(clients, arn)
    return sd.status === status ? sd : undefined
  })

async function productionWeights(scene: NativeScene): Promise<number[]> {
  const out = await scene.clients.elb.send(new DescribeRulesCommand({ RuleArns: [scene.productionRule] }))
  const groups = out.Rules![0].Actions![0].ForwardConfig!.TargetGroups!
  return scene.targetGroups.map(tg => groups.find(g => g.TargetGroupArn === tg)?.Weight ?? 0)
}

/** A one-task scene's blue/green deployment, held by a pause hook at POST_SCALE_UP. */
async function heldAfterScaleUp(): Promise<{ scene: NativeScene; arn: string; hookId: string }> {
  const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1 })
  const arn = await nativeDeploy(scene, {
    strategy: 'BLUE_GREEN',
    bakeTimeInMinutes: 0,
    lifecycleHooks: [PAUSE(['POST_SCALE_UP'])]
  })
  const { hookId } = await awaiting(scene.clients, arn)
  return { scene, arn, hookId }
}

const settle = () => new Promise(resolve => setTimeout(resolve, 300))

describe('pause hooks on native deployments', () => {
  it('LINEAR: PRE_PRODUCTION_TRAFFIC_SHIFT holds before every production step until continued', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 2 })
    const arn = await nativeDeploy(scene, {
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 },
      bakeTimeInMinutes: 0,
      lifecycleHooks: [PAUSE(['PRE_PRODUCTION_TRAFFIC_SHIFT'])]
    })
    const first = await awaiting(scene.clients, arn)
    expect(first.hookId).toMatch(/^ecs-pause-[A-Za-z0-9_-]{43}$/)
    expect(first.sd).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' })
    const detail = first.sd.lifecycleHookDetails![0]
    expect(detail).toMatchObject({ targetType: 'PAUSE', timeoutAction: 'ROLLBACK' })
    expect(detail.targetArn).toBeUndefined()
    const remaining = +detail.expiresAt! - Date.now()
    expect(remaining).toBeGreaterThan(9 * 60_000)
    expect(remaining).toBeLessThanOrEqual(10 * 60_000)
    // Held: the weights do not move however long it waits.
    await settle()
    expect(await productionWeights(scene)).toEqual([100, 0])
    await scene.clients.ecs.send(
      new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: first.hookId })
    )
    const second = await waitFor('the second step hook', async () => {
      const next = await awaiting(scene.clients, arn)
      return next.hookId !== first.hookId && next
    })
    expect(await productionWeights(scene)).toEqual([50, 50])
    expect(second.sd.lifecycleHookDetails!.map(h => h.status)).toEqual(['SUCCEEDED', 'AWAITING_ACTION'])
    await expect(
      scene.clients.ecs.send(
        new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: first.hookId })
      )
    ).rejects.toMatchObject({ name: 'ClientException' })
    await scene.clients.ecs.send(
      new ContinueServiceDeploymentCommand({
        serviceDeploymentArn: arn,
        hookId: second.hookId,
        action: 'CONTINUE'
      })
    )
    const done = await finished(scene.clients, arn, 'SUCCESSFUL')
    expect(done.lifecycleHookDetails!.map(h => h.status)).toEqual(['SUCCEEDED', 'SUCCEEDED'])
    expect(await productionWeights(scene)).toEqual([0, 100])
  })

  it('CANARY: the hook fires before the canary step and before the rest', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const arn = await nativeDeploy(scene, {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 },
      bakeTimeInMinutes: 0,
      lifecycleHooks: [PAUSE(['PRE_PRODUCTION_TRAFFIC_SHIFT'])]
    })
    const weightsAtHolds: number[][] = []
    for (let hold = 0; hold < 2; hold++) {
      const { hookId } = await waitFor('the next hold', async () => {
        const next = await awaiting(scene.clients, arn)
        return next.sd.lifecycleHookDetails!.length === hold + 1 && next
      })
      weightsAtHolds.push(await productionWeights(scene))
      await scene.clients.ecs.send(
        new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId })
      )
    }
    expect(weightsAtHolds).toEqual([
      [100, 0],
      [90, 10]
    ])
    expect((await finished(scene.clients, arn, 'SUCCESSFUL')).lifecycleHookDetails).toHaveLength(2)
  })

  const cli = cliIt('pause hooks', it)
  cli(
    'BLUE_GREEN: held after the test traffic shift; the AWS CLI rolls it back through the hook',
    async () => {
      const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1 })
      const arn = await nativeDeploy(scene, {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [PAUSE(['POST_TEST_TRAFFIC_SHIFT'])]
      })
      await awaiting(scene.clients, arn)
      const described = await awsCli(sandbox.url, 'ecs', 'DescribeServiceDeployments', {
        serviceDeploymentArns: [arn]
      })
      if (!described.ok) throw new Error(described.stderr)
      const sd = (described.out as { serviceDeployments: ServiceDeployment[] }).serviceDeployments[0]
      expect(sd).toMatchObject({
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        targetServiceRevision: { requestedTestTrafficWeight: 100, requestedProductionTrafficWeight: 0 }
      })
      const hookId = sd.lifecycleHookDetails![0].hookId!
      const continued = await awsCli(sandbox.url, 'ecs', 'ContinueServiceDeployment', {
        serviceDeploymentArn: arn,
        hookId,
        action: 'ROLLBACK'
      })
      expect(continued).toMatchObject({ ok: true, out: { serviceDeploymentArn: arn } })
      const done = await finished(scene.clients, arn, 'ROLLBACK_SUCCESSFUL')
      expect(done.lifecycleHookDetails![0].status).toBe('FAILED')
      expect(done.statusReason).toContain(`lifecycle hook ${hookId}`)
      expect(await productionWeights(scene)).toEqual([100, 0])
      // Not in progress any more: the CLI gets the ClientException.
      const again = await awsCli(sandbox.url, 'ecs', 'ContinueServiceDeployment', {
        serviceDeploymentArn: arn,
        hookId
      })
      expect(again).toMatchObject({ ok: false, code: 'ClientException' })
    },
    4 * CLI_TIMEOUT_MS
  )

  it('a hook nobody acts on times out and ECS takes its timeout action (ROLLBACK, or CONTINUE)', async () => {
    await control.setHooks({ timeoutSeconds: 0.5 })
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const rolledBack = await nativeDeploy(scene, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [PAUSE(['PRE_SCALE_UP'])]
    })
    const sd = await finished(scene.clients, rolledBack, 'ROLLBACK_SUCCESSFUL')
    expect(sd.lifecycleHookDetails).toMatchObject([{ status: 'TIMED_OUT', timeoutAction: 'ROLLBACK' }])
    expect(sd.targetServiceRevision!.runningTaskCount).toBe(0)
    const continued = await nativeDeploy(scene, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_SCALE_UP'],
          timeoutConfiguration: { action: 'CONTINUE' }
        }
      ]
    })
    const done = await finished(scene.clients, continued, 'SUCCESSFUL')
    expect(done.lifecycleHookDetails).toMatchObject([{ status: 'TIMED_OUT', timeoutAction: 'CONTINUE' }])
  })

  it("a timeout in seconds for one service times out that service's hooks only", async () => {
    const config = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE(['PRE_SCALE_UP'])] }
    const short = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1, service: 'short' })
    const other = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1, service: 'other' })
    await control.setHooks({ timeoutSeconds: 0.5, service: 'short' })
    const timedOut = await nativeDeploy(short, config as DeploymentConfiguration)
    const held = await nativeDeploy(other, config as DeploymentConfiguration)
    await finished(short.clients, timedOut, 'ROLLBACK_SUCCESSFUL')
    expect((await describeSd(other.clients, held)).lifecycleHookDetails).toMatchObject([
      { status: 'AWAITING_ACTION' }
    ])
  })

  it('StopServiceDeployment still ends a held deployment; its hook can no longer be continued', async () => {
    const { scene, arn, hookId } = await heldAfterScaleUp()
    await scene.clients.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn }))
    await finished(scene.clients, arn, 'ROLLBACK_SUCCESSFUL')
    await expect(
      scene.clients.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId }))
    ).rejects.toMatchObject({ name: 'ClientException' })
  })
})

describe('ContinueServiceDeployment and lifecycleHooks refused as ECS refuses them', () => {
  it('unknown deployment, unknown hook, bad action; PAUSE at a traffic-shift stage; timeouts out of range', async () => {
    const { scene, arn, hookId } = await heldAfterScaleUp()
    const send = (input: { serviceDeploymentArn: string; hookId: string; action?: string }) =>
      scene.clients.ecs.send(new ContinueServiceDeploymentCommand(input as never))
    await expect(send({ serviceDeploymentArn: `${arn}x`, hookId })).rejects.toMatchObject({
      name: 'ServiceDeploymentNotFoundException'
    })
    await expect(send({ serviceDeploymentArn: arn, hookId: 'ecs-pause-nope' })).rejects.toMatchObject({
      name: 'InvalidParameterException'
    })
    await expect(send({ serviceDeploymentArn: arn, hookId, action: 'PROMOTE' })).rejects.toMatchObject({
      name: 'InvalidParameterException'
    })
    const update = (hooks: DeploymentLifecycleHook[]) =>
      scene.clients.ecs.send(
        new UpdateServiceCommand({
          cluster: scene.clusterName,
          service: scene.serviceName,
          deploymentConfiguration: { lifecycleHooks: hooks }
        })
      )
    for (const hooks of [
      [PAUSE(['PRODUCTION_TRAFFIC_SHIFT'])],
      [PAUSE(['TEST_TRAFFIC_SHIFT'])],
      [PAUSE(['POST_SCALE_UP'], 0)],
      [PAUSE(['POST_SCALE_UP'], 20161)],
      [PAUSE(['POST_SCALE_UP'], 0.5)],
      [{ targetType: 'AWS_LAMBDA', lifecycleStages: ['POST_SCALE_UP'] } as DeploymentLifecycleHook],
      [{ targetType: 'PAUSE', lifecycleStages: [] } as DeploymentLifecycleHook]
    ])
      await expect(update(hooks)).rejects.toMatchObject({ name: 'InvalidParameterException' })
    // Still held: nothing above changed it.
    expect((await describeSd(scene.clients, arn)).lifecycleHookDetails![0].status).toBe('AWAITING_ACTION')
  })
})

describe('Lambda hooks', () => {
  it('are recorded as invoked at every production step, with the event ECS sends; FAILED rolls back', async () => {
    const scene = await createNativeScene(sandbox.url, { env: FAST, desiredCount: 1 })
    const lambdaHook: DeploymentLifecycleHook = {
      targetType: 'AWS_LAMBDA',
      hookTargetArn: LAMBDA,
      roleArn: 'arn:aws:iam::123456789012:role/hooks',
      lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'],
      hookDetails: { suite: 'smoke' }
    }
    const arn = await nativeDeploy(scene, {
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 },
      bakeTimeInMinutes: 0,
      lifecycleHooks: [lambdaHook]
    })
    await finished(scene.clients, arn, 'SUCCESSFUL')
    const { runs } = await control.hooks(scene.clusterName, scene.serviceName)
    expect(runs.map(r => [r.targetArn, r.lifecycleStage, r.status])).toEqual([
      [LAMBDA, 'PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
      [LAMBDA, 'PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED']
    ])
    const green = (await describeSd(scene.clients, arn)).targetServiceRevision!.arn!
    expect(runs[0].invocation).toMatchObject({
      lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
      resourceArn: arn,
      hookDetails: { suite: 'smoke' },
      executionDetails: { targetServiceRevisionArn: green, productionTrafficWeights: { [green]: 50 } }
    })
    expect(
      (runs[1].invocation!.executionDetails as Record<string, unknown>).productionTrafficWeights
    ).toMatchObject({
      [green]: 100
    })

    await control.setHooks({ lambda: { functionArn: LAMBDA, hookStatus: 'FAILED' } })
    const failing = await nativeDeploy(scene, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [{ ...lambdaHook, lifecycleStages: ['POST_SCALE_UP'] }]
    })
    const sd = await finished(scene.clients, failing, 'ROLLBACK_SUCCESSFUL')
    expect(sd.lifecycleHookDetails).toMatchObject([
      { targetType: 'AWS_LAMBDA', targetArn: LAMBDA, status: 'FAILED' }
    ])
  })
})

describe('pause hooks on rolling deployments', () => {
  it('PRE_SCALE_UP holds before any new task starts; POST_SCALE_UP holds the completion', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 2 })
    const where = { cluster: scene.clusterName, service: scene.serviceName, family: scene.family }
    const arn = await deploy(scene.clients, where, {
      lifecycleHooks: [PAUSE(['PRE_SCALE_UP', 'POST_SCALE_UP'])]
    })
    const pre = await awaiting(scene.clients, arn)
    await settle()
    const held = await describeSd(scene.clients, arn)
    expect(held).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'PRE_SCALE_UP' })
    expect(held.targetServiceRevision).toMatchObject({ runningTaskCount: 0, pendingTaskCount: 0 })
    await scene.clients.ecs.send(
      new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: pre.hookId })
    )
    const post = await waitFor('the POST_SCALE_UP hold', async () => {
      const next = await awaiting(scene.clients, arn)
      return next.hookId !== pre.hookId && next
    })
    expect(post.sd).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'POST_SCALE_UP' })
    expect(post.sd.targetServiceRevision!.runningTaskCount).toBe(2)
    await settle()
    expect((await describeSd(scene.clients, arn)).status).toBe('IN_PROGRESS')
    await scene.clients.ecs.send(
      new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: post.hookId })
    )
    await finished(scene.clients, arn, 'SUCCESSFUL')
  })
})
