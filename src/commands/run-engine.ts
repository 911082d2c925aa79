// The last stages of every rollout, whatever its controller: the log, the live job summary and the GitHub report
// opened with the start event, the engine run with them, and its result recorded on the version and mapped to the
// step's status and outputs.

import * as core from '@actions/core'
import { taskDefinitionLabel } from '../aws/task-definition.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import type { Config } from '../config/types.js'
import { Output, State } from '../constants.js'
import type { EventSink, RevisionInfo, RolloutEvent } from '../engine/events.js'
import type { EngineResult, EngineSettings } from '../engine/loop-types.js'
import { recordedOutcome } from '../engine/outcome.js'
import { startDeployReport } from '../github/reporter.js'
import { HookRunner } from '../hooks/runner.js'
import type { Plan } from '../plan/types.js'
import type { RolloutRecord } from '../record/record.js'
import { fanOut, LiveSummary } from '../report/live-summary.js'
import { createLogSink } from '../report/log.js'
import { prefixedLog } from '../report/prefixed-log.js'
import { outcomeOf, type Outcome } from './outcome.js'
import type { SessionDeps } from './session-deps.js'
import { recordVersion } from './versions.js'

/** One engine run of a rollout, as a controller sets it up. */
export interface EngineRun {
  config: Config
  deps: SessionDeps
  record: RolloutRecord
  /** The plan for the service's size now, and the step the run starts from. */
  plan: Plan
  fromStep: number
  /** ECS: the service's ECS deployment controller carries the deployment out. */
  controller?: 'ECS'
  /** The task definitions being replaced and rolled out, for "what changed". */
  from?: TaskDefinitionInfo
  to?: TaskDefinitionInfo
  outputs?: Partial<Record<Output, string>>
  /** What the metric gates judge on this service, a line each (MetricGateJudge.describe). */
  metricGates?: string[]
  /** Runs the engine, its events going to the log, the summary and GitHub. */
  engine(events: EventSink): Promise<EngineResult>
}

/** Opens the reporting with the start event, runs the engine, and reports its result as an Outcome. */
export async function runEngine(o: EngineRun): Promise<Outcome> {
  const { config, deps, record } = o
  const reporting = await startReporting(config, deps, record, o.from, o.to)
  const start = startEvent(config, record, reporting.region, o.plan, o.fromStep, deps.clock.now())
  if (o.metricGates?.length && start.gates) start.gates.metrics = o.metricGates
  reporting.events.emit(o.controller ? { ...start, controller: o.controller } : start)
  return reporting.finish(await o.engine(reporting.events), o.outputs)
}

/** The log, the live job summary and the GitHub report of one rollout, and how its result becomes an Outcome. */
interface Reporting {
  events: EventSink
  region: string
  /** Records the version's outcome, reports to GitHub and maps the result to the step's status and outputs. */
  finish(result: EngineResult, extra?: Partial<Record<Output, string>>): Promise<Outcome>
}

async function startReporting(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  from?: TaskDefinitionInfo,
  to?: TaskDefinitionInfo
): Promise<Reporting> {
  const region = await deps.clients.ecs.config.region()
  const summary = new LiveSummary(
    {
      repository: deps.run.repository,
      serverUrl: deps.run.serverUrl,
      runUrl: deps.run.runUrl,
      taskDefinitions: to ? { from, to } : undefined,
      showEnvValues: config.showEnvValues
    },
    // One of several services: the run's own live table (deploy-waves.ts) is the job summary, not this service's.
    deps.logLabel ? '' : process.env.GITHUB_STEP_SUMMARY
  )
  const label = taskDefinitionLabel(record.newTaskDefinition)
  const github = await startDeployReport(config, `Rolling ${label} out to ${config.service}`)
  const events = fanOut(
    createLogSink(deps.logLabel ? prefixedLog(core, deps.logLabel) : core),
    summary,
    github.sink(() => summary.render())
  )
  return {
    events,
    region,
    finish: async (result, extra) => {
      const ended = recordedOutcome(result.status)
      if (ended)
        await recordVersion(deps.clients.ecs, record, ended, deps.clock.now()).catch(error =>
          core.warning(`Could not record the outcome on ${record.newTaskDefinition}: ${String(error)}`)
        )
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

/** The engine's settings from the inputs. */
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

function revision(arn: string): RevisionInfo {
  return { arn, label: taskDefinitionLabel(arn) }
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
