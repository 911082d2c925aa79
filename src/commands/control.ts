// Commands that act on a rollout already on the service, from later runs: status, pause, resume, promote, abort.
// A paused rollout (or one whose owner is gone) is carried on by this run itself. A rollout whose owner is
// still running is asked through a request on the record, and this run waits until the owner has acted.

import * as core from '@actions/core'
import { describeService, readService, type ServiceInfo } from '../aws/service.js'
import { writeRecordFields } from '../aws/record-store.js'
import { taskDefinitionLabel } from '../aws/task-definition.js'
import type { Config, PlanConfig } from '../config/types.js'
import { InputError, show } from '../config/parse.js'
import { Output, Status } from '../constants.js'
import { HEARTBEAT_MS } from '../engine/reconciler.js'
import { buildPlan } from '../plan/planner.js'
import { decodeRecord, tagValue, type Request, type RolloutRecord } from '../record/record.js'
import { escapeHtml } from '../report/html.js'
import { carryOnEcsController } from './deploy-ecs.js'
import { ownerIsAlive, ownerOf, resumeState, takeOver } from './ownership.js'
import type { Outcome } from './outcome.js'
import {
  describeTaskDefinition,
  portsFor,
  runRollout,
  saveForPostStep,
  type SessionDeps
} from './rollout-session.js'

/** Inputs that describe the strategy: given to a resume or promote, they replace the rollout's strategy. */
const STRATEGY_INPUTS = [
  'strategy',
  'batch-size',
  'batch-interval',
  'partition',
  'step-percent',
  'step-bake-time',
  'canary-percent',
  'canary-bake-time',
  'steps'
]
/** Inputs that change the steps' task counts (and so where the rollout stands in the plan). */
const STEP_INPUTS = [...STRATEGY_INPUTS, 'max-surge', 'max-unavailable', 'stable-scale']
/** How long a control run waits for a running owner to act on its request. */
const ACK_TIMEOUT_MS = 120_000
const ACK_POLL_MS = 1000

export async function controlCommand(config: Config, deps: SessionDeps): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const record = decodeRecord(service.tags)
  if (config.command === 'status')
    return statusOutcome(config, record, service, undefined, await liveState(config, deps))
  if (!record || record.phase !== 'Active')
    throw new Error(
      `there is no rollout in progress on ${config.service}${record ? ` (the last one, ${record.id}, ended ${record.outcome ?? 'completed'})` : ''}: nothing to ${config.command}`
    )
  const alive = ownerIsAlive(record, config, deps.clock.now())
  const rollingBack = record.stage === 'rolling-back'
  if (service.controller === 'ECS') return controlEcsDeployment(config, deps, service, record, alive)
  switch (config.command) {
    case 'pause':
      if (record.stage === 'paused' || record.stage === 'batch-completed')
        return statusOutcome(config, record, service, 'already paused')
      if (rollingBack) return refuseWhileRollingBack(config, record, alive)
      if (alive) return askOwner(config, deps, service, record, 'pause')
      {
        // Written as this run's: a run that still executes it (a heartbeat older than takeover-after) stops.
        const taken = {
          stage: 'paused',
          heartbeat: String(deps.clock.now()),
          owner: deps.run.runUrl || deps.run.actor
        }
        await writeRecordFields(deps.clients.ecs, service.arn, taken)
        return statusOutcome(
          config,
          { ...record, ...taken, heartbeat: deps.clock.now(), stage: 'paused' },
          service,
          'paused (its owner was gone)'
        )
      }
    case 'abort':
      return aborted(
        alive
          ? await askOwner(config, deps, service, record, 'abort')
          : await carryOn(config, deps, service, record, { mode: 'rollback' })
      )
    case 'resume':
      if (rollingBack && !alive) return carryOn(config, deps, service, record, { mode: 'rollback' })
      if (alive && (rollingBack || !stepsChanged(config)))
        return statusOutcome(config, record, service, `is already running in ${ownerOf(record)}`)
      // A rollback that lost its owner is carried on above: a resume never turns it forward again.
      if (alive) return withNewPlan(config, deps, service, record, 'by-counts')
      return carryOn(config, deps, service, record, { mode: 'forward', step: resumeStep(config, record) })
    case 'promote': {
      if (rollingBack) return refuseWhileRollingBack(config, record, alive)
      const target = promoteStep(config, record)
      if (alive && !stepsChanged(config)) return askOwner(config, deps, service, record, target.request)
      if (alive) return withNewPlan(config, deps, service, record, target.step)
      return carryOn(config, deps, service, record, { mode: 'forward', step: target.step })
    }
    default:
      throw new Error(`command: ${config.command} is not a control command`)
  }
}

