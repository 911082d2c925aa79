// The one deploy pipeline, whatever the service's deployment controller: checks (nothing changes until all pass),
// the revision registered or resolved, the record opened, the engine run, the result reported. What differs
// between controllers — their own checks, the plan, an orphaned rollout, how the engine is set up — a subclass
// supplies: TaskSetDeploy (deploy-task-sets.ts) and EcsControllerDeploy (deploy-ecs.ts), the way
// actions/setup-node runs one base flow with a subclass per distribution.

import * as core from '@actions/core'
import type { AlarmGates } from '../aws/alarm-gates.js'
import type { ServiceInfo } from '../aws/service.js'
import {
  isTaskDefinitionFile,
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../aws/task-definition.js'
import { formatDuration, InputError } from '../config/parse.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import type { Config } from '../config/types.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord, type RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { ownerIsAlive, ownerOf } from './ownership.js'
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
   * A rollout without a live owner, which takeover: true lets this run deal with first: an Outcome when this run
   * stops there, otherwise the stable revision to roll out over.
   */
  protected abstract settle(
    inFlight: RolloutRecord | undefined
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
    const plan = this.checkedPlan()
    const recorded = decodeRecord(this.service.tags)
    const inFlight = recorded?.phase === 'Active' ? recorded : undefined
    if (inFlight) this.refuseInFlight(inFlight)
    await this.checkBeforeChange(inFlight)
    await checkAlarmsAtStart(config, gates, clock)

    // ---- act ----
    const settled = await this.settle(inFlight)
    if ('stop' in settled) return settled.stop
    const rolloutId = newRolloutId(deps.run)
    const resolved = file
      ? await registerTaskDefinition(clients.ecs, file, rolloutId)
      : await resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId)
    if (resolved.arn === settled.stable) return alreadyRunning(config, resolved.arn)
    const record = newRecord(config, deps.run, clock.now(), {
      id: rolloutId,
      steps: plan.steps.length,
      newTaskDefinition: resolved.arn,
      stableTaskDefinition: settled.stable
    })
    return this.roll({ record, plan, gates, to: resolved.definition, inFlight })
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

  /** A rollout in flight with a live owner is that owner's; one without, this run's only with takeover: true. */
  private refuseInFlight(inFlight: RolloutRecord): void {
    const { config } = this
    if (ownerIsAlive(inFlight, config, this.deps.clock.now()))
      throw new Error(
        `a rollout (${inFlight.id}) is already in progress on ${config.service}, owned by ${ownerOf(inFlight)} (started by ${inFlight.actor}): ${this.remedies.live} first`
      )
    if (!config.takeover)
      throw new Error(
        `rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: ${this.remedies.orphan}`
      )
  }
}
