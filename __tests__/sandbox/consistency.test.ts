// Eventual consistency on a virtual clock: the reads ECS and ELB document as lagging return a resource's previous
// version until that resource's own lag has passed, and a listener's new weights reach the traffic only after a
// propagation delay. Every delay is drawn from the seed: the same seed gives the same delays.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskSetsCommand,
  ListServiceDeploymentsCommand,
  ListTagsForResourceCommand,
  StopServiceDeploymentCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  UpdateTaskSetCommand
} from '@aws-sdk/client-ecs'
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  ModifyListenerCommand
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { REALISM_OFF, type RealismSettings } from '../../sandbox/core/realism.js'
import { createScene, registerRevision, type Scene, type SceneOptions } from '../../sandbox/fixtures.js'
import { SandboxControl } from '../../sandbox/client.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const T0 = Date.UTC(2026, 11, 2, 12, 0, 0)
const FAST = { SANDBOX_START_SECONDS: '0.3' }
const LAG_MS = 3000
let now = T0
let sandbox: Sandbox

beforeAll(async () => {
  // The simulation only moves when a test moves the virtual clock.
  sandbox = await startSandbox({ tickMs: 3_600_000, healthCheckMs: 500, clock: () => now })
})
afterAll(() => sandbox.close())

/** Build a steady scene with realism off while virtual time runs fast, then freeze time and switch realism on. */
async function frozenScene(
  seed: number,
  options: SceneOptions,
  realism: Partial<RealismSettings>
): Promise<Scene> {
  now = T0
  sandbox.reset(seed)
  sandbox.setRealism(REALISM_OFF)
  const ticker = setInterval(() => {
    now += 100
    sandbox.tick()
  }, 2)
  try {
    return await createScene(sandbox.url, { env: FAST, desiredCount: 2, ...options })
  } finally {
    clearInterval(ticker)
    sandbox.setRealism({ ...REALISM_OFF, ...realism })
  }
}

/** Run `write` at a frozen instant, then move the clock 50 ms at a time until `seen` holds; the delay it took. */
async function delayUntil(write: () => Promise<unknown>, seen: () => Promise<boolean>): Promise<number> {
  await write()
  const start = now
  while (!(await seen())) {
    if (now - start > 2 * LAG_MS) throw new Error('the write never became visible')
    now += 50
  }
  return now - start
}

/** Move the listener's whole weight from blue to green. */
const allToGreen = (scene: Scene) =>
  scene.clients.elb.send(
    new ModifyListenerCommand({
      ListenerArn: scene.listener!,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: scene.targetGroups[0], Weight: 0 },
              { TargetGroupArn: scene.targetGroups[1], Weight: 100 }
            ]
          }
        }
      ]
    })
  )

async function taskSetScaleDelays(seed: number) {
  const scene = await frozenScene(seed, {}, { lagMs: LAG_MS })
  const { ecs } = scene.clients
  const ref = { cluster: scene.clusterName, service: scene.serviceName }
  await ecs.send(
    new UpdateTaskSetCommand({ ...ref, taskSet: scene.taskSet!, scale: { value: 50, unit: 'PERCENT' } })
  )
  const start = now
  const visible: Record<string, number> = {}
  while (Object.keys(visible).length < 2 && now - start <= 2 * LAG_MS) {
    const [sets, services] = await Promise.all([
      ecs.send(new DescribeTaskSetsCommand(ref)),
      ecs.send(new DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service] }))
    ])
    if (visible.describeTaskSets === undefined && sets.taskSets![0].scale!.value === 50)
      visible.describeTaskSets = now - start
    if (visible.describeServices === undefined && services.services![0].taskSets![0].scale!.value === 50)
      visible.describeServices = now - start
    now += 50
  }
  return visible
}

