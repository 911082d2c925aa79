// Commands that act on a rollout already on the service, from later runs: status, pause, resume, promote, abort.
// What a run does is chosen by control-protocol.ts from the record and this run's inputs; this module carries
// the choice out: it asks a running owner through a request on the record and waits until it has acted, or
// takes the rollout over and carries it on itself.

import * as core from '@actions/core'
import { readService, type ServiceInfo } from '../aws/service.js'
import { writeRecordFields } from '../aws/record-store.js'
import { readRevisions } from '../aws/task-definition.js'
import type { Config } from '../config/types.js'
import { READ_LAG_MS, Status } from '../constants.js'
import { HEARTBEAT_MS } from '../engine/reconciler.js'
import { buildPlan } from '../plan/planner.js'
import {
  decodeRecord,
  encodeRunAttempt,
  tagValue,
  type Request,
  type RolloutRecord
} from '../record/record.js'
import { chooseControl, stepByCounts, type ControlChoice, type StepChoice } from './control-protocol.js'
import { changePlan } from './plan-change.js'
import { ownedBy, ownerIsAlive, ownerOf, takeOver } from './rollout-owner.js'
import { liveState, statusOutcome } from './control-status.js'
import { carryOnEcsController } from './deploy-ecs.js'
import { awaitDeployWindow } from './deploy-window-check.js'
import { resumeState } from './ownership.js'
import type { Outcome } from './outcome.js'
import { portsFor, runRollout, saveForPostStep, type SessionDeps } from './rollout-session.js'

/** How long a control run waits for a running owner to act on its request. */
const ACK_TIMEOUT_MS = 120_000
const ACK_POLL_MS = 1000

export async function controlCommand(config: Config, deps: SessionDeps): Promise<Outcome> {
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const record = decodeRecord(service.tags)
  if (config.command === 'status')
    return statusOutcome(config, record, service, undefined, await liveState(config, deps))
  const choice = chooseControl(record, service.controller, config, deps.clock.now(), deps.run)
  if (choice.kind === 'refuse') throw choice.error
  if (config.command === 'promote') await awaitDeployWindow(config, deps)
  // chooseControl refuses anything but an Active record.
  const outcome = await carryOut(choice, config, deps, service, record as RolloutRecord)
  return config.command === 'abort' ? aborted(outcome) : outcome
}

async function carryOut(
  choice: Exclude<ControlChoice, { kind: 'refuse' }>,
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord
): Promise<Outcome> {
  switch (choice.kind) {
    case 'report':
      return statusOutcome(config, record, service, choice.note)
    case 'pause-in-place': {
      // Written as this run's: a run that still executes it (a heartbeat older than takeover-after) stops.
      const { owner, ownerRun } = ownedBy(deps.run)
      const taken = {
        stage: 'paused',
        heartbeat: String(deps.clock.now()),
        owner,
        'owner-run': ownerRun ? encodeRunAttempt(ownerRun) : ''
      }
      await writeRecordFields(deps.clients.ecs, service.arn, taken)
      return statusOutcome(
        config,
        { ...record, owner, ownerRun, heartbeat: deps.clock.now(), stage: 'paused' },
        service,
        'paused (its owner was gone)'
      )
    }
    case 'ask-owner':
      return (await askOwner(config, deps, service, record, choice.request)).outcome
    case 'ask-pause-then-carry-on':
      return withNewPlan(config, deps, service, record, choice.step)
    case 'carry-on':
      return choice.mode === 'rollback'
        ? carryOn(config, deps, service, record, { mode: 'rollback' })
        : carryOn(config, deps, service, record, { mode: 'forward', step: choice.step })
    case 'follow-ecs': {
      const change = changePlan(config, record, 'ECS')
      for (const note of change.notes) core.warning(`Rollout ${record.id}: ${note}`)
      return carryOnEcsController(config, deps, service, record, {
        plan: change.plan,
        step: choice.step,
        promotedTo: choice.promotedTo,
        rollback:
          choice.rollback === 'abort'
            ? { kind: 'requested', by: deps.run.actor, command: 'abort' }
            : choice.rollback === 'orphan'
              ? { kind: 'orphan', owner: ownerOf(record) }
              : undefined
      })
    }
  }
}

/** The rollout is rolled back, as asked: that is an abort's success. */
function aborted(outcome: Outcome): Outcome {
  const done = outcome.status === Status.Aborted || outcome.status === Status.RolledBack
  return done ? { ...outcome, failure: undefined } : outcome
}

