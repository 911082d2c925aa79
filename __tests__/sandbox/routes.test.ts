// A test listener beside the production one: its own request rate, and the journal's view of each route.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DescribeListenersCommand, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl, type JournalTick } from '../../sandbox/client.js'
import { CreateTaskSetCommand } from '@aws-sdk/client-ecs'
import {
  CONTAINER_NAME,
  CONTAINER_PORT,
  createScene,
  NETWORK,
  TEST_LISTENER_PORT
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, requestRate: 100, seed: 7 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** The last few ticks of the journal, once traffic has flowed through the current routes for a moment. */
async function recent(cluster: string, service: string): Promise<JournalTick[]> {
  const since = Date.now() + 120
  await pause(400)
  return (await control.journal(cluster, service, { since })).ticks
}

describe('routes', () => {
  it('a test listener carries only its own rate; the journal shows each route with its weights and shares', async () => {
    const scene = await createScene(sandbox.url, {
      service: 'web',
      desiredCount: 2,
      env: { SANDBOX_START_SECONDS: '0.1' },
      weightedTargetGroups: true,
      testListener: true
    })
    const [blue, green] = scene.targetGroups
    const test = (
      await scene.clients.elb.send(new DescribeListenersCommand({ ListenerArns: [scene.testListener!] }))
    ).Listeners![0]
    expect(test).toMatchObject({ Port: TEST_LISTENER_PORT, LoadBalancerArn: scene.loadBalancer })

    const ticks = await recent('sandbox', 'web')
    expect(ticks.length).toBeGreaterThan(3)
    for (const tick of ticks) {
      const [production, testRoute] = [scene.listener!, scene.testListener!].map(arn =>
        tick.routes.find(r => r.listener === arn)
      )
      expect(production).toMatchObject({ port: 80, weights: { [blue]: 100, [green]: 0 }, elb5xx: 0 })
      expect(testRoute).toMatchObject({ port: TEST_LISTENER_PORT, weights: { [blue]: 1 }, elb5xx: 0 })
      // 100/s and 10/s: the service's own rate is not split with the test listener (ticks vary in length).
      expect(production!.requests).toBeGreaterThan(0)
      expect(production!.requests / testRoute!.requests).toBeCloseTo(10)
      expect(production!.trafficShareByTaskDefinition).toEqual({ [scene.taskDefinition]: 1 })
    }
  })

  it('a route to a target group without targets is answered by the load balancer: elb5xx', async () => {
    const scene = await createScene(sandbox.url, {
      service: 'api',
      desiredCount: 2,
      env: { SANDBOX_START_SECONDS: '0.1' },
      weightedTargetGroups: true,
      testListener: { requestRate: 20 }
    })
    const green = scene.targetGroups[1]
    // A new task set registered in green, still at scale 0: green belongs to the service but has no target.
    await scene.clients.ecs.send(
      new CreateTaskSetCommand({
        cluster: 'sandbox',
        service: 'api',
        taskDefinition: scene.taskDefinition,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        loadBalancers: [
          { targetGroupArn: green, containerName: CONTAINER_NAME, containerPort: CONTAINER_PORT }
        ],
        scale: { value: 0, unit: 'PERCENT' }
      })
    )
    await scene.clients.elb.send(
      new ModifyListenerCommand({
        ListenerArn: scene.testListener,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: green }]
      })
    )
    const ticks = await recent('sandbox', 'api')
    const last = ticks.at(-1)!
    const testRoute = last.routes.find(r => r.listener === scene.testListener)!
    expect(testRoute.weights).toEqual({ [green]: 1 })
    expect(testRoute.requests).toBeGreaterThan(0)
    expect(testRoute.elb5xx).toBeCloseTo(testRoute.requests)
    expect(testRoute.trafficShareByTaskDefinition).toEqual({})
    expect(last.healthyByTargetGroup[green]).toBe(0)

    // Without its own rate the test listener takes half of the service's requests again.
    await control.setListenerTraffic(scene.testListener!, null)
    const shared = (await recent('sandbox', 'api')).at(-1)!
    const [production, test] = [scene.listener, scene.testListener].map(arn =>
      shared.routes.find(r => r.listener === arn)!
    )
    expect(test.requests).toBeCloseTo(production.requests)
  })

  it('refuses a rate for a listener that does not exist, or a negative one', async () => {
    const post = (body: unknown) =>
      fetch(`${sandbox.url}/_sandbox/traffic`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
      })
    expect((await post({ listener: 'arn:nope', rate: 1 })).status).toBe(404)
    expect((await post({ listener: 'arn:nope', rate: -1 })).status).toBe(400)
  })
})