/** The rollout is rolled back, as asked: that is an abort's success. */
function aborted(outcome: Outcome): Outcome {
  const done = outcome.status === Status.Aborted || outcome.status === Status.RolledBack
  return done ? { ...outcome, failure: undefined } : outcome
}

/**
 * A rollout on an ECS-controller service is a deployment ECS carries on by itself: it can be aborted (ECS
 * rolls it back) or, when its owner is gone, followed again under the gates; it cannot be paused, promoted or
 * given other steps.
 */
async function controlEcsDeployment(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  alive: boolean
): Promise<Outcome> {
  const rollingBack = record.stage === 'rolling-back'
  switch (config.command) {
    case 'abort':
      return aborted(
        alive
          ? await askOwner(config, deps, service, record, 'abort')
          : await carryOnEcsController(config, deps, service, record, {
              plan: planFor(config, record),
              rollback: { kind: 'requested', by: deps.run.actor, command: 'abort' }
            })
      )
    case 'resume':
      if (stepsChanged(config))
        throw new InputError(
          STEP_INPUTS.find(i => config.given.has(i)) ?? 'strategy',
          `ECS carries rollout ${record.id} on ${config.service} out with the strategy it started with, so a resume cannot change its steps: abort it and deploy again`
        )
      if (alive) return statusOutcome(config, record, service, `is already running in ${ownerOf(record)}`)
      return carryOnEcsController(config, deps, service, record, {
        plan: planFor(config, record),
        rollback: rollingBack ? { kind: 'orphan', owner: ownerOf(record) } : undefined
      })
    default:
      throw new Error(
        `rollout ${record.id} on ${config.service} is a deployment that ECS carries out itself (ECS deployment controller), so it cannot be ${config.command === 'pause' ? 'paused' : 'promoted'}: abort rolls it back, resume follows it again when its run is gone`
      )
  }
}

/** The running owner plans with its own steps: it is asked to pause, and this run carries on with new ones. */
async function withNewPlan(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  step: number | 'by-counts'
): Promise<Outcome> {
  const paused = await askOwner(config, deps, service, record, 'pause')
  if (paused.status !== Status.Paused) return paused
  const now = await readService(deps.clients.ecs, config.cluster, config.service)
  const current = decodeRecord(now.tags)
  if (!current || current.id !== record.id || current.phase !== 'Active') return paused
  return carryOn(config, deps, now, current, { mode: 'forward', step })
}

function refuseWhileRollingBack(config: Config, record: RolloutRecord, alive: boolean): never {
  throw new Error(
    `rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${ownerOf(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`
  )
}

/**
 * The plan to continue with: the record's, with whatever this run's step inputs say instead. A strategy
 * input replaces the strategy; capacity inputs and bake-time replace theirs; the traffic mode stays.
 */
export function planFor(config: Config, record: RolloutRecord): PlanConfig {
  const given = (input: string): boolean => config.given.has(input)
  const plan = record.plan
  return {
    ...plan,
    strategy: STRATEGY_INPUTS.some(given) ? config.plan.strategy : plan.strategy,
    maxSurge: given('max-surge') ? config.plan.maxSurge : plan.maxSurge,
    maxUnavailable: given('max-unavailable') ? config.plan.maxUnavailable : plan.maxUnavailable,
    stableScale: given('stable-scale') ? config.plan.stableScale : plan.stableScale,
    bakeMs: given('bake-time') ? config.plan.bakeMs : plan.bakeMs
  }
}

function stepsChanged(config: Config): boolean {
  return STEP_INPUTS.some(i => config.given.has(i))
}

/** A resumed rollout continues at its step; one waiting at a manual pause goes past it. */
function resumeStep(config: Config, record: RolloutRecord): number | 'by-counts' {
  if (stepsChanged(config)) return 'by-counts'
  return record.stage === 'batch-completed' ? record.step + 1 : record.step
}

