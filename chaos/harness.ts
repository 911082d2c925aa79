// What the chaos driver does to the sandbox besides running the action: builds a scenario's service, reads
// the service and its rollout record, and moves the manual alarm. Injected faults hit these calls too (they
// are global to the sandbox), so every call here is retried until it gets through.

import { DeleteAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { DeleteServiceCommand, DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs'
import {
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  type Action
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { SandboxControl } from '../sandbox/client.js'
import {
  createManualAlarm,
  createScene,
  registerRevision,
  sandboxClients,
  type Clients
} from '../sandbox/fixtures.js'
import { createNativeScene } from '../sandbox/nativeScene.js'
import { tagRecord } from '../src/aws/tags.js'
import { decodeRecord, type RolloutRecord } from '../src/record/record.js'
import type { Scenario } from './scenario.js'

export const CLUSTER = 'chaos'
/** The revision the service runs before the rollout starts in half a second, as the new one does unless told. */
export const FAST = { SANDBOX_START_SECONDS: '0.5' }

/** What the harness needs of a service's scene, whatever built it (createScene or createNativeScene). */
export interface ChaosScene {
  clients: Clients
  serviceName: string
  family: string
  taskDefinition: string
  targetGroups: string[]
  loadBalancer?: string
  listener?: string
  /** Native strategies: the production listener rule ECS moves the weights of. */
  productionRule?: string
  alarmName?: string
}

export interface ChaosService {
  scene: ChaosScene
  name: string
  /** The 5xx alarm on the service's load balancer. */
  alarm: string
  /** An alarm only SetAlarmState moves (its metric is never published, missing data ignored). */
  manualAlarm: string
  old: string
  next: string
  /** Action inputs that name the route, with traffic by weights. */
  trafficInputs: Record<string, string>
  /** The service's own settings before the rollout (the user's, the action must leave them as they are). */
  settings: string
  /** The sandbox's read-after-write lag: the harness reads what a run left only after it (0 without realism). */
  lagMs: number
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/** Retries `call` through injected faults: they are bounded bursts, so it gets through within seconds. */
export async function retrying<T>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call()
    } catch (error) {
      if (i >= attempts) throw error
      await sleep(250 * Math.min(i, 4))
    }
  }
}

/** A service of the scenario's kind: task sets, ECS rolling, or ECS set up for its native strategies. */
function createKindScene(url: string, s: Scenario, name: string): Promise<ChaosScene> {
  const common = {
    cluster: CLUSTER,
    service: name,
    desiredCount: s.desiredCount,
    env: FAST,
    alarm: { name: `${name}-5xx`, threshold: 5, period: 1 }
  }
  if (s.kind.controller === 'ECS' && s.traffic === 'weights') return createNativeScene(url, common)
  return createScene(url, {
    ...common,
    controller: s.kind.controller,
    loadBalanced: true,
    weightedTargetGroups: s.kind.controller === 'EXTERNAL' && s.traffic === 'weights'
  })
}

/**
 * A service of the scenario (`name`, default its first), steady on its first revision, with both alarms and the
 * new revision registered (or `next`, the one a wave's first service registered).
 */
export async function setUpService(
  url: string,
  s: Scenario,
  lagMs = 0,
  name = s.service,
  next?: string
): Promise<ChaosService> {
  // A scene half-built when a fault struck is left behind; the next attempt builds another under a new name.
  // Faults are the sandbox's, not the run's: several runs' throttling bursts and shared throttling can meet on
  // one setup (seed 100168 failed five quick attempts in 4 s), so attempts back off as `retrying` does.
  let scene: ChaosScene | undefined
  for (let attempt = 1; !scene; attempt++) {
    try {
      scene = await createKindScene(url, s, attempt === 1 ? name : `${name}-${attempt}`)
    } catch (error) {
      if (attempt >= 10) throw error
      await sleep(250 * Math.min(attempt, 4))
    }
  }
  const { cw, ecs } = scene.clients
  const manualAlarm = `${scene.serviceName}-manual`
  await retrying(() => createManualAlarm(cw, manualAlarm))
  next ??= await retrying(() => registerRevision(ecs, scene.family, { ...FAST, ...s.env }))
  const control = new SandboxControl(url)
  if (s.latencyFactor)
    await retrying(() => control.setRevisionFault({ taskDefinition: next, latencyFactor: s.latencyFactor }))
  if (s.hookTimeoutSeconds)
    await retrying(() =>
      control.setHooks({ service: scene.serviceName, timeoutSeconds: s.hookTimeoutSeconds })
    )
  const settings = serviceSettings(
    (
      await retrying(() =>
        ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [scene.serviceName] }))
      )
    ).services![0]
  )
  // A service exists long before its first rollout: the rollout reads it once the sandbox's lag has passed.
  if (lagMs) await sleep(lagMs + 200)
  return {
    settings,
    lagMs,
    scene,
    name: scene.serviceName,
    alarm: scene.alarmName!,
    manualAlarm,
    old: scene.taskDefinition,
    next,
    // ECS's native strategies need no traffic inputs: the service's load balancer names its route.
    trafficInputs:
      s.traffic === 'weights' && s.kind.controller === 'EXTERNAL'
        ? {
            traffic: 'weights',
            'listener-arn': scene.listener!,
            'target-groups': scene.targetGroups.join(',')
          }
        : {}
  }
}

