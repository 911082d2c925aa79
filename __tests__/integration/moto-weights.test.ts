// Traffic by weights against moto, a third-party AWS emulator: dist/index.js run as the runner runs it, with
// AWS_ENDPOINT_URL pointing at moto. The weight changes go through moto's ModifyListener and ModifyRule and are
// read back from its DescribeListeners and DescribeRules; the test watches the route during the run and sees
// every weight of the plan. moto simulates no tasks (task sets are STEADY_STATE without counts) and registers
// none in target groups, so the test registers one target in each group the way ECS would; moto reports every
// registered target healthy. It evaluates no alarm either: the test plays CloudWatch with SetAlarmState.

import { afterAll, beforeAll, beforeEach, expect, it, jest } from '@jest/globals'
import { CreateClusterCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  RegisterTargetsCommand,
  type Action
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { explained, type RunResult } from '../helpers/action.js'
import { describeWithMoto, motoSubnets, startMoto, type Moto } from '../helpers/moto.js'
import {
  createQuietAlarm,
  createTaskSetService,
  deployOnMoto,
  fireAlarm,
  motoClients,
  registerMotoRevision,
  type MotoClients
} from '../helpers/moto-scene.js'

// Each test takes 5–15 s alone; moto answers slowly on a machine busy with other suites.
jest.setTimeout(120_000)

function suite(): void {
  let moto: Moto
  let clients: MotoClients
  let ecs: MotoClients['ecs']
  let elb: MotoClients['elb']
  let cw: MotoClients['cw']

  beforeAll(async () => {
    moto = await startMoto()
    clients = motoClients(moto.url)
    ecs = clients.ecs
    elb = clients.elb
    cw = clients.cw
  })
  afterAll(async () => {
    clients?.destroy()
    await moto?.stop()
  })
  beforeEach(() => moto.reset())

  interface Scene {
    blue: string
    green: string
    listener: string
    previous: string
    next: string
  }

  /** A load balancer with two target groups and a listener forwarding 100/0; a service serving from blue. */
  async function scene(): Promise<Scene> {
    const { vpcId, subnets } = await motoSubnets(moto.url)
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web-lb', Subnets: subnets })))
      .LoadBalancers![0]
    const [blue, green] = await Promise.all(
      ['blue', 'green'].map(
        async colour =>
          (
            await elb.send(
              new CreateTargetGroupCommand({
                Name: `web-${colour}`,
                Protocol: 'HTTP',
                Port: 80,
                VpcId: vpcId,
                TargetType: 'ip'
              })
            )
          ).TargetGroups![0].TargetGroupArn!
      )
    )
    // Stand-ins for the tasks ECS would register, one per task of a full-size revision: moto reports a registered
    // target healthy, and weight moves only once the new group has as many healthy targets as it runs tasks.
    for (const [group, subnet] of [
      [blue, '10.0.0'],
      [green, '10.0.1']
    ]) {
      const Targets = [10, 11, 12, 13].map(host => ({ Id: `${subnet}.${host}`, Port: 80 }))
      await elb.send(new RegisterTargetsCommand({ TargetGroupArn: group, Targets }))
    }
    const forward: Action = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: blue, Weight: 100 },
          { TargetGroupArn: green, Weight: 0 }
        ]
      }
    }
    const listener = (
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [forward]
        })
      )
    ).Listeners![0].ListenerArn!

    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    const previous = await registerMotoRevision(ecs, 'nginx:1.27')
    const next = await registerMotoRevision(ecs, 'nginx:1.28')
    await createTaskSetService(ecs, previous, [
      { targetGroupArn: blue, containerName: 'app', containerPort: 80 }
    ])
    await createQuietAlarm(cw)
    return { blue, green, listener, previous, next }
  }

  /** The route's weights by target group, as moto describes them. */
  function weightsOf(actions: Action[] | undefined): Record<string, number> {
    const forward = actions?.find(a => a.Type === 'forward')
    const groups = forward?.ForwardConfig?.TargetGroups ?? [
      { TargetGroupArn: forward?.TargetGroupArn, Weight: 1 }
    ]
    return Object.fromEntries(groups.map(g => [g.TargetGroupArn!, g.Weight ?? 1]))
  }
  const listenerWeights = async (arn: string) =>
    weightsOf(
      (await elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }))).Listeners![0].DefaultActions
    )
  const ruleWeights = async (arn: string) =>
    weightsOf((await elb.send(new DescribeRulesCommand({ RuleArns: [arn] }))).Rules![0].Actions)

  /**
   * Runs the action while watching the route: every distinct set of weights it had, in order. `onChange` may
   * act on one (fire the alarm).
   */
  async function deployWatching(
    inputs: Record<string, string>,
    read: () => Promise<Record<string, number>>,
    onChange?: (weights: Record<string, number>) => Promise<void> | void
  ): Promise<{ result: RunResult; seen: Record<string, number>[] }> {
    const seen: Record<string, number>[] = []
    let done = false
    const watch = (async () => {
      while (!done) {
        const weights = await read()
        if (JSON.stringify(seen.at(-1)) !== JSON.stringify(weights)) {
          seen.push(weights)
          await onChange?.(weights)
        }
        await new Promise(resolve => setTimeout(resolve, 200))
      }
    })()
    const result = await deployOnMoto(moto.url, { traffic: 'weights', 'bake-time': '2s', ...inputs }, 100_000)
    done = true
    await watch
    // The run's last write may have come after the watcher's last read.
    const last = await read()
    if (JSON.stringify(seen.at(-1)) !== JSON.stringify(last)) seen.push(last)
    return { result, seen }
  }

  async function serving(): Promise<{ status?: string; taskDefinition?: string; group?: string }[]> {
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] })))
      .services![0]
    return (service.taskSets ?? []).map(s => ({
      status: s.status,
      taskDefinition: s.taskDefinition,
      group: s.loadBalancers?.[0]?.targetGroupArn
    }))
  }

  it('linear 50 % on the listener: ModifyListener sets 50 then 100, read back; green serves, blue kept at 0', async () => {
    const s = await scene()
    const { result, seen } = await deployWatching(
      {
        'task-definition': s.next,
        'listener-arn': s.listener,
        'target-groups': `${s.blue},${s.green}`,
        strategy: 'linear',
        'step-percent': '50',
        'step-bake-time': '2s'
      },
      () => listenerWeights(s.listener)
    )
    await explained(result, async () => {
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ status: 'succeeded', 'traffic-percent': '100' })
      expect(seen).toEqual([
        { [s.blue]: 100, [s.green]: 0 },
        { [s.blue]: 50, [s.green]: 50 },
        { [s.blue]: 0, [s.green]: 100 }
      ])
      expect(result.stdout).toContain('traffic: 50% to web:2')
      expect(await listenerWeights(s.listener)).toEqual({ [s.blue]: 0, [s.green]: 100 })
      expect(await serving()).toEqual([{ status: 'PRIMARY', taskDefinition: s.next, group: s.green }])
    })
  })

  it('canary 10 % on a listener rule that forwarded to blue alone: ModifyRule attaches green at 0, then 10, then 100', async () => {
    const s = await scene()
    const rule = (
      await elb.send(
        new CreateRuleCommand({
          ListenerArn: s.listener,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
          Actions: [{ Type: 'forward', TargetGroupArn: s.blue }]
        })
      )
    ).Rules![0].RuleArn!
    const { result, seen } = await deployWatching(
      {
        'task-definition': s.next,
        'listener-rule-arn': rule,
        'target-groups': `${s.green},${s.blue}`,
        strategy: 'canary',
        'canary-percent': '10',
        'canary-bake-time': '2s'
      },
      () => ruleWeights(rule)
    )
    await explained(result, async () => {
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ status: 'succeeded', 'traffic-percent': '100' })
      // Plain forward to blue (unless the first read came after the action's first write), green attached at 0,
      // then the canary's weight and all of it. The watcher reads every 200 ms, and moto's task set is stable at
      // once, so green at 0 may pass unseen; the sandbox's call log shows every ModifyRule (e2e/weights).
      const planned = [
        { [s.blue]: 100, [s.green]: 0 },
        { [s.blue]: 90, [s.green]: 10 },
        { [s.blue]: 0, [s.green]: 100 }
      ]
      const moved = seen.slice(seen[0][s.green] === undefined ? 1 : 0)
      expect([planned, planned.slice(1)]).toContainEqual(moved)
      expect([[{ [s.blue]: 1 }], []]).toContainEqual(seen.slice(0, seen.length - moved.length))
      expect(await ruleWeights(rule)).toEqual({ [s.blue]: 0, [s.green]: 100 })
      // The listener's own default action is not the production route here: left as it was.
      expect(await listenerWeights(s.listener)).toEqual({ [s.blue]: 100, [s.green]: 0 })
      expect(await serving()).toEqual([{ status: 'PRIMARY', taskDefinition: s.next, group: s.green }])
    })
  })

  it('canary 25 %, the alarm set to ALARM during the canary bake: one ModifyListener back to blue 100 / green 0', async () => {
    const s = await scene()
    let fired = false
    const { result, seen } = await deployWatching(
      {
        'task-definition': s.next,
        'listener-arn': s.listener,
        'target-groups': `${s.blue},${s.green}`,
        strategy: 'canary',
        'canary-percent': '25',
        'canary-bake-time': '10s'
      },
      () => listenerWeights(s.listener),
      async weights => {
        if (weights[s.green] !== 25 || fired) return
        fired = true
        await fireAlarm(cw)
      }
    )
    await explained(result, async () => {
      expect(fired).toBe(true)
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ status: 'rolled-back', 'traffic-percent': '0' })
      expect(result.outputs.reason).toMatch(/^alarm web-5xx went into ALARM at \S+Z: Threshold Crossed: /)
      expect(seen).toEqual([
        { [s.blue]: 100, [s.green]: 0 },
        { [s.blue]: 75, [s.green]: 25 },
        { [s.blue]: 100, [s.green]: 0 }
      ])
      expect(result.stdout).toMatch(/all traffic back on web:1 .*\(1 mutating call\)/)
      expect(result.summary).toMatch(/Traffic was back on web:1 \S+ later, after 1 mutating call\./)
      expect(await listenerWeights(s.listener)).toEqual({ [s.blue]: 100, [s.green]: 0 })
      // moto shows a deleted task set no more: the previous revision alone, still in blue.
      expect(await serving()).toEqual([{ status: 'PRIMARY', taskDefinition: s.previous, group: s.blue }])
    })
  })
}

describeWithMoto('dist/index.js traffic by weights against moto', suite)
