// End-to-end deploy tests: one in-process sandbox per test (so tests can run concurrently in one jest worker),
// a 4-task EXTERNAL service behind a target group with a 5xx alarm, and dist/index.js run as the runner runs it.

import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeServicesCommand,
  DescribeTaskSetsCommand,
  type Service,
  type TaskSet
} from '@aws-sdk/client-ecs'
import { expect } from '@jest/globals'
import { SandboxControl } from '../../sandbox/client.js'
import {
  createManualAlarm,
  createScene,
  registerRevision,
  waitFor,
  type Scene,
  type SceneOptions
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { runBundled, type RunResult } from './action.js'

/** Tasks start in half a second: a step takes about 2–3 s (a quick poll per move, health checks at the tick). */
export const FAST = { SANDBOX_START_SECONDS: '0.5' }
export const TICK_MS = 200
export const ALARM = 'web-5xx'
/**
 * An alarm that only SetAlarmState moves. The sandbox evaluates metric alarms once per period and a state set
 * by SetAlarmState lasts until the next evaluation, so an alarm on the 5xx metric would be put back to OK
 * within a second. This one watches a metric nobody publishes, with TreatMissingData `ignore`: with no
 * datapoint at all an evaluation keeps the current state (as CloudWatch does), so a state set by hand sticks.
 */
export const MANUAL_ALARM = 'web-manual'

export interface E2E {
  sandbox: Sandbox
  control: SandboxControl
  scene: Scene
  /** The revision the service runs before the deploy. */
  previous: string
  /** Child environment: the action's AWS SDK talks to the sandbox. */
  env: Record<string, string>
}

export interface E2EOptions {
  /** The 5xx alarm's threshold (Sum over 1 s periods); default 5. */
  threshold?: number
  /** Environment of the revision the service runs before the deploy (default FAST). */
  env?: Record<string, string>
  /** Also create MANUAL_ALARM. */
  manualAlarm?: boolean
  desiredCount?: number
  scene?: Partial<SceneOptions>
}

export function awsEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    NODE_NO_WARNINGS: '1'
  }
}

/** Runs `body` against a fresh sandbox holding a steady 4-task EXTERNAL service; always closes the sandbox. */
export async function withScene<T>(options: E2EOptions, body: (e2e: E2E) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  try {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      service: 'web',
      desiredCount: options.desiredCount ?? 4,
      controller: 'EXTERNAL',
      loadBalanced: true,
      env: options.env ?? FAST,
      alarm: { name: ALARM, threshold: options.threshold ?? 5, period: 1 },
      ...options.scene
    })
    if (options.manualAlarm) await createManualAlarm(scene.clients.cw, MANUAL_ALARM)
    return await body({
      sandbox,
      control: new SandboxControl(sandbox.url),
      scene,
      previous: scene.taskDefinition,
      env: awsEnv(sandbox.url)
    })
  } finally {
    await sandbox.close()
  }
}

/** A new revision of the service's family. */
export function revision(e2e: E2E, env: Record<string, string> = {}): Promise<string> {
  return registerRevision(e2e.scene.clients.ecs, e2e.scene.family, { ...FAST, ...env })
}

export interface Deploy {
  result: RunResult
  /** When the run started, for the journal. */
  startedAt: number
  ms: number
}

/** Runs dist/index.js (or ECS_ROLLOUT_DIST, a bundle built elsewhere) with `command: deploy` on the service. */
export async function deploy(e2e: E2E, inputs: Record<string, string>): Promise<Deploy> {
  const startedAt = Date.now()
  const result = await runBundled(
    {
      command: 'deploy',
      cluster: e2e.scene.clusterName,
      service: e2e.scene.serviceName,
      alarms: ALARM,
      'poll-interval': '1s',
      'bake-time': '1s',
      ...inputs
    },
    { env: e2e.env, timeoutMs: 55_000, entry: process.env.ECS_ROLLOUT_DIST }
  )
  return { result, startedAt, ms: Date.now() - startedAt }
}

export function describeService(e2e: E2E): Promise<Service> {
  const { ecs } = e2e.scene.clients
  return ecs
    .send(new DescribeServicesCommand({ cluster: e2e.scene.clusterName, services: [e2e.scene.serviceName] }))
    .then(out => out.services![0])
}

export async function taskSets(e2e: E2E): Promise<TaskSet[]> {
  const out = await e2e.scene.clients.ecs.send(
    new DescribeTaskSetsCommand({ cluster: e2e.scene.clusterName, service: e2e.scene.serviceName })
  )
  return out.taskSets ?? []
}

/**
 * The service once a removed task set has drained away (ECS shows a deleted set DRAINING until its tasks have
 * stopped): exactly one task set, PRIMARY, on `taskDefinition`, running the desired count steadily.
 */
export async function expectSettledOn(e2e: E2E, taskDefinition: string): Promise<void> {
  const service = await waitFor(
    'a single steady task set',
    async () => {
      const s = await describeService(e2e)
      const sets = s.taskSets ?? []
      return sets.length === 1 && sets[0].stabilityStatus === 'STEADY_STATE' ? s : undefined
    },
    { timeoutMs: 10_000, intervalMs: 200 }
  ).catch(async error => {
    // Show what there was instead of a bare timeout.
    expect((await describeService(e2e)).taskSets).toEqual('a single steady task set')
    throw error
  })
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
  expect(service.desiredCount).toBe(4)
}

/** The journal from the run's start: never fewer healthy tasks than `floor`; returns the ticks looked at. */
export async function expectFloorKept(e2e: E2E, since: number, floor: number): Promise<number> {
  const journal = await e2e.control.journal(e2e.scene.clusterName, e2e.scene.serviceName, { floor, since })
  expect(journal.ticks.length).toBeGreaterThan(0)
  expect(journal.belowFloor).toEqual([])
  return journal.ticks.length
}

/** Common output checks. */
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

/** Puts an alarm into ALARM by hand, as an operator or the moto test does. */
export async function setAlarm(e2e: E2E, name: string, reason: string): Promise<void> {
  await e2e.scene.clients.cw.send(
    new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: reason })
  )
}

/** What a failing test should show: the action's log and summary. */
export function transcript(run: RunResult): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}\n--- summary\n${run.summary}`
}

/** Runs the checks; a failure carries the action's log and summary, so a red test says what happened. */
export async function explained(run: RunResult, check: () => Promise<void> | void): Promise<void> {
  try {
    await check()
  } catch (error) {
    if (error instanceof Error) error.message += `\n\n${transcript(run)}`
    throw error
  }
}