function promoteStep(
  config: Config,
  record: RolloutRecord
): { step: number | 'by-counts'; request: Request } {
  if (config.promoteFull) return { step: Number.MAX_SAFE_INTEGER, request: 'promote:full' }
  if (config.to !== undefined) {
    const n = Number(config.to)
    if (!Number.isInteger(n) || n < 1)
      throw new InputError('to', `${show(config.to)} is not a step number for promote`)
    if (n <= record.step)
      throw new InputError(
        'to',
        `${show(config.to)} is not ahead of the rollout, which is at step ${record.step} of ${record.steps}: promote goes forward only (abort, or a partition, goes back)`
      )
    return { step: n, request: `promote:${n}` }
  }
  if (stepsChanged(config)) return { step: 'by-counts', request: `promote:${record.step + 1}` }
  return { step: record.step + 1, request: `promote:${record.step + 1}` }
}

/**
 * Where a changed plan takes over: with a partition, its one step (up or down to the partition, then the
 * pause); otherwise the first step beyond the new tasks running today, or the final phase past the last.
 */
export function stepByCounts(plan: PlanConfig, steps: { new: number }[], newTasks: number): number {
  if (plan.strategy.name === 'rolling' && plan.strategy.partition) return 1
  const index = steps.findIndex(s => s.new > newTasks)
  return index === -1 ? steps.length + 1 : index + 1
}

async function carryOn(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  how: { mode: 'forward' | 'rollback'; step?: number | 'by-counts' }
): Promise<Outcome> {
  const plan = planFor(config, record)
  const taken: RolloutRecord = { ...takeOver(record, deps, how.mode), plan }
  const ports = await portsFor(config, deps.clients, service, taken)
  const fleet = await ports.fleet.observe(true)
  const steps = buildPlan(plan, fleet.desiredCount).steps
  // A changed plan takes effect from the current position.
  const step =
    how.step === 'by-counts'
      ? stepByCounts(plan, steps, fleet.new?.desired ?? 0)
      : Math.min(how.step ?? record.step, steps.length + 1)
  taken.step = Math.min(step, steps.length)
  taken.steps = steps.length
  await ports.records.save(taken)
  saveForPostStep(config, record.id)
  if (how.mode === 'forward') await ports.fleet.ensureNew()
  // The record as the gone run left it (with the plan going on): a rollback it lost keeps its owner as the cause.
  const state = await resumeState({ ...record, plan }, ports, step, how.mode, deps.clock.now())
  // An abort is this run's request; a rollback that lost its owner keeps its cause (the owner stopped).
  if (state.mode === 'rollback' && config.command === 'abort')
    state.failure = { kind: 'requested', by: deps.run.actor, command: 'abort' }
  return runRollout({
    config,
    deps,
    record: taken,
    ports,
    state,
    from: await describeTaskDefinition(deps.clients, record.stableTaskDefinition),
    to: await describeTaskDefinition(deps.clients, record.newTaskDefinition)
  })
}

/** Leaves a request on the record for the running owner and waits until it has acted on it. */
async function askOwner(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  request: Request
): Promise<Outcome> {
  core.info(`Rollout ${record.id} is running in ${ownerOf(record)}: asking it to ${request}`)
  const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor
  await writeRecordFields(deps.clients.ecs, service.arn, { request, 'request-by': tagValue(by) })
  const deadline = deps.clock.now() + ACK_TIMEOUT_MS
  // A live owner heart-beats every HEARTBEAT_MS: one whose heartbeat stands still for three of them is gone.
  let heartbeat = record.heartbeat
  let heartbeatSeenAt = deps.clock.now()
  for (;;) {
    await deps.clock.sleep(ACK_POLL_MS)
    const now = await readService(deps.clients.ecs, config.cluster, config.service)
    const current = decodeRecord(now.tags)
    if (current && current.heartbeat !== heartbeat) {
      heartbeat = current.heartbeat
      heartbeatSeenAt = deps.clock.now()
    }
    const acted = !current || current.id !== record.id || current.request !== request
    if (acted && current?.request === undefined) {
      const settled = request === 'abort' ? await untilCompleted(config, deps, record, deadline) : current
      return statusOutcome(config, settled, now, `${request} done by the owner`)
    }
    if (deps.clock.now() - heartbeatSeenAt > 3 * HEARTBEAT_MS)
      throw new Error(
        `the run that owns rollout ${record.id} (${ownerOf(record)}) has not heart-beaten for ${Math.round((deps.clock.now() - heartbeatSeenAt) / 1000)}s and did not act on "${request}": it seems gone. Run this again with a takeover-after shorter than its silence (e.g. takeover-after: 1m) to act on the rollout directly; the request stays on the service`
      )
    if (deps.clock.now() > deadline)
      throw new Error(
        `the run that owns rollout ${record.id} (${ownerOf(record)}) did not act on "${request}" within ${ACK_TIMEOUT_MS / 1000}s; the request stays on the service`
      )
  }
}

