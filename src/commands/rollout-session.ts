// What deploy and the control commands (resume, promote, abort, …) share: the ports for one rollout on one
// service, the event sinks, and running the reconciler to an Outcome.

import * as core from '@actions/core'
import { DescribeTaskDefinitionCommand, type TaskDefinition } from '@aws-sdk/client-ecs'
import { AlarmGates } from '../aws/alarm-gates.js'
import type { Clients } from '../aws/clients.js'
import { ListenerWeights, replicasTraffic } from '../aws/listener-weights.js'
import { RecordStore } from '../aws/record-store.js'
import { describeService, type ServiceInfo } from '../aws/service.js'
import { taskDefinitionLabel } from '../aws/task-definition.js'
import { TaskSetFleet, type TaskSetFleetOptions } from '../aws/task-set-fleet.js'
import { routeTestListener } from '../aws/test-listener.js'
import type { Config, PlanConfig } from '../config/types.js'
import { Output, State, Status } from '../constants.js'
import { describeError } from '../errors.js'
import type { EngineState } from '../engine/decide.js'
import type { EventSink, RevisionInfo, RolloutEvent } from '../engine/events.js'
import type { Clock, GatesPort, TrafficPort } from '../engine/ports.js'
import {
  Reconciler,
  reasonText,
  type EngineResult,
  type EngineSettings,
  type Hooks
} from '../engine/reconciler.js'
import { startDeployReport } from '../github/reporter.js'
import { HookRunner } from '../hooks/runner.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import type { RolloutRecord } from '../record/record.js'
import { fanOut, LiveSummary } from '../report/live-summary.js'
import { createLogSink } from '../report/log.js'
import type { RunContext } from '../run-context.js'
import type { Outcome } from './outcome.js'
import { recordVersion } from './versions.js'

export interface SessionDeps {
  clients: Clients
  clock: Clock
  run: RunContext
  cancel?: AbortSignal
}

export interface Ports {
  /** With traffic by weights: the target group the new revision registers in, and the stable one's. */
  newTargetGroup?: string
  stableTargetGroup?: string
  fleet: TaskSetFleet
  traffic: TrafficPort
  gates: AlarmGates
  records: RecordStore
}

/** Builds the adapters for a rollout of `record.newTaskDefinition` over `record.stableTaskDefinition`. */
export async function portsFor(
  config: Config,
  clients: Clients,
  service: ServiceInfo,
  record: RolloutRecord
): Promise<Ports> {
  let traffic: TrafficPort = replicasTraffic
  let weights: ListenerWeights | undefined
  let newLoadBalancers: ServiceInfo['loadBalancers'] | undefined
  let newTargetGroup: string | undefined
  let stableTargetGroup: string | undefined
  if (record.plan.traffic === 'weights') {
    const registered = await newTaskSetGroup(config, clients, record)
    weights = new ListenerWeights({
      elb: clients.elb,
      listenerArn: config.listenerArn,
      listenerRuleArn: config.listenerRuleArn,
      targetGroups: config.targetGroups,
      // A rollout under way splits the route's traffic, so its new task set says which group is which.
      stableTargetGroup: registered && config.targetGroups.find(tg => tg !== registered)
    })
    const [stableGroup, newGroup] = [await weights.stableTargetGroup(), await weights.newTargetGroup()]
    traffic = weights
    newTargetGroup = newGroup
    stableTargetGroup = stableGroup
    if (
      !registered &&
      service.taskDefinition &&
      !service.loadBalancers.some(lb => lb.targetGroupArn === stableGroup)
    )
      throw new Error(
        `the route sends ${config.service}'s traffic to ${stableGroup}, but its serving task set registers in ${service.loadBalancers.map(lb => lb.targetGroupArn).join(', ') || 'no target group'}: target-groups must name the target group the serving tasks register in and the one beside it`
      )
    // The new task set registers in the other target group; everything else is as the stable one has it.
    newLoadBalancers = service.loadBalancers.map(lb =>
      lb.targetGroupArn === stableGroup ? { ...lb, targetGroupArn: newGroup } : lb
    )
  }
  return {
    traffic,
    newTargetGroup,
    stableTargetGroup,
    fleet: new WeightedFleet({
      ecs: clients.ecs,
      cluster: config.cluster,
      service: config.service,
      newTaskDefinition: record.newTaskDefinition,
      stableTaskDefinition: record.stableTaskDefinition,
      rolloutId: record.id,
      clientToken: record.id,
      newLoadBalancers,
      weights
    }),
    gates: new AlarmGates({
      cloudwatch: clients.cloudwatch,
      alarms: config.alarms,
      warningAlarms: config.warningAlarms
    }),
    records: new RecordStore({ ecs: clients.ecs, serviceArn: service.arn })
  }
}

