// The AWS adapters through the real SDK clients against the in-process sandbox, which simulates ECS's
// task-set dynamics (STABILIZING → STEADY_STATE, running counts, crashing tasks) that moto cannot.

import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import { DescribeTaskSetsCommand, ECSClient } from '@aws-sdk/client-ecs'
import { AlarmGates } from '../../src/aws/alarm-gates.js'
import { ListenerWeights } from '../../src/aws/listener-weights.js'
import { loadRecord, RecordStore } from '../../src/aws/record-store.js'
import { readService } from '../../src/aws/service.js'
import {
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../../src/aws/task-definition.js'
import { TaskSetFleet } from '../../src/aws/task-set-fleet.js'
import type { FleetObservation } from '../../src/engine/ports.js'
import { decodeRecord, encodeRecord } from '../../src/record/record.js'
import { SandboxControl } from '../../sandbox/client.js'
import {
  createManualAlarm,
  createScene,
  registerRevision,
  waitFor,
  type Scene
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.2' }
let sandbox: Sandbox
let control: SandboxControl

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 100, seed: 7 })
  control = new SandboxControl(sandbox.url)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

/** The SDK as the action configures it, pointed at the sandbox. */
function ecsClient(): ECSClient {
  return new ECSClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    retryMode: 'adaptive',
    maxAttempts: 5
  })
}

async function mutatingCalls(operation?: string): Promise<string[]> {
  return (await control.calls())
    .filter(c => c.mutating && c.ok && (!operation || c.operation === operation))
    .map(c => c.operation)
}

function fleetFor(scene: Scene, newTaskDefinition: string, rolloutId = 'r1'): TaskSetFleet {
  return new TaskSetFleet({
    ecs: ecsClient(),
    cluster: scene.clusterName,
    service: scene.serviceName,
    newTaskDefinition,
    stableTaskDefinition: scene.taskDefinition,
    rolloutId,
    clientToken: `tok-${rolloutId}`
  })
}

async function converge(
  fleet: TaskSetFleet,
  ok: (o: FleetObservation) => boolean
): Promise<FleetObservation> {
  return waitFor('the fleet to converge', async () => {
    const o = await fleet.observe(false)
    return ok(o) && o
  })
}

