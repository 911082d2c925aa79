// End-to-end control tests (issue 6): services in one in-process sandbox, dist/index.js (and dist/post/index.js)
// run as the runner runs them, each run with its own run id, actor and commit, so ownership and history can be
// told apart. Tasks start in 0.3 s and the sandbox ticks every 200 ms: a step takes a second or two.

import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  type Service,
  type TaskSet
} from '@aws-sdk/client-ecs'
import { expect } from '@jest/globals'
import { resolve } from 'node:path'
import { SandboxControl, type CallRecord } from '../../sandbox/client.js'
import { createScene, registerRevision, waitFor, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { tagRecord } from '../../src/aws/tags.js'
import { decodeRecord, type RolloutRecord } from '../../src/record/record.js'
import { readOutputs, runBundled, type ActionFiles, type RunResult } from './action.js'
import { awsEnv, transcript } from './deploy-e2e.js'

/** dist/index.js, or ECS_ROLLOUT_DIST (a bundle built elsewhere); the post step beside it in post/. */
export const MAIN = process.env.ECS_ROLLOUT_DIST ?? resolve(import.meta.dirname, '../../dist/index.js')
export const POST = resolve(MAIN, '../post/index.js')
export const QUICK = { SANDBOX_START_SECONDS: '0.3' }
export const TICK_MS = 200
export const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
/** Operations that change a service's capacity or which task set serves it. */
export const CAPACITY_CALLS = [
  'CreateTaskSet',
  'UpdateTaskSet',
  'DeleteTaskSet',
  'UpdateServicePrimaryTaskSet',
  'UpdateService'
]

export interface Svc {
  sandbox: Sandbox
  control: SandboxControl
  scene: Scene
  cluster: string
  name: string
  /** The revision the service ran when it was created. */
  first: string
  env: Record<string, string>
  desiredCount: number
}

export async function withSandbox<T>(body: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  try {
    return await body(sandbox)
  } finally {
    await sandbox.close()
  }
}

/** A steady EXTERNAL service behind its own load balancer, in cluster "prod" of the sandbox. */
export async function addService(
  sandbox: Sandbox,
  name: string,
  options: { desiredCount?: number; env?: Record<string, string> } = {}
): Promise<Svc> {
  const desiredCount = options.desiredCount ?? 3
  const scene = await createScene(sandbox.url, {
    cluster: 'prod',
    service: name,
    desiredCount,
    controller: 'EXTERNAL',
    loadBalanced: true,
    env: options.env ?? QUICK
  })
  return {
    sandbox,
    control: new SandboxControl(sandbox.url),
    scene,
    cluster: 'prod',
    name,
    first: scene.taskDefinition,
    env: awsEnv(sandbox.url),
    desiredCount
  }
}

/** A new revision of the service's family (fast-starting unless `env` says otherwise). */
export function newRevision(
  svc: Svc,
  env: Record<string, string> = {},
  extra?: RevisionExtra
): Promise<string> {
  if (!extra) return registerRevision(svc.scene.clients.ecs, svc.scene.family, { ...QUICK, ...env })
  return registerWith(svc, { ...QUICK, ...env }, extra)
}

export interface RevisionExtra {
  image?: string
  secrets?: Record<string, string>
  cpu?: string
  memory?: string
  taskRoleArn?: string
}

async function registerWith(svc: Svc, env: Record<string, string>, extra: RevisionExtra): Promise<string> {
  const { RegisterTaskDefinitionCommand } = await import('@aws-sdk/client-ecs')
  const out = await svc.scene.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: svc.scene.family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: extra.cpu ?? '256',
      memory: extra.memory ?? '512',
      taskRoleArn: extra.taskRoleArn,
      executionRoleArn: extra.secrets ? 'arn:aws:iam::123456789012:role/web-execution' : undefined,
      containerDefinitions: [
        {
          name: 'app',
          image: extra.image ?? 'public.ecr.aws/nginx/nginx:latest',
          essential: true,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          environment: Object.entries(env).map(([name, value]) => ({ name, value })),
          secrets: Object.entries(extra.secrets ?? {}).map(([name, valueFrom]) => ({ name, valueFrom }))
        }
      ]
    })
  )
  return out.taskDefinition!.taskDefinitionArn!
}

export async function deregister(svc: Svc, arn: string): Promise<void> {
  await svc.scene.clients.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }))
}

export interface ActOptions {
  runId?: number
  actor?: string
  sha?: string
  files?: ActionFiles
  entry?: string
  env?: Record<string, string>
  onStart?: (pid: number) => void
  timeoutMs?: number
}

export interface Act {
  result: RunResult
  startedAt: number
  endedAt: number
}

/** Runs the action on the service with `inputs` (command defaults to deploy), as run `runId` by `actor`. */
export async function act(svc: Svc, inputs: Record<string, string>, o: ActOptions = {}): Promise<Act> {
  const startedAt = Date.now()
  const result = await runBundled(
    { cluster: svc.cluster, service: svc.name, 'poll-interval': '500ms', ...inputs },
    {
      env: {
        ...svc.env,
        GITHUB_RUN_ID: String(o.runId ?? 4242),
        GITHUB_ACTOR: o.actor ?? 'octocat',
        GITHUB_SHA: o.sha ?? SHA,
        ...o.env
      },
      files: o.files,
      entry: o.entry ?? MAIN,
      onStart: o.onStart,
      timeoutMs: o.timeoutMs ?? 45_000
    }
  )
  const endedAt = Date.now()
  if (process.env.CONTROL_E2E_LOG)
    process.stderr.write(
      `${svc.name} ${inputs.command ?? 'deploy'} run ${o.runId ?? 4242}${o.entry ? ' (post)' : ''}: exit ${result.code ?? result.signal} ${result.outputs.status ?? ''} in ${endedAt - startedAt} ms ${result.outputs.reason ?? ''}\n`
    )
  return { result, startedAt, endedAt }
}