/**
 * The task sets; by weights, the new target group joins the route (at weight 0) before the new task set is
 * created in it, since ECS refuses a target group no load balancer uses.
 */
class WeightedFleet extends TaskSetFleet {
  constructor(private readonly options: TaskSetFleetOptions & { weights?: ListenerWeights }) {
    super(options)
  }

  override async ensureNew(): Promise<void> {
    await this.options.weights?.attach()
    await super.ensureNew()
  }
}

/** The target group of target-groups the new revision's task set registers in, once that task set exists. */
async function newTaskSetGroup(
  config: Config,
  clients: Clients,
  record: RolloutRecord
): Promise<string | undefined> {
  if (record.newTaskDefinition === record.stableTaskDefinition) return undefined
  const sets = (await describeService(clients.ecs, config.cluster, config.service)).taskSets ?? []
  const fresh = sets.find(s => s.status !== 'DRAINING' && s.taskDefinition === record.newTaskDefinition)
  return fresh?.loadBalancers
    ?.map(lb => lb.targetGroupArn)
    .find((tg): tg is string => !!tg && config.targetGroups.includes(tg))
}

export interface RunOptions {
  config: Config
  deps: SessionDeps
  record: RolloutRecord
  state: EngineState
  ports: Ports
  /** The task definition being replaced, for "what changed". */
  from?: TaskDefinition
  to?: TaskDefinition
  /** Gates off: a service's very first task set has nothing to protect. */
  ungated?: boolean
  plan?: PlanConfig
  outputs?: Partial<Record<Output, string>>
}

/** The log, the live job summary and the GitHub report of one rollout, and how its result becomes an Outcome. */
export interface Reporting {
  events: EventSink
  region: string
  /** Records the version's outcome, reports to GitHub and maps the result to the step's status and outputs. */
  finish(result: EngineResult, extra?: Partial<Record<Output, string>>): Promise<Outcome>
}

