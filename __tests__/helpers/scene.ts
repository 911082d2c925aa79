// The end-to-end scene every e2e suite uses: an in-process sandbox (one per test, so tests run concurrently in
// one jest worker), services of a given kind in it, dist/index.js (or ECS_ROLLOUT_DIST, a bundle built
// elsewhere) run on them as the runner runs it, and what a test reads and checks afterwards.

import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskSetsCommand,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  type ServiceDeployment,
  type TaskSet
} from '@aws-sdk/client-ecs'
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { expect } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SandboxControl } from '../../sandbox/client.js'
import {
  CONTAINER_NAME,
  createManualAlarm,
  createScene,
  NETWORK,
  registerRevision,
  waitFor,
  type Clients,
  type SceneOptions as FixtureOptions
} from '../../sandbox/fixtures.js'
import { createNativeScene, type NativeSceneOptions } from '../../sandbox/nativeScene.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { tagRecord } from '../../src/aws/tags.js'
import { decodeRecord, type RolloutRecord } from '../../src/record/record.js'
import {
  awsEnv,
  DIST,
  readOutputs,
  runBundled,
  type ActionFiles,
  type RunOptions,
  type RunResult
} from './action.js'

export { explained, transcript, type RunResult } from './action.js'

/** dist/index.js, or ECS_ROLLOUT_DIST; the post step beside it in post/. */
export const MAIN = process.env.ECS_ROLLOUT_DIST ?? DIST
export const POST = resolve(MAIN, '../post/index.js')
export const TICK_MS = 200
export const ALARM = 'web-5xx'
/**
 * An alarm that only SetAlarmState moves. The sandbox evaluates metric alarms once per period and a state set
 * by SetAlarmState lasts until the next evaluation, so an alarm on the 5xx metric would be put back to OK
 * within a second. This one watches a metric nobody publishes, with TreatMissingData `ignore`: with no
 * datapoint at all an evaluation keeps the current state (as CloudWatch does), so a state set by hand sticks.
 */
export const MANUAL_ALARM = 'web-manual'

/**
 * What a scene's service is:
 * - replicas: EXTERNAL (task sets), one target group, traffic by the number of tasks;
 * - weights: EXTERNAL, two target groups (blue serving, green idle) and a listener forwarding 100/0;
 * - rolling: the ECS controller, ECS replacing the tasks itself (rolling, all-at-once);
 * - native: the ECS controller set up for ECS's native linear, canary and blue-green (two target groups, a
 *   production rule, the load balancer's advancedConfiguration).
 */
export type Kind = 'replicas' | 'weights' | 'rolling' | 'native'

interface KindSpec {
  controller: 'EXTERNAL' | 'ECS'
  desiredCount: number
  /** How soon a task starts: the suites of each kind have their timings tuned to it. */
  startSeconds: number
  manualAlarm: boolean
  timeoutMs: number
}

const KINDS: Record<Kind, KindSpec> = {
  // A step takes about 2–3 s (a quick poll per move, health checks at the tick).
  replicas: {
    controller: 'EXTERNAL',
    desiredCount: 4,
    startSeconds: 0.5,
    manualAlarm: false,
    timeoutMs: 55_000
  },
  // Health checks run every tick, two passes make a target healthy; the longer timeout is for a busy machine.
  weights: {
    controller: 'EXTERNAL',
    desiredCount: 4,
    startSeconds: 0.3,
    manualAlarm: true,
    timeoutMs: 100_000
  },
  // With 200 ms ticks and health checks, a batch is healthy about a second after its tasks start.
  rolling: { controller: 'ECS', desiredCount: 6, startSeconds: 0.4, manualAlarm: false, timeoutMs: 55_000 },
  native: { controller: 'ECS', desiredCount: 4, startSeconds: 0.4, manualAlarm: false, timeoutMs: 55_000 }
}

/** A started sandbox, with what every service in it shares. */
export interface Stage {
  sandbox: Sandbox
  control: SandboxControl
  /** The action's environment: its AWS SDK talks to the sandbox. */
  env: Record<string, string>
  /** A temp directory (hook scripts, marker files), removed with the stage. */
  dir: string
  close(): Promise<void>
}

