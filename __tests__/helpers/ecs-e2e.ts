// End-to-end tests of deploy on ECS-controller services: one in-process sandbox per test, a service of 6 tasks
// (rolling) or 4 (native strategies, set up with the load balancer's advanced configuration), a 5xx alarm on
// the load balancer, and dist/index.js (or ECS_ROLLOUT_DIST) run as the runner runs it.

import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  type Service,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { expect } from '@jest/globals'
import { SandboxControl } from '../../sandbox/client.js'
import {
  createManualAlarm,
  createScene,
  registerRevision,
  waitFor,
  type Clients,
  type SceneOptions
} from '../../sandbox/fixtures.js'
import { createNativeScene, type NativeSceneOptions } from '../../sandbox/nativeScene.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { runBundled, type RunResult } from './action.js'
import { ALARM, awsEnv, explained, MANUAL_ALARM } from './deploy-e2e.js'

export { ALARM, explained, MANUAL_ALARM }

/** Tasks start in 0.4 s; with 200 ms ticks and health checks, a batch is healthy about a second later. */
export const FAST = { SANDBOX_START_SECONDS: '0.4' }
export const TICK_MS = 200

export interface EcsE2E {
  sandbox: Sandbox
  control: SandboxControl
  clients: Clients
  cluster: string
  service: string
  family: string
  /** The revision the service runs before the deploy. */
  previous: string
  /** Native scenes: the production rule and [blue, green]. */
  productionRule?: string
  targetGroups: string[]
  env: Record<string, string>
}

export interface EcsE2EOptions {
  /** Native strategies: the scene with two target groups, a production rule and the advanced configuration. */
  native?: boolean | Omit<NativeSceneOptions, 'cluster' | 'service' | 'env'>
  desiredCount?: number
  /** The 5xx alarm's threshold (Sum over 1 s periods); default 5. */
  threshold?: number
  /** Rolling scenes: more createScene options (deploymentConfiguration, controller). */
  scene?: Partial<SceneOptions>
  /** Also create MANUAL_ALARM, which only SetAlarmState moves. */
  manualAlarm?: boolean
}

export async function withEcsScene<T>(options: EcsE2EOptions, body: (e2e: EcsE2E) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  try {
    const alarm = { name: ALARM, threshold: options.threshold ?? 5, period: 1 }
    let e2e: EcsE2E
    if (options.native) {
      const extra = typeof options.native === 'object' ? options.native : {}
      const scene = await createNativeScene(sandbox.url, {
        cluster: 'prod',
        service: 'web',
        desiredCount: options.desiredCount ?? 4,
        env: FAST,
        alarm,
        ...extra
      })
      e2e = {
        sandbox,
        control: new SandboxControl(sandbox.url),
        clients: scene.clients,
        cluster: scene.clusterName,
        service: scene.serviceName,
        family: scene.family,
        previous: scene.taskDefinition,
        productionRule: scene.productionRule,
        targetGroups: scene.targetGroups,
        env: awsEnv(sandbox.url)
      }
    } else {
      const scene = await createScene(sandbox.url, {
        cluster: 'prod',
        service: 'web',
        desiredCount: options.desiredCount ?? 6,
        controller: 'ECS',
        loadBalanced: true,
        env: FAST,
        alarm,
        ...options.scene
      })
      e2e = {
        sandbox,
        control: new SandboxControl(sandbox.url),
        clients: scene.clients,
        cluster: scene.clusterName,
        service: scene.serviceName,
        family: scene.family,
        previous: scene.taskDefinition,
        targetGroups: scene.targetGroups,
        env: awsEnv(sandbox.url)
      }
    }
    if (options.manualAlarm) await createManualAlarm(e2e.clients.cw, MANUAL_ALARM)
    return await body(e2e)
  } finally {
    await sandbox.close()
  }
}

export function revision(e2e: EcsE2E, env: Record<string, string> = {}): Promise<string> {
  return registerRevision(e2e.clients.ecs, e2e.family, { ...FAST, ...env })
}

export interface Deploy {
  result: RunResult
  startedAt: number
  ms: number
}