/**
 * The settings a user (or IaC) owns: the deployment controller, and the deployment configuration with its
 * lifecycle hooks, alarms and circuit breaker, as one comparable string.
 */
export function serviceSettings(service: Service): string {
  return JSON.stringify({
    deploymentController: service.deploymentController,
    deploymentConfiguration: service.deploymentConfiguration
  })
}

export function clientsFor(url: string): Clients {
  return sandboxClients(url, { maxAttempts: 1 })
}

export async function describeService(svc: ChaosService): Promise<Service> {
  const out = await retrying(() =>
    svc.scene.clients.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: [svc.name], include: ['TAGS'] })
    )
  )
  return out.services![0]
}

/**
 * Deletes a checked run's service, as a test cleans up after itself: a sandbox simulates, journals and meters every
 * service it holds at every tick, and a 1000-run batch on one sandbox ran out of memory keeping them all.
 */
/**
 * Everything a run built, deleted once its checks are done: the service, its alarms, its load balancer (with its
 * listeners and rules) and target groups. A 1000-run batch shares two sandboxes for an hour; whatever a run left
 * would be simulated and publish metrics on every tick until the end.
 */
export async function removeScene(svc: ChaosService): Promise<void> {
  const { ecs, elb, cw } = svc.scene.clients
  await retrying(() =>
    ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: svc.name, force: true }))
  )
  await retrying(() => cw.send(new DeleteAlarmsCommand({ AlarmNames: [svc.alarm, svc.manualAlarm] })))
  const lb = svc.scene.loadBalancer
  if (lb) await retrying(() => elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb })))
  for (const tg of svc.scene.targetGroups)
    await retrying(() => elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg })))
}

/** The record as the service holds it; a read after a run waits out the sandbox's lag first (`settled`). */
export async function readRecord(svc: ChaosService, settled = false): Promise<RolloutRecord | undefined> {
  if (settled && svc.lagMs) await sleep(svc.lagMs + 200)
  return decodeRecord(tagRecord((await describeService(svc)).tags))
}

/** The production route's forward weights by target group: the listener's, or the native production rule's. */
export async function listenerWeights(svc: ChaosService): Promise<Record<string, number>> {
  const { elb } = svc.scene.clients
  const rule = svc.scene.productionRule
  const actions: Action[] = rule
    ? (await retrying(() => elb.send(new DescribeRulesCommand({ RuleArns: [rule] })))).Rules![0].Actions!
    : (await retrying(() => elb.send(new DescribeListenersCommand({ ListenerArns: [svc.scene.listener!] }))))
        .Listeners![0].DefaultActions!
  const action = actions.find(a => a.Type === 'forward')
  const groups = action?.ForwardConfig?.TargetGroups ?? [
    { TargetGroupArn: action?.TargetGroupArn, Weight: 1 }
  ]
  return Object.fromEntries(groups.map(g => [g.TargetGroupArn!, g.Weight ?? 1]))
}

export async function setAlarmState(svc: ChaosService, state: 'ALARM' | 'OK'): Promise<void> {
  await retrying(() =>
    svc.scene.clients.cw.send(
      new SetAlarmStateCommand({
        AlarmName: svc.manualAlarm,
        StateValue: state,
        StateReason:
          state === 'ALARM' ? 'Threshold Crossed: chaos fired the alarm' : 'chaos cleared the alarm'
      })
    )
  )
}