async function untilCompleted(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  deadline: number
): Promise<RolloutRecord | undefined> {
  for (;;) {
    const current = decodeRecord((await readService(deps.clients.ecs, config.cluster, config.service)).tags)
    if (!current || current.id !== record.id || current.phase === 'Completed') return current
    if (deps.clock.now() > deadline) return current
    await deps.clock.sleep(ACK_POLL_MS)
  }
}

/** What ECS runs now, a line per task set: the live side of `status`. */
async function liveState(config: Config, deps: SessionDeps): Promise<string[]> {
  const found = await describeService(deps.clients.ecs, config.cluster, config.service)
  return (found.taskSets ?? []).map(
    set =>
      `task set ${set.id} (${taskDefinitionLabel(set.taskDefinition ?? '')}): ${set.status}, ${set.runningCount ?? 0} of ${set.computedDesiredCount ?? 0} tasks running (scale ${set.scale?.value ?? 0}%), ${set.stabilityStatus === 'STEADY_STATE' ? 'steady' : 'stabilizing'}`
  )
}

function heartbeatText(record: RolloutRecord): string {
  if (record.heartbeat === 0) return 'handed over by its run after a cancel'
  return `last heartbeat ${new Date(record.heartbeat).toISOString()}`
}

const OUTCOME_STATUS: Record<string, Status> = {
  succeeded: Status.Succeeded,
  'rolled-back': Status.RolledBack,
  aborted: Status.Aborted,
  failed: Status.Failed
}

/** The record and live state in the log, the summary and the outputs; changes nothing. */
export function statusOutcome(
  config: Config,
  record: RolloutRecord | undefined,
  service: ServiceInfo,
  note?: string,
  live: string[] = []
): Outcome {
  if (!record) {
    const text = `${config.service} has no rollout on record${service.taskDefinition ? `; it runs ${taskDefinitionLabel(service.taskDefinition)}` : ''}`
    core.info(text)
    for (const line of live) core.info(line)
    return {
      status: Status.Succeeded,
      outputs: { [Output.TaskDefinitionArn]: service.taskDefinition ?? '' },
      summary: `<h2>${escapeHtml(text)}</h2>\n`
    }
  }
  const status =
    record.phase === 'Completed'
      ? (OUTCOME_STATUS[record.outcome ?? 'succeeded'] ?? Status.Succeeded)
      : record.stage === 'executing' || record.stage === 'rolling-back'
        ? Status.InProgress
        : Status.Paused
  const lines = [
    `Rollout ${record.id} on ${config.service}: ${record.phase}${record.stage ? ` (${record.stage})` : ''}${record.outcome ? `, ${record.outcome}` : ''}${note ? ` — ${note}` : ''}`,
    `${record.stableTaskDefinition ? taskDefinitionLabel(record.stableTaskDefinition) : 'nothing'} → ${taskDefinitionLabel(record.newTaskDefinition)}, step ${record.step} of ${record.steps}`,
    `started ${new Date(record.startedAt).toISOString()} by ${record.actor}${record.runUrl ? ` in ${record.runUrl}` : ''}${record.commit ? ` at ${record.commit.slice(0, 12)}` : ''}`,
    `${heartbeatText(record)}${record.reason ? `; reason: ${record.reason}` : ''}${record.request ? `; request pending: ${record.request}` : ''}`
  ]
  if (status === Status.InProgress && ownerOf(record))
    lines.push(
      record.heartbeat === 0
        ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
        : `owned by ${ownerOf(record)}`
    )
  lines.push(...live)
  for (const line of lines) core.info(line)
  const summary = `<h2>Rollout ${escapeHtml(record.id)} on ${escapeHtml(config.service)}</h2>\n<ul>${lines.map(l => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n`
  const outputs: Partial<Record<Output, string>> = {
    [Output.RolloutId]: record.id,
    [Output.TaskDefinitionArn]: record.newTaskDefinition,
    [Output.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? ''
  }
  if (record.reason) outputs[Output.Reason] = record.reason
  const failed = status === Status.RolledBack || status === Status.Failed || status === Status.Aborted
  return {
    status,
    outputs,
    summary,
    failure: failed && config.command !== 'status' ? (record.reason ?? status) : undefined
  }
}
