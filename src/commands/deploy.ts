// command: deploy on a service with the EXTERNAL deployment controller (task sets).
// Everything that can be checked is checked before the first mutating call: the service and its controller,
// the task definition file, the alarms, the plan and the timeout, and alarms already firing.

import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { AlarmGates } from '../aws/alarm-gates.js'
import type { Clients } from '../aws/clients.js'
import { replicasTraffic, ListenerWeights } from '../aws/listener-weights.js'
import { RecordStore } from '../aws/record-store.js'
import { readService, type ServiceInfo } from '../aws/service.js'
import {
  isTaskDefinitionFile,
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../aws/task-definition.js'
import { TaskSetFleet } from '../aws/task-set-fleet.js'
import { formatDuration, InputError } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import type { EngineState } from '../engine/decide.js'
import type { EventSink, RevisionInfo } from '../engine/events.js'
import type { AlarmState, Clock, GatesPort, TrafficPort } from '../engine/ports.js'
import { Reconciler, reasonText, type EngineResult, type Hooks } from '../engine/reconciler.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import { fanOut, LiveSummary } from '../report/live-summary.js'
import { createLogSink } from '../report/log.js'
import type { RunContext } from '../run-context.js'
import type { Outcome } from './outcome.js'

/** GitHub-hosted jobs are stopped after 6 hours. */
const JOB_LIMIT_MS = 6 * 3_600_000

export interface DeployDeps {
  clients: Clients
  clock: Clock
  run: RunContext
  cancel?: AbortSignal
  hooks?: (context: HookSetup) => Hooks | undefined
}

export interface HookSetup {
  rolloutId: string
  newTaskDefinition: string
  stableTaskDefinition?: string
  events: EventSink
}

export async function deployCommand(config: Config, deps: DeployDeps): Promise<Outcome> {
  const { clients, clock } = deps
  // ---- checks: nothing below changes anything until `register` ----
  const service = await readService(clients.ecs, config.cluster, config.service)
  checkController(service)
  const active = decodeRecord(service.tags)
  if (active?.phase === 'Active')
    throw new Error(
      `a rollout (${active.id}) is already in progress on ${config.service}, started by ${active.actor}${active.runUrl ? ` in ${active.runUrl}` : ''}: promote, resume or abort it first`
    )
  const ref = config.taskDefinition as string
  const file = isTaskDefinitionFile(ref)
    ? await loadTaskDefinitionFile(ref, config.containerImages)
    : undefined
  const gates = new AlarmGates({
    cloudwatch: clients.cloudwatch,
    alarms: config.alarms,
    warningAlarms: config.warningAlarms
  })
  const missing = await gates.missing()
  if (missing.length) {
    const input = config.alarms.includes(missing[0]) ? 'alarms' : 'warning-alarms'
    throw new InputError(
      input,
      `alarm ${missing.map(m => `"${m}"`).join(', ')} does not exist in this account and region`
    )
  }
  const desired = service.desiredCount
  const plan = checkedPlan(config, desired)
  await checkAlarmsAtStart(config, gates, clock)

  // ---- act ----
  const rolloutId = newRolloutId(deps.run)
  const resolved = file
    ? await registerTaskDefinition(clients.ecs, file, rolloutId)
    : await resolveTaskDefinition(clients.ecs, ref, config.containerImages, rolloutId)
  const outputs = {
    [Output.RolloutId]: rolloutId,
    [Output.TaskDefinitionArn]: resolved.arn,
    [Output.PreviousTaskDefinitionArn]: service.taskDefinition ?? ''
  }
  if (resolved.arn === service.taskDefinition) {
    core.info(`${config.service} already runs ${label(resolved.arn)}: nothing to roll out`)
    return {
      status: Status.Succeeded,
      outputs: { ...outputs, [Output.TrafficPercent]: '100' },
      summary: `<h2>✅ ${config.service} already runs ${label(resolved.arn)}</h2>\n<p>Nothing was changed.</p>\n`
    }
  }

  const traffic = await trafficFor(config, clients)
  const fleet = new TaskSetFleet({
    ecs: clients.ecs,
    cluster: config.cluster,
    service: config.service,
    newTaskDefinition: resolved.arn,
    stableTaskDefinition: service.taskDefinition,
    rolloutId,
    clientToken: rolloutId,
    newLoadBalancers: traffic.newLoadBalancers?.(service)
  })
  const records = new RecordStore({ ecs: clients.ecs, serviceArn: service.arn })
  const record: RolloutRecord = {
    id: rolloutId,
    phase: 'Active',
    stage: 'executing',
    step: 1,
    steps: plan.steps.length,
    newTaskDefinition: resolved.arn,
    stableTaskDefinition: service.taskDefinition,
    plan: config.plan,
    actor: deps.run.actor,
    runUrl: deps.run.runUrl,
    commit: deps.run.commit,
    startedAt: clock.now(),
    heartbeat: clock.now()
  }
  const region = await clients.ecs.config.region()
  const summary = new LiveSummary({
    repository: deps.run.repository,
    serverUrl: deps.run.serverUrl,
    runUrl: deps.run.runUrl,
    taskDefinitions: await taskDefinitionsFor(clients, service.taskDefinition, resolved.definition),
    showEnvValues: config.showEnvValues
  })
  const events = fanOut(createLogSink(core), summary)
  await records.save(record)
  await fleet.ensureNew()
  events.emit({
    kind: 'start',
    at: clock.now(),
    rolloutId,
    cluster: config.cluster,
    service: config.service,
    region,
    from: service.taskDefinition ? revision(service.taskDefinition) : undefined,
    to: revision(resolved.arn),
    plan,
    fromStep: 1,
    gates: { alarms: config.alarms, warningAlarms: config.warningAlarms }
  })

  const state: EngineState = {
    mode: 'forward',
    step: 1,
    phase: 'moving',
    stepStartedAt: clock.now(),
    trafficPercent: 0,
    promoted: false
  }
  // A service that never had a task set gets its first one at full size: there is nothing to protect yet.
  const firstDeploy = !service.taskDefinition
  const hooks = deps.hooks?.({
    rolloutId,
    newTaskDefinition: resolved.arn,
    stableTaskDefinition: service.taskDefinition,
    events
  })
  const result = await new Reconciler(
    record,
    state,
    {
      fleet,
      traffic: traffic.port,
      gates: firstDeploy ? noGates : gates,
      records,
      events,
      clock,
      hooks,
      cancel: deps.cancel
    },
    {
      plan: firstDeploy ? { ...config.plan, strategy: { name: 'all-at-once' }, bakeMs: 0 } : config.plan,
      pollIntervalMs: config.pollIntervalMs,
      stepTimeoutMs: config.stepTimeoutMs,
      timeoutMs: config.timeoutMs,
      maxFailedTasks: config.maxFailedTasks,
      onFailure: config.onFailure,
      onCancel: config.onCancel
    },
    clock.now()
  ).run()
  return outcomeOf(result, outputs, summary.render())
}

function checkController(service: ServiceInfo): void {
  if (service.controller === 'EXTERNAL') return
  if (service.controller === 'CODE_DEPLOY')
    throw new Error(
      'the service uses the CODE_DEPLOY deployment controller, which CodeDeploy drives: ecs-rollout supports the EXTERNAL controller (task sets) and the ECS controller'
    )
  throw new Error(
    'the service uses the ECS deployment controller, which this version of ecs-rollout does not drive yet: use a service with the EXTERNAL controller'
  )
}

/** The plan for today's size, refused before anything changes if the capacity rules cannot carry it out. */
function checkedPlan(config: Config, desired: number): Plan {
  let plan: Plan
  try {
    plan = buildPlan(config.plan, desired)
  } catch (error) {
    throw new InputError('max-surge', `${(error as Error).message} (desired count ${desired})`)
  }
  const waits = plan.steps.reduce((sum, s) => sum + (s.pause === 'manual' ? 0 : s.bakeMs), plan.finalBakeMs)
  if (waits > config.timeoutMs)
    throw new InputError(
      'timeout',
      `${formatDuration(config.timeoutMs)} is shorter than the plan's bakes and pauses alone (${formatDuration(waits)}): raise timeout or shorten the bakes`
    )
  if (waits > JOB_LIMIT_MS)
    core.warning(
      `The plan's bakes take ${formatDuration(waits)}, longer than GitHub's 6-hour job limit: use partition or pause steps and promote from later runs`
    )
  return plan
}

async function checkAlarmsAtStart(config: Config, gates: GatesPort, clock: Clock): Promise<void> {
  if (config.onAlarmAtStart === 'ignore' || config.alarms.length === 0) return
  const deadline = clock.now() + config.timeoutMs
  for (;;) {
    const firing = (await gates.read()).alarms.filter(a => a.state === 'ALARM')
    if (firing.length === 0) return
    if (config.onAlarmAtStart === 'fail' || clock.now() >= deadline)
      throw new Error(
        `${describeFiring(firing)}: nothing was changed. Fix the cause, or set on-alarm-at-start: wait or ignore`
      )
    core.info(`Waiting for ${firing.map(a => a.name).join(', ')} to leave ALARM before starting`)
    await clock.sleep(config.pollIntervalMs)
  }
}

function describeFiring(firing: AlarmState[]): string {
  const [first] = firing
  const more = firing.length > 1 ? ` (and ${firing.length - 1} more)` : ''
  return `alarm ${first.name} is already in ALARM since ${new Date(first.since).toISOString()}${more}: ${first.reason}`
}

interface TrafficSetup {
  port: TrafficPort
  newLoadBalancers?: (service: ServiceInfo) => ServiceInfo['loadBalancers']
}

async function trafficFor(config: Config, clients: Clients): Promise<TrafficSetup> {
  if (config.plan.traffic === 'replicas') return { port: replicasTraffic }
  const weights = new ListenerWeights({
    elb: clients.elb,
    listenerArn: config.listenerArn,
    listenerRuleArn: config.listenerRuleArn,
    targetGroups: config.targetGroups
  })
  const [stableGroup, newGroup] = [await weights.stableTargetGroup(), await weights.newTargetGroup()]
  return {
    port: weights,
    // The new task set registers in the other target group; everything else is as the stable one has it.
    newLoadBalancers: service =>
      service.loadBalancers.map(lb =>
        lb.targetGroupArn === stableGroup ? { ...lb, targetGroupArn: newGroup } : lb
      )
  }
}

async function taskDefinitionsFor(
  clients: Clients,
  fromArn: string | undefined,
  to: TaskDefinition
): Promise<{ from?: TaskDefinition; to: TaskDefinition }> {
  if (!fromArn) return { to }
  const { DescribeTaskDefinitionCommand } = await import('@aws-sdk/client-ecs')
  const from = await clients.ecs
    .send(new DescribeTaskDefinitionCommand({ taskDefinition: fromArn }))
    .catch(() => undefined)
  return { from: from?.taskDefinition, to }
}

const noGates: GatesPort = { missing: async () => [], read: async () => ({ alarms: [], warnings: [] }) }

function newRolloutId(run: RunContext): string {
  const suffix = randomBytes(3).toString('hex')
  return run.runId
    ? `r${run.runId}-${run.runAttempt ?? '1'}-${suffix}`
    : `r${Date.now().toString(36)}-${suffix}`
}

export function label(arn: string): string {
  return arn.replace(/^.*:task-definition\//, '')
}

function revision(arn: string): RevisionInfo {
  return { arn, label: label(arn) }
}

/** Maps the engine's result to the step's status, outputs and failure. */
export function outcomeOf(
  result: EngineResult,
  outputs: Partial<Record<Output, string>>,
  summary: string
): Outcome {
  const reason = reasonText(result.reason)
  const all = { ...outputs, [Output.TrafficPercent]: String(result.trafficPercent) }
  if (reason) all[Output.Reason] = reason
  switch (result.status) {
    case Status.Succeeded:
      return { status: result.status, outputs: all, summary }
    case Status.Paused:
      // A pause at a manual step is where the plan asked to stop: not a failed job. A gate that failed is.
      return result.reason
        ? {
            status: result.status,
            outputs: all,
            summary,
            failure: `Paused at step ${result.step} because ${reason}: promote or abort from a later run`
          }
        : { status: result.status, outputs: all, summary }
    case Status.RolledBack:
      return { status: result.status, outputs: all, summary, failure: `Rolled back: ${reason}` }
    case Status.Aborted:
      return { status: result.status, outputs: all, summary, failure: `Aborted: ${reason}` }
    default:
      return { status: result.status, outputs: all, summary, failure: reason ?? 'the rollout failed' }
  }
}