/** A deploy of `taskDefinition` with a 1 s final bake. */
export function deploy(
  svc: Svc,
  taskDefinition: string,
  inputs: Record<string, string> = {},
  o: ActOptions = {}
): Promise<Act> {
  return act(svc, { 'task-definition': taskDefinition, 'bake-time': '1s', ...inputs }, o)
}

/** The runner's GITHUB_STATE file turned into the STATE_* variables it gives the post step. */
export function stateEnv(files: ActionFiles): Record<string, string> {
  const saved = readOutputs(files.stateFile)
  return Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v]))
}

/** The post step (dist/post/index.js) with the main step's inputs and saved state. */
export function post(
  svc: Svc,
  inputs: Record<string, string>,
  main: RunResult,
  o: ActOptions = {}
): Promise<Act> {
  return act(svc, inputs, { ...o, entry: POST, env: { ...stateEnv(main.files), ...o.env } })
}

export async function describe(svc: Svc): Promise<Service> {
  const out = await svc.scene.clients.ecs.send(
    new DescribeServicesCommand({ cluster: svc.cluster, services: [svc.name], include: ['TAGS'] })
  )
  return out.services![0]
}

export async function record(svc: Svc): Promise<RolloutRecord | undefined> {
  return decodeRecord(tagRecord((await describe(svc)).tags))
}

export function liveSets(service: Service): TaskSet[] {
  return (service.taskSets ?? []).filter(s => s.status !== 'DRAINING')
}

/** New-revision tasks running, as ECS counts them. */
export async function runningOf(svc: Svc, taskDefinition: string): Promise<number> {
  const sets = liveSets(await describe(svc)).filter(s => s.taskDefinition === taskDefinition)
  return sets.reduce((sum, s) => sum + (s.runningCount ?? 0), 0)
}

/** The service's task sets as a run would change them: which revision, status and scale. */
export async function taskSetsOf(
  svc: Svc
): Promise<{ taskDefinition?: string; status?: string; scale?: number }[]> {
  return liveSets(await describe(svc)).map(s => ({
    taskDefinition: s.taskDefinition,
    status: s.status,
    scale: s.scale?.value
  }))
}

/** Capacity-changing calls the sandbox received since `since` (epoch ms); the sandbox's, for all its services. */
export async function capacityCalls(svc: Svc, since: number): Promise<CallRecord[]> {
  const calls = await svc.control.calls(since)
  return calls.filter(c => c.mutating && c.service === 'ecs' && CAPACITY_CALLS.includes(c.operation))
}

export interface Consistent {
  /** The revision serving everything. */
  taskDefinition: string
  record?: RolloutRecord
}

/**
 * The service has settled: one task set (once a removed one has drained), PRIMARY at 100 %, steady with the
 * desired count running, on one of `allowed`; every request of the last ticks went to that revision; the record
 * is Completed (or there is none, when `recordRequired` is false); and since `since` the journal shows no tick
 * with fewer healthy tasks than `floor`.
 */
export async function expectConsistent(
  svc: Svc,
  o: { allowed: string[]; since: number; floor?: number; recordRequired?: boolean }
): Promise<Consistent> {
  const settled = await waitFor(
    `${svc.name}: a single steady task set and traffic on one revision`,
    async () => {
      const s = await describe(svc)
      const sets = s.taskSets ?? []
      if (sets.length !== 1 || sets[0].stabilityStatus !== 'STEADY_STATE') return undefined
      const journal = await svc.control.journal(svc.cluster, svc.name, { since: Date.now() - 1000 })
      const shares = journal.ticks.map(t => Object.keys(t.trafficShareByTaskDefinition))
      if (shares.length === 0 || shares.some(k => k.length !== 1 || k[0] !== sets[0].taskDefinition))
        return undefined
      return s
    },
    { timeoutMs: 15_000, intervalMs: 250 }
  ).catch(async error => {
    const s = await describe(svc)
    expect({ taskSets: s.taskSets, tags: s.tags }).toEqual('a single steady task set')
    throw error
  })
  const [set] = settled.taskSets!
  expect({
    status: set.status,
    scale: set.scale?.value,
    running: set.runningCount,
    desired: settled.desiredCount
  }).toEqual({ status: 'PRIMARY', scale: 100, running: svc.desiredCount, desired: svc.desiredCount })
  expect(o.allowed).toContain(set.taskDefinition)
  const found = decodeRecord(tagRecord(settled.tags))
  if (found || o.recordRequired !== false) {
    expect(found?.phase).toBe('Completed')
    expect(found?.stage).toBeUndefined()
    expect(found?.request).toBeUndefined()
  }
  const journal = await svc.control.journal(svc.cluster, svc.name, {
    floor: o.floor ?? svc.desiredCount,
    since: o.since
  })
  expect(journal.ticks.length).toBeGreaterThan(0)
  expect(journal.belowFloor).toEqual([])
  return { taskDefinition: set.taskDefinition!, record: found }
}

/** Runs the checks; a failure carries the runs' logs and summaries. */
export async function explain(
  runs: (RunResult | undefined)[],
  check: () => Promise<void> | void
): Promise<void> {
  try {
    await check()
  } catch (error) {
    if (error instanceof Error)
      error.message += runs
        .filter((r): r is RunResult => r !== undefined)
        .map((r, i) => `\n\n===== run ${i + 1}\n${transcript(r)}`)
        .join('')
    throw error
  }
}

/** mulberry32: a small seeded PRNG, so a failing kill moment can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms))
}