describe('read-after-write lag', () => {
  it('DescribeTaskSets and DescribeServices show a task set’s old scale until each one’s own lag has passed', async () => {
    const first = await taskSetScaleDelays(21)
    expect(first.describeTaskSets).toBeGreaterThan(0)
    expect(first.describeServices).toBeGreaterThan(0)
    expect(Math.max(first.describeTaskSets, first.describeServices)).toBeLessThanOrEqual(LAG_MS + 50)
    // One resource's lag is not another's.
    expect(first.describeTaskSets).not.toBe(first.describeServices)
    // Same seed, same delays; another seed, other delays.
    expect(await taskSetScaleDelays(21)).toEqual(first)
    expect(await taskSetScaleDelays(22)).not.toEqual(first)
  })

  it('DescribeServices answers with the desired count from before an UpdateService, then the new one', async () => {
    const scene = await frozenScene(3, {}, { lagMs: LAG_MS })
    const { ecs } = scene.clients
    const desired = async () =>
      (
        await ecs.send(
          new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] })
        )
      ).services![0].desiredCount
    const delay = await delayUntil(
      () =>
        ecs.send(
          new UpdateServiceCommand({
            cluster: scene.clusterName,
            service: scene.serviceName,
            desiredCount: 5
          })
        ),
      async () => (await desired()) === 5
    )
    expect(delay).toBeGreaterThan(0)
    expect(delay).toBeLessThanOrEqual(LAG_MS + 50)
    // Never back to the old version once the new one showed.
    now += LAG_MS
    expect(await desired()).toBe(5)
  })

  it('ListTagsForResource lags behind TagResource', async () => {
    const scene = await frozenScene(4, {}, { lagMs: LAG_MS })
    const { ecs } = scene.clients
    const tagged = async () =>
      ((await ecs.send(new ListTagsForResourceCommand({ resourceArn: scene.service }))).tags ?? []).some(
        t => t.key === 'rollout'
      )
    expect(
      await delayUntil(
        () =>
          ecs.send(
            new TagResourceCommand({ resourceArn: scene.service, tags: [{ key: 'rollout', value: '1' }] })
          ),
        tagged
      )
    ).toBeGreaterThan(0)
  })

  it('DescribeListeners and DescribeRules show a listener’s old weights until their lag has passed', async () => {
    const scene = await frozenScene(5, { weightedTargetGroups: true }, { lagMs: LAG_MS })
    const { elb } = scene.clients
    const green = scene.targetGroups[1]
    const greenWeight = (groups: { TargetGroupArn?: string; Weight?: number }[] = []) =>
      groups.find(g => g.TargetGroupArn === green)?.Weight
    const listenerWeight = async () =>
      greenWeight(
        (await elb.send(new DescribeListenersCommand({ ListenerArns: [scene.listener!] }))).Listeners![0]
          .DefaultActions![0].ForwardConfig?.TargetGroups
      )
    const ruleWeight = async () =>
      greenWeight(
        (await elb.send(new DescribeRulesCommand({ ListenerArn: scene.listener! }))).Rules!.find(
          r => r.IsDefault
        )!.Actions![0].ForwardConfig?.TargetGroups
      )
    await allToGreen(scene)
    expect(await listenerWeight()).toBe(0)
    expect(await ruleWeight()).toBe(0)
    now += LAG_MS + 1
    expect(await listenerWeight()).toBe(100)
    expect(await ruleWeight()).toBe(100)
  })

  it('DescribeServiceDeployments shows a stopped deployment IN_PROGRESS until its lag has passed', async () => {
    const scene = await frozenScene(6, { controller: 'ECS' }, { lagMs: LAG_MS })
    const { ecs } = scene.clients
    const next = await registerRevision(ecs, scene.serviceName, FAST)
    await ecs.send(
      new UpdateServiceCommand({
        cluster: scene.clusterName,
        service: scene.serviceName,
        taskDefinition: next
      })
    )
    const arn = (
      await ecs.send(
        new ListServiceDeploymentsCommand({
          cluster: scene.clusterName,
          service: scene.serviceName,
          status: ['IN_PROGRESS']
        })
      )
    ).serviceDeployments![0].serviceDeploymentArn!
    const status = async () =>
      (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
        .serviceDeployments![0].status
    // A new deployment is visible at once: there is no older version of it to show.
    expect(await status()).toBe('IN_PROGRESS')
    const delay = await delayUntil(
      () => ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })),
      async () => (await status()) !== 'IN_PROGRESS'
    )
    expect(delay).toBeGreaterThan(0)
    expect(delay).toBeLessThanOrEqual(LAG_MS + 50)
  })

  it('with lag off, a read right after a write sees it', async () => {
    const scene = await frozenScene(7, {}, {})
    const { ecs } = scene.clients
    await ecs.send(
      new UpdateServiceCommand({ cluster: scene.clusterName, service: scene.serviceName, desiredCount: 3 })
    )
    const out = await ecs.send(
      new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] })
    )
    expect(out.services![0].desiredCount).toBe(3)
  })
})

describe('propagation of new weights to the traffic', () => {
  /** Move all weight to the empty green group; the delay until the load balancer answers 5xx for lack of targets. */
  async function propagationDelay(seed: number, propagationMs: number): Promise<number> {
    const scene = await frozenScene(seed, { weightedTargetGroups: true }, { propagationMs })
    const control = new SandboxControl(sandbox.url)
    const green = scene.targetGroups[1]
    await allToGreen(scene)
    const start = now
    for (;;) {
      now += 50
      sandbox.tick()
      const { ticks } = await control.journal(scene.clusterName, scene.serviceName, { since: now })
      const route = ticks[ticks.length - 1].routes[0]
      // The API and the journal show the new weights at once.
      expect(route.weights[green]).toBe(100)
      if (route.elb5xx > 0) return now - start
      if (now - start > 2 * propagationMs + 1000) throw new Error('the new weights never reached the traffic')
    }
  }

  it('traffic follows a weight change only after a seeded propagation delay', async () => {
    const delay = await propagationDelay(31, 2000)
    expect(delay).toBeGreaterThan(50)
    expect(delay).toBeLessThanOrEqual(2050)
    expect(await propagationDelay(31, 2000)).toBe(delay)
    expect(await propagationDelay(32, 2000)).not.toBe(delay)
  })

  it('is immediate with realism off', async () => {
    expect(await propagationDelay(31, 0)).toBe(50)
  })
})