export async function startReporting(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  from?: TaskDefinition,
  to?: TaskDefinition
): Promise<Reporting> {
  const region = await deps.clients.ecs.config.region()
  const summary = new LiveSummary({
    repository: deps.run.repository,
    serverUrl: deps.run.serverUrl,
    runUrl: deps.run.runUrl,
    taskDefinitions: to ? { from, to } : undefined,
    showEnvValues: config.showEnvValues
  })
  const label = taskDefinitionLabel(record.newTaskDefinition)
  const github = await startDeployReport(config, `Rolling ${label} out to ${config.service}`)
  const events = fanOut(
    createLogSink(core),
    summary,
    github.sink(() => summary.render())
  )
  return {
    events,
    region,
    finish: async (result, extra) => {
      if (result.status !== Status.Paused) {
        const ended = VERSION_OUTCOMES[result.status as string] ?? 'failed'
        await recordVersion(deps.clients.ecs, record, ended, deps.clock.now()).catch(error =>
          core.warning(`Could not record the outcome on ${record.newTaskDefinition}: ${String(error)}`)
        )
      }
      const outputs = {
        [Output.RolloutId]: record.id,
        [Output.TaskDefinitionArn]: record.newTaskDefinition,
        [Output.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? '',
        ...extra
      }
      const outcome = outcomeOf(result, outputs, summary.render())
      await github.finish(
        outcome.status,
        outcome.failure ?? `${label} ${outcome.status} on ${config.service}`,
        outcome.summary,
        config.url
      )
      return outcome
    }
  }
}

/** Names the rollout this run owns for the post step, the safety net should the main step be killed. */
export function saveForPostStep(config: Config, rolloutId: string): void {
  core.saveState(
    State.Rollout,
    JSON.stringify({ cluster: config.cluster, service: config.service, id: rolloutId })
  )
}

/** The reconciler's (and the ECS follower's) settings from the inputs. */
export function engineSettings<P>(config: Config, plan: P): Omit<EngineSettings, 'plan'> & { plan: P } {
  return {
    plan,
    pollIntervalMs: config.pollIntervalMs,
    stepTimeoutMs: config.stepTimeoutMs,
    timeoutMs: config.timeoutMs,
    maxFailedTasks: config.maxFailedTasks,
    onFailure: config.onFailure,
    onCancel: config.onCancel
  }
}

const VERSION_OUTCOMES: Record<string, string> = {
  [Status.Succeeded]: 'succeeded',
  [Status.RolledBack]: 'rolled-back',
  [Status.Aborted]: 'aborted'
}

/** Runs the reconciler from `state` to an Outcome, with the log and a live job summary. */
export async function runRollout(o: RunOptions): Promise<Outcome> {
  const { config, deps, record, ports } = o
  const reporting = await startReporting(config, deps, record, o.from, o.to)
  const { events } = reporting
  const planConfig = o.plan ?? record.plan
  const observed = await ports.fleet.observe(true)
  events.emit(
    startEvent(
      config,
      record,
      reporting.region,
      buildPlan(planConfig, observed.desiredCount),
      o.state.step,
      deps.clock.now()
    )
  )
  const result = await new Reconciler(
    record,
    o.state,
    {
      fleet: ports.fleet,
      traffic: ports.traffic,
      gates: o.ungated ? noGates : ports.gates,
      records: ports.records,
      events,
      clock: deps.clock,
      hooks: hooksFor(config, deps, record, events, ports),
      cancel: deps.cancel
    },
    engineSettings(config, planConfig),
    deps.clock.now()
  ).run()
  return reporting.finish(result, o.outputs)
}

/** The rollout's first event, which the log, the summary and the GitHub report open with. */
export function startEvent(
  config: Config,
  record: RolloutRecord,
  region: string,
  plan: Plan,
  fromStep: number,
  at: number
): Extract<RolloutEvent, { kind: 'start' }> {
  return {
    kind: 'start',
    at,
    rolloutId: record.id,
    cluster: config.cluster,
    service: config.service,
    region,
    from: record.stableTaskDefinition ? revision(record.stableTaskDefinition) : undefined,
    to: revision(record.newTaskDefinition),
    plan,
    fromStep,
    gates: { alarms: config.alarms, warningAlarms: config.warningAlarms }
  }
}

/** The lifecycle hooks' runner, when any hook is configured; `testUrl` gives hooks the test listener's URL. */
export function hookRunner(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  events: EventSink,
  testUrl?: () => Promise<string | undefined>
): HookRunner | undefined {
  const h = config.hooks
  if (!(h.preTraffic || h.postStep || h.postDeploy || h.onRollback)) return undefined
  return new HookRunner({
    hooks: h,
    stepTimeoutMs: config.stepTimeoutMs,
    context: {
      service: config.service,
      cluster: config.cluster,
      rolloutId: record.id,
      newTaskDefinition: record.newTaskDefinition,
      stableTaskDefinition: record.stableTaskDefinition,
      testUrl
    },
    events,
    log: core,
    clock: deps.clock,
    signal: deps.cancel
  })
}

/**
 * The lifecycle hooks, and the test listener. The test listener is pointed at the new revision's target group
 * at the rollout's first gate (before production traffic moves, or after the first step is up), when the new
 * tasks are running and healthy: test traffic never meets an empty target group. Hooks get its URL. A rollback
 * points it back at the stable revision's target group, after production traffic and before the new tasks go.
 */
function hooksFor(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  events: EventSink,
  ports: Ports
): Hooks | undefined {
  const listener = config.testListenerArn
  const group = ports.newTargetGroup
  let routed: Promise<string> | undefined
  const route = (): Promise<string> =>
    (routed ??= routeTestListener(deps.clients.elb, listener ?? '', group ?? '').then(url => {
      core.info(`test listener ${url} forwards to ${group}, the new revision's target group`)
      return url
    }))
  const runner = hookRunner(config, deps, record, events, async () => routed?.catch(() => undefined))
  if (!listener || !group) return runner
  return {
    async run(name, context) {
      if (name !== 'on-rollback') {
        try {
          await route()
        } catch (error) {
          routed = undefined
          return {
            kind: 'api',
            message: `could not point test listener ${listener} at ${group}: ${describeError(error)}`
          }
        }
      }
      return runner?.run(name, context)
    },
    async leavingNew() {
      const back = ports.stableTargetGroup
      if (!back) return
      routed = routeTestListener(deps.clients.elb, listener, back)
      await routed.then(
        url => core.info(`test listener ${url} forwards to ${back} again`),
        error =>
          core.warning(`Could not point test listener ${listener} back at ${back}: ${describeError(error)}`)
      )
    }
  }
}

export async function describeTaskDefinition(
  clients: Clients,
  arn: string | undefined
): Promise<TaskDefinition | undefined> {
  if (!arn) return undefined
  const out = await clients.ecs
    .send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))
    .catch(() => undefined)
  return out?.taskDefinition
}

const noGates: GatesPort = { missing: async () => [], read: async () => ({ alarms: [], warnings: [] }) }

export function revision(arn: string): RevisionInfo {
  return { arn, label: taskDefinitionLabel(arn) }
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