/** Runs `command: deploy` on the service; polls every second, bakes a second after completion by default. */
export async function deploy(e2e: EcsE2E, inputs: Record<string, string>): Promise<Deploy> {
  const startedAt = Date.now()
  const result = await runBundled(
    {
      command: 'deploy',
      cluster: e2e.cluster,
      service: e2e.service,
      alarms: ALARM,
      'poll-interval': '1s',
      'bake-time': '1s',
      ...inputs
    },
    { env: e2e.env, timeoutMs: 55_000, entry: process.env.ECS_ROLLOUT_DIST }
  )
  return { result, startedAt, ms: Date.now() - startedAt }
}

/** The service, with its tags (the rollout record). */
export async function describeService(e2e: EcsE2E): Promise<Service> {
  const out = await e2e.clients.ecs.send(
    new DescribeServicesCommand({ cluster: e2e.cluster, services: [e2e.service], include: ['TAGS'] })
  )
  return out.services![0]
}

/** The service's service deployments, newest first, described. */
export async function serviceDeployments(e2e: EcsE2E): Promise<ServiceDeployment[]> {
  const listed = await e2e.clients.ecs.send(
    new ListServiceDeploymentsCommand({ cluster: e2e.cluster, service: e2e.service })
  )
  const arns = (listed.serviceDeployments ?? []).map(b => b.serviceDeploymentArn!)
  if (arns.length === 0) return []
  const out = await e2e.clients.ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns })
  )
  return out.serviceDeployments ?? []
}

/** The production rule's weights, [blue, green]. */
export async function ruleWeights(e2e: EcsE2E): Promise<number[]> {
  const out = await e2e.clients.elb.send(new DescribeRulesCommand({ RuleArns: [e2e.productionRule!] }))
  const groups = out.Rules![0].Actions!.find(a => a.Type === 'forward')!.ForwardConfig!.TargetGroups!
  return e2e.targetGroups.map(tg => groups.find(g => g.TargetGroupArn === tg)?.Weight ?? 0)
}

/** Waits until the production rule forwards with these weights, [blue, green]. */
export async function waitForWeights(e2e: EcsE2E, weights: number[], timeoutMs = 30_000): Promise<void> {
  await waitFor(
    `production weights ${weights.join('/')}`,
    async () => JSON.stringify(await ruleWeights(e2e)) === JSON.stringify(weights),
    { timeoutMs, intervalMs: 100 }
  )
}

/** The service once ECS has settled: one deployment, COMPLETED, on `taskDefinition`, at the desired count. */
export async function expectSettledOn(e2e: EcsE2E, taskDefinition: string): Promise<void> {
  const service = await waitFor(
    'a single completed deployment',
    async () => {
      const s = await describeService(e2e)
      const d = s.deployments ?? []
      return d.length === 1 && d[0].rolloutState === 'COMPLETED' && d[0].runningCount === s.desiredCount
        ? s
        : undefined
    },
    { timeoutMs: 10_000, intervalMs: 200 }
  ).catch(async error => {
    expect((await describeService(e2e)).deployments).toEqual('a single completed deployment')
    throw error
  })
  expect(service.taskDefinition).toBe(taskDefinition)
  expect(service.deployments![0].taskDefinition).toBe(taskDefinition)
}

export function expectOutputs(
  run: RunResult,
  expected: { status: string; taskDefinition: string; previous: string; traffic: string }
): void {
  expect({
    status: run.outputs.status,
    'task-definition-arn': run.outputs['task-definition-arn'],
    'previous-task-definition-arn': run.outputs['previous-task-definition-arn'],
    'traffic-percent': run.outputs['traffic-percent']
  }).toEqual({
    status: expected.status,
    'task-definition-arn': expected.taskDefinition,
    'previous-task-definition-arn': expected.previous,
    'traffic-percent': expected.traffic
  })
  expect(run.outputs['rollout-id']).toMatch(/^r4242-1-[0-9a-f]{6}$/)
}

/** Mutating calls the sandbox saw since `since`, as "service:Operation". */
export async function mutatingCalls(e2e: EcsE2E, since: number): Promise<string[]> {
  const calls = await e2e.control.calls(since)
  return calls.filter(c => c.mutating).map(c => `${c.service}:${c.operation}`)
}