describe('TaskSetFleet against the sandbox', () => {
  it('rolls a new task set in: ensureNew, scale, converge, makePrimary, remove', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      env: FAST,
      desiredCount: 4,
      loadBalanced: true
    })
    const next = await registerRevision(scene.clients.ecs, 'web', { ...FAST, VERSION: '2' })
    const service = await readService(ecsClient(), 'prod', 'web')
    expect(service).toMatchObject({
      controller: 'EXTERNAL',
      desiredCount: 4,
      taskDefinition: scene.taskDefinition
    })

    const fleet = fleetFor(scene, next)
    await fleet.ensureNew()
    await fleet.ensureNew()
    expect(await mutatingCalls('CreateTaskSet')).toHaveLength(2) // the scene's and ours, once
    const sets = (
      await scene.clients.ecs.send(
        new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web', include: ['TAGS'] })
      )
    ).taskSets!
    const created = sets.find(s => s.taskDefinition === next)!
    expect(created).toMatchObject({
      externalId: 'ecs-rollout:r1',
      launchType: 'FARGATE',
      networkConfiguration: scene.networkConfiguration,
      loadBalancers: scene.loadBalancers,
      scale: { value: 0, unit: 'PERCENT' },
      tags: expect.arrayContaining([{ key: 'ecs-rollout:role', value: 'new' }])
    })

    const first = await fleet.observe(true)
    expect(first).toMatchObject({
      desiredCount: 4,
      new: { desired: 0, primary: false },
      stable: { desired: 4, primary: true }
    })

    await fleet.scale({ new: 1, stable: 3 }, 4)
    const step = await converge(fleet, o => !!o.new?.steady && !!o.stable?.steady && o.new.running === 1)
    expect(step.stable).toMatchObject({ desired: 3, running: 3, pending: 0 })
    const before = (await mutatingCalls()).length
    await fleet.scale({ new: 1, stable: 3 }, 4)
    expect((await mutatingCalls()).length).toBe(before)

    await fleet.scale({ new: 4, stable: 0 }, 4)
    await converge(fleet, o => !!o.new?.steady && o.new.running === 4 && !!o.stable?.steady)
    await fleet.makePrimary('new')
    await fleet.makePrimary('new')
    expect(await mutatingCalls('UpdateServicePrimaryTaskSet')).toHaveLength(2) // the scene's and ours, once
    await fleet.remove('stable')
    await fleet.remove('stable')
    const done = await fleet.observe(true)
    expect(done).toMatchObject({ new: { primary: true, desired: 4 }, stable: undefined, failedNewTasks: [] })
    expect(await mutatingCalls('DeleteTaskSet')).toHaveLength(1)
    expect((await readService(ecsClient(), 'prod', 'web')).taskDefinition).toBe(next)
  })

  it('reports the crashing tasks of a bad revision, each once', async () => {
    const scene = await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 2 })
    const bad = await registerRevision(scene.clients.ecs, 'web', { ...FAST, SANDBOX_CRASH: 'on-start' })
    const fleet = fleetFor(scene, bad)
    await fleet.ensureNew()
    await fleet.scale({ new: 2, stable: 2 }, 2)
    const seen = await waitFor('failed tasks', async () => {
      const o = await fleet.observe(true)
      return o.failedNewTasks.length >= 3 && o
    })
    expect(seen.new?.steady).toBe(false)
    expect(new Set(seen.failedNewTasks.map(t => t.taskArn)).size).toBe(seen.failedNewTasks.length)
    expect(seen.failedNewTasks[0].reason).toMatch(/Essential container in task exited/)
    // Rolling back: scale-in of the stable set is not a failure, and the new set goes away.
    await fleet.scale({ new: 0, stable: 2 }, 2)
    await fleet.remove('new')
    expect((await fleet.observe(true)).new).toBeUndefined()
  })

  it('says clearly when the service or cluster does not exist', async () => {
    await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 1 })
    await expect(readService(ecsClient(), 'prod', 'api')).rejects.toThrow(
      'service "api" was not found in cluster "prod"'
    )
    await expect(readService(ecsClient(), 'staging', 'web')).rejects.toThrow(
      'cluster "staging" was not found'
    )
  })
})

describe('AlarmGates against the sandbox', () => {
  it('reads metric and composite alarms in one call and names missing ones', async () => {
    const scene = await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 1 })
    const { cw } = scene.clients
    for (const name of ['web-5xx', 'web-latency'])
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          Namespace: 'App',
          MetricName: name,
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold'
        })
      )
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: 'web-health', AlarmRule: 'ALARM("web-5xx")' }))
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'web-latency', StateValue: 'ALARM', StateReason: 'too slow' })
    )
    const gates = new AlarmGates({
      cloudwatch: cw,
      alarms: ['web-5xx', 'web-health', 'nope'],
      warningAlarms: ['web-latency']
    })
    await control.clearCalls()
    expect(await gates.missing()).toEqual(['nope'])
    const { alarms, warnings } = await gates.read()
    expect(alarms.map(a => a.name)).toEqual(['web-5xx', 'web-health', 'nope'])
    expect(warnings[0]).toMatchObject({ name: 'web-latency', state: 'ALARM', reason: 'too slow' })
    expect(warnings[0].since).toBeGreaterThan(0)
    expect((await control.calls()).map(c => c.operation)).toEqual(['DescribeAlarms', 'DescribeAlarms'])
  })

  it('finds an ALARM that came and went between two reads in the alarm history', async () => {
    const scene = await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 1 })
    const { cw } = scene.clients
    await createManualAlarm(cw, 'blip', { period: 60 })
    const set = async (StateValue: 'OK' | 'ALARM', StateReason: string) => {
      await cw.send(new SetAlarmStateCommand({ AlarmName: 'blip', StateValue, StateReason }))
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    await set('OK', 'quiet')
    const gates = new AlarmGates({ cloudwatch: cw, alarms: ['blip'], warningAlarms: [] })
    expect((await gates.read()).alarms[0]).toMatchObject({ state: 'OK' })
    await set('ALARM', 'errors for a moment')
    await set('OK', 'quiet again')
    await control.clearCalls()
    expect((await gates.read()).alarms[0]).toMatchObject({
      state: 'ALARM',
      reason: expect.stringMatching(/^errors for a moment \(back to OK at \S+Z, between two looks\)$/)
    })
    expect((await control.calls()).map(c => c.operation)).toEqual(['DescribeAlarms', 'DescribeAlarmHistory'])
  })
})