export interface SceneOptions {
  kind?: Kind
  service?: string
  desiredCount?: number
  /** Seconds before a task of the scene's revisions starts (default: the kind's). */
  startSeconds?: number
  /** Environment of the revision the service runs before the test (default: the fast start). */
  env?: Record<string, string>
  /** The 5xx alarm ALARM on the load balancer (default true) and its threshold (Sum over 1 s, default 5). */
  alarm?: boolean
  threshold?: number
  /** Also MANUAL_ALARM (default: weights scenes have it). */
  manualAlarm?: boolean
  /** More options of the sandbox's createScene (replicas, weights, rolling). */
  scene?: Partial<FixtureOptions>
  /** More options of the sandbox's createNativeScene (native). */
  native?: Omit<NativeSceneOptions, 'cluster' | 'service' | 'env'>
}

/** A service in a stage, steady on its first revision. */
export interface Scene extends Stage {
  kind: Kind
  controller: 'EXTERNAL' | 'ECS'
  clients: Clients
  cluster: string
  service: string
  serviceArn: string
  family: string
  /** The revision the service ran when it was created. */
  previous: string
  desiredCount: number
  /** The environment that makes a revision's tasks start fast. */
  fast: Record<string, string>
  targetGroups: string[]
  loadBalancer?: string
  listener?: string
  testListener?: string
  /** Native scenes: the production listener rule, forwarding to [blue, green]. */
  productionRule?: string
  /** Inputs every `deploy` gets unless the test gives them. */
  deployInputs: Record<string, string>
  timeoutMs: number
}

export async function openStage(): Promise<Stage> {
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-e2e-'))
  return {
    sandbox,
    control: new SandboxControl(sandbox.url),
    env: awsEnv(sandbox.url),
    dir,
    close: async () => {
      await sandbox.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Runs `body` on a fresh stage; always closes it. */
export async function withStage<T>(body: (stage: Stage) => Promise<T>): Promise<T> {
  const stage = await openStage()
  try {
    return await body(stage)
  } finally {
    await stage.close()
  }
}

/** Runs `body` on a fresh stage holding one service (default: "web" in cluster "prod", replicas). */
export function withScene<T>(options: SceneOptions, body: (scene: Scene) => Promise<T>): Promise<T> {
  return withStage(async stage => body(await addScene(stage, options)))
}

/** Creates a service of `options.kind` in cluster "prod" of the stage's sandbox. */
export async function addScene(stage: Stage, options: SceneOptions = {}): Promise<Scene> {
  const kind = options.kind ?? 'replicas'
  const spec = KINDS[kind]
  const fast = { SANDBOX_START_SECONDS: String(options.startSeconds ?? spec.startSeconds) }
  const common = {
    cluster: 'prod',
    service: options.service ?? 'web',
    desiredCount: options.desiredCount ?? spec.desiredCount,
    env: options.env ?? fast,
    alarm: options.alarm === false ? undefined : { name: ALARM, threshold: options.threshold ?? 5, period: 1 }
  }
  const created =
    kind === 'native'
      ? await createNativeScene(stage.sandbox.url, { ...common, ...options.native })
      : await createScene(stage.sandbox.url, {
          ...common,
          controller: spec.controller,
          ...(kind === 'weights' ? { weightedTargetGroups: true } : { loadBalanced: true }),
          ...options.scene
        })
  if (options.manualAlarm ?? spec.manualAlarm) await createManualAlarm(created.clients.cw, MANUAL_ALARM)
  const scene: Scene = {
    ...stage,
    kind,
    controller: spec.controller,
    clients: created.clients,
    cluster: created.clusterName,
    service: created.serviceName,
    serviceArn: created.service,
    family: created.family,
    previous: created.taskDefinition,
    desiredCount: common.desiredCount,
    fast,
    targetGroups: created.targetGroups,
    loadBalancer: created.loadBalancer,
    listener: created.listener,
    testListener: 'testListener' in created ? created.testListener : undefined,
    productionRule: 'productionRule' in created ? created.productionRule : undefined,
    deployInputs: { alarms: ALARM, 'poll-interval': '1s', 'bake-time': '1s' },
    timeoutMs: spec.timeoutMs
  }
  if (kind === 'weights')
    scene.deployInputs = {
      traffic: 'weights',
      'listener-arn': scene.listener!,
      'target-groups': scene.targetGroups.join(','),
      alarms: `${ALARM},${MANUAL_ALARM}`,
      'poll-interval': '1s',
      'bake-time': '1s',
      'hook-retry-interval': '300ms'
    }
  // Infrastructure is set up well before a deploy: with realism on, the first run sees it whole, as it would.
  await readsCaughtUp(stage)
  return scene
}

/** A service beside the scene's, on its first revision, that CodeDeploy deploys (which the action refuses). */
export async function addCodeDeployService(scene: Scene, name: string): Promise<void> {
  await scene.clients.ecs.send(
    new CreateServiceCommand({
      cluster: scene.cluster,
      serviceName: name,
      desiredCount: 1,
      taskDefinition: scene.previous,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      deploymentController: { type: 'CODE_DEPLOY' }
    })
  )
}

/** What a revision may have besides the sandbox's standard one: another image, size, task role, secrets. */
export interface RevisionExtra {
  image?: string
  secrets?: Record<string, string>
  cpu?: string
  memory?: string
  taskRoleArn?: string
}

/** A new revision of the service's family, fast-starting unless `env` says otherwise. */
export async function revision(
  scene: Scene,
  env: Record<string, string> = {},
  extra?: RevisionExtra
): Promise<string> {
  const environment = { ...scene.fast, ...env }
  if (!extra) return registerRevision(scene.clients.ecs, scene.family, environment)
  const out = await scene.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: scene.family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: extra.cpu ?? '256',
      memory: extra.memory ?? '512',
      taskRoleArn: extra.taskRoleArn,
      executionRoleArn: extra.secrets ? 'arn:aws:iam::123456789012:role/web-execution' : undefined,
      containerDefinitions: [
        {
          name: CONTAINER_NAME,
          image: extra.image ?? 'public.ecr.aws/nginx/nginx:latest',
          essential: true,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          environment: Object.entries(environment).map(([name, value]) => ({ name, value })),
          secrets: Object.entries(extra.secrets ?? {}).map(([name, valueFrom]) => ({ name, valueFrom }))
        }
      ]
    })
  )
  return out.taskDefinition!.taskDefinitionArn!
}

