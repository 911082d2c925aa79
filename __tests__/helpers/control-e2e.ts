// End-to-end control tests (issue 6): services in one stage of the scene helper, dist/index.js (and
// dist/post/index.js) run on them, each run with its own run id, actor and commit, so ownership and history can
// be told apart. Tasks start in 0.3 s and the sandbox ticks every 200 ms: a step takes a second or two.

import { DeregisterTaskDefinitionCommand, type Service, type TaskSet } from '@aws-sdk/client-ecs'
import { expect } from '@jest/globals'
import type { CallRecord } from '../../sandbox/client.js'
import { waitFor } from '../../sandbox/fixtures.js'
import type { RolloutRecord } from '../../src/record/record.js'
import {
  addScene,
  describeService,
  recordIn,
  run,
  type Run,
  type RunAs,
  type Scene,
  type Stage
} from './scene.js'

/** Operations that change a service's capacity or which task set serves it. */
export const CAPACITY_CALLS = [
  'CreateTaskSet',
  'UpdateTaskSet',
  'DeleteTaskSet',
  'UpdateServicePrimaryTaskSet',
  'UpdateService'
]

/** A steady EXTERNAL service (3 tasks unless said) behind its own load balancer, no alarm, in the stage. */
export function addService(
  stage: Stage,
  name: string,
  options: { desiredCount?: number; env?: Record<string, string> } = {}
): Promise<Scene> {
  return addScene(stage, {
    service: name,
    desiredCount: options.desiredCount ?? 3,
    startSeconds: 0.3,
    env: options.env,
    alarm: false
  })
}

export async function deregister(svc: Scene, arn: string): Promise<void> {
  await svc.clients.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }))
}

/** Runs the action on the service with `inputs` (command defaults to deploy), polling every 500 ms. */
export async function act(svc: Scene, inputs: Record<string, string>, o: RunAs = {}): Promise<Run> {
  const done = await run(svc, { 'poll-interval': '500ms', ...inputs }, { timeoutMs: 45_000, ...o })
  const { result, startedAt, endedAt } = done
  if (process.env.CONTROL_E2E_LOG)
    process.stderr.write(
      `${svc.service} ${inputs.command ?? 'deploy'} run ${o.runId ?? 4242}${o.postOf ? ' (post)' : ''}: exit ${result.code ?? result.signal} ${result.outputs.status ?? ''} in ${endedAt - startedAt} ms ${result.outputs.reason ?? ''}\n`
    )
  return done
}

/** A deploy of `taskDefinition` with a 1 s final bake. */
export function deploy(
  svc: Scene,
  taskDefinition: string,
  inputs: Record<string, string> = {},
  o: RunAs = {}
): Promise<Run> {
  return act(svc, { 'task-definition': taskDefinition, 'bake-time': '1s', ...inputs }, o)
}

/** The post step (dist/post/index.js) with the main step's inputs and saved state. */
export function post(
  svc: Scene,
  inputs: Record<string, string>,
  main: Run['result'],
  o: RunAs = {}
): Promise<Run> {
  return act(svc, inputs, { ...o, postOf: main })
}

export function liveSets(service: Service): TaskSet[] {
  return (service.taskSets ?? []).filter(s => s.status !== 'DRAINING')
}

/** New-revision tasks running, as ECS counts them. */
export async function runningOf(svc: Scene, taskDefinition: string): Promise<number> {
  const sets = liveSets(await describeService(svc)).filter(s => s.taskDefinition === taskDefinition)
  return sets.reduce((sum, s) => sum + (s.runningCount ?? 0), 0)
}

/** The service's task sets as a run would change them: which revision, status and scale. */
export async function taskSetsOf(
  svc: Scene
): Promise<{ taskDefinition?: string; status?: string; scale?: number }[]> {
  return liveSets(await describeService(svc)).map(s => ({
    taskDefinition: s.taskDefinition,
    status: s.status,
    scale: s.scale?.value
  }))
}

/** Capacity-changing calls the sandbox received since `since` (epoch ms); the sandbox's, for all its services. */
export async function capacityCalls(svc: Scene, since: number): Promise<CallRecord[]> {
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
  svc: Scene,
  o: { allowed: string[]; since: number; floor?: number; recordRequired?: boolean }
): Promise<Consistent> {
  const settled = await waitFor(
    `${svc.service}: a single steady task set and traffic on one revision`,
    async () => {
      const s = await describeService(svc)
      const sets = s.taskSets ?? []
      if (sets.length !== 1 || sets[0].stabilityStatus !== 'STEADY_STATE') return undefined
      const journal = await svc.control.journal(svc.cluster, svc.service, { since: Date.now() - 1000 })
      const shares = journal.ticks.map(t => Object.keys(t.trafficShareByTaskDefinition))
      if (shares.length === 0 || shares.some(k => k.length !== 1 || k[0] !== sets[0].taskDefinition))
        return undefined
      return s
    },
    { timeoutMs: 15_000, intervalMs: 250 }
  ).catch(async error => {
    const s = await describeService(svc)
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
  const found = recordIn(settled)
  if (found || o.recordRequired !== false) {
    expect(found?.phase).toBe('Completed')
    expect(found?.stage).toBeUndefined()
    expect(found?.request).toBeUndefined()
  }
  const journal = await svc.control.journal(svc.cluster, svc.service, {
    floor: o.floor ?? svc.desiredCount,
    since: o.since
  })
  expect(journal.ticks.length).toBeGreaterThan(0)
  expect(journal.belowFloor).toEqual([])
  return { taskDefinition: set.taskDefinition!, record: found }
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