/** The running owner plans with its own steps: it is asked to pause, and this run carries on with new ones. */
async function withNewPlan(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  step: StepChoice
): Promise<Outcome> {
  const { outcome: paused, seen } = await askOwner(config, deps, service, record, 'pause')
  if (paused.status !== Status.Paused || !seen) return paused
  // The record as the owner left it, paused, its request cleared: read again, the service's eventually
  // consistent tags could show one from before, with the pause still asked, and this run would pause too.
  const { record: current, service: now } = seen
  if (current.id !== record.id || current.phase !== 'Active') return paused
  // ECS's deployment is carried on from where the owner paused it, as any paused one is.
  if (now.controller === 'ECS') {
    const choice = chooseControl(current, now.controller, config, deps.clock.now(), deps.run)
    if (choice.kind === 'refuse') throw choice.error
    return carryOut(choice, config, deps, now, current)
  }
  return carryOn(config, deps, now, current, { mode: 'forward', step })
}

async function carryOn(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  how: { mode: 'forward' | 'rollback'; step?: StepChoice }
): Promise<Outcome> {
  const { plan } = changePlan(config, record, service.controller)
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
    ...(await readRevisions(deps.clients.ecs, record))
  })
}

/** What the owner did with a request, and the record and service as this run last saw them, once it had. */
interface OwnerAnswer {
  outcome: Outcome
  seen?: { record: RolloutRecord; service: ServiceInfo }
}

/** Leaves a request on the record for the running owner and waits until it has acted on it. */
async function askOwner(
  config: Config,
  deps: SessionDeps,
  service: ServiceInfo,
  record: RolloutRecord,
  request: Request
): Promise<OwnerAnswer> {
  core.info(`Rollout ${record.id} is running in ${ownerOf(record)}: asking it to ${request}`)
  const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor
  await writeRecordFields(deps.clients.ecs, service.arn, { request, 'request-by': tagValue(by) })
  const askedAt = deps.clock.now()
  const deadline = askedAt + ACK_TIMEOUT_MS
  // A live owner heart-beats every HEARTBEAT_MS: one whose heartbeat stands still for three of them is gone.
  let heartbeat = record.heartbeat
  let heartbeatSeenAt = deps.clock.now()
  // The service's tags are eventually consistent: until this run has read its own request back (or the reads
  // have had READ_LAG_MS to catch up), a record without it may predate it, and is no sign the owner acted.
  let seenOwn = false
  for (;;) {
    await deps.clock.sleep(ACK_POLL_MS)
    const now = await readService(deps.clients.ecs, config.cluster, config.service)
    const current = decodeRecord(now.tags)
    if (current && current.heartbeat !== heartbeat) {
      heartbeat = current.heartbeat
      heartbeatSeenAt = deps.clock.now()
    }
    const ours = current?.id === record.id
    if (ours && current.request === request) seenOwn = true
    const caughtUp = seenOwn || deps.clock.now() - askedAt >= READ_LAG_MS
    if (!ours || (caughtUp && current.request === undefined)) {
      // The owner's answer is two writes (its record, then the request removed, or the other way round): a read
      // between them must not be reported as the answer (a pause read as still executing: "in-progress").
      const answered = ANSWERED[request]
      const settled = answered ? await untilShown(config, deps, record, deadline, answered) : current
      const outcome = statusOutcome(config, settled, now, `${request} done by the owner`)
      return { outcome, seen: settled && { record: settled, service: now } }
    }
    // The record first read was older than the owner's last write: the rollout had stopped (paused, or its
    // owner gone) and nobody will act on the request. Chosen again on the record as it is.
    if (seenOwn && !ownerIsAlive(current, config, deps.clock.now())) {
      const choice = chooseControl(current, now.controller, config, deps.clock.now())
      if (choice.kind === 'refuse') throw choice.error
      if (choice.kind !== 'ask-owner' && choice.kind !== 'ask-pause-then-carry-on')
        return { outcome: await carryOut(choice, config, deps, now, current) }
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

/** What the record shows once the owner has answered a request whole: an abort ends the rollout, a pause stops it. */
const ANSWERED: Partial<Record<string, (r: RolloutRecord) => boolean>> = {
  abort: r => r.phase === 'Completed',
  pause: r => r.phase === 'Completed' || r.stage === 'paused' || r.stage === 'batch-completed'
}

async function untilShown(
  config: Config,
  deps: SessionDeps,
  record: RolloutRecord,
  deadline: number,
  answered: (r: RolloutRecord) => boolean
): Promise<RolloutRecord | undefined> {
  for (;;) {
    const current = decodeRecord((await readService(deps.clients.ecs, config.cluster, config.service)).tags)
    if (!current || current.id !== record.id || answered(current)) return current
    if (deps.clock.now() > deadline) return current
    await deps.clock.sleep(ACK_POLL_MS)
  }
}