/** Who runs the action, and how. */
export interface RunAs extends Omit<RunOptions, 'entry'> {
  /** GITHUB_RUN_ID, GITHUB_ACTOR, GITHUB_SHA (default: the runner's of action.ts). */
  runId?: number
  actor?: string
  sha?: string
  /** Run the post step (dist/post/index.js) of this main step, with the state it saved, as the runner does. */
  postOf?: RunResult
}

export interface Run {
  result: RunResult
  startedAt: number
  endedAt: number
}

/** Runs the action on the scene's service with `inputs`. */
export async function run(scene: Scene, inputs: Record<string, string>, as: RunAs = {}): Promise<Run> {
  // After every call logged so far: a revision registered just before may be logged in this very millisecond.
  const startedAt = await callsMark()
  const result = await runBundled(
    { cluster: scene.cluster, service: scene.service, ...inputs },
    {
      env: {
        ...scene.env,
        ...(as.runId === undefined ? {} : { GITHUB_RUN_ID: String(as.runId) }),
        ...(as.actor === undefined ? {} : { GITHUB_ACTOR: as.actor }),
        ...(as.sha === undefined ? {} : { GITHUB_SHA: as.sha }),
        ...(as.postOf ? stateEnv(as.postOf.files) : {}),
        ...as.env
      },
      files: as.files,
      entry: as.postOf ? POST : MAIN,
      onStart: as.onStart,
      onLine: as.onLine,
      onExit: as.onExit,
      timeoutMs: as.timeoutMs ?? scene.timeoutMs
    }
  )
  const endedAt = Date.now()
  await readsCaughtUp(scene)
  return { result, startedAt, endedAt }
}