describe('ListenerWeights against the sandbox', () => {
  it('shifts weight, verifies it, and rolls back with one mutating call', async () => {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      env: FAST,
      desiredCount: 2,
      weightedTargetGroups: true
    })
    const [blue, green] = scene.targetGroups
    const traffic = new ListenerWeights({
      elb: scene.clients.elb,
      listenerArn: scene.listener,
      targetGroups: [green, blue]
    })
    expect(await traffic.stableTargetGroup()).toBe(blue)
    expect(await traffic.weight()).toBe(0)
    expect(await traffic.targetHealth(blue)).toMatchObject({ healthy: 2, unhealthy: 0 })
    await traffic.setWeight(2.5)
    expect(await traffic.weight()).toBe(2.5)
    await traffic.setWeight(50)
    await control.clearCalls()
    await traffic.setWeight(0)
    await traffic.setWeight(0)
    expect(await mutatingCalls()).toEqual(['ModifyListener'])
    expect(await traffic.weight()).toBe(0)
  })
})

describe('task definitions and the record against the sandbox', () => {
  it('registers a file with overrides, resolves a revision, and keeps the record in the service tags', async () => {
    const scene = await createScene(sandbox.url, { cluster: 'prod', env: FAST, desiredCount: 1 })
    const ecs = ecsClient()
    const existing = await resolveTaskDefinition(ecs, 'web:1', {}, 'r1')
    expect(existing).toMatchObject({ arn: scene.taskDefinition, registered: false })
    const path = join(mkdtempSync(join(tmpdir(), 'ecs-rollout-')), 'td.json')
    writeFileSync(path, JSON.stringify({ taskDefinition: existing.definition }))
    const input = await loadTaskDefinitionFile(path, { app: 'nginx:2' })
    const registered = await registerTaskDefinition(ecs, input, 'r1')
    expect(registered.arn).toMatch(/task-definition\/web:2$/)
    expect(registered.definition.containerDefinitions?.[0].image).toBe('nginx:2')

    const record = {
      id: 'r1',
      phase: 'Active' as const,
      stage: 'executing' as const,
      step: 1,
      steps: 3,
      newTaskDefinition: registered.arn,
      stableTaskDefinition: scene.taskDefinition,
      plan: {
        strategy: { name: 'all-at-once' as const },
        traffic: 'replicas' as const,
        stableScale: 'shrink' as const,
        maxSurge: { kind: 'percent' as const, value: 100 },
        maxUnavailable: { kind: 'count' as const, value: 0 },
        bakeMs: 0
      },
      actor: 'octocat',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      commit: 'abc',
      startedAt: 1,
      heartbeat: 2,
      request: 'pause' as const
    }
    const store = new RecordStore({ ecs, serviceArn: scene.service })
    await store.save(record)
    await store.save({ ...record, request: null, phase: 'Completed', outcome: 'succeeded' })
    const tags = (await readService(ecs, 'prod', 'web')).tags
    expect(tags['ecs-rollout:request']).toBeUndefined()
    expect(decodeRecord(tags)).toMatchObject({
      id: 'r1',
      phase: 'Completed',
      outcome: 'succeeded',
      step: 1,
      steps: 3
    })
    expect(
      loadRecord(Object.entries(encodeRecord(record)).map(([key, value]) => ({ key, value })))?.request
    ).toBe('pause')
  })
})
