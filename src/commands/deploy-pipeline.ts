// The one deploy pipeline, whatever the service's deployment controller: checks (nothing changes until all pass),
// the revision registered or resolved, the record opened, the engine run, the result reported. What differs
// between controllers — their own checks, the plan, an orphaned rollout, how the engine is set up — a subclass
// supplies: TaskSetDeploy (deploy-task-sets.ts) and EcsControllerDeploy (deploy-ecs.ts), the way
// actions/setup-node runs one base flow with a subclass per distribution.

import * as core from '@actions/core'
import type { AlarmGates } from '../aws/alarm-gates.js'
import { readBack } from '../aws/read-back.js'
import { readService, sharedService, type ServiceInfo } from '../aws/service.js'
import { RECENT_MS } from '../aws/shared-reads.js'
import {
  isTaskDefinitionFile,
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../aws/task-definition.js'
import { formatDuration, InputError } from '../config/parse.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { checkMetricPlaceholders } from './metric-wiring.js'
import { once } from './registrations.js'
import { chooseDeployOver, ownerOf } from './rollout-owner.js'
import type { SessionDeps } from './session-deps.js'
import { alreadyRunning, checkAlarmsAtStart, checkedGates, newRecord, newRolloutId } from './start-checks.js'

/** GitHub-hosted jobs are stopped after 6 hours. */
const JOB_LIMIT_MS = 6 * 3_600_000

/** A fresh rollout, its record written and ready for the engine. */
export interface NewRollout {
  record: RolloutRecord
  plan: Plan
  gates: AlarmGates
  /** The new task definition in full, for "what changed" (the stable one is read when the controller needs it). */
  to?: TaskDefinitionInfo
  /** The rollout this one replaces, left without an owner (takeover: true). */
  inFlight?: RolloutRecord
}

export abstract class DeployPipeline {
  constructor(
    protected readonly config: Config,
    protected readonly deps: SessionDeps,
    protected service: ServiceInfo
  ) {}

  // ---- what a controller supplies ----
  /** What a person can do about a rollout in flight: with its owner alive, and with its owner gone. */
  protected abstract readonly remedies: { live: string; orphan: string }
  /** The controller's own checks of the inputs and the service, before anything else is read. */
  protected abstract checkSetup(): Promise<void>
  /** The plan for today's size. */
  protected abstract planFor(desired: number): Plan
  /** Checks that need the service's state, just before the first change. */
  protected abstract checkBeforeChange(inFlight: RolloutRecord | undefined): Promise<void>
  /**
   * A rollout without a live owner, which takeover: true (or `reRun`: it was an earlier attempt's of this job)
   * lets this run deal with first: an Outcome when this run stops there, otherwise the stable revision to roll
   * out over.
   */
  protected abstract settle(
    inFlight: RolloutRecord | undefined,
    reRun: boolean
  ): Promise<{ stop: Outcome } | { stable?: string }>
  /** Runs the engine over the new rollout. */
  protected abstract roll(rollout: NewRollout): Promise<Outcome>

  async run(taskDefinitionRef: string): Promise<Outcome> {
    const { config, deps } = this
    const { clients, clock } = deps
    // ---- checks: nothing below changes anything until the task definition is registered ----
    await this.checkSetup()
    const file = isTaskDefinitionFile(taskDefinitionRef)
      ? await loadTaskDefinitionFile(taskDefinitionRef, config.containerImages)
      : undefined
    const gates = await checkedGates(config, clients)
    checkMetricPlaceholders(config, this.service)
    const plan = this.checkedPlan()
    const recorded = decodeRecord(this.service.tags)
    const inFlight = recorded?.phase === 'Active' ? recorded : undefined
    const reRun = inFlight ? this.refuseInFlight(inFlight) : false
    await this.checkBeforeChange(inFlight)
    await checkAlarmsAtStart(config, gates, clock)

    // ---- act ----
    const settled = await this.settle(inFlight, reRun)
    if ('stop' in settled) return settled.stop
    const rolloutId = newRolloutId(deps.run)
    const resolved = await once(deps, file?.family ?? taskDefinitionRef, () =>
      file
        ? registerTaskDefinition(clients.ecs, file, rolloutId)
        : resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId)
    )
    if (resolved.arn === settled.stable) return alreadyRunning(config, resolved.arn)
    const record = newRecord(config, deps.run, clock.now(), {
      id: rolloutId,
      steps: plan.steps.length,
      newTaskDefinition: resolved.arn,
      stableTaskDefinition: settled.stable
    })
    // A re-run has settled the rollout it found already: there is nothing left for this one to replace.
    return this.roll({ record, plan, gates, to: resolved.definition, inFlight: reRun ? undefined : inFlight })
  }

  /**
   * An orphan settled (on-orphan): this run stops unless it succeeded or rolled back, else goes on from here.
   * DescribeServices lags the writes settling just made: the service is read until it shows the revision settling
   * left serving, and that revision is the stable one whatever the last read shows.
   */
  protected async afterOrphan(
    settled: Outcome,
    inFlight: Pick<RolloutRecord, 'newTaskDefinition' | 'stableTaskDefinition'>
  ): Promise<{ stop: Outcome } | { stable?: string }> {
    const { config, deps } = this
    const settledOk = settled.status === Status.Succeeded || settled.status === Status.RolledBack
    if (!settledOk || deps.cancel?.aborted) return { stop: settled }
    // A lagging read taken for it would roll this run out over the orphan's new revision after a rollback, or
    // find "nothing to roll out" and report success with the old revision serving (chaos seed 50068).
    const serving =
      settled.status === Status.Succeeded ? inFlight.newTaskDefinition : inFlight.stableTaskDefinition
    this.service = await readBack(
      () =>
        readService(
          deps.clients.ecs,
          config.cluster,
          config.service,
          sharedService(deps.clients.shared, config.cluster, config.service, RECENT_MS)
        ),
      service => serving === undefined || service.taskDefinition === serving,
      deps.clock
    )
    return { stable: serving ?? this.service.taskDefinition }
  }

  /** The plan for today's size, refused before anything changes if it cannot be carried out within timeout. */
  private checkedPlan(): Plan {
    const { config } = this
    let plan: Plan
    try {
      plan = this.planFor(this.service.desiredCount)
    } catch (error) {
      throw new InputError(
        'max-surge',
        `${(error as Error).message} (desired count ${this.service.desiredCount})`
      )
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

  /**
   * A rollout in flight with a live owner is that owner's; one without, this run's only with takeover: true, or
   * when this run is a re-run of the job that left it. True for a re-run.
   */
  private refuseInFlight(inFlight: RolloutRecord): boolean {
    const { config, deps } = this
    const choice = chooseDeployOver(inFlight, config, deps.clock.now(), deps.run)
    if (choice.kind === 'refuse-live')
      throw new Error(
        `a rollout (${inFlight.id}) is already in progress on ${config.service}, owned by ${ownerOf(inFlight)} (started by ${inFlight.actor}): ${this.remedies.live} first`
      )
    if (choice.kind === 'refuse-orphan')
      throw new Error(
        `rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: ${this.remedies.orphan}`
      )
    if (choice.reRun)
      core.info(
        `Rollout ${inFlight.id} was left by attempt ${inFlight.ownerRun?.attempt} of this job, which has ended: this re-run takes it over at once (on-orphan: ${config.onOrphan})`
      )
    return choice.reRun
  }
}