/**
 * With the sandbox's read-after-write lag on (realism), waits out the longest lag after a run: what the test
 * reads next, and the next run it starts, see the run's last writes, as two workflow runs minutes apart would.
 * (Runs started while another is under way get no such grace: those are the races the action must handle.)
 * A test that writes to AWS itself, as a person or another tool would, waits the same before the next run.
 */
export async function readsCaughtUp(scene: Stage): Promise<void> {
  const lagMs = await readLagMs(scene)
  if (lagMs > 0) await new Promise(resolve => setTimeout(resolve, lagMs))
}

/**
 * The longest the sandbox's reads may lag its writes (0 unless realism is on): what the action sees of a change
 * comes up to this much later, so a bound on how soon it reacts grows by it, as it would on AWS.
 */
export async function readLagMs(scene: Stage): Promise<number> {
  return (await scene.control.realism()).lagMs
}

/** `command: deploy` with the scene's deploy inputs (fast polls and bakes, its alarms) under `inputs`. */
export function deploy(scene: Scene, inputs: Record<string, string>, as: RunAs = {}): Promise<Run> {
  return run(scene, { command: 'deploy', ...scene.deployInputs, ...inputs }, as)
}

/** The runner's GITHUB_STATE file turned into the STATE_* variables it gives the post step. */
function stateEnv(files: ActionFiles): Record<string, string> {
  const saved = readOutputs(files.stateFile)
  return Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v]))
}

/** The service, with its tags (the rollout record). */
export async function describeService(scene: Scene): Promise<Service> {
  const out = await scene.clients.ecs.send(
    new DescribeServicesCommand({ cluster: scene.cluster, services: [scene.service], include: ['TAGS'] })
  )
  return out.services![0]
}

/** The rollout record a described service's tags hold. */
export function recordIn(service: Service): RolloutRecord | undefined {
  return decodeRecord(tagRecord(service.tags))
}

/** The service's rollout record now. */
export async function record(scene: Scene): Promise<RolloutRecord | undefined> {
  return recordIn(await describeService(scene))
}

export async function taskSets(scene: Scene): Promise<TaskSet[]> {
  const out = await scene.clients.ecs.send(
    new DescribeTaskSetsCommand({ cluster: scene.cluster, service: scene.service })
  )
  return out.taskSets ?? []
}

/** The service's service deployments, newest first, described. */
export async function serviceDeployments(scene: Scene): Promise<ServiceDeployment[]> {
  const listed = await scene.clients.ecs.send(
    new ListServiceDeploymentsCommand({ cluster: scene.cluster, service: scene.service })
  )
  const arns = (listed.serviceDeployments ?? []).map(b => b.serviceDeploymentArn!)
  if (arns.length === 0) return []
  const out = await scene.clients.ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns })
  )
  return out.serviceDeployments ?? []
}

/** The production rule's weights, [blue, green]. */
export async function ruleWeights(scene: Scene): Promise<number[]> {
  const out = await scene.clients.elb.send(new DescribeRulesCommand({ RuleArns: [scene.productionRule!] }))
  const groups = out.Rules![0].Actions!.find(a => a.Type === 'forward')!.ForwardConfig!.TargetGroups!
  return scene.targetGroups.map(tg => groups.find(g => g.TargetGroupArn === tg)?.Weight ?? 0)
}

/** Waits until the production rule forwards with these weights, [blue, green]. */
export async function waitForWeights(
  scene: Scene,
  weights: number[],
  // With realism every step waits out read lag and weight propagation as well (jest's own timeout is 180 s then).
  timeoutMs = process.env.SANDBOX_REALISM ? 90_000 : 30_000
): Promise<void> {
  await waitFor(
    `production weights ${weights.join('/')}`,
    async () => JSON.stringify(await ruleWeights(scene)) === JSON.stringify(weights),
    { timeoutMs, intervalMs: 100 }
  )
}

/** Puts an alarm into ALARM by hand, as an operator (or CloudWatch) would. */
export async function setAlarm(scene: Scene, name: string, reason: string): Promise<void> {
  await scene.clients.cw.send(
    new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: reason })
  )
}

/**
 * A time for `mutatingCalls` after every call the sandbox has recorded so far: the sandbox stamps a call with the
 * millisecond it arrived, so a call answered within the same millisecond as a bare Date.now() would count as later.
 */
export async function callsMark(): Promise<number> {
  const mark = Date.now() + 1
  while (Date.now() < mark) await new Promise(resolve => setTimeout(resolve, 1))
  return mark
}

/** Mutating calls the sandbox saw since `since`, as "service:Operation". */
export async function mutatingCalls(scene: Scene, since: number): Promise<string[]> {
  const calls = await scene.control.calls(since)
  return calls.filter(c => c.mutating).map(c => `${c.service}:${c.operation}`)
}

/**
 * Waits (10 s at most) until the service is settled, as `settled` says of it; a timeout shows what `shown` picks
 * of the service instead of a bare timeout.
 */
function waitSettled(
  scene: Scene,
  what: string,
  settled: (service: Service) => boolean,
  shown: (service: Service) => unknown
): Promise<Service> {
  return waitFor(
    what,
    async () => {
      const s = await describeService(scene)
      return settled(s) ? s : undefined
    },
    { timeoutMs: 10_000, intervalMs: 200 }
  ).catch(async error => {
    expect(shown(await describeService(scene))).toEqual(what)
    throw error
  })
}

/**
 * The service has settled on `taskDefinition` at the desired count. Task sets: once a removed one has drained
 * (ECS shows a deleted set DRAINING until its tasks have stopped), exactly one, PRIMARY at 100 %, steady.
 * The ECS controller: one deployment, COMPLETED, on `taskDefinition`.
 */
export async function expectSettledOn(scene: Scene, taskDefinition: string): Promise<void> {
  if (scene.controller === 'ECS') {
    const service = await waitSettled(
      scene,
      'a single completed deployment',
      s => {
        const d = s.deployments ?? []
        return d.length === 1 && d[0].rolloutState === 'COMPLETED' && d[0].runningCount === s.desiredCount
      },
      s => s.deployments
    )
    expect(service.taskDefinition).toBe(taskDefinition)
    expect(service.deployments![0].taskDefinition).toBe(taskDefinition)
    return
  }
  const service = await waitSettled(
    scene,
    'a single steady task set',
    s => s.taskSets?.length === 1 && s.taskSets[0].stabilityStatus === 'STEADY_STATE',
    s => s.taskSets
  )
  const [set] = service.taskSets!
  expect({
    status: set.status,
    taskDefinition: set.taskDefinition,
    scale: set.scale?.value,
    computedDesiredCount: set.computedDesiredCount,
    runningCount: set.runningCount
  }).toEqual({
    status: 'PRIMARY',
    taskDefinition,
    scale: 100,
    computedDesiredCount: service.desiredCount,
    runningCount: service.desiredCount
  })
  expect(service.desiredCount).toBe(scene.desiredCount)
}

/** The journal from `since`: never fewer healthy tasks than `floor`; returns the ticks looked at. */
export async function expectFloorKept(scene: Scene, since: number, floor: number): Promise<number> {
  const journal = await scene.control.journal(scene.cluster, scene.service, { floor, since })
  expect(journal.ticks.length).toBeGreaterThan(0)
  expect(journal.belowFloor).toEqual([])
  return journal.ticks.length
}

/**
 * How a deploy of `next` ended, in its exit code and outputs: succeeded (exit 0, all traffic on `next`) or rolled
 * back (exit 1, none), from the revision the scene began with, with a rollout id of this run.
 */
export function expectEnded(
  scene: Scene,
  result: RunResult,
  status: 'succeeded' | 'rolled-back',
  next: string
): void {
  expect(result.code).toBe(status === 'succeeded' ? 0 : 1)
  expect({
    status: result.outputs.status,
    'task-definition-arn': result.outputs['task-definition-arn'],
    'previous-task-definition-arn': result.outputs['previous-task-definition-arn'],
    'traffic-percent': result.outputs['traffic-percent']
  }).toEqual({
    status,
    'task-definition-arn': next,
    'previous-task-definition-arn': scene.previous,
    'traffic-percent': status === 'succeeded' ? '100' : '0'
  })
  expect(result.outputs['rollout-id']).toMatch(/^r4242-1-[0-9a-f]{6}$/)
}
